import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreState } from './context';
import { toShanghaiIso } from './time';

export const AUDIT_HEAD_FILE = 'audit-head.json';

/** The last audit head written beside the database (on close, after backups). */
export function readAuditHead(dataDir: string): { seq: number; hash: string } | null {
  try {
    const v = JSON.parse(readFileSync(join(dataDir, AUDIT_HEAD_FILE), 'utf8')) as { seq?: unknown; hash?: unknown };
    return typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : null;
  } catch {
    return null;
  }
}

/** Keep the current audit head beside the database, so a removed tail is visible even if the checkpoints table is rewritten. */
export function writeAuditHead(state: Pick<CoreState, 'audit' | 'dataDir' | 'clock'>) {
  const cp = state.audit.checkpoint();
  const file = join(state.dataDir, AUDIT_HEAD_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ seq: cp.seq, hash: cp.hash, at: toShanghaiIso(state.clock.now()) }), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
