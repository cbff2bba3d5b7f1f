// Accounts, sign-in, idle lock and password rules (SECURITY.md "Accounts and access").
import { shanghaiDate } from '../core/time';
import { ensureDepartment } from '../core/departments';
import type { Ctx, PartialHandlers, PrepareCtx } from '../core/context';
import type { CoreState } from '../core/context';
import { DomainError, refuse } from '../core/errors';
import { hashPassword, passwordProblems } from '../core/passwords';
import { checkPassword } from '../core/credentials';
import type { Session } from '../core/sessions';
import { isPinyinQuery, likePattern } from '../core/sql';
import { writeSettings } from '../core/settings';
import { otherActiveAdmins, toUser, userById, userByLogin, type UserRow } from './queries';

type Keys =
  | 'accounts.setup'
  | 'accounts.signIn'
  | 'accounts.signOut'
  | 'accounts.lock'
  | 'accounts.unlock'
  | 'accounts.me'
  | 'accounts.changePassword'
  | 'accounts.checkPassword'
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.update'
  | 'accounts.setActive'
  | 'accounts.resetPassword'
  | 'accounts.people';

/** One message for every failed sign-in, so it never tells whether a login exists or is locked. */
export const SIGN_IN_FAILED = '登录名或密码不正确，或该账号暂时不能登录。连续输错多次，账号将被锁定一段时间。';

function requireStrong(core: CoreState, password: string, login: string, field: string) {
  const problems = passwordProblems(password, login, core.settings());
  if (problems.length) throw new DomainError('invalid_input', `密码不符合要求：${problems.join('；')}`, field);
}

const sessionOut = (core: CoreState, s: Session) => {
  const row = userById(core.db, s.userId);
  if (!row) throw new DomainError('unauthenticated', '账号不存在，请重新登录。');
  return { sessionId: s.id, user: toUser(row), idleMinutes: core.settings().idleMinutes };
};

function startSession(ctx: Ctx<unknown>, row: UserRow): Session {
  const s = ctx.core.sessions.create(
    { userId: row.id, login: row.login, name: row.name, department: row.department, roles: JSON.parse(row.roles), mustChangePassword: !!row.must_change_password },
    ctx.now.getTime(),
  );
  ctx.session = s;
  return s;
}

/** Sign-in and unlock: the shared password check (counted, locked, audited), then one answer for every refusal. */
async function checkCredentials(pc: PrepareCtx, login: string, password: string, action: string): Promise<UserRow> {
  const c = await checkPassword(pc.core, { login, password, now: pc.now, action });
  if (c.refused) throw new DomainError('unauthenticated', SIGN_IN_FAILED, 'password', true);
  return c.row as UserRow;
}

const hashFor = (core: CoreState, password: string) => hashPassword(password, core.passwordLogN);

export const accountsHandlers: PartialHandlers<Keys> = {
  'accounts.setup': {
    prepare: async (pc, input) => {
      if (pc.db.prepare('SELECT 1 FROM users LIMIT 1').get()) throw new DomainError('conflict', '系统已经完成初始设置，请直接登录。');
      requireStrong(pc.core, input.password, input.login, 'password');
      return hashFor(pc.core, input.password);
    },
    run: (ctx: Ctx<string>, input) => {
      if (ctx.db.prepare('SELECT 1 FROM users LIMIT 1').get()) throw new DomainError('conflict', '系统已经完成初始设置，请直接登录。');
      writeSettings(ctx.db, { unitName: input.unitName });
      ctx.core.invalidateSettings();
      const roles = [...new Set(['admin', ...input.roles.filter((r) => r !== 'auditor')])];
      const info = ctx.db
        .prepare('INSERT INTO users (login, name, department, post, roles, password_hash, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)')
        .run(input.login, input.name, input.department, input.post, JSON.stringify(roles), ctx.prepared, ctx.nowIso, ctx.nowIso);
      ensureDepartment(ctx.db, input.department, shanghaiDate(ctx.now), null, ctx.nowIso);
      const row = userById(ctx.db, Number(info.lastInsertRowid))!;
      const s = startSession(ctx, row);
      ctx.note({ objectType: 'user', objectId: row.id, after: { unitName: input.unitName, ...toUser(row) }, message: '首次运行：设置单位并创建系统管理员' });
      return sessionOut(ctx.core, s);
    },
  },

  'accounts.signIn': {
    prepare: (pc, input) => checkCredentials(pc, input.login, input.password, 'accounts.signIn'),
    run: (ctx: Ctx<UserRow>) => {
      const row = ctx.prepared;
      ctx.db.prepare('UPDATE users SET failed_count = 0, locked_until = NULL WHERE id = ?').run(row.id);
      const s = startSession(ctx, row);
      ctx.note({ objectType: 'user', objectId: row.id, message: '登录成功' });
      return sessionOut(ctx.core, s);
    },
  },

  'accounts.signOut': (ctx) => {
    const s = ctx.me();
    ctx.core.sessions.remove(s.id);
    ctx.note({ objectType: 'user', objectId: s.userId, message: '退出登录' });
    return { ok: true as const };
  },

  'accounts.lock': (ctx) => {
    const s = ctx.me();
    s.locked = true;
    ctx.note({ objectType: 'user', objectId: s.userId, message: '锁定屏幕' });
    return { ok: true as const };
  },

  'accounts.unlock': {
    prepare: async (pc, input) => {
      const s = pc.session!;
      try {
        return await checkCredentials(pc, s.login, input.password, 'accounts.unlock');
      } catch (e) {
        // Locked out while the screen was locked: the session ends too.
        if (!pc.core.sessions.get(s.id)) throw new DomainError('unauthenticated', '账号已被锁定，请稍后重新登录。', 'password', true);
        throw new DomainError('unauthenticated', '密码不正确。', 'password', true);
      }
    },
    run: (ctx) => {
      const s = ctx.me();
      s.locked = false;
      s.lastSeen = ctx.now.getTime();
      ctx.note({ objectType: 'user', objectId: s.userId, message: '解锁屏幕' });
      return sessionOut(ctx.core, s);
    },
  },

  'accounts.me': (ctx) => sessionOut(ctx.core, ctx.me()),

  'accounts.changePassword': {
    prepare: async (pc, input) => {
      const s = pc.session!;
      // The old password is checked like any other: a wrong one counts towards the lockout.
      const c = await checkPassword(pc.core, { login: s.login, password: input.oldPassword, now: pc.now, action: 'accounts.changePassword' });
      if (c.refused) throw new DomainError('rule', c.locked ? '原密码连续输错，账号已被锁定，请稍后重新登录。' : '原密码不正确。', 'oldPassword', true);
      const row = c.row as UserRow;
      if (input.newPassword === input.oldPassword) throw new DomainError('rule', '新密码不能与原密码相同。', 'newPassword');
      requireStrong(pc.core, input.newPassword, row.login, 'newPassword');
      return hashFor(pc.core, input.newPassword);
    },
    run: (ctx: Ctx<string>) => {
      const s = ctx.me();
      ctx.db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?').run(ctx.prepared, ctx.nowIso, s.userId);
      s.mustChangePassword = false;
      ctx.core.sessions.removeForUser(s.userId, s.id);
      ctx.note({ objectType: 'user', objectId: s.userId, message: '修改本人密码' });
      return { ok: true as const };
    },
  },

  'accounts.checkPassword': (ctx, input) => {
    const problems = passwordProblems(input.password, input.login, ctx.core.settings());
    return { ok: problems.length === 0, problems };
  },

  'accounts.list': (ctx, input) => {
    const where: string[] = [];
    const args: unknown[] = [];
    if (input.q) {
      const like = likePattern(input.q);
      const pinyin = isPinyinQuery(input.q);
      where.push(`(name LIKE ? ESCAPE '\\' OR login LIKE ? ESCAPE '\\' OR department LIKE ? ESCAPE '\\' OR post LIKE ? ESCAPE '\\'${pinyin ? ' OR pinyin_match(name, ?)' : ''})`);
      args.push(like, like, like, like, ...(pinyin ? [input.q] : []));
    }
    if (!input.includeDisabled) where.push('active = 1');
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM users ${w}`).get(...args) as { n: number }).n;
    const rows = ctx.db.prepare(`SELECT * FROM users ${w} ORDER BY active DESC, id LIMIT ? OFFSET ?`).all(...args, input.pageSize, (input.page - 1) * input.pageSize) as UserRow[];
    return { rows: rows.map(toUser), total };
  },

  'accounts.create': {
    prepare: async (pc, input) => {
      if (userByLogin(pc.db, input.login)) throw new DomainError('conflict', `登录名“${input.login}”已被使用。`, 'login');
      requireStrong(pc.core, input.password, input.login, 'password');
      return hashFor(pc.core, input.password);
    },
    run: (ctx: Ctx<string>, input) => {
      if (userByLogin(ctx.db, input.login)) throw new DomainError('conflict', `登录名“${input.login}”已被使用。`, 'login');
      // A new account's first sign-in must replace the password the administrator chose.
      const info = ctx.db
        .prepare('INSERT INTO users (login, name, department, post, roles, password_hash, must_change_password, created_at, updated_at) VALUES (?,?,?,?,?,?,1,?,?)')
        .run(input.login, input.name, input.department, input.post, JSON.stringify(input.roles), ctx.prepared, ctx.nowIso, ctx.nowIso);
      ensureDepartment(ctx.db, input.department, shanghaiDate(ctx.now), ctx.me().userId, ctx.nowIso);
      const user = toUser(userById(ctx.db, Number(info.lastInsertRowid))!);
      ctx.note({ objectType: 'user', objectId: user.id, after: user });
      return user;
    },
  },

  'accounts.update': (ctx, input) => {
    const row = userById(ctx.db, input.id) ?? refuse('账号不存在。');
    const before = toUser(row);
    if (before.roles.includes('admin') && !input.roles.includes('admin') && otherActiveAdmins(ctx.db, row.id) === 0) {
      refuse('这是最后一个系统管理员账号，不能取消其管理员角色。', 'roles');
    }
    ensureDepartment(ctx.db, input.department, shanghaiDate(ctx.now), ctx.me().userId, ctx.nowIso);
    ctx.db.prepare('UPDATE users SET name = ?, department = ?, post = ?, roles = ?, updated_at = ? WHERE id = ?').run(input.name, input.department, input.post, JSON.stringify(input.roles), ctx.nowIso, row.id);
    const after = toUser(userById(ctx.db, row.id)!);
    for (const s of ctx.core.sessions.forUser(row.id)) {
      s.roles = after.roles;
      s.name = after.name;
      s.department = after.department;
    }
    ctx.note({ objectType: 'user', objectId: row.id, before, after, message: before.roles.join() !== after.roles.join() ? '修改账号（含角色变更）' : '修改账号' });
    return after;
  },

  'accounts.setActive': (ctx, input) => {
    const row = userById(ctx.db, input.id) ?? refuse('账号不存在。');
    if (!input.active) {
      if (row.id === ctx.me().userId) refuse('不能停用自己正在使用的账号。');
      if (JSON.parse(row.roles).includes('admin') && otherActiveAdmins(ctx.db, row.id) === 0) refuse('这是最后一个可用的系统管理员账号，不能停用。');
    }
    const before = toUser(row);
    ctx.db.prepare('UPDATE users SET active = ?, failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(input.active ? 1 : 0, ctx.nowIso, row.id);
    if (!input.active) ctx.core.sessions.removeForUser(row.id);
    const after = toUser(userById(ctx.db, row.id)!);
    ctx.note({ objectType: 'user', objectId: row.id, before: { active: before.active }, after: { active: after.active }, message: input.active ? '启用账号' : '停用账号' });
    return after;
  },

  'accounts.resetPassword': {
    prepare: async (pc, input) => {
      const row = userById(pc.db, input.id);
      if (!row) throw new DomainError('not_found', '账号不存在。');
      requireStrong(pc.core, input.newPassword, row.login, 'newPassword');
      return hashFor(pc.core, input.newPassword);
    },
    run: (ctx: Ctx<string>, input) => {
      const row = userById(ctx.db, input.id) ?? refuse('账号不存在。');
      ctx.db.prepare('UPDATE users SET password_hash = ?, must_change_password = 1, failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(ctx.prepared, ctx.nowIso, row.id);
      ctx.core.sessions.removeForUser(row.id, row.id === ctx.me().userId ? ctx.me().id : undefined);
      ctx.note({ objectType: 'user', objectId: row.id, message: `管理员重置了${row.name}的密码（下次登录须修改）` });
      return toUser(userById(ctx.db, row.id)!);
    },
  },

  'accounts.people': (ctx, input) => {
    const args: unknown[] = [];
    let where = 'active = 1';
    if (input.q) {
      const like = likePattern(input.q);
      const pinyin = isPinyinQuery(input.q);
      where += ` AND (name LIKE ? ESCAPE '\\' OR login LIKE ? ESCAPE '\\' OR department LIKE ? ESCAPE '\\'${pinyin ? ' OR pinyin_match(name, ?)' : ''})`;
      args.push(like, like, like, ...(pinyin ? [input.q] : []));
    }
    if (input.role) {
      where += ' AND roles LIKE ?';
      args.push(`%"${input.role}"%`);
    }
    return ctx.db.prepare(`SELECT id, name, department, post FROM users WHERE ${where} ORDER BY department, name LIMIT ?`).all(...args, input.limit) as {
      id: number;
      name: string;
      department: string;
      post: string;
    }[];
  },
};
