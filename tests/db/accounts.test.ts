// Accounts and sessions (SECURITY.md "Accounts and access"): each rule broken and refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../db/core/core';
import { SIGN_IN_FAILED } from '../../db/accounts/handlers';
import { STRONG, addUser, businessSnapshot, makeCore, ok, refused, setupAdmin, tempDir } from '../helpers';

describe('first run', () => {
  it('has no default password: the first administrator chooses one that meets the rule', async () => {
    const core = makeCore();
    expect((await ok(core, null, 'settings.publicInfo', {})).initialized).toBe(false);
    expect(await refused(core, null, 'accounts.signIn', { login: 'admin', password: 'admin' })).toMatchObject({ code: 'unauthenticated' });
    const weak = await refused(core, null, 'accounts.setup', { unitName: '××区司法局', login: 'admin', password: 'abcdefgh', name: '周' });
    expect(weak).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect(weak.message).toContain('至少 3 类');
    const sameAsLogin = await refused(core, null, 'accounts.setup', { unitName: '××区司法局', login: 'Zhou.Admin', password: 'zhou.admin!A1', name: '周' });
    expect(sameAsLogin.message).toContain('不能包含登录名');
    expect((await ok(core, null, 'settings.publicInfo', {})).initialized).toBe(false);
    await setupAdmin(core);
    expect((await refused(core, null, 'accounts.setup', { unitName: 'x', login: 'admin2', password: STRONG, name: '某' })).code).toBe('conflict');
    core.close();
  });

  it('stores passwords only as scrypt N=2^17 hashes, nowhere in plain text', async () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, appVersion: 't' }); // production cost
    const secret = 'Ua!unique-Secret-9';
    await ok(core, null, 'accounts.setup', { unitName: '单位', login: 'admin', password: secret, name: '周' });
    const row = core.state.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
    core.close();
    for (const f of ['office.sqlite', 'office.sqlite-wal']) {
      try {
        expect(readFileSync(`${dir}/${f}`).includes(Buffer.from(secret))).toBe(false);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  });
});

describe('sign-in', () => {
  it('locks the account after 5 wrong passwords with one generic message, and audits it', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await addUser(core, admin, 'clerk1', ['clerk']);
    for (let i = 0; i < 5; i++) {
      const e = await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: 'Wrong!Pass1' });
      expect(e.message).toBe(SIGN_IN_FAILED);
    }
    // Now even the right password is refused, with the same words.
    const locked = await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG });
    expect(locked.message).toBe(SIGN_IN_FAILED);
    expect((await refused(core, null, 'accounts.signIn', { login: 'nobody', password: STRONG })).message).toBe(SIGN_IN_FAILED);
    const log = await ok(core, admin, 'audit.list', { pageSize: 100 });
    const actions = log.rows.map((r) => `${r.action}:${r.result}`);
    expect(actions.filter((a) => a === 'accounts.signIn:failure').length).toBe(7);
    expect(actions).toContain('accounts.lockout:success');
    expect(log.rows.find((r) => r.action === 'accounts.signIn' && r.result === 'failure')?.userLogin).toBe('nobody');
    // The administrator re-enabling the account lifts the lock.
    const u = (await ok(core, admin, 'accounts.list', { q: 'clerk1' })).rows[0];
    expect(u.lockedUntil).not.toBeNull();
    await ok(core, admin, 'accounts.setActive', { id: u.id, active: true });
    await ok(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG });
    core.close();
  });

  it('the lock lasts the configured minutes', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await ok(core, admin, 'settings.update', { lockThreshold: 3, lockMinutes: 1 });
    await addUser(core, admin, 'clerk1', ['clerk']);
    for (let i = 0; i < 3; i++) await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: 'nope' });
    await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG });
    // Pretend the minute has passed.
    core.state.db.prepare("UPDATE users SET locked_until = '2000-01-01T00:00:00.000+08:00' WHERE login = 'clerk1'").run();
    await ok(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG });
    core.close();
  });

  it('a disabled account cannot sign in and its open sessions end', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const clerk = await addUser(core, admin, 'clerk1', ['clerk']);
    await ok(core, admin, 'accounts.setActive', { id: clerk.id, active: false });
    expect((await refused(core, clerk.session, 'accounts.me', {})).code).toBe('unauthenticated');
    expect((await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).message).toBe(SIGN_IN_FAILED);
    core.close();
  });

  it('idle sessions lock and need the password again; the page (session) is kept', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const s = core.state.sessions.get(admin)!;
    s.lastSeen -= 11 * 60_000; // default idle lock: 10 minutes
    expect((await refused(core, admin, 'settings.get', {})).code).toBe('session_locked');
    expect((await refused(core, admin, 'accounts.unlock', { password: 'Wrong!1aa' })).message).toBe('密码不正确。');
    await ok(core, admin, 'accounts.unlock', { password: STRONG });
    await ok(core, admin, 'settings.get', {});
    const log = await ok(core, admin, 'audit.list', { pageSize: 20 });
    expect(log.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['session.idleLock', 'accounts.unlock']));
    core.close();
  });

  it('sign-out ends the session', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await ok(core, admin, 'accounts.signOut', {});
    expect((await refused(core, admin, 'settings.get', {})).code).toBe('unauthenticated');
    core.close();
  });
});

describe('account administration', () => {
  it('an auditor can never also be an administrator (三权分立)', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const before = businessSnapshot(core);
    const e = await refused(core, admin, 'accounts.create', { login: 'a1', name: '某', roles: ['admin', 'auditor'], password: STRONG });
    expect(e).toMatchObject({ code: 'invalid_input', field: 'roles' });
    expect(e.message).toContain('三权分立');
    expect(businessSnapshot(core)).toBe(before);
    const aud = await addUser(core, admin, 'aud1', ['auditor']);
    expect((await refused(core, admin, 'accounts.update', { id: aud.id, name: 'x', roles: ['auditor', 'admin'] })).message).toContain('三权分立');
    // Even a direct write is refused by the schema's CHECK.
    expect(() => core.state.db.prepare(`UPDATE users SET roles = '["admin","auditor"]' WHERE id = ?`).run(aud.id)).toThrow(/CHECK/);
    core.close();
  });

  it('a reset password must be changed at the next sign-in; nothing else works until then', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const clerk = await addUser(core, admin, 'clerk1', ['clerk']);
    await ok(core, admin, 'accounts.resetPassword', { id: clerk.id, newPassword: 'Reset!Pass2' });
    expect((await refused(core, clerk.session, 'accounts.me', {})).code).toBe('unauthenticated');
    const s = await ok(core, null, 'accounts.signIn', { login: 'clerk1', password: 'Reset!Pass2' });
    expect(s.user.mustChangePassword).toBe(true);
    expect((await refused(core, s.sessionId, 'accounts.people', {})).message).toContain('请先修改密码');
    expect((await refused(core, s.sessionId, 'accounts.changePassword', { oldPassword: 'Reset!Pass2', newPassword: 'clerk1!Aa9' })).message).toContain('不能包含登录名');
    expect((await refused(core, s.sessionId, 'accounts.changePassword', { oldPassword: 'bad', newPassword: 'New!Pass12' })).field).toBe('oldPassword');
    await ok(core, s.sessionId, 'accounts.changePassword', { oldPassword: 'Reset!Pass2', newPassword: 'New!Pass12' });
    await ok(core, s.sessionId, 'accounts.people', {});
    core.close();
  });

  it('the last administrator cannot be disabled or demoted, and nobody disables themselves', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const me = (await ok(core, admin, 'accounts.me', {})).user;
    expect((await refused(core, admin, 'accounts.setActive', { id: me.id, active: false })).message).toContain('自己');
    expect((await refused(core, admin, 'accounts.update', { id: me.id, name: me.name, roles: ['clerk'] })).message).toContain('最后一个系统管理员');
    core.close();
  });

  it('duplicate login names are refused next to the field', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await addUser(core, admin, 'clerk1', ['clerk']);
    expect(await refused(core, admin, 'accounts.create', { login: 'CLERK1', name: '某', roles: ['clerk'], password: STRONG })).toMatchObject({ code: 'conflict', field: 'login' });
    core.close();
  });
});
