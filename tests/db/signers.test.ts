// The signer holds the role on the act's day (issue 25): the account's history (user_standing) is kept
// by the database for every route, and a paper signature is judged by the standing of its own day —
// a role granted after that day, or an account closed before it, does not count.
import { describe, expect, it } from 'vitest';
import { STRONG, addUser, businessSnapshot, makeCore, ok, pinnedClock, refused, setupAdmin } from '../helpers';

const DAY = 86_400_000;

async function office() {
  const clock = pinnedClock('2026-03-02T09:00:00+08:00');
  const core = makeCore(undefined, { clock });
  let admin = await setupAdmin(core);
  const clerk = await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
  const newLead = await addUser(core, admin, 'newlead', ['clerk'], '刘新');
  const oldLead = await addUser(core, admin, 'oldlead', ['approver'], '王志强');
  const staff = await addUser(core, admin, 'staff1', ['clerk'], '赵敏');
  const apply = async (session: string) =>
    ok(core, session, 'vehicles.apply', {
      applicantId: staff.id,
      reason: '赴市司法局报送材料',
      destination: '市司法局',
      plannedOut: '2026-04-01T09:00:00+08:00',
      plannedReturn: '2026-04-01T12:00:00+08:00',
    });
  const tripA = await apply(clerk.session);
  const tripB = await apply(clerk.session);
  const tripC = await apply(clerk.session);
  // Ten days later: 刘新 becomes an 审批人, 王志强 hands over and his account is closed.
  clock.tick(10 * DAY);
  admin = (await ok(core, null, 'accounts.signIn', { login: 'admin', password: STRONG })).sessionId;
  await ok(core, admin, 'accounts.update', { id: newLead.id, name: '刘新', department: '局领导', post: '副局长', roles: ['approver'] });
  await ok(core, admin, 'accounts.setActive', { id: oldLead.id, active: false });
  clock.tick(2 * DAY);
  const c = (await ok(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
  const paper = (signerId: number, day: string) => ({ mode: 'paper' as const, decision: 'approved' as const, comment: '同意', signerId, signedAt: `${day}T08:30:00+08:00`, filingNo: `纸-${day}` });
  return { core, c, newLead, oldLead, tripA, tripB, tripC, paper };
}

describe('a signer as they stood on the day they signed', () => {
  it('refuses a paper signature dated before the signer became an 审批人, and one after their account was closed; accepts each on its own day', async () => {
    const o = await office();
    const before = businessSnapshot(o.core);
    const early = await refused(o.core, o.c, 'vehicles.approve', { id: o.tripA.id, approval: o.paper(o.newLead.id, '2026-03-05') });
    expect(early).toMatchObject({ field: 'approval.signerId', message: '刘新在 2026-03-05 还不是“审批人”（角色以当日为准），不能签批该日的事项。' });
    const late = await refused(o.core, o.c, 'vehicles.approve', { id: o.tripB.id, approval: o.paper(o.oldLead.id, '2026-03-13') });
    expect(late).toMatchObject({ field: 'approval.signerId', message: '王志强的账号已停用，不能审批。' });
    expect(businessSnapshot(o.core)).toBe(before);
    // Each on a day they stood as signers: 王志强 before he handed over, 刘新 after he took over.
    await ok(o.core, o.c, 'vehicles.approve', { id: o.tripA.id, approval: o.paper(o.oldLead.id, '2026-03-05') });
    await ok(o.core, o.c, 'vehicles.approve', { id: o.tripB.id, approval: o.paper(o.newLead.id, '2026-03-13') });
    o.core.close();
  });

  it('keeps every change of an account in its history, which nobody can rewrite', async () => {
    const o = await office();
    const db = o.core.state.db;
    const rows = db.prepare('SELECT roles, department, active, since FROM user_standing WHERE user_id = ? ORDER BY id').all(o.newLead.id) as { roles: string; department: string; active: number; since: string }[];
    expect(rows.map((r) => [JSON.parse(r.roles), r.department, r.since.slice(0, 10)])).toEqual([
      [['clerk'], '办公室', '2026-03-02'],
      [['approver'], '局领导', '2026-03-12'],
    ]);
    expect(db.prepare('SELECT active FROM user_standing WHERE user_id = ? ORDER BY id').pluck().all(o.oldLead.id)).toEqual([1, 0]);
    expect(() => db.prepare("UPDATE user_standing SET roles = '[\"approver\"]' WHERE user_id = ?").run(o.newLead.id)).toThrow('账号的角色历史不可修改');
    expect(() => db.prepare('DELETE FROM user_standing WHERE user_id = ?').run(o.newLead.id)).toThrow('账号的角色历史不可删除');
    o.core.close();
  });
});
