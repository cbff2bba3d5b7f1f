// 公务用车: the rules. Trips go 申请 → 审批 → 派车 → 出车 → 回车; vehicles keep their own file and logs.
import { activeUser, notInFuture } from '../core/rows';
import type { Ctx, PartialHandlers } from '../core/context';
import { DomainError, conflict, refuse } from '../core/errors';
import { formatNumber, nextNumber } from '../core/numbering';
import { recordApproval } from '../core/approvals';
import { addDays, shanghaiDate, shanghaiDateOf, shanghaiMinute, shanghaiYear } from '../core/time';
import type { Db } from '../core/open';
import type { vehiclesMethods, LogKind } from '../contract/vehicles';
import {
  EXPIRY_WARNING_DAYS,
  LOG_KIND_LABELS,
  MAX_AVERAGE_KMH,
  OBJECT_TYPES,
  TRIP_STATE_LABELS,
  VEHICLE_STATUS_LABELS,
  formatPlate,
  tripFlags,
  type Trip,
  type TripState,
} from '../contract/vehicles';
import { describeOffDays, offDaysBetween } from './calendar';
import {
  allLogsOfVehicle,
  allTripsOfVehicle,
  lastReturn,
  listLogs,
  listTrips,
  listVehicles,
  logById,
  logsOfTrip,
  normIso,
  overlapping,
  tripById,
  tripRow,
  vehicleById,
  vehicleRow,
  type TripRow,
  type VehicleRow,
} from './queries';
import { monthlyStats, vehicleTotals } from './stats';

type Keys = keyof typeof vehiclesMethods;

/** One application covers at most this many days. */
const MAX_TRIP_DAYS = 31;

export const TRIP = OBJECT_TYPES.trip;
export const VEHICLE = OBJECT_TYPES.vehicle;
export const VLOG = OBJECT_TYPES.log;

// ---------------------------------------------------------------------------------------------
// helpers

const hhmm = shanghaiMinute;

/** Only what changed, so the audit trail stays readable and small: {before: old values, after: new values}. */
export function changes<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}


function tripOr404(db: Db, id: number): TripRow {
  const t = tripRow(db, id);
  if (!t) throw new DomainError('not_found', '用车申请不存在', 'id');
  return t;
}

function vehicleOr404(db: Db, id: number, field = 'vehicleId'): VehicleRow {
  const v = vehicleRow(db, id);
  if (!v) throw new DomainError('not_found', '车辆不存在', field);
  return v;
}

const tripOut = (db: Db, id: number): Trip => tripById(db, id)!;
const stateLabel = (s: TripState) => TRIP_STATE_LABELS[s];

/**
 * A reading no car could have driven (on average over 200 km/h, or more than 2,000 km on one trip day)
 * is a typo, refused before it breaks the car's odometer continuity for every later trip.
 */
function plausibleDistance(distance: number, outAt: string, returnAt: string) {
  const hours = (Date.parse(returnAt) - Date.parse(outAt)) / 3_600_000;
  const days = Math.max(1, Math.ceil(hours / 24));
  if (distance / Math.max(hours, 0.25) > 200 || distance > days * 2_000) refuse(`行驶 ${distance} 公里（${hours.toFixed(1)} 小时）不可能，请核对回车里程表读数`, 'returnOdometer');
}


/** The whole-day span of [from, to] in Shanghai dates. */
const datesOf = (from: string, to: string) => [shanghaiDateOf(from), shanghaiDateOf(to)] as const;

function requireOffDayReason(db: Db, from: string, to: string, reason: string, what: string): { offDay: boolean; reason: string } {
  const [a, b] = datesOf(from, to);
  const off = offDaysBetween(db, a, b);
  if (!off.length) return { offDay: false, reason: '' };
  if (!reason.trim()) refuse(`${what}包含休息日：${describeOffDays(off)}。公务车辆节假日停放在单位，确需用车须写明节假日用车事由`, 'offDayReason');
  return { offDay: true, reason: reason.trim() };
}

interface Application {
  applicantId: number;
  department?: string;
  appliedOn?: string;
  reason: string;
  destination: string;
  route: string;
  passengers: string;
  passengerCount: number;
  plannedOut: string;
  plannedReturn: string;
  offDayReason: string;
}

/** Checks shared by a new application and an edit of a pending one; the normalised values. */
function checkApplication(ctx: Ctx<unknown>, input: Application) {
  const applicant = activeUser(ctx.db, input.applicantId, '用车人', 'applicantId');
  const plannedOut = normIso(input.plannedOut);
  const plannedReturn = normIso(input.plannedReturn);
  if (plannedReturn <= plannedOut) refuse('计划回车时间必须晚于计划出车时间', 'plannedReturn');
  if (Date.parse(plannedReturn) - Date.parse(plannedOut) > MAX_TRIP_DAYS * 86_400_000) refuse(`一次用车申请最长 ${MAX_TRIP_DAYS} 天，请分段申请`, 'plannedReturn');
  const today = shanghaiDate(ctx.now);
  const appliedOn = input.appliedOn ?? today;
  if (appliedOn > today) refuse('申请日期不能晚于今天', 'appliedOn');
  if (shanghaiDateOf(plannedOut) < appliedOn) refuse(`计划出车时间不能早于申请日期（${appliedOn}）：先申请、审批，后用车`, 'plannedOut');
  const off = requireOffDayReason(ctx.db, plannedOut, plannedReturn, input.offDayReason, '计划用车时间');
  return {
    applicant,
    department: input.department?.trim() || applicant.department,
    appliedOn,
    plannedOut,
    plannedReturn,
    off,
    year: Number(plannedOut.slice(0, 4)),
  };
}

function busyMessage(who: string, b: { number: string; busyFrom: string; busyTo: string; state: TripState }) {
  if (b.state === 'out') return `${who}正在执行 ${b.number}（${hhmm(b.busyFrom)} 出车，尚未回车），时间冲突`;
  return `${who}在 ${hhmm(b.busyFrom)} 至 ${hhmm(b.busyTo)} 已安排 ${b.number}，与本次用车时间重叠`;
}

const LOG_COLUMNS = `vehicle_id, kind, date, trip_id, cost_type, place, content, amount, litres_cl, odometer, person_id, responsibility, points, remarks, created_at, created_by_id`;
function insertLog(ctx: Ctx<unknown>, v: {
  vehicleId: number;
  kind: string;
  date: string;
  tripId?: number | null;
  costType?: string;
  place?: string;
  content?: string;
  amount: number;
  litresCl?: number | null;
  odometer?: number | null;
  personId?: number | null;
  responsibility?: string;
  points?: number | null;
  remarks?: string;
}) {
  const info = ctx.db
    .prepare(`INSERT INTO vehicle_logs (${LOG_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
    .run(
      v.vehicleId,
      v.kind,
      v.date,
      v.tripId ?? null,
      v.costType ?? '',
      v.place ?? '',
      v.content ?? '',
      v.amount,
      v.litresCl ?? null,
      v.odometer ?? null,
      v.personId ?? null,
      v.responsibility ?? '',
      v.points ?? null,
      v.remarks ?? '',
      ctx.nowIso,
      ctx.me().userId,
    );
  return Number(info.lastInsertRowid);
}

export interface VehicleValues {
  plate: string;
  model: string;
  vehicleType: string;
  energy: string;
  color: string;
  vin: string;
  engineNo: string;
  seats: number;
  purchaseDate: string;
  purchasePrice: number;
  driverId?: number | null;
  insuranceExpiry: string;
  inspectionExpiry: string;
  odometerStart: number;
  department: string;
  notes: string;
}

/** Uniqueness and sanity of a vehicle file; `selfId` when editing. */
export function checkVehicle(ctx: Pick<Ctx, 'db' | 'now'>, v: VehicleValues, selfId = 0) {
  const samePlate = ctx.db.prepare('SELECT id FROM vehicles WHERE plate = ? AND id <> ?').get(v.plate, selfId);
  if (samePlate) conflict(`车牌号 ${formatPlate(v.plate)} 已有车辆档案`, 'plate');
  const sameVin = ctx.db.prepare('SELECT plate FROM vehicles WHERE vin = ? AND id <> ?').get(v.vin, selfId) as { plate: string } | undefined;
  if (sameVin) conflict(`车架号已登记在 ${formatPlate(sameVin.plate)} 的档案中`, 'vin');
  if (v.purchaseDate > shanghaiDate(ctx.now)) refuse('购置日期不能晚于今天', 'purchaseDate');
  if (v.driverId) activeUser(ctx.db, v.driverId, '专职驾驶员', 'driverId');
}

export function insertVehicle(ctx: Ctx<unknown>, v: VehicleValues): number {
  const info = ctx.db
    .prepare(
      `INSERT INTO vehicles (plate, model, vehicle_type, energy, color, vin, engine_no, seats, purchase_date, purchase_price, driver_id,
                             insurance_expiry, inspection_expiry, odometer_start, status, department, notes, created_at, created_by_id, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'available',?,?,?,?,?)`,
    )
    .run(
      v.plate,
      v.model,
      v.vehicleType,
      v.energy,
      v.color,
      v.vin,
      v.engineNo,
      v.seats,
      v.purchaseDate,
      v.purchasePrice,
      v.driverId ?? null,
      v.insuranceExpiry,
      v.inspectionExpiry,
      v.odometerStart,
      v.department,
      v.notes,
      ctx.nowIso,
      ctx.me().userId,
      ctx.nowIso,
    );
  return Number(info.lastInsertRowid);
}

/** A parsed log entry of any kind (the union's members share these fields). */
interface AnyLog {
  kind: LogKind;
  vehicleId: number;
  date: string;
  tripId?: number | null;
  remarks: string;
  place: string;
  content: string;
  amount: number;
  odometer?: number | null;
  personId?: number | null;
  litres?: number;
  costType?: string;
  responsibility?: string;
  points?: number;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

// ---------------------------------------------------------------------------------------------
// handlers

export const vehiclesHandlers: PartialHandlers<Keys> = {
  // ---- trips ----

  'vehicles.list': (ctx, input) => {
    const { page, pageSize, sort, order, ...f } = input;
    return listTrips(ctx.db, f, sort, order, pageSize, (page - 1) * pageSize);
  },

  'vehicles.get': (ctx, input) => {
    const trip = tripById(ctx.db, input.id);
    if (!trip) throw new DomainError('not_found', '用车申请不存在', 'id');
    const last = trip.vehicleId ? lastReturn(ctx.db, trip.vehicleId) : undefined;
    const start = trip.vehicleId ? vehicleRow(ctx.db, trip.vehicleId)?.odometer_start ?? null : null;
    return { trip, logs: logsOfTrip(ctx.db, trip.id), lastReturnOdometer: last ? last.returnOdometer : start };
  },

  'vehicles.apply': (ctx, input) => {
    const a = checkApplication(ctx, input);
    const seq = nextNumber(ctx.db, 'vehicles.trips', a.year);
    const number = formatNumber('派车', a.year, seq);
    const me = ctx.me();
    const info = ctx.db
      .prepare(
        `INSERT INTO vehicle_trips (year, seq, number, state, applied_on, applicant_id, department, reason, destination, route, passengers,
                                    passenger_count, planned_out, planned_return, off_day, off_day_reason, created_at, created_by_id, updated_at)
         VALUES (?,?,?,'pending',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        a.year,
        seq,
        number,
        a.appliedOn,
        input.applicantId,
        a.department,
        input.reason,
        input.destination,
        input.route,
        input.passengers,
        input.passengerCount,
        a.plannedOut,
        a.plannedReturn,
        a.off.offDay ? 1 : 0,
        a.off.reason,
        ctx.nowIso,
        me.userId,
        ctx.nowIso,
      );
    const trip = tripOut(ctx.db, Number(info.lastInsertRowid));
    ctx.note({ objectType: TRIP, objectId: trip.id, after: trip, message: `登记用车申请 ${number}：${input.reason}（${a.applicant.name}）${a.off.offDay ? '【节假日用车】' : ''}` });
    return trip;
  },

  'vehicles.updateApplication': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state !== 'pending') refuse(`该申请当前为“${stateLabel(t.state)}”，只有待审批的申请可以修改`, 'id');
    const a = checkApplication(ctx, { ...input, appliedOn: input.appliedOn ?? t.applied_on });
    if (a.year !== t.year) refuse(`编号 ${t.number} 属于 ${t.year} 年，计划出车时间不能改到其他年度；请作废后重新申请`, 'plannedOut');
    const before = tripOut(ctx.db, t.id);
    ctx.db
      .prepare(
        `UPDATE vehicle_trips SET applied_on = ?, applicant_id = ?, department = ?, reason = ?, destination = ?, route = ?, passengers = ?, passenger_count = ?,
                planned_out = ?, planned_return = ?, off_day = ?, off_day_reason = ?, updated_at = ? WHERE id = ?`,
      )
      .run(a.appliedOn, input.applicantId, a.department, input.reason, input.destination, input.route, input.passengers, input.passengerCount, a.plannedOut, a.plannedReturn, a.off.offDay ? 1 : 0, a.off.reason, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    ctx.note({ objectType: TRIP, objectId: t.id, ...changes(before, after), message: `修改用车申请 ${t.number}` });
    return after;
  },

  'vehicles.approve': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state !== 'pending') refuse(`该申请当前为“${stateLabel(t.state)}”，不在待审批状态`, 'id');
    const r = recordApproval(ctx, {
      objectType: TRIP,
      objectId: t.id,
      step: '审批',
      subject: `${t.number} ${t.reason}（${t.destination}）`,
      excludedUserIds: [t.applicant_id, t.created_by_id],
      input: input.approval,
      notBefore: { date: t.applied_on, what: '申请日期' },
    });
    const decidedAt = r.signedAt;
    const state: TripState = r.decision === 'approved' ? 'approved' : 'rejected';
    const before = tripOut(ctx.db, t.id);
    ctx.db.prepare('UPDATE vehicle_trips SET state = ?, approver_id = ?, approved_at = ?, updated_at = ? WHERE id = ?').run(state, r.approverId, decidedAt, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    const how = input.approval.mode === 'cosign' ? '本机会签' : `纸质签批，归档号 ${input.approval.filingNo}`;
    ctx.note({ objectType: TRIP, objectId: t.id, ...changes(before, after), message: `${r.approverName}${r.decision === 'approved' ? '批准' : '驳回'}用车申请 ${t.number}（${how}）` });
    return after;
  },

  'vehicles.dispatch': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state === 'pending') refuse('用车申请尚未审批，不能派车（先审批后用车）', 'id');
    if (t.state !== 'approved' && t.state !== 'dispatched') refuse(`该申请当前为“${stateLabel(t.state)}”，不能派车`, 'id');
    const v = vehicleOr404(ctx.db, input.vehicleId);
    const plate = formatPlate(v.plate);
    if (v.status !== 'available') refuse(`${plate}当前为“${VEHICLE_STATUS_LABELS[v.status]}”状态，不能派车`, 'vehicleId');
    if (t.passenger_count + 1 > v.seats) refuse(`乘车人数 ${t.passenger_count} 人加驾驶员超过 ${plate} 的核定座位数（${v.seats} 座）`, 'vehicleId');
    const startDate = shanghaiDateOf(t.planned_out);
    if (v.insurance_expiry < startDate) refuse(`${plate}的保险已于 ${v.insurance_expiry} 到期，续保后才能派车`, 'vehicleId');
    if (v.inspection_expiry < startDate) refuse(`${plate}的年检已于 ${v.inspection_expiry} 到期，年检后才能派车`, 'vehicleId');
    const driver = activeUser(ctx.db, input.driverId, '驾驶员', 'driverId');
    const vb = overlapping(ctx.db, 'vehicle_id', v.id, t.id, t.planned_out, t.planned_return);
    if (vb) refuse(busyMessage(plate, vb), 'vehicleId');
    const dbusy = overlapping(ctx.db, 'driver_id', driver.id, t.id, t.planned_out, t.planned_return);
    if (dbusy) refuse(busyMessage(`驾驶员${driver.name}`, dbusy), 'driverId');
    const before = tripOut(ctx.db, t.id);
    ctx.db
      .prepare("UPDATE vehicle_trips SET state = 'dispatched', vehicle_id = ?, driver_id = ?, dispatched_at = ?, dispatched_by_id = ?, updated_at = ? WHERE id = ?")
      .run(v.id, driver.id, ctx.nowIso, ctx.me().userId, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    ctx.note({ objectType: TRIP, objectId: t.id, ...changes(before, after), message: `${t.state === 'dispatched' ? '改派' : '派车'} ${t.number}：${plate}，驾驶员${driver.name}` });
    return after;
  },

  'vehicles.depart': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state === 'pending') refuse('用车申请尚未审批，不能出车（先审批后用车）', 'id');
    if (t.state === 'approved') refuse('尚未派车，请先派车', 'id');
    if (t.state !== 'dispatched') refuse(`该申请当前为“${stateLabel(t.state)}”，不能登记出车`, 'id');
    const outAt = normIso(input.outAt);
    notInFuture(ctx, outAt, '实际出车时间', 'outAt');
    if (t.approved_at && outAt < t.approved_at) refuse(`实际出车时间早于审批时间（${hhmm(t.approved_at)}）：须先审批后用车`, 'outAt');
    const v = vehicleOr404(ctx.db, t.vehicle_id!, 'id');
    const plate = formatPlate(v.plate);
    if (v.status !== 'available') refuse(`${plate}当前为“${VEHICLE_STATUS_LABELS[v.status]}”状态，不能出车；请改派其他车辆`, 'id');
    const out = ctx.db.prepare("SELECT number FROM vehicle_trips WHERE vehicle_id = ? AND state = 'out' AND id <> ? LIMIT 1").get(v.id, t.id) as { number: string } | undefined;
    if (out) refuse(`${plate}正在执行 ${out.number}，尚未回车`, 'id');
    const dOut = ctx.db.prepare("SELECT number FROM vehicle_trips WHERE driver_id = ? AND state = 'out' AND id <> ? LIMIT 1").get(t.driver_id, t.id) as { number: string } | undefined;
    if (dOut) refuse(`驾驶员正在执行 ${dOut.number}，尚未回车`, 'id');
    // Nor can the driver leave before coming back from their latest trip (in another car): one trip at a time.
    const dLast = ctx.db
      .prepare("SELECT number, return_at AS returnAt FROM vehicle_trips WHERE driver_id = ? AND state = 'returned' AND id <> ? ORDER BY return_at DESC LIMIT 1")
      .get(t.driver_id, t.id) as { number: string; returnAt: string } | undefined;
    if (dLast && outAt < dLast.returnAt) refuse(`出车时间不能早于驾驶员上次回车时间（${hhmm(dLast.returnAt)}，${dLast.number}）`, 'outAt');
    const last = lastReturn(ctx.db, v.id);
    if (last && outAt < last.returnAt) refuse(`出车时间不能早于该车上次回车时间（${hhmm(last.returnAt)}，${last.number}）`, 'outAt');
    const expected = last ? last.returnOdometer : v.odometer_start;
    const whence = last ? `上次回车里程（${last.number}）` : '建档时里程';
    if (input.outOdometer < expected) refuse(`出车里程 ${input.outOdometer} 公里小于该车${whence} ${expected} 公里：里程表不能倒退`, 'outOdometer');
    const gap = input.outOdometer !== expected;
    if (gap && !input.gapReason.trim()) refuse(`出车里程与该车${whence} ${expected} 公里不一致（相差 ${input.outOdometer - expected} 公里），请写明原因`, 'gapReason');
    let offDay = !!t.off_day;
    let offReason = t.off_day_reason;
    if (!offDay) {
      const o = requireOffDayReason(ctx.db, outAt, outAt, input.offDayReason, '实际出车日期');
      offDay = o.offDay;
      offReason = o.reason;
    }
    const before = tripOut(ctx.db, t.id);
    ctx.db
      .prepare("UPDATE vehicle_trips SET state = 'out', out_at = ?, out_odometer = ?, expected_odometer = ?, gap = ?, gap_reason = ?, off_day = ?, off_day_reason = ?, updated_at = ? WHERE id = ?")
      .run(outAt, input.outOdometer, expected, gap ? 1 : 0, gap ? input.gapReason.trim() : '', offDay ? 1 : 0, offReason, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    ctx.note({ objectType: TRIP, objectId: t.id, ...changes(before, after), message: `登记出车 ${t.number}：${plate}，出车里程 ${input.outOdometer}${gap ? `【里程不连续，应为 ${expected}】` : ''}` });
    return after;
  },

  'vehicles.return': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state !== 'out') refuse(t.state === 'returned' ? '该次出车已登记回车' : `该申请当前为“${stateLabel(t.state)}”，尚未出车，不能登记回车`, 'id');
    const returnAt = normIso(input.returnAt);
    notInFuture(ctx, returnAt, '实际回车时间', 'returnAt');
    if (returnAt <= t.out_at!) refuse(`回车时间必须晚于出车时间（${hhmm(t.out_at!)}）`, 'returnAt');
    if (input.returnOdometer < t.out_odometer!) refuse(`回车里程不能小于出车里程（${t.out_odometer} 公里）：里程表不能倒退`, 'returnOdometer');
    input.costs.forEach((c, i) => {
      if (c.amount === 0) refuse(`第 ${i + 1} 项费用的金额不能为 0`, `costs.${i}.amount`);
    });
    if (input.fuel && input.fuel.amount === 0) refuse('加油金额不能为 0', 'fuel.amount');
    if ((input.violation || input.accident) && !input.remarks.trim()) refuse(`发生${input.accident ? '事故' : '违章'}时请在备注中写明情况`, 'remarks');
    const distance = input.returnOdometer - t.out_odometer!;
    plausibleDistance(distance, t.out_at!, returnAt);
    const hours = (Date.parse(returnAt) - Date.parse(t.out_at!)) / 3_600_000;
    const speedFlag = distance / hours > MAX_AVERAGE_KMH;
    let offDay = !!t.off_day;
    let offReason = t.off_day_reason;
    if (!offDay) {
      const o = requireOffDayReason(ctx.db, t.out_at!, returnAt, input.offDayReason, '实际用车时间');
      offDay = o.offDay;
      offReason = o.reason;
    }
    const before = tripOut(ctx.db, t.id);
    const date = shanghaiDateOf(returnAt);
    for (const c of input.costs) insertLog(ctx, { vehicleId: t.vehicle_id!, kind: 'cost', date, tripId: t.id, costType: c.costType, content: c.content, amount: c.amount, personId: t.driver_id });
    if (input.fuel) {
      insertLog(ctx, { vehicleId: t.vehicle_id!, kind: 'fuel', date, tripId: t.id, place: input.fuel.place, content: '途中加油', amount: input.fuel.amount, litresCl: Math.round(input.fuel.litres * 100), personId: t.driver_id });
    }
    ctx.db
      .prepare(
        "UPDATE vehicle_trips SET state = 'returned', return_at = ?, return_odometer = ?, speed_flag = ?, violation = ?, accident = ?, remarks = ?, off_day = ?, off_day_reason = ?, updated_at = ? WHERE id = ?",
      )
      .run(returnAt, input.returnOdometer, speedFlag ? 1 : 0, input.violation ? 1 : 0, input.accident ? 1 : 0, input.remarks.trim(), offDay ? 1 : 0, offReason, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    const flags = tripFlags(after);
    const diff = changes(before, after);
    ctx.note({ objectType: TRIP, objectId: t.id, before: diff.before, after: { ...diff.after, costs: input.costs, fuel: input.fuel ?? null }, message: `登记回车 ${t.number}：行驶 ${distance} 公里${flags.length ? `【${flags.join('、')}】` : ''}` });
    return after;
  },

  'vehicles.correct': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state !== 'returned') refuse(t.state === 'out' ? '车辆尚未回车：出车里程有误请先登记回车再更正' : `该记录为“${stateLabel(t.state)}”，没有可更正的里程`, 'id');
    if (input.outOdometer === t.out_odometer && input.returnOdometer === t.return_odometer) refuse('更正后的里程与原登记相同', 'returnOdometer');
    const v = vehicleOr404(ctx.db, t.vehicle_id!, 'id');
    // Continuity with the trips either side: the one before (or the car's starting reading) and the one after.
    const prev = lastReturn(ctx.db, v.id, { at: t.out_at!, tripId: t.id });
    const floor = prev ? prev.returnOdometer : v.odometer_start;
    const whence = prev ? `上一次回车里程（${prev.number}）` : '该车建档时里程';
    if (input.outOdometer < floor) refuse(`出车里程不能小于${whence} ${floor} 公里`, 'outOdometer');
    // Continuity is judged against the trip before as it stands now (it may itself have been corrected),
    // never against the reading it once followed; a gap needs the reason given at departure.
    const gap = input.outOdometer !== floor;
    if (gap && !t.gap_reason.trim()) {
      refuse(`更正后的出车里程与${whence} ${floor} 公里不一致（相差 ${input.outOdometer - floor} 公里）：出车时未说明里程不连续，请按${whence}更正`, 'outOdometer');
    }
    if (input.returnOdometer < input.outOdometer) refuse('回车里程不能小于出车里程：里程表不能倒退', 'returnOdometer');
    const next = ctx.db
      .prepare("SELECT number, out_odometer AS odo FROM vehicle_trips WHERE vehicle_id = ? AND state IN ('out', 'returned') AND id <> ? AND out_at >= ? ORDER BY out_at LIMIT 1")
      .get(v.id, t.id, t.return_at) as { number: string; odo: number } | undefined;
    if (next && input.returnOdometer > next.odo) refuse(`回车里程不能大于下一次出车里程（${next.number}）${next.odo} 公里`, 'returnOdometer');
    plausibleDistance(input.returnOdometer - input.outOdometer, t.out_at!, t.return_at!);
    const before = tripOut(ctx.db, t.id);
    ctx.db
      .prepare(
        'INSERT INTO vehicle_trip_corrections (trip_id, old_out_odometer, old_return_odometer, new_out_odometer, new_return_odometer, reason, corrected_at, corrected_by_id) VALUES (?,?,?,?,?,?,?,?)',
      )
      .run(t.id, t.out_odometer, t.return_odometer, input.outOdometer, input.returnOdometer, input.reason, ctx.nowIso, ctx.me().userId);
    const hours = (Date.parse(t.return_at!) - Date.parse(t.out_at!)) / 3_600_000;
    ctx.db
      .prepare('UPDATE vehicle_trips SET out_odometer = ?, return_odometer = ?, speed_flag = ?, gap = ?, updated_at = ? WHERE id = ?')
      .run(input.outOdometer, input.returnOdometer, (input.returnOdometer - input.outOdometer) / hours > MAX_AVERAGE_KMH ? 1 : 0, gap ? 1 : 0, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    ctx.note({
      objectType: TRIP,
      objectId: t.id,
      ...changes(before, after),
      message: `更正 ${t.number} 里程：出车 ${t.out_odometer}→${input.outOdometer}，回车 ${t.return_odometer}→${input.returnOdometer}（${input.reason}）`,
    });
    return after;
  },

  'vehicles.void': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    if (t.state === 'out') refuse('车辆已出车，不能作废；请先登记回车', 'id');
    if (t.state === 'rejected' || t.state === 'voided') refuse(`该记录已${stateLabel(t.state).replace('已', '')}，不能作废`, 'id');
    if (t.state === 'returned') {
      // A finished trip may be voided only while nothing depends on it: no later departure of the car.
      const later = ctx.db
        .prepare("SELECT number FROM vehicle_trips WHERE vehicle_id = ? AND state IN ('out', 'returned') AND id <> ? AND out_at >= ? ORDER BY out_at LIMIT 1")
        .get(t.vehicle_id, t.id, t.out_at) as { number: string } | undefined;
      if (later) refuse(`该车此后已有出车记录（${later.number}），不能作废；里程有误请用“更正里程”`, 'id');
      ctx.db.prepare('UPDATE vehicle_logs SET voided_at = ?, voided_by_id = ?, void_reason = ? WHERE trip_id = ? AND voided_at IS NULL').run(ctx.nowIso, ctx.me().userId, `随出车记录 ${t.number} 作废`, t.id);
    }
    const before = tripOut(ctx.db, t.id);
    ctx.db.prepare("UPDATE vehicle_trips SET state = 'voided', voided_at = ?, voided_by_id = ?, void_reason = ?, updated_at = ? WHERE id = ?").run(ctx.nowIso, ctx.me().userId, input.reason, ctx.nowIso, t.id);
    const after = tripOut(ctx.db, t.id);
    ctx.note({ objectType: TRIP, objectId: t.id, ...changes(before, after), message: `作废用车申请 ${t.number}：${input.reason}` });
    return after;
  },

  'vehicles.checkAvailability': (ctx, input) => {
    const t = tripOr404(ctx.db, input.id);
    const vs = ctx.db.prepare("SELECT id, plate, model, seats, status, driver_id AS driverId FROM vehicles WHERE status <> 'scrapped' ORDER BY plate").all() as {
      id: number;
      plate: string;
      model: string;
      seats: number;
      status: VehicleRow['status'];
      driverId: number | null;
    }[];
    const vehicles = vs.map((v) => {
      const b = overlapping(ctx.db, 'vehicle_id', v.id, t.id, t.planned_out, t.planned_return);
      return { ...v, busyWith: b ? busyMessage(formatPlate(v.plate), b) : null };
    });
    const busy = ctx.db
      .prepare(
        `SELECT DISTINCT driver_id AS driverId FROM vehicle_trips WHERE driver_id IS NOT NULL AND id <> ?
         AND ((state IN ('dispatched', 'returned') AND busy_to > ? AND busy_from < ?) OR (state = 'out' AND busy_from < ?))`,
      )
      .all(t.id, t.planned_out, t.planned_return, t.planned_return) as { driverId: number }[];
    const busyDrivers = busy.map(({ driverId }) => {
      const b = overlapping(ctx.db, 'driver_id', driverId, t.id, t.planned_out, t.planned_return)!;
      return { driverId, busyWith: busyMessage('该驾驶员', b) };
    });
    return { vehicles, busyDrivers };
  },

  // ---- vehicles ----

  'vehicles.vehicleList': (ctx, input) => listVehicles(ctx.db, input, input.pageSize, (input.page - 1) * input.pageSize),

  'vehicles.vehicleGet': (ctx, input) => {
    const v = vehicleById(ctx.db, input.id);
    if (!v) throw new DomainError('not_found', '车辆不存在', 'id');
    return v;
  },

  'vehicles.vehicleCreate': (ctx, input) => {
    checkVehicle(ctx, input);
    const id = insertVehicle(ctx, input);
    const v = vehicleById(ctx.db, id)!;
    ctx.note({ objectType: VEHICLE, objectId: id, after: v, message: `新建车辆档案 ${v.plateDisplay}（${v.model}）` });
    return v;
  },

  'vehicles.vehicleUpdate': (ctx, input) => {
    const row = vehicleOr404(ctx.db, input.id, 'id');
    if (row.status === 'scrapped') refuse('已报废车辆的档案不可修改', 'id');
    checkVehicle(ctx, input, row.id);
    if (input.odometerStart !== row.odometer_start) {
      const used = ctx.db.prepare("SELECT number FROM vehicle_trips WHERE vehicle_id = ? AND out_at IS NOT NULL LIMIT 1").get(row.id) as { number: string } | undefined;
      if (used) refuse(`该车已有出车记录（${used.number}），建档时里程不能再修改`, 'odometerStart');
    }
    const before = vehicleById(ctx.db, row.id)!;
    ctx.db
      .prepare(
        `UPDATE vehicles SET plate = ?, model = ?, vehicle_type = ?, energy = ?, color = ?, vin = ?, engine_no = ?, seats = ?, purchase_date = ?, purchase_price = ?,
                driver_id = ?, insurance_expiry = ?, inspection_expiry = ?, odometer_start = ?, department = ?, notes = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        input.plate,
        input.model,
        input.vehicleType,
        input.energy,
        input.color,
        input.vin,
        input.engineNo,
        input.seats,
        input.purchaseDate,
        input.purchasePrice,
        input.driverId ?? null,
        input.insuranceExpiry,
        input.inspectionExpiry,
        input.odometerStart,
        input.department,
        input.notes,
        ctx.nowIso,
        row.id,
      );
    const after = vehicleById(ctx.db, row.id)!;
    ctx.note({ objectType: VEHICLE, objectId: row.id, ...changes(before, after), message: `修改车辆档案 ${after.plateDisplay}` });
    return after;
  },

  'vehicles.vehicleSetStatus': (ctx, input) => {
    const row = vehicleOr404(ctx.db, input.id, 'id');
    const plate = formatPlate(row.plate);
    if (row.status === 'scrapped') refuse(`${plate}已报废，状态不能再变更`, 'status');
    if (row.status === input.status) refuse(`${plate}已是“${VEHICLE_STATUS_LABELS[row.status]}”状态`, 'status');
    if (input.status !== 'available') {
      const out = ctx.db.prepare("SELECT number FROM vehicle_trips WHERE vehicle_id = ? AND state = 'out' LIMIT 1").get(row.id) as { number: string } | undefined;
      if (out) refuse(`${plate}正在执行 ${out.number}，请先登记回车`, 'status');
    }
    if (input.status === 'scrapped') {
      const pending = ctx.db.prepare("SELECT number FROM vehicle_trips WHERE vehicle_id = ? AND state = 'dispatched' LIMIT 1").get(row.id) as { number: string } | undefined;
      if (pending) refuse(`${plate}还有已派车未出车的申请（${pending.number}），请先改派或作废`, 'status');
    }
    const before = vehicleById(ctx.db, row.id)!;
    ctx.db.prepare('INSERT INTO vehicle_status_changes (vehicle_id, at, from_status, to_status, reason, by_id) VALUES (?,?,?,?,?,?)').run(row.id, ctx.nowIso, row.status, input.status, input.reason, ctx.me().userId);
    ctx.db.prepare('UPDATE vehicles SET status = ?, updated_at = ? WHERE id = ?').run(input.status, ctx.nowIso, row.id);
    const after = vehicleById(ctx.db, row.id)!;
    ctx.note({ objectType: VEHICLE, objectId: row.id, ...changes(before, after), message: `${plate}状态：${VEHICLE_STATUS_LABELS[row.status]} → ${VEHICLE_STATUS_LABELS[input.status]}（${input.reason}）` });
    return after;
  },

  'vehicles.vehicleFile': (ctx, input) => {
    const vehicle = vehicleById(ctx.db, input.id);
    if (!vehicle) throw new DomainError('not_found', '车辆不存在', 'id');
    const statusChanges = ctx.db
      .prepare(
        `SELECT s.id, s.vehicle_id AS vehicleId, s.at, s.from_status AS fromStatus, s.to_status AS toStatus, s.reason, u.name AS byName
         FROM vehicle_status_changes s JOIN users u ON u.id = s.by_id WHERE s.vehicle_id = ? ORDER BY s.id`,
      )
      .all(vehicle.id) as never[];
    return {
      vehicle,
      statusChanges,
      logs: allLogsOfVehicle(ctx.db, vehicle.id, input.year),
      trips: allTripsOfVehicle(ctx.db, vehicle.id, input.year),
      totals: vehicleTotals(ctx.db, vehicle.id, vehicle.plate, input.year),
    };
  },

  // ---- logs ----

  'vehicles.logList': (ctx, input) => {
    const { page, pageSize, ...f } = input;
    return listLogs(ctx.db, f, pageSize, (page - 1) * pageSize);
  },

  'vehicles.logAdd': (ctx, input) => {
    const i = input as AnyLog;
    const v = vehicleOr404(ctx.db, i.vehicleId);
    const plate = formatPlate(v.plate);
    if (v.status === 'scrapped') refuse(`${plate}已报废，不能再登记`, 'vehicleId');
    if (i.date > shanghaiDate(ctx.now)) refuse('日期不能晚于今天', 'date');
    if (i.date < v.purchase_date) refuse(`日期早于该车购置日期（${v.purchase_date}）`, 'date');
    if (i.tripId) {
      const t = tripRow(ctx.db, i.tripId);
      if (!t) throw new DomainError('not_found', '关联的出车记录不存在', 'tripId');
      if (t.vehicle_id !== v.id) refuse(`${t.number}不是 ${plate} 的出车记录`, 'tripId');
      if (t.state === 'voided') refuse(`${t.number}已作废，不能关联`, 'tripId');
    }
    if ((i.kind === 'fuel' || i.kind === 'cost') && i.amount === 0) refuse('金额不能为 0', 'amount');
    if (i.kind === 'fuel' && (i.odometer ?? 0) < v.odometer_start) refuse(`加油时里程小于该车建档时里程（${v.odometer_start} 公里）`, 'odometer');
    if (i.personId) activeUser(ctx.db, i.personId, i.kind === 'accident' || i.kind === 'violation' ? '驾驶员' : '经办人', 'personId');
    const id = insertLog(ctx, {
      vehicleId: v.id,
      kind: i.kind,
      date: i.date,
      tripId: i.tripId,
      costType: i.kind === 'cost' ? i.costType : '',
      place: i.place,
      content: i.content,
      amount: i.amount,
      litresCl: i.kind === 'fuel' ? Math.round(i.litres! * 100) : null,
      odometer: i.odometer ?? null,
      personId: i.personId,
      responsibility: i.kind === 'accident' ? i.responsibility : '',
      points: i.kind === 'violation' ? i.points : null,
      remarks: i.remarks,
    });
    const log = logById(ctx.db, id)!;
    ctx.note({ objectType: VLOG, objectId: id, after: log, message: `登记${LOG_KIND_LABELS[log.kind]}：${plate} ${log.date}${log.amount ? ` ${(log.amount / 100).toFixed(2)} 元` : ''}` });
    return log;
  },

  'vehicles.logVoid': (ctx, input) => {
    const before = logById(ctx.db, input.id);
    if (!before) throw new DomainError('not_found', '记录不存在', 'id');
    if (before.voidedAt) refuse('该记录已作废', 'id');
    ctx.db.prepare('UPDATE vehicle_logs SET voided_at = ?, voided_by_id = ?, void_reason = ? WHERE id = ?').run(ctx.nowIso, ctx.me().userId, input.reason, input.id);
    const after = logById(ctx.db, input.id)!;
    ctx.note({ objectType: VLOG, objectId: input.id, ...changes(before, after), message: `作废${LOG_KIND_LABELS[before.kind]}记录：${formatPlate(before.plate)} ${before.date}（${input.reason}）` });
    return after;
  },

  'vehicles.logResolve': (ctx, input) => {
    const before = logById(ctx.db, input.id);
    if (!before) throw new DomainError('not_found', '记录不存在', 'id');
    if (before.kind !== 'accident' && before.kind !== 'violation') refuse('只有违章和事故记录需要登记处理结果', 'id');
    if (before.voidedAt) refuse('该记录已作废', 'id');
    if (before.resolvedAt) refuse('该记录已登记处理结果', 'id');
    ctx.db.prepare('UPDATE vehicle_logs SET resolved_at = ?, resolution = ? WHERE id = ?').run(ctx.nowIso, input.resolution, input.id);
    const after = logById(ctx.db, input.id)!;
    ctx.note({ objectType: VLOG, objectId: input.id, ...changes(before, after), message: `${LOG_KIND_LABELS[before.kind]}处理结果：${formatPlate(before.plate)} ${input.resolution}` });
    return after;
  },

  // ---- statistics, calendar, home ----

  'vehicles.monthlyStats': (ctx, input) => monthlyStats(ctx.db, input.year, input.vehicleId),

  'vehicles.calendarList': (ctx, input) =>
    ctx.db.prepare('SELECT date, kind, name FROM vehicle_calendar WHERE date >= ? AND date <= ? ORDER BY date').all(`${input.year}-01-01`, `${input.year}-12-31`) as never,

  'vehicles.calendarSet': (ctx, input) => {
    const before = (ctx.db.prepare('SELECT date, kind, name FROM vehicle_calendar WHERE date = ?').get(input.date) as { date: string; kind: string; name: string } | undefined) ?? null;
    if (input.kind === 'normal') {
      if (!before) refuse(`${input.date}本来就是正常安排`, 'date');
      ctx.db.prepare('DELETE FROM vehicle_calendar WHERE date = ?').run(input.date);
    } else {
      const name = input.name.trim() || (input.kind === 'holiday' ? '法定节假日' : '调休上班');
      ctx.db.prepare('INSERT INTO vehicle_calendar (date, kind, name) VALUES (?,?,?) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name').run(input.date, input.kind, name);
    }
    const after = (ctx.db.prepare('SELECT date, kind, name FROM vehicle_calendar WHERE date = ?').get(input.date) as object | undefined) ?? null;
    const what = { holiday: '设为法定节假日', workday: '设为调休上班日', normal: '恢复正常安排' }[input.kind];
    ctx.note({ objectType: OBJECT_TYPES.calendar, objectId: input.date, before, after, message: `节假日安排：${input.date} ${what}${input.name ? `（${input.name}）` : ''}` });
    return { ok: true as const };
  },

  'vehicles.offDays': (ctx, input) => {
    const from = normIso(input.from);
    const to = normIso(input.to);
    if (to < from) return [];
    return offDaysBetween(ctx.db, shanghaiDateOf(from), shanghaiDateOf(to));
  },

  'vehicles.dashboard': (ctx) => {
    const db = ctx.db;
    const count = (state: string) => (db.prepare('SELECT count(*) AS n FROM vehicle_trips WHERE state = ?').get(state) as { n: number }).n;
    const outNow = (
      db
        .prepare(
          `SELECT t.id AS tripId, t.number, v.plate, coalesce(u.name, '') AS driverName, t.destination, t.out_at AS outAt, t.planned_return AS plannedReturn
           FROM vehicle_trips t JOIN vehicles v ON v.id = t.vehicle_id LEFT JOIN users u ON u.id = t.driver_id
           WHERE t.state = 'out' ORDER BY t.out_at`,
        )
        .all() as { tripId: number; number: string; plate: string; driverName: string; destination: string; outAt: string; plannedReturn: string }[]
    ).map((r) => ({ ...r, plate: formatPlate(r.plate), overdue: r.plannedReturn < ctx.nowIso }));
    const today = shanghaiDate(ctx.now);
    const limit = addDays(today, EXPIRY_WARNING_DAYS);
    const expiring: { vehicleId: number; plate: string; what: 'insurance' | 'inspection'; date: string; days: number }[] = [];
    for (const [col, what] of [
      ['insurance_expiry', 'insurance'],
      ['inspection_expiry', 'inspection'],
    ] as const) {
      const rows = db.prepare(`SELECT id, plate, ${col} AS date FROM vehicles WHERE status <> 'scrapped' AND ${col} <= ? ORDER BY ${col}`).all(limit) as { id: number; plate: string; date: string }[];
      for (const r of rows) expiring.push({ vehicleId: r.id, plate: formatPlate(r.plate), what, date: r.date, days: daysBetween(today, r.date) });
    }
    expiring.sort((a, b) => a.date.localeCompare(b.date));
    const year = shanghaiYear(ctx.now);
    const flaggedCount = (db.prepare("SELECT count(*) AS n FROM vehicle_trips WHERE flagged = 1 AND year = ? AND state <> 'voided'").get(year) as { n: number }).n;
    const flagged = (
      db
        .prepare(
          `SELECT t.id AS tripId, t.number, v.plate, t.gap, t.off_day AS offDay, t.speed_flag AS speedFlag, t.violation, t.accident, coalesce(t.out_at, t.planned_out) AS date
           FROM vehicle_trips t LEFT JOIN vehicles v ON v.id = t.vehicle_id
           WHERE t.flagged = 1 AND t.year = ? AND t.state <> 'voided' ORDER BY t.seq DESC LIMIT 8`,
        )
        .all(year) as { tripId: number; number: string; plate: string | null; gap: number; offDay: number; speedFlag: number; violation: number; accident: number; date: string }[]
    ).map((r) => ({
      tripId: r.tripId,
      number: r.number,
      plate: r.plate ? formatPlate(r.plate) : null,
      date: shanghaiDateOf(r.date),
      flags: tripFlags({ gap: !!r.gap, offDay: !!r.offDay, speedFlag: !!r.speedFlag, violation: !!r.violation, accident: !!r.accident }),
    }));
    const unresolvedIncidents = (db.prepare("SELECT count(*) AS n FROM vehicle_logs WHERE kind IN ('accident', 'violation') AND resolved_at IS NULL AND voided_at IS NULL").get() as { n: number }).n;
    return { pendingApproval: count('pending'), awaitingDispatch: count('approved'), outNow, expiring, flaggedCount, flagged, unresolvedIncidents };
  },
};
