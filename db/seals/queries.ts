// Prepared SQL of the seals register and the mapping of its rows to the contract's shapes.
import type { Db } from '../core/open';
import { likePattern } from '../core/sql';
import {
  APPROVER_RULE_LABELS,
  SEAL_KIND_LABELS,
  SEAL_STATUS_LABELS,
  type ApproverRule,
  type Handover,
  type Seal,
  type SealKind,
  type SealStatus,
  type UseRow,
  type UseState,
} from '../contract/seals';

/** number_seq registers and number prefixes: 用印〔2025〕第0012号, 印交〔2025〕第0003号. */
export const USAGE_SEQ = 'seals.usage';
export const HANDOVER_SEQ = 'seals.handover';
export const USE_PREFIX = '用印';
export const HANDOVER_PREFIX = '印交';

// The statement cache and people by id are the core's (core/rows); re-exported for this area's files.
export { stmt, userLite, type UserLite } from '../core/rows';
import { stmt, type UserLite } from '../core/rows';
import { shanghaiDateOf } from '../core/time';

// ---- people ----

export const isApprover = (u: UserLite) => (JSON.parse(u.roles) as string[]).includes('approver');
export const personOf = (u: UserLite) => ({ id: u.id, name: u.name, department: u.department, post: u.post });

// ---- seals ----

export interface SealRow {
  id: number;
  name: string;
  kind: SealKind;
  approver_rule: ApproverRule;
  approver_id: number | null;
  approver_name: string | null;
  approver_post: string | null;
  status: SealStatus;
  enabled_on: string;
  custodian_id: number | null;
  custodian_name: string | null;
  custodian_active: number | null;
  custodian_since: string | null;
  retired_on: string | null;
  retire_method: string | null;
  retire_witnesses: string | null;
  remarks: string;
  out_use_id: number | null;
  out_number: string | null;
}

export const SEAL_SELECT = `
  SELECT s.id, s.name, s.kind, s.approver_rule, s.approver_id, ua.name AS approver_name, s.approver_post, s.status, s.enabled_on,
         s.custodian_id, uc.name AS custodian_name, uc.active AS custodian_active,
         (SELECT h.handed_on FROM seal_handovers h WHERE h.seal_id = s.id ORDER BY h.id DESC LIMIT 1) AS custodian_since,
         s.retired_on, s.retire_method, s.retire_witnesses, s.remarks,
         o.id AS out_use_id, o.number AS out_number
  FROM seals s
  LEFT JOIN users ua ON ua.id = s.approver_id
  LEFT JOIN users uc ON uc.id = s.custodian_id
  LEFT JOIN seal_uses o ON o.seal_id = s.id AND o.state = 'out'`;

export const sealRow = (db: Db, id: number) => stmt(db, `${SEAL_SELECT} WHERE s.id = ?`).get(id) as SealRow | undefined;

export function ruleText(r: Pick<SealRow, 'approver_rule' | 'approver_name' | 'approver_post'>): string {
  if (r.approver_rule === 'person') return r.approver_name ?? APPROVER_RULE_LABELS.person;
  if (r.approver_rule === 'post') return r.approver_post ?? APPROVER_RULE_LABELS.post;
  return APPROVER_RULE_LABELS.deptLeader;
}

/** Why a use of this seal cannot be requested now, or null. */
export function sealUnusable(r: SealRow): string | null {
  if (r.status !== 'active') return `印章“${r.name}”已${SEAL_STATUS_LABELS[r.status]}，不能申请用印`;
  if (!r.custodian_id) return `印章“${r.name}”尚未指定保管人，不能申请用印；请先办理交接`;
  if (!r.custodian_active) return `印章“${r.name}”的保管人${r.custodian_name}的账号已停用，请先办理印章交接`;
  return null;
}

export function toSeal(r: SealRow): Seal {
  const why = sealUnusable(r);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    approverRule: r.approver_rule,
    approverId: r.approver_id,
    approverName: r.approver_name,
    approverPost: r.approver_post,
    approverText: ruleText(r),
    status: r.status,
    enabledOn: r.enabled_on,
    custodianId: r.custodian_id,
    custodianName: r.custodian_name,
    custodianActive: !!r.custodian_active,
    custodianSince: r.custodian_since,
    retiredOn: r.retired_on,
    retireMethod: r.retire_method,
    retireWitnesses: r.retire_witnesses,
    remarks: r.remarks,
    outOnUseId: r.out_use_id,
    outOnNumber: r.out_number,
    usable: !why,
    unusableReason: why,
  };
}

export const kindLabel = (k: SealKind) => SEAL_KIND_LABELS[k];

// ---- handovers ----

export const HANDOVER_SELECT = `
  SELECT h.id, h.number, h.seal_id AS sealId, s.name AS sealName, h.from_id AS fromId, h.from_name AS fromName, h.to_id AS toId, h.to_name AS toName,
         h.witness_id AS witnessId, h.witness_name AS witnessName, h.handed_on AS date, h.note, ur.name AS recordedByName, h.recorded_at AS recordedAt
  FROM seal_handovers h JOIN seals s ON s.id = h.seal_id JOIN users ur ON ur.id = h.recorded_by_id`;
export const handoverById = (db: Db, id: number) => stmt(db, `${HANDOVER_SELECT} WHERE h.id = ?`).get(id) as Handover | undefined;

// ---- uses ----

export interface UseDbRow {
  id: number;
  year: number;
  seq: number | null;
  number: string;
  imported: number;
  paper_gap: number;
  seal_id: number;
  seal_name: string;
  entry_date: string;
  reason: string;
  doc_title: string;
  doc_no: string;
  copies: number;
  applicant_id: number | null;
  applicant_name: string;
  department: string;
  take_out: number;
  planned_out: string | null;
  planned_return: string | null;
  state: UseState;
  emergency: number;
  emergency_reason: string | null;
  phone_approver_id: number | null;
  phone_approver_name: string | null;
  approval_decision: 'approved' | 'rejected' | null;
  approval_mode: 'cosign' | 'paper' | 'imported' | null;
  approver_id: number | null;
  approver_name: string | null;
  approved_at: string | null;
  stamped_at: string | null;
  stamped_count: number | null;
  supervisor_id: number | null;
  supervisor_name: string | null;
  out_at: string | null;
  returned_at: string | null;
  return_confirmed_id: number | null;
  return_confirmed_name: string | null;
  return_note: string;
  void_reason: string | null;
  voided_at: string | null;
  voided_by_id: number | null;
  remarks: string;
  amend_count: number;
  recorded_by_id: number;
  recorded_by_name: string;
  created_at: string;
}

export const USE_SELECT = `
  SELECT u.*, s.name AS seal_name, ur.name AS recorded_by_name
  FROM seal_uses u JOIN seals s ON s.id = u.seal_id JOIN users ur ON ur.id = u.recorded_by_id`;

export const useDbRow = (db: Db, id: number) => stmt(db, `${USE_SELECT} WHERE u.id = ?`).get(id) as UseDbRow | undefined;

export function toUseRow(r: UseDbRow, today: string): UseRow {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    date: r.entry_date,
    sealId: r.seal_id,
    sealName: r.seal_name,
    reason: r.reason,
    documentTitle: r.doc_title,
    documentNo: r.doc_no,
    copies: r.copies,
    applicantId: r.applicant_id,
    applicantName: r.applicant_name,
    department: r.department,
    takeOut: !!r.take_out,
    plannedOut: r.planned_out,
    plannedReturn: r.planned_return,
    state: r.state,
    emergency: !!r.emergency,
    emergencyReason: r.emergency_reason,
    phoneApproverName: r.phone_approver_name,
    approvalDecision: r.approval_decision,
    approverName: r.approver_name,
    approvedAt: r.approved_at,
    approvalMode: r.approval_mode,
    stampedAt: r.stamped_at,
    stampedCount: r.stamped_count,
    supervisorName: r.supervisor_name,
    outAt: r.out_at,
    returnedAt: r.returned_at,
    returnConfirmedName: r.return_confirmed_name,
    returnNote: r.return_note,
    voidReason: r.void_reason,
    remarks: r.remarks,
    imported: !!r.imported,
    amended: r.amend_count > 0,
    overdue: isOverdue(r, today),
    returnedLate: isReturnedLate(r),
    emergencyPending: !!r.emergency && r.approval_decision === null,
    lateEntry: !r.imported && r.entry_date < shanghaiDateOf(r.created_at),
    paperGap: !!r.paper_gap,
    createdAt: r.created_at,
    recordedByName: r.recorded_by_name,
  };
}

export const isOverdue = (r: Pick<UseDbRow, 'state' | 'planned_return'>, today: string) => r.state === 'out' && !!r.planned_return && r.planned_return < today;
export const isReturnedLate = (r: Pick<UseDbRow, 'state' | 'planned_return' | 'returned_at'>) =>
  r.state === 'returned' && !!r.planned_return && !!r.returned_at && shanghaiDateOf(r.returned_at) > r.planned_return;

// ---- the list's WHERE, shared by the list method, print rows, export and statistics ----

export interface UseFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  sealId?: number;
  applicantId?: number;
  department?: string;
  flag?: string;
}

export function useWhere(f: UseFilter, today: string): { sql: string; args: unknown[] } {
  const w: string[] = [];
  const args: unknown[] = [];
  let from = f.from;
  let to = f.to;
  if (f.year) {
    const ys = `${f.year}-01-01`;
    const ye = `${f.year}-12-31`;
    from = from && from > ys ? from : ys;
    to = to && to < ye ? to : ye;
  }
  if (from) {
    w.push('u.entry_date >= ?');
    args.push(from);
  }
  if (to) {
    w.push('u.entry_date <= ?');
    args.push(to);
  }
  if (f.state) {
    w.push('u.state = ?');
    args.push(f.state);
  }
  if (f.sealId) {
    w.push('u.seal_id = ?');
    args.push(f.sealId);
  }
  if (f.applicantId) {
    w.push('u.applicant_id = ?');
    args.push(f.applicantId);
  }
  if (f.department) {
    w.push('u.department = ?');
    args.push(f.department);
  }
  switch (f.flag) {
    case 'overdue':
      w.push("u.state = 'out' AND u.planned_return < ?");
      args.push(today);
      break;
    case 'emergency':
      w.push('u.emergency = 1');
      break;
    case 'emergencyPending':
      w.push('u.emergency = 1 AND u.approval_decision IS NULL');
      break;
    case 'takeOut':
      w.push('u.take_out = 1');
      break;
    case 'paperGap':
      w.push('u.paper_gap = 1');
      break;
    case 'imported':
      w.push('u.imported = 1');
      break;
    case 'amended':
      w.push('u.amend_count > 0');
      break;
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      `(u.number LIKE ? ESCAPE '\\' OR u.doc_title LIKE ? ESCAPE '\\' OR u.doc_no LIKE ? ESCAPE '\\' OR u.reason LIKE ? ESCAPE '\\'
        OR u.applicant_name LIKE ? ESCAPE '\\' OR u.department LIKE ? ESCAPE '\\' OR u.remarks LIKE ? ESCAPE '\\'
        OR u.seal_id IN (SELECT id FROM seals WHERE name LIKE ? ESCAPE '\\'))`,
    );
    args.push(p, p, p, p, p, p, p, p);
  }
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

export const USE_ORDER: Record<string, string> = {
  '-date': 'u.entry_date DESC, u.id DESC',
  date: 'u.entry_date, u.id',
  number: 'u.year, u.seq, u.id',
  '-number': 'u.year DESC, u.seq DESC, u.id DESC',
};
