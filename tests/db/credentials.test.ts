// Every password check counts (issue 25): sign-in and co-sign go through one check that counts a wrong
// password against the account whose password was tried — atomically, however many arrive at once —
// locks it at the threshold (5 by default), and leaves an audit entry naming that account which
// survives the refused call.
import { describe, expect, it } from 'vitest';
import { STRONG, addUser, businessSnapshot, cleanup, makeCore, ok, pinnedClock, refused, setupAdmin } from '../helpers';
import { bureau, person, request } from './seals/fixture';

const accountOf = (core: ReturnType<typeof makeCore>, login: string) =>
  core.state.db.prepare('SELECT id, failed_count AS failed, locked_until AS lockedUntil FROM users WHERE login = ?').get(login) as { id: number; failed: number; lockedUntil: string | null };
const auditFor = (core: ReturnType<typeof makeCore>, action: string, userId: number) =>
  core.state.db.prepare("SELECT result, message, user_login AS by FROM audit_log WHERE action = ? AND object_type = 'user' AND object_id = ? ORDER BY seq").all(action, String(userId)) as { result: string; message: string; by: string }[];

describe('sign-in', () => {
  it('twenty wrong passwords at once lock the account; the right one is refused while it is locked', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => core.call(null, 'accounts.signIn', { login: 'clerk1', password: `Wrong-guess-${i}` })));
    expect(answers.every((a) => !a.ok)).toBe(true);
    const acc = accountOf(core, 'clerk1');
    expect(acc.lockedUntil).not.toBeNull();
    expect(auditFor(core, 'accounts.lockout', acc.id).length).toBeGreaterThanOrEqual(1);
    expect(auditFor(core, 'accounts.signIn', acc.id).filter((e) => e.result === 'failure')).toHaveLength(20);
    const right = await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG });
    expect(right.message).toContain('登录名或密码不正确');
    core.close();
    cleanup(core.state.dataDir);
  });
});

describe('co-sign', () => {
  it('a wrong co-sign password counts against the co-signer and is audited naming them: five in a row lock the account', async () => {
    const b = await bureau();
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const chief = accountOf(b.core, 'chief');
    for (let i = 0; i < 4; i++) {
      const e = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: { mode: 'cosign', decision: 'approved', comment: '', login: 'chief', password: `Wrong-guess-${i}` } });
      expect(e).toMatchObject({ field: 'approval.password' });
    }
    expect(accountOf(b.core, 'chief').failed).toBe(4);
    await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: { mode: 'cosign', decision: 'approved', comment: '', login: 'chief', password: 'Wrong-guess-5' } });
    expect(accountOf(b.core, 'chief').lockedUntil).not.toBeNull();
    // Locked now: even the right password does not co-sign, and the chief cannot sign in either.
    const e = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: { mode: 'cosign', decision: 'approved', comment: '', login: 'chief', password: STRONG } });
    expect(e.message).toContain('已被锁定');
    await refused(b.core, null, 'accounts.signIn', { login: 'chief', password: STRONG });
    // Each wrong attempt is in the audit trail, naming the chief's account and the clerk who keyed it in.
    const entries = auditFor(b.core, 'approval.cosign', chief.id);
    expect(entries.filter((x) => x.message.startsWith('会签密码错误'))).toHaveLength(5);
    expect(entries.every((x) => x.by === 'clerk1' && x.message.includes('chief（王志强）'))).toBe(true);
    expect(auditFor(b.core, 'accounts.lockout', chief.id)).toHaveLength(1);
    expect((await ok(b.core, b.c, 'seals.get', { id: r.id })).state).toBe('pending');
    b.core.close();
    cleanup(b.core.state.dataDir);
  });

  it('twenty wrong co-sign passwords at once lock the co-signer', async () => {
    const b = await bureau();
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => b.core.call(b.c, 'seals.approve', { id: r.id, approval: { mode: 'cosign', decision: 'approved', comment: '', login: 'chief', password: `Wrong-guess-${i}` } })),
    );
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(accountOf(b.core, 'chief').lockedUntil).not.toBeNull();
    expect(auditFor(b.core, 'approval.cosign', accountOf(b.core, 'chief').id)).toHaveLength(20);
    b.core.close();
    cleanup(b.core.state.dataDir);
  });
});

describe('sessions', () => {
  it('end 12 hours after sign-in however busy, are evicted when idle that long, and end when the account is closed or its password reset', async () => {
    const clock = pinnedClock('2026-03-10T08:00:00+08:00');
    const core = makeCore(undefined, { clock });
    const admin = await setupAdmin(core);
    const clerk = await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
    const idle = await addUser(core, admin, 'clerk2', ['clerk'], '张敏');
    // A busy day: a call every five minutes keeps the screen unlocked, but not past twelve hours.
    for (let t = 0; t < 12 * 60 - 5; t += 5) {
      clock.tick(5 * 60_000);
      await ok(core, clerk.session, 'accounts.me', {});
    }
    clock.set('2026-03-10T20:00:00+08:00');
    expect((await refused(core, clerk.session, 'accounts.me', {})).code).toBe('unauthenticated');
    expect(core.state.sessions.get(clerk.session)).toBeUndefined();
    // The one that sat locked all day is gone from memory too, before anyone uses it again.
    expect(core.state.sessions.get(idle.session)).toBeUndefined();
    const expired = core.state.db.prepare("SELECT user_login AS login FROM audit_log WHERE action = 'session.expired' ORDER BY seq").all() as { login: string }[];
    expect(expired.map((e) => e.login).sort()).toEqual(['admin', 'clerk1', 'clerk2']);

    // Closing an account or resetting its password ends its sessions at once.
    const again = (await ok(core, null, 'accounts.signIn', { login: 'admin', password: STRONG })).sessionId;
    const c1 = (await ok(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
    const c2 = (await ok(core, null, 'accounts.signIn', { login: 'clerk2', password: STRONG })).sessionId;
    await ok(core, again, 'accounts.setActive', { id: clerk.id, active: false });
    expect((await refused(core, c1, 'accounts.me', {})).code).toBe('unauthenticated');
    await ok(core, again, 'accounts.resetPassword', { id: idle.id, newPassword: 'Reset!Pass99' });
    expect((await refused(core, c2, 'accounts.me', {})).code).toBe('unauthenticated');
    core.close();
    cleanup(core.state.dataDir);
  });
});

describe('auditors never sign', () => {
  it('an account that is both 审计员 and 审批人 is refused as approver, by co-sign and on paper', async () => {
    const b = await bureau();
    const both = await person(b.core, b.admin, 'both1', ['auditor', 'approver'], '钱审', '派驻纪检监察组', '局长');
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const before = businessSnapshot(b.core);
    const e1 = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: { mode: 'cosign', decision: 'approved', comment: '', login: 'both1', password: STRONG } });
    expect(e1.message).toBe('钱审是审计员，不能签批登记簿中的事项。');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const e2 = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: { mode: 'paper', decision: 'approved', comment: '', signerId: both.id, signedAt: `${today}T00:00:01+08:00`, filingNo: 'P-9' } });
    expect(e2).toMatchObject({ field: 'approval.signerId', message: '钱审是审计员，不能签批登记簿中的事项。' });
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
    cleanup(b.core.state.dataDir);
  });
});
