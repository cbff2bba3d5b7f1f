// Helpers shared by the supplies and assets areas: statement cache, dates, exact money arithmetic,
// people, and the settings both areas keep in supply_settings.
import type { Statement } from 'better-sqlite3';
import type { Ctx } from '../core/context';
import type { Db } from '../core/open';
import { DomainError, refuse } from '../core/errors';
import { shanghaiDate } from '../core/time';
import { DEFAULT_SUPPLIES_SETTINGS, type SuppliesSettings } from '../contract/supplies';
import { DEFAULT_ASSETS_SETTINGS, type AssetsSettings } from '../contract/assets';
import { formatYuan } from '../contract/money';

export type C = Ctx<unknown>;

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
export const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** round(a × b ÷ c), half up, exact for any sizes the registers meet (BigInt in between). */
export function mulDiv(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n % d;
  return Number(2n * r >= d ? q + 1n : q);
}

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

export function activeUser(db: Db, id: number, label: string, field: string): UserLite {
  const u = userLite(db, id);
  if (!u) throw new DomainError('not_found', `${label}不存在`, field);
  if (!u.active) refuse(`${label}${u.name}的账号已停用`, field);
  return u;
}

// ---- settings (supply_settings: one JSON value per key) ----

type Key = 'assetThreshold' | 'requisitionTiers' | 'assetNumberPattern' | 'disposalDecisionThreshold';
function read<T>(db: Db, key: Key, fallback: T): T {
  const r = stmt(db, 'SELECT value FROM supply_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as T) : fallback;
}
function write(ctx: C, key: Key, value: unknown) {
  stmt(
    ctx.db,
    `INSERT INTO supply_settings (key, value, updated_at, updated_by_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by_id = excluded.updated_by_id`,
  ).run(key, JSON.stringify(value), ctx.nowIso, ctx.me().userId);
}

export function suppliesSettings(db: Db): SuppliesSettings {
  return {
    assetThreshold: read(db, 'assetThreshold', DEFAULT_SUPPLIES_SETTINGS.assetThreshold),
    requisitionTiers: read(db, 'requisitionTiers', DEFAULT_SUPPLIES_SETTINGS.requisitionTiers),
  };
}
export function saveSuppliesSettings(ctx: C, s: SuppliesSettings) {
  write(ctx, 'assetThreshold', s.assetThreshold);
  write(ctx, 'requisitionTiers', s.requisitionTiers);
}
export function assetsSettings(db: Db): AssetsSettings {
  return {
    numberPattern: read(db, 'assetNumberPattern', DEFAULT_ASSETS_SETTINGS.numberPattern),
    decisionThreshold: read(db, 'disposalDecisionThreshold', DEFAULT_ASSETS_SETTINGS.decisionThreshold),
  };
}
export function saveAssetsSettings(ctx: C, s: AssetsSettings) {
  write(ctx, 'assetNumberPattern', s.numberPattern);
  write(ctx, 'disposalDecisionThreshold', s.decisionThreshold);
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
