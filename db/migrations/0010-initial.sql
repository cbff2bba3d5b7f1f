-- 0010: settings, accounts, numbering, approvals and the audit trail.
-- Never edit a landed migration; add 0020-….sql instead.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  login                TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(login) BETWEEN 2 AND 32),
  name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  department           TEXT NOT NULL DEFAULT '',
  post                 TEXT NOT NULL DEFAULT '',
  roles                TEXT NOT NULL CHECK (json_valid(roles)),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_count         INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  -- 三权分立: an auditor is never also an administrator.
  CHECK (NOT (roles LIKE '%"admin"%' AND roles LIKE '%"auditor"%'))
) STRICT;
CREATE INDEX users_name ON users(name);

-- Gapless per-register, per-year numbers. The increment shares the transaction of the insert
-- that uses it, so a rolled-back insert gives its number back and no number is ever skipped.
CREATE TABLE number_seq (
  register TEXT NOT NULL,
  year     INTEGER NOT NULL,
  last     INTEGER NOT NULL DEFAULT 0 CHECK (last >= 0),
  PRIMARY KEY (register, year)
) STRICT;

-- One row per approval decision of any register item.
CREATE TABLE approvals (
  id               INTEGER PRIMARY KEY,
  object_type      TEXT NOT NULL,
  object_id        INTEGER NOT NULL,
  step             TEXT NOT NULL,
  decision         TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  comment          TEXT NOT NULL DEFAULT '',
  mode             TEXT NOT NULL CHECK (mode IN ('cosign', 'paper')),
  approver_id      INTEGER NOT NULL REFERENCES users(id),
  recorded_by_id   INTEGER NOT NULL REFERENCES users(id),
  decided_at       TEXT NOT NULL,
  paper_signed_at  TEXT,
  paper_filing_no  TEXT,
  CHECK (mode = 'cosign' OR (paper_signed_at IS NOT NULL AND paper_filing_no IS NOT NULL))
) STRICT;
CREATE INDEX approvals_object ON approvals(object_type, object_id);
CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals BEGIN
  SELECT RAISE(ABORT, '审批记录不可修改');
END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals BEGIN
  SELECT RAISE(ABORT, '审批记录不可删除');
END;

-- The tamper-evident audit trail: append-only, each row chained to the previous by SHA-256.
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  user_id      INTEGER,
  user_login   TEXT NOT NULL DEFAULT '',
  user_name    TEXT NOT NULL DEFAULT '',
  roles        TEXT NOT NULL DEFAULT '',
  workstation  TEXT NOT NULL DEFAULT '',
  action       TEXT NOT NULL,
  object_type  TEXT NOT NULL DEFAULT '',
  object_id    TEXT NOT NULL DEFAULT '',
  result       TEXT NOT NULL CHECK (result IN ('success', 'failure')),
  error_code   TEXT NOT NULL DEFAULT '',
  message      TEXT NOT NULL DEFAULT '',
  before_json  TEXT,
  after_json   TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
) STRICT;
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_user ON audit_log(user_id, seq);
CREATE INDEX audit_action ON audit_log(action, seq);
CREATE INDEX audit_object ON audit_log(object_type, object_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, '审计日志只能追加，不可修改');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, '审计日志只能追加，不可删除');
END;

-- Checkpoints the chain has shown to the outside world (print footers, backups, verifications).
-- A tail deleted from audit_log is invisible to the chain alone; these make it visible.
CREATE TABLE audit_checkpoints (
  id      INTEGER PRIMARY KEY,
  seq     INTEGER NOT NULL,
  hash    TEXT NOT NULL,
  at      TEXT NOT NULL,
  reason  TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN
  SELECT RAISE(ABORT, '审计检查点不可修改');
END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN
  SELECT RAISE(ABORT, '审计检查点不可删除');
END;
