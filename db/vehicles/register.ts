// The output side of the vehicles registers: 公务用车使用登记表, 车辆登记表 (with import), 月度统计表.
import type { RegisterFilter } from '../contract/output';
import type { ImportProblem } from '../contract/output';
import { FLEET_REGISTER, MONTHLY_REGISTER, OBJECT_TYPES, TRIPS_REGISTER, TRIP_STATE_LABELS, VEHICLE_STATUS_LABELS, formatPlate, shortTime, tripFlags, vehicleCreateInput, type StatRow } from '../contract/vehicles';
import { describeZodError } from '../contract';
import { DomainError, refuse } from '../core/errors';
import { backEnteredOn, shanghaiDateOf, shanghaiMinute, shanghaiYear } from '../core/time';
import type { Db } from '../core/open';
import type { OutputRow, RegisterImpl } from '../output/registry';
import { personNamed, readImportRow } from '../output/import-row';
import type { Ctx } from '../core/context';
import { claimNumber, formatNumber, nextNumber } from '../core/numbering';
import { stmt, userLite } from '../core/rows';
import { requireSeparate } from '../core/segregation';
import { requireSigner } from '../core/signers';
import { CONFIRMATION_MARKS, confirmationMarks } from '../core/approvals';
import { MAX_AVERAGE_KMH } from '../contract/vehicles';
import { countTrips, listTrips, listVehicles, normIso, overlapping, plateQuery, vehicleRow, type TripFilter } from './queries';
import { checkVehicle, insertVehicle, type VehicleValues } from './handlers';
import { describeOffDays, offDaysBetween } from './calendar';
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

// ---- taking over the paper trip log ----

interface ImportedTrip {
  row: number;
  number: string | null;
  year: number;
  seq: number | null;
  vehicleId: number;
  applicantId: number;
  department: string;
  driverId: number;
  approverId: number;
  reason: string;
  destination: string;
  outAt: string;
  returnAt: string;
  outOdometer: number;
  returnOdometer: number;
  offDayReason: string;
  remarks: string;
}

const TRIP_NUMBER_RE = /^派车〔(\d{4})〕第(\d{1,6})号$/;
const TRIP_LIMITS: [string, string, number][] = [
  ['reason', '事由', 200],
  ['destination', '目的地', 100],
  ['offDayReason', '节假日用车事由', 200],
  ['remarks', '备注', 500],
];

const tripImporter: NonNullable<RegisterImpl<ImportedTrip>['importer']> = {
  parse(c, row, ctx) {
    const { problems, bad, s } = readImportRow(c, row, TRIP_LIMITS);
    const wanted = plateQuery(s('plate'));
    const vehicle = (stmt(ctx.db, 'SELECT id, plate FROM vehicles').all() as { id: number; plate: string }[]).find((v) => plateQuery(v.plate) === wanted);
    if (!vehicle) bad('车牌', `车辆档案中没有“${s('plate')}”，请先登记该车辆`);
    const applicant = personNamed(ctx.db, s('applicant'), '用车人', bad);
    const driver = personNamed(ctx.db, s('driver'), '驾驶员', bad);
    const approver = personNamed(ctx.db, s('approver'), '审批人', bad);
    if (approver && applicant && approver.id === applicant.id) bad('审批人', '审批人不能是用车人本人');
    const toIso = (v: string) => normIso(`${v.replace(' ', 'T')}:00+08:00`);
    const outAt = toIso(s('outAt'));
    const returnAt = toIso(s('returnAt'));
    const now = normIso(ctx.core.clock.now().toISOString());
    if (outAt > now) bad('出车时间', '出车时间不能晚于现在：只能导入已完成的用车');
    if (returnAt > now) bad('回车时间', '回车时间不能晚于现在：只能导入已完成的用车');
    if (returnAt <= outAt) bad('回车时间', '回车时间必须晚于出车时间');
    const outOdometer = c.outOdometer as number;
    const returnOdometer = c.returnOdometer as number;
    if (outOdometer < 0) bad('出车里程', '里程不能为负数');
    if (returnOdometer < outOdometer) bad('回车里程', '回车里程不能小于出车里程：里程表不能倒退');
    const off = offDaysBetween(ctx.db, shanghaiDateOf(outAt), shanghaiDateOf(returnAt));
    if (off.length && !s('offDayReason')) bad('节假日用车事由', `用车时间包含休息日：${describeOffDays(off)}，须填写节假日用车事由`);
    const year = Number(outAt.slice(0, 4));
    const written = s('number') || null;
    const m = written ? TRIP_NUMBER_RE.exec(written) : null;
    if (written && !m) bad('编号', '编号格式应为 派车〔年度〕第N号，或留空由系统编号');
    // 第7号 on paper is 第0007号 in the register, so it is compared and stored the one way.
    const number = m ? formatNumber('派车', Number(m[1]), Number(m[2])) : null;
    if (m && Number(m[1]) !== year) bad('编号', `编号的年度（${m[1]}）与出车时间的年度（${year}）不一致`);
    if (problems.length) return { problems };
    return {
      problems,
      value: {
        row,
        number,
        year,
        seq: m ? Number(m[2]) : null,
        vehicleId: vehicle!.id,
        applicantId: applicant!.id,
        department: applicant!.department,
        driverId: driver!.id,
        approverId: approver!.id,
        reason: s('reason'),
        destination: s('destination'),
        outAt,
        returnAt,
        outOdometer,
        returnOdometer,
        offDayReason: s('offDayReason'),
        remarks: s('remarks'),
      },
    };
  },
  key: (v) => v.number,
  existingKeys: (db) => new Set(db.prepare('SELECT number FROM vehicle_trips').pluck().all() as string[]),
  // Completed trips only: the paper log records a trip once the car is back.
  rowsForImport(db, f, limit, offset) {
    const filter = tripFilter(f);
    if (filter.state && filter.state !== 'returned') return [];
    return listTrips(db, { ...filter, state: 'returned' }, 'number', 'asc', limit, offset).rows.map((t) => ({
      number: t.number,
      plate: t.plate ? formatPlate(t.plate) : '',
      applicant: t.applicantName,
      reason: t.reason,
      destination: t.destination,
      outAt: t.outAt ? shanghaiMinute(t.outAt) : null,
      returnAt: t.returnAt ? shanghaiMinute(t.returnAt) : null,
      outOdometer: t.outOdometer,
      returnOdometer: t.returnOdometer,
      driver: t.driverName,
      approver: t.approverName,
      offDayReason: t.offDay ? t.offDayReason : '',
      // What the import has no column for goes into 备注, so the history travels with the trip.
      remarks: [t.gap && !t.imported ? `里程不连续说明：${t.gapReason}` : '', t.violation ? '违章' : '', t.accident ? '事故' : '', t.remarks].filter(Boolean).join('；'),
    }));
  },
  // In time order, so each trip's odometer is compared with the one before it, in the file or already recorded.
  order: (a, b) => (a.outAt < b.outAt ? -1 : a.outAt > b.outAt ? 1 : 0),
  store(ctx: Ctx, v) {
    const me = ctx.me();
    const seqTaken = stmt(ctx.db, 'SELECT number FROM vehicle_trips WHERE year = ? AND seq = ?');
    // The trip that came back last before this one left: where its odometer should start.
    const previous = stmt(ctx.db, "SELECT number, return_odometer AS odo FROM vehicle_trips WHERE vehicle_id = ? AND state = 'returned' AND return_at <= ? ORDER BY return_at DESC LIMIT 1");
    // The car's next trip after this one came back: its odometer cannot read less than this one's return.
    const next = stmt(ctx.db, "SELECT number, out_odometer AS odo FROM vehicle_trips WHERE vehicle_id = ? AND out_at >= ? AND out_odometer IS NOT NULL AND state <> 'voided' ORDER BY out_at LIMIT 1");
    const ins = stmt(
      ctx.db,
      `INSERT INTO vehicle_trips (year, seq, number, state, imported, applied_on, applicant_id, department, reason, destination, planned_out, planned_return,
         off_day, off_day_reason, approver_id, approved_at, vehicle_id, driver_id, dispatched_at, dispatched_by_id, out_at, out_odometer, expected_odometer,
         gap, gap_reason, return_at, return_odometer, speed_flag, remarks, created_at, created_by_id, updated_at)
       VALUES (?,?,?,'returned',1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    {
      const fail = (message: string, field = 'outAt'): never => refuse(message, field);
      // The approver as on the live form: an 审批人, never the person who used the car.
      requireSigner(ctx.db, userLite(ctx.db, v.approverId)!, ['approver'], v.outAt, 'approver');
      requireSeparate({ as: '审批人', id: v.approverId }, [{ as: '用车人', id: v.applicantId }, { as: '驾驶员', id: v.driverId }], 'approver');
      // The car as it was that day: it cannot have driven before it was bought.
      const car = vehicleRow(ctx.db, v.vehicleId)!;
      if (shanghaiDateOf(v.outAt) < car.purchase_date) fail(`${formatPlate(car.plate)}于 ${car.purchase_date} 购置，不能有此前的出车记录`);
      const vb = overlapping(ctx.db, 'vehicle_id', v.vehicleId, 0, v.outAt, v.returnAt);
      if (vb) fail(`该车在 ${vb.busyFrom.slice(0, 16).replace('T', ' ')} 至 ${vb.busyTo.slice(0, 16).replace('T', ' ')} 已有 ${vb.number}，时间重叠`);
      const db_ = overlapping(ctx.db, 'driver_id', v.driverId, 0, v.outAt, v.returnAt);
      if (db_) fail(`驾驶员在 ${db_.busyFrom.slice(0, 16).replace('T', ' ')} 至 ${db_.busyTo.slice(0, 16).replace('T', ' ')} 已出车（${db_.number}），时间重叠`);
      let seq = v.seq;
      if (seq !== null) {
        const taken = seqTaken.get(v.year, seq) as { number: string } | undefined;
        if (taken) fail(`编号“${v.number}”与已有的“${taken.number}”序号相同`);
        claimNumber(ctx.db, 'vehicles.trips', v.year, seq);
      } else seq = nextNumber(ctx.db, 'vehicles.trips', v.year);
      const number = v.number ?? formatNumber('派车', v.year, seq);
      const prev = previous.get(v.vehicleId, v.outAt) as { number: string; odo: number } | undefined;
      // An odometer never runs backwards: not against the car's trip before, nor the one after.
      if (prev && v.outOdometer < prev.odo) fail(`出车里程 ${v.outOdometer} 公里小于该车上次回车里程（${prev.number}，${prev.odo} 公里）：里程表不能倒退`, 'outOdometer');
      const after = next.get(v.vehicleId, v.returnAt) as { number: string; odo: number } | undefined;
      if (after && after.odo < v.returnOdometer) fail(`回车里程 ${v.returnOdometer} 公里大于该车下一次出车里程（${after.number}，${after.odo} 公里）：里程表不能倒退`, 'returnOdometer');
      const gap = !!prev && prev.odo !== v.outOdometer;
      const hours = (Date.parse(v.returnAt) - Date.parse(v.outAt)) / 3_600_000;
      const speed = (v.returnOdometer - v.outOdometer) / hours > MAX_AVERAGE_KMH;
      ins.run(
        v.year,
        seq,
        number,
        shanghaiDateOf(v.outAt),
        v.applicantId,
        v.department,
        v.reason,
        v.destination,
        v.outAt,
        v.returnAt,
        v.offDayReason ? 1 : 0,
        v.offDayReason,
        v.approverId,
        v.outAt,
        v.vehicleId,
        v.driverId,
        v.outAt,
        me.userId,
        v.outAt,
        v.outOdometer,
        prev ? prev.odo : null,
        gap ? 1 : 0,
        gap ? `导入的纸质记录：与上次回车里程（${prev!.number}，${prev!.odo} 公里）不一致` : '',
        v.returnAt,
        v.returnOdometer,
        speed ? 1 : 0,
        v.remarks,
        ctx.nowIso,
        me.userId,
        ctx.nowIso,
      );
      return number;
    }
  },
};

const tripsRegister: RegisterImpl<ImportedTrip> = {
  def: TRIPS_REGISTER,
  importer: tripImporter,
  count: (db, f) => countTrips(db, tripFilter(f)),
  rows(db, f, limit, offset) {
    // Paper order: by number, so an inspector sees that none is missing.
    const trips = listTrips(db, tripFilter(f), 'number', 'asc', limit, offset).rows;
    const marks = confirmationMarks(db, OBJECT_TYPES.trip, trips.map((t) => t.id));
    return trips.map((t): OutputRow => {
      const notes: string[] = [];
      if (t.state !== 'returned') notes.push(TRIP_STATE_LABELS[t.state]);
      if (t.imported) notes.push('据纸质登记表导入');
      const mark = marks.get(t.id);
      if (mark) notes.push(CONFIRMATION_MARKS[mark]);
      if (t.voidReason) notes.push(`作废原因：${t.voidReason}`);
      if (t.gap) notes.push(`里程不连续（应为 ${t.expectedOdometer}）：${t.gapReason}`);
      // A corrected reading prints beside the original it replaced, with when and why.
      for (const c of t.corrections) notes.push(`${shanghaiDateOf(c.at)} 更正里程（原出车 ${c.oldOut}、回车 ${c.oldReturn}，${c.byName}：${c.reason}）`);
      if (t.offDay) notes.push(`节假日用车：${t.offDayReason}`);
      for (const flag of tripFlags({ ...t, gap: false, offDay: false })) notes.push(flag);
      if (t.remarks) notes.push(t.remarks);
      return {
        number: t.number,
        date: shanghaiDateOf(t.outAt ?? t.plannedOut),
        plate: t.plate ? formatPlate(t.plate) : '',
        applicant: t.department ? `${t.applicantName}/${t.department}` : t.applicantName,
        reason: t.reason,
        destination: t.destination,
        outTime: shortTime(t.outAt, shanghaiDateOf(t.outAt ?? t.plannedOut)),
        returnTime: shortTime(t.returnAt, shanghaiDateOf(t.outAt ?? t.plannedOut)),
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
        _flag: t.flagged || marks.get(t.id) === 'disputed',
        _keyedOn: t.imported ? null : backEnteredOn(t.outAt ?? t.plannedOut, t.createdAt),
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
      if (raw.driver !== undefined) {
        const problems: ImportProblem[] = [];
        const driver = personNamed(ctx.db, String(raw.driver), '驾驶员', (column, message) => void problems.push({ row, column, message }), { activeOnly: true });
        if (!driver) return { problems };
        delete raw.driver;
        raw.driverId = driver.id;
      }
      const r = vehicleCreateInput.safeParse(raw);
      if (!r.success) {
        const problems: ImportProblem[] = r.error.issues.slice(0, 5).map((iss) => {
          const d = describeZodError(vehicleCreateInput, { issues: [iss] } as never);
          return { row, column: titles[String(iss.path[0])] ?? '', message: d.message };
        });
        return { problems };
      }
      try {
        checkVehicle({ db: ctx.db, now: ctx.core.clock.now() }, r.data);
      } catch (e) {
        if (e instanceof DomainError) return { problems: [{ row, column: titles[e.field ?? ''] ?? '', message: e.message }] };
        throw e;
      }
      return { value: r.data, problems: [] };
    },
    key: (v) => v.plate,
    existingKeys: (db) => new Set((db.prepare('SELECT plate FROM vehicles').all() as { plate: string }[]).map((r) => r.plate)),
    rowsForImport: (db, f, limit, offset) =>
      fleetRows(db, f)
        .slice(offset, offset + limit)
        .map((v) => ({
          plate: formatPlate(v.plate),
          model: v.model,
          vehicleType: v.vehicleType,
          energy: v.energy,
          color: v.color,
          vin: v.vin,
          engineNo: v.engineNo,
          seats: v.seats,
          purchaseDate: v.purchaseDate,
          purchasePrice: v.purchasePrice / 100,
          driver: v.driverName,
          insuranceExpiry: v.insuranceExpiry,
          inspectionExpiry: v.inspectionExpiry,
          odometerStart: v.odometerStart,
          department: v.department,
          // A car's later status (停用, 报废…) is recorded by its own steps, not by the import.
          notes: [v.status === 'available' ? '' : `原状态：${VEHICLE_STATUS_LABELS[v.status]}`, v.notes].filter(Boolean).join('；'),
        })),
    // The same checks as registering a car by hand: a VIN repeated in the file meets the row stored before it.
    store(ctx, v) {
      checkVehicle(ctx, v);
      insertVehicle(ctx, v);
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

function monthlyRows(db: Db, f: RegisterFilter, now: Date): OutputRow[] {
  const year = f.year ?? shanghaiYear(now);
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
  count: (db, f, now) => monthlyRows(db, f, now).length,
  rows: (db, f, limit, offset, now) => monthlyRows(db, f, now).slice(offset, offset + limit),
};

/** The output side (print rows, export, import) of this area's registers, keyed like vehiclesRegisterDefs. */
export const vehiclesRegisterImpls: Record<string, RegisterImpl<any>> = {
  [TRIPS_REGISTER.key]: tripsRegister,
  [FLEET_REGISTER.key]: fleetRegister,
  [MONTHLY_REGISTER.key]: monthlyRegister,
};
