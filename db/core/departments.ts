// Departments as the registers need them: who heads a department (and may sign for it), and keeping
// the list complete when an account names a department it does not have yet. The managed list itself
// (db/departments) is the administrator's.
import type { Db } from './open';
import { stmt } from './rows';

interface DeptRow {
  id: number;
  name: string;
  head_id: number | null;
  deputy_ids: string;
  active_from: string;
  active_to: string | null;
}

export const departmentNamed = (db: Db, name: string) => stmt(db, 'SELECT id, name, head_id, deputy_ids, active_from, active_to FROM departments WHERE name = ?').get(name) as DeptRow | undefined;

/**
 * Who signs as 科室负责人 for a department: its head first, then its named deputies — open accounts
 * only. Empty when the department is unknown or has nobody set.
 */
export function departmentSigners(db: Db, department: string): { id: number; name: string }[] {
  const d = departmentNamed(db, department);
  if (!d) return [];
  const ids = [d.head_id, ...(JSON.parse(d.deputy_ids) as number[])].filter((x): x is number => !!x);
  const byId = new Map((stmt(db, 'SELECT id, name FROM users WHERE active = 1 AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number; name: string }[]).map((u) => [u.id, u]));
  return ids.map((i) => byId.get(i)).filter((u): u is { id: number; name: string } => !!u);
}

/** An account's department joins the list if it is not there yet (open from `day`), so the list stays complete. */
export function ensureDepartment(db: Db, name: string, day: string, byId: number | null, nowIso: string) {
  const n = name.trim();
  if (!n || departmentNamed(db, n)) return;
  stmt(db, 'INSERT INTO departments (name, active_from, updated_at, updated_by_id) VALUES (?,?,?,?)').run(n, day, nowIso, byId);
}
