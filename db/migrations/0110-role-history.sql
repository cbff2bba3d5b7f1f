-- What each account was, and since when (issue 25): a signer must hold the role on the day of the act
-- they sign, not merely today. Kept by triggers, so every route that changes an account (form, command
-- line, administrator reset, demo seed) leaves its row; append-only like the audit log.
CREATE TABLE user_standing (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  roles       TEXT NOT NULL CHECK (json_valid(roles)),
  department  TEXT NOT NULL,
  post        TEXT NOT NULL,
  active      INTEGER NOT NULL CHECK (active IN (0, 1)),
  -- From this instant (the account's updated_at, written by the core's clock) until the next row.
  since       TEXT NOT NULL
) STRICT;
CREATE INDEX user_standing_user ON user_standing(user_id, since, id);

-- Accounts made before this version: known only as they are now, from when they were made.
INSERT INTO user_standing (user_id, roles, department, post, active, since)
  SELECT id, roles, department, post, active, created_at FROM users ORDER BY id;

CREATE TRIGGER user_standing_insert AFTER INSERT ON users BEGIN
  INSERT INTO user_standing (user_id, roles, department, post, active, since)
  VALUES (NEW.id, NEW.roles, NEW.department, NEW.post, NEW.active, NEW.created_at);
END;
CREATE TRIGGER user_standing_update AFTER UPDATE OF roles, department, post, active ON users
WHEN NEW.roles IS NOT OLD.roles OR NEW.department IS NOT OLD.department OR NEW.post IS NOT OLD.post OR NEW.active IS NOT OLD.active
BEGIN
  INSERT INTO user_standing (user_id, roles, department, post, active, since)
  VALUES (NEW.id, NEW.roles, NEW.department, NEW.post, NEW.active, NEW.updated_at);
END;
CREATE TRIGGER user_standing_no_update BEFORE UPDATE ON user_standing BEGIN
  SELECT RAISE(ABORT, '账号的角色历史不可修改');
END;
CREATE TRIGGER user_standing_no_delete BEFORE DELETE ON user_standing BEGIN
  SELECT RAISE(ABORT, '账号的角色历史不可删除');
END;
