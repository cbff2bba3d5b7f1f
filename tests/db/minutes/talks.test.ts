// 廉政谈话 records and the yearly coverage of staff.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { LAST_YEAR, THIS_YEAR, TODAY, bureau, talk } from './fixture';


describe('廉政谈话', () => {
  it('records a talk in the 廉政谈话 book and finalises it', async () => {
    const b = await bureau();
    const t = await ok(b.core, b.clerk.session, 'minutes.talkCreate', talk(b));
    expect(t).toMatchObject({ typeName: '廉政谈话', kind: 'talk', label: `${THIS_YEAR}年第1次`, talkKind: 'preappointment', hostName: '王志强', summary: talk(b).content });
    expect(t.persons).toEqual([{ userId: b.presenter.id, name: '赵敏', post: '法律援助中心主任' }]);
    expect(t.titles).toBe('赵敏');
    const f = await ok(b.core, b.clerk.session, 'minutes.finalise', { id: t.id });
    expect(f.state).toBe('finalised');
    expect((await refused(b.core, b.clerk.session, 'minutes.talkUpdate', { ...talk(b), id: t.id })).message).toContain('已定稿');
    b.core.close();
  });

  it('refuses the speaker as a person talked to, several persons in a non-collective talk, no person, and a talk filed as a meeting', async () => {
    const b = await bureau();
    const before = businessSnapshot(b.core);
    expect(await refused(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { persons: [{ userId: b.secretary.id, name: '王志强' }] }))).toMatchObject({ field: 'persons.0.name' });
    expect(await refused(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { persons: [{ name: '甲' }, { name: '乙' }] }))).toMatchObject({ field: 'persons' });
    expect(await refused(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { persons: [] }))).toMatchObject({ field: 'persons' });
    expect(await refused(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { content: '' }))).toMatchObject({ field: 'content' });
    expect(await refused(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { talkKind: 'friendly' as never }))).toMatchObject({ field: 'talkKind' });
    expect(await refused(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { typeId: b.party.id }))).toMatchObject({ field: 'typeId' });
    expect(businessSnapshot(b.core)).toBe(before);
    const t = await ok(b.core, b.clerk.session, 'minutes.talkCreate', talk(b));
    expect((await refused(b.core, b.clerk.session, 'minutes.update', { id: t.id, date: TODAY, startTime: '09:00', endTime: '10:00', place: 'x', host: { name: 'x' }, recorder: { name: 'y' } })).message).toContain('谈话记录');
    b.core.close();
  });

  it('shows who has not had a talk this year (roster: the 廉政谈话 members, else every active account)', async () => {
    const b = await bureau();
    let cov = await ok(b.core, b.auditor.session, 'minutes.talkCoverage', {});
    expect(cov.rosterSource).toBe('accounts');
    const accounts = cov.total;
    expect(cov.covered).toBe(0);
    await ok(b.core, b.clerk.session, 'minutes.typeSave', {
      id: b.integrity.id,
      name: '廉政谈话',
      kind: 'talk',
      retention: '30年',
      members: [
        { userId: b.presenter.id, name: '赵敏' },
        { userId: b.clerk2.id, name: '刘洋' },
        { name: '郑华', post: '驾驶员' },
      ],
    });
    await ok(b.core, b.clerk.session, 'minutes.talkCreate', talk(b));
    await ok(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { talkKind: 'collective', persons: [{ name: '郑华' }, { name: '外单位人员' }] }));
    await ok(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { date: `${LAST_YEAR}-06-01`, persons: [{ userId: b.clerk2.id, name: '刘洋' }] }));
    const voided = await ok(b.core, b.clerk.session, 'minutes.talkCreate', talk(b, { persons: [{ userId: b.clerk2.id, name: '刘洋' }] }));
    await ok(b.core, b.clerk.session, 'minutes.void', { id: voided.id, reason: '登记错误' });
    cov = await ok(b.core, b.auditor.session, 'minutes.talkCoverage', { year: THIS_YEAR });
    expect(cov).toMatchObject({ rosterSource: 'members', total: 3, covered: 2 });
    expect(cov.rows.filter((r) => r.talks === 0).map((r) => r.name)).toEqual(['刘洋']);
    expect(cov.total).toBeLessThan(accounts);
    const last = await ok(b.core, b.auditor.session, 'minutes.talkCoverage', { year: LAST_YEAR });
    expect(last.rows.filter((r) => r.talks > 0).map((r) => r.name)).toEqual(['刘洋']);
    expect((await ok(b.core, b.clerk.session, 'minutes.dashboard', {})).talks).toEqual({ total: 3, covered: 2 });
    b.core.close();
  });
});
