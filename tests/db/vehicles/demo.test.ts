// The demo data goes through the real methods, so every rule holds for it too.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/demo/seed';
import { seedVehicles } from '../../../db/demo/vehicles';
import { makeCore, ok } from '../../helpers';

describe('seedVehicles', () => {
  it('creates a small fleet, a year and more of trips, and what the office is doing today', async () => {
    const core = makeCore();
    const password = 'Demo!Pass2026';
    const { sessionId: admin } = await seedDemo(core, { scale: 'small', password });
    const clerk = (await ok(core, null, 'accounts.signIn', { login: 'demo-clerk', password })).sessionId;
    const lines: string[] = [];
    await seedVehicles(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    const db = core.state.db;
    const states = Object.fromEntries((db.prepare('SELECT state, count(*) AS n FROM vehicle_trips GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));
    // Every ninth working day since 6 January last year: at least a year of them, even on 1 January.
    expect(states.returned).toBeGreaterThanOrEqual(25);
    expect(states).toMatchObject({ out: 1, dispatched: 1, approved: 1, pending: 2, rejected: 1, voided: 1 });
    expect((await ok(core, clerk, 'vehicles.vehicleList', {})).total).toBe(4);
    const dash = await ok(core, clerk, 'vehicles.dashboard', {});
    expect(dash.expiring.length).toBeGreaterThanOrEqual(2);
    // Odometers are continuous except where a gap was recorded with its reason.
    const gaps = db.prepare("SELECT count(*) AS n FROM vehicle_trips WHERE out_odometer <> expected_odometer AND (gap = 0 OR gap_reason = '')").get() as { n: number };
    expect(gaps.n).toBe(0);
    // A second run leaves the data alone.
    await seedVehicles(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    expect(lines.at(-1)).toContain('跳过');
    core.close();
  }, 60_000);
});
