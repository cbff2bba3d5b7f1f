// Prepared SQL of the assets area and the mapping of its rows to the contract's shapes.
import type { Db } from '../core/open';
import { likePattern } from '../core/sql';
import {
  ASSET_STATUS_LABELS,
  type AssetMove,
  type AssetMovement,
  type AssetStatus,
  type Card,
  type CheckResult,
  type CheckRow,
  type CheckScope,
  type CheckState,
  type DisposalMethod,
  type DisposalRow,
  type DisposalState,
} from '../contract/assets';
import { dateRange, stmt, whereSql } from '../core/rows';

export const CARD_SEQ = 'assets.card';
export const DISPOSAL_SEQ = 'assets.disposal';
export const CHECK_SEQ = 'assets.check';
export const DISPOSAL_PREFIX = '资处';
export const CHECK_PREFIX = '资查';

// ---- cards ----

export interface CardDbRow {
  id: number;
  number: string;
  year: number;
  seq: number | null;
  name: string;
  category: string;
  brand: string;
  model: string;
  serial_no: string;
  original_value: number;
  funding_source: string;
  purchase_method: string;
  purchased_on: string;
  booked_on: string;
  supplier: string;
  department: string;
  user_id: number | null;
  user_name: string;
  location: string;
  status: AssetStatus;
  before_repair: 'inUse' | 'idle' | null;
  purchase_line_id: number | null;
  disposal_id: number | null;
  open_disposal_id: number | null;
  imported: number;
  remarks: string;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
  purchase_id: number | null;
  purchase_number: string | null;
  d_id: number | null;
  d_number: string | null;
  d_state: DisposalState | null;
  d_required: number | null;
  d_verified: number | null;
}

export const CARD_SELECT = `
  SELECT c.*, ur.name AS recorded_by_name, pl.purchase_id, p.number AS purchase_number,
         d.id AS d_id, d.number AS d_number, d.state AS d_state, d.decision_required AS d_required, d.decision_verified AS d_verified
  FROM asset_cards c
  JOIN users ur ON ur.id = c.recorded_by_id
  LEFT JOIN supply_purchase_lines pl ON pl.id = c.purchase_line_id
  LEFT JOIN supply_purchases p ON p.id = pl.purchase_id
  LEFT JOIN asset_disposals d ON d.id = coalesce(c.disposal_id, c.open_disposal_id)`;

export const cardRow = (db: Db, id: number) => stmt(db, `${CARD_SELECT} WHERE c.id = ?`).get(id) as CardDbRow | undefined;

export const holderText = (r: { department: string; user_name: string; location: string }) =>
  [r.department, r.user_name, r.location].filter(Boolean).join(' / ') || '（未分配）';

export function toCard(r: CardDbRow): Card {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    category: r.category,
    brand: r.brand,
    model: r.model,
    serialNo: r.serial_no,
    originalValue: r.original_value,
    fundingSource: r.funding_source,
    purchaseMethod: r.purchase_method,
    purchasedOn: r.purchased_on,
    bookedOn: r.booked_on,
    supplier: r.supplier,
    department: r.department,
    userId: r.user_id,
    userName: r.user_name,
    location: r.location,
    status: r.status,
    remarks: r.remarks,
    purchaseId: r.purchase_id,
    purchaseNumber: r.purchase_number,
    disposalId: r.d_id,
    disposalNumber: r.d_number,
    disposalState: r.d_state,
    decisionPending: !!r.d_required && !r.d_verified && (r.d_state === 'pending' || r.d_state === 'approved' || r.d_state === 'done'),
    imported: !!r.imported,
    createdAt: r.created_at,
    recordedByName: r.recorded_by_name,
  };
}

export interface CardFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  department?: string;
  userId?: number;
  location?: string;
  category?: string;
  flag?: string;
  activeOnly?: boolean;
  ids?: number[];
}

export function cardWhere(f: CardFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('c.booked_on', f, w, args);
  if (f.state) {
    w.push('c.status = ?');
    args.push(f.state);
  }
  if (f.department) {
    w.push('c.department = ?');
    args.push(f.department);
  }
  if (f.userId) {
    w.push('c.user_id = ?');
    args.push(f.userId);
  }
  if (f.location) {
    w.push('c.location = ?');
    args.push(f.location);
  }
  if (f.category) {
    w.push('c.category = ?');
    args.push(f.category);
  }
  if (f.activeOnly) w.push("c.disposal_id IS NULL AND c.status IN ('inUse', 'idle', 'repair', 'lost')");
  switch (f.flag) {
    case 'decisionPending':
      w.push(
        "coalesce(c.disposal_id, c.open_disposal_id) IN (SELECT id FROM asset_disposals WHERE decision_required = 1 AND decision_verified = 0 AND state IN ('pending', 'approved', 'done'))",
      );
      break;
    case 'unassigned':
      w.push("c.status = 'idle' AND c.disposal_id IS NULL");
      break;
    case 'inDisposal':
      w.push('c.open_disposal_id IS NOT NULL');
      break;
  }
  if (f.ids?.length) {
    w.push(`c.id IN (${f.ids.map(() => '?').join(',')})`);
    args.push(...f.ids);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      `(c.number LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.brand LIKE ? ESCAPE '\\' OR c.model LIKE ? ESCAPE '\\' OR c.serial_no LIKE ? ESCAPE '\\'
        OR c.user_name LIKE ? ESCAPE '\\' OR c.department LIKE ? ESCAPE '\\' OR c.location LIKE ? ESCAPE '\\')`,
    );
    args.push(p, p, p, p, p, p, p, p);
  }
  return { sql: whereSql(w), args };
}

export const CARD_ORDER: Record<string, string> = {
  number: 'c.year, c.seq, c.number',
  '-number': 'c.year DESC, c.seq DESC, c.number DESC',
  date: 'c.booked_on, c.id',
  '-date': 'c.booked_on DESC, c.id DESC',
  value: 'c.original_value, c.id',
  '-value': 'c.original_value DESC, c.id DESC',
};

// ---- movements ----

export interface AssetMovementDbRow {
  id: number;
  asset_id: number;
  number: string;
  name: string;
  kind: AssetMove;
  moved_on: string;
  from_status: AssetStatus | null;
  to_status: AssetStatus;
  from_holder: string;
  to_holder: string;
  note: string;
  cost: number | null;
  ref_number: string | null;
  recorded_by_name: string;
  recorded_at: string;
}
export const ASSET_MOVEMENT_SELECT = `
  SELECT m.*, c.number, c.name, coalesce(d.number, k.number) AS ref_number, ur.name AS recorded_by_name
  FROM asset_movements m JOIN asset_cards c ON c.id = m.asset_id JOIN users ur ON ur.id = m.recorded_by_id
  LEFT JOIN asset_disposals d ON d.id = m.disposal_id LEFT JOIN asset_checks k ON k.id = m.check_id`;

export function toAssetMovement(r: AssetMovementDbRow): AssetMovement {
  return {
    id: r.id,
    assetId: r.asset_id,
    assetNumber: r.number,
    assetName: r.name,
    kind: r.kind,
    date: r.moved_on,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    fromHolder: r.from_holder,
    toHolder: r.to_holder,
    note: r.note,
    cost: r.cost,
    refNumber: r.ref_number ?? '',
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  };
}
export const statusText = (s: AssetStatus | null) => (s ? ASSET_STATUS_LABELS[s] : '');

export function movementWhere(f: { year?: number; from?: string; to?: string; state?: string; q?: string; assetId?: number; kind?: string }) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('m.moved_on', f, w, args);
  const kind = f.kind ?? f.state;
  if (kind) {
    w.push('m.kind = ?');
    args.push(kind);
  }
  if (f.assetId) {
    w.push('m.asset_id = ?');
    args.push(f.assetId);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      "(m.asset_id IN (SELECT id FROM asset_cards WHERE number LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\') OR m.from_holder LIKE ? ESCAPE '\\' OR m.to_holder LIKE ? ESCAPE '\\' OR m.note LIKE ? ESCAPE '\\')",
    );
    args.push(p, p, p, p, p);
  }
  return { sql: whereSql(w), args };
}

// ---- disposals ----

export interface DisposalDbRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  method: DisposalMethod;
  reason: string;
  applied_on: string;
  applicant_id: number;
  applicant_name: string;
  total_value: number;
  decision_required: number;
  decision_id: number | null;
  decision_ref: string;
  decision_label: string | null;
  decision_verified: number;
  state: DisposalState;
  approver_id: number | null;
  approver_name: string | null;
  approved_at: string | null;
  approval_mode: 'cosign' | 'paper' | null;
  executed_on: string | null;
  proceeds: number | null;
  executed_note: string;
  void_reason: string | null;
  remarks: string;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
  asset_count: number;
  summary: string | null;
}
export const DISPOSAL_SELECT = `
  SELECT d.*, ur.name AS recorded_by_name,
         (SELECT count(*) FROM asset_disposal_items i WHERE i.disposal_id = d.id) AS asset_count,
         (SELECT group_concat(t, '、') FROM (SELECT c.number || ' ' || c.name AS t FROM asset_disposal_items i JOIN asset_cards c ON c.id = i.asset_id
           WHERE i.disposal_id = d.id ORDER BY c.number LIMIT 3)) AS summary
  FROM asset_disposals d JOIN users ur ON ur.id = d.recorded_by_id`;
export const disposalRow = (db: Db, id: number) => stmt(db, `${DISPOSAL_SELECT} WHERE d.id = ?`).get(id) as DisposalDbRow | undefined;

export function toDisposalRow(r: DisposalDbRow): DisposalRow {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    date: r.applied_on,
    method: r.method,
    reason: r.reason,
    assetCount: r.asset_count,
    totalValue: r.total_value,
    summary: (r.summary ?? '') + (r.asset_count > 3 ? ` 等 ${r.asset_count} 项` : ''),
    applicantName: r.applicant_name,
    state: r.state,
    decisionRequired: !!r.decision_required,
    decisionId: r.decision_id,
    decisionRef: r.decision_ref,
    decisionLabel: r.decision_label,
    decisionVerified: !!r.decision_verified,
    decisionPending: !!r.decision_required && !r.decision_verified && r.state !== 'void' && r.state !== 'rejected',
    approverName: r.approver_name,
    approvedAt: r.approved_at,
    approvalMode: r.approval_mode,
    executedOn: r.executed_on,
    proceeds: r.proceeds,
    executedNote: r.executed_note,
    remarks: r.remarks,
    voidReason: r.void_reason,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
  };
}

export function disposalWhere(f: { year?: number; from?: string; to?: string; state?: string; q?: string }) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('d.applied_on', f, w, args);
  if (f.state) {
    w.push('d.state = ?');
    args.push(f.state);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      "(d.number LIKE ? ESCAPE '\\' OR d.reason LIKE ? ESCAPE '\\' OR d.decision_ref LIKE ? ESCAPE '\\' OR d.id IN (SELECT i.disposal_id FROM asset_disposal_items i JOIN asset_cards c ON c.id = i.asset_id WHERE c.number LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\'))",
    );
    args.push(p, p, p, p, p);
  }
  return { sql: whereSql(w), args };
}

// ---- checks ----

export interface CheckDbRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  title: string;
  checked_on: string;
  scope: CheckScope;
  scope_value: string;
  checker_id: number | null;
  checker_name: string | null;
  reviewer_id: number | null;
  reviewer_name: string | null;
  surplus: string;
  state: CheckState;
  confirmed_at: string | null;
  confirmed_by_name: string | null;
  void_reason: string | null;
  remarks: string;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
  line_count: number;
  done_count: number;
  ok_count: number;
}
export const CHECK_SELECT = `
  SELECT k.*, ur.name AS recorded_by_name, uc.name AS confirmed_by_name,
         (SELECT count(*) FROM asset_check_lines l WHERE l.check_id = k.id) AS line_count,
         (SELECT count(*) FROM asset_check_lines l WHERE l.check_id = k.id AND l.result IS NOT NULL) AS done_count,
         (SELECT count(*) FROM asset_check_lines l WHERE l.check_id = k.id AND l.result = 'ok') AS ok_count
  FROM asset_checks k JOIN users ur ON ur.id = k.recorded_by_id LEFT JOIN users uc ON uc.id = k.confirmed_by_id`;
export const checkRow = (db: Db, id: number) => stmt(db, `${CHECK_SELECT} WHERE k.id = ?`).get(id) as CheckDbRow | undefined;

export function toCheckRow(r: CheckDbRow): CheckRow {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    title: r.title,
    date: r.checked_on,
    scope: r.scope,
    scopeValue: r.scope_value,
    state: r.state,
    lineCount: r.line_count,
    doneCount: r.done_count,
    okCount: r.ok_count,
    problemCount: r.done_count - r.ok_count,
    checkerId: r.checker_id,
    checkerName: r.checker_name,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    surplus: r.surplus,
    remarks: r.remarks,
    confirmedAt: r.confirmed_at,
    confirmedByName: r.confirmed_by_name,
    voidReason: r.void_reason,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at,
  };
}

export interface CheckLineDbRow {
  id: number;
  check_id: number;
  asset_id: number;
  number: string;
  name: string;
  model: string;
  original_value: number;
  book_department: string;
  book_user: string;
  book_location: string;
  book_status: AssetStatus;
  result: CheckResult | null;
  actual_location: string;
  note: string;
}
export const checkLines = (db: Db, id: number) =>
  stmt(
    db,
    `SELECT l.*, c.number, c.name, trim(c.brand || ' ' || c.model) AS model, c.original_value
     FROM asset_check_lines l JOIN asset_cards c ON c.id = l.asset_id WHERE l.check_id = ? ORDER BY c.year, c.seq, c.number`,
  ).all(id) as CheckLineDbRow[];

export function checkWhere(f: { year?: number; from?: string; to?: string; state?: string; q?: string }) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('k.checked_on', f, w, args);
  if (f.state) {
    w.push('k.state = ?');
    args.push(f.state);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(k.number LIKE ? ESCAPE '\\' OR k.title LIKE ? ESCAPE '\\' OR k.scope_value LIKE ? ESCAPE '\\')");
    args.push(p, p, p);
  }
  return { sql: whereSql(w), args };
}
