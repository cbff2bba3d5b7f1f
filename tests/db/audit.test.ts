// The tamper-evident audit trail: every write in it, nothing editable, every kind of tampering found.
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../db/core/audit';
import { verifyChainParallel } from '../../db/core/audit-verify';
import { businessSnapshot, makeCore, ok, refused, setupAdmin, tempDir } from '../helpers';
import type { Core } from '../../db/core/core';

async function withHistory(): Promise<{ core: Core; admin: string }> {
  const core = makeCore();
  const admin = await setupAdmin(core);
  for (let i = 0; i < 8; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
  return { core, admin };
}
/**
 * Both ways of verifying, which must agree: in place, and split over three worker ranges (the
 * way a long log is checked) — so every tampering below is also found across range boundaries.
 */
async function verify(core: Core, external: { seq: number; hash: string }[] = []) {
  const inPlace = verifyChain(core.state.db, 'now', external);
  core.state.db.pragma('wal_checkpoint(PASSIVE)');
  const split = await verifyChainParallel(core.state.db, core.state.databaseFile, 'now', external, { workers: 3, minEntries: 0, strict: true });
  expect(split).toEqual(inPlace);
  return inPlace;
}
const unprotect = (core: Core) => core.state.db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');

describe('audit trail', () => {
  it('records who, when, what, before and after for every write', async () => {
    const { core, admin } = await withHistory();
    const rows = (await ok(core, admin, 'audit.list', { action: 'settings.update' })).rows;
    expect(rows.length).toBe(8);
    const last = rows[0];
    expect(last).toMatchObject({ userLogin: 'admin', userName: '周建国', roles: 'admin', result: 'success', objectType: 'settings' });
    expect(last.at).toMatch(/\+08:00$/);
    expect(JSON.parse(last.before!)).toEqual({ unitName: '单位6' });
    expect(JSON.parse(last.after!)).toEqual({ unitName: '单位7' });
    expect((await verify(core)).ok).toBe(true);
    core.close();
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    const { core } = await withHistory();
    expect(() => core.state.db.prepare("UPDATE audit_log SET message = 'x' WHERE seq = 2").run()).toThrow('只能追加');
    expect(() => core.state.db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow('只能追加');
    core.close();
  });

  it('if the audit write fails, the business change rolls back', async () => {
    const { core, admin } = await withHistory();
    core.state.db.exec("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log WHEN NEW.action = 'settings.update' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END");
    const before = businessSnapshot(core);
    const e = await refused(core, admin, 'settings.update', { unitName: '不应保存' });
    expect(e.code).toBe('internal');
    expect(businessSnapshot(core)).toBe(before);
    core.state.invalidateSettings();
    expect((await ok(core, admin, 'settings.get', {})).settings.unitName).toBe('单位7');
    core.close();
  });

  it('reading, verifying and exporting the log are themselves audited', async () => {
    const { core, admin } = await withHistory();
    await ok(core, admin, 'audit.list', {});
    await ok(core, admin, 'audit.verify', {});
    const x = await ok(core, admin, 'audit.export', {});
    expect(x.rows).toBeGreaterThan(8);
    expect(Buffer.from(x.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const actions = (await ok(core, admin, 'audit.list', { pageSize: 5 })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['audit.list', 'audit.verify', 'audit.export']));
    core.close();
  });

  it('finds an edited field', async () => {
    const { core } = await withHistory();
    unprotect(core);
    core.state.db.prepare("UPDATE audit_log SET after_json = '{\"unitName\":\"伪造\"}' WHERE seq = 4").run();
    expect(await verify(core)).toMatchObject({ ok: false, firstBrokenSeq: 4 });
    core.close();
  });

  it('finds a deleted middle row', async () => {
    const { core } = await withHistory();
    unprotect(core);
    core.state.db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    expect(await verify(core)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    core.close();
  });

  it('finds swapped rows, even with their sequence numbers swapped back', async () => {
    const { core } = await withHistory();
    unprotect(core);
    const db = core.state.db;
    const cols = 'at, user_id, user_login, user_name, roles, workstation, action, object_type, object_id, result, error_code, message, before_json, after_json, prev_hash, hash';
    const r3 = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = 3`).get() as Record<string, unknown>;
    const r4 = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = 4`).get() as Record<string, unknown>;
    const set = db.prepare(`UPDATE audit_log SET ${cols.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`);
    set.run({ ...r4, seq: 3 });
    set.run({ ...r3, seq: 4 });
    expect(await verify(core)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    core.close();
  });

  it('finds a removed tail against a known checkpoint (printed footer, backup manifest, audit-head file)', async () => {
    const { core, admin } = await withHistory();
    const cp = await ok(core, admin, 'audit.checkpoint', {});
    unprotect(core);
    core.state.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cp.seq - 3);
    // The chain alone cannot see it …
    expect((await verify(core)).ok).toBe(true);
    // … a checkpoint can.
    expect(await verify(core, [{ seq: cp.seq, hash: cp.hash }])).toMatchObject({ ok: false, firstBrokenSeq: cp.seq - 2 });
    core.close();
  });

  it('audit.verify uses the audit-head file written on close', async () => {
    const dir = tempDir();
    const { makeCore: mk } = await import('../helpers');
    let core = mk(dir);
    const admin = await setupAdmin(core);
    for (let i = 0; i < 5; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
    core.close();
    core = mk(dir);
    unprotect(core);
    core.state.db.prepare('DELETE FROM audit_log WHERE seq > 3').run();
    const session = (await ok(core, null, 'accounts.signIn', { login: 'admin', password: 'Str0ng!Pass' })).sessionId;
    // The sign-in appended seq 4 on top of the cut: the chain is fine, the head file is not.
    const r = await ok(core, session, 'audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/不符|截断/);
    core.close();
  });
});
