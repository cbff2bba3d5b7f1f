-- 0020: the register of backups made, so the home page can say when and where the last one went
-- and whether the last automatic one failed.
CREATE TABLE backups (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('auto', 'manual', 'safety')),
  reason      TEXT NOT NULL DEFAULT '',
  path        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  bytes       INTEGER NOT NULL DEFAULT 0,
  sha256      TEXT NOT NULL DEFAULT '',
  encrypted   INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
  status      TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'pruned')),
  error       TEXT NOT NULL DEFAULT '',
  audit_seq   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX backups_kind_time ON backups(kind, created_at);
