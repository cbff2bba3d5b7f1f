// dispatch: unknown methods, schema failures naming the field, access rules over the whole method table.
import { describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../db/contract';
import { ROLES, type Role } from '../../db/contract/common';
import { addUser, businessSnapshot, makeCore, ok, refused, setupAdmin } from '../helpers';

describe('dispatch', () => {
  it('refuses an unknown method in Chinese', async () => {
    const core = makeCore();
    const e = await refused(core, null, 'seals.dropTable', {});
    expect(e.code).toBe('unknown_method');
    expect(e.message).toContain('未知的操作');
    expect(await refused(core, null, '__proto__', {})).toMatchObject({ code: 'unknown_method' });
    expect(await refused(core, null, 'constructor', {})).toMatchObject({ code: 'unknown_method' });
    core.close();
  });

  it('input failing its schema names the field in Chinese and changes nothing', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const before = businessSnapshot(core);
    const e = await refused(core, admin, 'accounts.create', { login: 'ok-login', password: 'Str0ng!Pass', name: '', roles: ['clerk'] });
    expect(e).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect(e.message).toContain('姓名');
    const e2 = await refused(core, admin, 'accounts.create', { login: 'ok-login', password: 'Str0ng!Pass', name: '张三', roles: ['boss'] });
    expect(e2.field).toBe('roles.0');
    const e3 = await refused(core, admin, 'settings.update', { lockMinutes: 'thirty' });
    expect(e3).toMatchObject({ code: 'invalid_input', field: 'lockMinutes' });
    expect(e3.message).toContain('锁定时长');
    expect(businessSnapshot(core)).toBe(before);
    core.close();
  });

  it('non-public methods need a session', async () => {
    const core = makeCore();
    await setupAdmin(core);
    for (const [name, def] of Object.entries(methods)) {
      if (def.access === 'public') continue;
      expect((await refused(core, null, name, {})).code, name).toBe('unauthenticated');
      expect((await refused(core, 'forged-session-id', name, {})).code, name).toBe('unauthenticated');
    }
    core.close();
  });

  // The role × method matrix covers every method in the table, so a new register is covered the day it lands.
  it('every method is callable by exactly the roles it declares', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const users: Record<Role, string> = { admin: 'm-admin', clerk: 'm-clerk', approver: 'm-approver', auditor: 'm-auditor' };
    for (const role of ROLES) await addUser(core, admin, users[role], [role]);
    const freshSession = async (role: Role) => (await ok(core, null, 'accounts.signIn', { login: users[role], password: 'Str0ng!Pass' })).sessionId;
    for (const [name, def] of Object.entries(methods) as [MethodName, (typeof methods)[MethodName]][]) {
      for (const role of ROLES) {
        const r = await core.call(await freshSession(role), name, {});
        const allowed = def.access === 'public' || def.access === 'signedIn' || (def.access as readonly Role[]).includes(role);
        const denied = !r.ok && r.error.code === 'forbidden';
        expect(denied, `${role} → ${name}`).toBe(!allowed);
      }
    }
    core.close();
  });

  it('a refused call by role is written to the audit log', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const clerk = await addUser(core, admin, 'clerk1', ['clerk']);
    expect((await refused(core, clerk.session, 'accounts.create', { login: 'x1', password: 'Str0ng!Pass', name: '某', roles: ['admin'] })).code).toBe('forbidden');
    const log = await ok(core, admin, 'audit.list', { action: 'accounts.create', result: 'failure' });
    expect(log.rows[0]).toMatchObject({ userLogin: 'clerk1', errorCode: 'forbidden' });
    core.close();
  });

  it('an unexpected error is apologised for, logged with context and rolled back', async () => {
    const logged: unknown[] = [];
    const { openCore } = await import('../../db/core/core');
    const { tempDir } = await import('../helpers');
    const core = openCore({ dataDir: tempDir(), appVersion: 't', passwordLogN: 10, log: (m, d) => logged.push([m, d]) });
    const admin = await setupAdmin(core);
    core.state.db.exec("CREATE TRIGGER boom BEFORE INSERT ON settings WHEN NEW.key = 'idleMinutes' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const before = businessSnapshot(core);
    const e = await refused(core, admin, 'settings.update', { unitName: '新名称', idleMinutes: 20 });
    expect(e.code).toBe('internal');
    expect(e.message).toContain('抱歉');
    expect(businessSnapshot(core)).toBe(before);
    expect(JSON.stringify(logged)).toContain('settings.update');
    core.close();
  });
});

describe('dates', () => {
  it('an impossible calendar date is refused, a leap day accepted', async () => {
    const { isoDate } = await import('../../db/contract/common');
    const d = isoDate('日期');
    expect(d.safeParse('2026-02-30').success).toBe(false);
    expect(d.safeParse('2025-13-01').success).toBe(false);
    expect(d.safeParse('2024-02-29').success).toBe(true);
    expect(d.safeParse('2025-02-29').success).toBe(false);
  });
});
