// Monthly statistics per vehicle, checked against a hand computation; and 10,000 trips of one car stay fast.
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { addVehicle, apply, at, fullTrip, office, paper } from './fixture';

describe('monthly statistics', () => {
  it('equal a hand computation', async () => {
    const o = await office();
    const s = o.clerk.session;
    const a = await addVehicle(o, { plate: '湘A12345', odometerStart: 9_900 });
    const b = await addVehicle(o, { plate: '湘BD54321', odometerStart: 5_000, energy: '纯电动' });
    // Last year: not in 2026.
    await fullTrip(o, { from: '2025-12-30T09:00', to: '2025-12-30T12:00', vehicleId: a.id, outOdometer: 9_900, returnOdometer: 10_000 });
    // March 2026.
    await fullTrip(o, {
      from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: a.id, outOdometer: 10_000, returnOdometer: 10_086,
      returnOver: { costs: [{ costType: '路桥费', amount: 3_500 }, { costType: '停车费', amount: 1_000 }], fuel: { litres: 30.5, amount: 24_400 } },
    });
    await fullTrip(o, { from: '2026-03-03T09:00', to: '2026-03-03T15:00', vehicleId: a.id, outOdometer: 10_086, returnOdometer: 10_200 });
    await fullTrip(o, { from: '2026-03-04T09:00', to: '2026-03-04T11:00', vehicleId: b.id, driverId: o.driver2.id, outOdometer: 5_000, returnOdometer: 5_040 });
    // Leaves on 31 March, back after midnight: counted in March (the month it left).
    await fullTrip(o, { from: '2026-03-31T20:00', to: '2026-04-01T00:30', vehicleId: a.id, outOdometer: 10_200, returnOdometer: 10_250 });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'fuel', vehicleId: a.id, date: '2026-03-20', litres: 40, amount: 32_000, odometer: 10_150 });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'repair', vehicleId: a.id, date: '2026-03-25', place: '定点维修厂', content: '换刹车片', amount: 68_000 });
    const wrong = await ok(o.core, s, 'vehicles.logAdd', { kind: 'cost', vehicleId: a.id, date: '2026-03-26', costType: '其他', amount: 9_999 });
    await ok(o.core, s, 'vehicles.logVoid', { id: wrong.id, reason: '登记错误' });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'violation', vehicleId: a.id, date: '2026-03-27', place: '韶山路', content: '超速', amount: 20_000, points: 3 });
    // April 2026.
    await fullTrip(o, { from: '2026-04-01T09:00', to: '2026-04-01T17:00', vehicleId: a.id, outOdometer: 10_250, returnOdometer: 10_350 });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'maintenance', vehicleId: a.id, date: '2026-04-02', place: '4S店', content: '保养', amount: 50_000 });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'cost', vehicleId: a.id, date: '2026-04-03', costType: '洗车费', amount: 3_000 });
    // Out and not back yet; and a voided application: neither counts.
    const out = await apply(o, '2026-04-10T09:00', '2026-04-10T12:00');
    await ok(o.core, s, 'vehicles.approve', { id: out.id, approval: paper(o, '2026-04-10T08:00') });
    await ok(o.core, s, 'vehicles.dispatch', { id: out.id, vehicleId: a.id, driverId: o.driver.id });
    await ok(o.core, s, 'vehicles.depart', { id: out.id, outAt: at('2026-04-10T09:00'), outOdometer: 10_350 });
    const voided = await apply(o, '2026-04-11T09:00', '2026-04-11T12:00', { offDayReason: '周六加班' });
    await ok(o.core, s, 'vehicles.void', { id: voided.id, reason: '取消' });

    const st = await ok(o.core, o.auditor.session, 'vehicles.monthlyStats', { year: 2026 });
    const month = (v: number, m: number) => st.months.find((r) => r.vehicleId === v && r.month === m)!;
    // Car A, March: 86 + 114 + 50 km; fuel 30.50 + 40.00 L = 244.00 + 320.00 元; repair 680.00; tolls 35.00 + parking 10.00.
    expect(month(a.id, 3)).toEqual({
      vehicleId: a.id, plate: '湘A·12345', month: 3, trips: 3, km: 250, fuelLitres: 70.5, fuelAmount: 56_400, repairAmount: 68_000, otherAmount: 4_500,
      totalCost: 128_900, costPerKm: 516, fuelPer100Km: 28.2, // 1289.00 元 / 250 km = 5.156 元 → 5.16; 70.5 L / 250 km × 100
    });
    expect(month(a.id, 4)).toEqual({
      vehicleId: a.id, plate: '湘A·12345', month: 4, trips: 1, km: 100, fuelLitres: 0, fuelAmount: 0, repairAmount: 50_000, otherAmount: 3_000, totalCost: 53_000, costPerKm: 530, fuelPer100Km: 0,
    });
    expect(month(a.id, 1)).toMatchObject({ trips: 0, km: 0, totalCost: 0, costPerKm: null, fuelPer100Km: null });
    expect(st.vehicles.find((r) => r.vehicleId === a.id)).toMatchObject({ month: 0, trips: 4, km: 350, fuelLitres: 70.5, fuelAmount: 56_400, repairAmount: 118_000, otherAmount: 7_500, totalCost: 181_900, costPerKm: 520, fuelPer100Km: 20.14 });
    expect(month(b.id, 3)).toMatchObject({ trips: 1, km: 40, totalCost: 0, costPerKm: 0 });
    expect(st.total).toMatchObject({ trips: 5, km: 390, totalCost: 181_900, costPerKm: 466 });
    expect(st.months.length).toBe(24);
    const y2025 = await ok(o.core, s, 'vehicles.monthlyStats', { year: 2025, vehicleId: a.id });
    expect(y2025.vehicles[0]).toMatchObject({ trips: 1, km: 100 });

    // The printed statistics carry the same numbers.
    const printed = await ok(o.core, s, 'output.rows', { register: 'vehicles.monthly', filter: { year: 2026, extra: { vehicleId: a.id } } });
    expect(printed.rows.find((r) => r.month === '3月')).toMatchObject({ plate: '湘A·12345', trips: 3, km: 250, fuelLitres: 70.5, totalCost: 128_900, costPerKm: 516 });
    expect(printed.rows.at(-1)).toMatchObject({ month: '全年合计', km: 350 });
    // So does the vehicle file.
    const file = await ok(o.core, s, 'vehicles.vehicleFile', { id: a.id, year: 2026 });
    expect(file.totals).toMatchObject({ trips: 4, km: 350, totalCost: 181_900 });
    expect(file.trips.length).toBe(5); // four returned and one out in 2026; not b's, not 2025's, and the voided one never had a car
    o.core.close();
  });
});

describe('10,000 trips of one vehicle', () => {
  it('keep the list, the statistics and the next departure fast', async () => {
    const o = await office();
    const car = await addVehicle(o, { odometerStart: 0 });
    const db = o.core.state.db;
    const ins = db.prepare(
      `INSERT INTO vehicle_trips (year, seq, number, state, applied_on, applicant_id, department, reason, destination, passenger_count, planned_out, planned_return,
         approver_id, approved_at, vehicle_id, driver_id, dispatched_at, dispatched_by_id, out_at, out_odometer, expected_odometer, return_at, return_odometer,
         created_at, created_by_id, updated_at)
       VALUES (?, ?, ?, 'returned', ?, ?, '办公室', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const N = 10_000;
    const seqs = new Map<number, number>();
    let odo = 0;
    const start = Date.parse('2023-01-02T00:00:00+08:00');
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const day = Math.floor(i / 8);
        const slot = i % 8;
        const outMs = start + day * 86_400_000 + (8 + slot) * 3_600_000;
        const out = new Date(outMs + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
        const back = new Date(outMs + 8 * 3_600_000 + 50 * 60_000).toISOString().replace('Z', '+08:00');
        const year = Number(out.slice(0, 4));
        const seq = (seqs.get(year) ?? 0) + 1;
        seqs.set(year, seq);
        const km = 10 + (i % 30);
        ins.run(year, seq, `派车〔${year}〕第${String(seq).padStart(4, '0')}号`, out.slice(0, 10), o.staff.id, i % 3 ? '送达文书' : '赴市司法局汇报', i % 5 ? '区法院' : '市司法局', out, back,
          o.leader.id, out, car.id, o.driver.id, out, o.clerk.id, out, odo, odo, back, odo + km, out, o.clerk.id, out);
        odo += km;
      }
      for (const [year, last] of seqs) db.prepare('INSERT INTO number_seq (register, year, last) VALUES (?, ?, ?)').run('vehicles.trips', year, last);
    })();

    const time = async <T>(f: () => Promise<T>) => {
      const t0 = performance.now();
      const r = await f();
      return { r, ms: performance.now() - t0 };
    };
    const LIMIT = 400; // ms — loose: a first page takes a few ms on a laptop
    const page1 = await time(() => ok(o.core, o.clerk.session, 'vehicles.list', { vehicleId: car.id, pageSize: 50 }));
    expect(page1.r.total).toBe(N);
    expect(page1.ms).toBeLessThan(LIMIT);
    const deep = await time(() => ok(o.core, o.clerk.session, 'vehicles.list', { vehicleId: car.id, page: 150, pageSize: 50, sort: 'outAt', order: 'asc' }));
    expect(deep.r.rows.length).toBe(50);
    expect(deep.ms).toBeLessThan(LIMIT);
    const search = await time(() => ok(o.core, o.clerk.session, 'vehicles.list', { q: '市司法局', year: 2024 }));
    expect(search.r.total).toBeGreaterThan(0);
    expect(search.ms).toBeLessThan(LIMIT);
    const stats = await time(() => ok(o.core, o.clerk.session, 'vehicles.monthlyStats', { year: 2024 }));
    expect(stats.r.vehicles[0].trips).toBe(seqs.get(2024));
    expect(stats.ms).toBeLessThan(LIMIT);
    const file = await time(() => ok(o.core, o.clerk.session, 'vehicles.vehicleFile', { id: car.id, year: 2025 }));
    expect(file.r.trips.length).toBe(seqs.get(2025));
    expect(file.ms).toBeLessThan(LIMIT * 3);
    const printed = await time(() => ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2024, extra: { vehicleId: car.id } }, limit: 1000 }));
    expect(printed.r.rows.length).toBe(1000);
    expect(printed.ms).toBeLessThan(LIMIT * 2);

    // The next trip checks overlap and continuity against all 10,000 quickly.
    const t = await apply(o, '2026-11-02T09:00', '2026-11-02T12:00', { appliedOn: '2026-11-01' });
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-11-02T08:00') });
    const d = await time(() => ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: t.id, vehicleId: car.id, driverId: o.driver.id }));
    expect(d.ms).toBeLessThan(LIMIT);
    const dep = await time(() => ok(o.core, o.clerk.session, 'vehicles.depart', { id: t.id, outAt: at('2026-11-02T09:00'), outOdometer: odo }));
    expect(dep.r.gap).toBe(false);
    expect(dep.ms).toBeLessThan(LIMIT);

    // The plans use the intended indexes.
    const plan = (sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM vehicle_trips t WHERE t.vehicle_id = ? ORDER BY t.year DESC, t.seq DESC LIMIT 50', car.id)).toContain('vehicle_trips_vehicle');
    expect(plan("SELECT return_odometer FROM vehicle_trips WHERE vehicle_id = ? AND state = 'returned' ORDER BY return_at DESC LIMIT 1", car.id)).toContain('vehicle_trips_vehicle_state');
    expect(plan("SELECT id FROM vehicle_trips WHERE vehicle_id = ? AND busy_to > ? AND busy_from < ? AND state IN ('dispatched', 'returned') AND id <> ?", car.id, 'a', 'b', 0)).toContain('vehicle_trips_vehicle_busy');
    expect(plan('SELECT * FROM vehicle_trips t WHERE t.year = ? ORDER BY t.year DESC, t.seq DESC LIMIT 50', 2024)).toContain('vehicle_trips_year');
    expect(plan("SELECT count(*) FROM vehicle_trips WHERE state = 'returned' AND vehicle_id = ? AND out_at >= ? AND out_at < ?", car.id, '2024', '2025')).toContain('vehicle_trips_vehicle_out');
    o.core.close();
  }, 120_000);
});
