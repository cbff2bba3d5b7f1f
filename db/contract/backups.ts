// Backups and restore (SECURITY.md "Backups"). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { listOutput } from './common';

export const manifestShape = z.object({
  format: z.number(),
  app: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number(),
  createdAt: z.string(),
  workstation: z.string(),
  unitName: z.string(),
  counts: z.record(z.string(), z.number()),
  sha256: z.string(),
  databaseBytes: z.number(),
  auditCheckpoint: z.object({ seq: z.number(), hash: z.string() }),
  encrypted: z.boolean(),
});
export type Manifest = z.infer<typeof manifestShape>;

export const BACKUP_KINDS = { auto: '自动备份', manual: '手动备份', safety: '恢复前安全副本' } as const;

export const backupRowShape = z.object({
  id: z.number(),
  kind: z.enum(['auto', 'manual', 'safety']),
  reason: z.string(),
  path: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  encrypted: z.boolean(),
  status: z.enum(['ok', 'failed', 'pruned']),
  error: z.string(),
  exists: z.boolean(),
});
export type BackupRow = z.infer<typeof backupRowShape>;

const path = z.string().trim().min(1, { message: '请选择备份文件' }).max(1000).describe('备份文件');
const passphrase = z.string().max(200).optional().describe('备份口令');

export const backupsMethods = defineMethods({
  'backups.list': {
    title: '备份列表',
    access: ['admin'],
    kind: 'read',
    input: z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(20) }),
    output: listOutput(backupRowShape),
  },
  'backups.status': {
    title: '备份状态',
    access: 'signedIn',
    kind: 'read',
    input: z.object({}).default({}),
    output: z.object({
      lastOk: z.object({ at: z.string(), path: z.string(), kind: z.string() }).nullable(),
      lastAutoFailed: z.object({ at: z.string(), error: z.string() }).nullable(),
      warning: z.string().nullable(),
      backupDir: z.string(),
    }),
  },
  'backups.create': {
    title: '立即备份',
    access: ['admin'],
    kind: 'write',
    input: z.object({
      destDir: z.string().trim().max(1000).optional().describe('备份位置'),
      passphrase: z.string().min(8, { message: '备份口令至少 8 个字符' }).max(200).optional().describe('备份口令'),
    }),
    output: z.object({ path: z.string(), manifest: manifestShape }),
  },
  'backups.inspect': {
    title: '查看备份内容',
    access: ['admin'],
    kind: 'read',
    auditRead: true,
    input: z.object({ path, passphrase }),
    output: z.object({ manifest: manifestShape, canRestore: z.boolean(), problem: z.string().nullable() }),
  },
  'backups.restore': {
    title: '从备份恢复',
    access: ['admin'],
    kind: 'write',
    input: z.object({ path, passphrase, confirm: z.literal(true, { message: '请确认要用备份替换当前数据' }).describe('确认') }),
    output: z.object({ restoredFrom: z.string(), safetyCopy: z.string(), counts: z.record(z.string(), z.number()), manifest: manifestShape }),
  },
  'backups.progress': {
    title: '备份进度',
    access: ['admin'],
    kind: 'read',
    input: z.object({}).default({}),
    output: z.object({ running: z.boolean(), job: z.string(), phase: z.string(), percent: z.number() }),
  },
});
