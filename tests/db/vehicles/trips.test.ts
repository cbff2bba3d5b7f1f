// The trip register: 申请 → 审批 → 派车 → 出车 → 回车, and every rule that guards it.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { STRONG, addVehicle, apply, at, fullTrip, office, paper } from './fixture';

describe('a trip from application to return', () => {
  it('walks the paper process, numbered per year, audited at every step', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T17:00');
    expect(t).toMatchObject({ number: '派车〔2026〕第0001号', state: 'pending', applicantName: '赵敏', department: '办公室', offDay: false });
    const a = await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T08:00') });
    expect(a).toMatchObject({ state: 'approved', approverName: '王志强', approvedAt: '2026-03-02T08:00:00.000+08:00' });
    const d = await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    expect(d).toMatchObject({ state: 'dispatched', plate: '湘B12345', driverName: '张师傅', dispatchedByName: '李晓梅' });
    const out = await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T09:05'), outOdometer: 10_000 });
    expect(out).toMatchObject({ state: 'out', outOdometer: 10_000, expectedOdometer: 10_000, gap: false });
    const back = await ok(o.core, o.clerk.session, 'vehicles.return', {
      id: t.id,
      returnAt: at('2026-03-02T16:40'),
      returnOdometer: 10_086,
      costs: [
        { costType: '路桥费', amount: 3_500, content: '长潭高速' },
        { costType: '停车费', amount: 1_000 },
      ],
      fuel: { litres: 30.5, amount: 24_400, place: '中石化芙蓉路站' },
      remarks: '',
    });
    expect(back).toMatchObject({ state: 'returned', distance: 86, flagged: false, costTotal: 3_500 + 1_000 + 24_400 });
    const second = await apply(o, '2026-03-03T09:00', '2026-03-03T12:00');
    expect(second.number).toBe('派车〔2026〕第0002号');
    const next = await apply(o, '2027-01-05T09:00', '2027-01-05T12:00', { appliedOn: '2026-11-01' });
    expect(next.number).toBe('派车〔2027〕第0001号');

    const got = await ok(o.core, o.auditor.session, 'vehicles.get', { id: t.id });
    expect(got.logs.map((l) => [l.kind, l.costType, l.amount, l.litres])).toEqual([
      ['cost', '路桥费', 3_500, null],
      ['cost', '停车费', 1_000, null],
      ['fuel', '', 24_400, 30.5],
    ]);
    const approvals = await ok(o.core, o.auditor.session, 'approvals.forObject', { objectType: 'vehicleTrip', objectId: t.id });
    expect(approvals[0]).toMatchObject({ mode: 'paper', approverName: '王志强', recordedByName: '李晓梅', paperFilingNo: '纸审-2026-03-02T08:00' });
    const history = await ok(o.core, o.auditor.session, 'audit.forObject', { objectType: 'vehicleTrip', objectId: String(t.id) });
    expect(history.map((h) => h.action)).toEqual(['vehicles.apply', 'vehicles.approve', 'vehicles.dispatch', 'vehicles.depart', 'vehicles.return']);
    expect(history[4].message).toContain('行驶 86 公里');
    o.core.close();
  });

  it('co-signed approval: the leader types their own password at the clerk\'s desk', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const now = new Date();
    const plus = (min: number) => new Date(now.getTime() + min * 60_000).toISOString();
    const t = await ok(o.core, o.clerk.session, 'vehicles.apply', {
      applicantId: o.staff.id,
      reason: '送达法律援助案件材料',
      destination: '区人民法院',
      plannedOut: plus(1),
      plannedReturn: plus(120),
      offDayReason: '周末值班送达',
    });
    const wrong = await refused(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: { mode: 'cosign', decision: 'approved', login: 'leader1', password: 'nope' } });
    expect(wrong).toMatchObject({ field: 'approval.password' });
    const a = await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: 'leader1', password: STRONG } });
    expect(a.state).toBe('approved');
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: plus(0.5), outOdometer: 10_000, offDayReason: '周末值班送达' });
    const r = await ok(o.core, o.clerk.session, 'vehicles.return', { id: t.id, returnAt: plus(2), returnOdometer: 10_001, offDayReason: '周末值班送达' });
    expect(r.state).toBe('returned');
    o.core.close();
  });

  it('segregation of duties: neither the applicant nor the recorder approves', async () => {
    const o = await office();
    const dual = await (await import('../../helpers')).addUser(o.core, o.admin, 'dual1', ['clerk', 'approver'], '何平');
    const t = await ok(o.core, dual.session, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2026-03-02', reason: '调研', destination: '某司法所', plannedOut: at('2026-03-02T09:00'), plannedReturn: at('2026-03-02T11:00') });
    const e1 = await refused(o.core, dual.session, 'vehicles.approve', { id: t.id, approval: { mode: 'cosign', decision: 'approved', login: 'dual1', password: STRONG } });
    expect(e1.message).toContain('不相容岗位分离');
    const t2 = await apply(o, '2026-03-02T09:00', '2026-03-02T11:00', { applicantId: o.leader.id });
    const e2 = await refused(o.core, o.clerk.session, 'vehicles.approve', { id: t2.id, approval: paper(o, '2026-03-02T08:00') });
    expect(e2.message).toContain('不相容岗位分离');
    expect(e2.field).toBe('approval.signerId');
    o.core.close();
  });

  it('a rejected application is final', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T11:00');
    const r = await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T08:00', 'rejected') });
    expect(r.state).toBe('rejected');
    expect((await refused(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id })).message).toContain('已驳回');
    expect((await refused(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T08:00') })).message).toContain('不在待审批');
    expect((await refused(o.core, o.clerk.session, 'vehicles.void', { id: t.id, reason: 'x' })).message).toContain('不能作废');
    o.core.close();
  });
});

describe('refused, with the field named and nothing changed', () => {
  async function refusedClean(o: Awaited<ReturnType<typeof office>>, method: string, input: unknown) {
    const before = businessSnapshot(o.core);
    const e = await refused(o.core, o.clerk.session, method, input);
    expect(businessSnapshot(o.core)).toBe(before);
    return e;
  }

  it('an application with return before departure, a future application date or a trip before it was applied for', async () => {
    const o = await office();
    const e = await refusedClean(o, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2026-03-02', reason: '调研', destination: '某司法所', plannedOut: at('2026-03-02T09:00'), plannedReturn: at('2026-03-02T08:00') });
    expect(e).toMatchObject({ code: 'rule', field: 'plannedReturn' });
    expect(e.message).toContain('计划回车时间必须晚于计划出车时间');
    const e2 = await refusedClean(o, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2099-03-02', reason: '调研', destination: '某司法所', plannedOut: at('2099-03-02T09:00'), plannedReturn: at('2099-03-02T10:00') });
    expect(e2.field).toBe('appliedOn');
    const e3 = await refusedClean(o, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2026-03-03', reason: '调研', destination: '某司法所', plannedOut: at('2026-03-02T09:00'), plannedReturn: at('2026-03-02T10:00') });
    expect(e3).toMatchObject({ field: 'plannedOut' });
    const e4 = await refusedClean(o, 'vehicles.apply', { applicantId: o.staff.id, reason: '', destination: '某司法所', plannedOut: at('2026-03-02T09:00'), plannedReturn: at('2026-03-02T10:00') });
    expect(e4).toMatchObject({ code: 'invalid_input', field: 'reason', message: '请填写用车事由' });
    o.core.close();
  });

  it('dispatch without approval', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T11:00');
    const e = await refusedClean(o, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    expect(e.message).toContain('尚未审批');
    const e2 = await refusedClean(o, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T09:00'), outOdometer: 10_000 });
    expect(e2.message).toContain('尚未审批');
    o.core.close();
  });

  it('departure before the approval was signed', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T11:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T10:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    const e = await refusedClean(o, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T09:00'), outOdometer: 10_000 });
    expect(e).toMatchObject({ field: 'outAt' });
    expect(e.message).toContain('先审批后用车');
    o.core.close();
  });

  it('a vehicle under repair, stopped or scrapped is not dispatched; one put under repair after dispatch does not leave', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T11:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    await ok(o.core, o.clerk.session, 'vehicles.vehicleSetStatus', { id: car.id, status: 'repair', reason: '刹车异响送修' });
    const e = await refusedClean(o, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T09:00'), outOdometer: 10_000 });
    expect(e.message).toContain('“维修”状态，不能出车');
    const t2 = await apply(o, '2026-03-03T09:00', '2026-03-03T11:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t2.id, approval: paper(o, '2026-03-03T08:00') });
    const e2 = await refusedClean(o, 'vehicles.dispatch', { id: t2.id, vehicleId: car.id, driverId: o.driver2.id });
    expect(e2).toMatchObject({ field: 'vehicleId' });
    expect(e2.message).toBe('湘B·12345当前为“维修”状态，不能派车');
    o.core.close();
  });

  it('overlapping trips of one vehicle or one driver; back-to-back trips are fine', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const car2 = await addVehicle(o, { plate: '湘BD12345', energy: '纯电动' });
    const a = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: a.id, approval: paper(o, '2026-03-02T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: a.id, vehicleId: car.id, driverId: o.driver.id });
    const b = await apply(o, '2026-03-02T11:00', '2026-03-02T15:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: b.id, approval: paper(o, '2026-03-02T08:00') });
    const e = await refusedClean(o, 'vehicles.dispatch', { id: b.id, vehicleId: car.id, driverId: o.driver2.id });
    expect(e).toMatchObject({ field: 'vehicleId' });
    expect(e.message).toContain('派车〔2026〕第0001号');
    expect(e.message).toContain('时间重叠');
    const e2 = await refusedClean(o, 'vehicles.dispatch', { id: b.id, vehicleId: car2.id, driverId: o.driver.id });
    expect(e2).toMatchObject({ field: 'driverId' });
    expect(e2.message).toContain('驾驶员张师傅');
    // The other car with the other driver is free.
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: b.id, vehicleId: car2.id, driverId: o.driver2.id });
    // Back to back: 12:00–14:00 starts when the first ends.
    const c = await apply(o, '2026-03-02T12:00', '2026-03-02T14:00', { appliedOn: '2026-03-02' });
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: c.id, approval: paper(o, '2026-03-02T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: c.id, vehicleId: car.id, driverId: o.driver.id });
    const avail = await ok(o.core, o.clerk.session, 'vehicles.checkAvailability', { id: b.id });
    expect(avail.vehicles.find((v) => v.id === car.id)!.busyWith).toContain('第0001号');
    expect(avail.busyDrivers.map((d) => d.driverId)).toContain(o.driver.id);
    o.core.close();
  });

  it('a vehicle still out holds the vehicle and the driver', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const car2 = await addVehicle(o, { plate: '湘B67890' });
    const a = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: a.id, approval: paper(o, '2026-03-02T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: a.id, vehicleId: car.id, driverId: o.driver.id });
    await ok(o.core, o.clerk.session, 'vehicles.depart', { id: a.id, outAt: at('2026-03-02T09:00'), outOdometer: 10_000 });
    // Planned to be back by noon, not returned yet: the next day's trip cannot have this car.
    const b = await apply(o, '2026-03-03T09:00', '2026-03-03T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: b.id, approval: paper(o, '2026-03-03T08:00') });
    expect((await refusedClean(o, 'vehicles.dispatch', { id: b.id, vehicleId: car.id, driverId: o.driver2.id })).message).toContain('尚未回车');
    expect((await refusedClean(o, 'vehicles.dispatch', { id: b.id, vehicleId: car2.id, driverId: o.driver.id })).field).toBe('driverId');
    expect((await refusedClean(o, 'vehicles.void', { id: a.id, reason: '误登' })).message).toContain('请先登记回车');
    expect((await refusedClean(o, 'vehicles.vehicleSetStatus', { id: car.id, status: 'repair', reason: '送修' })).message).toContain('请先登记回车');
    o.core.close();
  });

  it('the odometer never runs backwards; a gap needs a reason and is flagged 里程不连续', async () => {
    const o = await office();
    const car = await addVehicle(o);
    await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_050 });
    const t = await apply(o, '2026-03-03T09:00', '2026-03-03T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-03T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    const back = await refusedClean(o, 'vehicles.depart', { id: t.id, outAt: at('2026-03-03T09:00'), outOdometer: 10_049 });
    expect(back).toMatchObject({ field: 'outOdometer' });
    expect(back.message).toContain('里程表不能倒退');
    const noReason = await refusedClean(o, 'vehicles.depart', { id: t.id, outAt: at('2026-03-03T09:00'), outOdometer: 10_070 });
    expect(noReason).toMatchObject({ field: 'gapReason' });
    expect(noReason.message).toContain('相差 20 公里');
    const early = await refusedClean(o, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T11:00'), outOdometer: 10_050 });
    expect(early.field).toBe('outAt');
    const out = await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-03-03T09:00'), outOdometer: 10_070, gapReason: '3月2日晚驾驶员私自加油往返，已批评教育' });
    expect(out).toMatchObject({ gap: true, expectedOdometer: 10_050, flagged: true });
    const flagged = await ok(o.core, o.clerk.session, 'vehicles.list', { flagged: true });
    expect(flagged.rows.map((r) => r.number)).toEqual([t.number]);
    o.core.close();
  });

  it('return before departure, below the departure reading; an absurd speed is flagged', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T09:00'), outOdometer: 10_000 });
    const e = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T08:59'), returnOdometer: 10_010 });
    expect(e).toMatchObject({ field: 'returnAt' });
    expect(e.message).toContain('回车时间必须晚于出车时间');
    const e2 = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T10:00'), returnOdometer: 9_999 });
    expect(e2).toMatchObject({ field: 'returnOdometer' });
    const e3 = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2099-03-02T10:00'), returnOdometer: 10_001 });
    expect(e3.message).toContain('不能晚于当前时间');
    const e4 = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T10:00'), returnOdometer: 10_001, costs: [{ costType: '路桥费', amount: -100 }] });
    expect(e4).toMatchObject({ code: 'invalid_input', field: 'costs.0.amount' });
    expect(e4.message).toContain('不能为负数');
    const e5 = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T10:00'), returnOdometer: 10_001, fuel: { litres: -5, amount: 100 } });
    expect(e5).toMatchObject({ code: 'invalid_input', field: 'fuel.litres' });
    const e6 = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T10:00'), returnOdometer: 10_001, accident: true });
    expect(e6.field).toBe('remarks');
    // 300 km in one hour is no drive but a typo (issue 27): refused. 150 km in one hour is possible but flagged.
    const e7 = await refusedClean(o, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T10:00'), returnOdometer: 10_300 });
    expect(e7.field).toBe('returnOdometer');
    const r = await ok(o.core, o.clerk.session, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T10:00'), returnOdometer: 10_150 });
    expect(r).toMatchObject({ speedFlag: true, flagged: true, distance: 150 });
    o.core.close();
  });

  it('too many passengers for the seats; expired insurance or inspection', async () => {
    const o = await office();
    const car = await addVehicle(o, { seats: 5 });
    const old = await addVehicle(o, { plate: '湘B00001', insuranceExpiry: '2026-02-28' });
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00', { passengerCount: 5 });
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T08:00') });
    expect((await refusedClean(o, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id })).message).toContain('核定座位数');
    const t2 = await apply(o, '2026-03-03T09:00', '2026-03-03T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t2.id, approval: paper(o, '2026-03-03T08:00') });
    expect((await refusedClean(o, 'vehicles.dispatch', { id: t2.id, vehicleId: old.id, driverId: o.driver.id })).message).toContain('保险已于 2026-02-28 到期');
    o.core.close();
  });

  it('void needs a reason and keeps the number; only pending applications are edited', async () => {
    const o = await office();
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    expect((await refusedClean(o, 'vehicles.void', { id: t.id, reason: ' ' })).field).toBe('reason');
    const edited = await ok(o.core, o.clerk.session, 'vehicles.updateApplication', { id: t.id, applicantId: o.staff.id, reason: '改为赴区法院', destination: '区法院', plannedOut: at('2026-03-02T09:00'), plannedReturn: at('2026-03-02T11:00') });
    expect(edited).toMatchObject({ reason: '改为赴区法院', number: t.number });
    const otherYear = await refusedClean(o, 'vehicles.updateApplication', { id: t.id, applicantId: o.staff.id, reason: '调研', destination: '区法院', plannedOut: at('2027-01-05T09:00'), plannedReturn: at('2027-01-05T11:00') });
    expect(otherYear.field).toBe('plannedOut');
    const v = await ok(o.core, o.clerk.session, 'vehicles.void', { id: t.id, reason: '会议取消' });
    expect(v).toMatchObject({ state: 'voided', voidReason: '会议取消', number: '派车〔2026〕第0001号' });
    expect((await refusedClean(o, 'vehicles.updateApplication', { id: t.id, applicantId: o.staff.id, reason: '调研', destination: '区法院', plannedOut: at('2026-03-02T09:00'), plannedReturn: at('2026-03-02T11:00') })).message).toContain('只有待审批');
    expect((await apply(o, '2026-03-03T09:00', '2026-03-03T12:00')).number).toBe('派车〔2026〕第0002号');
    o.core.close();
  });

  it('finalised trips are read-only and nothing is deleted, even with SQL', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_020, returnOver: { costs: [{ costType: '停车费', amount: 500 }] } });
    const db = o.core.state.db;
    expect(() => db.prepare('UPDATE vehicle_trips SET return_odometer = 10010 WHERE id = ?').run(t.id)).toThrow('已办结的用车记录不可修改');
    expect(() => db.prepare('DELETE FROM vehicle_trips WHERE id = ?').run(t.id)).toThrow('不可删除');
    expect(() => db.prepare('DELETE FROM vehicles WHERE id = ?').run(car.id)).toThrow('不可删除');
    expect(() => db.prepare('UPDATE vehicle_logs SET amount = 1 WHERE trip_id = ?').run(t.id)).toThrow('不可修改');
    expect(() => db.prepare('DELETE FROM vehicle_logs WHERE trip_id = ?').run(t.id)).toThrow('不可删除');
    o.core.close();
  });
});

describe('weekends and public holidays', () => {
  it('a weekend trip needs an explicit reason and is flagged', async () => {
    const o = await office();
    const e = await refused(o.core, o.clerk.session, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2026-03-06', reason: '调研', destination: '某司法所', plannedOut: at('2026-03-07T09:00'), plannedReturn: at('2026-03-07T12:00') });
    expect(e).toMatchObject({ field: 'offDayReason' });
    expect(e.message).toContain('2026-03-07（周六）');
    const t = await apply(o, '2026-03-07T09:00', '2026-03-07T12:00', { offDayReason: '周末社区矫正对象突发情况处置' });
    expect(t).toMatchObject({ offDay: true, flagged: true, offDayReason: '周末社区矫正对象突发情况处置' });
    o.core.close();
  });

  it('public holidays from the calendar count; make-up workdays do not; the administrator edits the calendar', async () => {
    const o = await office();
    // 2026-10-01 is a Thursday, but 国庆节.
    const e = await refused(o.core, o.clerk.session, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2026-09-30', reason: '调研', destination: '某司法所', plannedOut: at('2026-10-01T09:00'), plannedReturn: at('2026-10-01T12:00') });
    expect(e.message).toContain('国庆节');
    // 2026-09-20 is a Sunday, but a make-up workday (调休上班).
    const t = await apply(o, '2026-09-20T09:00', '2026-09-20T12:00');
    expect(t.offDay).toBe(false);
    // A trip over a weekend, Friday to Monday, includes the weekend.
    const days = await ok(o.core, o.clerk.session, 'vehicles.offDays', { from: at('2026-03-06T09:00'), to: at('2026-03-09T12:00') });
    expect(days).toEqual([
      { date: '2026-03-07', kind: 'weekend', name: '周六' },
      { date: '2026-03-08', kind: 'weekend', name: '周日' },
    ]);
    // The clerk may not edit the calendar; the administrator may, and it takes effect.
    expect((await refused(o.core, o.clerk.session, 'vehicles.calendarSet', { date: '2026-03-04', kind: 'holiday', name: '测试' })).code).toBe('forbidden');
    await ok(o.core, o.admin, 'vehicles.calendarSet', { date: '2026-03-04', kind: 'holiday', name: '地方节日' });
    expect((await refused(o.core, o.clerk.session, 'vehicles.apply', { applicantId: o.staff.id, appliedOn: '2026-03-04', reason: '调研', destination: '某司法所', plannedOut: at('2026-03-04T09:00'), plannedReturn: at('2026-03-04T12:00') })).message).toContain('地方节日');
    await ok(o.core, o.admin, 'vehicles.calendarSet', { date: '2026-03-04', kind: 'normal' });
    await apply(o, '2026-03-04T09:00', '2026-03-04T12:00');
    const cal = await ok(o.core, o.clerk.session, 'vehicles.calendarList', { year: 2025 });
    expect(cal.filter((d) => d.kind === 'holiday').length).toBe(28); // 1 + 8 + 3 + 5 + 3 + 8
    expect(cal.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    // 2026 as the State Council's notice of 2025-11-04 has it.
    const cal26 = await ok(o.core, o.clerk.session, 'vehicles.calendarList', { year: 2026 });
    expect(cal26.filter((d) => d.kind === 'holiday').length).toBe(33); // 3 + 9 + 3 + 5 + 3 + 3 + 7
    expect(cal26.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(cal26.filter((d) => d.name === '春节').map((d) => d.date)).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    const hist = await ok(o.core, o.auditor.session, 'audit.forObject', { objectType: 'vehicleCalendar', objectId: '2026-03-04' });
    expect(hist.map((h) => h.message)).toEqual(['节假日安排：2026-03-04 设为法定节假日（地方节日）', '节假日安排：2026-03-04 恢复正常安排']);
    o.core.close();
  });

  it('a departure on a weekday-planned trip that actually leaves on a Saturday needs the reason then', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-06T09:00', '2026-03-06T17:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-06T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    const e = await refused(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-03-07T09:00'), outOdometer: 10_000 });
    expect(e.field).toBe('offDayReason');
    const out = await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-03-07T09:00'), outOdometer: 10_000, offDayReason: '原定周五，因文件未印发推迟到周六' });
    expect(out).toMatchObject({ offDay: true, flagged: true });
    o.core.close();
  });
});
