// Prepared SQL of the vehicles register and the mapping of its rows to the contract's shapes.
import type { Db } from '../core/open';
import { likePattern } from '../core/sql';
import { toShanghaiIso } from '../core/time';
import type { LogKind, Trip, TripState, Vehicle, VehicleLog, VehicleStatus } from '../contract/vehicles';
import { TRIP_STATES } from '../contract/vehicles';
import { formatPlate } from '../contract/vehicles';

/** Any ISO time with any offset → the stored form (Shanghai, +08:00, milliseconds) so strings compare in time order. */
export const normIso = (s: string) => toShanghaiIso(new Date(s));

/** `YYYY-MM-DD` → an upper bound that sorts after every stored time of that day. */
export const endOfDay = (date: string) => `${date}T24`;

/** Plate search text: what the user typed, without the separators people put in plates. */
export const plateQuery = (q: string) => q.normalize('NFKC').replace(/[\s·•∙・.\-_]/g, '').toUpperCase();

// ---------------------------------------------------------------------------------------------
// Trips

export interface TripRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  state: TripState;
  applied_on: string;
  applicant_id: number;
  department: string;
  reason: string;
  destination: string;
  route: string;
  passengers: string;
  passenger_count: number;
  planned_out: string;
  planned_return: string;
  off_day: number;
  off_day_reason: string;
  approver_id: number | null;
  approved_at: string | null;
  vehicle_id: number | null;
  driver_id: number | null;
  dispatched_at: string | null;
  dispatched_by_id: number | null;
  out_at: string | null;
  out_odometer: number | null;
  expected_odometer: number | null;
  gap: number;
  gap_reason: string;
  return_at: string | null;
  return_odometer: number | null;
  speed_flag: number;
  violation: number;
  accident: number;
  remarks: string;
  created_at: string;
  created_by_id: number;
  voided_at: string | null;
  void_reason: string | null;
  distance: number | null;
  flagged: number;
}

export const tripRow = (db: Db, id: number) => db.prepare('SELECT * FROM vehicle_trips WHERE id = ?').get(id) as TripRow | undefined;

const TRIP_SELECT = `
  SELECT t.id, t.number, t.year, t.state, t.applied_on AS appliedOn, t.applicant_id AS applicantId, ua.name AS applicantName,
         t.department, t.reason, t.destination, t.route, t.passengers, t.passenger_count AS passengerCount,
         t.planned_out AS plannedOut, t.planned_return AS plannedReturn, t.off_day AS offDay, t.off_day_reason AS offDayReason,
         t.approver_id AS approverId, up.name AS approverName, t.approved_at AS approvedAt,
         t.vehicle_id AS vehicleId, v.plate, t.driver_id AS driverId, ud.name AS driverName,
         t.dispatched_at AS dispatchedAt, ub.name AS dispatchedByName,
         t.out_at AS outAt, t.out_odometer AS outOdometer, t.expected_odometer AS expectedOdometer, t.gap, t.gap_reason AS gapReason,
         t.return_at AS returnAt, t.return_odometer AS returnOdometer, t.distance, t.speed_flag AS speedFlag,
         t.violation, t.accident, t.remarks, t.flagged, t.imported,
         (SELECT coalesce(sum(l.amount), 0) FROM vehicle_logs l WHERE l.trip_id = t.id AND l.voided_at IS NULL AND l.kind IN ('fuel', 'cost')) AS costTotal,
         t.created_at AS createdAt, t.created_by_id AS createdById, uc.name AS createdByName, t.voided_at AS voidedAt, t.void_reason AS voidReason,
         (SELECT json_group_array(json_object('at', c.corrected_at, 'byName', cu.name, 'oldOut', c.old_out_odometer, 'oldReturn', c.old_return_odometer,
                                              'newOut', c.new_out_odometer, 'newReturn', c.new_return_odometer, 'reason', c.reason))
            FROM (SELECT * FROM vehicle_trip_corrections WHERE trip_id = t.id ORDER BY id) c JOIN users cu ON cu.id = c.corrected_by_id) AS corrections
  FROM vehicle_trips t
  JOIN users ua ON ua.id = t.applicant_id
  JOIN users uc ON uc.id = t.created_by_id
  LEFT JOIN users up ON up.id = t.approver_id
  LEFT JOIN vehicles v ON v.id = t.vehicle_id
  LEFT JOIN users ud ON ud.id = t.driver_id
  LEFT JOIN users ub ON ub.id = t.dispatched_by_id`;

const BOOL_TRIP = ['offDay', 'gap', 'speedFlag', 'violation', 'accident', 'flagged', 'imported'] as const;
export function toTrip(r: Record<string, unknown>): Trip {
  const t = { ...r } as Record<string, unknown>;
  for (const k of BOOL_TRIP) t[k] = !!t[k];
  t.corrections = JSON.parse((t.corrections as string | null) ?? '[]');
  return t as unknown as Trip;
}

export const tripById = (db: Db, id: number): Trip | undefined => {
  const r = db.prepare(`${TRIP_SELECT} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toTrip(r) : undefined;
};

export interface TripFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  vehicleId?: number;
  driverId?: number;
  applicantId?: number;
  department?: string;
  flagged?: boolean;
}

/** WHERE clause of the trip list and the printed register; `joins` says whether q needs the joined names. */
export function tripWhere(f: TripFilter): { sql: string; args: unknown[]; needsJoins: boolean } {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.year) {
    w.push('t.year = ?');
    args.push(f.year);
  }
  if (f.from) {
    w.push('t.planned_out >= ?');
    args.push(f.from);
  }
  if (f.to) {
    w.push('t.planned_out < ?');
    args.push(endOfDay(f.to));
  }
  if (f.state) {
    if (f.state === 'open') w.push("t.state IN ('pending', 'approved', 'dispatched', 'out')");
    else if ((TRIP_STATES as readonly string[]).includes(f.state)) {
      w.push('t.state = ?');
      args.push(f.state);
    } else w.push('0');
  }
  if (f.vehicleId) {
    w.push('t.vehicle_id = ?');
    args.push(f.vehicleId);
  }
  if (f.driverId) {
    w.push('t.driver_id = ?');
    args.push(f.driverId);
  }
  if (f.applicantId) {
    w.push('t.applicant_id = ?');
    args.push(f.applicantId);
  }
  if (f.department) {
    w.push('t.department = ?');
    args.push(f.department);
  }
  if (f.flagged) w.push('t.flagged = 1');
  let needsJoins = false;
  if (f.q) {
    needsJoins = true;
    const like = likePattern(f.q);
    const plate = likePattern(plateQuery(f.q));
    w.push(
      `(t.number LIKE ? ESCAPE '\\' OR t.reason LIKE ? ESCAPE '\\' OR t.destination LIKE ? ESCAPE '\\' OR t.route LIKE ? ESCAPE '\\'
        OR t.passengers LIKE ? ESCAPE '\\' OR t.department LIKE ? ESCAPE '\\' OR t.remarks LIKE ? ESCAPE '\\'
        OR ua.name LIKE ? ESCAPE '\\' OR ud.name LIKE ? ESCAPE '\\' OR v.plate LIKE ? ESCAPE '\\')`,
    );
    args.push(like, like, like, like, like, like, like, like, like, plate);
  }
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', args, needsJoins };
}

const SORTS = {
  number: (o: string) => `t.year ${o}, t.seq ${o}`,
  plannedOut: (o: string) => `t.planned_out ${o}, t.id ${o}`,
  outAt: (o: string) => `t.out_at ${o}, t.id ${o}`,
  distance: (o: string) => `t.distance ${o}, t.id ${o}`,
} as const;

export function listTrips(db: Db, f: TripFilter, sort: keyof typeof SORTS, order: 'asc' | 'desc', limit: number, offset: number) {
  const w = tripWhere(f);
  const o = order === 'asc' ? 'ASC' : 'DESC';
  const rows = (db.prepare(`${TRIP_SELECT} ${w.sql} ORDER BY ${SORTS[sort](o)} LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as Record<string, unknown>[]).map(toTrip);
  return { rows, total: countTrips(db, f) };
}

export function countTrips(db: Db, f: TripFilter): number {
  const w = tripWhere(f);
  const from = w.needsJoins
    ? 'FROM vehicle_trips t JOIN users ua ON ua.id = t.applicant_id LEFT JOIN vehicles v ON v.id = t.vehicle_id LEFT JOIN users ud ON ud.id = t.driver_id'
    : 'FROM vehicle_trips t';
  return (db.prepare(`SELECT count(*) AS n ${from} ${w.sql}`).get(...w.args) as { n: number }).n;
}

/**
 * The last completed trip of a vehicle: where the next one must start. With `before`, the last one
 * back by that instant other than the trip itself: where that trip had to start (as it stands now).
 */
export const lastReturn = (db: Db, vehicleId: number, before?: { at: string; tripId: number }) =>
  db
    .prepare(
      `SELECT id, number, return_at AS returnAt, return_odometer AS returnOdometer FROM vehicle_trips
       WHERE vehicle_id = @vehicleId AND state = 'returned' AND (@at IS NULL OR (return_at <= @at AND id <> @tripId)) ORDER BY return_at DESC LIMIT 1`,
    )
    .get({ vehicleId, at: before?.at ?? null, tripId: before?.tripId ?? 0 }) as { id: number; number: string; returnAt: string; returnOdometer: number } | undefined;

export interface Busy {
  id: number;
  number: string;
  state: TripState;
  busyFrom: string;
  busyTo: string;
}

/**
 * A trip that holds the vehicle (or driver) during [from, to): a dispatched or completed trip whose
 * time overlaps, or a trip that is out now and started before `to` (it has not come back yet).
 */
export function overlapping(db: Db, column: 'vehicle_id' | 'driver_id', who: number, exceptTrip: number, from: string, to: string): Busy | undefined {
  const a = db
    .prepare(
      `SELECT id, number, state, busy_from AS busyFrom, busy_to AS busyTo FROM vehicle_trips
       WHERE ${column} = ? AND busy_to > ? AND busy_from < ? AND state IN ('dispatched', 'returned') AND id <> ?
       ORDER BY busy_from LIMIT 1`,
    )
    .get(who, from, to, exceptTrip) as Busy | undefined;
  if (a) return a;
  return db
    .prepare(`SELECT id, number, state, busy_from AS busyFrom, busy_to AS busyTo FROM vehicle_trips WHERE ${column} = ? AND state = 'out' AND busy_from < ? AND id <> ? LIMIT 1`)
    .get(who, to, exceptTrip) as Busy | undefined;
}

// ---------------------------------------------------------------------------------------------
// Vehicles

export interface VehicleRow {
  id: number;
  plate: string;
  model: string;
  vehicle_type: string;
  energy: string;
  color: string;
  vin: string;
  engine_no: string;
  seats: number;
  purchase_date: string;
  purchase_price: number;
  driver_id: number | null;
  insurance_expiry: string;
  inspection_expiry: string;
  odometer_start: number;
  status: VehicleStatus;
  department: string;
  notes: string;
  created_at: string;
  created_by_id: number;
  updated_at: string;
}

export const vehicleRow = (db: Db, id: number) => db.prepare('SELECT * FROM vehicles WHERE id = ?').get(id) as VehicleRow | undefined;

const VEHICLE_SELECT = `
  SELECT v.id, v.plate, v.model, v.vehicle_type AS vehicleType, v.energy, v.color, v.vin, v.engine_no AS engineNo, v.seats,
         v.purchase_date AS purchaseDate, v.purchase_price AS purchasePrice, v.driver_id AS driverId, ud.name AS driverName,
         v.insurance_expiry AS insuranceExpiry, v.inspection_expiry AS inspectionExpiry, v.odometer_start AS odometerStart,
         coalesce((SELECT r.return_odometer FROM vehicle_trips r WHERE r.vehicle_id = v.id AND r.state = 'returned' ORDER BY r.return_at DESC LIMIT 1), v.odometer_start) AS lastOdometer,
         v.status, v.department, v.notes,
         (SELECT o.number FROM vehicle_trips o WHERE o.vehicle_id = v.id AND o.state = 'out' LIMIT 1) AS outOnTrip,
         v.created_at AS createdAt, v.updated_at AS updatedAt
  FROM vehicles v LEFT JOIN users ud ON ud.id = v.driver_id`;

const toVehicle = (r: Record<string, unknown>): Vehicle => ({ ...(r as unknown as Vehicle), plateDisplay: formatPlate(r.plate as string) });

export const vehicleById = (db: Db, id: number): Vehicle | undefined => {
  const r = db.prepare(`${VEHICLE_SELECT} WHERE v.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toVehicle(r) : undefined;
};

export function vehicleWhere(f: { q?: string; status?: string }) {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.status) {
    w.push('v.status = ?');
    args.push(f.status);
  }
  if (f.q) {
    const like = likePattern(f.q);
    w.push(`(v.plate LIKE ? ESCAPE '\\' OR v.model LIKE ? ESCAPE '\\' OR v.vin LIKE ? ESCAPE '\\' OR v.department LIKE ? ESCAPE '\\' OR ud.name LIKE ? ESCAPE '\\')`);
    args.push(likePattern(plateQuery(f.q)), like, likePattern(f.q.toUpperCase()), like, like);
  }
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

export function listVehicles(db: Db, f: { q?: string; status?: string }, limit: number, offset: number) {
  const w = vehicleWhere(f);
  const rows = (db.prepare(`${VEHICLE_SELECT} ${w.sql} ORDER BY CASE v.status WHEN 'scrapped' THEN 1 ELSE 0 END, v.plate LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as Record<string, unknown>[]).map(toVehicle);
  const total = (db.prepare(`SELECT count(*) AS n FROM vehicles v LEFT JOIN users ud ON ud.id = v.driver_id ${w.sql}`).get(...w.args) as { n: number }).n;
  return { rows, total };
}

// ---------------------------------------------------------------------------------------------
// Logs

const LOG_SELECT = `
  SELECT l.id, l.vehicle_id AS vehicleId, v.plate, l.kind, l.date, l.trip_id AS tripId, t.number AS tripNumber, l.cost_type AS costType,
         l.place, l.content, l.amount, l.litres_cl AS litresCl, l.odometer, l.person_id AS personId, up.name AS personName,
         l.responsibility, l.points, l.remarks, l.resolved_at AS resolvedAt, l.resolution, l.created_at AS createdAt,
         uc.name AS createdByName, l.voided_at AS voidedAt, l.void_reason AS voidReason
  FROM vehicle_logs l
  JOIN vehicles v ON v.id = l.vehicle_id
  JOIN users uc ON uc.id = l.created_by_id
  LEFT JOIN vehicle_trips t ON t.id = l.trip_id
  LEFT JOIN users up ON up.id = l.person_id`;

const toLog = (r: Record<string, unknown>): VehicleLog => {
  const { litresCl, ...rest } = r as { litresCl: number | null } & Record<string, unknown>;
  return { ...(rest as unknown as VehicleLog), litres: litresCl === null ? null : litresCl / 100 };
};

export const logById = (db: Db, id: number): VehicleLog | undefined => {
  const r = db.prepare(`${LOG_SELECT} WHERE l.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toLog(r) : undefined;
};

export const logsOfTrip = (db: Db, tripId: number): VehicleLog[] => (db.prepare(`${LOG_SELECT} WHERE l.trip_id = ? ORDER BY l.date, l.id`).all(tripId) as Record<string, unknown>[]).map(toLog);

export interface LogFilter {
  vehicleId?: number;
  kind?: LogKind;
  year?: number;
  from?: string;
  to?: string;
  q?: string;
  includeVoided?: boolean;
  unresolved?: boolean;
}

export function listLogs(db: Db, f: LogFilter, limit: number, offset: number) {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.vehicleId) {
    w.push('l.vehicle_id = ?');
    args.push(f.vehicleId);
  }
  if (f.kind) {
    w.push('l.kind = ?');
    args.push(f.kind);
  }
  if (f.year) {
    w.push('l.date >= ? AND l.date <= ?');
    args.push(`${f.year}-01-01`, `${f.year}-12-31`);
  }
  if (f.from) {
    w.push('l.date >= ?');
    args.push(f.from);
  }
  if (f.to) {
    w.push('l.date <= ?');
    args.push(f.to);
  }
  if (f.includeVoided === false) w.push('l.voided_at IS NULL');
  if (f.unresolved) w.push("l.kind IN ('accident', 'violation') AND l.resolved_at IS NULL AND l.voided_at IS NULL");
  if (f.q) {
    const like = likePattern(f.q);
    w.push(`(l.place LIKE ? ESCAPE '\\' OR l.content LIKE ? ESCAPE '\\' OR l.remarks LIKE ? ESCAPE '\\' OR l.cost_type LIKE ? ESCAPE '\\' OR v.plate LIKE ? ESCAPE '\\' OR up.name LIKE ? ESCAPE '\\')`);
    args.push(like, like, like, like, likePattern(plateQuery(f.q)), like);
  }
  const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
  const rows = (db.prepare(`${LOG_SELECT} ${where} ORDER BY l.date DESC, l.id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as Record<string, unknown>[]).map(toLog);
  const total = (
    db
      .prepare(`SELECT count(*) AS n FROM vehicle_logs l JOIN vehicles v ON v.id = l.vehicle_id LEFT JOIN users up ON up.id = l.person_id ${where}`)
      .get(...args) as { n: number }
  ).n;
  return { rows, total };
}

export const allLogsOfVehicle = (db: Db, vehicleId: number, year?: number): VehicleLog[] =>
  (
    db
      .prepare(`${LOG_SELECT} WHERE l.vehicle_id = ? ${year ? 'AND l.date >= ? AND l.date <= ?' : ''} ORDER BY l.date, l.id`)
      .all(...(year ? [vehicleId, `${year}-01-01`, `${year}-12-31`] : [vehicleId])) as Record<string, unknown>[]
  ).map(toLog);

export const allTripsOfVehicle = (db: Db, vehicleId: number, year?: number): Trip[] =>
  (db.prepare(`${TRIP_SELECT} WHERE t.vehicle_id = ? ${year ? 'AND t.year = ?' : ''} ORDER BY t.year, t.seq`).all(...(year ? [vehicleId, year] : [vehicleId])) as Record<string, unknown>[]).map(toTrip);
