// The seals register (DOMAIN.md §1): the seal catalogue with custody handovers, the 分管领导 of each
// department, and the seal usage log (用印申请 → 审批 → 用印 → 外带 → 归还). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import type { RegisterDef } from './registers';
import { approvalInput } from './approvals';
import { id, isoDate, isoDateTime, listInput, listOutput, optionalText, positiveInt, text, type Role, paragraph } from './common';

const ALL: readonly Role[] = ['admin', 'clerk', 'approver', 'auditor'];
const KEEPERS: readonly Role[] = ['clerk', 'admin'];

// ---- vocabulary ----

export const SEAL_KINDS = ['official', 'party', 'finance', 'legalRep', 'contract', 'department', 'other'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];
export const SEAL_KIND_LABELS: Record<SealKind, string> = {
  official: '单位公章',
  party: '党组（党委）印章',
  finance: '财务专用章',
  legalRep: '法定代表人名章',
  contract: '合同专用章',
  department: '内设机构印章',
  other: '其他印章',
};

export const SEAL_STATUSES = ['active', 'suspended', 'sealed', 'destroyed'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];
export const SEAL_STATUS_LABELS: Record<SealStatus, string> = { active: '在用', suspended: '停用', sealed: '封存', destroyed: '销毁' };

/** Who must approve a use: one named person, whoever holds a post (e.g. 局长), or the 分管领导 of the applicant's department. */
export const APPROVER_RULES = ['person', 'post', 'deptLeader'] as const;
export type ApproverRule = (typeof APPROVER_RULES)[number];
export const APPROVER_RULE_LABELS: Record<ApproverRule, string> = { person: '指定审批人', post: '指定职务', deptLeader: '申请部门分管领导' };

export const USE_STATES = ['pending', 'approved', 'rejected', 'stamped', 'out', 'returned', 'void'] as const;
export type UseState = (typeof USE_STATES)[number];
export const USE_STATE_LABELS: Record<UseState, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  stamped: '已用印',
  out: '已借出',
  returned: '已归还',
  void: '作废',
};

/** Extra list filters beyond the state. */
export const USE_FLAGS = ['overdue', 'emergency', 'emergencyPending', 'paperGap', 'takeOut', 'imported', 'amended'] as const;
export type UseFlag = (typeof USE_FLAGS)[number];
export const USE_FLAG_LABELS: Record<UseFlag, string> = {
  overdue: '逾期未还',
  emergency: '事后补批',
  emergencyPending: '待补批',
  paperGap: '补录·无审批记录',
  takeOut: '外带',
  imported: '导入',
  amended: '已更正',
};

export const SEAL_REGISTER_USAGE = 'seals.usage';
export const SEAL_REGISTER_CATALOGUE = 'seals.catalogue';
export const SEAL_REGISTER_HANDOVERS = 'seals.handovers';
/** objectType of audit entries and approvals. */
export const SEAL_OBJECT = 'seal';
export const SEAL_USE_OBJECT = 'seal_use';

// ---- field helpers ----

/** Stamping blank paper is forbidden: the title must name a real document. */
export const BLANK_TITLE = /^(空白.*|无|暂无|略|待定|[-—_.。·…、,，\s]*)$/;
export const documentTitle = text('文件名称', 200).refine((s) => !BLANK_TITLE.test(s), {
  message: '不得在空白纸张、空白介绍信或空白表格上用印：请填写具体的文件名称',
});

const sealFields = {
  name: text('印章名称', 60),
  kind: z.enum(SEAL_KINDS, { message: '请选择印章类型' }).describe('印章类型'),
  approverRule: z.enum(APPROVER_RULES, { message: '请选择审批规则' }).describe('审批规则'),
  approverId: id('指定审批人').nullish(),
  approverPost: optionalText('审批人职务', 40),
  enabledOn: isoDate('启用日期'),
  remarks: optionalText('备注', 500).default(''),
};

type RuleInput = { approverRule: ApproverRule; approverId?: number | null; approverPost?: string };
const ruleCheck = (v: RuleInput, ctx: z.RefinementCtx) => {
  if (v.approverRule === 'person' && !v.approverId) ctx.addIssue({ code: 'custom', path: ['approverId'], message: '请选择指定审批人' });
  if (v.approverRule === 'post' && !v.approverPost) ctx.addIssue({ code: 'custom', path: ['approverPost'], message: '请填写审批人职务（如：局长）' });
};

export const sealCreateInput = z
  .object({ ...sealFields, custodianId: id('保管人').nullish() })
  .superRefine(ruleCheck);
export const sealUpdateInput = z.object({ id: id('印章'), ...sealFields }).superRefine(ruleCheck);

export const sealStatusInput = z
  .object({
    id: id('印章'),
    status: z.enum(SEAL_STATUSES, { message: '请选择状态' }).describe('状态'),
    date: isoDate('日期'),
    reason: paragraph('原因', 500),
    method: optionalText('处置方式', 200),
    witnesses: optionalText('见证人', 200),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'sealed' || v.status === 'destroyed') {
      if (!v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: v.status === 'sealed' ? '请填写封存方式（如：封存于档案室保险柜）' : '请填写销毁方式（如：交公安机关切角销毁）' });
      if (!v.witnesses) ctx.addIssue({ code: 'custom', path: ['witnesses'], message: '请填写见证人（至少一人）' });
    }
  });

export const handoverInput = z.object({
  sealId: id('印章'),
  toId: id('接收人'),
  witnessId: id('监交人'),
  date: isoDate('交接日期'),
  note: optionalText('交接说明', 500).default(''),
});

const useFields = {
  sealId: id('印章'),
  reason: paragraph('用印事由', 300),
  documentTitle,
  documentNo: optionalText('文号', 60).default(''),
  copies: positiveInt('份数', 10_000),
  applicantId: id('申请人'),
  /** 申请日期: today unless a paper request is entered afterwards (补登). */
  appliedOn: isoDate('申请日期').optional(),
  takeOut: z.boolean().default(false).describe('外带'),
  plannedOut: isoDate('计划借出日期').nullish(),
  plannedReturn: isoDate('计划归还日期').nullish(),
  remarks: optionalText('备注', 500).default(''),
};

type TakeOutInput = { takeOut: boolean; plannedOut?: string | null; plannedReturn?: string | null };
const takeOutCheck = (v: TakeOutInput, ctx: z.RefinementCtx) => {
  if (!v.takeOut) return;
  if (!v.plannedOut) ctx.addIssue({ code: 'custom', path: ['plannedOut'], message: '外带印章须填写计划借出日期' });
  if (!v.plannedReturn) ctx.addIssue({ code: 'custom', path: ['plannedReturn'], message: '外带印章须填写计划归还日期' });
  if (v.plannedOut && v.plannedReturn && v.plannedReturn < v.plannedOut) ctx.addIssue({ code: 'custom', path: ['plannedReturn'], message: '计划归还日期不能早于计划借出日期' });
};

export const useRequestInput = z.object(useFields).superRefine(takeOutCheck);

export const emergencyInput = z
  .object({
    ...useFields,
    count: positiveInt('实际用印份数', 10_000),
    stampedAt: isoDateTime('用印时间').optional(),
    emergencyReason: paragraph('先用印后补批的理由', 500).refine((s) => s.length >= 6, { message: '请写明先用印后补批的具体理由（至少 6 个字）' }),
    phoneApproverId: id('电话同意的领导'),
  })
  .superRefine(takeOutCheck)
  .superRefine((v, ctx) => {
    if (v.count > v.copies) ctx.addIssue({ code: 'custom', path: ['count'], message: `实际用印份数不能超过申请份数（${v.copies} 份）` });
  });

export const approveInput = z.object({ id: id('用印登记'), approval: approvalInput });
export const stampInput = z.object({ id: id('用印登记'), count: positiveInt('实际用印份数', 10_000), stampedAt: isoDateTime('用印时间').optional(), remarks: optionalText('备注', 500) });
export const checkOutInput = z.object({ id: id('用印登记'), outAt: isoDateTime('借出时间').optional() });
export const returnInput = z.object({ id: id('用印登记'), returnedAt: isoDateTime('归还时间').optional(), confirmedById: id('归还确认人'), note: optionalText('归还情况', 300).default('') });
export const voidInput = z.object({ id: id('用印登记'), reason: paragraph('作废原因', 300) });
export const amendInput = z
  .object({
    id: id('用印登记'),
    reason: paragraph('用印事由', 300).optional(),
    documentTitle: documentTitle.optional(),
    documentNo: optionalText('文号', 60),
    remarks: optionalText('备注', 500),
    amendReason: paragraph('更正原因', 300),
  })
  .superRefine((v, ctx) => {
    if (v.reason === undefined && v.documentTitle === undefined && v.documentNo === undefined && v.remarks === undefined) {
      ctx.addIssue({ code: 'custom', path: ['documentTitle'], message: '请至少更正一项内容' });
    }
  });

export const SORTS = ['date', '-date', 'number', '-number'] as const;
export const useListInput = listInput.extend({
  sealId: z.number().int().positive().optional().describe('印章'),
  applicantId: z.number().int().positive().optional().describe('申请人'),
  department: z.string().trim().max(60).optional().describe('部门'),
  flag: z.enum(USE_FLAGS).optional().describe('标记'),
  sort: z.enum(SORTS).default('-date').describe('排序'),
});
export type UseListInput = z.input<typeof useListInput>;

// ---- output shapes ----

const person = z.object({ id: z.number(), name: z.string(), department: z.string(), post: z.string() });

export const sealShape = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(SEAL_KINDS),
  approverRule: z.enum(APPROVER_RULES),
  approverId: z.number().nullable(),
  approverName: z.string().nullable(),
  approverPost: z.string().nullable(),
  /** The rule in words, e.g. 局长 / 申请部门分管领导. */
  approverText: z.string(),
  status: z.enum(SEAL_STATUSES),
  enabledOn: z.string(),
  custodianId: z.number().nullable(),
  custodianName: z.string().nullable(),
  custodianActive: z.boolean(),
  custodianSince: z.string().nullable(),
  retiredOn: z.string().nullable(),
  retireMethod: z.string().nullable(),
  retireWitnesses: z.string().nullable(),
  remarks: z.string(),
  /** The entry the seal is out on right now, if any. */
  outOnUseId: z.number().nullable(),
  outOnNumber: z.string().nullable(),
  /** Can a use be requested now, and if not, why. */
  usable: z.boolean(),
  unusableReason: z.string().nullable(),
});
export type Seal = z.infer<typeof sealShape>;

export const handoverShape = z.object({
  id: z.number(),
  number: z.string(),
  sealId: z.number(),
  sealName: z.string(),
  fromId: z.number().nullable(),
  fromName: z.string().nullable(),
  toId: z.number(),
  toName: z.string(),
  witnessId: z.number().nullable(),
  witnessName: z.string().nullable(),
  date: z.string(),
  note: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type Handover = z.infer<typeof handoverShape>;

export const statusChangeShape = z.object({
  id: z.number(),
  fromStatus: z.enum(SEAL_STATUSES).nullable(),
  toStatus: z.enum(SEAL_STATUSES),
  date: z.string(),
  reason: z.string(),
  method: z.string().nullable(),
  witnesses: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

export const sealDetailShape = z.object({ seal: sealShape, handovers: z.array(handoverShape), statusChanges: z.array(statusChangeShape) });

export const useRowShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  date: z.string(),
  sealId: z.number(),
  sealName: z.string(),
  reason: z.string(),
  documentTitle: z.string(),
  documentNo: z.string(),
  copies: z.number(),
  applicantId: z.number().nullable(),
  applicantName: z.string(),
  department: z.string(),
  takeOut: z.boolean(),
  plannedOut: z.string().nullable(),
  plannedReturn: z.string().nullable(),
  state: z.enum(USE_STATES),
  emergency: z.boolean(),
  emergencyReason: z.string().nullable(),
  phoneApproverName: z.string().nullable(),
  approvalDecision: z.enum(['approved', 'rejected']).nullable(),
  approverName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalMode: z.enum(['cosign', 'paper', 'imported']).nullable(),
  stampedAt: z.string().nullable(),
  stampedCount: z.number().nullable(),
  supervisorName: z.string().nullable(),
  outAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnConfirmedName: z.string().nullable(),
  returnNote: z.string(),
  voidReason: z.string().nullable(),
  remarks: z.string(),
  imported: z.boolean(),
  amended: z.boolean(),
  /** Out and past the planned return date. */
  overdue: z.boolean(),
  /** Came back after the planned return date. */
  returnedLate: z.boolean(),
  /** Stamped first under the emergency exception and the approval is not yet recorded. */
  emergencyPending: z.boolean(),
  /** Entered after its date (补登 of a paper request). */
  lateEntry: z.boolean(),
  /** 补录: imported from a paper log that records no approver; stamped without an approval on record. */
  paperGap: z.boolean(),
  createdAt: z.string(),
  recordedByName: z.string(),
});
export type UseRow = z.infer<typeof useRowShape>;

export const amendmentShape = z.object({ id: z.number(), at: z.string(), byName: z.string(), reason: z.string(), before: z.record(z.string(), z.string()), after: z.record(z.string(), z.string()) });

export const useDetailShape = useRowShape.extend({
  recordedById: z.number(),
  supervisorId: z.number().nullable(),
  voidedAt: z.string().nullable(),
  voidedByName: z.string().nullable(),
  sealStatus: z.enum(SEAL_STATUSES),
  sealKind: z.enum(SEAL_KINDS),
  custodianId: z.number().nullable(),
  custodianName: z.string().nullable(),
  approverRuleText: z.string(),
  /** Who may approve this entry under the seal's rule (empty when it cannot be resolved). */
  expectedApprovers: z.array(person),
  approverProblem: z.string().nullable(),
  amendments: z.array(amendmentShape),
});
export type UseDetail = z.infer<typeof useDetailShape>;

export const deptLeaderShape = z.object({ department: z.string(), leaderId: z.number().nullable(), leaderName: z.string().nullable(), staff: z.number() });

export const statsShape = z.object({
  year: z.number(),
  seals: z.array(z.object({ sealId: z.number(), sealName: z.string(), months: z.array(z.number()), stamps: z.number(), total: z.number() })),
  months: z.array(z.number()),
  total: z.number(),
  stamps: z.number(),
  takeOuts: z.number(),
  overdueNow: z.number(),
  returnedLate: z.number(),
  emergency: z.number(),
  emergencyPending: z.number(),
  /** Stamped without any approval on record: 补录 paper entries (their paper names no approver). */
  paperGap: z.number(),
  rejected: z.number(),
  voided: z.number(),
});
export type SealStats = z.infer<typeof statsShape>;

const attentionRow = z.object({ id: z.number(), number: z.string(), sealName: z.string(), documentTitle: z.string(), applicantName: z.string(), date: z.string(), plannedReturn: z.string().nullable() });
export const attentionShape = z.object({
  pending: z.number(),
  pendingRows: z.array(attentionRow),
  awaitingStamp: z.number(),
  overdue: z.number(),
  overdueRows: z.array(attentionRow),
  emergencyPending: z.number(),
  emergencyRows: z.array(attentionRow),
  sealsWithoutCustodian: z.number(),
});

// ---- the methods ----

export const sealsMethods = defineMethods({
  'seals.catalogueList': {
    title: '印章目录',
    access: ALL,
    kind: 'read',
    input: z.object({
      q: z.string().trim().max(60).optional().describe('关键词'),
      status: z.enum(SEAL_STATUSES).optional().describe('状态'),
      usableOnly: z.boolean().default(false),
      page: z.number().int().min(1).max(100_000).default(1),
      pageSize: z.number().int().min(1).max(500).default(100),
    }),
    output: listOutput(sealShape),
  },
  'seals.sealGet': { title: '查看印章', access: ALL, kind: 'read', input: z.object({ id: id('印章') }), output: sealDetailShape },
  'seals.sealCreate': { title: '登记印章', access: KEEPERS, kind: 'write', input: sealCreateInput, output: sealShape },
  'seals.sealUpdate': { title: '修改印章信息', access: KEEPERS, kind: 'write', input: sealUpdateInput, output: sealShape },
  'seals.sealSetStatus': { title: '变更印章状态（停用/封存/销毁/启用）', access: KEEPERS, kind: 'write', input: sealStatusInput, output: sealShape },
  'seals.handover': { title: '印章交接', access: KEEPERS, kind: 'write', input: handoverInput, output: handoverShape },
  'seals.handoverList': {
    title: '印章交接记录',
    access: ALL,
    kind: 'read',
    input: z.object({ sealId: z.number().int().positive().optional(), year: z.number().int().min(2000).max(2100).optional(), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }),
    output: listOutput(handoverShape),
  },
  'seals.deptLeaders': { title: '各部门分管领导', access: ALL, kind: 'read', input: z.object({}).default({}), output: z.array(deptLeaderShape) },
  'seals.setDeptLeader': {
    title: '设置部门分管领导',
    access: ['admin'],
    kind: 'write',
    input: z.object({ department: text('部门', 60), leaderId: id('分管领导').nullable() }),
    output: z.array(deptLeaderShape),
  },

  'seals.request': { title: '用印申请', access: ['clerk'], kind: 'write', input: useRequestInput, output: useDetailShape },
  'seals.approve': { title: '用印审批', access: ['clerk', 'approver'], kind: 'write', input: approveInput, output: useDetailShape },
  'seals.stamp': { title: '登记用印（监印）', access: ['clerk'], kind: 'write', input: stampInput, output: useDetailShape },
  'seals.emergencyStamp': { title: '先用印后补批（紧急）', access: ['clerk'], kind: 'write', input: emergencyInput, output: useDetailShape },
  'seals.checkOut': { title: '印章外带借出', access: ['clerk'], kind: 'write', input: checkOutInput, output: useDetailShape },
  'seals.return': { title: '印章归还确认', access: ['clerk'], kind: 'write', input: returnInput, output: useDetailShape },
  'seals.void': { title: '作废用印登记', access: ['clerk'], kind: 'write', input: voidInput, output: useDetailShape },
  'seals.amend': { title: '更正用印登记', access: ['clerk'], kind: 'write', input: amendInput, output: useDetailShape },
  'seals.list': { title: '用印登记簿', access: ALL, kind: 'read', input: useListInput, output: listOutput(useRowShape) },
  'seals.get': { title: '查看用印登记', access: ALL, kind: 'read', input: z.object({ id: id('用印登记') }), output: useDetailShape },
  'seals.stats': {
    title: '用印统计',
    access: ALL,
    kind: 'read',
    input: z.object({ year: z.number().int().min(2000).max(2100).describe('年度') }),
    output: statsShape,
  },
  'seals.attention': { title: '用印待办', access: ALL, kind: 'read', input: z.object({}).default({}), output: attentionShape },
});

// ---- printed registers ----

const READERS: readonly Role[] = ['clerk', 'approver', 'auditor', 'admin'];

export const sealsRegisterDefs: Record<string, RegisterDef> = {
  [SEAL_REGISTER_USAGE]: {
    key: SEAL_REGISTER_USAGE,
    title: '用印登记簿',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    importRoles: ['clerk'],
    states: USE_STATE_LABELS,
    columns: [
      // Widths are millimetres on landscape A4 (273 mm between the margins): the number and the date
      // stay on one or two clean lines, names fit three characters, signature cells fit a pen.
      { key: 'number', title: '编号', width: 27 },
      { key: 'date', title: '日期', width: 24, kind: 'date', align: 'center' },
      { key: 'seal', title: '印章', width: 20 },
      { key: 'reason', title: '用印事由', width: 24 },
      { key: 'document', title: '文件名称及文号', width: 32 },
      { key: 'copies', title: '份数', width: 10, kind: 'int', align: 'center' },
      { key: 'applicant', title: '申请人', width: 14 },
      { key: 'applicantSign', title: '申请人签字', width: 15, signature: true },
      { key: 'approver', title: '审批人', width: 14 },
      { key: 'approverSign', title: '审批人签字', width: 15, signature: true },
      { key: 'supervisor', title: '监印人', width: 14 },
      { key: 'supervisorSign', title: '监印人签字', width: 15, signature: true },
      { key: 'takeOut', title: '外带及归还', width: 25 },
      { key: 'remarks', title: '备注', width: 24 },
      { key: 'state', title: '状态', width: 7, exportOnly: true },
      { key: 'department', title: '申请部门', width: 12, exportOnly: true },
      { key: 'stampedAt', title: '用印时间', width: 17, kind: 'datetime', exportOnly: true },
      { key: 'approvedAt', title: '审批时间', width: 17, kind: 'datetime', exportOnly: true },
      { key: 'emergency', title: '事后补批', width: 8, exportOnly: true },
      { key: 'imported', title: '导入', width: 6, exportOnly: true },
      { key: 'paperGap', title: '无审批记录', width: 8, exportOnly: true },
    ],
    importColumns: [
      { key: 'number', title: '编号', required: true, hint: '纸质登记簿上的原编号，导入后保持不变' },
      { key: 'date', title: '日期', required: true, kind: 'date' },
      { key: 'seal', title: '印章', required: true, hint: '须与印章目录中的印章名称一致' },
      { key: 'reason', title: '用印事由', required: true },
      { key: 'documentTitle', title: '文件名称', required: true },
      { key: 'documentNo', title: '文号' },
      { key: 'copies', title: '份数', required: true, kind: 'int' },
      { key: 'applicant', title: '申请人', required: true },
      { key: 'department', title: '申请部门' },
      { key: 'approver', title: '审批人', hint: '已用印的登记必填；本系统启用前的纸质登记未记审批人的可留空，导入后标为“补录·无审批记录”，计为未审批' },
      { key: 'supervisor', title: '监印人', hint: '已用印的登记必填' },
      { key: 'takeOut', title: '外带', hint: '是/否' },
      { key: 'plannedReturn', title: '应还日期', kind: 'date', hint: '外带时必填' },
      { key: 'returnedOn', title: '归还日期', kind: 'date' },
      { key: 'returnConfirmedBy', title: '归还确认人', hint: '有归还日期时必填' },
      { key: 'voidReason', title: '作废原因', hint: '纸质登记簿上已作废的编号填写原因' },
      { key: 'remarks', title: '备注' },
    ],
  },
  [SEAL_REGISTER_CATALOGUE]: {
    key: SEAL_REGISTER_CATALOGUE,
    title: '印章登记表',
    orientation: 'landscape',
    retention: '永久',
    readRoles: READERS,
    states: SEAL_STATUS_LABELS,
    columns: [
      // Millimetres on landscape A4 (273 mm), as for 用印登记簿.
      { key: 'index', title: '序号', width: 10, kind: 'int', align: 'center' },
      { key: 'name', title: '印章名称', width: 44 },
      { key: 'kind', title: '类型', width: 24 },
      { key: 'status', title: '状态', width: 12, align: 'center' },
      { key: 'enabledOn', title: '启用日期', width: 22, kind: 'date', align: 'center' },
      { key: 'custodian', title: '现保管人', width: 16 },
      { key: 'custodianSince', title: '保管起始日期', width: 22, kind: 'date', align: 'center' },
      { key: 'approver', title: '用印审批人', width: 26 },
      { key: 'retirement', title: '停用/封存/销毁记录', width: 45 },
      { key: 'remarks', title: '备注', width: 32 },
      { key: 'custodianSign', title: '保管人签字', width: 20, signature: true },
    ],
  },
  [SEAL_REGISTER_HANDOVERS]: {
    key: SEAL_REGISTER_HANDOVERS,
    title: '印章交接登记表',
    orientation: 'landscape',
    retention: '30年',
    readRoles: READERS,
    columns: [
      { key: 'number', title: '交接编号', width: 30 },
      { key: 'date', title: '交接日期', width: 22, kind: 'date', align: 'center' },
      { key: 'seal', title: '印章', width: 44 },
      { key: 'from', title: '移交人', width: 18 },
      { key: 'fromSign', title: '移交人签字', width: 20, signature: true },
      { key: 'to', title: '接收人', width: 18 },
      { key: 'toSign', title: '接收人签字', width: 20, signature: true },
      { key: 'witness', title: '监交人', width: 18 },
      { key: 'witnessSign', title: '监交人签字', width: 20, signature: true },
      { key: 'note', title: '交接说明', width: 63 },
    ],
  },
};
