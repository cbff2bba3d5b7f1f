// Office supplies (DOMAIN.md §3, issue 7): procurement with 履约验收, the item catalogue and stock
// ledger (入库/领用/退库/盘盈/盘亏, moving-average cost, never negative), requisitions approved per
// configurable tiers and issued in full or in part, and stocktakes (盘点). PURE.
//
// Quantities: numbers with at most three decimals (a 米 or 千克 may be split; a 包 or 个 may not —
// the item says whether its unit is whole). The core stores them as integer thousandths.
// Money: integer 分.
import { z } from 'zod';
import { defineMethods } from './method';
import type { RegisterDef } from './registers';
import { approvalInput } from './approvals';
import { fen, id, isoDate, listInput, listOutput, optionalText, text, year, type Role, paragraph } from './common';

const ALL: readonly Role[] = ['admin', 'clerk', 'approver', 'auditor'];
const KEEPERS: readonly Role[] = ['clerk', 'admin'];
const CLERK: readonly Role[] = ['clerk'];

// ---- quantities ----

export const MAX_QTY = 10_000_000;
/** Thousandths: the unit the core stores quantities in. */
export const QTY_SCALE = 1000;
export const toMilli = (q: number) => Math.round(q * QTY_SCALE);
export const fromMilli = (m: number) => m / QTY_SCALE;
const threeDecimals = (v: number) => Math.abs(v * QTY_SCALE - Math.round(v * QTY_SCALE)) < 1e-6;

/** A quantity > 0 with at most three decimals; whether it must be whole depends on the item (core). */
export const quantity = (label: string) =>
  z
    .number({ message: `${label}必须是数字` })
    .refine((v) => Number.isFinite(v), { message: `${label}必须是有效数字` })
    .refine((v) => v > 0, { message: `${label}必须大于 0` })
    .refine((v) => v <= MAX_QTY, { message: `${label}不能超过 ${MAX_QTY}` })
    .refine(threeDecimals, { message: `${label}最多保留三位小数` })
    .describe(label);

/** A quantity ≥ 0 (a count, an accepted quantity). */
export const quantityOrZero = (label: string) =>
  z
    .number({ message: `${label}必须是数字` })
    .refine((v) => Number.isFinite(v), { message: `${label}必须是有效数字` })
    .refine((v) => v >= 0, { message: `${label}不能为负数` })
    .refine((v) => v <= MAX_QTY, { message: `${label}不能超过 ${MAX_QTY}` })
    .refine(threeDecimals, { message: `${label}最多保留三位小数` })
    .describe(label);

/** Format a quantity for people: 12, 2.5, 0.125. */
export const formatQty = (q: number) => (Number.isInteger(q) ? String(q) : String(Number(q.toFixed(3))));

// ---- vocabulary ----

export const CHANNELS = ['emall', 'agreement', 'centralized', 'direct', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  emall: '电子卖场',
  agreement: '协议供货/定点采购',
  centralized: '政府集中采购',
  direct: '零星直接采购',
  other: '其他方式',
};

export const MOVEMENT_KINDS = ['in', 'issue', 'return', 'gain', 'loss', 'correctUp', 'correctDown'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = {
  in: '入库',
  issue: '领用',
  return: '退库',
  gain: '盘盈',
  loss: '盘亏',
  correctUp: '入库更正（调增）',
  correctDown: '入库更正（调减）',
};
/** +1 adds to stock, −1 takes from it. */
export const MOVEMENT_DIR: Record<MovementKind, 1 | -1> = { in: 1, issue: -1, return: 1, gain: 1, loss: -1, correctUp: 1, correctDown: -1 };

export const PURCHASE_STATES = ['ordered', 'accepted', 'void'] as const;
export type PurchaseState = (typeof PURCHASE_STATES)[number];
export const PURCHASE_STATE_LABELS: Record<PurchaseState, string> = { ordered: '待验收', accepted: '已验收', void: '作废' };

export const ACCEPT_RESULTS = ['pass', 'partial', 'fail'] as const;
export type AcceptResult = (typeof ACCEPT_RESULTS)[number];
export const ACCEPT_RESULT_LABELS: Record<AcceptResult, string> = { pass: '验收合格', partial: '部分合格', fail: '验收不合格' };

export const QUALITIES = ['ok', 'defect', 'reject'] as const;
export type Quality = (typeof QUALITIES)[number];
export const QUALITY_LABELS: Record<Quality, string> = { ok: '合格', defect: '部分不合格', reject: '不合格' };

export const REQ_STATES = ['pending', 'approved', 'partial', 'issued', 'closed', 'rejected', 'void'] as const;
export type ReqState = (typeof REQ_STATES)[number];
export const REQ_STATE_LABELS: Record<ReqState, string> = {
  pending: '待审批',
  approved: '已批准待发放',
  partial: '部分发放',
  issued: '已发放',
  closed: '已结束',
  rejected: '已驳回',
  void: '作废',
};

export const STOCKTAKE_STATES = ['draft', 'confirmed', 'void'] as const;
export type StocktakeState = (typeof STOCKTAKE_STATES)[number];
export const STOCKTAKE_STATE_LABELS: Record<StocktakeState, string> = { draft: '盘点中', confirmed: '已确认', void: '作废' };

export const ITEM_CATEGORIES = ['办公用纸', '书写用品', '文件管理用品', '打印耗材', '办公小电器', '电脑配件', '清洁用品', '其他'] as const;
export const FUNDING_SOURCES = ['财政拨款', '上级补助', '单位自有资金', '其他资金'] as const;

/** Register keys (print/export) and audit object types. */
export const SUPPLY_REGISTER_MOVEMENTS = 'supplies.movements';
export const SUPPLY_REGISTER_ISSUES = 'supplies.issues';
export const SUPPLY_REGISTER_LEDGER = 'supplies.ledger';
export const SUPPLY_REGISTER_ITEMS = 'supplies.items';
export const SUPPLY_REGISTER_PURCHASES = 'supplies.purchases';
export const SUPPLY_REGISTER_STOCKTAKE = 'supplies.stocktake';
export const SUPPLY_ITEM_OBJECT = 'supply_item';
export const SUPPLY_PURCHASE_OBJECT = 'supply_purchase';
export const SUPPLY_REQ_OBJECT = 'supply_requisition';
export const SUPPLY_STOCKTAKE_OBJECT = 'supply_stocktake';
export const SUPPLY_MOVEMENT_OBJECT = 'supply_movement';
export const SUPPLY_SETTINGS_OBJECT = 'supply_settings';

// ---- settings ----

export const tierStep = z.object({
  name: text('审批环节名称', 20),
  /** Who may approve this step; empty: anyone with the 审批人 role. */
  approverIds: z.array(id('指定审批人')).max(20).default([]).describe('指定审批人'),
});
export const requisitionTier = z.object({
  /** The tier applies from this estimated amount (分) upward. */
  minAmount: fen('起点金额'),
  steps: z.array(tierStep).min(1, { message: '每档至少一个审批环节' }).max(5, { message: '每档最多 5 个审批环节' }).describe('审批环节'),
});
export const suppliesSettingsShape = z.object({
  /** 固定资产标准: a purchase line at or above this unit price becomes asset cards. */
  assetThreshold: fen('固定资产标准（单价）').refine((v) => v >= 1, { message: '固定资产标准必须大于 0' }),
  requisitionTiers: z
    .array(requisitionTier)
    .min(1, { message: '至少设置一档审批' })
    .max(5, { message: '最多设置 5 档审批' })
    .describe('领用审批分档')
    .superRefine((tiers, ctx) => {
      if (tiers[0] && tiers[0].minAmount !== 0) ctx.addIssue({ code: 'custom', path: [0, 'minAmount'], message: '第一档的起点金额必须为 0' });
      for (let i = 1; i < tiers.length; i++) {
        if (tiers[i].minAmount <= tiers[i - 1].minAmount) ctx.addIssue({ code: 'custom', path: [i, 'minAmount'], message: '各档起点金额须逐档递增' });
      }
    }),
});
export type SuppliesSettings = z.infer<typeof suppliesSettingsShape>;
export const DEFAULT_SUPPLIES_SETTINGS: SuppliesSettings = {
  assetThreshold: 100_000,
  requisitionTiers: [
    { minAmount: 0, steps: [{ name: '办公室审批', approverIds: [] }] },
    { minAmount: 100_000, steps: [{ name: '办公室审批', approverIds: [] }, { name: '分管领导审批', approverIds: [] }] },
  ],
};

/** The tier an estimated amount falls into. */
export const tierFor = (tiers: SuppliesSettings['requisitionTiers'], amount: number) => [...tiers].reverse().find((t) => amount >= t.minAmount) ?? tiers[0];

// ---- inputs ----

const itemFields = {
  code: optionalText('物品编码', 30).default(''),
  name: text('物品名称', 60),
  spec: optionalText('规格型号', 100).default(''),
  unit: text('计量单位', 10),
  category: text('物品类别', 30),
  reorderLevel: quantityOrZero('库存下限').default(0),
  wholeUnit: z.boolean().default(true).describe('整数计量'),
  remarks: optionalText('备注', 500).default(''),
};
export const itemCreateInput = z.object(itemFields);
export const itemUpdateInput = z.object({ id: id('物品'), ...itemFields });

export const purchaseLineInput = z.object({
  itemId: id('物品').nullish(),
  name: optionalText('品名', 60),
  spec: optionalText('规格型号', 100),
  unit: optionalText('单位', 10),
  quantity: quantity('数量'),
  unitPrice: fen('单价'),
  /** For lines at or above the fixed-asset threshold. */
  assetCategory: optionalText('资产类别', 40),
  brand: optionalText('品牌', 40).default(''),
  model: optionalText('型号', 60).default(''),
});
const purchaseFields = {
  channel: z.enum(CHANNELS, { message: '请选择采购方式' }).default('emall').describe('采购方式'),
  channelReason: optionalText('未通过电子卖场采购的理由', 300).default(''),
  orderNo: text('订单号/合同号', 60),
  supplier: text('供应商', 100),
  buyerId: id('采购经办人'),
  purchasedOn: isoDate('采购日期'),
  fundingSource: text('资金来源', 40).default('财政拨款'),
  lines: z.array(purchaseLineInput).min(1, { message: '请至少填写一项采购明细' }).max(200, { message: '一张采购单最多 200 项明细' }).describe('采购明细'),
  remarks: optionalText('备注', 500).default(''),
};
type ChannelInput = { channel: Channel; channelReason: string };
const channelCheck = (v: ChannelInput, ctx: z.RefinementCtx) => {
  if (v.channel !== 'emall' && v.channelReason.length < 4) {
    ctx.addIssue({ code: 'custom', path: ['channelReason'], message: '未通过电子卖场采购的，须写明理由（至少 4 个字）' });
  }
};
export const purchaseCreateInput = z.object(purchaseFields).superRefine(channelCheck);
export const purchaseUpdateInput = z.object({ id: id('采购单'), ...purchaseFields }).superRefine(channelCheck);

export const acceptInput = z.object({
  id: id('采购单'),
  acceptedOn: isoDate('验收日期'),
  acceptorIds: z.array(id('验收人')).min(1, { message: '请选择验收人' }).max(10, { message: '验收人最多 10 位' }).describe('验收人'),
  lines: z
    .array(
      z.object({
        lineId: id('采购明细'),
        acceptedQty: quantityOrZero('实收合格数量'),
        quality: z.enum(QUALITIES, { message: '请选择质量情况' }).describe('质量情况'),
        note: optionalText('验收情况说明', 300).default(''),
      }),
    )
    .min(1)
    .max(200)
    .describe('验收明细'),
  problems: optionalText('发现的问题', 1000).default(''),
  opinion: paragraph('验收意见', 500),
});

/** 入库更正: the line's accepted quantity and unit price as they really were. */
export const acceptCorrectInput = z.object({
  id: id('采购单'),
  lineId: id('采购明细'),
  acceptedQty: quantityOrZero('更正后实收数量'),
  unitPrice: fen('更正后单价'),
  reason: paragraph('更正原因', 300),
});

export const requisitionCreateInput = z.object({
  requesterId: id('领用人'),
  requestedOn: isoDate('申请日期').optional(),
  purpose: paragraph('领用事由', 200),
  lines: z
    .array(z.object({ itemId: id('物品'), quantity: quantity('申领数量') }))
    .min(1, { message: '请至少选择一种物品' })
    .max(50, { message: '一张领用单最多 50 种物品' })
    .describe('领用明细'),
  remarks: optionalText('备注', 500).default(''),
});
export const requisitionApproveInput = z.object({ id: id('领用单'), approval: approvalInput });
export const issueInput = z.object({
  id: id('领用单'),
  issuedOn: isoDate('发放日期').optional(),
  lines: z
    .array(z.object({ lineId: id('领用明细'), quantity: quantity('发放数量') }))
    .min(1, { message: '请填写本次发放的物品和数量' })
    .max(50)
    .describe('发放明细'),
  note: optionalText('发放说明', 300).default(''),
});
export const requisitionCloseInput = z.object({ id: id('领用单'), reason: paragraph('原因', 300) });

export const returnInput = z.object({
  movementId: id('领用记录'),
  quantity: quantity('退库数量'),
  returnedOn: isoDate('退库日期').optional(),
  reason: paragraph('退库原因', 300),
});

export const stocktakeCreateInput = z.object({
  title: text('盘点名称', 60),
  countedOn: isoDate('盘点日期'),
  /** Empty: every active item with stock or movements. */
  itemIds: z.array(id('物品')).max(10_000).default([]).describe('盘点物品'),
  category: optionalText('物品类别', 30),
  remarks: optionalText('备注', 500).default(''),
});
export const stocktakeSaveInput = z.object({
  id: id('盘点表'),
  countedOn: isoDate('盘点日期').optional(),
  countedById: id('盘点人').nullish(),
  checkedById: id('复核人').nullish(),
  lines: z
    .array(z.object({ lineId: id('盘点明细'), countedQty: quantityOrZero('实盘数量').nullable(), reason: optionalText('差异原因', 200).default('') }))
    .max(10_000)
    .default([])
    .describe('盘点明细'),
  remarks: optionalText('备注', 500),
});
export const stocktakeIdInput = z.object({ id: id('盘点表') });
export const stocktakeVoidInput = z.object({ id: id('盘点表'), reason: paragraph('作废原因', 300) });

const SORTS = ['date', '-date'] as const;
export const movementListInput = listInput.extend({
  kind: z.enum(MOVEMENT_KINDS).optional().describe('业务类型'),
  itemId: z.number().int().positive().optional().describe('物品'),
  recipientId: z.number().int().positive().optional().describe('领用人'),
  department: z.string().trim().max(60).optional().describe('部门'),
  sort: z.enum(SORTS).default('-date').describe('排序'),
});
export type MovementListInput = z.input<typeof movementListInput>;

export const itemListInput = z.object({
  q: z.string().trim().max(60).optional().describe('关键词'),
  category: z.string().trim().max(30).optional().describe('物品类别'),
  activeOnly: z.boolean().default(true),
  lowOnly: z.boolean().default(false),
  inStockOnly: z.boolean().default(false),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const purchaseListInput = listInput.extend({
  buyerId: z.number().int().positive().optional().describe('采购经办人'),
  channel: z.enum(CHANNELS).optional().describe('采购方式'),
  sort: z.enum(SORTS).default('-date'),
});
export const requisitionListInput = listInput.extend({
  requesterId: z.number().int().positive().optional().describe('领用人'),
  department: z.string().trim().max(60).optional().describe('部门'),
  sort: z.enum(SORTS).default('-date'),
});
export const stocktakeListInput = listInput;
export const ledgerInput = z.object({
  from: isoDate('开始日期'),
  to: isoDate('结束日期'),
  category: z.string().trim().max(30).optional(),
  q: z.string().trim().max(60).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
}).refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

// ---- output shapes ----

export const itemShape = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  category: z.string(),
  reorderLevel: z.number(),
  wholeUnit: z.boolean(),
  active: z.boolean(),
  remarks: z.string(),
  balanceQty: z.number(),
  balanceAmount: z.number(),
  /** Moving-average unit cost in 分 (rounded); null when nothing is in stock. */
  avgCost: z.number().nullable(),
  low: z.boolean(),
  lastMovedOn: z.string().nullable(),
});
export type Item = z.infer<typeof itemShape>;

export const movementShape = z.object({
  id: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  date: z.string(),
  quantity: z.number(),
  amount: z.number(),
  balanceQty: z.number(),
  balanceAmount: z.number(),
  recipientId: z.number().nullable(),
  recipientName: z.string(),
  department: z.string(),
  approvedBy: z.string(),
  handledByName: z.string(),
  /** The document behind it: 采购单, 领用单, 盘点表 or the 领用 it returns. */
  refType: z.enum(['purchase', 'requisition', 'stocktake', 'movement']).nullable(),
  refId: z.number().nullable(),
  refNumber: z.string(),
  /** For an issue: what has been returned of it so far. */
  returnedQty: z.number(),
  note: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type Movement = z.infer<typeof movementShape>;

export const purchaseLineShape = z.object({
  id: z.number(),
  lineNo: z.number(),
  itemId: z.number().nullable(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
  isAsset: z.boolean(),
  assetCategory: z.string().nullable(),
  brand: z.string(),
  model: z.string(),
  acceptedQty: z.number().nullable(),
  acceptedAmount: z.number().nullable(),
  quality: z.enum(QUALITIES).nullable(),
  acceptNote: z.string(),
  /** 入库更正 of this line, oldest first; acceptedQty/acceptedAmount above are the latest's. */
  corrections: z.array(
    z.object({
      id: z.number(),
      correctedOn: z.string(),
      beforeQty: z.number(),
      beforeAmount: z.number(),
      afterQty: z.number(),
      afterAmount: z.number(),
      /** The part of the value difference that fell on stock already issued: not posted to the ledger. */
      unpostedAmount: z.number(),
      reason: z.string(),
      recordedByName: z.string(),
      recordedAt: z.string(),
    }),
  ),
  /** Asset cards made from this line. */
  assetNumbers: z.array(z.string()),
});

export const purchaseRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  date: z.string(),
  channel: z.enum(CHANNELS),
  channelReason: z.string(),
  orderNo: z.string(),
  supplier: z.string(),
  buyerId: z.number(),
  buyerName: z.string(),
  fundingSource: z.string(),
  total: z.number(),
  lineCount: z.number(),
  summary: z.string(),
  state: z.enum(PURCHASE_STATES),
  acceptedOn: z.string().nullable(),
  acceptors: z.array(z.object({ id: z.number(), name: z.string() })),
  result: z.enum(ACCEPT_RESULTS).nullable(),
  acceptedTotal: z.number().nullable(),
  /** How many 入库更正 were made; acceptedTotal is after them. */
  corrections: z.number(),
  remarks: z.string(),
  voidReason: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type PurchaseRow = z.infer<typeof purchaseRowShape>;
export const purchaseDetailShape = purchaseRowShape.extend({
  lines: z.array(purchaseLineShape),
  problems: z.string(),
  opinion: z.string(),
  acceptRecordedByName: z.string().nullable(),
  acceptRecordedAt: z.string().nullable(),
  assetThreshold: z.number(),
});
export type PurchaseDetail = z.infer<typeof purchaseDetailShape>;

export const requisitionLineShape = z.object({
  id: z.number(),
  lineNo: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  wholeUnit: z.boolean(),
  quantity: z.number(),
  issuedQty: z.number(),
  /** Stock on hand now. */
  balanceQty: z.number(),
});
export const requisitionRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  date: z.string(),
  requesterId: z.number(),
  requesterName: z.string(),
  department: z.string(),
  purpose: z.string(),
  estAmount: z.number(),
  summary: z.string(),
  state: z.enum(REQ_STATES),
  steps: z.array(z.string()),
  approvedSteps: z.number(),
  /** The step waiting for a decision, when pending. */
  nextStep: z.string().nullable(),
  approvers: z.string(),
  remarks: z.string(),
  closeReason: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type RequisitionRow = z.infer<typeof requisitionRowShape>;
export const requisitionDetailShape = requisitionRowShape.extend({
  lines: z.array(requisitionLineShape),
  recordedById: z.number(),
  /** Who may approve the next step (empty: anyone with the 审批人 role). */
  nextApproverIds: z.array(z.number()),
  issues: z.array(movementShape),
});
export type RequisitionDetail = z.infer<typeof requisitionDetailShape>;

export const stocktakeLineShape = z.object({
  id: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  wholeUnit: z.boolean(),
  bookQty: z.number(),
  bookAmount: z.number(),
  countedQty: z.number().nullable(),
  diffQty: z.number().nullable(),
  reason: z.string(),
  /** The book changed since the sheet was made (a movement in between). */
  stale: z.boolean(),
  adjustmentId: z.number().nullable(),
  adjustmentAmount: z.number().nullable(),
});
export const stocktakeRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  title: z.string(),
  date: z.string(),
  state: z.enum(STOCKTAKE_STATES),
  lineCount: z.number(),
  countedCount: z.number(),
  diffCount: z.number(),
  gainAmount: z.number(),
  lossAmount: z.number(),
  countedById: z.number().nullable(),
  countedByName: z.string().nullable(),
  checkedById: z.number().nullable(),
  checkedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  remarks: z.string(),
  voidReason: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type StocktakeRow = z.infer<typeof stocktakeRowShape>;
export const stocktakeDetailShape = stocktakeRowShape.extend({ lines: z.array(stocktakeLineShape) });
export type StocktakeDetail = z.infer<typeof stocktakeDetailShape>;

export const ledgerRowShape = z.object({
  itemId: z.number(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  category: z.string(),
  openQty: z.number(),
  openAmount: z.number(),
  inQty: z.number(),
  inAmount: z.number(),
  outQty: z.number(),
  outAmount: z.number(),
  closeQty: z.number(),
  closeAmount: z.number(),
  /** Of which 退库 / 盘盈 (in) and 盘亏 (out). */
  returnQty: z.number(),
  gainQty: z.number(),
  lossQty: z.number(),
});
export type LedgerRow = z.infer<typeof ledgerRowShape>;

const attentionItem = z.object({ id: z.number(), name: z.string(), spec: z.string(), unit: z.string(), balanceQty: z.number(), reorderLevel: z.number() });
const attentionReq = z.object({ id: z.number(), number: z.string(), requesterName: z.string(), date: z.string(), summary: z.string(), nextStep: z.string().nullable() });
export const suppliesAttentionShape = z.object({
  lowStock: z.number(),
  lowRows: z.array(attentionItem),
  pendingApproval: z.number(),
  pendingRows: z.array(attentionReq),
  awaitingIssue: z.number(),
  awaitingIssueRows: z.array(attentionReq),
  awaitingAcceptance: z.number(),
  openStocktakes: z.number(),
});

// ---- the methods ----

export const suppliesMethods = defineMethods({
  // settings
  'supplies.settings': { title: '办公用品设置', access: ALL, kind: 'read', input: z.object({}).default({}), output: suppliesSettingsShape },
  'supplies.setSettings': { title: '修改办公用品设置（固定资产标准、领用审批分档）', access: ['admin'], kind: 'write', input: suppliesSettingsShape, output: suppliesSettingsShape },

  // item catalogue
  'supplies.itemList': { title: '物品目录', access: ALL, kind: 'read', input: itemListInput, output: listOutput(itemShape) },
  'supplies.itemGet': { title: '查看物品', access: ALL, kind: 'read', input: z.object({ id: id('物品') }), output: itemShape },
  'supplies.itemCreate': { title: '新增物品', access: KEEPERS, kind: 'write', input: itemCreateInput, output: itemShape },
  'supplies.itemUpdate': { title: '修改物品信息', access: KEEPERS, kind: 'write', input: itemUpdateInput, output: itemShape },
  'supplies.itemSetActive': {
    title: '停用/启用物品',
    access: KEEPERS,
    kind: 'write',
    input: z.object({ id: id('物品'), active: z.boolean().describe('启用'), reason: paragraph('原因', 200) }),
    output: itemShape,
  },
  'supplies.categories': { title: '物品类别', access: ALL, kind: 'read', input: z.object({}).default({}), output: z.array(z.object({ category: z.string(), items: z.number() })) },

  // procurement and acceptance
  'supplies.purchaseCreate': { title: '登记采购', access: CLERK, kind: 'write', input: purchaseCreateInput, output: purchaseDetailShape },
  'supplies.purchaseUpdate': { title: '修改采购单（验收前）', access: CLERK, kind: 'write', input: purchaseUpdateInput, output: purchaseDetailShape },
  'supplies.purchaseVoid': { title: '作废采购单', access: CLERK, kind: 'write', input: z.object({ id: id('采购单'), reason: paragraph('作废原因', 300) }), output: purchaseDetailShape },
  'supplies.accept': { title: '履约验收（入库/生成资产卡片）', access: CLERK, kind: 'write', input: acceptInput, output: purchaseDetailShape },
  'supplies.acceptCorrect': { title: '入库更正（已验收采购明细的数量、单价）', access: CLERK, kind: 'write', input: acceptCorrectInput, output: purchaseDetailShape },
  'supplies.purchaseList': { title: '采购验收登记', access: ALL, kind: 'read', input: purchaseListInput, output: listOutput(purchaseRowShape) },
  'supplies.purchaseGet': { title: '查看采购单', access: ALL, kind: 'read', input: z.object({ id: id('采购单') }), output: purchaseDetailShape },

  // requisitions and issues
  'supplies.requisitionCreate': { title: '登记领用申请', access: CLERK, kind: 'write', input: requisitionCreateInput, output: requisitionDetailShape },
  'supplies.requisitionApprove': { title: '领用审批', access: ['clerk', 'approver'], kind: 'write', input: requisitionApproveInput, output: requisitionDetailShape },
  'supplies.issue': { title: '发放办公用品', access: CLERK, kind: 'write', input: issueInput, output: requisitionDetailShape },
  'supplies.requisitionClose': { title: '结束领用单（余量不再发放）', access: CLERK, kind: 'write', input: requisitionCloseInput, output: requisitionDetailShape },
  'supplies.requisitionVoid': { title: '作废领用单', access: CLERK, kind: 'write', input: requisitionCloseInput, output: requisitionDetailShape },
  'supplies.requisitionList': { title: '领用申请登记', access: ALL, kind: 'read', input: requisitionListInput, output: listOutput(requisitionRowShape) },
  'supplies.requisitionGet': { title: '查看领用单', access: ALL, kind: 'read', input: z.object({ id: id('领用单') }), output: requisitionDetailShape },
  'supplies.returnStock': { title: '退库', access: CLERK, kind: 'write', input: returnInput, output: movementShape },

  // stocktakes
  'supplies.stocktakeCreate': { title: '新建盘点表', access: CLERK, kind: 'write', input: stocktakeCreateInput, output: stocktakeDetailShape },
  'supplies.stocktakeSave': { title: '录入盘点结果', access: CLERK, kind: 'write', input: stocktakeSaveInput, output: stocktakeDetailShape },
  'supplies.stocktakeRefresh': { title: '更新盘点表账面数', access: CLERK, kind: 'write', input: stocktakeIdInput, output: stocktakeDetailShape },
  'supplies.stocktakeConfirm': { title: '确认盘点（过账盘盈盘亏）', access: CLERK, kind: 'write', input: stocktakeIdInput, output: stocktakeDetailShape },
  'supplies.stocktakeVoid': { title: '作废盘点表', access: CLERK, kind: 'write', input: stocktakeVoidInput, output: stocktakeDetailShape },
  'supplies.stocktakeList': { title: '盘点记录', access: ALL, kind: 'read', input: stocktakeListInput, output: listOutput(stocktakeRowShape) },
  'supplies.stocktakeGet': { title: '查看盘点表', access: ALL, kind: 'read', input: stocktakeIdInput, output: stocktakeDetailShape },

  // the ledger
  'supplies.list': { title: '办公用品出入库明细账', access: ALL, kind: 'read', input: movementListInput, output: listOutput(movementShape) },
  'supplies.ledger': { title: '办公用品收发存汇总', access: ALL, kind: 'read', input: ledgerInput, output: listOutput(ledgerRowShape).extend({ totals: ledgerRowShape.omit({ itemId: true, name: true, spec: true, unit: true, category: true }) }) },
  'supplies.attention': { title: '办公用品待办', access: ALL, kind: 'read', input: z.object({}).default({}), output: suppliesAttentionShape },
});

// ---- printed registers ----

const READERS: readonly Role[] = ['clerk', 'approver', 'auditor', 'admin'];

export const suppliesRegisterDefs: Record<string, RegisterDef> = {
  [SUPPLY_REGISTER_MOVEMENTS]: {
    key: SUPPLY_REGISTER_MOVEMENTS,
    title: '办公用品出入库明细账',
    orientation: 'landscape',
    retention: '10年',
    readRoles: READERS,
    states: MOVEMENT_KIND_LABELS,
    columns: [
      { key: 'date', title: '日期', width: 9, kind: 'date', align: 'center' },
      { key: 'kind', title: '摘要', width: 6, align: 'center' },
      { key: 'ref', title: '凭证号', width: 15 },
      { key: 'item', title: '物品名称及规格', width: 20 },
      { key: 'unit', title: '单位', width: 4, align: 'center' },
      { key: 'inQty', title: '收入数量', width: 7, kind: 'number', align: 'right' },
      { key: 'inAmount', title: '收入金额', width: 9, kind: 'money', align: 'right' },
      { key: 'outQty', title: '发出数量', width: 7, kind: 'number', align: 'right' },
      { key: 'outAmount', title: '发出金额', width: 9, kind: 'money', align: 'right' },
      { key: 'balanceQty', title: '结存数量', width: 7, kind: 'number', align: 'right' },
      { key: 'balanceAmount', title: '结存金额', width: 9, kind: 'money', align: 'right' },
      { key: 'party', title: '领用人/供应商', width: 12 },
      { key: 'note', title: '备注', width: 14 },
      { key: 'department', title: '部门', width: 10, exportOnly: true },
      { key: 'approvedBy', title: '审批人', width: 10, exportOnly: true },
      { key: 'handledBy', title: '经办人', width: 8, exportOnly: true },
    ],
  },
  [SUPPLY_REGISTER_ISSUES]: {
    key: SUPPLY_REGISTER_ISSUES,
    title: '办公用品领用登记表',
    orientation: 'landscape',
    retention: '10年',
    readRoles: READERS,
    columns: [
      { key: 'index', title: '序号', width: 4, kind: 'int', align: 'center' },
      { key: 'date', title: '领用日期', width: 9, kind: 'date', align: 'center' },
      { key: 'number', title: '领用单号', width: 16 },
      { key: 'item', title: '物品名称及规格', width: 19 },
      { key: 'unit', title: '单位', width: 4, align: 'center' },
      { key: 'quantity', title: '数量', width: 6, kind: 'number', align: 'right' },
      { key: 'recipient', title: '领用人', width: 8 },
      { key: 'department', title: '部门', width: 10 },
      { key: 'approvedBy', title: '审批人', width: 10 },
      { key: 'issuedBy', title: '发放人', width: 8 },
      { key: 'recipientSign', title: '领用人签字', width: 10, signature: true },
      { key: 'note', title: '备注', width: 10 },
      { key: 'amount', title: '金额', width: 10, kind: 'money', exportOnly: true },
    ],
  },
  [SUPPLY_REGISTER_LEDGER]: {
    key: SUPPLY_REGISTER_LEDGER,
    title: '办公用品收发存台账',
    orientation: 'landscape',
    retention: '10年',
    readRoles: READERS,
    columns: [
      { key: 'index', title: '序号', width: 4, kind: 'int', align: 'center' },
      { key: 'item', title: '物品名称及规格', width: 20 },
      { key: 'unit', title: '单位', width: 4, align: 'center' },
      { key: 'openQty', title: '上期结存数量', width: 7, kind: 'number', align: 'right' },
      { key: 'openAmount', title: '上期结存金额', width: 9, kind: 'money', align: 'right' },
      { key: 'inQty', title: '本期入库数量', width: 7, kind: 'number', align: 'right' },
      { key: 'inAmount', title: '本期入库金额', width: 9, kind: 'money', align: 'right' },
      { key: 'outQty', title: '本期发出数量', width: 7, kind: 'number', align: 'right' },
      { key: 'outAmount', title: '本期发出金额', width: 9, kind: 'money', align: 'right' },
      { key: 'closeQty', title: '本期结存数量', width: 7, kind: 'number', align: 'right' },
      { key: 'closeAmount', title: '本期结存金额', width: 9, kind: 'money', align: 'right' },
      { key: 'note', title: '备注', width: 12 },
      { key: 'category', title: '类别', width: 10, exportOnly: true },
    ],
  },
  [SUPPLY_REGISTER_ITEMS]: {
    key: SUPPLY_REGISTER_ITEMS,
    title: '办公用品物品目录',
    orientation: 'landscape',
    retention: '10年',
    readRoles: READERS,
    importRoles: ['clerk', 'admin'],
    columns: [
      { key: 'index', title: '序号', width: 5, kind: 'int', align: 'center' },
      { key: 'code', title: '编码', width: 10, nowrap: true },
      { key: 'name', title: '物品名称', width: 18 },
      { key: 'spec', title: '规格型号', width: 16 },
      { key: 'unit', title: '单位', width: 5, align: 'center' },
      { key: 'category', title: '类别', width: 10 },
      { key: 'reorderLevel', title: '库存下限', width: 7, kind: 'number', align: 'right' },
      { key: 'balanceQty', title: '结存数量', width: 7, kind: 'number', align: 'right' },
      { key: 'balanceAmount', title: '结存金额', width: 10, kind: 'money', align: 'right' },
      { key: 'avgCost', title: '平均单价', width: 9, kind: 'money', align: 'right' },
      { key: 'status', title: '状态', width: 6, align: 'center' },
    ],
    importColumns: [
      { key: 'code', title: '编码' },
      { key: 'name', title: '物品名称', required: true },
      { key: 'spec', title: '规格型号' },
      { key: 'unit', title: '单位', required: true, hint: '如：包、支、盒、个、米' },
      { key: 'category', title: '类别', required: true, hint: ITEM_CATEGORIES.join('、') },
      { key: 'reorderLevel', title: '库存下限', kind: 'number', hint: '低于此数在首页提示补货' },
      { key: 'wholeUnit', title: '整数计量', hint: '是/否；否表示可按小数计量（如米、千克）' },
      { key: 'remarks', title: '备注' },
    ],
  },
  [SUPPLY_REGISTER_PURCHASES]: {
    key: SUPPLY_REGISTER_PURCHASES,
    title: '办公用品采购验收登记簿',
    orientation: 'landscape',
    retention: '10年',
    readRoles: READERS,
    states: PURCHASE_STATE_LABELS,
    columns: [
      { key: 'number', title: '编号', width: 14 },
      { key: 'date', title: '采购日期', width: 9, kind: 'date', align: 'center' },
      { key: 'channel', title: '采购方式', width: 9 },
      { key: 'orderNo', title: '订单号/合同号', width: 13, nowrap: true },
      { key: 'supplier', title: '供应商', width: 14 },
      { key: 'summary', title: '采购内容', width: 22 },
      { key: 'total', title: '金额', width: 10, kind: 'money', align: 'right' },
      { key: 'buyer', title: '经办人', width: 7 },
      { key: 'acceptedOn', title: '验收日期', width: 9, kind: 'date', align: 'center' },
      { key: 'acceptors', title: '验收人', width: 11 },
      { key: 'result', title: '验收结论', width: 8 },
      { key: 'remarks', title: '备注', width: 12 },
      { key: 'state', title: '状态', width: 7, exportOnly: true },
      { key: 'fundingSource', title: '资金来源', width: 10, exportOnly: true },
    ],
  },
  [SUPPLY_REGISTER_STOCKTAKE]: {
    key: SUPPLY_REGISTER_STOCKTAKE,
    title: '办公用品盘点表',
    orientation: 'portrait',
    retention: '10年',
    readRoles: READERS,
    columns: [
      { key: 'index', title: '序号', width: 4, kind: 'int', align: 'center' },
      { key: 'item', title: '物品名称及规格', width: 20 },
      { key: 'unit', title: '单位', width: 4, align: 'center' },
      { key: 'bookQty', title: '账面数量', width: 7, kind: 'number', align: 'right' },
      { key: 'countedQty', title: '实盘数量', width: 7, kind: 'number', align: 'right' },
      { key: 'diffQty', title: '盈(+)亏(-)', width: 7, kind: 'number', align: 'right' },
      { key: 'diffAmount', title: '差异金额', width: 8, kind: 'money', align: 'right' },
      { key: 'reason', title: '差异原因', width: 14 },
    ],
  },
};
