// The expenses demo goes through the core's own methods: two years of reimbursements with scans and
// signature chains, advances settled, a petty-cash journal that balances and is counted monthly.
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/core/audit';
import { seedDemo } from '../../../db/demo/seed';
import { makeCore, ok } from '../../helpers';

describe('seedExpenses', () => {
  it('small: paid reimbursements with receipts, settled advances, a counted cash journal, open work for the home page', async () => {
    const core = makeCore();
    const password = 'Demo!Pass2025';
    const lines: string[] = [];
    await seedDemo(core, { scale: 'small', password, log: (l) => lines.push(l) });
    const s = (await ok(core, null, 'accounts.signIn', { login: 'demo-clerk', password })).sessionId;
    const all = await ok(core, s, 'expenses.list', { pageSize: 500 });
    expect(all.total).toBeGreaterThan(30);
    const paid = all.rows.filter((k) => k.state === 'paid');
    expect(paid.length).toBeGreaterThan(25);
    expect(paid.every((k) => k.receipts >= 1 && k.voucherNo)).toBe(true);
    const att = await ok(core, s, 'expenses.attention', {});
    expect(att).toMatchObject({ signing: 1, awaitingPayment: 1 });
    expect(att.pendingApps).toBeGreaterThanOrEqual(1);
    expect(att.cashBalanceFen).toBeGreaterThanOrEqual(0);
    // The journal balances line by line and every past month with movements was counted.
    const journal = await ok(core, s, 'expenses.cashList', { pageSize: 500 });
    let bal = 0;
    for (const r of journal.rows) {
      bal += r.inFen - r.outFen;
      expect(r.balanceFen).toBe(bal);
    }
    const status = await ok(core, s, 'expenses.cashStatus', {});
    expect(status.counts.length).toBeGreaterThan(6);
    expect(status.counts.every((c) => c.differenceFen === 0)).toBe(true);
    const advances = await ok(core, s, 'expenses.advanceList', { pageSize: 100 });
    expect(advances.rows.some((v) => v.state === 'settled')).toBe(true);
    expect(verifyChain(core.state.db, 'now').ok).toBe(true);
    console.log(lines.filter((l) => l.includes('费用')).join(' / '));
    core.close();
  });
});
