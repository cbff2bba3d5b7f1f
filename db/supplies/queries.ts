// Prepared SQL of the supplies area and the mapping of its rows to the contract's shapes. The list
// WHEREs are shared by the list methods and by the print/export rows (register.ts).
import type { Db } from '../core/open';
import { isPinyinQuery, likePattern } from '../core/sql';
import {
  fromMilli,
  type AcceptResult,
  type Channel,
  type Item,
  type LedgerRow,
  type Movement,
  type MovementKind,
  type PurchaseRow,
  type PurchaseState,
  type Quality,
  type ReqState,
  type RequisitionRow,
  type StocktakeRow,
  type StocktakeState,
} from '../contract/supplies';
import { dateRange, stmt, whereSql } from './util';

export const PURCHASE_SEQ = 'supplies.purchase';
export const REQ_SEQ = 'supplies.requisition';
export const STOCKTAKE_SEQ = 'supplies.stocktake';
export const PURCHASE_PREFIX = '采购';
export const REQ_PREFIX = '领用';
export const STOCKTAKE_PREFIX = '盘点';

// ---- items ----

export interface ItemDbRow {
  id: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  category: string;
  reorder_level: number;
  whole_unit: number;
  active: number;
  remarks: string;
  qty: number;
  amount: number;
  moves: number;
  last_moved_on: string | null;
  last_unit_cost: number | null;
}

export const ITEM_SELECT = `
  SELECT i.id, i.code, i.name, i.spec, i.unit, i.category, i.reorder_level, i.whole_unit, i.active, i.remarks,
         b.qty, b.amount, b.moves, b.last_moved_on, b.last_unit_cost
  FROM supply_items i JOIN supply_balances b ON b.item_id = i.id`;

export const itemRow = (db: Db, id: number) => stmt(db, `${ITEM_SELECT} WHERE i.id = ?`).get(id) as ItemDbRow | undefined;

export const isLow = (r: Pick<ItemDbRow, 'active' | 'reorder_level' | 'qty'>) => !!r.active && r.reorder_level > 0 && r.qty <= r.reorder_level;

export function toItem(r: ItemDbRow): Item {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    category: r.category,
    reorderLevel: fromMilli(r.reorder_level),
    wholeUnit: !!r.whole_unit,
    active: !!r.active,
    remarks: r.remarks,
    balanceQty: fromMilli(r.qty),
    balanceAmount: r.amount,
    avgCost: r.qty > 0 ? Math.round((r.amount * 1000) / r.qty) : null,
    low: isLow(r),
    lastMovedOn: r.last_moved_on,
  };
}

export const itemLabel = (r: { name: string; spec: string }) => (r.spec ? `${r.name}（${r.spec}）` : r.name);

export interface ItemFilter {
  q?: string;
  category?: string;
  activeOnly?: boolean;
  lowOnly?: boolean;
  inStockOnly?: boolean;
}
export function itemWhere(f: ItemFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.activeOnly) w.push('i.active = 1');
  if (f.category) {
    w.push('i.category = ?');
    args.push(f.category);
  }
  if (f.lowOnly) w.push('i.active = 1 AND i.reorder_level > 0 AND b.qty <= i.reorder_level');
  if (f.inStockOnly) w.push('b.qty > 0');
  if (f.q) {
    const p = likePattern(f.q);
    const pinyin = isPinyinQuery(f.q);
    w.push(`(i.name LIKE ? ESCAPE '\\' OR i.spec LIKE ? ESCAPE '\\' OR i.code LIKE ? ESCAPE '\\' OR i.category LIKE ? ESCAPE '\\'${pinyin ? ' OR pinyin_match(i.name, ?)' : ''})`);
    args.push(p, p, p, p, ...(pinyin ? [f.q] : []));
  }
  return { sql: whereSql(w), args };
}

// ---- movements ----

export interface MovementDbRow {
  id: number;
  item_id: number;
  item_name: string;
  spec: string;
  unit: string;
  kind: MovementKind;
  dir: 1 | -1;
  moved_on: string;
  qty: number;
  amount: number;
  balance_qty: number;
  balance_amount: number;
  purchase_id: number | null;
  requisition_id: number | null;
  requisition_line_id: number | null;
  stocktake_id: number | null;
  source_id: number | null;
  recipient_id: number | null;
  recipient_name: string;
  department: string;
  approved_by: string;
  handled_by_id: number | null;
  handled_by_name: string;
  note: string;
  returned_qty: number;
  recorded_by_name: string;
  recorded_at: string;
  ref_number: string | null;
  supplier: string | null;
}

export const MOVEMENT_SELECT = `
  SELECT m.*, i.name AS item_name, i.spec, i.unit, ur.name AS recorded_by_name,
         coalesce(p.number, r.number, s.number) AS ref_number, p.supplier
  FROM supply_movements m
  JOIN supply_items i ON i.id = m.item_id
  JOIN users ur ON ur.id = m.recorded_by_id
  LEFT JOIN supply_purchases p ON p.id = m.purchase_id
  LEFT JOIN supply_requisitions r ON r.id = m.requisition_id
  LEFT JOIN supply_stocktakes s ON s.id = m.stocktake_id`;

export const movementRow = (db: Db, id: number) => stmt(db, `${MOVEMENT_SELECT} WHERE m.id = ?`).get(id) as MovementDbRow | undefined;

export function toMovement(r: MovementDbRow): Movement {
  return {
    id: r.id,
    itemId: r.item_id,
    itemName: r.item_name,
    spec: r.spec,
    unit: r.unit,
    kind: r.kind,
    date: r.moved_on,
    quantity: fromMilli(r.qty),
    amount: r.amount,
    balanceQty: fromMilli(r.balance_qty),
    balanceAmount: r.balance_amount,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name,
    department: r.department,
    approvedBy: r.approved_by,
    handledByName: r.handled_by_name,
    refType: r.purchase_id ? 'purchase' : r.requisition_id ? 'requisition' : r.stocktake_id ? 'stocktake' : null,
    refId: r.purchase_id ?? r.requisition_id ?? r.stocktake_id ?? null,
    refNumber: r.ref_number ?? '',
    returnedQty: fromMilli(r.returned_qty),
    note: r.note,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  };
}

export interface MovementFilter {
  year?: number;
  from?: string;
  to?: string;
  kind?: string;
  itemId?: number;
  recipientId?: number;
  department?: string;
  q?: string;
}
export function movementWhere(f: MovementFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('m.moved_on', f, w, args);
  if (f.kind) {
    w.push('m.kind = ?');
    args.push(f.kind);
  }
  if (f.itemId) {
    w.push('m.item_id = ?');
    args.push(f.itemId);
  }
  if (f.recipientId) {
    w.push('m.recipient_id = ?');
    args.push(f.recipientId);
  }
  if (f.department) {
    w.push("m.department = ? AND m.department <> ''");
    args.push(f.department);
  }
  if (f.q) {
    const p = likePattern(f.q);
    const items = "m.item_id IN (SELECT id FROM supply_items WHERE name LIKE ? ESCAPE '\\' OR spec LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')";
    if ([...f.q].length >= 3) {
      // Trigram full text over recipient, department and note; the phrase is quoted so any text is literal.
      w.push(`(${items} OR m.id IN (SELECT rowid FROM supply_movements_fts WHERE supply_movements_fts MATCH ?))`);
      args.push(p, p, p, `"${f.q.replace(/"/g, '""')}"`);
    } else {
      // One or two characters: the item, the person and the department, each through its index.
      w.push(
        `(${items} OR m.recipient_id IN (SELECT id FROM users WHERE name LIKE ? ESCAPE '\\')
          OR (m.department <> '' AND m.department IN (SELECT DISTINCT department FROM users WHERE department LIKE ? ESCAPE '\\' AND department <> '')))`,
      );
      args.push(p, p, p, p, p);
    }
  }
  return { sql: whereSql(w), args };
}
export const MOVEMENT_ORDER: Record<string, string> = { '-date': 'm.moved_on DESC, m.id DESC', date: 'm.moved_on, m.id' };

// ---- purchases ----

export interface PurchaseDbRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  channel: Channel;
  channel_reason: string;
  order_no: string;
  supplier: string;
  buyer_id: number;
  buyer_name: string;
  purchased_on: string;
  funding_source: string;
  total: number;
  remarks: string;
  state: PurchaseState;
  accepted_on: string | null;
  result: AcceptResult | null;
  accepted_total: number | null;
  accepted_total_now: number | null;
  correction_count: number;
  problems: string;
  opinion: string;
  accept_recorded_by_id: number | null;
  accept_recorded_at: string | null;
  void_reason: string | null;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
  line_count: number;
  summary: string | null;
  acceptors: string | null;
}

export const PURCHASE_SELECT = `
  SELECT p.*, ur.name AS recorded_by_name,
         -- 入库更正 chain (each one's before is the last one's after), so their differences add up.
         p.accepted_total + coalesce((SELECT sum(c.after_amount - c.before_amount) FROM supply_accept_corrections c WHERE c.purchase_id = p.id), 0) AS accepted_total_now,
         (SELECT count(*) FROM supply_accept_corrections c WHERE c.purchase_id = p.id) AS correction_count,
         (SELECT count(*) FROM supply_purchase_lines l WHERE l.purchase_id = p.id) AS line_count,
         (SELECT group_concat(name, '、') FROM (SELECT l.name FROM supply_purchase_lines l WHERE l.purchase_id = p.id ORDER BY l.line_no LIMIT 4)) AS summary,
         (SELECT json_group_array(json_object('id', a.user_id, 'name', a.name)) FROM (SELECT * FROM supply_acceptors a WHERE a.purchase_id = p.id ORDER BY a.position) a) AS acceptors
  FROM supply_purchases p JOIN users ur ON ur.id = p.recorded_by_id`;

export const purchaseRow = (db: Db, id: number) => stmt(db, `${PURCHASE_SELECT} WHERE p.id = ?`).get(id) as PurchaseDbRow | undefined;

export function toPurchaseRow(r: PurchaseDbRow): PurchaseRow {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    date: r.purchased_on,
    channel: r.channel,
    channelReason: r.channel_reason,
    orderNo: r.order_no,
    supplier: r.supplier,
    buyerId: r.buyer_id,
    buyerName: r.buyer_name,
    fundingSource: r.funding_source,
    total: r.total,
    lineCount: r.line_count,
    summary: (r.summary ?? '') + (r.line_count > 4 ? ` 等 ${r.line_count} 项` : ''),
    state: r.state,
    acceptedOn: r.accepted_on,
    acceptors: r.acceptors ? (JSON.parse(r.acceptors) as { id: number; name: string }[]) : [],
    result: r.result,
    acceptedTotal: r.accepted_total_now,
    corrections: r.correction_count,
    remarks: r.remarks,
    voidReason: r.void_reason,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
  };
}

export interface PurchaseFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  buyerId?: number;
  channel?: string;
}
export function purchaseWhere(f: PurchaseFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('p.purchased_on', f, w, args);
  if (f.state) {
    w.push('p.state = ?');
    args.push(f.state);
  }
  if (f.buyerId) {
    w.push('p.buyer_id = ?');
    args.push(f.buyerId);
  }
  if (f.channel) {
    w.push('p.channel = ?');
    args.push(f.channel);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      `(p.number LIKE ? ESCAPE '\\' OR p.order_no LIKE ? ESCAPE '\\' OR p.supplier LIKE ? ESCAPE '\\' OR p.buyer_name LIKE ? ESCAPE '\\' OR p.remarks LIKE ? ESCAPE '\\'
        OR p.id IN (SELECT purchase_id FROM supply_purchase_lines WHERE name LIKE ? ESCAPE '\\'))`,
    );
    args.push(p, p, p, p, p, p);
  }
  return { sql: whereSql(w), args };
}
export const PURCHASE_ORDER: Record<string, string> = { '-date': 'p.purchased_on DESC, p.id DESC', date: 'p.purchased_on, p.id' };

export interface PurchaseLineDbRow {
  id: number;
  purchase_id: number;
  line_no: number;
  item_id: number | null;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  unit_price: number;
  amount: number;
  is_asset: number;
  asset_category: string | null;
  brand: string;
  model: string;
  accepted_qty: number | null;
  accepted_amount: number | null;
  quality: Quality | null;
  accept_note: string;
}
export const purchaseLines = (db: Db, purchaseId: number) =>
  stmt(db, 'SELECT * FROM supply_purchase_lines WHERE purchase_id = ? ORDER BY line_no').all(purchaseId) as PurchaseLineDbRow[];

// ---- requisitions ----

export interface ReqDbRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  requester_id: number;
  requester_name: string;
  department: string;
  requested_on: string;
  purpose: string;
  est_amount: number;
  steps: string;
  approved_steps: number;
  approvers: string;
  state: ReqState;
  close_reason: string | null;
  remarks: string;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
  summary: string | null;
  line_count: number;
}
export const REQ_SELECT = `
  SELECT r.*, ur.name AS recorded_by_name,
         (SELECT count(*) FROM supply_requisition_lines l WHERE l.requisition_id = r.id) AS line_count,
         (SELECT group_concat(t, '、') FROM (SELECT i.name || ' ' || (l.qty / 1000.0) || i.unit AS t FROM supply_requisition_lines l JOIN supply_items i ON i.id = l.item_id
           WHERE l.requisition_id = r.id ORDER BY l.line_no LIMIT 3)) AS summary
  FROM supply_requisitions r JOIN users ur ON ur.id = r.recorded_by_id`;

export const reqRow = (db: Db, id: number) => stmt(db, `${REQ_SELECT} WHERE r.id = ?`).get(id) as ReqDbRow | undefined;

export interface Step {
  name: string;
  approverIds: number[];
}
export const stepsOf = (r: Pick<ReqDbRow, 'steps'>) => JSON.parse(r.steps) as Step[];

/** "A4复印纸 5.0包" → "A4复印纸 5包": SQLite prints 5000/1000.0 as 5.0. */
const tidy = (s: string) => s.replace(/(\d+)\.0(?=\D|$)/g, '$1');

export function toReqRow(r: ReqDbRow): RequisitionRow {
  const steps = stepsOf(r);
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    date: r.requested_on,
    requesterId: r.requester_id,
    requesterName: r.requester_name,
    department: r.department,
    purpose: r.purpose,
    estAmount: r.est_amount,
    summary: tidy(r.summary ?? '') + (r.line_count > 3 ? ` 等 ${r.line_count} 种` : ''),
    state: r.state,
    steps: steps.map((s) => s.name),
    approvedSteps: r.approved_steps,
    nextStep: r.state === 'pending' ? (steps[r.approved_steps]?.name ?? null) : null,
    approvers: r.approvers,
    remarks: r.remarks,
    closeReason: r.close_reason,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
  };
}

export interface ReqFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  requesterId?: number;
  department?: string;
}
export function reqWhere(f: ReqFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('r.requested_on', f, w, args);
  if (f.state) {
    w.push('r.state = ?');
    args.push(f.state);
  }
  if (f.requesterId) {
    w.push('r.requester_id = ?');
    args.push(f.requesterId);
  }
  if (f.department) {
    w.push('r.department = ?');
    args.push(f.department);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      `(r.number LIKE ? ESCAPE '\\' OR r.requester_name LIKE ? ESCAPE '\\' OR r.purpose LIKE ? ESCAPE '\\' OR r.department LIKE ? ESCAPE '\\'
        OR r.id IN (SELECT l.requisition_id FROM supply_requisition_lines l JOIN supply_items i ON i.id = l.item_id WHERE i.name LIKE ? ESCAPE '\\'))`,
    );
    args.push(p, p, p, p, p);
  }
  return { sql: whereSql(w), args };
}
export const REQ_ORDER: Record<string, string> = { '-date': 'r.requested_on DESC, r.id DESC', date: 'r.requested_on, r.id' };

// ---- stocktakes ----

export interface StocktakeDbRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  title: string;
  counted_on: string;
  counted_by_id: number | null;
  counted_by_name: string | null;
  checked_by_id: number | null;
  checked_by_name: string | null;
  state: StocktakeState;
  confirmed_at: string | null;
  confirmed_by_id: number | null;
  confirmed_by_name: string | null;
  void_reason: string | null;
  remarks: string;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
  line_count: number;
  counted_count: number;
  diff_count: number;
  gain_amount: number | null;
  loss_amount: number | null;
}
export const STOCKTAKE_SELECT = `
  SELECT s.*, ur.name AS recorded_by_name, uc.name AS confirmed_by_name,
         (SELECT count(*) FROM supply_stocktake_lines l WHERE l.stocktake_id = s.id) AS line_count,
         (SELECT count(*) FROM supply_stocktake_lines l WHERE l.stocktake_id = s.id AND l.counted_qty IS NOT NULL) AS counted_count,
         (SELECT count(*) FROM supply_stocktake_lines l WHERE l.stocktake_id = s.id AND l.counted_qty IS NOT NULL AND l.counted_qty <> l.book_qty) AS diff_count,
         (SELECT sum(m.amount) FROM supply_movements m WHERE m.stocktake_id = s.id AND m.kind = 'gain') AS gain_amount,
         (SELECT sum(m.amount) FROM supply_movements m WHERE m.stocktake_id = s.id AND m.kind = 'loss') AS loss_amount
  FROM supply_stocktakes s JOIN users ur ON ur.id = s.recorded_by_id LEFT JOIN users uc ON uc.id = s.confirmed_by_id`;

export const stocktakeRow = (db: Db, id: number) => stmt(db, `${STOCKTAKE_SELECT} WHERE s.id = ?`).get(id) as StocktakeDbRow | undefined;

export function toStocktakeRow(r: StocktakeDbRow): StocktakeRow {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    title: r.title,
    date: r.counted_on,
    state: r.state,
    lineCount: r.line_count,
    countedCount: r.counted_count,
    diffCount: r.diff_count,
    gainAmount: r.gain_amount ?? 0,
    lossAmount: r.loss_amount ?? 0,
    countedById: r.counted_by_id,
    countedByName: r.counted_by_name,
    checkedById: r.checked_by_id,
    checkedByName: r.checked_by_name,
    confirmedAt: r.confirmed_at,
    confirmedByName: r.confirmed_by_name,
    remarks: r.remarks,
    voidReason: r.void_reason,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
  };
}

export interface StocktakeLineDbRow {
  id: number;
  stocktake_id: number;
  item_id: number;
  item_name: string;
  spec: string;
  unit: string;
  whole_unit: number;
  book_qty: number;
  book_amount: number;
  book_moves: number;
  counted_qty: number | null;
  reason: string;
  moves_now: number;
  adj_id: number | null;
  adj_amount: number | null;
  adj_kind: MovementKind | null;
}
export const stocktakeLines = (db: Db, id: number) =>
  stmt(
    db,
    `SELECT l.*, i.name AS item_name, i.spec, i.unit, i.whole_unit, b.moves AS moves_now, m.id AS adj_id, m.amount AS adj_amount, m.kind AS adj_kind
     FROM supply_stocktake_lines l JOIN supply_items i ON i.id = l.item_id JOIN supply_balances b ON b.item_id = l.item_id
     LEFT JOIN supply_movements m ON m.stocktake_id = l.stocktake_id AND m.item_id = l.item_id
     WHERE l.stocktake_id = ? ORDER BY i.category, i.name, i.id`,
  ).all(id) as StocktakeLineDbRow[];

export function stocktakeWhere(f: { year?: number; from?: string; to?: string; state?: string; q?: string }) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('s.counted_on', f, w, args);
  if (f.state) {
    w.push('s.state = ?');
    args.push(f.state);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(s.number LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\' OR s.remarks LIKE ? ESCAPE '\\')");
    args.push(p, p, p);
  }
  return { sql: whereSql(w), args };
}

// ---- the period ledger (收发存) ----

export interface LedgerFilter {
  from: string;
  to: string;
  category?: string;
  q?: string;
}

interface LedgerDbRow {
  id: number;
  name: string;
  spec: string;
  unit: string;
  category: string;
  open_qty: number | null;
  open_amount: number | null;
  close_qty: number | null;
  close_amount: number | null;
  in_qty: number | null;
  in_amount: number | null;
  out_qty: number | null;
  out_amount: number | null;
  return_qty: number | null;
  gain_qty: number | null;
  loss_qty: number | null;
}

/** Opening, in, out and closing per item over [from, to]; closing is read from the running balance. */
export function ledgerQuery(db: Db, f: LedgerFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.category) {
    w.push('i.category = ?');
    args.push(f.category);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(i.name LIKE ? ESCAPE '\\' OR i.spec LIKE ? ESCAPE '\\' OR i.code LIKE ? ESCAPE '\\')");
    args.push(p, p, p);
  }
  return ledgerImpl(db, f, w, args);
}

function ledgerImpl(db: Db, f: LedgerFilter, w: string[], args: unknown[]) {
  // Named parameters keep from/to reusable; the optional filters are appended as named too.
  const named: Record<string, unknown> = { from: f.from, to: f.to };
  let k = 0;
  const conds = w.map((c) =>
    c.replace(/\?/g, () => {
      const name = `p${k}`;
      named[name] = args[k++];
      return `@${name}`;
    }),
  );
  const core = `
    WITH p AS (
      SELECT item_id,
             -- 收入 is every kind that is not 发出, a 入库更正（调减） in red.
             sum(CASE WHEN kind IN ('issue', 'loss') THEN 0 ELSE dir * qty END) AS in_qty, sum(CASE WHEN kind IN ('issue', 'loss') THEN 0 ELSE dir * amount END) AS in_amount,
             sum(CASE WHEN kind IN ('issue', 'loss') THEN qty ELSE 0 END) AS out_qty, sum(CASE WHEN kind IN ('issue', 'loss') THEN amount ELSE 0 END) AS out_amount,
             sum(CASE WHEN kind = 'return' THEN qty ELSE 0 END) AS return_qty, sum(CASE WHEN kind = 'gain' THEN qty ELSE 0 END) AS gain_qty,
             sum(CASE WHEN kind = 'loss' THEN qty ELSE 0 END) AS loss_qty
      FROM supply_movements WHERE moved_on >= @from AND moved_on <= @to GROUP BY item_id),
    x AS (
      SELECT i.id, i.name, i.spec, i.unit, i.category,
             (SELECT m.id FROM supply_movements m WHERE m.item_id = i.id AND m.moved_on < @from ORDER BY m.moved_on DESC, m.id DESC LIMIT 1) AS open_id
      FROM supply_items i ${whereSql(conds)}),
    y AS (
      SELECT x.id, x.name, x.spec, x.unit, x.category, o.balance_qty AS open_qty, o.balance_amount AS open_amount,
             p.in_qty, p.in_amount, p.out_qty, p.out_amount, p.return_qty, p.gain_qty, p.loss_qty
      FROM x LEFT JOIN supply_movements o ON o.id = x.open_id LEFT JOIN p ON p.item_id = x.id
      WHERE coalesce(o.balance_qty, 0) > 0 OR coalesce(o.balance_amount, 0) > 0 OR p.item_id IS NOT NULL)`;
  return {
    count: () => (stmt(db, `${core} SELECT count(*) AS n FROM y`).get(named) as { n: number }).n,
    rows: (limit: number, offset: number): LedgerRow[] =>
      (
        stmt(
          db,
          `${core}
           SELECT y.*, c.balance_qty AS close_qty, c.balance_amount AS close_amount
           FROM y LEFT JOIN supply_movements c ON c.id = (SELECT m.id FROM supply_movements m WHERE m.item_id = y.id AND m.moved_on <= @to ORDER BY m.moved_on DESC, m.id DESC LIMIT 1)
           ORDER BY y.category, y.name, y.id LIMIT @limit OFFSET @offset`,
        ).all({ ...named, limit, offset }) as LedgerDbRow[]
      ).map(toLedgerRow),
    totals: () => {
      const t = stmt(
        db,
        `${core}
         SELECT sum(coalesce(y.open_qty, 0)) AS open_qty, sum(coalesce(y.open_amount, 0)) AS open_amount, sum(coalesce(y.in_qty, 0)) AS in_qty,
                sum(coalesce(y.in_amount, 0)) AS in_amount, sum(coalesce(y.out_qty, 0)) AS out_qty, sum(coalesce(y.out_amount, 0)) AS out_amount,
                sum(coalesce(y.return_qty, 0)) AS return_qty, sum(coalesce(y.gain_qty, 0)) AS gain_qty, sum(coalesce(y.loss_qty, 0)) AS loss_qty
         FROM y`,
      ).get(named) as Omit<LedgerDbRow, 'id' | 'name' | 'spec' | 'unit' | 'category' | 'close_qty' | 'close_amount'>;
      const r = toLedgerRow({ id: 0, name: '', spec: '', unit: '', category: '', close_qty: null, close_amount: null, ...t });
      // Totals mix units; only the amounts add up meaningfully, but the quantities are kept for checks.
      return {
        openQty: r.openQty,
        openAmount: r.openAmount,
        inQty: r.inQty,
        inAmount: r.inAmount,
        outQty: r.outQty,
        outAmount: r.outAmount,
        closeQty: r.openQty + r.inQty - r.outQty,
        closeAmount: r.openAmount + r.inAmount - r.outAmount,
        returnQty: r.returnQty,
        gainQty: r.gainQty,
        lossQty: r.lossQty,
      };
    },
  };
}

function toLedgerRow(r: LedgerDbRow): LedgerRow {
  const openQty = r.open_qty ?? 0;
  const openAmount = r.open_amount ?? 0;
  const inQty = r.in_qty ?? 0;
  const inAmount = r.in_amount ?? 0;
  const outQty = r.out_qty ?? 0;
  const outAmount = r.out_amount ?? 0;
  return {
    itemId: r.id,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    category: r.category,
    openQty: fromMilli(openQty),
    openAmount,
    inQty: fromMilli(inQty),
    inAmount,
    outQty: fromMilli(outQty),
    outAmount,
    // The running balance of the period's last movement; without one, the opening balance.
    closeQty: fromMilli(r.close_qty ?? openQty + inQty - outQty),
    closeAmount: r.close_amount ?? openAmount + inAmount - outAmount,
    returnQty: fromMilli(r.return_qty ?? 0),
    gainQty: fromMilli(r.gain_qty ?? 0),
    lossQty: fromMilli(r.loss_qty ?? 0),
  };
}
