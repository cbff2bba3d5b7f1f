// Issue 27: a path from every odometer typo to a correct record. An absurd reading is refused; a
// finished trip's readings are corrected by an audited 更正 that keeps the original visible and carries
// the correction to the car's odometer continuity; a finished trip nothing depends on may be voided.
import { describe, expect, it } from 'vitest';
import { OBJECT_TYPES } from '../../../db/contract/vehicles';
import { businessSnapshot, ok, refused } from '../../helpers';
import { addVehicle, apply, at, fullTrip, office, paper } from './fixture';

describe('odometer typos', () => {
  it('a return reading no car could have driven is refused next to the field, nothing changed', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T07:30') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id });
    await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-03-02T09:00'), outOdometer: 10_000 });
    const before = businessSnapshot(o.core);
    const e = await refused(o.core, o.clerk.session, 'vehicles.return', { id: t.id, returnAt: at('2026-03-02T12:00'), returnOdometer: 9_999_999 });
    expect(e).toMatchObject({ code: 'rule', field: 'returnOdometer', message: expect.stringContaining('请核对回车里程表读数') });
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });

  it('a mistyped reading on a returned trip is corrected: the original stays on record, the next departure expects the corrected reading', async () => {
    const o = await office();
    const car = await addVehicle(o);
    // 10,050 typed as 10,500 — plausible enough to pass, wrong all the same.
    const t = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T17:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_500 });
    // Voiding is no longer the path once a later trip depends on it — shown below; correction always is.
    const before = businessSnapshot(o.core);
    expect(await refused(o.core, o.clerk.session, 'vehicles.correct', { id: t.id, outOdometer: 10_000, returnOdometer: 10_500, reason: '核对里程表' })).toMatchObject({ field: 'returnOdometer', message: '更正后的里程与原登记相同' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.correct', { id: t.id, outOdometer: 9_000, returnOdometer: 10_050, reason: '核对里程表' })).toMatchObject({ field: 'outOdometer' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.correct', { id: t.id, outOdometer: 10_000, returnOdometer: 10_050, reason: '' })).toMatchObject({ code: 'invalid_input', field: 'reason', message: '请填写更正原因' });
    expect(businessSnapshot(o.core)).toBe(before);

    const c = await ok(o.core, o.clerk.session, 'vehicles.correct', { id: t.id, outOdometer: 10_000, returnOdometer: 10_050, reason: '回车里程误录，据里程表照片更正' });
    expect(c).toMatchObject({ returnOdometer: 10_050, distance: 50, state: 'returned' });
    expect(c.corrections).toEqual([expect.objectContaining({ oldOut: 10_000, oldReturn: 10_500, newOut: 10_000, newReturn: 10_050, reason: '回车里程误录，据里程表照片更正', byName: '李晓梅' })]);
    const audit = await ok(o.core, o.auditor.session, 'audit.forObject', { objectType: OBJECT_TYPES.trip, objectId: String(t.id) });
    expect(audit.map((r) => r.message).join('\n')).toContain('回车 10500→10050');

    // Downstream: the next departure continues from 10,050 — no gap reason asked for.
    const next = await fullTrip(o, { from: '2026-03-03T09:00', to: '2026-03-03T12:00', vehicleId: car.id, outOdometer: 10_050, returnOdometer: 10_080 });
    expect(next).toMatchObject({ expectedOdometer: 10_050, gap: false });
    // Now the corrected trip cannot run past the next departure, and cannot be voided.
    expect(await refused(o.core, o.clerk.session, 'vehicles.correct', { id: t.id, outOdometer: 10_000, returnOdometer: 10_060, reason: '再次核对' })).toMatchObject({ field: 'returnOdometer', message: expect.stringContaining('不能大于下一次出车里程') });
    expect(await refused(o.core, o.clerk.session, 'vehicles.void', { id: t.id, reason: '重复登记' })).toMatchObject({ message: expect.stringContaining('更正里程') });
    // The database itself refuses changing a finished trip without a correction.
    expect(() => o.core.state.db.prepare('UPDATE vehicle_trips SET return_odometer = 10070 WHERE id = ?').run(t.id)).toThrow(/不可修改/);
    o.core.close();
  });

  it('a typo carried into the next departure is corrected trip by trip, each against the reading before it as it stands now', async () => {
    const o = await office();
    const car = await addVehicle(o);
    // 10,050 typed as 10,500, and the next departure had to read at least 10,500, so it was typed so too.
    const a = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T17:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_500 });
    const b = await fullTrip(o, { from: '2026-03-03T09:00', to: '2026-03-03T12:00', vehicleId: car.id, outOdometer: 10_500, returnOdometer: 10_530 });
    await ok(o.core, o.clerk.session, 'vehicles.correct', { id: a.id, outOdometer: 10_000, returnOdometer: 10_050, reason: '回车里程误录' });
    // The second trip is compared with the first as corrected (10,050), not with the 10,500 it once followed.
    const fixed = await ok(o.core, o.clerk.session, 'vehicles.correct', { id: b.id, outOdometer: 10_050, returnOdometer: 10_080, reason: '出车里程随上次误录' });
    expect(fixed).toMatchObject({ outOdometer: 10_050, returnOdometer: 10_080, gap: false });
    // A corrected departure that leaves kilometres unaccounted for, on a trip with no gap explained, is refused.
    const before = businessSnapshot(o.core);
    const e = await refused(o.core, o.clerk.session, 'vehicles.correct', { id: b.id, outOdometer: 10_060, returnOdometer: 10_080, reason: '再次核对' });
    expect(e).toMatchObject({ field: 'outOdometer', message: expect.stringContaining('上一次回车里程') });
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });

  it('the latest trip of a car, entered by mistake, may be voided after return: its costs go with it', async () => {
    const o = await office();
    const car = await addVehicle(o);
    const t = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_020, returnOver: { costs: [{ costType: '停车费', amount: 500 }] } });
    const v = await ok(o.core, o.clerk.session, 'vehicles.void', { id: t.id, reason: '重复登记，实为同一次出车' });
    expect(v).toMatchObject({ state: 'voided', costTotal: 0 });
    // The car's next departure continues from where it stood before the voided trip.
    const next = await fullTrip(o, { from: '2026-03-03T09:00', to: '2026-03-03T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_030 });
    expect(next).toMatchObject({ expectedOdometer: 10_000, gap: false });
    o.core.close();
  });
});
