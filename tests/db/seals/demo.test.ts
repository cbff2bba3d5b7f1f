// The demo seed goes through the core's own methods and leaves the register in a realistic state.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/demo/seed';
import { seedSeals } from '../../../db/demo/seals';
import { makeCore, ok } from '../../helpers';

describe('seedSeals', () => {
  it('small: seals with custodians, two years of uses, and something for the home tile', async () => {
    const core = makeCore();
    const password = 'Demo!Pass2025';
    const { sessionId: admin } = await seedDemo(core, { scale: 'small', password });
    const clerk = (await ok(core, null, 'accounts.signIn', { login: 'demo-clerk', password })).sessionId;
    const lines: string[] = [];
    const t0 = Date.now();
    await seedSeals(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    const ms = Date.now() - t0;
    const cat = await ok(core, clerk, 'seals.catalogueList', {});
    expect(cat.total).toBe(7);
    expect(cat.rows.filter((s) => s.usable)).toHaveLength(5);
    const y = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const thisYear = await ok(core, clerk, 'seals.list', { year: y });
    const lastYear = await ok(core, clerk, 'seals.list', { year: y - 1 });
    expect(thisYear.total + lastYear.total).toBeGreaterThan(30);
    expect(lastYear.total).toBeGreaterThan(10);
    const att = await ok(core, clerk, 'seals.attention', {});
    expect(att).toMatchObject({ pending: 3, awaitingStamp: 1, overdue: 1, emergencyPending: 1 });
    const stats = await ok(core, clerk, 'seals.stats', { year: y - 1 });
    expect(stats.total).toBeGreaterThan(5);
    // Seeding again does not duplicate.
    await seedSeals(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    expect((await ok(core, clerk, 'seals.catalogueList', {})).total).toBe(7);
    console.log(`seedSeals small: ${ms} ms`, lines.join(' / '));
    core.close();
  });
});
