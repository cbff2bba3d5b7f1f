// Fixed assets (DOMAIN.md §3, issue 7): asset cards numbered by a configurable pattern, movements
// (分配/调拨/交回/送修/修复/报失/找回/处置) with their history, disposal with approval and — at or
// above a configurable value — a collective decision (三重一大) from the minutes register, and the
// periodic verification (清查). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import type { RegisterDef } from './registers';
import { approvalInput } from './approvals';
import { fen, id, isoDate, listInput, listOutput, optionalText, text, type Role, paragraph } from './common';

const ALL: readonly Role[] = ['admin', 'clerk', 'approver', 'auditor'];
const CLERK: readonly Role[] = ['clerk'];

// ---- vocabulary ----

export const ASSET_STATUSES = ['inUse', 'idle', 'repair', 'scrapped', 'lost'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export const ASSET_STATUS_LABELS: Record<AssetStatus, string> = { inUse: '在用', idle: '闲置', repair: '维修', scrapped: '报废', lost: '丢失' };

export const ASSET_MOVES = ['register', 'assign', 'transfer', 'return', 'repairStart', 'repairEnd', 'lose', 'find', 'dispose', 'amend', 'check'] as const;
export type AssetMove = (typeof ASSET_MOVES)[number];
export const ASSET_MOVE_LABELS: Record<AssetMove, string> = {
  register: '登记入账',
  assign: '领用分配',
  transfer: '调拨转移',
  return: '交回',
  repairStart: '送修',
  repairEnd: '修复',
  lose: '报失',
  find: '找回',
  dispose: '处置',
  amend: '更正',
  check: '清查',
};

export const DISPOSAL_METHODS = ['scrap', 'sale', 'donate', 'transfer', 'writeOff'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];
export const DISPOSAL_METHOD_LABELS: Record<DisposalMethod, string> = { scrap: '报废', sale: '出售', donate: '对外捐赠', transfer: '无偿调拨', writeOff: '丢失核销' };

export const DISPOSAL_STATES = ['pending', 'approved', 'rejected', 'done', 'void'] as const;
export type DisposalState = (typeof DISPOSAL_STATES)[number];
export const DISPOSAL_STATE_LABELS: Record<DisposalState, string> = { pending: '待审批', approved: '已批准待处置', rejected: '已驳回', done: '已处置', void: '作废' };

export const CHECK_STATES = ['draft', 'confirmed', 'void'] as const;
export type CheckState = (typeof CHECK_STATES)[number];
export const CHECK_STATE_LABELS: Record<CheckState, string> = { draft: '清查中', confirmed: '已确认', void: '作废' };

export const CHECK_RESULTS = ['ok', 'moved', 'missing', 'damaged'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = { ok: '账实相符', moved: '存放地点不符', missing: '未找到（盘亏）', damaged: '毁损待处置' };

export const CHECK_SCOPES = ['all', 'department', 'location', 'category'] as const;
export type CheckScope = (typeof CHECK_SCOPES)[number];
export const CHECK_SCOPE_LABELS: Record<CheckScope, string> = { all: '全部资产', department: '按部门', location: '按存放地点', category: '按资产类别' };

/** After GB/T 14885 (固定资产分类与代码), the categories a district bureau's office meets. */
export const ASSET_CATEGORIES = ['计算机设备', '办公设备', '通信设备', '视听设备', '车辆', '家具用具', '电气设备', '图书档案', '其他通用设备', '专用设备'] as const;
export const PURCHASE_METHODS = ['电子卖场', '政府集中采购', '协议供货/定点采购', '零星直接采购', '调拨划入', '接受捐赠', '其他'] as const;

export const ASSET_CARD_OBJECT = 'asset_card';
export const ASSET_DISPOSAL_OBJECT = 'asset_disposal';
export const ASSET_CHECK_OBJECT = 'asset_check';
export const ASSET_SETTINGS_OBJECT = 'asset_settings';

export const ASSET_REGISTER_CARDS = 'assets.cards';
export const ASSET_REGISTER_MOVEMENTS = 'assets.movements';
export const ASSET_REGISTER_DISPOSALS = 'assets.disposals';
export const ASSET_REGISTER_CHECK = 'assets.check';

// ---- the number pattern ----

const PATTERN_TOKEN = /\{(year|seq(?::(\d))?)\}/g;
/** ZC-{year}-{seq:5} → ZC-2025-00001. */
export function formatAssetNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(PATTERN_TOKEN, (_m, tok: string, width?: string) => (tok === 'year' ? String(year) : String(seq).padStart(Number(width ?? 1), '0')));
}
/** Why a pattern is unusable, or null. */
export function patternProblem(p: string): string | null {
  const seqs = p.match(/\{seq(?::\d)?\}/g) ?? [];
  if (seqs.length !== 1) return '编号规则中须有且仅有一个流水号 {seq} 或 {seq:位数}（如 {seq:5}）';
  const rest = p.replace(PATTERN_TOKEN, '');
  if (/[{}]/.test(rest)) return '编号规则中只能使用 {year} 和 {seq:位数} 两种占位符';
  if (/\s/.test(rest)) return '编号规则中不能有空格';
  if (!/^[\p{L}\p{N}\-_/.〔〕()（）#]*$/u.test(rest)) return '编号规则只能包含文字、数字和 - _ / . 〔〕 ( ) #';
  if ((p.match(/\{year\}/g) ?? []).length > 1) return '{year} 只能出现一次';
  return null;
}

// ---- settings ----

export const assetsSettingsShape = z.object({
  numberPattern: z
    .string()
    .trim()
    .min(1, { message: '请填写资产编号规则' })
    .max(30, { message: '资产编号规则不能超过 30 个字' })
    .superRefine((v, ctx) => {
      const p = patternProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    })
    .describe('资产编号规则'),
  /** At or above this total original value a disposal needs a collective decision (三重一大). */
  decisionThreshold: fen('集体决策金额标准').refine((v) => v >= 1, { message: '集体决策金额标准必须大于 0' }),
});
export type AssetsSettings = z.infer<typeof assetsSettingsShape>;
export const DEFAULT_ASSETS_SETTINGS: AssetsSettings = { numberPattern: 'ZC-{year}-{seq:5}', decisionThreshold: 5_000_000 };

// ---- inputs ----

const ids = (label: string) => z.array(id(label)).min(1, { message: `请选择${label}` }).max(500, { message: `一次最多 500 项${label}` }).describe(label);

const cardFields = {
  name: text('资产名称', 60),
  category: text('资产类别', 40),
  brand: optionalText('品牌', 40).default(''),
  model: optionalText('规格型号', 60).default(''),
  serialNo: optionalText('出厂编号/序列号', 60).default(''),
  originalValue: fen('原值'),
  fundingSource: text('资金来源', 40),
  purchaseMethod: text('取得方式', 40),
  purchasedOn: isoDate('购置日期'),
  supplier: optionalText('供应商', 100).default(''),
  remarks: optionalText('备注', 500).default(''),
};

export const cardCreateInput = z.object({
  ...cardFields,
  /** An existing label number (期初建账); empty: the next number by the pattern. */
  number: optionalText('资产编号', 40).default(''),
  bookedOn: isoDate('入账日期').optional(),
  department: optionalText('使用部门', 60).default(''),
  userId: id('使用人').nullish(),
  location: optionalText('存放地点', 60).default(''),
});
export const cardUpdateInput = z.object({ id: id('资产'), ...cardFields, amendReason: paragraph('更正原因', 300) });

export const assignInput = z.object({
  assetIds: ids('资产'),
  date: isoDate('日期').optional(),
  userId: id('使用人'),
  department: optionalText('使用部门', 60),
  location: text('存放地点', 60),
  note: optionalText('说明', 300).default(''),
});
export const transferInput = z.object({
  assetIds: ids('资产'),
  date: isoDate('日期').optional(),
  userId: id('新使用人').nullish(),
  department: optionalText('新使用部门', 60),
  location: optionalText('新存放地点', 60),
  note: paragraph('调拨原因', 300),
});
export const returnInput = z.object({ assetIds: ids('资产'), date: isoDate('交回日期').optional(), location: text('存放地点', 60), note: optionalText('说明', 300).default('') });
export const repairStartInput = z.object({ assetIds: ids('资产'), date: isoDate('送修日期').optional(), note: paragraph('故障及送修情况', 300) });
export const repairEndInput = z.object({ assetIds: ids('资产'), date: isoDate('修复日期').optional(), note: paragraph('维修结果', 300), cost: fen('维修费用').default(0) });
export const loseInput = z.object({ assetIds: ids('资产'), date: isoDate('报失日期').optional(), note: paragraph('丢失情况', 300) });
export const findInput = z.object({ assetIds: ids('资产'), date: isoDate('找回日期').optional(), location: text('存放地点', 60), note: paragraph('找回情况', 300) });

const decisionFields = {
  /** A decision item of the minutes register (三重一大). */
  decisionId: id('集体决策').nullish(),
  /** The decision as written on paper, e.g. 党组会议 2025年第7次 议题3. */
  decisionRef: optionalText('集体决策依据', 200).default(''),
};
export const disposalCreateInput = z.object({
  assetIds: ids('处置资产'),
  method: z.enum(DISPOSAL_METHODS, { message: '请选择处置方式' }).describe('处置方式'),
  reason: paragraph('处置原因', 500),
  appliedOn: isoDate('申请日期').optional(),
  ...decisionFields,
  remarks: optionalText('备注', 500).default(''),
});
export const disposalApproveInput = z.object({ id: id('处置申请'), approval: approvalInput });
export const disposalExecuteInput = z.object({
  id: id('处置申请'),
  executedOn: isoDate('处置日期').optional(),
  proceeds: fen('处置收入').default(0),
  note: paragraph('处置情况', 500),
});
export const disposalDecisionInput = z.object({ id: id('处置申请'), ...decisionFields }).superRefine((v, ctx) => {
  if (!v.decisionId && !v.decisionRef) ctx.addIssue({ code: 'custom', path: ['decisionRef'], message: '请选择会议决定事项或填写集体决策依据' });
});
export const disposalVoidInput = z.object({ id: id('处置申请'), reason: paragraph('作废原因', 300) });

export const checkCreateInput = z.object({
  title: text('清查名称', 60),
  checkedOn: isoDate('清查日期'),
  scope: z.enum(CHECK_SCOPES, { message: '请选择清查范围' }).default('all').describe('清查范围'),
  scopeValue: optionalText('清查范围', 60).default(''),
  remarks: optionalText('备注', 500).default(''),
}).superRefine((v, ctx) => {
  if (v.scope !== 'all' && !v.scopeValue) ctx.addIssue({ code: 'custom', path: ['scopeValue'], message: `请填写${CHECK_SCOPE_LABELS[v.scope].replace('按', '')}` });
});
export const checkSaveInput = z.object({
  id: id('清查表'),
  checkedOn: isoDate('清查日期').optional(),
  checkerId: id('清查人').nullish(),
  reviewerId: id('复核人').nullish(),
  lines: z
    .array(
      z.object({
        lineId: id('清查明细'),
        result: z.enum(CHECK_RESULTS, { message: '请选择清查结果' }).nullable().describe('清查结果'),
        actualLocation: optionalText('实际存放地点', 60).default(''),
        note: optionalText('情况说明', 200).default(''),
      }),
    )
    .max(10_000)
    .default([])
    .describe('清查明细'),
  surplus: optionalText('账外资产（盘盈）', 1000),
  remarks: optionalText('备注', 500),
});
export const checkIdInput = z.object({ id: id('清查表') });

export const ASSET_FLAGS = ['decisionPending', 'unassigned', 'inDisposal'] as const;
export type AssetFlag = (typeof ASSET_FLAGS)[number];
export const ASSET_FLAG_LABELS: Record<AssetFlag, string> = { decisionPending: '待集体决策核验', unassigned: '未分配使用人', inDisposal: '处置中' };
export const ASSET_SORTS = ['number', '-number', 'date', '-date', 'value', '-value'] as const;

export const cardListInput = listInput.extend({
  department: z.string().trim().max(60).optional().describe('使用部门'),
  userId: z.number().int().positive().optional().describe('使用人'),
  location: z.string().trim().max(60).optional().describe('存放地点'),
  category: z.string().trim().max(40).optional().describe('资产类别'),
  flag: z.enum(ASSET_FLAGS).optional().describe('标记'),
  /** Only assets that may take the next step (e.g. in use or idle for a disposal). */
  activeOnly: z.boolean().default(false),
  sort: z.enum(ASSET_SORTS).default('-number').describe('排序'),
});
export type CardListInput = z.input<typeof cardListInput>;
export const disposalListInput = listInput;
export const checkListInput = listInput;

// ---- output shapes ----

export const cardShape = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  category: z.string(),
  brand: z.string(),
  model: z.string(),
  serialNo: z.string(),
  originalValue: z.number(),
  fundingSource: z.string(),
  purchaseMethod: z.string(),
  purchasedOn: z.string(),
  bookedOn: z.string(),
  supplier: z.string(),
  department: z.string(),
  userId: z.number().nullable(),
  userName: z.string(),
  location: z.string(),
  status: z.enum(ASSET_STATUSES),
  remarks: z.string(),
  purchaseId: z.number().nullable(),
  purchaseNumber: z.string().nullable(),
  /** The open or executed disposal. */
  disposalId: z.number().nullable(),
  disposalNumber: z.string().nullable(),
  disposalState: z.enum(DISPOSAL_STATES).nullable(),
  /** 待集体决策核验: its disposal cites a collective decision that the system could not verify. */
  decisionPending: z.boolean(),
  imported: z.boolean(),
  createdAt: z.string(),
  recordedByName: z.string(),
});
export type Card = z.infer<typeof cardShape>;

export const assetMovementShape = z.object({
  id: z.number(),
  assetId: z.number(),
  assetNumber: z.string(),
  assetName: z.string(),
  kind: z.enum(ASSET_MOVES),
  date: z.string(),
  fromStatus: z.enum(ASSET_STATUSES).nullable(),
  toStatus: z.enum(ASSET_STATUSES),
  fromHolder: z.string(),
  toHolder: z.string(),
  note: z.string(),
  cost: z.number().nullable(),
  refNumber: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type AssetMovement = z.infer<typeof assetMovementShape>;

export const disposalRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  date: z.string(),
  method: z.enum(DISPOSAL_METHODS),
  reason: z.string(),
  assetCount: z.number(),
  totalValue: z.number(),
  summary: z.string(),
  applicantName: z.string(),
  state: z.enum(DISPOSAL_STATES),
  decisionRequired: z.boolean(),
  decisionId: z.number().nullable(),
  decisionRef: z.string(),
  decisionLabel: z.string().nullable(),
  decisionVerified: z.boolean(),
  decisionPending: z.boolean(),
  approverName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalMode: z.enum(['cosign', 'paper']).nullable(),
  executedOn: z.string().nullable(),
  proceeds: z.number().nullable(),
  executedNote: z.string(),
  remarks: z.string(),
  voidReason: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type DisposalRow = z.infer<typeof disposalRowShape>;
export const disposalDetailShape = disposalRowShape.extend({
  recordedById: z.number(),
  applicantId: z.number(),
  decisionThreshold: z.number(),
  assets: z.array(cardShape),
});
export type DisposalDetail = z.infer<typeof disposalDetailShape>;

export const cardDetailShape = z.object({ card: cardShape, movements: z.array(assetMovementShape), disposals: z.array(disposalRowShape) });

export const checkLineShape = z.object({
  id: z.number(),
  assetId: z.number(),
  number: z.string(),
  name: z.string(),
  model: z.string(),
  originalValue: z.number(),
  bookDepartment: z.string(),
  bookUser: z.string(),
  bookLocation: z.string(),
  bookStatus: z.enum(ASSET_STATUSES),
  result: z.enum(CHECK_RESULTS).nullable(),
  actualLocation: z.string(),
  note: z.string(),
});
export const checkRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  title: z.string(),
  date: z.string(),
  scope: z.enum(CHECK_SCOPES),
  scopeValue: z.string(),
  state: z.enum(CHECK_STATES),
  lineCount: z.number(),
  doneCount: z.number(),
  okCount: z.number(),
  problemCount: z.number(),
  checkerId: z.number().nullable(),
  checkerName: z.string().nullable(),
  reviewerId: z.number().nullable(),
  reviewerName: z.string().nullable(),
  surplus: z.string(),
  remarks: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  voidReason: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type CheckRow = z.infer<typeof checkRowShape>;
export const checkDetailShape = checkRowShape.extend({ lines: z.array(checkLineShape) });
export type CheckDetail = z.infer<typeof checkDetailShape>;

export const labelShape = z.object({ id: z.number(), number: z.string(), name: z.string(), model: z.string(), department: z.string(), location: z.string(), bookedOn: z.string() });

const attentionDisposal = z.object({ id: z.number(), number: z.string(), summary: z.string(), totalValue: z.number(), date: z.string(), decisionPending: z.boolean() });
export const assetsAttentionShape = z.object({
  pendingDisposals: z.number(),
  pendingRows: z.array(attentionDisposal),
  awaitingExecution: z.number(),
  decisionPending: z.number(),
  inRepair: z.number(),
  lost: z.number(),
  openChecks: z.number(),
  unassigned: z.number(),
});

export const groupSummaryShape = z.object({ key: z.string(), count: z.number(), value: z.number() });

// ---- the methods ----

export const assetsMethods = defineMethods({
  'assets.settings': { title: '固定资产设置', access: ALL, kind: 'read', input: z.object({}).default({}), output: assetsSettingsShape },
  'assets.setSettings': { title: '修改固定资产设置（编号规则、集体决策标准）', access: ['admin'], kind: 'write', input: assetsSettingsShape, output: assetsSettingsShape },

  'assets.list': { title: '固定资产卡片', access: ALL, kind: 'read', input: cardListInput, output: listOutput(cardShape).extend({ totalValue: z.number() }) },
  'assets.get': { title: '查看资产卡片', access: ALL, kind: 'read', input: z.object({ id: id('资产') }), output: cardDetailShape },
  'assets.byNumber': { title: '按编号查找资产', access: ALL, kind: 'read', input: z.object({ number: text('资产编号', 40) }), output: cardDetailShape },
  'assets.create': { title: '登记资产卡片', access: CLERK, kind: 'write', input: cardCreateInput, output: cardDetailShape },
  'assets.update': { title: '更正资产卡片', access: CLERK, kind: 'write', input: cardUpdateInput, output: cardDetailShape },
  'assets.assign': { title: '资产领用分配', access: CLERK, kind: 'write', input: assignInput, output: z.array(cardShape) },
  'assets.transfer': { title: '资产调拨转移', access: CLERK, kind: 'write', input: transferInput, output: z.array(cardShape) },
  'assets.return': { title: '资产交回', access: CLERK, kind: 'write', input: returnInput, output: z.array(cardShape) },
  'assets.repairStart': { title: '资产送修', access: CLERK, kind: 'write', input: repairStartInput, output: z.array(cardShape) },
  'assets.repairEnd': { title: '资产修复', access: CLERK, kind: 'write', input: repairEndInput, output: z.array(cardShape) },
  'assets.lose': { title: '资产报失', access: CLERK, kind: 'write', input: loseInput, output: z.array(cardShape) },
  'assets.find': { title: '资产找回', access: CLERK, kind: 'write', input: findInput, output: z.array(cardShape) },
  'assets.movements': {
    title: '资产变动记录',
    access: ALL,
    kind: 'read',
    input: listInput.extend({ assetId: z.number().int().positive().optional(), kind: z.enum(ASSET_MOVES).optional() }),
    output: listOutput(assetMovementShape),
  },
  'assets.labels': { title: '资产标签数据', access: ALL, kind: 'read', input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }), output: z.array(labelShape) },
  'assets.groups': {
    title: '资产分布（按部门/使用人/地点/类别）',
    access: ALL,
    kind: 'read',
    input: z.object({ by: z.enum(['department', 'user', 'location', 'category', 'status']).describe('分组') }),
    output: z.array(groupSummaryShape),
  },

  'assets.disposalCreate': { title: '资产处置申请', access: CLERK, kind: 'write', input: disposalCreateInput, output: disposalDetailShape },
  'assets.disposalApprove': { title: '资产处置审批', access: ['clerk', 'approver'], kind: 'write', input: disposalApproveInput, output: disposalDetailShape },
  'assets.disposalExecute': { title: '执行资产处置', access: CLERK, kind: 'write', input: disposalExecuteInput, output: disposalDetailShape },
  'assets.disposalDecision': { title: '补录集体决策依据', access: CLERK, kind: 'write', input: disposalDecisionInput, output: disposalDetailShape },
  'assets.disposalVoid': { title: '作废处置申请', access: CLERK, kind: 'write', input: disposalVoidInput, output: disposalDetailShape },
  'assets.disposalList': { title: '资产处置登记', access: ALL, kind: 'read', input: disposalListInput, output: listOutput(disposalRowShape) },
  'assets.disposalGet': { title: '查看处置申请', access: ALL, kind: 'read', input: z.object({ id: id('处置申请') }), output: disposalDetailShape },

  'assets.checkCreate': { title: '新建资产清查表', access: CLERK, kind: 'write', input: checkCreateInput, output: checkDetailShape },
  'assets.checkSave': { title: '录入清查结果', access: CLERK, kind: 'write', input: checkSaveInput, output: checkDetailShape },
  'assets.checkConfirm': { title: '确认资产清查', access: CLERK, kind: 'write', input: checkIdInput, output: checkDetailShape },
  'assets.checkVoid': { title: '作废清查表', access: CLERK, kind: 'write', input: z.object({ id: id('清查表'), reason: paragraph('作废原因', 300) }), output: checkDetailShape },
  'assets.checkList': { title: '资产清查记录', access: ALL, kind: 'read', input: checkListInput, output: listOutput(checkRowShape) },
  'assets.checkGet': { title: '查看清查表', access: ALL, kind: 'read', input: checkIdInput, output: checkDetailShape },

  'assets.attention': { title: '固定资产待办', access: ALL, kind: 'read', input: z.object({}).default({}), output: assetsAttentionShape },
});

// ---- printed registers ----

const READERS: readonly Role[] = ['clerk', 'approver', 'auditor', 'admin'];

export const assetsRegisterDefs: Record<string, RegisterDef> = {
  [ASSET_REGISTER_CARDS]: {
    key: ASSET_REGISTER_CARDS,
    title: '固定资产明细表',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    importRoles: ['clerk'],
    states: ASSET_STATUS_LABELS,
    columns: [
      { key: 'group', title: '分组', width: 10, printOnly: true },
      { key: 'number', title: '资产编号', width: 13, nowrap: true },
      { key: 'name', title: '资产名称', width: 14 },
      { key: 'category', title: '类别', width: 9 },
      { key: 'model', title: '品牌型号', width: 14 },
      { key: 'originalValue', title: '原值', width: 9, kind: 'money', align: 'right' },
      { key: 'purchasedOn', title: '购置日期', width: 9, kind: 'date', align: 'center' },
      { key: 'department', title: '使用部门', width: 10 },
      { key: 'user', title: '使用人', width: 7 },
      { key: 'location', title: '存放地点', width: 10 },
      { key: 'status', title: '状态', width: 5, align: 'center' },
      { key: 'userSign', title: '使用人签字', width: 8, signature: true },
      { key: 'serialNo', title: '出厂编号', width: 14, exportOnly: true },
      { key: 'fundingSource', title: '资金来源', width: 10, exportOnly: true },
      { key: 'purchaseMethod', title: '取得方式', width: 10, exportOnly: true },
      { key: 'bookedOn', title: '入账日期', width: 10, kind: 'date', exportOnly: true },
      { key: 'supplier', title: '供应商', width: 14, exportOnly: true },
      { key: 'remarks', title: '备注', width: 14, exportOnly: true },
    ],
    importColumns: [
      { key: 'number', title: '资产编号', hint: '已贴标签的原编号；留空则按编号规则自动编号' },
      { key: 'name', title: '资产名称', required: true },
      { key: 'category', title: '资产类别', required: true, hint: ASSET_CATEGORIES.join('、') },
      { key: 'brand', title: '品牌' },
      { key: 'model', title: '规格型号' },
      { key: 'serialNo', title: '出厂编号' },
      { key: 'originalValue', title: '原值', required: true, kind: 'money' },
      { key: 'fundingSource', title: '资金来源', required: true },
      { key: 'purchaseMethod', title: '取得方式', required: true },
      { key: 'purchasedOn', title: '购置日期', required: true, kind: 'date' },
      { key: 'department', title: '使用部门' },
      { key: 'user', title: '使用人', hint: '须与系统中的人员姓名一致' },
      { key: 'location', title: '存放地点' },
      { key: 'status', title: '状态', hint: '在用/闲置/维修；留空按是否有使用人判断' },
      { key: 'remarks', title: '备注' },
    ],
  },
  [ASSET_REGISTER_MOVEMENTS]: {
    key: ASSET_REGISTER_MOVEMENTS,
    title: '固定资产变动登记簿',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    states: ASSET_MOVE_LABELS,
    columns: [
      { key: 'date', title: '日期', width: 9, kind: 'date', align: 'center' },
      { key: 'kind', title: '变动类型', width: 7, align: 'center' },
      { key: 'number', title: '资产编号', width: 13, nowrap: true },
      { key: 'name', title: '资产名称', width: 14 },
      { key: 'from', title: '变动前', width: 18 },
      { key: 'to', title: '变动后', width: 18 },
      { key: 'note', title: '说明', width: 18 },
      { key: 'recordedBy', title: '经办人', width: 7 },
      { key: 'sign', title: '接收人签字', width: 9, signature: true },
    ],
  },
  [ASSET_REGISTER_DISPOSALS]: {
    key: ASSET_REGISTER_DISPOSALS,
    title: '固定资产处置登记簿',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    states: DISPOSAL_STATE_LABELS,
    columns: [
      { key: 'number', title: '编号', width: 14 },
      { key: 'date', title: '申请日期', width: 9, kind: 'date', align: 'center' },
      { key: 'method', title: '处置方式', width: 7 },
      { key: 'summary', title: '处置资产', width: 24 },
      { key: 'totalValue', title: '原值合计', width: 10, kind: 'money', align: 'right' },
      { key: 'reason', title: '处置原因', width: 16 },
      { key: 'decision', title: '集体决策', width: 16 },
      { key: 'approver', title: '审批人', width: 9 },
      { key: 'executedOn', title: '处置日期', width: 9, kind: 'date', align: 'center' },
      { key: 'state', title: '状态', width: 7, align: 'center' },
      { key: 'proceeds', title: '处置收入', width: 10, kind: 'money', exportOnly: true },
    ],
  },
  [ASSET_REGISTER_CHECK]: {
    key: ASSET_REGISTER_CHECK,
    title: '固定资产清查表',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    columns: [
      { key: 'index', title: '序号', width: 4, kind: 'int', align: 'center' },
      { key: 'number', title: '资产编号', width: 13, nowrap: true },
      { key: 'name', title: '资产名称', width: 14 },
      { key: 'model', title: '规格型号', width: 12 },
      { key: 'originalValue', title: '原值', width: 9, kind: 'money', align: 'right' },
      { key: 'bookHolder', title: '账面使用部门/使用人', width: 14 },
      { key: 'bookLocation', title: '账面存放地点', width: 10 },
      { key: 'result', title: '清查结果', width: 9, align: 'center' },
      { key: 'actualLocation', title: '实际存放地点', width: 10 },
      { key: 'note', title: '情况说明', width: 14 },
    ],
  },
};
