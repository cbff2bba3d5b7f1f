// The output side of the vehicles registers: 公务用车使用登记表, 车辆登记表 (with import), 月度统计表.
import type { RegisterFilter } from '../contract/output';
import type { ImportProblem } from '../contract/output';
import { FLEET_REGISTER, MONTHLY_REGISTER, TRIPS_REGISTER, TRIP_STATE_LABELS, VEHICLE_STATUS_LABELS, formatPlate, shortTime, tripFlags, vehicleCreateInput, type StatRow } from '../contract/vehicles';
import { describeZodError } from '../contract';
import { DomainError } from '../core/errors';
import { shanghaiYear } from '../core/time';
import type { Db } from '../core/open';
import type { OutputRow, RegisterImpl } from '../output/registry';
import { countTrips, listTrips, listVehicles, type TripFilter } from './queries';
import { checkVehicle, insertVehicle, VEHICLE, type VehicleValues } from './handlers';
import { monthlyStats } from './stats';

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const tripFilter = (f: RegisterFilter): TripFilter => ({
  year: f.year,
  from: f.from,
  to: f.to,
  state: f.state,
  q: f.q,
  vehicleId: num(f.extra?.vehicleId),
  driverId: num(f.extra?.driverId),
  applicantId: num(f.extra?.applicantId),
  department: str(f.extra?.department),
  flagged: f.extra?.flagged === true || f.extra?.flagged === 'true' ? true : undefined,
});

const tripsRegister: RegisterImpl = {
  def: TRIPS_REGISTER,
  count: (db, f) => countTrips(db, tripFilter(f)),
  rows(db, f, limit, offset) {
    // Paper order: by number, so an inspector sees that none is missing.
    return listTrips(db, tripFilter(f), 'number', 'asc', limit, offset).rows.map((t): OutputRow => {
      const notes: string[] = [];
      if (t.state !== 'returned') notes.push(TRIP_STATE_LABELS[t.state]);
      if (t.voidReason) notes.push(`作废原因：${t.voidReason}`);
      if (t.gap) notes.push(`里程不连续（应为 ${t.expectedOdometer}）：${t.gapReason}`);
      if (t.offDay) notes.push(`节假日用车：${t.offDayReason}`);
      for (const flag of tripFlags({ ...t, gap: false, offDay: false })) notes.push(flag);
      if (t.remarks) notes.push(t.remarks);
      return {
        number: t.number,
        date: (t.outAt ?? t.plannedOut).slice(0, 10),
        plate: t.plate ? formatPlate(t.plate) : '',
        applicant: t.department ? `${t.applicantName}/${t.department}` : t.applicantName,
        reason: t.reason,
        destination: t.destination,
        outTime: shortTime(t.outAt, (t.outAt ?? t.plannedOut).slice(0, 10)),
        returnTime: shortTime(t.returnAt, (t.outAt ?? t.plannedOut).slice(0, 10)),
        outAt: t.outAt,
        returnAt: t.returnAt,
        outOdometer: t.outOdometer,
        returnOdometer: t.returnOdometer,
        distance: t.distance,
        driver: t.driverName,
        approver: t.approverName,
        remarks: notes.join('；'),
        state: TRIP_STATE_LABELS[t.state],
        route: t.route,
        passengers: t.passengers,
        costTotal: t.costTotal,
        userSign: null,
        driverSign: null,
        _flag: t.flagged,
      };
    });
  },
};

const fleetRows = (db: Db, f: RegisterFilter) => listVehicles(db, { q: f.q, status: f.state && f.state in VEHICLE_STATUS_LABELS ? f.state : undefined }, 100_000, 0).rows;

const fleetRegister: RegisterImpl<VehicleValues> = {
  def: FLEET_REGISTER,
  count: (db, f) => fleetRows(db, f).length,
  rows: (db, f, limit, offset) =>
    fleetRows(db, f)
      .slice(offset, offset + limit)
      .map((v) => ({
        plate: formatPlate(v.plate),
        model: v.model,
        vehicleType: v.vehicleType,
        energy: v.energy,
        vin: v.vin,
        engineNo: v.engineNo,
        seats: v.seats,
        purchaseDate: v.purchaseDate,
        purchasePrice: v.purchasePrice,
        driver: v.driverName,
        insuranceExpiry: v.insuranceExpiry,
        inspectionExpiry: v.inspectionExpiry,
        status: VEHICLE_STATUS_LABELS[v.status],
        department: v.department,
        color: v.color,
        odometerStart: v.odometerStart,
        notes: v.notes,
      })),
  importer: {
    parse(cells, row, ctx) {
      const titles = Object.fromEntries(FLEET_REGISTER.importColumns!.map((c) => [c.key, c.title]));
      const raw: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(cells)) if (v !== null && v !== '') raw[k] = v;
      for (const k of ['plate', 'vin', 'engineNo', 'model', 'vehicleType', 'energy', 'color', 'department', 'notes']) if (raw[k] !== undefined) raw[k] = String(raw[k]);
      const r = vehicleCreateInput.safeParse(raw);
      if (!r.success) {
        const problems: ImportProblem[] = r.error.issues.slice(0, 5).map((iss) => {
          const d = describeZodError(vehicleCreateInput, { issues: [iss] } as never);
          return { row, column: titles[String(iss.path[0])] ?? '', message: d.message };
        });
        return { problems };
      }
      try {
        checkVehicle({ db: ctx.db, now: new Date() }, r.data);
      } catch (e) {
        if (e instanceof DomainError) return { problems: [{ row, column: titles[e.field ?? ''] ?? '', message: e.message }] };
        throw e;
      }
      return { value: r.data, problems: [] };
    },
    key: (v) => v.plate,
    existingKeys: (db) => new Set((db.prepare('SELECT plate FROM vehicles').all() as { plate: string }[]).map((r) => r.plate)),
    commit(ctx, values) {
      const vins = new Set<string>();
      for (const v of values) {
        if (vins.has(v.vin)) throw new DomainError('rule', `车架号 ${v.vin} 在文件中重复，未导入任何数据`, 'base64');
        vins.add(v.vin);
        checkVehicle(ctx, v);
        insertVehicle(ctx, v);
      }
      ctx.note({ objectType: VEHICLE, message: `导入车辆档案 ${values.length} 辆` });
      return values.length;
    },
  },
};

const MONTH_LABEL = (m: number) => (m === 0 ? '全年合计' : `${m}月`);
const statOut = (r: StatRow): OutputRow => ({
  plate: r.plate,
  month: MONTH_LABEL(r.month),
  trips: r.trips,
  km: r.km,
  fuelLitres: r.fuelLitres,
  fuelAmount: r.fuelAmount,
  repairAmount: r.repairAmount,
  otherAmount: r.otherAmount,
  totalCost: r.totalCost,
  costPerKm: r.costPerKm,
  fuelPer100Km: r.fuelPer100Km,
});

function monthlyRows(db: Db, f: RegisterFilter): OutputRow[] {
  const year = f.year ?? shanghaiYear(new Date());
  const s = monthlyStats(db, year, num(f.extra?.vehicleId));
  const out: OutputRow[] = [];
  for (const v of s.vehicles) {
    for (const m of s.months) if (m.vehicleId === v.vehicleId) out.push(statOut(m));
    out.push(statOut(v));
  }
  if (s.vehicles.length > 1) out.push(statOut(s.total));
  return out;
}

const monthlyRegister: RegisterImpl = {
  def: MONTHLY_REGISTER,
  count: (db, f) => monthlyRows(db, f).length,
  rows: (db, f, limit, offset) => monthlyRows(db, f).slice(offset, offset + limit),
};

/** The output side (print rows, export, import) of this area's registers, keyed like vehiclesRegisterDefs. */
export const vehiclesRegisterImpls: Record<string, RegisterImpl<any>> = {
  [TRIPS_REGISTER.key]: tripsRegister,
  [FLEET_REGISTER.key]: fleetRegister,
  [MONTHLY_REGISTER.key]: monthlyRegister,
};
