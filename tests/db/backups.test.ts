// Backups and restore (SECURITY.md "Backups"): round trip, manifest, encryption, every broken file refused.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, openBackup, PRIVATE_WORK_DIR, tableCounts } from '../../db/core/backup';
import { verifyChain } from '../../db/core/audit';
import { autoBackup, makeBackup, pruneAutoBackups, restoreBackup } from '../../db/backups/service';
import type { Core } from '../../db/core/core';
import { STRONG, addUser, businessSnapshot, makeCore, ok, refused, setupAdmin, tempDir } from '../helpers';

async function populated() {
  const core = makeCore();
  const admin = await setupAdmin(core);
  for (let i = 0; i < 5; i++) await addUser(core, admin, `user${i}`, ['clerk'], `职员${i}`);
  await ok(core, admin, 'settings.update', { unitName: '芦淞区司法局' });
  return { core, admin };
}

const counts = (core: Core) => tableCounts(core.state.db);

describe('backup', () => {
  it('a backup → fresh folder → restore round trip gives identical rows and an intact audit chain', async () => {
    const { core, admin } = await populated();
    const made = await ok(core, admin, 'backups.create', {});
    expect(made.path.endsWith('.otbak')).toBe(true);
    const m = made.manifest;
    expect(m).toMatchObject({ app: '办公室台账', appVersion: '0.0.0-test', schemaVersion: core.state.schemaVersion, unitName: '芦淞区司法局', encrypted: false });
    expect(m.counts.users).toBe(6);
    expect(m.auditCheckpoint.seq).toBeGreaterThan(10);
    const before = counts(core);
    core.close();

    const fresh = makeCore();
    const freshAdmin = await setupAdmin(fresh, 'otheradmin');
    const r = await ok(fresh, freshAdmin, 'backups.restore', { path: made.path, confirm: true });
    const after = counts(fresh);
    for (const t of Object.keys(before)) {
      if (t === 'audit_log' || t === 'audit_checkpoints' || t === 'audit_search_state' || t === 'backups') continue;
      expect(after[t], t).toBe(m.counts[t]);
    }
    expect(r.counts.users).toBe(6);
    expect(verifyChain(fresh.state.db, 'now').ok).toBe(true);
    // Sessions ended: the restored data has its own accounts.
    expect((await refused(fresh, freshAdmin, 'settings.get', {})).code).toBe('unauthenticated');
    const s = await ok(fresh, null, 'accounts.signIn', { login: 'admin', password: STRONG });
    const log = await ok(fresh, s.sessionId, 'audit.list', { action: 'backups.restore' });
    expect(log.rows[0].message).toContain('从备份恢复');
    expect((await ok(fresh, s.sessionId, 'audit.verify', {})).ok).toBe(true);
    // A safety copy of what was there before the restore is kept.
    expect(existsSync(r.safetyCopy)).toBe(true);
    fresh.close();
  });

  it('the manifest checksum is the SHA-256 of the database bytes inside', async () => {
    const { core, admin } = await populated();
    const made = await ok(core, admin, 'backups.create', {});
    const opened = await openBackup(made.path, tempDir());
    expect(createHash('sha256').update(readFileSync(opened.dbFile)).digest('hex')).toBe(made.manifest.sha256);
    const db = new Database(opened.dbFile, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    core.close();
  });

  it('encrypted backups need the right passphrase', async () => {
    const { core, admin } = await populated();
    expect((await refused(core, admin, 'backups.create', { passphrase: 'short' })).field).toBe('passphrase');
    const made = await ok(core, admin, 'backups.create', { passphrase: '正确的口令-2025' });
    expect(readFileSync(made.path).subarray(0, 8).toString()).toBe('OREGBAKE');
    expect(readFileSync(made.path).includes(Buffer.from('芦淞区司法局'))).toBe(false);
    const before = businessSnapshot(core);
    expect((await refused(core, admin, 'backups.inspect', { path: made.path })).message).toContain('请输入备份口令');
    expect((await refused(core, admin, 'backups.restore', { path: made.path, passphrase: '错误的口令-2025', confirm: true })).message).toContain('口令不正确');
    expect(businessSnapshot(core)).toBe(before);
    const i = await ok(core, admin, 'backups.inspect', { path: made.path, passphrase: '正确的口令-2025' });
    expect(i.manifest.counts.users).toBe(6);
    expect(i.canRestore).toBe(true);
    core.close();
  });

  describe('a broken backup is refused and the current data is untouched', () => {
    const cases: [string, (file: string, dir: string) => string, RegExp][] = [
      ['truncated', (f, d) => { const p = join(d, 't.otbak'); writeFileSync(p, readFileSync(f).subarray(0, Math.floor(readFileSync(f).length * 0.7))); return p; }, /不完整|截断/],
      ['a flipped byte in the data', (f, d) => { const b = readFileSync(f); b[b.length - 5000] ^= 0x40; const p = join(d, 'x.otbak'); writeFileSync(p, b); return p; }, /校验和不符/],
      ['a flipped byte in the manifest', (f, d) => { const b = readFileSync(f); b[20] ^= 0x01; const p = join(d, 'm.otbak'); writeFileSync(p, b); return p; }, /清单已损坏|不是办公室台账|校验和|不完整/],
      ['a random file renamed to .otbak', (_f, d) => { const p = join(d, 'r.otbak'); writeFileSync(p, Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251))); return p; }, /不是办公室台账的备份/],
      ['an empty file', (_f, d) => { const p = join(d, 'e.otbak'); writeFileSync(p, ''); return p; }, /不是办公室台账的备份|不完整/],
      ['a missing file', (_f, d) => join(d, 'nope.otbak'), /找不到备份文件/],
    ];
    for (const [name, corrupt, message] of cases) {
      it(name, async () => {
        const { core, admin } = await populated();
        const made = await ok(core, admin, 'backups.create', {});
        const bad = corrupt(made.path, tempDir());
        const before = businessSnapshot(core);
        const e = await refused(core, admin, 'backups.restore', { path: bad, confirm: true });
        expect(e.message).toMatch(message);
        expect(businessSnapshot(core)).toBe(before);
        expect((await ok(core, admin, 'accounts.me', {})).user.login).toBe('admin');
        core.close();
      });
    }

    it('a backup from a newer schema', async () => {
      const { core, admin } = await populated();
      const dir = tempDir();
      core.state.db.prepare('VACUUM INTO ?').run(join(dir, 'newer.sqlite'));
      const newer = new Database(join(dir, 'newer.sqlite'));
      newer.pragma('user_version = 9990');
      await createBackup({ db: newer, outFile: join(dir, 'newer.otbak'), workDir: dir, manifest: { app: '办公室台账', appVersion: '9.0', schemaVersion: 9990, createdAt: '2030-01-01T00:00:00+08:00', workstation: 'x', unitName: 'x', auditCheckpoint: { seq: 0, hash: '' } } });
      newer.close();
      const before = businessSnapshot(core);
      const i = await ok(core, admin, 'backups.inspect', { path: join(dir, 'newer.otbak') });
      expect(i.canRestore).toBe(false);
      expect((await refused(core, admin, 'backups.restore', { path: join(dir, 'newer.otbak'), confirm: true })).message).toContain('更新版本');
      expect(businessSnapshot(core)).toBe(before);
      core.close();
    });
  });

  it('a backup taken while writes continue is consistent and restorable', async () => {
    const { core, admin } = await populated();
    // Enough data that the online backup takes several steps.
    core.state.db.exec("CREATE TABLE IF NOT EXISTS filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 20000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n;");
    const backup = makeBackup(core.state, { dir: tempDir(), label: 't' });
    const writes = (async () => {
      for (let i = 0; i < 30; i++) await ok(core, admin, 'settings.update', { unitName: `并发${i}` });
    })();
    const [made] = await Promise.all([backup, writes]);
    const fresh = makeCore();
    await restoreBackup(fresh.state, made.path, undefined);
    expect((fresh.state.db.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check).toBe('ok');
    expect(verifyChain(fresh.state.db, 'now').ok).toBe(true);
    expect(fresh.state.db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 20000 });
    fresh.close();
    core.close();
  });

  it('a restore interrupted half-way leaves the current data in place and usable', async () => {
    const { core, admin } = await populated();
    const made = await ok(core, admin, 'backups.create', {});
    await ok(core, admin, 'settings.update', { unitName: '备份之后的名称' });
    const before = businessSnapshot(core);
    for (const step of ['safety-copied', 'before-swap']) {
      await expect(restoreBackup(core.state, made.path, undefined, (s) => { if (s === step) throw new Error(`power cut at ${step}`); })).rejects.toThrow('power cut');
      expect(businessSnapshot(core)).toBe(before);
      expect((await ok(core, admin, 'settings.get', {})).settings.unitName).toBe('备份之后的名称');
    }
    const dir = core.dataDir;
    core.close();
    const again = makeCore(dir);
    expect(businessSnapshot(again)).toBe(before);
    again.close();
  });

  it('a backup target that disappears mid-backup leaves no half file and says so', async () => {
    const { core } = await populated();
    const dest = tempDir('usb-');
    await expect(makeBackup(core.state, { dir: dest, label: 't', fault: (s) => { if (s === 'copied') rmSync(dest, { recursive: true, force: true }); } })).rejects.toThrow(/无法写入备份位置|不存在/);
    expect(existsSync(dest) ? readdirSync(dest) : []).toEqual([]);
    core.close();
  });

  it('a copy that fails its integrity check is not kept: no backup file, no half file, a clear message', async () => {
    const { core } = await populated();
    const dest = tempDir('usb-');
    // Damage the fresh copy where index and table must agree, as a failing disk would.
    const damage = (s: string) => {
      if (s !== 'copied') return;
      // The copy is checked in the data folder's private work folder, never on the target.
      const work = join(core.state.dataDir, PRIVATE_WORK_DIR);
      expect(readdirSync(dest)).toEqual([]);
      const tmp = join(work, readdirSync(work).find((f) => f.startsWith('.backup-') && f.endsWith('.sqlite'))!);
      const db = new Database(tmp);
      db.pragma('writable_schema = ON');
      const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'users_login' OR (tbl_name = 'users' AND type = 'index') LIMIT 1").get() as { rootpage: number }).rootpage;
      db.close();
      const buf = readFileSync(tmp);
      buf.fill(0x5a, (root - 1) * 4096 + 12, root * 4096);
      writeFileSync(tmp, buf);
    };
    await expect(makeBackup(core.state, { dir: dest, label: 't', fault: damage })).rejects.toThrow(/完整性检查未通过/);
    expect(readdirSync(dest)).toEqual([]);
    core.close();
  });

  it('automatic backups: once a day at start, on exit, failures reported on the home tile', async () => {
    const { core, admin } = await populated();
    expect((await ok(core, admin, 'backups.status', {})).warning).toContain('还没有任何备份');
    expect(await autoBackup(core.state, 'start')).not.toBeNull();
    expect(await autoBackup(core.state, 'start')).toBeNull();
    expect(await autoBackup(core.state, 'exit')).not.toBeNull();
    const status = await ok(core, admin, 'backups.status', {});
    expect(status.warning).toBeNull();
    expect(status.lastOk?.kind).toBe('auto');
    // Make the automatic folder unwritable: a file where the folder should be.
    rmSync(join(core.dataDir, 'backups', 'auto'), { recursive: true, force: true });
    writeFileSync(join(core.dataDir, 'backups', 'auto'), 'not a folder');
    expect(await autoBackup(core.state, 'exit')).toBeNull();
    expect((await ok(core, admin, 'backups.status', {})).warning).toContain('自动备份失败');
    // An old last backup is a warning too.
    core.state.db.exec("UPDATE backups SET created_at = '2020-01-01T00:00:00.000+08:00'");
    rmSync(join(core.dataDir, 'backups', 'auto'), { force: true });
    expect(await autoBackup(core.state, 'exit')).not.toBeNull();
    core.state.db.exec("UPDATE backups SET created_at = '2020-01-01T00:00:00.000+08:00'");
    expect((await ok(core, admin, 'backups.status', {})).warning).toMatch(/天前/);
    core.close();
  });

  it('retention keeps 7 daily, 4 weekly and 12 monthly automatic backups', async () => {
    const core = makeCore();
    const dir = tempDir();
    const ins = core.state.db.prepare("INSERT INTO backups (kind, path, created_at, status) VALUES ('auto', ?, ?, 'ok')");
    // Two backups a day for 400 days.
    const start = Date.parse('2024-01-01T00:00:00Z');
    for (let d = 0; d < 400; d++) {
      for (const h of [9, 18]) {
        const at = new Date(start + d * 86_400_000 + h * 3_600_000).toISOString().replace('Z', '+08:00');
        const p = join(dir, `${d}-${h}.otbak`);
        writeFileSync(p, 'x');
        ins.run(p, at);
      }
    }
    pruneAutoBackups(core.state);
    const kept = core.state.db.prepare("SELECT created_at AS at FROM backups WHERE status = 'ok' ORDER BY created_at DESC").all() as { at: string }[];
    // 7 days + up to 4 week-ends + up to 12 month-ends, overlapping.
    expect(kept.length).toBeGreaterThanOrEqual(12);
    expect(kept.length).toBeLessThanOrEqual(23);
    expect(new Set(kept.slice(0, 7).map((k) => k.at.slice(0, 10))).size).toBe(7);
    expect(new Set(kept.map((k) => k.at.slice(0, 7))).size).toBe(12);
    expect(readdirSync(dir).length).toBe(kept.length);
    core.close();
  });
});

describe('backups leave nothing readable behind (issue 26)', () => {
  it('an encrypted backup cut short leaves no plain copy on the target; the private work folder is the owner’s only, and emptied at the next start', async () => {
    const dir = tempDir();
    const core = makeCore(dir);
    const admin = await setupAdmin(core);
    for (let i = 0; i < 20; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
    const usb = tempDir('usb-');
    const work = join(dir, PRIVATE_WORK_DIR);
    let seen: string[] = [];
    // The process "dies" right after the copy: whatever is on the target then is all a thief would get.
    const crash = (s: string) => {
      if (s !== 'copied') return;
      seen = readdirSync(usb);
      throw new Error('killed');
    };
    await expect(makeBackup(core.state, { dir: usb, label: 't', passphrase: 'Backup-Pass-1', fault: crash })).rejects.toThrow('killed');
    expect(seen).toEqual([]);
    expect(readdirSync(usb)).toEqual([]);
    expect(statSync(work).mode & 0o777).toBe(0o700);
    core.close();
    // A crash before the cleanup would leave a plain copy in the private folder: the next start removes it.
    writeFileSync(join(work, '.backup-999-dead.sqlite'), 'plain leftovers');
    const again = makeCore(dir);
    expect(readdirSync(work)).toEqual([]);
    again.close();
  });
});
