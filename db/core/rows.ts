// Small SQL helpers every area uses: a per-connection statement cache, row insert/update from a
// column map, the shared date-range filter, dates the user gives, and people by id.
import type { Statement } from 'better-sqlite3';
import type { Ctx } from './context';
import type { Db } from './open';
import { DomainError, refuse } from './errors';
import { FUTURE_SLACK_MS, shanghaiDate } from './time';

type C = Ctx<unknown>;

// Statements are compiled once per connection (a restore opens a new one).
const cache = new WeakMap<Db, Map<string, Statement>>();
export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

export const today = (ctx: Pick<C, 'now'>) => shanghaiDate(ctx.now);
/** A date the user gave (or today): not in the future, and not before `notBefore`. */
export function pastDate(ctx: C, value: string | undefined, label: string, field: string, notBefore?: { date: string | null | undefined; what: string }): string {
  const d = value ?? today(ctx);
  if (d > today(ctx)) refuse(`${label}不能晚于今天`, field);
  if (notBefore?.date && d < notBefore.date) refuse(`${label}不能早于${notBefore.what}（${notBefore.date}）`, field);
  return d;
}

export interface UserLite {
  id: number;
  name: string;
  department: string;
  post: string;
  roles: string;
  active: number;
}
export const userLite = (db: Db, id: number | null | undefined) =>
  id ? (stmt(db, 'SELECT id, name, department, post, roles, active FROM users WHERE id = ?').get(id) as UserLite | undefined) : undefined;

/**
 * A person named on an entry (applicant, driver, approver, recorder …): an existing, open account.
 * One rule and one message for every register: "张敏的账号已停用，不能作为监印人".
 */
export function activeUser(db: Db, id: number | null | undefined, label: string, field: string): UserLite {
  const u = userLite(db, id);
  if (!u) throw new DomainError('not_found', `${label}不存在`, field);
  if (!u.active) refuse(`${u.name}的账号已停用，不能作为${label}`, field);
  return u;
}

/** A time the user gave, refused when it is later than now by more than the one allowance (FUTURE_SLACK_MS). */
export function notInFuture(ctx: Pick<Ctx, 'now'>, iso: string, label: string, field: string) {
  if (Date.parse(iso) > ctx.now.getTime() + FUTURE_SLACK_MS) refuse(`${label}不能晚于当前时间`, field);
}

/** Insert a row from a column → value map. */
export function insertRow(db: Db, table: string, cols: Record<string, unknown>): number {
  const keys = Object.keys(cols);
  const info = stmt(db, `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => cols[k] as never));
  return Number(info.lastInsertRowid);
}
export function updateRow(db: Db, table: string, id: number, set: Record<string, unknown>) {
  const keys = Object.keys(set);
  stmt(db, `UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => set[k] as never), id);
}

/** A WHERE over a date column from the shared list filters (year narrows from/to). */
export function dateRange(col: string, f: { year?: number; from?: string; to?: string }, w: string[], args: unknown[]) {
  let from = f.from;
  let to = f.to;
  if (f.year) {
    const ys = `${f.year}-01-01`;
    const ye = `${f.year}-12-31`;
    from = from && from > ys ? from : ys;
    to = to && to < ye ? to : ye;
  }
  if (from) {
    w.push(`${col} >= ?`);
    args.push(from);
  }
  if (to) {
    w.push(`${col} <= ?`);
    args.push(to);
  }
}
export const whereSql = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');
