// The demo seed goes through the core's own methods, so every rule applies to it; it must keep working.
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/demo/seed';
import { seedMinutes } from '../../../db/demo/minutes';
import { makeCore, ok } from '../../helpers';
import { THIS_YEAR } from './fixture';

describe('demo data', () => {
  it('seeds books, reviewed agenda items, decided 三重一大, talks, a flagged record, a draft, a voided record and an amendment', async () => {
    const core = makeCore();
    const password = 'Demo!Pass123';
    const { sessionId: admin } = await seedDemo(core, { scale: 'small', password });
    const clerk = (await ok(core, null, 'accounts.signIn', { login: 'demo-clerk', password })).sessionId;
    const lines: string[] = [];
    await seedMinutes(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    const d = await ok(core, clerk, 'minutes.dashboard', {});
    expect(d.books.find((b) => b.typeName === '理论学习中心组学习')).toMatchObject({ held: 7, planned: 10 });
    expect(d.major.decided).toBeGreaterThan(0);
    expect(d.major.flaggedMeetings).toBe(1);
    expect(d.agenda).toMatchObject({ leader: 1, office: 1, secretary: 1, returned: 1, approved: 1 });
    expect(d.drafts).toBe(1);
    expect((await ok(core, clerk, 'minutes.list', { state: 'voided' })).total).toBe(1);
    expect((await ok(core, clerk, 'minutes.list', { year: THIS_YEAR - 1 })).total).toBeGreaterThan(20);
    const withAmendment = (await ok(core, clerk, 'minutes.list', { pageSize: 500 })).rows.filter((r) => r.amendmentCount > 0);
    expect(withAmendment).toHaveLength(1);
    // running it again adds nothing
    await seedMinutes(core, { admin, clerk, leaderLogin: 'demo-leader', password }, 'small', (l) => lines.push(l));
    expect(lines.at(-1)).toContain('跳过');
    core.close();
  }, 60_000);
});
