import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreState } from './context';
import type { Db } from './open';
import { shanghaiMinute, toShanghaiIso } from './time';

export const AUDIT_HEAD_FILE = 'audit-head.json';

/** The last audit head written beside the database (on close, after backups). */
export function readAuditHead(dataDir: string): { seq: number; hash: string; accepted?: boolean } | null {
  try {
    const v = JSON.parse(readFileSync(join(dataDir, AUDIT_HEAD_FILE), 'utf8')) as { seq?: unknown; hash?: unknown; accepted?: unknown };
    return typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash, accepted: v.accepted === true } : null;
  } catch {
    return null;
  }
}

/**
 * Keep the current audit head beside the database, so a removed tail is visible even if the checkpoints
 * table is rewritten. It never moves backwards, except after a restore (`restored`), which is audited.
 */
export function writeAuditHead(state: Pick<CoreState, 'audit' | 'dataDir' | 'clock'>, opts: { restored?: boolean } = {}) {
  const cp = state.audit.checkpoint();
  const known = readAuditHead(state.dataDir);
  if (known && cp.seq < known.seq && !opts.restored) return;
  const file = join(state.dataDir, AUDIT_HEAD_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ seq: cp.seq, hash: cp.hash, at: toShanghaiIso(state.clock.now()) }), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/**
 * Has this folder's history gone back? Compared before the first write of a start: the database's audit
 * head against the head kept beside it. A database older than the kept head (copied over, rolled back),
 * one whose entry at that number is another (swapped), or an empty one in a folder with a kept head or
 * backups, is a problem: the caller opens the data read-only with this message. Null when all is well.
 */
export function historyProblem(dataDir: string, db: Db): { message: string; empty: boolean } | null {
  const read = readAuditHead(dataDir);
  const known = read && read.seq > 0 ? read : null;
  // An administrator chose, on the command line, to go on with the data as it is (acceptHistory).
  if (read?.accepted && (!known || known.seq === read.seq)) return null;
  // A brand-new file has no tables yet: as empty as one without entries.
  const hasLog = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  const last = hasLog ? (db.prepare('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string; at: string } | undefined) : undefined;
  const restore = '数据已以只读方式打开。请用命令行 restore 从最近的备份恢复（npm run cli -- restore 备份文件）；如确认要以当前数据继续，须由系统管理员执行 npm run cli -- accept-history --yes（将记入审计日志）。';
  if (!last) {
    const backups = ['auto', 'manual', 'safety'].some((d) => {
      try {
        return readdirSync(join(dataDir, 'backups', d)).some((f) => !f.startsWith('.'));
      } catch {
        return false;
      }
    });
    if (known || backups) {
      return { empty: true, message: `数据文件是空的，但此文件夹中${known ? `记录过第 ${known.seq} 条审计记录` : ''}${known && backups ? '，并且' : ''}${backups ? '有备份' : ''}：数据文件可能被删除或替换。${restore}` };
    }
    return null;
  }
  if (!known) return null;
  if (last.seq < known.seq) {
    const at = (() => {
      try {
        return (JSON.parse(readFileSync(join(dataDir, AUDIT_HEAD_FILE), 'utf8')) as { at?: string }).at ?? '';
      } catch {
        return '';
      }
    })();
    return { empty: false, message: `数据文件比此文件夹记录的审计检查点旧：数据文件的审计记录只到第 ${last.seq} 条（${shanghaiMinute(last.at)}），而检查点已到第 ${known.seq} 条${at ? `（${shanghaiMinute(at)}）` : ''}，缺少 ${known.seq - last.seq} 条：数据文件可能被旧副本覆盖。${restore}` };
  }
  const atKnown = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(known.seq) as { hash: string } | undefined;
  if (!atKnown || atKnown.hash !== known.hash) return { empty: false, message: `数据文件中第 ${known.seq} 条审计记录与此文件夹记录的检查点不一致：数据文件可能被替换。${restore}` };
  return null;
}

/**
 * The administrator's explicit decision (command line, `accept-history --yes`) to go on with the data
 * as it is although its history went back: the kept head moves to the database's own. The caller opens
 * the core again and records the decision, with what was found, in the audit trail.
 */
export function acceptHistory(dataDir: string, db: Db, clock: { now(): Date }) {
  const hasLog = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  const last = hasLog ? (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) : undefined;
  const file = join(dataDir, AUDIT_HEAD_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ seq: last?.seq ?? 0, hash: last?.hash ?? '', at: toShanghaiIso(clock.now()), accepted: true }), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/**
 * Audit entries left by a program that could not write to the database because the app held it (the
 * command line backing up a running app): one JSON file each in this folder, taken into the audit log
 * at the next start, in the order they were left.
 */
export const AUDIT_INBOX_DIR = 'audit-inbox';

export function leaveAuditEntry(dataDir: string, entry: { at: string; action: string; userLogin: string; objectType?: string; objectId?: string; message: string }) {
  const dir = join(dataDir, AUDIT_INBOX_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${entry.at.replace(/[:.+]/g, '-')}-${process.pid}.json`;
  writeFileSync(join(dir, `${name}.tmp`), JSON.stringify(entry), { mode: 0o600 });
  renameSync(join(dir, `${name}.tmp`), join(dir, name));
}

export function takeAuditInbox(dataDir: string): { at: string; action: string; userLogin: string; objectType?: string; objectId?: string; message: string; file: string }[] {
  const dir = join(dataDir, AUDIT_INBOX_DIR);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out = [];
  for (const f of files) {
    try {
      out.push({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as { at: string; action: string; userLogin: string; message: string }), file: join(dir, f) });
    } catch {
      /* half-written by a program that died: its .tmp name keeps it out of this list */
    }
  }
  return out;
}
