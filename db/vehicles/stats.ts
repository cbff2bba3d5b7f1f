// Monthly statistics per vehicle: trips and km from completed trips (by departure month), fuel and
// costs from the vehicle's logs (by their date). Fines and accident losses are not vehicle running costs.
import type { Db } from '../core/open';
import type { StatRow } from '../contract/vehicles';
import { formatPlate } from '../contract/vehicles';
import { shanghaiDateOf } from '../core/time';

interface Acc {
  trips: number;
  km: number;
  fuelCl: number;
  fuelAmount: number;
  repairAmount: number;
  otherAmount: number;
}
const zero = (): Acc => ({ trips: 0, km: 0, fuelCl: 0, fuelAmount: 0, repairAmount: 0, otherAmount: 0 });
const add = (a: Acc, b: Acc) => {
  a.trips += b.trips;
  a.km += b.km;
  a.fuelCl += b.fuelCl;
  a.fuelAmount += b.fuelAmount;
  a.repairAmount += b.repairAmount;
  a.otherAmount += b.otherAmount;
};

export function statRow(vehicleId: number, plate: string, month: number, a: Acc): StatRow {
  const totalCost = a.fuelAmount + a.repairAmount + a.otherAmount;
  return {
    vehicleId,
    plate,
    month,
    trips: a.trips,
    km: a.km,
    fuelLitres: a.fuelCl / 100,
    fuelAmount: a.fuelAmount,
    repairAmount: a.repairAmount,
    otherAmount: a.otherAmount,
    totalCost,
    costPerKm: a.km > 0 ? Math.round(totalCost / a.km) : null,
    fuelPer100Km: a.km > 0 ? Math.round((a.fuelCl / a.km) * 100) / 100 : null,
  };
}

interface Range {
  from: string;
  to: string;
}

function collect(db: Db, range: Range, vehicleId?: number) {
  const byKey = new Map<string, Acc>();
  const get = (v: number, m: number) => {
    const k = `${v}:${m}`;
    let a = byKey.get(k);
    if (!a) byKey.set(k, (a = zero()));
    return a;
  };
  const vf = vehicleId ? 'AND vehicle_id = ?' : '';
  const vargs = vehicleId ? [vehicleId] : [];
  const trips = db
    .prepare(
      `SELECT vehicle_id AS v, CAST(substr(out_at, 6, 2) AS INTEGER) AS m, count(*) AS n, sum(return_odometer - out_odometer) AS km
       FROM vehicle_trips WHERE state = 'returned' ${vf} AND out_at >= ? AND out_at < ? GROUP BY v, m`,
    )
    .all(...vargs, range.from, range.to) as { v: number; m: number; n: number; km: number }[];
  for (const t of trips) {
    const a = get(t.v, t.m);
    a.trips += t.n;
    a.km += t.km;
  }
  const logs = db
    .prepare(
      `SELECT vehicle_id AS v, CAST(substr(date, 6, 2) AS INTEGER) AS m,
              sum(CASE WHEN kind = 'fuel' THEN litres_cl ELSE 0 END) AS cl,
              sum(CASE WHEN kind = 'fuel' THEN amount ELSE 0 END) AS fuel,
              sum(CASE WHEN kind IN ('repair', 'maintenance') THEN amount ELSE 0 END) AS repair,
              sum(CASE WHEN kind = 'cost' THEN amount ELSE 0 END) AS other
       FROM vehicle_logs WHERE voided_at IS NULL ${vf} AND date >= ? AND date < ? AND kind IN ('fuel', 'repair', 'maintenance', 'cost')
       GROUP BY v, m`,
    )
    .all(...vargs, shanghaiDateOf(range.from), shanghaiDateOf(range.to)) as { v: number; m: number; cl: number; fuel: number; repair: number; other: number }[];
  for (const l of logs) {
    const a = get(l.v, l.m);
    a.fuelCl += l.cl;
    a.fuelAmount += l.fuel;
    a.repairAmount += l.repair;
    a.otherAmount += l.other;
  }
  return byKey;
}

/** Every vehicle in service, and every vehicle with activity in the year, month by month. */
export function monthlyStats(db: Db, year: number, vehicleId?: number) {
  const byKey = collect(db, { from: `${year}-01-01`, to: `${year + 1}-01-01` }, vehicleId);
  const active = new Set([...byKey.keys()].map((k) => Number(k.split(':')[0])));
  const vehicles = (
    vehicleId
      ? db.prepare('SELECT id, plate, status FROM vehicles WHERE id = ?').all(vehicleId)
      : db.prepare('SELECT id, plate, status FROM vehicles ORDER BY plate').all()
  ) as { id: number; plate: string; status: string }[];
  const months: StatRow[] = [];
  const perVehicle: StatRow[] = [];
  const all = zero();
  for (const v of vehicles) {
    if (!vehicleId && v.status === 'scrapped' && !active.has(v.id)) continue;
    const plate = formatPlate(v.plate);
    const yearAcc = zero();
    for (let m = 1; m <= 12; m++) {
      const a = byKey.get(`${v.id}:${m}`) ?? zero();
      add(yearAcc, a);
      months.push(statRow(v.id, plate, m, a));
    }
    add(all, yearAcc);
    perVehicle.push(statRow(v.id, plate, 0, yearAcc));
  }
  return { year, months, vehicles: perVehicle, total: statRow(0, '合计', 0, all) };
}

/** One vehicle's totals over its whole life (or one year): the vehicle file's summary line. */
export function vehicleTotals(db: Db, vehicleId: number, plate: string, year?: number): StatRow {
  const range = year ? { from: `${year}-01-01`, to: `${year + 1}-01-01` } : { from: '0000', to: '9999' };
  const acc = zero();
  for (const a of collect(db, range, vehicleId).values()) add(acc, a);
  return statRow(vehicleId, formatPlate(plate), 0, acc);
}
