// Posting stock movements: the one place that moves a balance. Moving-average cost: a stock-in
// adds its amount; anything that leaves takes its share of the balance's value (the last unit takes
// all that is left), so value and quantity reach zero together. Never negative — refused here with
// the item named, and by the balance table's CHECKs if anything slipped past.
import { DomainError, refuse } from '../core/errors';
import { MOVEMENT_DIR, MOVEMENT_KIND_LABELS, formatQty, fromMilli, type MovementKind } from '../contract/supplies';
import { itemLabel, itemRow, type ItemDbRow } from './queries';
import { insertRow, mulDiv, stmt, type C } from './util';

export function loadItem(ctx: C, id: number, field: string): ItemDbRow {
  const r = itemRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '物品不存在', field);
  return r;
}

/** A quantity of an item in thousandths, refused where the item's unit is whole and it is not. */
export function milliFor(item: Pick<ItemDbRow, 'whole_unit' | 'unit' | 'name'>, q: number, label: string, field: string): number {
  const m = Math.round(q * 1000);
  if (item.whole_unit && m % 1000 !== 0) refuse(`${label}必须是整数：“${item.name}”以“${item.unit}”计量，不可拆分`, field);
  return m;
}

export const qtyText = (milli: number, unit: string) => `${formatQty(fromMilli(milli))} ${unit}`;

export interface PostInput {
  itemId: number;
  kind: MovementKind;
  date: string;
  /** Thousandths. */
  qty: number;
  /** 分 — for stock coming in at its own cost (入库, 退库 at the cost, 盘盈) and for 入库更正 either way. Other out kinds take the average. */
  amount?: number;
  field: string;
  purchaseId?: number;
  purchaseLineId?: number;
  requisitionId?: number;
  requisitionLineId?: number;
  stocktakeId?: number;
  sourceId?: number;
  recipientId?: number | null;
  recipientName?: string;
  department?: string;
  approvedBy?: string;
  handledById?: number | null;
  handledByName?: string;
  note?: string;
}

/** Post one movement; returns its id and the amount it moved. */
export function postMovement(ctx: C, p: PostInput): { id: number; amount: number } {
  const item = loadItem(ctx, p.itemId, p.field);
  const dir = MOVEMENT_DIR[p.kind];
  if (item.last_moved_on && p.date < item.last_moved_on) {
    refuse(`“${itemLabel(item)}”已有 ${item.last_moved_on} 的出入库记录，${MOVEMENT_KIND_LABELS[p.kind]}日期不能早于该日（台账按日期顺序登记）`, p.field);
  }
  let amount: number;
  if (dir === -1) {
    if (p.qty > item.qty) {
      refuse(`库存不足：“${itemLabel(item)}”现有 ${qtyText(item.qty, item.unit)}，不能${MOVEMENT_KIND_LABELS[p.kind]} ${qtyText(p.qty, item.unit)}`, p.field);
    }
    amount = p.amount ?? (p.qty === item.qty ? item.amount : mulDiv(item.amount, p.qty, item.qty));
  } else {
    amount = p.amount ?? 0;
  }
  const me = ctx.me();
  const id = insertRow(ctx.db, 'supply_movements', {
    item_id: item.id,
    kind: p.kind,
    dir,
    moved_on: p.date,
    qty: p.qty,
    amount,
    balance_qty: item.qty + dir * p.qty,
    balance_amount: item.amount + dir * amount,
    purchase_id: p.purchaseId ?? null,
    purchase_line_id: p.purchaseLineId ?? null,
    requisition_id: p.requisitionId ?? null,
    requisition_line_id: p.requisitionLineId ?? null,
    stocktake_id: p.stocktakeId ?? null,
    source_id: p.sourceId ?? null,
    recipient_id: p.recipientId ?? null,
    recipient_name: p.recipientName ?? '',
    department: p.department ?? '',
    approved_by: p.approvedBy ?? '',
    handled_by_id: p.handledById ?? null,
    handled_by_name: p.handledByName ?? '',
    note: p.note ?? '',
    recorded_by_id: me.userId,
    recorded_at: ctx.nowIso,
  });
  return { id, amount };
}

/** What a quantity of an item is worth now: its share of the balance, else at the last purchase cost. */
export function valueOf(item: Pick<ItemDbRow, 'qty' | 'amount' | 'last_unit_cost'>, milli: number): number {
  if (item.qty > 0) return mulDiv(item.amount, milli, item.qty);
  return mulDiv(milli, item.last_unit_cost ?? 0, 1000);
}

export const balanceOf = (ctx: C, itemId: number) => stmt(ctx.db, 'SELECT qty, amount FROM supply_balances WHERE item_id = ?').get(itemId) as { qty: number; amount: number };
