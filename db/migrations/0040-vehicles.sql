-- 0040: 公务用车 — the vehicle file (一车一档) with its logs, the trip register, the holiday calendar.
-- Never edit a landed migration; add a later one instead.

CREATE TABLE vehicles (
  id                 INTEGER PRIMARY KEY,
  -- Normalised plate without separators, e.g. 湘BD12345 (printed as 湘B·D12345).
  plate              TEXT NOT NULL UNIQUE CHECK (length(plate) BETWEEN 7 AND 8),
  model              TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 60),
  vehicle_type       TEXT NOT NULL DEFAULT '',
  energy             TEXT NOT NULL DEFAULT '燃油' CHECK (energy IN ('燃油', '纯电动', '插电混动', '油电混合')),
  color              TEXT NOT NULL DEFAULT '',
  vin                TEXT NOT NULL UNIQUE CHECK (length(vin) = 17 AND vin NOT GLOB '*[IOQ]*' AND vin GLOB '[A-Z0-9]*'),
  engine_no          TEXT NOT NULL CHECK (length(engine_no) BETWEEN 1 AND 30),
  seats              INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 60),
  purchase_date      TEXT NOT NULL CHECK (purchase_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  purchase_price     INTEGER NOT NULL CHECK (purchase_price >= 0),
  driver_id          INTEGER REFERENCES users(id),
  insurance_expiry   TEXT NOT NULL CHECK (insurance_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  inspection_expiry  TEXT NOT NULL CHECK (inspection_expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  odometer_start     INTEGER NOT NULL DEFAULT 0 CHECK (odometer_start >= 0),
  status             TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'repair', 'suspended', 'scrapped')),
  department         TEXT NOT NULL DEFAULT '',
  notes              TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  created_by_id      INTEGER NOT NULL REFERENCES users(id),
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX vehicles_status ON vehicles(status, plate);
CREATE INDEX vehicles_insurance ON vehicles(insurance_expiry);
CREATE INDEX vehicles_inspection ON vehicles(inspection_expiry);
CREATE INDEX vehicles_driver ON vehicles(driver_id);
CREATE TRIGGER vehicles_no_delete BEFORE DELETE ON vehicles BEGIN
  SELECT RAISE(ABORT, '车辆档案不可删除（报废车辆请变更状态为报废）');
END;
CREATE TRIGGER vehicles_scrapped_final BEFORE UPDATE ON vehicles WHEN OLD.status = 'scrapped' BEGIN
  SELECT RAISE(ABORT, '已报废车辆的档案不可修改');
END;

-- Every status change with its reason (the vehicle file prints them).
CREATE TABLE vehicle_status_changes (
  id           INTEGER PRIMARY KEY,
  vehicle_id   INTEGER NOT NULL REFERENCES vehicles(id),
  at           TEXT NOT NULL,
  from_status  TEXT NOT NULL CHECK (from_status IN ('available', 'repair', 'suspended', 'scrapped')),
  to_status    TEXT NOT NULL CHECK (to_status IN ('available', 'repair', 'suspended', 'scrapped')),
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  by_id        INTEGER NOT NULL REFERENCES users(id),
  CHECK (from_status <> to_status)
) STRICT;
CREATE INDEX vehicle_status_changes_vehicle ON vehicle_status_changes(vehicle_id, id);
CREATE TRIGGER vehicle_status_changes_no_update BEFORE UPDATE ON vehicle_status_changes BEGIN
  SELECT RAISE(ABORT, '车辆状态变更记录不可修改');
END;
CREATE TRIGGER vehicle_status_changes_no_delete BEFORE DELETE ON vehicle_status_changes BEGIN
  SELECT RAISE(ABORT, '车辆状态变更记录不可删除');
END;

-- 用车申请 → 审批 → 派车 → 出车 → 回车, one row per trip, numbered per year (派车〔2025〕第0012号).
CREATE TABLE vehicle_trips (
  id                 INTEGER PRIMARY KEY,
  year               INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  seq                INTEGER NOT NULL CHECK (seq > 0),
  number             TEXT NOT NULL UNIQUE,
  state              TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'dispatched', 'out', 'returned', 'voided')),
  applied_on         TEXT NOT NULL,
  applicant_id       INTEGER NOT NULL REFERENCES users(id),
  department         TEXT NOT NULL DEFAULT '',
  reason             TEXT NOT NULL CHECK (length(reason) > 0),
  destination        TEXT NOT NULL CHECK (length(destination) > 0),
  route              TEXT NOT NULL DEFAULT '',
  passengers         TEXT NOT NULL DEFAULT '',
  passenger_count    INTEGER NOT NULL DEFAULT 1 CHECK (passenger_count BETWEEN 1 AND 60),
  planned_out        TEXT NOT NULL,
  planned_return     TEXT NOT NULL,
  off_day            INTEGER NOT NULL DEFAULT 0 CHECK (off_day IN (0, 1)),
  off_day_reason     TEXT NOT NULL DEFAULT '',
  approver_id        INTEGER REFERENCES users(id),
  approved_at        TEXT,
  vehicle_id         INTEGER REFERENCES vehicles(id),
  driver_id          INTEGER REFERENCES users(id),
  dispatched_at      TEXT,
  dispatched_by_id   INTEGER REFERENCES users(id),
  out_at             TEXT,
  out_odometer       INTEGER CHECK (out_odometer >= 0),
  expected_odometer  INTEGER,
  gap                INTEGER NOT NULL DEFAULT 0 CHECK (gap IN (0, 1)),
  gap_reason         TEXT NOT NULL DEFAULT '',
  return_at          TEXT,
  return_odometer    INTEGER,
  speed_flag         INTEGER NOT NULL DEFAULT 0 CHECK (speed_flag IN (0, 1)),
  violation          INTEGER NOT NULL DEFAULT 0 CHECK (violation IN (0, 1)),
  accident           INTEGER NOT NULL DEFAULT 0 CHECK (accident IN (0, 1)),
  remarks            TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  created_by_id      INTEGER NOT NULL REFERENCES users(id),
  updated_at         TEXT NOT NULL,
  voided_at          TEXT,
  voided_by_id       INTEGER REFERENCES users(id),
  void_reason        TEXT,
  distance           INTEGER GENERATED ALWAYS AS (return_odometer - out_odometer) VIRTUAL,
  flagged            INTEGER GENERATED ALWAYS AS (gap OR off_day OR speed_flag OR violation OR accident) STORED,
  -- The time the trip occupies its vehicle and driver: actual where known, planned otherwise.
  busy_from          TEXT GENERATED ALWAYS AS (coalesce(out_at, planned_out)) STORED,
  busy_to            TEXT GENERATED ALWAYS AS (coalesce(return_at, planned_return)) STORED,
  UNIQUE (year, seq),
  CHECK (planned_return > planned_out),
  CHECK (off_day = 0 OR length(off_day_reason) > 0),
  CHECK (gap = 0 OR length(gap_reason) > 0),
  CHECK (state IN ('pending', 'rejected', 'voided') OR approved_at IS NOT NULL),
  CHECK (state NOT IN ('dispatched', 'out', 'returned') OR (vehicle_id IS NOT NULL AND driver_id IS NOT NULL)),
  CHECK (state NOT IN ('out', 'returned') OR (out_at IS NOT NULL AND out_odometer IS NOT NULL)),
  CHECK (state <> 'returned' OR (return_at IS NOT NULL AND return_odometer IS NOT NULL)),
  CHECK (return_at IS NULL OR return_at > out_at),
  CHECK (return_odometer IS NULL OR return_odometer >= out_odometer),
  CHECK ((state = 'voided') = (voided_at IS NOT NULL AND void_reason IS NOT NULL))
) STRICT;
CREATE INDEX vehicle_trips_year ON vehicle_trips(year, seq);
CREATE INDEX vehicle_trips_state ON vehicle_trips(state, planned_out);
CREATE INDEX vehicle_trips_planned ON vehicle_trips(planned_out);
CREATE INDEX vehicle_trips_vehicle ON vehicle_trips(vehicle_id, year, seq);
CREATE INDEX vehicle_trips_vehicle_busy ON vehicle_trips(vehicle_id, busy_to);
CREATE INDEX vehicle_trips_vehicle_state ON vehicle_trips(vehicle_id, state, return_at);
CREATE INDEX vehicle_trips_vehicle_out ON vehicle_trips(vehicle_id, state, out_at);
CREATE INDEX vehicle_trips_out ON vehicle_trips(state, out_at);
CREATE INDEX vehicle_trips_driver ON vehicle_trips(driver_id, busy_to);
CREATE INDEX vehicle_trips_applicant ON vehicle_trips(applicant_id, year, seq);
CREATE INDEX vehicle_trips_flagged ON vehicle_trips(flagged, year, seq);
CREATE TRIGGER vehicle_trips_no_delete BEFORE DELETE ON vehicle_trips BEGIN
  SELECT RAISE(ABORT, '用车记录不可删除，请作废');
END;
CREATE TRIGGER vehicle_trips_final BEFORE UPDATE ON vehicle_trips WHEN OLD.state IN ('returned', 'rejected', 'voided') BEGIN
  SELECT RAISE(ABORT, '已办结的用车记录不可修改');
END;
CREATE TRIGGER vehicle_trips_number_fixed BEFORE UPDATE OF year, seq, number, created_at, created_by_id ON vehicle_trips BEGIN
  SELECT RAISE(ABORT, '用车记录的编号和登记信息不可修改');
END;

-- The vehicle's own logs: repairs, maintenance, fuel, other costs, accidents, violations.
CREATE TABLE vehicle_logs (
  id              INTEGER PRIMARY KEY,
  vehicle_id      INTEGER NOT NULL REFERENCES vehicles(id),
  kind            TEXT NOT NULL CHECK (kind IN ('repair', 'maintenance', 'fuel', 'cost', 'accident', 'violation')),
  date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  year            INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) STORED,
  trip_id         INTEGER REFERENCES vehicle_trips(id),
  cost_type       TEXT NOT NULL DEFAULT '' CHECK (kind <> 'cost' OR cost_type IN ('路桥费', '停车费', '洗车费', '其他')),
  place           TEXT NOT NULL DEFAULT '',
  content         TEXT NOT NULL DEFAULT '',
  amount          INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  litres_cl       INTEGER CHECK (litres_cl > 0),
  odometer        INTEGER CHECK (odometer >= 0),
  person_id       INTEGER REFERENCES users(id),
  responsibility  TEXT NOT NULL DEFAULT '',
  points          INTEGER CHECK (points BETWEEN 0 AND 12),
  remarks         TEXT NOT NULL DEFAULT '',
  resolved_at     TEXT,
  resolution      TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  created_by_id   INTEGER NOT NULL REFERENCES users(id),
  voided_at       TEXT,
  voided_by_id    INTEGER REFERENCES users(id),
  void_reason     TEXT,
  CHECK (kind <> 'fuel' OR litres_cl IS NOT NULL),
  CHECK (kind = 'fuel' OR litres_cl IS NULL),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX vehicle_logs_vehicle ON vehicle_logs(vehicle_id, date);
CREATE INDEX vehicle_logs_kind ON vehicle_logs(kind, date);
CREATE INDEX vehicle_logs_date ON vehicle_logs(date);
CREATE INDEX vehicle_logs_year ON vehicle_logs(year, vehicle_id);
CREATE INDEX vehicle_logs_trip ON vehicle_logs(trip_id);
CREATE TRIGGER vehicle_logs_no_delete BEFORE DELETE ON vehicle_logs BEGIN
  SELECT RAISE(ABORT, '车辆记录不可删除，请作废');
END;
-- A log entry never changes; it can only be voided once, and an incident resolved once.
CREATE TRIGGER vehicle_logs_fixed BEFORE UPDATE ON vehicle_logs
WHEN OLD.voided_at IS NOT NULL
  OR NEW.vehicle_id IS NOT OLD.vehicle_id OR NEW.kind IS NOT OLD.kind OR NEW.date IS NOT OLD.date
  OR NEW.trip_id IS NOT OLD.trip_id OR NEW.cost_type IS NOT OLD.cost_type OR NEW.place IS NOT OLD.place
  OR NEW.content IS NOT OLD.content OR NEW.amount IS NOT OLD.amount OR NEW.litres_cl IS NOT OLD.litres_cl
  OR NEW.odometer IS NOT OLD.odometer OR NEW.person_id IS NOT OLD.person_id OR NEW.responsibility IS NOT OLD.responsibility
  OR NEW.points IS NOT OLD.points OR NEW.remarks IS NOT OLD.remarks OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by_id IS NOT OLD.created_by_id
  OR (OLD.resolved_at IS NOT NULL AND (NEW.resolved_at IS NOT OLD.resolved_at OR NEW.resolution IS NOT OLD.resolution))
BEGIN
  SELECT RAISE(ABORT, '车辆记录登记后不可修改，只能作废后重新登记');
END;

-- The holiday calendar: days that differ from the normal week (法定节假日 and 调休上班).
-- Seeded with the State Council's arrangements for 2025 (国办发明电〔2024〕12号) and 2026
-- (国办发明电〔2025〕7号); the administrator edits it when a new year's notice is published.
CREATE TABLE vehicle_calendar (
  date  TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind  TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name  TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO vehicle_calendar (date, kind, name) VALUES
  -- 2025
  ('2025-01-01', 'holiday', '元旦'),
  ('2025-01-26', 'workday', '春节调休'),
  ('2025-01-28', 'holiday', '春节'), ('2025-01-29', 'holiday', '春节'), ('2025-01-30', 'holiday', '春节'),
  ('2025-01-31', 'holiday', '春节'), ('2025-02-01', 'holiday', '春节'), ('2025-02-02', 'holiday', '春节'),
  ('2025-02-03', 'holiday', '春节'), ('2025-02-04', 'holiday', '春节'),
  ('2025-02-08', 'workday', '春节调休'),
  ('2025-04-04', 'holiday', '清明节'), ('2025-04-05', 'holiday', '清明节'), ('2025-04-06', 'holiday', '清明节'),
  ('2025-04-27', 'workday', '劳动节调休'),
  ('2025-05-01', 'holiday', '劳动节'), ('2025-05-02', 'holiday', '劳动节'), ('2025-05-03', 'holiday', '劳动节'),
  ('2025-05-04', 'holiday', '劳动节'), ('2025-05-05', 'holiday', '劳动节'),
  ('2025-05-31', 'holiday', '端午节'), ('2025-06-01', 'holiday', '端午节'), ('2025-06-02', 'holiday', '端午节'),
  ('2025-09-28', 'workday', '国庆节调休'),
  ('2025-10-01', 'holiday', '国庆节、中秋节'), ('2025-10-02', 'holiday', '国庆节、中秋节'), ('2025-10-03', 'holiday', '国庆节、中秋节'),
  ('2025-10-04', 'holiday', '国庆节、中秋节'), ('2025-10-05', 'holiday', '国庆节、中秋节'), ('2025-10-06', 'holiday', '国庆节、中秋节'),
  ('2025-10-07', 'holiday', '国庆节、中秋节'), ('2025-10-08', 'holiday', '国庆节、中秋节'),
  ('2025-10-11', 'workday', '国庆节调休'),
  -- 2026
  ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休'),
  ('2026-02-14', 'workday', '春节调休'),
  ('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休'),
  ('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休'),
  ('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休'),
  ('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休');
