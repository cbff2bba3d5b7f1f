import type { z } from 'zod';
import type { AuditEntry, auditFilter } from '../contract/audit';
import type { Db } from '../core/open';
import { likePattern } from '../core/sql';
import { searchMatch } from '../core/search';

const SELECT = `SELECT seq, at, user_id AS userId, user_login AS userLogin, user_name AS userName, roles, workstation, action,
  object_type AS objectType, object_id AS objectId, result, error_code AS errorCode, message,
  before_json AS before, after_json AS after, prev_hash AS prevHash, hash FROM audit_log`;

/** Has every entry been indexed for search? (Entries older than the index are indexed at start-up.) */
function searchComplete(db: Db): boolean {
  try {
    return (db.prepare('SELECT (SELECT last_seq FROM audit_search_state WHERE id = 1) >= coalesce((SELECT max(seq) FROM audit_log), 0) AS ok').get() as { ok: number }).ok === 1;
  } catch {
    return false; // a database opened read-only from before the index existed
  }
}

export function auditWhere(db: Db, f: z.output<typeof auditFilter>) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.userId) (where.push('user_id = ?'), args.push(f.userId));
  if (f.action) (where.push('action = ?'), args.push(f.action));
  if (f.objectType) (where.push('object_type = ?'), args.push(f.objectType));
  if (f.result) (where.push('result = ?'), args.push(f.result));
  // `at` is stored with +08:00, so string comparison on the date part is the Shanghai calendar day.
  if (f.from) (where.push('at >= ?'), args.push(f.from));
  if (f.to) (where.push('at < ?'), args.push(`${f.to}T99`));
  const match = f.q ? searchMatch(f.q) : null;
  if (f.q && match && searchComplete(db)) {
    where.push('seq IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?)');
    args.push(match);
  } else if (f.q) {
    // One character, or an index still being built: the slow, exact way.
    const like = likePattern(f.q);
    where.push("(message LIKE ? ESCAPE '\\' OR user_name LIKE ? ESCAPE '\\' OR user_login LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR object_id = ?)");
    args.push(like, like, like, like, f.q);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export function listAudit(db: Db, f: z.output<typeof auditFilter>, page: number, pageSize: number) {
  const w = auditWhere(db, f);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...w.args, pageSize, (page - 1) * pageSize) as AuditEntry[];
  return { rows, total };
}

export function* iterateAudit(db: Db, f: z.output<typeof auditFilter>) {
  const w = auditWhere(db, f);
  yield* db.prepare(`${SELECT} ${w.sql} ORDER BY seq`).iterate(...w.args) as IterableIterator<AuditEntry>;
}

export const auditEntry = (db: Db, seq: number) => db.prepare(`${SELECT} WHERE seq = ?`).get(seq) as AuditEntry | undefined;

export const auditForObject = (db: Db, objectType: string, objectId: string) =>
  db.prepare(`${SELECT} WHERE object_type = ? AND object_id = ? ORDER BY seq`).all(objectType, objectId) as AuditEntry[];
