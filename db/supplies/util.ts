// Helpers shared by the supplies and assets areas: exact money arithmetic and the settings both areas
// keep in supply_settings (the generic SQL helpers live in core/rows and are re-exported here).
import type { Ctx } from '../core/context';
import type { Db } from '../core/open';
import { DEFAULT_SUPPLIES_SETTINGS, type SuppliesSettings } from '../contract/supplies';
import { DEFAULT_ASSETS_SETTINGS, type AssetsSettings } from '../contract/assets';
import { formatYuan } from '../contract/money';

export type C = Ctx<unknown>;
export { stmt, today, pastDate, userLite, activeUser, insertRow, updateRow, dateRange, whereSql, type UserLite } from '../core/rows';
import { stmt } from '../core/rows';

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


