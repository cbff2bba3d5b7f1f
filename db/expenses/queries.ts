// Reads of the expenses area: settings, categories, the rows behind applications, reimbursements,
// advances and the petty-cash journal, and the lists with their filters (every filter has an index).
import type { Db } from '../core/open';
import type { Ctx } from '../core/context';
import { approvalsFor } from '../core/approvals';
import { attachmentsOf } from '../core/attachments';
import { notFound } from '../core/errors';
import { dateRange, stmt, today, whereSql } from '../core/rows';
import { likePattern } from '../core/sql';
import { getDecision } from '../core/decisions';
import { suppliesSettings } from '../core/area-settings';
import {
  canonicalInvoiceNo,
  DEFAULT_EXPENSES_SETTINGS,
  EXP_ADVANCE_OBJECT,
  EXP_APP_OBJECT,
  EXP_CLAIM_OBJECT,
  type AdvanceDetail,
  type AdvanceRow,
  type AppDetail,
  type AppRow,
  type AppState,
  type ClaimDetail,
  type ClaimRow,
  type ExpenseCategory,
  type ExpensesSettings,
  type Signature,
} from '../contract/expenses';
import type { ParsedInput } from '../contract';

export type C = Ctx<unknown>;

// ---- settings and categories ----

export function expensesSettings(db: Db): ExpensesSettings {
  const r = stmt(db, "SELECT value FROM expense_settings WHERE key = 'settings'").get() as { value: string } | undefined;
  return r ? { ...DEFAULT_EXPENSES_SETTINGS, ...(JSON.parse(r.value) as Partial<ExpensesSettings>) } : DEFAULT_EXPENSES_SETTINGS;
}

export function categories(db: Db, includeInactive: boolean): ExpenseCategory[] {
  return (stmt(db, `SELECT id, name, needs_basis AS needsBasis, active, sort FROM expense_categories ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY sort, id`).all() as (Omit<ExpenseCategory, 'needsBasis' | 'active'> & { needsBasis: number; active: number })[]).map((c) => ({
    ...c,
    needsBasis: !!c.needsBasis,
    active: !!c.active,
  }));
}
export function category(db: Db, id: number): ExpenseCategory {
  const c = categories(db, true).find((x) => x.id === id);
  return c ?? notFound('费用类别');
}

// ---- approval chains ----

/** One step of a chain, resolved when the document is made: who may sign it. */
export interface Step {
  name: string;
  /** Only these people; null: anyone holding the step's role. */
  allowedIds: number[] | null;
  who: string;
}

export const stepsOf = (json: string) => JSON.parse(json) as Step[];

/** The signatures of a chain: the steps in order, each with the approval recorded for it. */
export function signatures(db: Db, objectType: string, objectId: number, steps: Step[]): Signature[] {
  const approvals = approvalsFor({ db }, objectType, objectId);
  return steps.map((s) => {
    const a = [...approvals].reverse().find((x) => x.step === s.name);
    return {
      step: s.name,
      who: s.who,
      done: !!a,
      decision: a?.decision ?? null,
      signerName: a?.approverName ?? null,
      comment: a?.comment ?? '',
      // When it was signed: a paper approval's own time, not when it was keyed in.
      at: a ? (a.paperSignedAt ?? a.decidedAt) : null,
      mode: a?.mode ?? null,
      filingNo: a?.paperFilingNo ?? null,
      approval: a ?? null,
    };
  });
}

// ---- applications ----

export interface AppDb {
  id: number;
  year: number;
  number: string;
  applied_on: string;
  applicant_id: number;
  applicant_name: string;
  department: string;
  category_id: number;
  purpose: string;
  budget_item: string;
  estimated_fen: number;
  basis_doc: string;
  large: number;
  decision_id: number | null;
  steps: string;
  approved_steps: number;
  approvers: string;
  state: AppState;
  remarks: string;
  void_reason: string | null;
  recorded_by_id: number;
  created_at: string;
}
export function loadApp(db: Db, id: number): AppDb {
  return (stmt(db, 'SELECT * FROM expense_apps WHERE id = ?').get(id) as AppDb | undefined) ?? notFound('事前申请');
}

const APP_SELECT = `
  SELECT a.id, a.number, a.year, a.applied_on AS appliedOn, a.applicant_id AS applicantId, a.applicant_name AS applicantName,
         a.department, a.category_id AS categoryId, c.name AS categoryName, a.purpose, a.budget_item AS budgetItem,
         a.estimated_fen AS estimatedFen, a.basis_doc AS basisDoc, a.large, a.decision_id AS decisionId, a.state, a.approvers,
         EXISTS (SELECT 1 FROM expense_acceptances x WHERE x.app_id = a.id) AS accepted,
         coalesce((SELECT sum(total_fen) FROM expense_claims k WHERE k.app_id = a.id AND k.state NOT IN ('rejected', 'void') AND k.id NOT IN (SELECT claim_id FROM expense_claim_reversals)), 0) AS claimedFen,
         a.remarks, u.name AS recordedByName, a.created_at AS createdAt
  FROM expense_apps a JOIN expense_categories c ON c.id = a.category_id JOIN users u ON u.id = a.recorded_by_id`;

type AppDbRow = Omit<AppRow, 'large' | 'accepted' | 'decision'> & { large: number; accepted: number; decisionId: number | null };

function toAppRow(db: Db, r: AppDbRow): AppRow {
  const { decisionId, ...rest } = r;
  const d = decisionId ? getDecision(db, decisionId) : null;
  return {
    ...rest,
    large: !!r.large,
    accepted: !!r.accepted,
    decision: d ? { id: d.id, label: d.label, title: d.title, amount: d.amount, finalised: d.finalised } : null,
  };
}

export interface AppFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  categoryId?: number;
  applicantId?: number;
  department?: string;
  large?: boolean;
}
function appWhere(f: AppFilter): { sql: string; args: unknown[] } {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('a.applied_on', f, w, args);
  if (f.state) (w.push('a.state = ?'), args.push(f.state));
  if (f.categoryId) (w.push('a.category_id = ?'), args.push(f.categoryId));
  if (f.applicantId) (w.push('a.applicant_id = ?'), args.push(f.applicantId));
  if (f.department) (w.push('a.department = ?'), args.push(f.department));
  if (f.large) w.push('a.large = 1');
  if (f.q) {
    w.push("(a.number LIKE ? ESCAPE '\\' OR a.purpose LIKE ? ESCAPE '\\' OR a.applicant_name LIKE ? ESCAPE '\\' OR a.budget_item LIKE ? ESCAPE '\\')");
    const p = likePattern(f.q);
    args.push(p, p, p, p);
  }
  return { sql: whereSql(w), args };
}
const ORDER: Record<string, string> = {
  date: 'applied_on, id',
  '-date': 'applied_on DESC, id DESC',
  number: 'year, seq',
  '-number': 'year DESC, seq DESC',
  amount: 'estimated_fen, id',
  '-amount': 'estimated_fen DESC, id DESC',
};
export function countApps(db: Db, f: AppFilter): number {
  const w = appWhere(f);
  return (db.prepare(`SELECT count(*) AS n FROM expense_apps a ${w.sql}`).get(...w.args) as { n: number }).n;
}
export function listApps(db: Db, f: AppFilter, sort: string, limit: number, offset: number): AppRow[] {
  const w = appWhere(f);
  const order = (ORDER[sort] ?? ORDER['-date']).replace(/(^|, )/g, '$1a.');
  return (db.prepare(`${APP_SELECT} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as AppDbRow[]).map((r) => toAppRow(db, r));
}

export function appDetail(db: Db, id: number): AppDetail {
  const r = db.prepare(`${APP_SELECT} WHERE a.id = ?`).get(id) as AppDbRow | undefined;
  if (!r) return notFound('事前申请');
  const row = toAppRow(db, r);
  const a = loadApp(db, id);
  const cat = category(db, a.category_id);
  const acceptance = acceptanceOf(db, id);
  const claims = stmt(db, 'SELECT id, number, state, total_fen AS totalFen FROM expense_claims WHERE app_id = ? ORDER BY id').all(id) as AppDetail['claims'];
  return {
    ...row,
    needsBasis: cat.needsBasis,
    signatures: signatures(db, EXP_APP_OBJECT, id, stepsOf(a.steps)),
    acceptance,
    attachments: attachmentsOf(db, EXP_APP_OBJECT, id),
    claims,
    voidReason: a.void_reason,
    claimBlockers: claimBlockers(a, acceptance),
    assetThreshold: suppliesSettings(db).assetThreshold,
  };
}

export function acceptanceOf(db: Db, appId: number): AppDetail['acceptance'] {
  const x = stmt(
    db,
    `SELECT x.id, x.witness_id AS witnessId, x.witness_name AS witnessName, x.accepted_on AS acceptedOn, x.result, u.name AS recordedByName
     FROM expense_acceptances x JOIN users u ON u.id = x.recorded_by_id WHERE x.app_id = ?`,
  ).get(appId) as Omit<NonNullable<AppDetail['acceptance']>, 'lines'> | undefined;
  if (!x) return null;
  const lines = (
    stmt(
      db,
      `SELECT l.id, l.name, l.quantity, l.unit_price_fen AS unitPriceFen, l.fixed_asset AS fixedAsset, l.asset_card_id AS assetCardId, c.number AS assetNumber
       FROM expense_acceptance_lines l LEFT JOIN asset_cards c ON c.id = l.asset_card_id WHERE l.acceptance_id = ? ORDER BY l.line_no`,
    ).all(x.id) as (Omit<NonNullable<AppDetail['acceptance']>['lines'][number], 'fixedAsset'> & { fixedAsset: number })[]
  ).map((l) => ({ ...l, fixedAsset: !!l.fixedAsset }));
  return { ...x, lines };
}

/** Accepted goods at or above the fixed-asset threshold that have no asset card yet, in words. */
export const assetCardsMissing = (acceptance: AppDetail['acceptance']): string[] =>
  (acceptance?.lines ?? []).filter((l) => l.fixedAsset && !l.assetCardId).map((l) => `“${l.name}”单价达到固定资产标准，须先登记固定资产卡片`);

/** What stands between an application and a reimbursement, in words. */
export function claimBlockers(a: AppDb, acceptance: AppDetail['acceptance']): string[] {
  return [...(a.state !== 'approved' ? ['事前申请尚未批准'] : []), ...(acceptance ? [] : ['尚未事后验收']), ...assetCardsMissing(acceptance)];
}

// ---- reimbursements ----

export interface ClaimDb {
  id: number;
  year: number;
  number: string;
  claimed_on: string;
  app_id: number;
  applicant_id: number;
  applicant_name: string;
  department: string;
  category_id: number;
  purpose: string;
  advance_id: number | null;
  payment_method: 'card' | 'transfer' | 'cash';
  payee: string;
  total_fen: number;
  approved_fen: number;
  over_approved: number;
  steps: string;
  signed_steps: number;
  state: ClaimRow['state'];
  offset_fen: number;
  paid_on: string | null;
  voucher_no: string | null;
  remarks: string;
  void_reason: string | null;
  recorded_by_id: number;
}
export function loadClaim(db: Db, id: number): ClaimDb {
  return (stmt(db, 'SELECT * FROM expense_claims WHERE id = ?').get(id) as ClaimDb | undefined) ?? notFound('报销单');
}

const CLAIM_SELECT = `
  SELECT k.id, k.number, k.year, k.claimed_on AS claimedOn, k.app_id AS applicationId, a.number AS applicationNumber,
         k.applicant_id AS applicantId, k.applicant_name AS applicantName, k.department, c.name AS categoryName, k.purpose,
         k.total_fen AS totalFen, k.approved_fen AS approvedFen, k.over_approved AS overApproved,
         (SELECT count(*) FROM attachments t WHERE t.object_type = '${EXP_CLAIM_OBJECT}' AND t.object_id = k.id AND t.kind = 'receipt' AND t.voided_at IS NULL) AS receipts,
         k.payment_method AS paymentMethod, k.advance_id AS advanceId, v.number AS advanceNumber, k.offset_fen AS offsetFen,
         k.state, k.steps, k.signed_steps AS signedSteps, k.paid_on AS paidOn, k.voucher_no AS voucherNo, k.created_at AS createdAt,
         EXISTS (SELECT 1 FROM expense_claim_reversals r WHERE r.claim_id = k.id) AS reversed
  FROM expense_claims k JOIN expense_apps a ON a.id = k.app_id JOIN expense_categories c ON c.id = k.category_id
  LEFT JOIN expense_advances v ON v.id = k.advance_id`;

type ClaimDbRow = Omit<ClaimRow, 'overApproved' | 'nextStep' | 'reversed'> & { overApproved: number; steps: string; signedSteps: number; reversed: number };
function toClaimRow(r: ClaimDbRow): ClaimRow {
  const { steps, signedSteps, ...rest } = r;
  const s = stepsOf(steps);
  return { ...rest, overApproved: !!r.overApproved, reversed: !!r.reversed, nextStep: r.state === 'signing' ? (s[signedSteps]?.name ?? null) : null };
}

export interface ClaimFilter extends AppFilter {
  paymentMethod?: string;
}
function claimWhere(f: ClaimFilter): { sql: string; args: unknown[] } {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('k.claimed_on', f, w, args);
  if (f.state) (w.push('k.state = ?'), args.push(f.state));
  if (f.categoryId) (w.push('k.category_id = ?'), args.push(f.categoryId));
  if (f.applicantId) (w.push('k.applicant_id = ?'), args.push(f.applicantId));
  if (f.department) (w.push('k.department = ?'), args.push(f.department));
  if (f.paymentMethod) (w.push('k.payment_method = ?'), args.push(f.paymentMethod));
  if (f.q) {
    const p = likePattern(f.q);
    w.push(
      "(k.number LIKE ? ESCAPE '\\' OR k.purpose LIKE ? ESCAPE '\\' OR k.applicant_name LIKE ? ESCAPE '\\' OR k.voucher_no LIKE ? ESCAPE '\\' OR k.id IN (SELECT claim_id FROM expense_claim_lines WHERE invoice_no = ?))",
    );
    // An invoice number is found however it is typed (spaces, hyphens, full-width digits).
    args.push(p, p, p, p, canonicalInvoiceNo(f.q) ?? f.q.trim());
  }
  return { sql: whereSql(w), args };
}
const CLAIM_ORDER: Record<string, string> = {
  date: 'k.claimed_on, k.id',
  '-date': 'k.claimed_on DESC, k.id DESC',
  number: 'k.year, k.seq',
  '-number': 'k.year DESC, k.seq DESC',
  amount: 'k.total_fen, k.id',
  '-amount': 'k.total_fen DESC, k.id DESC',
};
export function countClaims(db: Db, f: ClaimFilter): number {
  const w = claimWhere(f);
  return (db.prepare(`SELECT count(*) AS n FROM expense_claims k ${w.sql}`).get(...w.args) as { n: number }).n;
}
export function listClaims(db: Db, f: ClaimFilter, sort: string, limit: number, offset: number): ClaimRow[] {
  const w = claimWhere(f);
  return (db.prepare(`${CLAIM_SELECT} ${w.sql} ORDER BY ${CLAIM_ORDER[sort] ?? CLAIM_ORDER['-date']} LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as ClaimDbRow[]).map(toClaimRow);
}

export function claimDetail(db: Db, id: number): ClaimDetail {
  const r = db.prepare(`${CLAIM_SELECT} WHERE k.id = ?`).get(id) as ClaimDbRow | undefined;
  if (!r) return notFound('报销单');
  const k = loadClaim(db, id);
  const a = loadApp(db, k.app_id);
  const lines = stmt(db, 'SELECT id, invoice_no AS invoiceNo, invoice_date AS invoiceDate, description, amount_fen AS amountFen FROM expense_claim_lines WHERE claim_id = ? ORDER BY line_no').all(id) as ClaimDetail['lines'];
  const recorder = stmt(db, 'SELECT name FROM users WHERE id = ?').get(k.recorded_by_id) as { name: string };
  return {
    ...toClaimRow(r),
    payee: k.payee,
    remarks: k.remarks,
    basisDoc: a.basis_doc,
    budgetItem: a.budget_item,
    lines,
    signatures: signatures(db, EXP_CLAIM_OBJECT, id, stepsOf(k.steps)),
    attachments: attachmentsOf(db, EXP_CLAIM_OBJECT, id),
    acceptance: acceptanceOf(db, k.app_id),
    voidReason: k.void_reason,
    recordedByName: recorder.name,
    reversal:
      (stmt(
        db,
        `SELECT r.reversed_on AS "on", r.voucher_no AS voucherNo, r.reason, r.cash_back_fen AS cashBackFen, r.advance_reopened_fen AS advanceReopenedFen, u.name AS byName, r.created_at AS at
         FROM expense_claim_reversals r JOIN users u ON u.id = r.recorded_by_id WHERE r.claim_id = ?`,
      ).get(id) as ClaimDetail['reversal'] | undefined) ?? null,
  };
}

/** Claims that count against their application: not rejected, void or reversed (红字冲销). */
export const LIVE_CLAIM = "state NOT IN ('rejected', 'void') AND id NOT IN (SELECT claim_id FROM expense_claim_reversals)";

/** Reimbursed so far against an application, without this claim. */
export const claimedAgainst = (db: Db, appId: number, exceptId = 0) =>
  (stmt(db, `SELECT coalesce(sum(total_fen), 0) AS s FROM expense_claims WHERE app_id = ? AND id <> ? AND ${LIVE_CLAIM}`).get(appId, exceptId) as { s: number }).s;

// ---- advances ----

export interface AdvanceDb {
  id: number;
  year: number;
  number: string;
  applied_on: string;
  borrower_id: number;
  borrower_name: string;
  department: string;
  purpose: string;
  amount_fen: number;
  due_on: string;
  payment_method: 'cash' | 'transfer';
  steps: string;
  approved_steps: number;
  approvers: string;
  state: AdvanceRow['state'];
  paid_on: string | null;
  settled_fen: number;
  remarks: string;
  void_reason: string | null;
  recorded_by_id: number;
}
export function loadAdvance(db: Db, id: number): AdvanceDb {
  return (stmt(db, 'SELECT * FROM expense_advances WHERE id = ?').get(id) as AdvanceDb | undefined) ?? notFound('借支');
}

const ADVANCE_SELECT = `
  SELECT v.id, v.number, v.year, v.applied_on AS appliedOn, v.borrower_id AS borrowerId, v.borrower_name AS borrowerName, v.department,
         v.purpose, v.amount_fen AS amountFen, v.payment_method AS paymentMethod, v.due_on AS dueOn, v.paid_on AS paidOn,
         v.settled_fen AS settledFen, v.amount_fen - v.settled_fen AS outstandingFen, v.state, v.approvers, v.created_at AS createdAt
  FROM expense_advances v`;
type AdvanceDbRow = Omit<AdvanceRow, 'overdue' | 'outstandingFen'> & { outstandingFen: number };
function toAdvanceRow(r: AdvanceDbRow, todayIs: string): AdvanceRow {
  const live = r.state === 'outstanding';
  return { ...r, outstandingFen: live ? r.outstandingFen : 0, overdue: live && r.dueOn < todayIs };
}

export interface AdvanceFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  borrowerId?: number;
  overdue?: boolean;
}
function advanceWhere(f: AdvanceFilter, todayIs: string): { sql: string; args: unknown[] } {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('v.applied_on', f, w, args);
  if (f.state) (w.push('v.state = ?'), args.push(f.state));
  if (f.borrowerId) (w.push('v.borrower_id = ?'), args.push(f.borrowerId));
  if (f.overdue) (w.push("v.state = 'outstanding' AND v.due_on < ?"), args.push(todayIs));
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(v.number LIKE ? ESCAPE '\\' OR v.purpose LIKE ? ESCAPE '\\' OR v.borrower_name LIKE ? ESCAPE '\\')");
    args.push(p, p, p);
  }
  return { sql: whereSql(w), args };
}
const ADV_ORDER: Record<string, string> = {
  date: 'v.applied_on, v.id',
  '-date': 'v.applied_on DESC, v.id DESC',
  number: 'v.year, v.seq',
  '-number': 'v.year DESC, v.seq DESC',
  amount: 'v.amount_fen, v.id',
  '-amount': 'v.amount_fen DESC, v.id DESC',
};
export function countAdvances(db: Db, f: AdvanceFilter, todayIs: string): number {
  const w = advanceWhere(f, todayIs);
  return (db.prepare(`SELECT count(*) AS n FROM expense_advances v ${w.sql}`).get(...w.args) as { n: number }).n;
}
export function listAdvances(db: Db, f: AdvanceFilter, sort: string, limit: number, offset: number, todayIs: string): AdvanceRow[] {
  const w = advanceWhere(f, todayIs);
  return (db.prepare(`${ADVANCE_SELECT} ${w.sql} ORDER BY ${ADV_ORDER[sort] ?? ADV_ORDER['-date']} LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as AdvanceDbRow[]).map((r) => toAdvanceRow(r, todayIs));
}

export function advanceDetail(db: Db, id: number, ctx: Pick<C, 'now'>): AdvanceDetail {
  const r = db.prepare(`${ADVANCE_SELECT} WHERE v.id = ?`).get(id) as AdvanceDbRow | undefined;
  if (!r) return notFound('借支');
  const v = loadAdvance(db, id);
  const settlements = stmt(
    db,
    // A 红字冲销 of a claim that settled this advance is listed too, in red: it re-opened that amount.
    `SELECT id, kind, amountFen, "on", claimNumber, note, recordedByName FROM (
       SELECT s.id, s.kind, s.amount_fen AS amountFen, s.settled_on AS "on", k.number AS claimNumber, s.note, u.name AS recordedByName, s.created_at AS at
       FROM expense_settlements s LEFT JOIN expense_claims k ON k.id = s.claim_id JOIN users u ON u.id = s.recorded_by_id WHERE s.advance_id = ?
       UNION ALL
       SELECT -r.id, 'reversal', -r.advance_reopened_fen, r.reversed_on, k.number, '报销单红字冲销：' || r.reason, u.name, r.created_at
       FROM expense_claim_reversals r JOIN expense_claims k ON k.id = r.claim_id JOIN users u ON u.id = r.recorded_by_id
       WHERE k.advance_id = ? AND r.advance_reopened_fen > 0
     ) ORDER BY at, id`,
  ).all(id, id) as AdvanceDetail['settlements'];
  const recorder = stmt(db, 'SELECT name FROM users WHERE id = ?').get(v.recorded_by_id) as { name: string };
  return {
    ...toAdvanceRow(r, today(ctx)),
    signatures: signatures(db, EXP_ADVANCE_OBJECT, id, stepsOf(v.steps)),
    settlements,
    attachments: attachmentsOf(db, EXP_ADVANCE_OBJECT, id),
    remarks: v.remarks,
    voidReason: v.void_reason,
    recordedByName: recorder.name,
  };
}

// ---- petty cash ----

export const cashBalance = (db: Db) => (stmt(db, 'SELECT balance_fen AS b, entry_date AS d FROM petty_cash ORDER BY id DESC LIMIT 1').get() as { b: number; d: string } | undefined) ?? null;

export function cashList(db: Db, f: Omit<ParsedInput<'expenses.cashList'>, 'page' | 'pageSize' | 'state'>, limit: number, offset: number) {
  const w: string[] = [];
  const args: unknown[] = [];
  dateRange('p.entry_date', f, w, args);
  if (f.month) (w.push('p.entry_date BETWEEN ? AND ?'), args.push(`${f.month}-01`, `${f.month}-31`));
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(p.note LIKE ? ESCAPE '\\' OR p.ref_number LIKE ? ESCAPE '\\')");
    args.push(p, p);
  }
  const where = whereSql(w);
  const total = (db.prepare(`SELECT count(*) AS n FROM petty_cash p ${where}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT p.id, p.entry_date AS entryDate, p.kind, p.note, p.in_fen AS inFen, p.out_fen AS outFen, p.balance_fen AS balanceFen, p.ref_number AS ref, p.ref_type AS refType, u.name AS recordedByName
       FROM petty_cash p JOIN users u ON u.id = p.recorded_by_id ${where} ORDER BY p.id LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, offset);
  return { rows, total } as { rows: import('../contract').Output<'expenses.cashList'>['rows']; total: number };
}

