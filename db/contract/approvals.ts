// The shared approval mechanism (co-sign on this workstation, or a signed paper form). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { id, isoDateTime, optionalText, text } from './common';

export const DECISIONS = ['approved', 'rejected'] as const;
export const DECISION_LABELS = { approved: '批准', rejected: '驳回' } as const;

/** What a register's approve method takes: the approver co-signs with their own password, or the paper form is recorded. */
export const approvalInput = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('cosign'),
    decision: z.enum(DECISIONS, { message: '请选择批准或驳回' }).describe('审批意见'),
    comment: optionalText('审批意见', 500).default(''),
    login: z.string().trim().min(1, { message: '请填写审批人登录名' }).max(64).describe('审批人登录名'),
    password: z.string().min(1, { message: '请审批人输入本人密码' }).max(128).describe('审批人密码'),
  }),
  z.object({
    mode: z.literal('paper'),
    decision: z.enum(DECISIONS, { message: '请选择批准或驳回' }).describe('审批意见'),
    comment: optionalText('审批意见', 500).default(''),
    signerId: id('纸质签批人'),
    signedAt: isoDateTime('签批时间'),
    filingNo: text('纸质审批单归档号', 60),
  }),
]);
export type ApprovalInput = z.input<typeof approvalInput>;

export const approvalShape = z.object({
  id: z.number(),
  objectType: z.string(),
  objectId: z.number(),
  step: z.string(),
  decision: z.enum(DECISIONS),
  comment: z.string(),
  mode: z.enum(['cosign', 'paper']),
  approverId: z.number(),
  approverName: z.string(),
  recordedById: z.number(),
  recordedByName: z.string(),
  decidedAt: z.string(),
  /** When the paper was signed, as written on it (null for a co-signature: decidedAt is when it was given). */
  paperSignedAt: z.string().nullable(),
  paperFilingNo: z.string().nullable(),
  /** A paper approval someone else recorded: does the signer stand by it? Null when there is nothing to confirm. */
  confirmation: z.enum(['pending', 'confirmed', 'disputed']).nullable(),
  confirmedAt: z.string().nullable(),
  confirmNote: z.string().nullable(),
});
export type Approval = z.infer<typeof approvalShape>;

/** A paper approval as its signer (or the auditor) sees it: what, when, recorded by whom. */
export const paperApprovalShape = approvalShape.extend({
  subject: z.string(),
  /** Unconfirmed longer than the configured number of days. */
  overdue: z.boolean(),
});
export type PaperApproval = z.infer<typeof paperApprovalShape>;

export const confirmInput = z
  .object({
    id: id('纸质签批'),
    outcome: z.enum(['confirmed', 'disputed'], { message: '请选择确认或提出异议' }).describe('确认结果'),
    note: optionalText('说明', 500).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'disputed' && !v.note.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: '提出异议须写明理由' });
  });

export const approvalsMethods = defineMethods({
  'approvals.forObject': {
    title: '查看审批记录',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ objectType: z.string().max(40), objectId: z.number().int().positive() }),
    output: z.array(approvalShape),
  },
  'approvals.awaitingMe': {
    title: '待我确认的纸质签批',
    access: 'signedIn',
    kind: 'read',
    input: z.object({}).default({}),
    output: z.object({ rows: z.array(paperApprovalShape), total: z.number() }),
  },
  'approvals.confirm': {
    title: '确认纸质签批',
    access: 'signedIn',
    kind: 'write',
    input: confirmInput,
    output: paperApprovalShape,
  },
  'approvals.unconfirmed': {
    title: '未确认的纸质签批',
    access: ['admin', 'clerk', 'approver', 'auditor'],
    kind: 'read',
    input: z.object({ overdueOnly: z.boolean().default(false).describe('只看超期'), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }).default({ overdueOnly: false, page: 1, pageSize: 50 }),
    output: z.object({ rows: z.array(paperApprovalShape), total: z.number(), overdue: z.number(), days: z.number() }),
  },
});
