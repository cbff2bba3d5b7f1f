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
  paperFilingNo: z.string().nullable(),
});
export type Approval = z.infer<typeof approvalShape>;

export const approvalsMethods = defineMethods({
  'approvals.forObject': {
    title: '查看审批记录',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ objectType: z.string().max(40), objectId: z.number().int().positive() }),
    output: z.array(approvalShape),
  },
});
