// The demo seed and the bench's generators go through the live rules, and generate only what those
// rules accept, whatever the hour (issue 23): a rule change that refuses what they make fails here,
// not half an hour into `npm run bench` on a fresh clone.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/demo/seed';
import { cleanup, makeCore, ok, pinnedClock } from '../helpers';

const password = 'Demo!Pass2025';

/** Seed at one instant (the clock stands still, so the seed's "today" is that day throughout). */
async function seedAt(at: string, scale: 'small' | 'bench', size?: number) {
  const core = makeCore(undefined, { clock: pinnedClock(at) });
  const lines: string[] = [];
  try {
    await seedDemo(core, { scale, size, password, log: (l) => lines.push(l) });
    const s = (await ok(core, null, 'accounts.signIn', { login: 'demo-auditor', password })).sessionId;
    const verified = await ok(core, s, 'audit.verify', {});
    return { lines, verified, core, s };
  } catch (e) {
    core.close();
    cleanup(core.state.dataDir);
    throw new Error(`seeding ${scale}${size ? ` ×${size}` : ''} at ${at} failed: ${(e as Error).message}\n${lines.slice(-5).join('\n')}`);
  }
}

describe('the demo seed at any hour', () => {
  // 00:30 on New Year's Day (a holiday; the UTC date is still last year's), 07:59 on a working
  // Tuesday, 23:59 on New Year's Eve, a Saturday night, and half a minute past midnight (where "a
  // minute ago" is yesterday: a paper signature given just now must not fall before today's items).
  for (const at of ['2027-01-01T00:30:00+08:00', '2026-03-10T07:59:00+08:00', '2026-12-31T23:59:00+08:00', '2026-12-05T21:30:00+08:00', '2026-12-08T00:00:30+08:00']) {
    it(`small, at ${at}`, async () => {
      const { verified, core, s } = await seedAt(at, 'small');
      expect(verified).toMatchObject({ ok: true });
      // Everything dated by the seed lies on or before the seed's Shanghai day.
      const year = Number(at.slice(0, 4));
      const uses = await ok(core, s, 'seals.list', { year });
      expect(uses.rows.every((r) => r.date <= at.slice(0, 10))).toBe(true);
      core.close();
      cleanup(core.state.dataDir);
    });
  }
});

describe("the bench's generators, at a small size", () => {
  for (const at of ['2027-01-01T00:30:00+08:00', '2026-06-15T23:59:00+08:00']) {
    it(`ten years of every register at 1 % of the bench's counts, at ${at}`, async () => {
      const { verified, lines, core, s } = await seedAt(at, 'bench', 0.01);
      expect(verified).toMatchObject({ ok: true });
      const year = Number(at.slice(0, 4));
      // Ten years of entries: the first year and this one both hold some.
      for (const y of [year - 9, year]) expect((await ok(core, s, 'seals.list', { year: y })).total, `${y}`).toBeGreaterThan(0);
      expect(lines.some((l) => l.startsWith('备用金与费用报销：完成'))).toBe(true);
      core.close();
      cleanup(core.state.dataDir);
    }, 300_000);
  }
});
