-- rebuilds-tables
-- 补录 (issue 24): a paper-era seal use whose paper log names no approver is imported marked as such
-- and counted unapproved, instead of being refused (so the office keeps its real history) or given an
-- approver it never had. SQLite cannot change a CHECK in place, so seal_uses is rebuilt by SQLite's
-- documented procedure: new table, copy, drop, rename, then its indexes and triggers again.
CREATE TABLE seal_uses_rebuilt (
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
  -- 补录: a paper-era entry taken over by import whose paper log records no approver. It is stamped
  -- without an approval on record, says so wherever it is shown, and counts as unapproved.
  paper_gap             INTEGER NOT NULL DEFAULT 0 CHECK (paper_gap IN (0, 1)),
  UNIQUE (year, seq),
  CHECK (take_out = 0 OR (planned_out IS NOT NULL AND planned_return IS NOT NULL AND planned_return >= planned_out)),
  CHECK (take_out = 1 OR state NOT IN ('out', 'returned')),
  CHECK (emergency = 0 OR length(trim(coalesce(emergency_reason, ''))) > 0),
  -- 先审批后执行: nothing is stamped without an approval on record, except the 事后补批 exception and
  -- a paper-era entry imported as 补录 (never approved, never emergency, never from the live workflow).
  CHECK (state NOT IN ('approved', 'stamped', 'out', 'returned') OR approval_decision IS 'approved' OR emergency = 1
    OR (paper_gap = 1 AND state IN ('stamped', 'out', 'returned'))),
  CHECK (paper_gap = 0 OR (imported = 1 AND emergency = 0 AND approval_decision IS NULL AND approver_name IS NULL)),
  CHECK (state <> 'rejected' OR approval_decision IS 'rejected'),
  CHECK (approval_decision IS NULL OR (approver_name IS NOT NULL AND approved_at IS NOT NULL AND approval_mode IS NOT NULL)),
  CHECK (state NOT IN ('stamped', 'out', 'returned') OR (stamped_at IS NOT NULL AND coalesce(stamped_count, 0) BETWEEN 1 AND copies AND supervisor_name IS NOT NULL)),
  CHECK (state NOT IN ('out', 'returned') OR out_at IS NOT NULL),
  CHECK (state <> 'returned' OR (returned_at IS NOT NULL AND returned_at >= coalesce(out_at, '9') AND return_confirmed_name IS NOT NULL)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;

INSERT INTO seal_uses_rebuilt (id, year, seq, number, imported, seal_id, entry_date, reason, doc_title, doc_no, copies, applicant_id, applicant_name, department, take_out, planned_out, planned_return, state, emergency, emergency_reason, phone_approver_id, phone_approver_name, approval_decision, approval_mode, approver_id, approver_name, approved_at, stamped_at, stamped_count, supervisor_id, supervisor_name, out_at, returned_at, return_confirmed_id, return_confirmed_name, return_note, void_reason, voided_at, voided_by_id, remarks, amend_count, recorded_by_id, created_at, updated_at)
  SELECT id, year, seq, number, imported, seal_id, entry_date, reason, doc_title, doc_no, copies, applicant_id, applicant_name, department, take_out, planned_out, planned_return, state, emergency, emergency_reason, phone_approver_id, phone_approver_name, approval_decision, approval_mode, approver_id, approver_name, approved_at, stamped_at, stamped_count, supervisor_id, supervisor_name, out_at, returned_at, return_confirmed_id, return_confirmed_name, return_note, void_reason, voided_at, voided_by_id, remarks, amend_count, recorded_by_id, created_at, updated_at FROM seal_uses;
DROP TABLE seal_uses;
ALTER TABLE seal_uses_rebuilt RENAME TO seal_uses;
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
WHEN NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq OR NEW.number IS NOT OLD.number OR NEW.imported IS NOT OLD.imported OR NEW.paper_gap IS NOT OLD.paper_gap
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
CREATE TRIGGER seal_uses_paper_gap_stays BEFORE UPDATE ON seal_uses
WHEN OLD.paper_gap = 1 AND (NEW.approval_decision IS NOT NULL OR NEW.approver_name IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, '补录的纸质登记没有审批记录，不能事后补记审批');
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

