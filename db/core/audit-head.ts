import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
