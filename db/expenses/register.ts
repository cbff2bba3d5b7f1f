// The output side of the expenses registers: 费用报销登记簿, 事前申请登记簿, 借支登记簿, 备用金现金日记账
// and the monthly summary by category. Paper order is by number, so a missing entry shows.
import type { RegisterFilter } from '../contract/output';
import {
  ADVANCE_STATE_LABELS,
  APP_STATE_LABELS,
  cashKindLabel,
  CLAIM_STATE_LABELS,
  PAYMENT_METHOD_LABELS,
  expensesRegisterDefs,
  EXP_REGISTER_ADVANCES,
  EXP_REGISTER_APPS,
  EXP_REGISTER_CASH,
  EXP_REGISTER_CLAIMS,
  EXP_REGISTER_MONTHLY,
  EXP_APP_OBJECT,
} from '../contract/expenses';
import { backEnteredOn, shanghaiDate } from '../core/time';
import { CONFIRMATION_MARKS, confirmationMarks } from '../core/approvals';
import type { OutputRow, RegisterImpl } from '../output/registry';
import { cashList, countAdvances, countApps, countClaims, listAdvances, listApps, listClaims, type ClaimFilter } from './queries';
import { monthlySummary } from './summary';

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const filterOf = (f: RegisterFilter): ClaimFilter => ({
  year: f.year,
  from: f.from,
  to: f.to,
  state: f.state,
  q: f.q,
  categoryId: num(f.extra?.categoryId),
  applicantId: num(f.extra?.applicantId),
  department: str(f.extra?.department),
  paymentMethod: str(f.extra?.paymentMethod),
  large: f.extra?.large === true || f.extra?.large === 'true' ? true : undefined,
});
const todayIs = (now: Date) => shanghaiDate(now);

const claims: RegisterImpl = {
  def: expensesRegisterDefs[EXP_REGISTER_CLAIMS],
  count: (db, f) => countClaims(db, filterOf(f)),
  rows: (db, f, limit, offset) =>
    listClaims(db, filterOf(f), 'number', limit, offset).map(
      (k): OutputRow => ({
        number: k.number,
        date: k.claimedOn,
        _keyedOn: backEnteredOn(k.claimedOn, k.createdAt),
        applicant: k.applicantName,
        department: k.department,
        category: k.categoryName,
        purpose: k.purpose,
        application: k.applicationNumber,
        amount: k.totalFen,
        receipts: k.receipts,
        payment: PAYMENT_METHOD_LABELS[k.paymentMethod],
        voucher: k.voucherNo ?? '',
        state: k.reversed ? '已红字冲销' : CLAIM_STATE_LABELS[k.state],
        paidOn: k.paidOn,
        offset: k.offsetFen,
        handlerSign: null,
      }),
    ),
};

const apps: RegisterImpl = {
  def: expensesRegisterDefs[EXP_REGISTER_APPS],
  count: (db, f) => countApps(db, filterOf(f)),
  rows(db, f, limit, offset) {
    const list = listApps(db, filterOf(f), 'number', limit, offset);
    const marks = confirmationMarks(db, EXP_APP_OBJECT, list.map((a) => a.id));
    return list.map(
      (a): OutputRow => ({
        number: a.number,
        date: a.appliedOn,
        _keyedOn: backEnteredOn(a.appliedOn, a.createdAt),
        applicant: a.applicantName,
        department: a.department,
        category: a.categoryName,
        purpose: a.purpose,
        budgetItem: a.budgetItem,
        amount: a.estimatedFen,
        basis: a.basisDoc,
        decision: a.decision ? a.decision.label : a.large ? '（未关联）' : '',
        approvers: marks.get(a.id) ? `${a.approvers}（${CONFIRMATION_MARKS[marks.get(a.id)!]}）` : a.approvers,
        state: APP_STATE_LABELS[a.state],
      }),
    );
  },
};

const advances: RegisterImpl = {
  def: expensesRegisterDefs[EXP_REGISTER_ADVANCES],
  count: (db, f, now) => countAdvances(db, { ...filterOf(f), borrowerId: num(f.extra?.borrowerId), overdue: f.extra?.overdue === true || undefined }, todayIs(now)),
  rows: (db, f, limit, offset, now) =>
    listAdvances(db, { ...filterOf(f), borrowerId: num(f.extra?.borrowerId), overdue: f.extra?.overdue === true || undefined }, 'number', limit, offset, todayIs(now)).map(
      (v): OutputRow => ({
        number: v.number,
        date: v.appliedOn,
        _keyedOn: backEnteredOn(v.appliedOn, v.createdAt),
        borrower: v.borrowerName,
        department: v.department,
        purpose: v.purpose,
        amount: v.amountFen,
        due: v.dueOn,
        settled: v.settledFen,
        outstanding: v.outstandingFen,
        state: `${ADVANCE_STATE_LABELS[v.state]}${v.overdue ? '（逾期）' : ''}`,
        borrowerSign: null,
        _flag: v.overdue,
      }),
    ),
};

const cashFilter = (f: RegisterFilter) => ({ year: f.year, from: f.from, to: f.to, q: f.q, month: str(f.extra?.month) });
const cash: RegisterImpl = {
  def: expensesRegisterDefs[EXP_REGISTER_CASH],
  count: (db, f) => cashList(db, cashFilter(f), 1, 0).total,
  rows: (db, f, limit, offset) =>
    cashList(db, cashFilter(f), limit, offset).rows.map(
      (r): OutputRow => ({
        date: r.entryDate,
        kind: cashKindLabel(r),
        note: r.note,
        ref: r.ref ?? '',
        in: r.inFen || null,
        out: r.outFen || null,
        balance: r.balanceFen,
      }),
    ),
};

const monthly: RegisterImpl = {
  def: expensesRegisterDefs[EXP_REGISTER_MONTHLY],
  count: (db, f, now) => monthlySummary(db, f.year ?? Number(todayIs(now).slice(0, 4))).rows.length + 1,
  rows(db, f, limit, offset, now) {
    const m = monthlySummary(db, f.year ?? Number(todayIs(now).slice(0, 4)));
    // An empty month is a blank cell, as on the paper form, not 0.00.
    const line = (category: string, months: number[], total: number): OutputRow => ({ category, ...Object.fromEntries(months.map((v, i) => [`m${i + 1}`, v || null])), total });
    return [...m.rows.map((r) => line(r.categoryName, r.months, r.totalFen)), line('合计', m.months, m.totalFen)].slice(offset, offset + limit);
  },
};

export const expensesRegisterImpls: Record<string, RegisterImpl<any>> = {
  [EXP_REGISTER_CLAIMS]: claims,
  [EXP_REGISTER_APPS]: apps,
  [EXP_REGISTER_ADVANCES]: advances,
  [EXP_REGISTER_CASH]: cash,
  [EXP_REGISTER_MONTHLY]: monthly,
};
