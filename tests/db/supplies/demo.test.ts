// The demo seed goes through the core's own methods and leaves both registers in a realistic state.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/demo/seed';
import { seedSupplies } from '../../../db/demo/supplies';
import { makeCore, ok } from '../../helpers';

describe('seedSupplies', () => {
  it('small: two years of purchases, requisitions, stocktakes and asset cards, with something for the home tiles', async () => {
    const core = makeCore();
    const password = 'Demo!Pass2025';
    const { sessionId: admin } = await seedDemo(core, { scale: 'small', password });
    const clerk = (await ok(core, null, 'accounts.signIn', { login: 'demo-clerk', password })).sessionId;
    const lines: string[] = [];
    const t0 = Date.now();
    await seedSupplies(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    const ms = Date.now() - t0;
    const y = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const moves = await ok(core, clerk, 'supplies.list', {});
    expect(moves.total).toBeGreaterThan(60);
    expect((await ok(core, clerk, 'supplies.list', { year: y - 1 })).total).toBeGreaterThan(30);
    expect((await ok(core, clerk, 'supplies.requisitionList', {})).total).toBeGreaterThan(30);
    expect((await ok(core, clerk, 'supplies.stocktakeList', { state: 'confirmed' })).total).toBe(1);
    const att = await ok(core, clerk, 'supplies.attention', {});
    expect(att).toMatchObject({ pendingApproval: 1, awaitingIssue: 1, openStocktakes: 1 });
    const cards = await ok(core, clerk, 'assets.list', {});
    expect(cards.total).toBe(24);
    const aa = await ok(core, clerk, 'assets.attention', {});
    expect(aa.pendingDisposals).toBe(1);
    expect(aa.awaitingExecution).toBe(1);
    expect(aa.openChecks).toBe(1);
    // Every stock balance equals its ledger.
    const led = await ok(core, clerk, 'supplies.ledger', { from: `${y - 1}-01-01`, to: `${y}-12-31`, pageSize: 500 });
    for (const r of led.rows) expect(r.closeQty).toBeGreaterThanOrEqual(0);
    expect((await ok(core, admin, 'audit.verify', {})).ok).toBe(true);
    // Seeding again does not duplicate.
    await seedSupplies(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    expect((await ok(core, clerk, 'assets.list', {})).total).toBe(24);
    console.log(`seedSupplies small: ${ms} ms`, lines.join(' / '));
    core.close();
  }, 120_000);
});
