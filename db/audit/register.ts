// The audit log as a printable/exportable register (the auditor prints it for the inspection file).
import { AUDIT_REGISTER } from '../contract/registers';
import type { RegisterFilter } from '../contract/output';
import type { OutputRow, RegisterImpl } from '../output/registry';
import type { Db } from '../core/open';
import { auditWhere } from './queries';

const toAuditFilter = (f: RegisterFilter) => ({
  from: f.from ?? (f.year ? `${f.year}-01-01` : undefined),
  to: f.to ?? (f.year ? `${f.year}-12-31` : undefined),
  result: f.state === 'success' || f.state === 'failure' ? (f.state as 'success' | 'failure') : undefined,
  q: f.q,
  action: typeof f.extra?.action === 'string' ? f.extra.action : undefined,
  userId: typeof f.extra?.userId === 'number' ? f.extra.userId : undefined,
  objectType: typeof f.extra?.objectType === 'string' ? f.extra.objectType : undefined,
});

const EXPORT_SELECT = `SELECT seq, at, CASE WHEN user_name <> '' THEN user_name ELSE user_login END AS user, action,
                               trim(object_type || ' ' || object_id) AS object, CASE result WHEN 'success' THEN '成功' ELSE '失败' END AS result,
                               message, substr(hash, 1, 12) AS hash
                        FROM audit_log`;

export const auditRegister: RegisterImpl = {
  def: AUDIT_REGISTER,
  count(db: Db, f) {
    const w = auditWhere(db, toAuditFilter(f));
    return (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db: Db, f, limit, offset) {
    const w = auditWhere(db, toAuditFilter(f));
    return db.prepare(`${EXPORT_SELECT} ${w.sql} ORDER BY seq LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as OutputRow[];
  },
  // The audit log is the one register with close to a million rows: page by seq.
  *pages(db: Db, f, pageSize) {
    const w = auditWhere(db, toAuditFilter(f));
    const page = db.prepare(`${EXPORT_SELECT} ${w.sql ? `${w.sql} AND` : 'WHERE'} seq > ? ORDER BY seq LIMIT ?`);
    for (let after = 0; ; ) {
      const rows = page.all(...w.args, after, pageSize) as (OutputRow & { seq: number })[];
      if (rows.length) yield rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  },
};
