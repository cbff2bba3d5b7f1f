// Issue 27: the path from a mistake in a paid reimbursement to a correct record — 红字冲销. The paid
// claim stays as paid and printed; the reversal names it, gives cash back to the fund, re-opens the
// advance it had settled, releases its invoices, frees its application for the corrected claim, and
// counts in red in the month it was made.
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { acceptedApp, cat, invoiceNo, office, receipts, refusedCleanly, signAll, TODAY } from './fixture';

const line = (key: string, amountFen: number) => ({ invoiceNo: invoiceNo(key), invoiceDate: TODAY, description: '住宿费', amountFen });

describe('红字冲销 of a paid claim', () => {
  it('a claim paid in cash: the money goes back to the fund, the invoice and the application are free for the corrected claim', async () => {
    const o = await office();
    await ok(o.core, o.s, 'expenses.cashEntry', { kind: 'opening', amountFen: 300_000, note: '备用金期初' });
    const a = await acceptedApp(o, { estimatedFen: 100_000 });
    // 600.00 typed as 6,000.00 would be over the application; 680.00 for 600.00 is the typo that passes.
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'cash', lines: [line('R-1', 68_000)] });
    await receipts(o, k.id, 1);
    await signAll(o, k.id);
    await ok(o.core, o.s, 'expenses.pay', { id: k.id, voucherNo: '记-2026-031' });
    expect((await ok(o.core, o.s, 'expenses.cashStatus', {})).balanceFen).toBe(232_000);

    // Not by voiding; not twice; not before it was paid; a reason and a red voucher number are required.
    expect((await refusedCleanly(o, 'expenses.claimVoid', { id: k.id, reason: '金额录错' }, 'id')).message).toContain('红字冲销');
    expect((await refusedCleanly(o, 'expenses.claimReverse', { id: k.id, voucherNo: '记-2026-040', reason: '' }, 'reason')).message).toBe('请填写冲销原因');
    expect((await refusedCleanly(o, 'expenses.claimReverse', { id: k.id, voucherNo: '记-2026-040', reason: '金额录错', reversedOn: '2000-01-01' }, 'reversedOn')).message).toContain('不能早于支付日期');

    const r = await ok(o.core, o.s, 'expenses.claimReverse', { id: k.id, voucherNo: '记-2026-040', reason: '发票金额 600.00 元误录为 680.00 元' });
    expect(r).toMatchObject({ state: 'paid', reversed: true, reversal: { on: TODAY, voucherNo: '记-2026-040', cashBackFen: 68_000, advanceReopenedFen: 0, byName: '李晓梅' } });
    expect((await ok(o.core, o.s, 'expenses.cashStatus', {})).balanceFen).toBe(300_000);
    const journal = await ok(o.core, o.s, 'output.rows', { register: 'expenses.pettyCash', filter: {} });
    expect(journal.rows.at(-1)).toMatchObject({ kind: '红字冲销退回', in: 68_000 });
    await refusedCleanly(o, 'expenses.claimReverse', { id: k.id, voucherNo: '记-2026-041', reason: '再次冲销' }, 'id');

    // The corrected claim: same invoice, same application.
    const fixed = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'cash', lines: [line('R-1', 60_000)] });
    expect(fixed.totalFen).toBe(60_000);
    // The month's summary counts the paid claim and its reversal in red: only the corrected amount would remain once paid.
    const monthly = await ok(o.core, o.s, 'expenses.monthly', { year: Number(TODAY.slice(0, 4)) });
    expect(monthly.totalFen).toBe(0);
    const register = await ok(o.core, o.s, 'output.rows', { register: 'expenses.claims', filter: {} });
    expect(register.rows.find((x) => x.number === k.number)).toMatchObject({ state: '已红字冲销' });
    o.core.close();
  });

  it('a claim that settled an advance: the advance is outstanding again by the amount it had settled', async () => {
    const o = await office();
    await ok(o.core, o.s, 'expenses.cashEntry', { kind: 'opening', amountFen: 300_000, note: '备用金期初' });
    const v = await ok(o.core, o.s, 'expenses.advance', { borrowerId: o.presenter.id, purpose: '赴市局参加培训差旅借款', amountFen: 200_000, paymentMethod: 'cash' });
    await ok(o.core, o.s, 'expenses.advanceApprove', { id: v.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: 'lead', password: 'Str0ng!Pass' } });
    await ok(o.core, o.s, 'expenses.advancePay', { id: v.id });
    const a = await acceptedApp(o, { categoryId: await cat(o, '差旅费'), purpose: '赴市局参加培训', estimatedFen: 250_000 });
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, advanceId: v.id, paymentMethod: 'cash', lines: [line('T-9', 230_000)] });
    await receipts(o, k.id, 1);
    await signAll(o, k.id);
    const paid = await ok(o.core, o.s, 'expenses.pay', { id: k.id, voucherNo: '记-9' });
    expect(paid.offsetFen).toBe(200_000);
    expect((await ok(o.core, o.s, 'expenses.advanceGet', { id: v.id })).state).toBe('settled');
    // 300,000 − 200,000 advanced − 30,000 paid out over the advance.
    expect((await ok(o.core, o.s, 'expenses.cashStatus', {})).balanceFen).toBe(70_000);

    const r = await ok(o.core, o.s, 'expenses.claimReverse', { id: k.id, voucherNo: '记-12', reason: '住宿天数录错' });
    expect(r.reversal).toMatchObject({ cashBackFen: 30_000, advanceReopenedFen: 200_000 });
    const reopened = await ok(o.core, o.s, 'expenses.advanceGet', { id: v.id });
    expect(reopened).toMatchObject({ state: 'outstanding', outstandingFen: 200_000 });
    // The advance's own record shows why: the offset and, in red, its re-opening.
    expect(reopened.settlements.map((s) => [s.kind, s.amountFen, s.claimNumber])).toEqual([
      ['claim', 200_000, k.number],
      ['reversal', -200_000, k.number],
    ]);
    expect((await ok(o.core, o.s, 'expenses.cashStatus', {})).balanceFen).toBe(100_000);
    o.core.close();
  });

  it('the database keeps a reversal as written and refuses one for a claim that was not paid', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('U-1', 1_000)] });
    const db = o.core.state.db;
    expect(() => db.prepare("INSERT INTO expense_claim_reversals (claim_id, reversed_on, voucher_no, reason, recorded_by_id, created_at) VALUES (?, '2026-01-01', '记-1', '测试', 1, 'x')").run(k.id)).toThrow(/只有已支付/);
    expect((await refusedCleanly(o, 'expenses.claimReverse', { id: k.id, voucherNo: '记-1', reason: '测试冲销' }, 'id')).message).toContain('未支付的请作废');
    o.core.close();
  });
});
