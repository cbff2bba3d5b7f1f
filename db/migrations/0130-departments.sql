-- Departments as a managed list (issue 25): each with its head (科室负责人) and named deputies, open
-- from a day and closed on another; who headed it when is kept by the database, append-only.
CREATE TABLE departments (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
  head_id        INTEGER REFERENCES users(id),
  -- Account ids of the deputies who may sign for the head, a JSON array.
  deputy_ids     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(deputy_ids) AND json_type(deputy_ids) = 'array'),
  active_from    TEXT NOT NULL CHECK (active_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  active_to      TEXT CHECK (active_to IS NULL OR active_to >= active_from),
  updated_at     TEXT NOT NULL,
  updated_by_id  INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE department_history (
  id             INTEGER PRIMARY KEY,
  department_id  INTEGER NOT NULL REFERENCES departments(id),
  name           TEXT NOT NULL,
  head_id        INTEGER REFERENCES users(id),
  deputy_ids     TEXT NOT NULL,
  active_from    TEXT NOT NULL,
  active_to      TEXT,
  since          TEXT NOT NULL,
  by_id          INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX department_history_dept ON department_history(department_id, since, id);

CREATE TRIGGER departments_history_insert AFTER INSERT ON departments BEGIN
  INSERT INTO department_history (department_id, name, head_id, deputy_ids, active_from, active_to, since, by_id)
  VALUES (NEW.id, NEW.name, NEW.head_id, NEW.deputy_ids, NEW.active_from, NEW.active_to, NEW.updated_at, NEW.updated_by_id);
END;
CREATE TRIGGER departments_history_update AFTER UPDATE ON departments
WHEN NEW.name IS NOT OLD.name OR NEW.head_id IS NOT OLD.head_id OR NEW.deputy_ids IS NOT OLD.deputy_ids
  OR NEW.active_from IS NOT OLD.active_from OR NEW.active_to IS NOT OLD.active_to
BEGIN
  INSERT INTO department_history (department_id, name, head_id, deputy_ids, active_from, active_to, since, by_id)
  VALUES (NEW.id, NEW.name, NEW.head_id, NEW.deputy_ids, NEW.active_from, NEW.active_to, NEW.updated_at, NEW.updated_by_id);
END;
CREATE TRIGGER departments_no_delete BEFORE DELETE ON departments BEGIN
  SELECT RAISE(ABORT, '部门不可删除：撤销的部门请填写停用日期');
END;
CREATE TRIGGER department_history_no_update BEFORE UPDATE ON department_history BEGIN
  SELECT RAISE(ABORT, '部门历史不可修改');
END;
CREATE TRIGGER department_history_no_delete BEFORE DELETE ON department_history BEGIN
  SELECT RAISE(ABORT, '部门历史不可删除');
END;

-- The departments people already belong to, open from the first account in them; heads to be set.
INSERT INTO departments (name, active_from, updated_at)
  SELECT department, substr(min(created_at), 1, 10), min(created_at) FROM users WHERE trim(department) <> '' GROUP BY department ORDER BY min(created_at);
