-- 更正 of a finished trip (issue 27): a mistyped odometer reading is corrected by an audited entry
-- that names the original and keeps it visible; the trip carries the corrected reading, so the car's
-- odometer continuity (the next departure's expected reading) follows the correction. A returned trip
-- on which nothing depends (the car's latest) may instead be voided.
CREATE TABLE vehicle_trip_corrections (
  id                   INTEGER PRIMARY KEY,
  trip_id              INTEGER NOT NULL REFERENCES vehicle_trips(id),
  old_out_odometer     INTEGER NOT NULL,
  old_return_odometer  INTEGER NOT NULL,
  new_out_odometer     INTEGER NOT NULL CHECK (new_out_odometer >= 0),
  new_return_odometer  INTEGER NOT NULL,
  reason               TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 2 AND 300),
  corrected_at         TEXT NOT NULL,
  corrected_by_id      INTEGER NOT NULL REFERENCES users(id),
  CHECK (new_return_odometer >= new_out_odometer),
  CHECK (new_out_odometer <> old_out_odometer OR new_return_odometer <> old_return_odometer)
) STRICT;
CREATE INDEX vehicle_trip_corrections_trip ON vehicle_trip_corrections(trip_id, id);
CREATE TRIGGER vehicle_trip_corrections_fixed BEFORE UPDATE ON vehicle_trip_corrections BEGIN
  SELECT RAISE(ABORT, '更正记录不可修改');
END;
CREATE TRIGGER vehicle_trip_corrections_no_delete BEFORE DELETE ON vehicle_trip_corrections BEGIN
  SELECT RAISE(ABORT, '更正记录不可删除');
END;

-- A finished trip changes only by a correction recorded in the same instant (its readings, speed and
-- gap flags), or — returned — by being voided; nothing else about it.
DROP TRIGGER vehicle_trips_final;
CREATE TRIGGER vehicle_trips_final BEFORE UPDATE ON vehicle_trips
  WHEN OLD.state IN ('returned', 'rejected', 'voided')
   AND NOT (OLD.state = 'returned' AND NEW.state = 'returned'
            AND EXISTS (SELECT 1 FROM vehicle_trip_corrections c WHERE c.trip_id = NEW.id AND c.corrected_at = NEW.updated_at
                          AND c.new_out_odometer = NEW.out_odometer AND c.new_return_odometer = NEW.return_odometer)
            AND NEW.year IS OLD.year AND NEW.seq IS OLD.seq AND NEW.number IS OLD.number AND NEW.applied_on IS OLD.applied_on AND NEW.applicant_id IS OLD.applicant_id AND NEW.department IS OLD.department AND NEW.reason IS OLD.reason AND NEW.destination IS OLD.destination AND NEW.route IS OLD.route AND NEW.passengers IS OLD.passengers AND NEW.passenger_count IS OLD.passenger_count AND NEW.planned_out IS OLD.planned_out AND NEW.planned_return IS OLD.planned_return AND NEW.off_day IS OLD.off_day AND NEW.off_day_reason IS OLD.off_day_reason AND NEW.approver_id IS OLD.approver_id AND NEW.approved_at IS OLD.approved_at AND NEW.vehicle_id IS OLD.vehicle_id AND NEW.driver_id IS OLD.driver_id AND NEW.dispatched_at IS OLD.dispatched_at AND NEW.dispatched_by_id IS OLD.dispatched_by_id AND NEW.out_at IS OLD.out_at AND NEW.expected_odometer IS OLD.expected_odometer AND NEW.gap_reason IS OLD.gap_reason AND NEW.return_at IS OLD.return_at AND NEW.violation IS OLD.violation AND NEW.accident IS OLD.accident AND NEW.remarks IS OLD.remarks AND NEW.created_at IS OLD.created_at AND NEW.created_by_id IS OLD.created_by_id AND NEW.imported IS OLD.imported)
   AND NOT (OLD.state = 'returned' AND NEW.state = 'voided' AND NEW.out_odometer IS OLD.out_odometer AND NEW.return_odometer IS OLD.return_odometer
            AND NEW.year IS OLD.year AND NEW.seq IS OLD.seq AND NEW.number IS OLD.number AND NEW.applied_on IS OLD.applied_on AND NEW.applicant_id IS OLD.applicant_id AND NEW.department IS OLD.department AND NEW.reason IS OLD.reason AND NEW.destination IS OLD.destination AND NEW.route IS OLD.route AND NEW.passengers IS OLD.passengers AND NEW.passenger_count IS OLD.passenger_count AND NEW.planned_out IS OLD.planned_out AND NEW.planned_return IS OLD.planned_return AND NEW.off_day IS OLD.off_day AND NEW.off_day_reason IS OLD.off_day_reason AND NEW.approver_id IS OLD.approver_id AND NEW.approved_at IS OLD.approved_at AND NEW.vehicle_id IS OLD.vehicle_id AND NEW.driver_id IS OLD.driver_id AND NEW.dispatched_at IS OLD.dispatched_at AND NEW.dispatched_by_id IS OLD.dispatched_by_id AND NEW.out_at IS OLD.out_at AND NEW.expected_odometer IS OLD.expected_odometer AND NEW.gap_reason IS OLD.gap_reason AND NEW.return_at IS OLD.return_at AND NEW.violation IS OLD.violation AND NEW.accident IS OLD.accident AND NEW.remarks IS OLD.remarks AND NEW.created_at IS OLD.created_at AND NEW.created_by_id IS OLD.created_by_id AND NEW.imported IS OLD.imported)
BEGIN
  SELECT RAISE(ABORT, '已办结的用车记录不可修改');
END;
