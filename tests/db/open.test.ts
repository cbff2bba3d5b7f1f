// Opening a data folder: pragmas, foreign and newer files, the folder lock, migrations, start-up check.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../db/core/core';
import { CoreOpenError } from '../../db/core/errors';
import { defaultMigrationsDir } from '../../db/core/migrate';
import { APPLICATION_ID, DB_FILE, LOCK_FILE } from '../../db/core/open';
import { makeCore, ok, refused, setupAdmin, tempDir } from '../helpers';

const open = (dataDir: string, migrationsDir?: string) => openCore({ dataDir, appVersion: 't', passwordLogN: 10, migrationsDir, log: () => {} });

function openError(fn: () => unknown): CoreOpenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CoreOpenError) return e;
    throw e;
  }
  throw new Error('expected the open to be refused');
}

describe('opening a data folder', () => {
  it('applies the durability pragmas and stamps our application_id', () => {
    const core = makeCore();
    const db = core.state.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(core.state.schemaVersion).toBeGreaterThanOrEqual(10);
    core.close();
  });

  it('refuses a file that is not a database, and leaves it untouched', () => {
    const dir = tempDir();
    const junk = Buffer.from('这不是数据库 just some bytes '.repeat(100));
    writeFileSync(join(dir, DB_FILE), junk);
    const e = openError(() => open(dir));
    expect(e.reason).toBe('foreign');
    expect(e.message).toContain('不是办公室台账的数据文件');
    expect(readFileSync(join(dir, DB_FILE)).equals(junk)).toBe(true);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("refuses another program's SQLite database", () => {
    const dir = tempDir();
    const other = new Database(join(dir, DB_FILE));
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')");
    other.close();
    expect(openError(() => open(dir)).reason).toBe('foreign');
    const again = new Database(join(dir, DB_FILE));
    expect(again.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database from a newer version of the app with a clear message, changing nothing', () => {
    const dir = tempDir();
    makeCore(dir).close();
    const db = new Database(join(dir, DB_FILE));
    db.pragma('user_version = 9990');
    db.close();
    const before = readFileSync(join(dir, DB_FILE));
    const e = openError(() => open(dir));
    expect(e.reason).toBe('newer');
    expect(e.message).toContain('更新版本');
    expect(readFileSync(join(dir, DB_FILE)).equals(before)).toBe(true);
  });

  it('a migration that throws half-way leaves the database exactly as it was, after taking a copy', async () => {
    const dir = tempDir();
    const core = makeCore(dir);
    await setupAdmin(core);
    core.close();
    const migrations = tempDir('migr-');
    for (const f of readdirSync(defaultMigrationsDir())) copyFileSync(join(defaultMigrationsDir(), f), join(migrations, f));
    // A later step whose first statement succeeds and whose second fails.
    writeFileSync(join(migrations, '9980-good.sql'), 'CREATE TABLE t_good (x INTEGER);');
    writeFileSync(join(migrations, '9990-broken.sql'), 'CREATE TABLE t_half (x INTEGER);\nINSERT INTO no_such_table VALUES (1);');
    const versionBefore = (() => {
      const d = new Database(join(dir, DB_FILE));
      const v = d.pragma('user_version', { simple: true });
      d.close();
      return v;
    })();
    const e = openError(() => open(dir, migrations));
    expect(e.reason).toBe('migration');
    expect(e.message).toContain('数据保持原样');
    const d = new Database(join(dir, DB_FILE));
    expect(d.pragma('user_version', { simple: true })).toBe(versionBefore);
    expect(d.prepare("SELECT name FROM sqlite_master WHERE name IN ('t_good','t_half')").all()).toEqual([]);
    expect(d.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    d.close();
    const copies = readdirSync(join(dir, 'backups', 'pre-migration'));
    expect(copies.length).toBe(1);
    const copy = new Database(join(dir, 'backups', 'pre-migration', copies[0]), { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    copy.close();
    // The lock was released: the folder opens normally with the real migrations.
    open(dir).close();
  });

  it('refuses a second opening of the same folder in this process and in another process', () => {
    const dir = tempDir();
    const core = makeCore(dir);
    expect(openError(() => open(dir)).reason).toBe('locked');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', `import('${join(process.cwd(), 'db/core/core.ts')}').then(m => { try { m.openCore({ dataDir: ${JSON.stringify(dir)}, appVersion: 't' }); console.log('OPENED') } catch (e) { console.log('REFUSED ' + e.reason + ' ' + e.message) } })`],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(child.stdout).toContain('REFUSED locked');
    expect(child.stdout).toContain('正被另一个');
    core.close();
    open(dir).close();
  });

  it('three processes starting together on a folder a crashed one left behind: exactly one holds it, every time', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const script = `import('${join(process.cwd(), 'db/core/open.ts')}').then(async (m) => { let r; try { r = m.acquireFolderLock(${JSON.stringify(dir)}); console.log('HELD') } catch (e) { console.log('REFUSED ' + e.reason) } await new Promise((ok) => setTimeout(ok, 1500)); r?.() })`;
    const holders: number[] = [];
    for (let trial = 0; trial < 5; trial++) {
      // A crashed holder's lock file, as a power cut leaves it.
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout.trim()), host: require('node:os').hostname() }));
      const runs = Array.from({ length: 3 }, () => new Promise<string>((done) => {
        const p = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('exit', () => done(out));
      }));
      const outs = await Promise.all(runs);
      holders.push(outs.filter((o) => o.includes('HELD')).length);
      expect(outs.filter((o) => o.includes('REFUSED locked'))).toHaveLength(2);
    }
    expect(holders).toEqual([1, 1, 1, 1, 1]);
  }, 120_000);

  it('takes over a lock left behind by a process that no longer runs', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout.trim()), host: require('node:os').hostname() }));
    open(dir).close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('a damaged database opens read-only with a restore message, and writes are refused', async () => {
    const dir = tempDir();
    const core = makeCore(dir);
    const admin = await setupAdmin(core);
    for (let i = 0; i < 200; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
    core.close();
    // Scribble over the last pages (the audit entries just written): index and table pages no
    // longer agree, while the schema at the start of the file stays readable.
    const file = join(dir, DB_FILE);
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 4096) * 4096 - 4096 * 4);
    closeSync(fd);
    const damaged = open(dir);
    expect(damaged.state.readOnly).toBe(true);
    expect(damaged.state.readOnlyReason).toContain('只读');
    const r = await damaged.call(null, 'accounts.signIn', { login: 'admin', password: 'whatever' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('read_only');
    damaged.close();
  });
});

describe('damage anywhere in the file', () => {
  it('either opens read-only or refuses to open, and both say in Chinese to restore from a backup', async () => {
    const dir = tempDir();
    const core = makeCore(dir);
    const admin = await setupAdmin(core);
    for (let i = 0; i < 100; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
    core.close();
    const file = join(dir, DB_FILE);
    const pristine = readFileSync(file);
    const pages = Math.floor(pristine.length / 4096);
    let noticed = 0;
    for (const at of [0.05, 0.3, 0.5, 0.7, 0.95]) {
      writeFileSync(file, pristine);
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.max(1, Math.floor(pages * at)) * 4096);
      closeSync(fd);
      let message = '';
      try {
        const c = open(dir);
        message = c.state.readOnly ? (c.state.readOnlyReason ?? '') : 'opened writable';
        c.close();
      } catch (e) {
        message = (e as Error).message;
      }
      if (message === 'opened writable') continue; // the scribble hit free space
      expect(message, `damage at ${at}`).toMatch(/备份/);
      expect(message, `damage at ${at}`).toMatch(/损坏|只读/);
      noticed++;
    }
    expect(noticed).toBeGreaterThanOrEqual(3);
  });
});

describe('numbering', () => {
  it('is gapless per register and year, and a rolled-back insert gives its number back', async () => {
    const { nextNumber, formatNumber } = await import('../../db/core/numbering');
    const core = makeCore();
    const db = core.state.db;
    const take = (reg: string, y: number) => db.transaction(() => nextNumber(db, reg, y)).immediate();
    expect([take('seals', 2025), take('seals', 2025), take('seals', 2026), take('trips', 2025)]).toEqual([1, 2, 1, 1]);
    expect(() =>
      db.transaction(() => {
        nextNumber(db, 'seals', 2025);
        throw new Error('insert failed');
      }).immediate(),
    ).toThrow('insert failed');
    expect(take('seals', 2025)).toBe(3);
    expect(formatNumber('用印', 2025, 12)).toBe('用印〔2025〕第0012号');
    core.close();
  });
});

describe('settings', () => {
  it('the unit name is stored, audited and refused when too long', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    expect((await ok(core, null, 'settings.publicInfo', {})).unitName).toBe('××区司法局');
    await ok(core, admin, 'settings.update', { unitName: '芦淞区司法局', language: 'en-US' });
    const s = await ok(core, admin, 'settings.get', {});
    expect(s.settings.unitName).toBe('芦淞区司法局');
    expect(s.settings.language).toBe('en-US');
    const err = await refused(core, admin, 'settings.update', { unitName: '长'.repeat(61) });
    expect(err).toMatchObject({ code: 'invalid_input', field: 'unitName' });
    expect(err.message).toContain('单位名称');
    expect((await ok(core, admin, 'settings.get', {})).settings.unitName).toBe('芦淞区司法局');
    const last = await ok(core, admin, 'audit.list', { action: 'settings.update', result: 'success' });
    expect(last.rows[0].after).toContain('芦淞区司法局');
    core.close();
  });
});

describe('the start-up check in the background', () => {
  it('answers public reads at once; on a damaged file, writes wait for the check and are then refused read-only', async () => {
    const dir = tempDir();
    const core = makeCore(dir);
    const admin = await setupAdmin(core);
    for (let i = 0; i < 200; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
    core.close();
    const file = join(dir, DB_FILE);
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 4096) * 4096 - 4096 * 4);
    closeSync(fd);
    const damaged = openCore({ dataDir: dir, appVersion: 'test', passwordLogN: 10, backgroundCheck: true, log: () => {} });
    expect(damaged.state.startupCheck).not.toBeNull();
    expect(damaged.state.readOnly).toBe(false); // not known yet
    const info = await damaged.call(null, 'settings.publicInfo', {});
    expect(info.ok).toBe(true);
    const r = await damaged.call(null, 'accounts.signIn', { login: 'admin', password: 'whatever' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('read_only');
    expect(damaged.state.readOnly).toBe(true);
    expect(damaged.state.readOnlyReason).toContain('备份');
    damaged.close();
  });

  it('on a sound file the check passes in the background and writes go ahead', async () => {
    const dir = tempDir();
    const first = makeCore(dir);
    await setupAdmin(first);
    first.close();
    const core = openCore({ dataDir: dir, appVersion: 'test', passwordLogN: 10, backgroundCheck: true, log: () => {} });
    const r = await core.call(null, 'accounts.signIn', { login: 'admin', password: 'Str0ng!Pass' });
    expect(r.ok).toBe(true);
    expect(core.state.startupCheck).toBeNull();
    expect(core.state.readOnly).toBe(false);
    core.close();
  });
});

describe('checks in a worker', () => {
  it('give the same verdict as in place, and fall back to checking in place when no worker can load SQLite', async () => {
    const { checkInWorker, checkInBackground } = await import('../../db/core/sqlite-checks');
    const dir = tempDir();
    const core = makeCore(dir);
    await setupAdmin(core);
    core.close();
    const file = join(dir, DB_FILE);
    expect(await checkInWorker(file, 'integrity_check')).toEqual({ ran: true, result: 'ok' });
    // A native binding that does not exist: the worker cannot run, the check still answers.
    const broken = await checkInWorker(file, 'quick_check', '/nonexistent/better_sqlite3.node');
    expect(broken.ran).toBe(false);
    // …and then the check runs here (with the binding this process has) rather than failing the file.
    expect(await checkInBackground(file, 'quick_check')).toBe('ok');
    // A file that is not a database at all is a verdict, not a failure to run.
    writeFileSync(join(dir, 'junk.sqlite'), Buffer.alloc(8192, 7));
    const junk = await checkInWorker(join(dir, 'junk.sqlite'), 'quick_check');
    expect(junk.ran).toBe(true);
    expect(junk.result).not.toBe('ok');
  });
});
