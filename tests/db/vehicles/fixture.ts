// Shared set-up for the vehicles tests: the office's people, a car, and a trip walked through its steps.
import type { Core, CoreOptions } from '../../../db/core/core';
import type { Input } from '../../../db/contract';
import { STRONG, addUser, makeCore, ok, setupAdmin } from '../../helpers';

export { STRONG };

export async function office(opts: Partial<CoreOptions> = {}) {
  const core = makeCore(undefined, opts);
  const admin = await setupAdmin(core);
  const clerk = await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
  const leader = await addUser(core, admin, 'leader1', ['approver'], '王志强');
  const leader2 = await addUser(core, admin, 'leader2', ['approver'], '陈国华');
  const driver = await addUser(core, admin, 'driver1', ['clerk'], '张师傅');
  const driver2 = await addUser(core, admin, 'driver2', ['clerk'], '刘师傅');
  const staff = await addUser(core, admin, 'staff1', ['clerk'], '赵敏');
  const auditor = await addUser(core, admin, 'auditor1', ['auditor'], '孙审计');
  return { core, admin, clerk, leader, leader2, driver, driver2, staff, auditor };
}
export type Office = Awaited<ReturnType<typeof office>>;

let vinSeq = 0;
/** A valid, unique VIN for tests. */
export const vin = () => `LSVAB2BM${String(100000000 + ++vinSeq).slice(-9)}`;

export async function addVehicle(o: Office, over: Partial<Input<'vehicles.vehicleCreate'>> = {}) {
  return ok(o.core, o.clerk.session, 'vehicles.vehicleCreate', {
    plate: '湘B12345',
    model: '大众帕萨特 2.0T',
    vehicleType: '轿车',
    vin: vin(),
    engineNo: 'CUF123456',
    seats: 5,
    purchaseDate: '2022-06-01',
    purchasePrice: 21_580_000,
    driverId: o.driver.id,
    insuranceExpiry: '2030-06-30',
    inspectionExpiry: '2030-06-30',
    odometerStart: 10_000,
    ...over,
  });
}

/** `2026-03-02T09:00` → with the Shanghai offset. */
export const at = (s: string) => `${s}:00+08:00`;

export const paper = (o: Office, signedAt: string, decision: 'approved' | 'rejected' = 'approved') => ({
  mode: 'paper' as const,
  decision,
  comment: decision === 'approved' ? '同意' : '不同意',
  signerId: o.leader.id,
  signedAt: at(signedAt),
  filingNo: `纸审-${signedAt}`,
});

export async function apply(o: Office, from: string, to: string, over: Partial<Input<'vehicles.apply'>> = {}) {
  return ok(o.core, o.clerk.session, 'vehicles.apply', {
    applicantId: o.staff.id,
    appliedOn: from.slice(0, 10),
    reason: '赴市司法局报送年度法治建设材料',
    destination: '市司法局',
    route: '局机关—市司法局—局机关',
    passengers: '赵敏、周强',
    passengerCount: 2,
    plannedOut: at(from),
    plannedReturn: at(to),
    ...over,
  });
}

export interface TripPlan {
  from: string;
  to: string;
  vehicleId: number;
  driverId?: number;
  outOdometer: number;
  returnOdometer: number;
  applyOver?: Partial<Input<'vehicles.apply'>>;
  departOver?: Partial<Input<'vehicles.depart'>>;
  returnOver?: Partial<Input<'vehicles.return'>>;
}

/** Apply, approve on paper, dispatch, depart and return — the whole paper process for a past trip. */
export async function fullTrip(o: Office, p: TripPlan) {
  const t = await apply(o, p.from, p.to, p.applyOver);
  await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, `${p.from.slice(0, 10)}T07:30`) });
  await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: p.vehicleId, driverId: p.driverId ?? o.driver.id });
  await ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at(p.from), outOdometer: p.outOdometer, ...p.departOver });
  return ok(o.core, o.clerk.session, 'vehicles.return', { id: t.id, returnAt: at(p.to), returnOdometer: p.returnOdometer, ...p.returnOver });
}

export const close = (core: Core) => core.close();
