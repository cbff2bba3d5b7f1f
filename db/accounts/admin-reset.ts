// The way back in when every administrator is locked out: run on the workstation by IT, audited.
import type { Core } from '../core/core';
import { DomainError } from '../core/errors';
import { hashPassword, passwordProblems } from '../core/passwords';
import { toShanghaiIso } from '../core/time';
import { userByLogin } from './queries';

export function listAdmins(core: Core) {
  return core.state.db.prepare(`SELECT login, name, active, locked_until AS lockedUntil FROM users WHERE roles LIKE '%"admin"%' ORDER BY id`).all() as {
    login: string;
    name: string;
    active: number;
    lockedUntil: string | null;
  }[];
}

/** Reset an administrator's password, re-enable and unlock the account, and force a change at next sign-in. */
export async function resetAdmin(core: Core, login: string, password: string, operator: string): Promise<void> {
  const { db } = core.state;
  const row = userByLogin(db, login);
  if (!row || !JSON.parse(row.roles).includes('admin')) throw new DomainError('not_found', `没有登录名为“${login}”的系统管理员。`);
  const problems = passwordProblems(password, row.login, core.state.settings());
  if (problems.length) throw new DomainError('invalid_input', `密码不符合要求：${problems.join('；')}`);
  const hash = await hashPassword(password, core.state.passwordLogN);
  const now = toShanghaiIso(core.state.clock.now());
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = 1, active = 1, failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(hash, now, row.id);
    core.state.event({
      action: 'accounts.resetAdmin',
      result: 'success',
      objectType: 'user',
      objectId: String(row.id),
      userLogin: `cli:${operator}`,
      message: `命令行重置系统管理员“${row.name}（${row.login}）”的密码并解除锁定`,
    });
  }).immediate();
  core.state.sessions.removeForUser(row.id);
}
