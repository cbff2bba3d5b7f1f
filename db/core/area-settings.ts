// Settings registers share (kept in supply_settings, one JSON value per key): the 固定资产 threshold
// that supplies, assets and expenses all apply, the requisition approval tiers, the asset numbering
// pattern and the disposal decision threshold. A service, so no register reads another's settings.
import type { Ctx } from './context';
import type { Db } from './open';
import { stmt } from './rows';
import { DEFAULT_SUPPLIES_SETTINGS, type SuppliesSettings } from '../contract/supplies';
import { DEFAULT_ASSETS_SETTINGS, type AssetsSettings } from '../contract/assets';

type C = Ctx<unknown>;

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
