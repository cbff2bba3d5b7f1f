-- 0030: seals (DOMAIN.md §1) — the seal catalogue, custody handovers, status changes, the 分管领导 of
-- each department, and the seal usage log. The rules the core enforces are repeated here where SQL
-- can state them cheaply: exactly one custodian that changes only through a recorded handover,
-- no stamping without approval, no stamping of blank paper, states that only move forward,
-- finalised entries read-only, nothing deleted. (CHECKs are written so that NULL never passes them.)

-- 分管领导 of each department (free-text department names, as on the accounts).
CREATE TABLE seal_dept_leaders (
  department     TEXT PRIMARY KEY CHECK (length(trim(department)) BETWEEN 1 AND 60),
  leader_id      INTEGER NOT NULL REFERENCES users(id),
  updated_at     TEXT NOT NULL,
  updated_by_id  INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX seal_dept_leaders_leader ON seal_dept_leaders(leader_id);

CREATE TABLE seals (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
  kind             TEXT NOT NULL CHECK (kind IN ('official', 'party', 'finance', 'legalRep', 'contract', 'department', 'other')),
  approver_rule    TEXT NOT NULL CHECK (approver_rule IN ('person', 'post', 'deptLeader')),
  approver_id      INTEGER REFERENCES users(id),
  approver_post    TEXT,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'sealed', 'destroyed')),
  enabled_on       TEXT NOT NULL CHECK (enabled_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The one current custodian. Set only by a handover (triggers below): never two, never back to none.
  custodian_id     INTEGER REFERENCES users(id),
  retired_on       TEXT,
  retire_method    TEXT,
  retire_witnesses TEXT,
  remarks          TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  created_at       TEXT NOT NULL,
  created_by_id    INTEGER NOT NULL REFERENCES users(id),
  updated_at       TEXT NOT NULL,
  CHECK (approver_rule <> 'person' OR approver_id IS NOT NULL),
  CHECK (approver_rule <> 'post' OR length(trim(coalesce(approver_post, ''))) > 0),
  -- 封存/销毁 carry their record: date, how, witnesses.
  CHECK (status NOT IN ('sealed', 'destroyed') OR (retired_on IS NOT NULL AND length(coalesce(retire_method, '')) > 0 AND length(coalesce(retire_witnesses, '')) > 0))
) STRICT;
CREATE INDEX seals_status ON seals(status, name);
CREATE INDEX seals_custodian ON seals(custodian_id);

-- Custody handovers (交接): from the current custodian (none for the first custody) to the next,
-- before a witness (监交人). Inserting one moves the seal's custodian.
CREATE TABLE seal_handovers (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  number          TEXT NOT NULL UNIQUE,
  seal_id         INTEGER NOT NULL REFERENCES seals(id),
  from_id         INTEGER REFERENCES users(id),
  from_name       TEXT,
  to_id           INTEGER NOT NULL REFERENCES users(id),
  to_name         TEXT NOT NULL,
  witness_id      INTEGER REFERENCES users(id),
  witness_name    TEXT,
  handed_on       TEXT NOT NULL CHECK (handed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  note            TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  recorded_at     TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (from_id IS NULL OR from_id <> to_id),
  -- A handover between two people needs a third as witness.
  CHECK (from_id IS NULL OR (witness_id IS NOT NULL AND witness_id <> from_id AND witness_id <> to_id))
) STRICT;
CREATE INDEX seal_handovers_seal ON seal_handovers(seal_id, id);
CREATE INDEX seal_handovers_date ON seal_handovers(handed_on, id);

CREATE TRIGGER seal_handovers_from_current BEFORE INSERT ON seal_handovers
WHEN NEW.from_id IS NOT (SELECT custodian_id FROM seals WHERE id = NEW.seal_id)
BEGIN
  SELECT RAISE(ABORT, '交出人必须是印章的现保管人');
END;
CREATE TRIGGER seal_handovers_not_destroyed BEFORE INSERT ON seal_handovers
WHEN (SELECT status FROM seals WHERE id = NEW.seal_id) = 'destroyed'
BEGIN
  SELECT RAISE(ABORT, '已销毁的印章不能交接');
END;
CREATE TRIGGER seal_handovers_move AFTER INSERT ON seal_handovers BEGIN
  UPDATE seals SET custodian_id = NEW.to_id, updated_at = NEW.recorded_at WHERE id = NEW.seal_id;
END;
CREATE TRIGGER seal_handovers_no_update BEFORE UPDATE ON seal_handovers BEGIN
  SELECT RAISE(ABORT, '交接记录不可修改');
END;
CREATE TRIGGER seal_handovers_no_delete BEFORE DELETE ON seal_handovers BEGIN
  SELECT RAISE(ABORT, '交接记录不可删除');
END;

CREATE TRIGGER seals_insert_without_custodian BEFORE INSERT ON seals
WHEN NEW.custodian_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '印章的保管人只能通过交接登记');
END;
CREATE TRIGGER seals_custodian_by_handover BEFORE UPDATE OF custodian_id ON seals
WHEN NEW.custodian_id IS NOT OLD.custodian_id AND (
  NEW.custodian_id IS NULL OR NEW.custodian_id IS NOT
    (SELECT to_id FROM seal_handovers WHERE seal_id = NEW.id ORDER BY id DESC LIMIT 1))
BEGIN
  SELECT RAISE(ABORT, '印章的保管人只能通过交接变更，且任何时候只有一位保管人');
END;
CREATE TRIGGER seals_destroyed_final BEFORE UPDATE ON seals
WHEN OLD.status = 'destroyed'
BEGIN
  SELECT RAISE(ABORT, '已销毁的印章不可再修改');
END;
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals BEGIN
  SELECT RAISE(ABORT, '印章登记不可删除，请变更状态为停用、封存或销毁');
END;

-- Status changes with their record (停用、封存、销毁、启用).
CREATE TABLE seal_status_log (
  id              INTEGER PRIMARY KEY,
  seal_id         INTEGER NOT NULL REFERENCES seals(id),
  from_status     TEXT,
  to_status       TEXT NOT NULL CHECK (to_status IN ('active', 'suspended', 'sealed', 'destroyed')),
  on_date         TEXT NOT NULL,
  reason          TEXT NOT NULL,
  method          TEXT,
  witnesses       TEXT,
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX seal_status_log_seal ON seal_status_log(seal_id, id);
CREATE TRIGGER seal_status_log_no_update BEFORE UPDATE ON seal_status_log BEGIN
  SELECT RAISE(ABORT, '印章状态记录不可修改');
END;
CREATE TRIGGER seal_status_log_no_delete BEFORE DELETE ON seal_status_log BEGIN
  SELECT RAISE(ABORT, '印章状态记录不可删除');
END;

-- The usage log (用印登记簿): one row per request, from 待审批 to 已归还 or 作废.
CREATE TABLE seal_uses (
  id                    INTEGER PRIMARY KEY,
  year                  INTEGER NOT NULL,
  -- Position in the year's gapless numbering; NULL only for an imported number in a foreign style.
  seq                   INTEGER,
  number                TEXT NOT NULL UNIQUE,
  imported              INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
  seal_id               INTEGER NOT NULL REFERENCES seals(id),
  entry_date            TEXT NOT NULL CHECK (entry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason                TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 300),
  -- No stamping of blank paper: the document must have a title.
  doc_title             TEXT NOT NULL CHECK (length(trim(doc_title)) BETWEEN 1 AND 200),
  doc_no                TEXT NOT NULL DEFAULT '' CHECK (length(doc_no) <= 60),
  copies                INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 10000),
  applicant_id          INTEGER REFERENCES users(id),
  applicant_name        TEXT NOT NULL CHECK (length(trim(applicant_name)) > 0),
  department            TEXT NOT NULL DEFAULT '',
  take_out              INTEGER NOT NULL DEFAULT 0 CHECK (take_out IN (0, 1)),
  planned_out           TEXT,
  planned_return        TEXT,
  state                 TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'stamped', 'out', 'returned', 'void')),
  emergency             INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
  emergency_reason      TEXT,
  phone_approver_id     INTEGER REFERENCES users(id),
  phone_approver_name   TEXT,
  approval_decision     TEXT CHECK (approval_decision IN ('approved', 'rejected')),
  approval_mode         TEXT CHECK (approval_mode IN ('cosign', 'paper', 'imported')),
  approver_id           INTEGER REFERENCES users(id),
  approver_name         TEXT,
  approved_at           TEXT,
  stamped_at            TEXT,
  stamped_count         INTEGER,
  supervisor_id         INTEGER REFERENCES users(id),
  supervisor_name       TEXT,
  out_at                TEXT,
  returned_at           TEXT,
  return_confirmed_id   INTEGER REFERENCES users(id),
  return_confirmed_name TEXT,
  return_note           TEXT NOT NULL DEFAULT '',
  void_reason           TEXT,
  voided_at             TEXT,
  voided_by_id          INTEGER REFERENCES users(id),
  remarks               TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  amend_count           INTEGER NOT NULL DEFAULT 0,
  recorded_by_id        INTEGER NOT NULL REFERENCES users(id),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (take_out = 0 OR (planned_out IS NOT NULL AND planned_return IS NOT NULL AND planned_return >= planned_out)),
  CHECK (take_out = 1 OR state NOT IN ('out', 'returned')),
  CHECK (emergency = 0 OR length(trim(coalesce(emergency_reason, ''))) > 0),
  -- 先审批后执行: nothing is stamped without an approval on record, except the 事后补批 exception.
  CHECK (state NOT IN ('approved', 'stamped', 'out', 'returned') OR approval_decision IS 'approved' OR emergency = 1),
  CHECK (state <> 'rejected' OR approval_decision IS 'rejected'),
  CHECK (approval_decision IS NULL OR (approver_name IS NOT NULL AND approved_at IS NOT NULL AND approval_mode IS NOT NULL)),
  CHECK (state NOT IN ('stamped', 'out', 'returned') OR (stamped_at IS NOT NULL AND coalesce(stamped_count, 0) BETWEEN 1 AND copies AND supervisor_name IS NOT NULL)),
  CHECK (state NOT IN ('out', 'returned') OR out_at IS NOT NULL),
  CHECK (state <> 'returned' OR (returned_at IS NOT NULL AND returned_at >= coalesce(out_at, '9') AND return_confirmed_name IS NOT NULL)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX seal_uses_date ON seal_uses(entry_date, id);
CREATE INDEX seal_uses_number ON seal_uses(year, seq);
CREATE INDEX seal_uses_state ON seal_uses(state, entry_date, id);
CREATE INDEX seal_uses_seal ON seal_uses(seal_id, entry_date, id);
CREATE INDEX seal_uses_applicant ON seal_uses(applicant_id, entry_date, id);
CREATE INDEX seal_uses_department ON seal_uses(department, entry_date, id);
CREATE INDEX seal_uses_overdue ON seal_uses(planned_return) WHERE state = 'out';
CREATE INDEX seal_uses_emergency ON seal_uses(emergency, entry_date, id) WHERE emergency = 1;
CREATE INDEX seal_uses_takeout ON seal_uses(seal_id, planned_out) WHERE take_out = 1;

-- A seal is out on at most one entry at a time.
CREATE UNIQUE INDEX seal_uses_one_out ON seal_uses(seal_id) WHERE state = 'out';

CREATE TRIGGER seal_uses_no_delete BEFORE DELETE ON seal_uses BEGIN
  SELECT RAISE(ABORT, '用印登记不可删除，请作废并写明原因');
END;
CREATE TRIGGER seal_uses_identity BEFORE UPDATE ON seal_uses
WHEN NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq OR NEW.number IS NOT OLD.number OR NEW.imported IS NOT OLD.imported
  OR NEW.seal_id IS NOT OLD.seal_id OR NEW.entry_date IS NOT OLD.entry_date OR NEW.copies IS NOT OLD.copies
  OR NEW.applicant_id IS NOT OLD.applicant_id OR NEW.applicant_name IS NOT OLD.applicant_name OR NEW.department IS NOT OLD.department
  OR NEW.take_out IS NOT OLD.take_out OR NEW.planned_out IS NOT OLD.planned_out OR NEW.planned_return IS NOT OLD.planned_return
  OR NEW.emergency IS NOT OLD.emergency OR NEW.emergency_reason IS NOT OLD.emergency_reason
  OR NEW.recorded_by_id IS NOT OLD.recorded_by_id OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, '用印登记的编号、印章、申请内容不可修改');
END;
CREATE TRIGGER seal_uses_final BEFORE UPDATE ON seal_uses
WHEN OLD.state IN ('void', 'rejected')
BEGIN
  SELECT RAISE(ABORT, '已作废或已驳回的用印登记不可修改');
END;
CREATE TRIGGER seal_uses_forward BEFORE UPDATE OF state ON seal_uses
WHEN NEW.state IS NOT OLD.state AND (OLD.state || '>' || NEW.state) NOT IN
  ('pending>approved', 'pending>rejected', 'pending>void', 'approved>stamped', 'approved>void', 'stamped>out', 'out>returned')
BEGIN
  SELECT RAISE(ABORT, '用印登记的状态不能这样变更');
END;
CREATE TRIGGER seal_uses_decision_once BEFORE UPDATE ON seal_uses
WHEN OLD.approval_decision IS NOT NULL AND (NEW.approval_decision IS NOT OLD.approval_decision OR NEW.approver_id IS NOT OLD.approver_id
  OR NEW.approver_name IS NOT OLD.approver_name OR NEW.approved_at IS NOT OLD.approved_at OR NEW.approval_mode IS NOT OLD.approval_mode)
BEGIN
  SELECT RAISE(ABORT, '审批结论已记录，不可修改');
END;
CREATE TRIGGER seal_uses_stamp_once BEFORE UPDATE ON seal_uses
WHEN (OLD.stamped_at IS NOT NULL AND (NEW.stamped_at IS NOT OLD.stamped_at OR NEW.stamped_count IS NOT OLD.stamped_count
  OR NEW.supervisor_id IS NOT OLD.supervisor_id OR NEW.supervisor_name IS NOT OLD.supervisor_name))
  OR (OLD.out_at IS NOT NULL AND NEW.out_at IS NOT OLD.out_at)
  OR (OLD.returned_at IS NOT NULL AND (NEW.returned_at IS NOT OLD.returned_at OR NEW.return_confirmed_name IS NOT OLD.return_confirmed_name))
BEGIN
  SELECT RAISE(ABORT, '用印、借出和归还记录一经登记不可修改');
END;
-- Text changes after the fact only as a recorded amendment (更正), which bumps amend_count.
CREATE TRIGGER seal_uses_amend_only BEFORE UPDATE ON seal_uses
WHEN (NEW.reason IS NOT OLD.reason OR NEW.doc_title IS NOT OLD.doc_title OR NEW.doc_no IS NOT OLD.doc_no OR NEW.remarks IS NOT OLD.remarks)
  AND NEW.amend_count IS NOT OLD.amend_count + 1 AND NOT (OLD.state = 'approved' AND NEW.state = 'stamped' AND NEW.reason IS OLD.reason
  AND NEW.doc_title IS OLD.doc_title AND NEW.doc_no IS OLD.doc_no)
BEGIN
  SELECT RAISE(ABORT, '用印登记的内容只能通过更正修改');
END;

-- Amendments (更正): the values before and after, why, by whom. The original stays visible here.
CREATE TABLE seal_use_amendments (
  id           INTEGER PRIMARY KEY,
  use_id       INTEGER NOT NULL REFERENCES seal_uses(id),
  at           TEXT NOT NULL,
  by_id        INTEGER NOT NULL REFERENCES users(id),
  by_name      TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  before_json  TEXT NOT NULL CHECK (json_valid(before_json)),
  after_json   TEXT NOT NULL CHECK (json_valid(after_json))
) STRICT;
CREATE INDEX seal_use_amendments_use ON seal_use_amendments(use_id, id);
CREATE TRIGGER seal_use_amendments_no_update BEFORE UPDATE ON seal_use_amendments BEGIN
  SELECT RAISE(ABORT, '更正记录不可修改');
END;
CREATE TRIGGER seal_use_amendments_no_delete BEFORE DELETE ON seal_use_amendments BEGIN
  SELECT RAISE(ABORT, '更正记录不可删除');
END;
