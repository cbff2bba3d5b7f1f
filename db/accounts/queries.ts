import type { Db } from '../core/open';
import type { AccountRow } from '../core/credentials';
import type { User } from '../contract/accounts';
import type { Role } from '../contract/common';

/** An account as stored: the columns the core's password check reads, and when it was made. */
export interface UserRow extends AccountRow {
  created_at: string;
}

export const toUser = (r: UserRow): User => ({
  id: r.id,
  login: r.login,
  name: r.name,
  department: r.department,
  post: r.post,
  roles: JSON.parse(r.roles) as Role[],
  active: !!r.active,
  mustChangePassword: !!r.must_change_password,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

export const userById = (db: Db, id: number) => db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
export const userByLogin = (db: Db, login: string) => db.prepare('SELECT * FROM users WHERE login = ?').get(login.trim()) as UserRow | undefined;

/** Active administrators other than `exceptId` — the last one must never be disabled or demoted. */
export const otherActiveAdmins = (db: Db, exceptId: number) =>
  (db.prepare(`SELECT count(*) AS n FROM users WHERE active = 1 AND id <> ? AND roles LIKE '%"admin"%'`).get(exceptId) as { n: number }).n;
