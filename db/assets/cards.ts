// Asset cards: numbering by the configurable pattern, creation (from an accepted purchase line, by
// hand for assets already held, or by import), and the movements that change who holds a card.
import { DomainError, refuse } from '../core/errors';
import { nextNumber } from '../core/numbering';
import { ASSET_MOVE_LABELS, ASSET_STATUS_LABELS, formatAssetNumber, type AssetMove, type AssetStatus } from '../contract/assets';
import type { Ctx } from '../core/context';
import { insertRow, stmt, today } from '../core/rows';
import { assetsSettings } from '../core/area-settings';
import { provideAssetIntake, type NewCard } from '../core/asset-intake';

type C = Ctx<unknown>;
import { CARD_SEQ, cardRow, holderText, type CardDbRow } from './queries';

/** The next number by the pattern; a number already taken (an imported label) is skipped. */
export function nextAssetNumber(ctx: C, bookedOn: string): { number: string; year: number; seq: number } {
  const pattern = assetsSettings(ctx.db).numberPattern;
  const year = Number(bookedOn.slice(0, 4));
  // Without {year} in the pattern the sequence runs on across years.
  const counterYear = pattern.includes('{year}') ? year : 0;
  const taken = stmt(ctx.db, 'SELECT 1 FROM asset_cards WHERE number = ?');
  for (let i = 0; i < 100_000; i++) {
    const seq = nextNumber(ctx.db, CARD_SEQ, counterYear);
    const number = formatAssetNumber(pattern, year, seq);
    if (!taken.get(number)) return { number, year, seq };
  }
  throw new DomainError('conflict', '无法按编号规则生成新的资产编号，请检查编号规则');
}

export type { NewCard };

/** Insert a card and its 登记入账 movement; returns the id. */
export function createCard(ctx: C, c: NewCard, field = 'number'): number {
  let number: string;
  let year: number;
  let seq: number | null;
  if (c.number) {
    if (stmt(ctx.db, 'SELECT 1 FROM asset_cards WHERE number = ?').get(c.number)) throw new DomainError('conflict', `资产编号“${c.number}”已存在，不能重复登记`, field);
    number = c.number;
    year = Number(c.bookedOn.slice(0, 4));
    seq = null;
  } else {
    ({ number, year, seq } = nextAssetNumber(ctx, c.bookedOn));
  }
  const status: AssetStatus = c.status ?? (c.userId || c.department ? 'inUse' : 'idle');
  const me = ctx.me();
  const id = insertRow(ctx.db, 'asset_cards', {
    number,
    year,
    seq,
    name: c.name,
    category: c.category,
    brand: c.brand,
    model: c.model,
    serial_no: c.serialNo,
    original_value: c.originalValue,
    funding_source: c.fundingSource,
    purchase_method: c.purchaseMethod,
    purchased_on: c.purchasedOn,
    booked_on: c.bookedOn,
    supplier: c.supplier,
    department: c.department,
    user_id: c.userId,
    user_name: c.userName,
    location: c.location,
    status,
    before_repair: status === 'repair' ? (c.userId || c.department ? 'inUse' : 'idle') : null,
    purchase_line_id: c.purchaseLineId ?? null,
    imported: c.imported ? 1 : 0,
    remarks: c.remarks,
    recorded_by_id: me.userId,
    created_at: ctx.nowIso,
    updated_at: ctx.nowIso,
  });
  insertRow(ctx.db, 'asset_movements', {
    asset_id: id,
    kind: 'register',
    moved_on: c.bookedOn,
    from_status: null,
    to_status: status,
    from_holder: '',
    to_holder: holderText({ department: c.department, user_name: c.userName, location: c.location }),
    note: c.note ?? (c.imported ? '据原资产台账导入' : ''),
    recorded_by_id: me.userId,
    recorded_at: ctx.nowIso,
  });
  return id;
}

export function loadCard(ctx: C, id: number, field = 'id'): CardDbRow {
  const r = cardRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '资产卡片不存在', field);
  return r;
}

/** The date of the card's latest movement: history is kept in date order. */
export const lastMoveOn = (ctx: C, assetId: number) =>
  (stmt(ctx.db, 'SELECT max(moved_on) AS d FROM asset_movements WHERE asset_id = ?').get(assetId) as { d: string | null }).d;

export interface MoveSpec {
  kind: AssetMove;
  /** Statuses a card may be in for this movement. */
  from: AssetStatus[];
  /** The card's values after it. */
  apply: (r: CardDbRow) => Partial<Pick<CardDbRow, 'status' | 'department' | 'user_id' | 'user_name' | 'location' | 'before_repair'>>;
  note: string;
  cost?: number | null;
  disposalId?: number | null;
  checkId?: number | null;
  /** Cards in an open disposal may not move (except the disposal itself). */
  allowInDisposal?: boolean;
}

/** Load and check a batch of cards for a movement (dates, statuses, open disposals). */
export function cardsFor(ctx: C, ids: number[], spec: Pick<MoveSpec, 'kind' | 'from' | 'allowInDisposal'>, date: string, field = 'assetIds'): CardDbRow[] {
  if (new Set(ids).size !== ids.length) refuse('资产重复选择', field);
  if (date > today(ctx)) refuse('日期不能晚于今天', 'date');
  return ids.map((id, i) => {
    const r = cardRow(ctx.db, id);
    if (!r) throw new DomainError('not_found', '资产卡片不存在', `${field}.${i}`);
    if (r.disposal_id) refuse(`资产 ${r.number}（${r.name}）已处置，不能${ASSET_MOVE_LABELS[spec.kind]}`, `${field}.${i}`);
    if (!spec.from.includes(r.status)) {
      refuse(`资产 ${r.number}（${r.name}）当前为“${ASSET_STATUS_LABELS[r.status]}”，不能${ASSET_MOVE_LABELS[spec.kind]}`, `${field}.${i}`);
    }
    if (r.open_disposal_id && !spec.allowInDisposal) refuse(`资产 ${r.number}（${r.name}）正在处置申请 ${r.d_number} 中，不能${ASSET_MOVE_LABELS[spec.kind]}`, `${field}.${i}`);
    if (date < r.booked_on) refuse(`日期不能早于资产 ${r.number} 的入账日期（${r.booked_on}）`, 'date');
    const last = lastMoveOn(ctx, r.id);
    if (last && date < last) refuse(`日期不能早于资产 ${r.number} 的上一次变动（${last}）`, 'date');
    return r;
  });
}

/** Apply a movement to one card and record it. */
export function moveCard(ctx: C, r: CardDbRow, spec: MoveSpec, date: string) {
  const next = { status: r.status, department: r.department, user_id: r.user_id, user_name: r.user_name, location: r.location, before_repair: r.before_repair, ...spec.apply(r) };
  stmt(ctx.db, 'UPDATE asset_cards SET status = ?, department = ?, user_id = ?, user_name = ?, location = ?, before_repair = ?, updated_at = ? WHERE id = ?').run(
    next.status,
    next.department,
    next.user_id,
    next.user_name,
    next.location,
    next.status === 'repair' ? next.before_repair : null,
    ctx.nowIso,
    r.id,
  );
  insertRow(ctx.db, 'asset_movements', {
    asset_id: r.id,
    kind: spec.kind,
    moved_on: date,
    from_status: r.status,
    to_status: next.status,
    from_holder: holderText(r),
    to_holder: holderText(next),
    note: spec.note,
    cost: spec.cost ?? null,
    disposal_id: spec.disposalId ?? null,
    check_id: spec.checkId ?? null,
    recorded_by_id: ctx.me().userId,
    recorded_at: ctx.nowIso,
  });
}

// What supplies calls when it accepts a fixed-asset line (core/asset-intake).
provideAssetIntake({ createCard });
