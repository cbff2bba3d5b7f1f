-- 0050: meeting minutes (会议记录): meeting types and their yearly books, agenda pre-review (议题审核),
-- meeting records with members, 列席, items, remarks, votes and decisions, 三重一大 checks,
-- 廉政谈话 records, and dated amendments to finalised records.
-- Rules stated here as well as in the core: a meeting lives in its own type's book of its own
-- year; finalised and voided records are read-only; nothing is deleted.

-- ---------------------------------------------------------------------------------------------
-- Meeting types. Built-ins carry a code; user-defined types have code NULL.
--   kind: meeting (an ordinary meeting record), study (中心组学习: topic, form, speakers),
--         talk (廉政谈话: speaker, persons talked to, content, response)
CREATE TABLE minutes_types (
  id                     INTEGER PRIMARY KEY,
  code                   TEXT UNIQUE CHECK (code IS NULL OR code IN ('party_group', 'bureau', 'integrity', 'branch_committee', 'party_members', 'study_group')),
  name                   TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 30),
  kind                   TEXT NOT NULL CHECK (kind IN ('meeting', 'study', 'talk')),
  planned_per_year       INTEGER NOT NULL DEFAULT 0 CHECK (planned_per_year BETWEEN 0 AND 366),
  retention              TEXT NOT NULL CHECK (retention IN ('永久', '30年', '10年')),
  -- Items must pass the three-step agenda review before they may be put on this type's agenda.
  requires_review        INTEGER NOT NULL DEFAULT 0 CHECK (requires_review IN (0, 1)),
  -- 三重一大 may be decided here (党组会议 only).
  decides_major          INTEGER NOT NULL DEFAULT 0 CHECK (decides_major IN (0, 1)),
  -- Default reviewers of the agenda review steps; NULL: chosen per item (or any 审批人).
  reviewer_leader_id     INTEGER REFERENCES users(id),
  reviewer_office_id     INTEGER REFERENCES users(id),
  reviewer_secretary_id  INTEGER REFERENCES users(id),
  -- 派驻纪检监察组组长: invited to a 党组会议 deciding 三重一大 (a name; an account if they have one).
  discipline_head_id     INTEGER REFERENCES users(id),
  discipline_head_name   TEXT NOT NULL DEFAULT '',
  active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort                   INTEGER NOT NULL DEFAULT 100,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK (decides_major = 0 OR code = 'party_group'),
  CHECK (code NOT IN ('party_group', 'bureau') OR retention = '永久'),
  CHECK (code IS NOT 'party_group' OR (requires_review = 1 AND decides_major = 1))
) STRICT;
CREATE INDEX minutes_types_sort ON minutes_types(active, sort, id);
CREATE TRIGGER minutes_types_no_delete BEFORE DELETE ON minutes_types BEGIN
  SELECT RAISE(ABORT, '会议类型不可删除，可停用');
END;

INSERT INTO minutes_types (code, name, kind, planned_per_year, retention, requires_review, decides_major, sort, created_at, updated_at) VALUES
  ('party_group',      '党组会议',           'meeting', 24, '永久', 1, 1, 10, '2000-01-01T00:00:00.000+08:00', '2000-01-01T00:00:00.000+08:00'),
  ('bureau',           '局务会议',           'meeting', 12, '永久', 0, 0, 20, '2000-01-01T00:00:00.000+08:00', '2000-01-01T00:00:00.000+08:00'),
  ('integrity',        '廉政谈话',           'talk',     0, '30年', 0, 0, 30, '2000-01-01T00:00:00.000+08:00', '2000-01-01T00:00:00.000+08:00'),
  ('branch_committee', '党支部委员会',       'meeting', 12, '30年', 0, 0, 40, '2000-01-01T00:00:00.000+08:00', '2000-01-01T00:00:00.000+08:00'),
  ('party_members',    '党员大会',           'meeting',  4, '30年', 0, 0, 50, '2000-01-01T00:00:00.000+08:00', '2000-01-01T00:00:00.000+08:00'),
  ('study_group',      '理论学习中心组学习', 'study',   10, '30年', 0, 0, 60, '2000-01-01T00:00:00.000+08:00', '2000-01-01T00:00:00.000+08:00');

-- Members of a type: the people expected at its meetings (quorum), or for 廉政谈话 the staff to be
-- covered each year. A person is an account where they have one, always with the name as written.
CREATE TABLE minutes_type_members (
  id       INTEGER PRIMARY KEY,
  type_id  INTEGER NOT NULL REFERENCES minutes_types(id),
  seq      INTEGER NOT NULL,
  user_id  INTEGER REFERENCES users(id),
  name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  post     TEXT NOT NULL DEFAULT '',
  UNIQUE (type_id, seq)
) STRICT;
CREATE UNIQUE INDEX minutes_type_members_user ON minutes_type_members(type_id, user_id) WHERE user_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- A book: one type × one year. Meetings are numbered inside it (2025年第7次).
CREATE TABLE minutes_books (
  id          INTEGER PRIMARY KEY,
  type_id     INTEGER NOT NULL REFERENCES minutes_types(id),
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  planned     INTEGER NOT NULL DEFAULT 0 CHECK (planned BETWEEN 0 AND 366),
  created_at  TEXT NOT NULL,
  UNIQUE (type_id, year),
  UNIQUE (id, type_id, year)
) STRICT;
CREATE INDEX minutes_books_year ON minutes_books(year, type_id);
CREATE TRIGGER minutes_books_no_delete BEFORE DELETE ON minutes_books BEGIN
  SELECT RAISE(ABORT, '会议记录本不可删除');
END;
CREATE TRIGGER minutes_books_fixed BEFORE UPDATE OF type_id, year ON minutes_books BEGIN
  SELECT RAISE(ABORT, '记录本的会议类型和年度不可修改');
END;

-- ---------------------------------------------------------------------------------------------
-- Agenda items submitted for pre-review (党组会议议题审核表) and the agenda-item ledger (议题台账).
CREATE TABLE minutes_agenda (
  id                     INTEGER PRIMARY KEY,
  year                   INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  number                 INTEGER NOT NULL CHECK (number > 0),
  type_id                INTEGER NOT NULL REFERENCES minutes_types(id),
  submitted_on           TEXT NOT NULL CHECK (submitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  title                  TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  department             TEXT NOT NULL CHECK (length(department) BETWEEN 1 AND 60),
  presenter_id           INTEGER REFERENCES users(id),
  presenter_name         TEXT NOT NULL CHECK (length(presenter_name) BETWEEN 1 AND 40),
  suggested_attendees    TEXT NOT NULL DEFAULT '',
  category               TEXT NOT NULL CHECK (category IN ('learning', 'report', 'decision')),
  major                  TEXT NOT NULL DEFAULT '' CHECK (major IN ('', 'decision', 'appointment', 'project', 'fund')),
  amount                 INTEGER CHECK (amount IS NULL OR amount >= 0),
  decision_sought        TEXT NOT NULL DEFAULT '',
  research_done          INTEGER NOT NULL DEFAULT 0 CHECK (research_done IN (0, 1)),
  research_note          TEXT NOT NULL DEFAULT '',
  consultation_done      INTEGER NOT NULL DEFAULT 0 CHECK (consultation_done IN (0, 1)),
  consultation_note      TEXT NOT NULL DEFAULT '',
  legality_required      INTEGER NOT NULL DEFAULT 0 CHECK (legality_required IN (0, 1)),
  legality_done          INTEGER NOT NULL DEFAULT 0 CHECK (legality_done IN (0, 1)),
  legality_note          TEXT NOT NULL DEFAULT '',
  attachments            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments)),
  leader_reviewer_id     INTEGER REFERENCES users(id),
  office_reviewer_id     INTEGER REFERENCES users(id),
  secretary_reviewer_id  INTEGER REFERENCES users(id),
  -- reviewing → (returned → reviewing …) → approved → scheduled → decided; withdrawn from any open state.
  state                  TEXT NOT NULL CHECK (state IN ('reviewing', 'returned', 'approved', 'scheduled', 'decided', 'withdrawn')),
  review_step            TEXT CHECK (review_step IS NULL OR review_step IN ('leader', 'office', 'secretary')),
  review_round           INTEGER NOT NULL DEFAULT 1 CHECK (review_round >= 1),
  approved_at            TEXT,
  meeting_id             INTEGER REFERENCES minutes_meetings(id),
  withdraw_reason        TEXT NOT NULL DEFAULT '',
  created_by             INTEGER NOT NULL REFERENCES users(id),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  search                 TEXT NOT NULL DEFAULT '',
  UNIQUE (year, number),
  CHECK ((state = 'reviewing') = (review_step IS NOT NULL)),
  CHECK (state NOT IN ('approved', 'scheduled', 'decided') OR approved_at IS NOT NULL),
  CHECK (state NOT IN ('scheduled', 'decided') OR meeting_id IS NOT NULL),
  CHECK (state <> 'withdrawn' OR length(withdraw_reason) > 0),
  -- 合法性审查: an item that needs one is never approved without it.
  CHECK (legality_required = 0 OR legality_done = 1)
) STRICT;
CREATE INDEX minutes_agenda_submitted ON minutes_agenda(submitted_on, id);
CREATE INDEX minutes_agenda_state ON minutes_agenda(state, submitted_on);
CREATE INDEX minutes_agenda_type ON minutes_agenda(type_id, state, submitted_on);
CREATE INDEX minutes_agenda_meeting ON minutes_agenda(meeting_id);
CREATE TRIGGER minutes_agenda_no_delete BEFORE DELETE ON minutes_agenda BEGIN
  SELECT RAISE(ABORT, '议题不可删除，可撤回');
END;
CREATE TRIGGER minutes_agenda_number_fixed BEFORE UPDATE OF year, number ON minutes_agenda BEGIN
  SELECT RAISE(ABORT, '议题编号不可修改');
END;
CREATE TRIGGER minutes_agenda_closed BEFORE UPDATE ON minutes_agenda WHEN OLD.state IN ('decided', 'withdrawn') BEGIN
  SELECT RAISE(ABORT, '议题已上会决定或已撤回，不可修改');
END;

-- One row per review decision of an agenda item, pointing at the shared approvals row.
CREATE TABLE minutes_agenda_reviews (
  id           INTEGER PRIMARY KEY,
  agenda_id    INTEGER NOT NULL REFERENCES minutes_agenda(id),
  round        INTEGER NOT NULL CHECK (round >= 1),
  step         TEXT NOT NULL CHECK (step IN ('leader', 'office', 'secretary')),
  approval_id  INTEGER NOT NULL UNIQUE REFERENCES approvals(id),
  approver_id  INTEGER NOT NULL REFERENCES users(id),
  decision     TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  UNIQUE (agenda_id, round, step)
) STRICT;
CREATE TRIGGER minutes_agenda_reviews_no_update BEFORE UPDATE ON minutes_agenda_reviews BEGIN
  SELECT RAISE(ABORT, '审核记录不可修改');
END;
CREATE TRIGGER minutes_agenda_reviews_no_delete BEFORE DELETE ON minutes_agenda_reviews BEGIN
  SELECT RAISE(ABORT, '审核记录不可删除');
END;

-- ---------------------------------------------------------------------------------------------
-- A meeting record (or a 廉政谈话 record) in its book.
CREATE TABLE minutes_meetings (
  id                   INTEGER PRIMARY KEY,
  book_id              INTEGER NOT NULL,
  type_id              INTEGER NOT NULL,
  year                 INTEGER NOT NULL,
  number               INTEGER NOT NULL CHECK (number > 0),
  date                 TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  start_time           TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time             TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  place                TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
  host_id              INTEGER REFERENCES users(id),
  host_name            TEXT NOT NULL CHECK (length(host_name) BETWEEN 1 AND 40),
  recorder_id          INTEGER REFERENCES users(id),
  recorder_name        TEXT NOT NULL CHECK (length(recorder_name) BETWEEN 1 AND 40),
  topic                TEXT NOT NULL DEFAULT '',
  form                 TEXT NOT NULL DEFAULT '',
  talk_kind            TEXT CHECK (talk_kind IS NULL OR talk_kind IN ('routine', 'reminder', 'special', 'preappointment', 'collective')),
  summary              TEXT NOT NULL DEFAULT '',
  response             TEXT NOT NULL DEFAULT '',
  attachments          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments)),
  discipline_invited   INTEGER NOT NULL DEFAULT 0 CHECK (discipline_invited IN (0, 1)),
  discipline_attended  INTEGER NOT NULL DEFAULT 0 CHECK (discipline_attended IN (0, 1)),
  discipline_name      TEXT NOT NULL DEFAULT '',
  discipline_reason    TEXT NOT NULL DEFAULT '',
  major_count          INTEGER NOT NULL DEFAULT 0 CHECK (major_count >= 0),
  state                TEXT NOT NULL CHECK (state IN ('draft', 'finalised', 'voided')),
  -- The checks at finalising (JSON list), whether any failed, and the acknowledgement of the failure.
  checks               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checks)),
  flagged              INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
  ack_reason           TEXT NOT NULL DEFAULT '',
  finalised_at         TEXT,
  finalised_by         INTEGER REFERENCES users(id),
  void_reason          TEXT NOT NULL DEFAULT '',
  voided_at            TEXT,
  voided_by            INTEGER REFERENCES users(id),
  created_by           INTEGER NOT NULL REFERENCES users(id),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  search               TEXT NOT NULL DEFAULT '',
  -- The meeting's type and year are its book's: never another type's book, never another year.
  FOREIGN KEY (book_id, type_id, year) REFERENCES minutes_books(id, type_id, year),
  CHECK (CAST(substr(date, 1, 4) AS INTEGER) = year),
  CHECK (end_time > start_time),
  CHECK (discipline_attended = 0 OR discipline_invited = 1),
  CHECK (state <> 'finalised' OR finalised_at IS NOT NULL),
  CHECK (state <> 'voided' OR length(void_reason) > 0),
  CHECK (flagged = 0 OR length(ack_reason) > 0),
  UNIQUE (book_id, number)
) STRICT;
CREATE INDEX minutes_meetings_date ON minutes_meetings(date, id);
CREATE INDEX minutes_meetings_year ON minutes_meetings(year, type_id, number);
CREATE INDEX minutes_meetings_type ON minutes_meetings(type_id, date);
CREATE INDEX minutes_meetings_state ON minutes_meetings(state, date);
CREATE INDEX minutes_meetings_flagged ON minutes_meetings(flagged, date) WHERE flagged = 1;
CREATE INDEX minutes_meetings_host ON minutes_meetings(host_id, date);
CREATE INDEX minutes_meetings_recorder ON minutes_meetings(recorder_id, date);
CREATE TRIGGER minutes_meetings_no_delete BEFORE DELETE ON minutes_meetings BEGIN
  SELECT RAISE(ABORT, '会议记录不可删除，可作废');
END;
-- Finalised and voided records are read-only; amendments go to minutes_amendments.
CREATE TRIGGER minutes_meetings_locked BEFORE UPDATE ON minutes_meetings WHEN OLD.state <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改（如需更正请追加更正记录）');
END;
CREATE TRIGGER minutes_meetings_fixed BEFORE UPDATE OF book_id, type_id, year, number ON minutes_meetings BEGIN
  SELECT RAISE(ABORT, '会议记录的记录本和编号不可修改');
END;

-- Members expected (role member; present or absent with a reason) and persons talked to (talkee).
CREATE TABLE minutes_members (
  id             INTEGER PRIMARY KEY,
  meeting_id     INTEGER NOT NULL REFERENCES minutes_meetings(id),
  seq            INTEGER NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('member', 'talkee')),
  user_id        INTEGER REFERENCES users(id),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  post           TEXT NOT NULL DEFAULT '',
  present        INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
  absent_reason  TEXT NOT NULL DEFAULT '',
  CHECK (present = 1 OR length(absent_reason) > 0),
  UNIQUE (meeting_id, seq)
) STRICT;
CREATE INDEX minutes_members_user ON minutes_members(user_id, meeting_id) WHERE user_id IS NOT NULL;
CREATE INDEX minutes_members_name ON minutes_members(name, meeting_id);

-- The agenda items of a meeting: their decisions are referable from other registers by id.
CREATE TABLE minutes_items (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES minutes_meetings(id),
  seq             INTEGER NOT NULL CHECK (seq > 0),
  agenda_id       INTEGER REFERENCES minutes_agenda(id),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  presenter_id    INTEGER REFERENCES users(id),
  presenter_name  TEXT NOT NULL DEFAULT '',
  category        TEXT NOT NULL CHECK (category IN ('learning', 'report', 'decision')),
  major           TEXT NOT NULL DEFAULT '' CHECK (major IN ('', 'decision', 'appointment', 'project', 'fund')),
  amount          INTEGER CHECK (amount IS NULL OR amount >= 0),
  vote_for        INTEGER CHECK (vote_for IS NULL OR vote_for >= 0),
  vote_against    INTEGER CHECK (vote_against IS NULL OR vote_against >= 0),
  vote_abstain    INTEGER CHECK (vote_abstain IS NULL OR vote_abstain >= 0),
  vote_note       TEXT NOT NULL DEFAULT '',
  outcome         TEXT NOT NULL CHECK (outcome IN ('passed', 'amended', 'deferred', 'rejected', 'noted')),
  decision        TEXT NOT NULL DEFAULT '',
  executor        TEXT NOT NULL DEFAULT '',
  UNIQUE (meeting_id, seq)
) STRICT;
CREATE INDEX minutes_items_agenda ON minutes_items(agenda_id) WHERE agenda_id IS NOT NULL;
CREATE INDEX minutes_items_major ON minutes_items(major, meeting_id) WHERE major <> '';

-- 列席: attendees without a vote, for the whole meeting (item_id NULL) or for one item.
CREATE TABLE minutes_attendees (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES minutes_meetings(id),
  item_id     INTEGER REFERENCES minutes_items(id),
  seq         INTEGER NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  post        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX minutes_attendees_meeting ON minutes_attendees(meeting_id, item_id, seq);
CREATE INDEX minutes_attendees_item ON minutes_attendees(item_id) WHERE item_id IS NOT NULL;

-- Discussion: remarks by name, in order.
CREATE TABLE minutes_remarks (
  id            INTEGER PRIMARY KEY,
  item_id       INTEGER NOT NULL REFERENCES minutes_items(id),
  meeting_id    INTEGER NOT NULL REFERENCES minutes_meetings(id),
  seq           INTEGER NOT NULL,
  speaker_id    INTEGER REFERENCES users(id),
  speaker_name  TEXT NOT NULL CHECK (length(speaker_name) BETWEEN 1 AND 40),
  content       TEXT NOT NULL CHECK (length(content) >= 1),
  UNIQUE (item_id, seq)
) STRICT;
CREATE INDEX minutes_remarks_meeting ON minutes_remarks(meeting_id, item_id, seq);

-- The children of a finalised or voided record are read-only too.
CREATE TRIGGER minutes_members_locked_i BEFORE INSERT ON minutes_members WHEN (SELECT state FROM minutes_meetings WHERE id = NEW.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_members_locked_u BEFORE UPDATE ON minutes_members WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_members_locked_d BEFORE DELETE ON minutes_members WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_items_locked_i BEFORE INSERT ON minutes_items WHEN (SELECT state FROM minutes_meetings WHERE id = NEW.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_items_locked_u BEFORE UPDATE ON minutes_items WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_items_locked_d BEFORE DELETE ON minutes_items WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_attendees_locked_i BEFORE INSERT ON minutes_attendees WHEN (SELECT state FROM minutes_meetings WHERE id = NEW.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_attendees_locked_u BEFORE UPDATE ON minutes_attendees WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_attendees_locked_d BEFORE DELETE ON minutes_attendees WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_remarks_locked_i BEFORE INSERT ON minutes_remarks WHEN (SELECT state FROM minutes_meetings WHERE id = NEW.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_remarks_locked_u BEFORE UPDATE ON minutes_remarks WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;
CREATE TRIGGER minutes_remarks_locked_d BEFORE DELETE ON minutes_remarks WHEN (SELECT state FROM minutes_meetings WHERE id = OLD.meeting_id) <> 'draft' BEGIN
  SELECT RAISE(ABORT, '会议记录已定稿或已作废，不可修改');
END;

-- Amendments to a finalised record: appended, dated, signed; never changed or removed.
CREATE TABLE minutes_amendments (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES minutes_meetings(id),
  seq           INTEGER NOT NULL CHECK (seq > 0),
  item_id       INTEGER REFERENCES minutes_items(id),
  content       TEXT NOT NULL CHECK (length(content) >= 1),
  reason        TEXT NOT NULL CHECK (length(reason) >= 1),
  signer_id     INTEGER REFERENCES users(id),
  signer_name   TEXT NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 40),
  amended_at    TEXT NOT NULL,
  recorded_by   INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (meeting_id, seq)
) STRICT;
CREATE TRIGGER minutes_amendments_finalised_only BEFORE INSERT ON minutes_amendments WHEN (SELECT state FROM minutes_meetings WHERE id = NEW.meeting_id) <> 'finalised' BEGIN
  SELECT RAISE(ABORT, '只能对已定稿的会议记录追加更正');
END;
CREATE TRIGGER minutes_amendments_no_update BEFORE UPDATE ON minutes_amendments BEGIN
  SELECT RAISE(ABORT, '更正记录不可修改');
END;
CREATE TRIGGER minutes_amendments_no_delete BEFORE DELETE ON minutes_amendments BEGIN
  SELECT RAISE(ABORT, '更正记录不可删除');
END;
