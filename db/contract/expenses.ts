// Petty cash and expense approvals (DOMAIN.md §5): prior application (事前申请) approved by amount
// tier, acceptance by a witness (事后验收), reimbursement (报销) with receipts and the full signature
// chain, advances (借支) settled by reimbursements and cash, and the petty-cash fund. PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import type { RegisterDef } from './registers';
import { approvalInput, approvalShape } from './approvals';
import { attachmentMethods, attachmentShape } from './attachments';
export { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, attachmentShape, type Attachment, type AttachmentKind } from './attachments';
import { fen, id, isoDate, listInput, listOutput, optionalText, positiveInt, text, year, type Role, paragraph } from './common';

const ALL: readonly Role[] = ['admin', 'clerk', 'approver', 'auditor'];
const KEEPERS: readonly Role[] = ['clerk', 'admin'];
const SIGNERS: readonly Role[] = ['clerk', 'approver', 'admin'];

// ---- vocabulary ----

/** objectType of audit entries, approvals and attachments. */
export const EXP_APP_OBJECT = 'expense_app';
export const EXP_CLAIM_OBJECT = 'expense_claim';
export const EXP_ADVANCE_OBJECT = 'expense_advance';
export const EXP_CASH_OBJECT = 'petty_cash';
export const EXP_CATEGORY_OBJECT = 'expense_category';

export const EXP_REGISTER_CLAIMS = 'expenses.claims';
export const EXP_REGISTER_APPS = 'expenses.applications';
export const EXP_REGISTER_ADVANCES = 'expenses.advances';
export const EXP_REGISTER_CASH = 'expenses.pettyCash';
export const EXP_REGISTER_MONTHLY = 'expenses.monthly';

export const DEFAULT_CATEGORIES: { name: string; needsBasis: boolean }[] = [
  { name: '办公费', needsBasis: false },
  { name: '差旅费', needsBasis: false },
  { name: '培训费', needsBasis: true },
  { name: '会议费', needsBasis: false },
  { name: '维修费', needsBasis: false },
  { name: '法律援助办案补贴', needsBasis: true },
  { name: '人民调解以奖代补', needsBasis: true },
  { name: '其他', needsBasis: false },
];

export const APP_STATES = ['pending', 'approved', 'rejected', 'void'] as const;
export type AppState = (typeof APP_STATES)[number];
export const APP_STATE_LABELS: Record<AppState, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回', void: '作废' };

export const CLAIM_STATES = ['signing', 'approved', 'paid', 'rejected', 'void'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
export const CLAIM_STATE_LABELS: Record<ClaimState, string> = { signing: '签批中', approved: '待支付', paid: '已支付', rejected: '已退回', void: '作废' };

export const ADVANCE_STATES = ['pending', 'approved', 'rejected', 'outstanding', 'settled', 'void'] as const;
export type AdvanceState = (typeof ADVANCE_STATES)[number];
export const ADVANCE_STATE_LABELS: Record<AdvanceState, string> = { pending: '待审批', approved: '待付款', rejected: '已驳回', outstanding: '未结清', settled: '已结清', void: '作废' };

export const PAYMENT_METHODS = ['card', 'transfer', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { card: '公务卡', transfer: '转账', cash: '现金' };

/** The reimbursement's signature chain, in order. 超额审批 is inserted after 分管领导 when the claim exceeds the approved amount. */
export const CLAIM_STEPS = ['经办人', '验收人', '科室负责人', '分管领导', '超额审批', '财务审核', '单位负责人'] as const;
export type ClaimStep = (typeof CLAIM_STEPS)[number];

export const CASH_KINDS = ['opening', 'topup', 'payment', 'advance', 'return'] as const;
export type CashKind = (typeof CASH_KINDS)[number];
export const CASH_KIND_LABELS: Record<CashKind, string> = { opening: '期初余额', topup: '补充备用金', payment: '现金报销', advance: '现金借支', return: '借支还款' };
/** A journal line's kind in words: money back from a reversed (红字冲销) claim is no advance repaid. */
export const cashKindLabel = (e: { kind: CashKind; refType: string | null }) => (e.kind === 'return' && e.refType === EXP_CLAIM_OBJECT ? '红字冲销退回' : CASH_KIND_LABELS[e.kind]);

// ---- settings ----

export const expenseStep = z.object({
  name: text('审批环节名称', 20),
  /** The 分管领导 of the applicant's department (印章 › 分管领导 settings) when one is set. */
  deptLeader: z.boolean().default(false).describe('由申请部门分管领导审批'),
  /** Who may approve; empty: anyone with the 审批人 role. */
  approverIds: z.array(id('指定审批人')).max(20).default([]).describe('指定审批人'),
});
export const expenseTier = z.object({
  /** The tier applies above this amount (分): the first tier starts at 0. */
  above: fen('起点金额（以上）'),
  steps: z.array(expenseStep).min(1, { message: '每档至少一个审批环节' }).max(5, { message: '每档最多 5 个审批环节' }).describe('审批环节'),
});
export const expensesSettingsShape = z
  .object({
    tiers: z
      .array(expenseTier)
      .min(1, { message: '至少设置一档审批' })
      .max(5, { message: '最多设置 5 档审批' })
      .describe('审批分档')
      .superRefine((tiers, ctx) => {
        if (tiers[0] && tiers[0].above !== 0) ctx.addIssue({ code: 'custom', path: [0, 'above'], message: '第一档的起点金额必须为 0' });
        for (let i = 1; i < tiers.length; i++) {
          if (tiers[i].above <= tiers[i - 1].above) ctx.addIssue({ code: 'custom', path: [i, 'above'], message: '各档起点金额须逐档递增' });
        }
      }),
    /** 大额资金: at or above this amount an application needs a finalised 党组会议 decision. */
    largeFrom: fen('大额资金标准').refine((v) => v >= 1, { message: '大额资金标准必须大于 0' }),
    /** 单位负责人 (who signs last on a reimbursement and approves overruns); empty: any 审批人. */
    principalIds: z.array(id('单位负责人')).max(10).default([]).describe('单位负责人'),
    /** 财务审核 on a reimbursement; empty: anyone but the applicant and the recorder. */
    financeIds: z.array(id('财务审核人')).max(10).default([]).describe('财务审核人'),
    advanceDueMonths: positiveInt('借支默认还款期限（月）', 24),
  })
  .superRefine((s, ctx) => {
    if (s.tiers.length && s.largeFrom <= s.tiers[0].above) ctx.addIssue({ code: 'custom', path: ['largeFrom'], message: '大额资金标准须大于 0' });
  });
export type ExpensesSettings = z.infer<typeof expensesSettingsShape>;
export const DEFAULT_EXPENSES_SETTINGS: ExpensesSettings = {
  tiers: [
    { above: 0, steps: [{ name: '分管领导审批', deptLeader: true, approverIds: [] }] },
    {
      above: 500_000,
      steps: [
        { name: '分管领导审批', deptLeader: true, approverIds: [] },
        { name: '主要负责人审批', deptLeader: false, approverIds: [] },
      ],
    },
  ],
  largeFrom: 2_000_000,
  principalIds: [],
  financeIds: [],
  advanceDueMonths: 2,
};
/** The tier an amount falls into: the last whose `above` the amount exceeds (the first tier takes 0 too). */
export const expenseTierFor = (tiers: ExpensesSettings['tiers'], amount: number) => [...tiers].reverse().find((t, i, all) => amount > t.above || i === all.length - 1) ?? tiers[0];

// ---- inputs ----

/** Money that must be spent: more than zero. */
const amount = (label: string) => fen(label).refine((v) => v > 0, { message: `${label}必须大于 0` });

export const categoryInput = z.object({ name: text('费用类别', 30), needsBasis: z.boolean().default(false).describe('须附文件依据') });
export const categoryUpdateInput = categoryInput.extend({ id: id('费用类别'), active: z.boolean().default(true) });

export const applicationInput = z.object({
  applicantId: id('申请人'),
  categoryId: id('费用类别'),
  purpose: paragraph('事由', 300),
  budgetItem: text('预算项目', 100),
  estimatedFen: amount('预计金额'),
  basisDoc: optionalText('文件依据', 200).default(''),
  /** The 党组会议 decision item (会议记录) that authorises a large amount. */
  decisionId: id('党组会议决定事项').nullish(),
  appliedOn: isoDate('申请日期').optional(),
  remarks: optionalText('备注', 500).default(''),
});

export const approveInput = z.object({ id: id('申请'), approval: approvalInput });
export const voidInput = z.object({ id: id('单据'), reason: paragraph('作废原因', 300) });
export const linkDecisionInput = z.object({ id: id('申请'), decisionId: id('党组会议决定事项') });

export const acceptanceLineInput = z.object({
  name: text('物品或服务名称', 100),
  quantity: positiveInt('数量', 100_000),
  unitPriceFen: fen('单价'),
  assetCardId: id('固定资产卡片').nullish(),
});
export const acceptanceInput = z.object({
  applicationId: id('申请'),
  witnessId: id('验收人'),
  acceptedOn: isoDate('验收日期').optional(),
  result: paragraph('验收情况', 1000),
  lines: z.array(acceptanceLineInput).max(50, { message: '验收明细最多 50 行' }).default([]),
});
export const linkAssetInput = z.object({ lineId: id('验收明细'), assetCardId: id('固定资产卡片') });

/** The formats an invoice number may have, as the refusal says it. */
export const INVOICE_FORMATS = '20 位数电发票号码，或 10/12 位发票代码加 8 位发票号码（纸质发票、财政票据为 8 位代码加 10 位号码）';

/**
 * An invoice number in the one form it is stored and compared in: digits only. Full-width digits,
 * spaces, hyphens and dots as people type them are dropped; a 数电 number typed with extra leading
 * zeros loses them; 代码 and 号码 typed apart get the 号码's leading zeros back. Anything that is not
 * a 20-digit 数电 number or 代码 + 号码 (18 or 20 digits) is null.
 */
export function canonicalInvoiceNo(raw: string): string | null {
  const groups = raw
    .normalize('NFKC')
    .trim()
    .split(/[\s\-–—_./·]+/)
    .filter(Boolean);
  if (!groups.length || groups.some((g) => !/^\d+$/.test(g))) return null;
  // 发票代码 (10 or 12 digits) and 发票号码 (up to 8, leading zeros often left off) typed apart.
  if (groups.length === 2 && (groups[0].length === 10 || groups[0].length === 12) && groups[1].length <= 8) return groups[0] + groups[1].padStart(8, '0');
  let digits = groups.join('');
  while (digits.length > 20 && digits.startsWith('0')) digits = digits.slice(1);
  return digits.length === 20 || digits.length === 18 ? digits : null;
}

export const claimLineInput = z.object({
  invoiceNo: z
    .string()
    .trim()
    .min(1, { message: '请填写发票号码' })
    .max(60, { message: '发票号码不能超过 60 个字符' })
    .refine((s) => canonicalInvoiceNo(s) !== null, { message: `发票号码应为${INVOICE_FORMATS}` })
    .transform((s) => canonicalInvoiceNo(s) as string)
    .describe('发票号码'),
  invoiceDate: isoDate('开票日期'),
  description: text('内容', 100),
  amountFen: amount('金额'),
});
export const claimInput = z
  .object({
    applicationId: id('事前申请'),
    /** 冲账: the advance this reimbursement settles first. */
    advanceId: id('借支').nullish(),
    paymentMethod: z.enum(PAYMENT_METHODS, { message: '请选择支付方式' }).describe('支付方式'),
    payee: optionalText('收款人及账号', 200).default(''),
    /** Today, unless a paper claim is entered afterwards (补登). */
    claimedOn: isoDate('报销日期').optional(),
    lines: z.array(claimLineInput).min(1, { message: '请至少填写一张发票' }).max(100, { message: '一张报销单最多 100 张发票' }).describe('发票明细'),
    remarks: optionalText('备注', 500).default(''),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.lines.forEach((l, i) => {
      const k = `${l.invoiceNo}|${l.amountFen}`;
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'invoiceNo'], message: `与第 ${seen.get(k)! + 1} 行是同一张发票` });
      seen.set(k, i);
    });
  });
export const signInput = z.object({ id: id('报销单'), approval: approvalInput });
export const payInput = z.object({ id: id('报销单'), paidOn: isoDate('支付日期').optional(), voucherNo: text('记账凭证号', 40) });

export const advanceInput = z.object({
  borrowerId: id('借款人'),
  purpose: paragraph('借款事由', 300),
  amountFen: amount('借款金额'),
  dueOn: isoDate('还款期限').optional(),
  paymentMethod: z.enum(['cash', 'transfer'], { message: '请选择付款方式' }).describe('付款方式'),
  appliedOn: isoDate('申请日期').optional(),
  remarks: optionalText('备注', 500).default(''),
});
export const advanceApproveInput = z.object({ id: id('借支'), approval: approvalInput });
export const advancePayInput = z.object({ id: id('借支'), paidOn: isoDate('付款日期').optional() });
export const advanceReturnInput = z.object({ id: id('借支'), amountFen: amount('还款金额'), returnedOn: isoDate('还款日期').optional(), note: optionalText('说明', 200).default('') });

export const cashEntryInput = z.object({
  kind: z.enum(['opening', 'topup'], { message: '请选择类型' }).describe('类型'),
  amountFen: amount('金额'),
  entryDate: isoDate('日期').optional(),
  note: text('摘要', 200),
});
export const cashCountInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 年-月' }).describe('月份'),
  countedFen: fen('实点现金'),
  checkerId: id('监盘人'),
  note: optionalText('说明', 300).default(''),
});


export const SORTS = ['date', '-date', 'number', '-number', 'amount', '-amount'] as const;
const filters = {
  categoryId: z.number().int().positive().optional().describe('费用类别'),
  applicantId: z.number().int().positive().optional().describe('申请人'),
  department: z.string().trim().max(60).optional().describe('部门'),
  sort: z.enum(SORTS).default('-date').describe('排序'),
};
export const claimListInput = listInput.extend({ ...filters, paymentMethod: z.enum(PAYMENT_METHODS).optional().describe('支付方式') });
export const appListInput = listInput.extend({ ...filters, large: z.boolean().optional().describe('大额') });
export const advanceListInput = listInput.extend({ borrowerId: z.number().int().positive().optional(), overdue: z.boolean().optional().describe('逾期'), sort: z.enum(SORTS).default('-date') });
export const cashListInput = listInput.extend({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('月份') });
export type ClaimListInput = z.input<typeof claimListInput>;

// ---- outputs ----

const person = z.object({ id: z.number(), name: z.string(), department: z.string(), post: z.string() });

export const categoryShape = z.object({ id: z.number(), name: z.string(), needsBasis: z.boolean(), active: z.boolean(), sort: z.number() });
export type ExpenseCategory = z.infer<typeof categoryShape>;

export const signatureShape = z.object({
  step: z.string(),
  /** Who may sign this step, in words. */
  who: z.string(),
  done: z.boolean(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  signerName: z.string().nullable(),
  comment: z.string(),
  at: z.string().nullable(),
  mode: z.enum(['cosign', 'paper']).nullable(),
  filingNo: z.string().nullable(),
  /** The approval recorded for this step, as the forms print it (renderer/print/approval.ts). */
  approval: approvalShape.nullable(),
});
export type Signature = z.infer<typeof signatureShape>;

export const decisionLinkShape = z.object({ id: z.number(), label: z.string(), title: z.string(), amount: z.number().nullable(), finalised: z.boolean() });

export const appRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  appliedOn: z.string(),
  applicantId: z.number(),
  applicantName: z.string(),
  department: z.string(),
  categoryId: z.number(),
  categoryName: z.string(),
  purpose: z.string(),
  budgetItem: z.string(),
  estimatedFen: z.number(),
  basisDoc: z.string(),
  large: z.boolean(),
  decision: decisionLinkShape.nullable(),
  state: z.enum(APP_STATES),
  approvers: z.string(),
  accepted: z.boolean(),
  /** Sum of its reimbursements that are not rejected or void. */
  claimedFen: z.number(),
  remarks: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type AppRow = z.infer<typeof appRowShape>;

export const acceptanceLineShape = z.object({
  id: z.number(),
  name: z.string(),
  quantity: z.number(),
  unitPriceFen: z.number(),
  /** At or above the fixed-asset threshold: needs an asset card before reimbursement. */
  fixedAsset: z.boolean(),
  assetCardId: z.number().nullable(),
  assetNumber: z.string().nullable(),
});
export const acceptanceShape = z.object({
  id: z.number(),
  witnessId: z.number(),
  witnessName: z.string(),
  acceptedOn: z.string(),
  result: z.string(),
  lines: z.array(acceptanceLineShape),
  recordedByName: z.string(),
});

export const appDetailShape = appRowShape.extend({
  needsBasis: z.boolean(),
  signatures: z.array(signatureShape),
  acceptance: acceptanceShape.nullable(),
  attachments: z.array(attachmentShape),
  claims: z.array(z.object({ id: z.number(), number: z.string(), state: z.enum(CLAIM_STATES), totalFen: z.number() })),
  voidReason: z.string().nullable(),
  /** What blocks a reimbursement now, in words (empty: ready). */
  claimBlockers: z.array(z.string()),
  assetThreshold: z.number(),
});
export type AppDetail = z.infer<typeof appDetailShape>;

export const claimLineShape = z.object({ id: z.number(), invoiceNo: z.string(), invoiceDate: z.string(), description: z.string(), amountFen: z.number() });

export const claimRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  claimedOn: z.string(),
  applicationId: z.number(),
  applicationNumber: z.string(),
  applicantId: z.number(),
  applicantName: z.string(),
  department: z.string(),
  categoryName: z.string(),
  purpose: z.string(),
  totalFen: z.number(),
  approvedFen: z.number(),
  overApproved: z.boolean(),
  receipts: z.number(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  advanceId: z.number().nullable(),
  advanceNumber: z.string().nullable(),
  offsetFen: z.number(),
  state: z.enum(CLAIM_STATES),
  nextStep: z.string().nullable(),
  paidOn: z.string().nullable(),
  voucherNo: z.string().nullable(),
  createdAt: z.string(),
  /** Paid, then reversed (红字冲销). */
  reversed: z.boolean(),
});
export type ClaimRow = z.infer<typeof claimRowShape>;

export const claimDetailShape = claimRowShape.extend({
  payee: z.string(),
  remarks: z.string(),
  basisDoc: z.string(),
  budgetItem: z.string(),
  lines: z.array(claimLineShape),
  signatures: z.array(signatureShape),
  attachments: z.array(attachmentShape),
  acceptance: acceptanceShape.nullable(),
  voidReason: z.string().nullable(),
  recordedByName: z.string(),
  /** 红字冲销 of this paid claim, if any. */
  reversal: z
    .object({ on: z.string(), voucherNo: z.string(), reason: z.string(), cashBackFen: z.number(), advanceReopenedFen: z.number(), byName: z.string(), at: z.string() })
    .nullable(),
});
export type ClaimDetail = z.infer<typeof claimDetailShape>;

export const advanceRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  appliedOn: z.string(),
  borrowerId: z.number(),
  borrowerName: z.string(),
  department: z.string(),
  purpose: z.string(),
  amountFen: z.number(),
  paymentMethod: z.enum(['cash', 'transfer']),
  dueOn: z.string(),
  paidOn: z.string().nullable(),
  settledFen: z.number(),
  outstandingFen: z.number(),
  overdue: z.boolean(),
  state: z.enum(ADVANCE_STATES),
  approvers: z.string(),
  createdAt: z.string(),
});
export type AdvanceRow = z.infer<typeof advanceRowShape>;

export const settlementShape = z.object({ id: z.number(), kind: z.enum(['claim', 'cash', 'reversal']), amountFen: z.number(), on: z.string(), claimNumber: z.string().nullable(), note: z.string(), recordedByName: z.string() });
export const advanceDetailShape = advanceRowShape.extend({
  signatures: z.array(signatureShape),
  settlements: z.array(settlementShape),
  attachments: z.array(attachmentShape),
  remarks: z.string(),
  voidReason: z.string().nullable(),
  recordedByName: z.string(),
});
export type AdvanceDetail = z.infer<typeof advanceDetailShape>;

export const cashEntryShape = z.object({
  id: z.number(),
  entryDate: z.string(),
  kind: z.enum(CASH_KINDS),
  note: z.string(),
  inFen: z.number(),
  outFen: z.number(),
  balanceFen: z.number(),
  ref: z.string().nullable(),
  /** What the entry belongs to (a claim, an advance), when anything. */
  refType: z.string().nullable(),
  recordedByName: z.string(),
});
export const cashCountShape = z.object({
  id: z.number(),
  month: z.string(),
  bookFen: z.number(),
  countedFen: z.number(),
  differenceFen: z.number(),
  countedByName: z.string(),
  checkerName: z.string(),
  note: z.string(),
  countedAt: z.string(),
});
export const cashStatusShape = z.object({ opened: z.boolean(), balanceFen: z.number(), lastCount: cashCountShape.nullable(), counts: z.array(cashCountShape) });

export const monthlyShape = z.object({
  year: z.number(),
  rows: z.array(z.object({ categoryId: z.number(), categoryName: z.string(), months: z.array(z.number()), totalFen: z.number(), claims: z.number() })),
  months: z.array(z.number()),
  totalFen: z.number(),
});
export type ExpenseMonthly = z.infer<typeof monthlyShape>;

const attentionRow = z.object({ id: z.number(), number: z.string(), name: z.string(), amountFen: z.number(), date: z.string() });
export const attentionShape = z.object({
  pendingApps: z.number(),
  signing: z.number(),
  awaitingPayment: z.number(),
  outstandingAdvances: z.number(),
  outstandingFen: z.number(),
  overdueAdvances: z.number(),
  overdueRows: z.array(attentionRow),
  cashBalanceFen: z.number().nullable(),
  /** The last month with cash movements that has no cash count yet, e.g. 2026-10. */
  uncountedMonth: z.string().nullable(),
});
export type ExpenseAttention = z.infer<typeof attentionShape>;

export const expensesMethods = defineMethods({
  'expenses.settings': { title: '费用报销设置', access: ALL, kind: 'read', input: z.object({}).default({}), output: expensesSettingsShape },
  'expenses.saveSettings': { title: '修改费用报销设置', access: ['admin'], kind: 'write', input: expensesSettingsShape, output: expensesSettingsShape },
  'expenses.categories': { title: '费用类别', access: ALL, kind: 'read', input: z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }), output: z.array(categoryShape) },
  'expenses.categoryCreate': { title: '新增费用类别', access: ['admin'], kind: 'write', input: categoryInput, output: categoryShape },
  'expenses.categoryUpdate': { title: '修改费用类别', access: ['admin'], kind: 'write', input: categoryUpdateInput, output: categoryShape },

  'expenses.apply': { title: '费用事前申请', access: KEEPERS, kind: 'write', input: applicationInput, output: appDetailShape },
  'expenses.appApprove': { title: '事前申请审批', access: SIGNERS, kind: 'write', input: approveInput, output: appDetailShape },
  'expenses.appLinkDecision': { title: '关联党组会议决定', access: KEEPERS, kind: 'write', input: linkDecisionInput, output: appDetailShape },
  'expenses.appVoid': { title: '作废事前申请', access: KEEPERS, kind: 'write', input: voidInput, output: appDetailShape },
  'expenses.accept': { title: '事后验收', access: KEEPERS, kind: 'write', input: acceptanceInput, output: appDetailShape },
  'expenses.linkAsset': { title: '验收物品关联固定资产卡片', access: KEEPERS, kind: 'write', input: linkAssetInput, output: appDetailShape },
  'expenses.appList': { title: '事前申请登记簿', access: ALL, kind: 'read', input: appListInput, output: listOutput(appRowShape) },
  'expenses.appGet': { title: '查看事前申请', access: ALL, kind: 'read', input: z.object({ id: id('申请') }), output: appDetailShape },

  'expenses.claim': { title: '填写报销单', access: KEEPERS, kind: 'write', input: claimInput, output: claimDetailShape },
  'expenses.sign': { title: '报销签批', access: SIGNERS, kind: 'write', input: signInput, output: claimDetailShape },
  'expenses.pay': { title: '报销支付', access: KEEPERS, kind: 'write', input: payInput, output: claimDetailShape },
  'expenses.claimReverse': {
    title: '红字冲销报销单',
    access: KEEPERS,
    kind: 'write',
    input: z.object({ id: id('报销单'), reversedOn: isoDate('冲销日期').optional(), voucherNo: text('红字凭证号', 40), reason: paragraph('冲销原因', 300) }),
    output: claimDetailShape,
  },
  'expenses.claimVoid': { title: '作废报销单', access: KEEPERS, kind: 'write', input: voidInput, output: claimDetailShape },
  'expenses.list': { title: '费用报销登记簿', access: ALL, kind: 'read', input: claimListInput, output: listOutput(claimRowShape) },
  'expenses.get': { title: '查看报销单', access: ALL, kind: 'read', input: z.object({ id: id('报销单') }), output: claimDetailShape },

  'expenses.advance': { title: '借支申请', access: KEEPERS, kind: 'write', input: advanceInput, output: advanceDetailShape },
  'expenses.advanceApprove': { title: '借支审批', access: SIGNERS, kind: 'write', input: advanceApproveInput, output: advanceDetailShape },
  'expenses.advancePay': { title: '借支付款', access: KEEPERS, kind: 'write', input: advancePayInput, output: advanceDetailShape },
  'expenses.advanceReturn': { title: '借支现金还款', access: KEEPERS, kind: 'write', input: advanceReturnInput, output: advanceDetailShape },
  'expenses.advanceVoid': { title: '作废借支', access: KEEPERS, kind: 'write', input: voidInput, output: advanceDetailShape },
  'expenses.advanceList': { title: '借支登记簿', access: ALL, kind: 'read', input: advanceListInput, output: listOutput(advanceRowShape) },
  'expenses.advanceGet': { title: '查看借支', access: ALL, kind: 'read', input: z.object({ id: id('借支') }), output: advanceDetailShape },

  'expenses.cashEntry': { title: '备用金期初或补充', access: KEEPERS, kind: 'write', input: cashEntryInput, output: cashEntryShape },
  'expenses.cashCount': { title: '备用金月末盘点', access: KEEPERS, kind: 'write', input: cashCountInput, output: cashCountShape },
  'expenses.cashList': { title: '备用金日记账', access: ALL, kind: 'read', input: cashListInput, output: listOutput(cashEntryShape) },
  'expenses.cashStatus': { title: '备用金余额与盘点', access: ALL, kind: 'read', input: z.object({}).default({}), output: cashStatusShape },

  ...attachmentMethods('expenses', [EXP_APP_OBJECT, EXP_CLAIM_OBJECT, EXP_ADVANCE_OBJECT], { write: KEEPERS, read: ALL }),

  'expenses.monthly': { title: '费用分类月度汇总', access: ALL, kind: 'read', input: z.object({ year }), output: monthlyShape },
  'expenses.attention': { title: '费用待办', access: ALL, kind: 'read', input: z.object({}).default({}), output: attentionShape },
});

// ---- registers (print, export) ----

const READERS: readonly Role[] = ['clerk', 'approver', 'auditor', 'admin'];

export const expensesRegisterDefs: Record<string, RegisterDef> = {
  [EXP_REGISTER_CLAIMS]: {
    key: EXP_REGISTER_CLAIMS,
    title: '费用报销登记簿',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    states: CLAIM_STATE_LABELS,
    columns: [
      { key: 'number', title: '报销单号', width: 27 },
      { key: 'date', title: '日期', width: 20, kind: 'date', align: 'center' },
      { key: 'applicant', title: '经办人', width: 13 },
      { key: 'department', title: '部门', width: 16 },
      { key: 'category', title: '类别', width: 16 },
      { key: 'purpose', title: '事由', width: 34 },
      { key: 'application', title: '事前申请', width: 27 },
      { key: 'amount', title: '金额（元）', width: 18, kind: 'money', align: 'right' },
      { key: 'receipts', title: '单据张数', width: 9, kind: 'int', align: 'center' },
      { key: 'payment', title: '支付方式', width: 10, align: 'center' },
      { key: 'voucher', title: '凭证号', width: 14, nowrap: true },
      { key: 'state', title: '状态', width: 10, align: 'center' },
      { key: 'paidOn', title: '支付日期', width: 17, kind: 'date', exportOnly: true },
      { key: 'offset', title: '冲借支（元）', width: 14, kind: 'money', exportOnly: true },
      { key: 'handlerSign', title: '经办人签字', width: 16, signature: true },
    ],
  },
  [EXP_REGISTER_APPS]: {
    key: EXP_REGISTER_APPS,
    title: '费用事前申请登记簿',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    states: APP_STATE_LABELS,
    columns: [
      { key: 'number', title: '申请编号', width: 27 },
      { key: 'date', title: '申请日期', width: 20, kind: 'date', align: 'center' },
      { key: 'applicant', title: '申请人', width: 13 },
      { key: 'department', title: '部门', width: 16 },
      { key: 'category', title: '类别', width: 16 },
      { key: 'purpose', title: '事由', width: 36 },
      { key: 'budgetItem', title: '预算项目', width: 18 },
      { key: 'amount', title: '预计金额（元）', width: 18, kind: 'money', align: 'right' },
      { key: 'basis', title: '文件依据', width: 24 },
      { key: 'decision', title: '集体决策', width: 26 },
      { key: 'approvers', title: '审批人', width: 18 },
      { key: 'state', title: '状态', width: 10, align: 'center' },
    ],
  },
  [EXP_REGISTER_ADVANCES]: {
    key: EXP_REGISTER_ADVANCES,
    title: '借支登记簿',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    states: ADVANCE_STATE_LABELS,
    columns: [
      { key: 'number', title: '借款单号', width: 27 },
      { key: 'date', title: '借款日期', width: 20, kind: 'date', align: 'center' },
      { key: 'borrower', title: '借款人', width: 13 },
      { key: 'department', title: '部门', width: 16 },
      { key: 'purpose', title: '借款事由', width: 40 },
      { key: 'amount', title: '借款金额（元）', width: 18, kind: 'money', align: 'right' },
      { key: 'due', title: '还款期限', width: 20, kind: 'date', align: 'center' },
      { key: 'settled', title: '已结清（元）', width: 18, kind: 'money', align: 'right' },
      { key: 'outstanding', title: '未结清（元）', width: 18, kind: 'money', align: 'right' },
      { key: 'state', title: '状态', width: 12, align: 'center' },
      { key: 'borrowerSign', title: '借款人签字', width: 16, signature: true },
    ],
  },
  [EXP_REGISTER_CASH]: {
    key: EXP_REGISTER_CASH,
    title: '备用金现金日记账',
    orientation: 'portrait',
    retention: '30年',
    readRoles: READERS,
    columns: [
      { key: 'date', title: '日期', width: 18, kind: 'date', align: 'center' },
      { key: 'kind', title: '类型', width: 16 },
      { key: 'note', title: '摘要', width: 34 },
      { key: 'ref', title: '单据号', width: 32 },
      { key: 'in', title: '收入（元）', width: 16, kind: 'money', align: 'right' },
      { key: 'out', title: '支出（元）', width: 16, kind: 'money', align: 'right' },
      { key: 'balance', title: '余额（元）', width: 17, kind: 'money', align: 'right' },
    ],
  },
  [EXP_REGISTER_MONTHLY]: {
    key: EXP_REGISTER_MONTHLY,
    title: '费用分类月度汇总表',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    columns: [
      { key: 'category', title: '费用类别', width: 28 },
      ...Array.from({ length: 12 }, (_, i) => ({ key: `m${i + 1}`, title: `${i + 1}月`, width: 13, kind: 'money' as const, align: 'right' as const })),
      { key: 'total', title: '合计', width: 16, kind: 'money', align: 'right' },
    ],
  },
};
