// The tamper-evident audit trail (SECURITY.md "Audit trail"). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { isoDate, listOutput } from './common';

export const auditEntryShape = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  userLogin: z.string(),
  userName: z.string(),
  roles: z.string(),
  workstation: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  result: z.enum(['success', 'failure']),
  errorCode: z.string(),
  message: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntryShape>;

export const checkpointShape = z.object({ seq: z.number(), hash: z.string(), short: z.string() });
export type Checkpoint = z.infer<typeof checkpointShape>;

export const verifyResultShape = z.object({
  ok: z.boolean(),
  count: z.number(),
  firstBrokenSeq: z.number().nullable(),
  problem: z.string().nullable(),
  checkpoint: checkpointShape,
  checkedAt: z.string(),
});
export type VerifyResult = z.infer<typeof verifyResultShape>;

export const auditFilter = z.object({
  q: z.string().trim().max(100).optional().describe('关键词'),
  userId: z.number().int().positive().optional(),
  action: z.string().max(60).optional(),
  objectType: z.string().max(40).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
});

export const auditMethods = defineMethods({
  'audit.list': {
    title: '查阅审计日志',
    access: ['auditor', 'admin'],
    kind: 'read',
    auditRead: true,
    input: auditFilter.extend({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }),
    output: listOutput(auditEntryShape),
  },
  'audit.get': {
    title: '查看审计条目',
    access: ['auditor', 'admin'],
    kind: 'read',
    auditRead: true,
    input: z.object({ seq: z.number().int().positive() }),
    output: auditEntryShape,
  },
  'audit.verify': {
    title: '校验审计链',
    access: ['auditor', 'admin'],
    kind: 'read',
    auditRead: true,
    input: z.object({}).default({}),
    output: verifyResultShape,
  },
  'audit.checkpoint': {
    title: '读取审计检查点',
    access: 'signedIn',
    kind: 'read',
    input: z.object({}).default({}),
    output: checkpointShape,
  },
  'audit.forObject': {
    title: '查看记录的历史',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ objectType: z.string().max(40), objectId: z.string().max(40) }),
    output: z.array(auditEntryShape),
  },
  'audit.export': {
    title: '导出审计日志',
    access: ['auditor', 'admin'],
    kind: 'read',
    auditRead: true,
    input: auditFilter,
    output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number() }),
  },
});
