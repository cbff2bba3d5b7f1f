// Paper approvals wait for the signer (issue 25): a paper approval a clerk records is only the clerk's
// word until the named signer, signed in as themselves, confirms or disputes it. The printed register
// says which; unconfirmed ones older than the configured days are overdue for everyone who keeps watch.
import { describe, expect, it } from 'vitest';
import { STRONG, businessSnapshot, ok, pinnedClock, refused } from '../helpers';
import { addVehicle, apply, fullTrip, office } from './vehicles/fixture';
import * as exp from './expenses/fixture';

const signIn = async (o: Awaited<ReturnType<typeof office>>, login: string) => (await ok(o.core, null, 'accounts.signIn', { login, password: STRONG })).sessionId;

describe('a paper approval recorded by someone else', () => {
  it('waits for its signer: listed for them alone, confirmed only by them, once; the register and the audit trail say so', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const trip = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_086 });
    const [a] = await ok(o.core, o.clerk.session, 'approvals.forObject', { objectType: 'vehicleTrip', objectId: trip.id });
    expect(a).toMatchObject({ mode: 'paper', approverName: '王志强', recordedByName: '李晓梅', paperSignedAt: '2026-03-02T07:30:00.000+08:00', confirmation: 'pending' });
    const printed = async () => {
      const row = (await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2026 } })).rows[0];
      return `${row.approver} ${row.remarks}`;
    };
    expect(await printed()).toBe('王志强 纸质签批待签批人确认');

    // Listed for 王志强, with what it approved; nobody else sees it as theirs.
    const mine = await ok(o.core, o.leader.session, 'approvals.awaitingMe', {});
    expect(mine.rows.map((r) => [r.id, r.subject, r.paperFilingNo, r.overdue])).toEqual([[a.id, `${trip.number} 赴市司法局报送年度法治建设材料（市司法局）`, '纸审-2026-03-02T07:30', false]]);
    expect((await ok(o.core, o.leader2.session, 'approvals.awaitingMe', {})).total).toBe(0);

    // Only the signer answers for it: not another leader, not the clerk who recorded it.
    const before = businessSnapshot(o.core);
    expect((await refused(o.core, o.leader2.session, 'approvals.confirm', { id: a.id, outcome: 'confirmed' })).message).toBe('这条纸质签批的签批人是王志强，只有本人可以确认或提出异议');
    expect((await refused(o.core, o.clerk.session, 'approvals.confirm', { id: a.id, outcome: 'confirmed' })).message).toBe('这条纸质签批的签批人是王志强，只有本人可以确认或提出异议');
    expect(businessSnapshot(o.core)).toBe(before);
    // The database holds the same line, whatever route writes.
    expect(() => o.core.state.db.prepare("INSERT INTO approval_confirmations (approval_id, outcome, by_id, at) VALUES (?, 'confirmed', ?, '2026-03-03T09:00:00.000+08:00')").run(a.id, o.clerk.id)).toThrow('只有纸质签批上署名的签批人本人');

    // The queue empties only by the signer's answer.
    expect(() => o.core.state.db.prepare('DELETE FROM approval_awaiting').run()).toThrow('须由签批人本人确认或提出异议');
    const done = await ok(o.core, o.leader.session, 'approvals.confirm', { id: a.id, outcome: 'confirmed' });
    expect(done).toMatchObject({ confirmation: 'confirmed', overdue: false });
    expect(await printed()).toBe('王志强 纸质签批经签批人确认');
    expect((await ok(o.core, o.leader.session, 'approvals.awaitingMe', {})).total).toBe(0);
    expect((await refused(o.core, o.leader.session, 'approvals.confirm', { id: a.id, outcome: 'disputed', note: '改主意' })).message).toMatch(/^这条纸质签批已于 .* 确认，不能再改$/);
    const trail = await ok(o.core, o.auditor.session, 'audit.forObject', { objectType: 'vehicleTrip', objectId: String(trip.id) });
    expect(trail.map((r) => r.message)).toContain(`签批人确认纸质签批：${trip.number} 赴市司法局报送年度法治建设材料（市司法局）（审批，纸质审批单 纸审-2026-03-02T07:30，签批于 2026-03-02 07:30），由李晓梅录入`);
    o.core.close();
  });

  it('a dispute needs a reason, is audited and marks the printed register; a co-signature has nothing to confirm', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t1 = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_086 });
    const [a] = await ok(o.core, o.clerk.session, 'approvals.forObject', { objectType: 'vehicleTrip', objectId: t1.id });
    expect(await refused(o.core, o.leader.session, 'approvals.confirm', { id: a.id, outcome: 'disputed' })).toMatchObject({ field: 'note', message: '说明：提出异议须写明理由' });
    await ok(o.core, o.leader.session, 'approvals.confirm', { id: a.id, outcome: 'disputed', note: '当天我在省厅开会，没有签过这张派车单' });
    const rows = (await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2026 } })).rows;
    expect(rows[0]).toMatchObject({ approver: '王志强', remarks: '签批人对纸质签批有异议', _flag: true });
    const [again] = await ok(o.core, o.auditor.session, 'approvals.forObject', { objectType: 'vehicleTrip', objectId: t1.id });
    expect(again).toMatchObject({ confirmation: 'disputed', confirmNote: '当天我在省厅开会，没有签过这张派车单' });
    const trail = await ok(o.core, o.auditor.session, 'audit.forObject', { objectType: 'vehicleTrip', objectId: String(t1.id) });
    const dispute = trail.find((r) => r.message.startsWith('签批人对纸质签批提出异议'));
    expect(dispute?.message).toContain('理由：当天我在省厅开会，没有签过这张派车单');

    // A co-signature was given here, in person: nothing to confirm.
    const t3 = await apply(o, '2026-04-03T09:00', '2026-04-03T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t3.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: 'leader1', password: STRONG } });
    const [own] = await ok(o.core, o.clerk.session, 'approvals.forObject', { objectType: 'vehicleTrip', objectId: t3.id });
    expect(own).toMatchObject({ mode: 'cosign', confirmation: null });
    o.core.close();
  });

  it('a paper approval recorded before confirmation existed never waits: nothing to confirm, nothing overdue', async () => {
    const o = await office();
    const t = await apply(o, '2026-04-02T09:00', '2026-04-02T12:00');
    // As the version before wrote it: no queue entry, no subject.
    const id = Number(
      o.core.state.db
        .prepare("INSERT INTO approvals (object_type, object_id, step, decision, mode, approver_id, recorded_by_id, decided_at, paper_signed_at, paper_filing_no) VALUES ('vehicleTrip', ?, '审批', 'approved', 'paper', ?, ?, '2026-03-01T09:00:00.000+08:00', '2026-03-01T08:00:00.000+08:00', '旧-001')")
        .run(t.id, o.leader.id, o.clerk.id).lastInsertRowid,
    );
    const [a] = await ok(o.core, o.clerk.session, 'approvals.forObject', { objectType: 'vehicleTrip', objectId: t.id });
    expect(a).toMatchObject({ id, confirmation: null });
    expect((await ok(o.core, o.leader.session, 'approvals.awaitingMe', {})).total).toBe(0);
    expect(await ok(o.core, o.auditor.session, 'approvals.unconfirmed', {})).toMatchObject({ total: 0, overdue: 0 });
    expect((await refused(o.core, o.leader.session, 'approvals.confirm', { id, outcome: 'confirmed' })).message).toBe('这条纸质签批录入于“本人确认”启用之前，不在待确认之列');
    o.core.close();
  });

  it('unconfirmed longer than the configured days is overdue, for the signer and in the auditor’s view', async () => {
    const clock = pinnedClock('2026-03-02T10:00:00+08:00');
    const o = await office({ clock });
    const car = await addVehicle(o);
    const t = await fullTrip(o, { from: '2026-03-02T08:00', to: '2026-03-02T09:30', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_040 });
    void t;
    const view = async () => ok(o.core, await signIn(o, 'auditor1'), 'approvals.unconfirmed', {});
    expect(await view()).toMatchObject({ total: 1, overdue: 0, days: 3 });
    clock.tick(3 * 86_400_000 + 60_000);
    const late = await view();
    expect(late).toMatchObject({ total: 1, overdue: 1 });
    expect(late.rows[0]).toMatchObject({ approverName: '王志强', overdue: true });
    expect((await ok(o.core, await signIn(o, 'leader1'), 'approvals.awaitingMe', {})).rows[0].overdue).toBe(true);
    // The administrator can give more time.
    const admin = await signIn(o, 'admin');
    const s = await ok(o.core, admin, 'settings.get', {});
    await ok(o.core, admin, 'settings.update', { ...s, paperConfirmDays: 7 });
    expect(await view()).toMatchObject({ total: 1, overdue: 0, days: 7 });
    o.core.close();
  });
});

describe('every printed register with an approver', () => {
  it('the 事前申请登记簿 says whether the signer confirmed the paper approval', async () => {
    const o = await exp.office();
    const a = await exp.apply(o);
    const signedAt = new Date(Date.now() + 8 * 3600_000 - 60_000).toISOString().slice(0, 16);
    await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: { mode: 'paper', decision: 'approved', comment: '同意', signerId: o.leader.id, signedAt: `${signedAt}:00+08:00`, filingNo: '纸审-E1' } });
    const printed = async () => (await ok(o.core, o.s, 'output.rows', { register: 'expenses.applications', filter: {} })).rows.find((r) => r.number === a.number)!.approvers;
    expect(await printed()).toBe('何平（纸质签批待签批人确认）');
    const [mine] = (await ok(o.core, o.leader.session, 'approvals.awaitingMe', {})).rows;
    await ok(o.core, o.leader.session, 'approvals.confirm', { id: mine.id, outcome: 'confirmed' });
    expect(await printed()).toBe('何平（纸质签批经签批人确认）');
    o.core.close();
  });
});
