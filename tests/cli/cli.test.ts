// The command line as IT runs it: the real CLI in a child process, real data folders.
// Exit codes are a contract (DESIGN.md): 0 success, 1 check failed, 2 usage error.
// Each spawn costs ~1 s of CPU (tsx + the core), so independent runs overlap (describe.concurrent)
// and everything that changes data works on a copy of one seeded folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openCore } from '../../db/core/core';
import { cleanup, tempDir } from '../helpers';

const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MAIN = join(ROOT, 'electron', 'cli', 'main.ts');
const DEMO_PASSWORD = 'Demo-1234!';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr, for messages that may go to either. */
  out: string;
}

const env = () => ({ ...process.env, OFFICE_INSECURE_FAST_HASH: '1', OFFICE_DATA_DIR: join(scratch, 'default-data-dir-must-not-be-used'), NO_COLOR: '1' });

const cli = (args: string[]) => spawn(process.execPath, [TSX, MAIN, ...args], { cwd: ROOT, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });

/** Run the CLI to completion (async, so independent runs can overlap), with a timeout. */
function run(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = cli(args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cli ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, out: stdout + stderr });
    });
    child.stdin!.on('error', () => {});
    child.stdin!.end(opts.input ?? '');
  });
}

let scratch: string;
/** A folder seeded once with seed-demo; each test that changes data works on a copy. */
let seeded: string;
let seedRun: Run;

const copySeeded = () => {
  const d = join(scratch, `copy-${randomBytes(4).toString('hex')}`);
  cpSync(seeded, d, { recursive: true });
  return d;
};

const withDb = <T>(dir: string, fn: (db: Database.Database) => T): T => {
  const db = new Database(join(dir, 'office.sqlite'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

const lastSeq = (dir: string) => withDb(dir, (db) => (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n);

beforeAll(async () => {
  scratch = tempDir('office-cli-');
  seeded = join(scratch, 'seeded');
  seedRun = await run(['seed-demo', '--password', DEMO_PASSWORD, '--data-dir', seeded]);
}, 60_000);

afterAll(() => cleanup(scratch));

describe.concurrent('cli: usage errors exit 2', () => {
  it('no command → 2 with the usage in Chinese', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('用法');
    expect(r.out).toContain('命令');
    for (const c of ['serve', 'verify', 'audit-verify', 'reset-admin', 'seed-demo']) expect(r.out).toContain(c);
  });

  it('unknown command → 2, naming it', async () => {
    const r = await run(['frobnicate', '--data-dir', join(scratch, 'unused-1')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('未知命令');
    expect(r.out).toContain('frobnicate');
    expect(r.out).toContain('用法');
  });

  it('serve --port abc → 2 before anything is opened', async () => {
    const dir = join(scratch, 'unused-2');
    const r = await run(['serve', '--port', 'abc', '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('--port');
    expect(existsSync(join(dir, 'office.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'browser-host.json'))).toBe(false);
  });

  it('seed-demo --scale huge → 2', async () => {
    const r = await run(['seed-demo', '--scale', 'huge', '--data-dir', join(scratch, 'unused-3')]);
    expect(r.code).toBe(2);
  });
});

describe.concurrent('cli: seed-demo, verify, audit-verify', () => {
  it('seed-demo on a fresh folder → 0 with the demo accounts', () => {
    expect(seedRun.code, seedRun.out).toBe(0);
    expect(seedRun.stdout).toContain('demo-admin');
    // The password given on the command line is not echoed back.
    expect(seedRun.out).not.toContain(DEMO_PASSWORD);
    expect(existsSync(join(seeded, 'office.sqlite'))).toBe(true);
    expect(existsSync(join(seeded, 'audit-head.json'))).toBe(true);
    expect(existsSync(join(seeded, 'office.lock'))).toBe(false);
  });

  it('verify → 0 and 全部检查通过', async () => {
    const r = await run(['verify', '--data-dir', seeded]);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toContain('全部检查通过');
  });

  it('audit-verify → 0', async () => {
    const r = await run(['audit-verify', '--data-dir', seeded]);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toContain('完好');
    expect(r.stdout).toContain(`共 ${lastSeq(seeded)} 条`);
  });
});

describe.concurrent('cli: audit-verify finds tampering (exit 1, first broken seq)', () => {
  it('an edited row → 第 3 条 (audit-verify and verify)', async () => {
    const d = copySeeded();
    withDb(d, (db) => db.exec("DROP TRIGGER audit_no_update; UPDATE audit_log SET message='x' WHERE seq=3"));
    const [r, v] = await Promise.all([run(['audit-verify', '--data-dir', d]), run(['verify', '--data-dir', d])]);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain('第 3 条');
    expect(v.code, v.out).toBe(1);
    expect(v.stdout).toContain('第 3 条');
    expect(v.stdout).not.toContain('全部检查通过');
  });

  it('a deleted middle row → 第 5 条', async () => {
    const d = copySeeded();
    withDb(d, (db) => db.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit_log WHERE seq=5'));
    const r = await run(['audit-verify', '--data-dir', d]);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain('第 5 条');
  });

  it('two rows swapped → 第 3 条', async () => {
    const d = copySeeded();
    withDb(d, (db) => {
      db.exec('DROP TRIGGER audit_no_update');
      db.transaction(() => {
        db.exec('UPDATE audit_log SET seq = -1 WHERE seq = 3');
        db.exec('UPDATE audit_log SET seq = 3 WHERE seq = 4');
        db.exec('UPDATE audit_log SET seq = 4 WHERE seq = -1');
      })();
    });
    const r = await run(['audit-verify', '--data-dir', d]);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain('第 3 条');
  });

  it('two rows with their content swapped but hashes left in place → 第 3 条', async () => {
    const d = copySeeded();
    withDb(d, (db) => {
      db.exec('DROP TRIGGER audit_no_update');
      const cols = 'at, user_id, user_login, user_name, roles, workstation, action, object_type, object_id, result, error_code, message, before_json, after_json';
      const get = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = ?`);
      const a = get.get(3) as Record<string, unknown>;
      const b = get.get(4) as Record<string, unknown>;
      expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
      const set = db.prepare(`UPDATE audit_log SET ${cols.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`);
      db.transaction(() => {
        set.run({ ...b, seq: 3 });
        set.run({ ...a, seq: 4 });
      })();
    });
    const r = await run(['audit-verify', '--data-dir', d]);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain('第 3 条');
  });

  it('a removed tail → 1, found against audit-head.json', async () => {
    const d = copySeeded();
    const head = JSON.parse(readFileSync(join(d, 'audit-head.json'), 'utf8')) as { seq: number; hash: string };
    const last = lastSeq(d);
    expect(head.seq).toBe(last);
    // No stored checkpoint covers the tail: the head file beside the database is what catches it.
    expect(withDb(d, (db) => (db.prepare('SELECT count(*) AS n FROM audit_checkpoints WHERE seq > ?').get(last - 3) as { n: number }).n)).toBe(0);
    withDb(d, (db) => db.exec(`DROP TRIGGER audit_no_delete; DELETE FROM audit_log WHERE seq > ${last - 3}`));
    const r = await run(['audit-verify', '--data-dir', d]);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain(`第 ${last - 3} 条`);
    expect(r.stdout).toContain('截断');
    // The chain alone cannot see it (SECURITY.md): without the head file the same data passes.
    const noHead = copySeeded();
    withDb(noHead, (db) => db.exec(`DROP TRIGGER audit_no_delete; DELETE FROM audit_log WHERE seq > ${last - 3}`));
    const { rmSync } = await import('node:fs');
    rmSync(join(noHead, 'audit-head.json'));
    const r2 = await run(['audit-verify', '--data-dir', noHead]);
    expect(r2.code, r2.out).toBe(0);
  });
});

describe.concurrent('cli: verify refuses foreign files', () => {
  it('office.sqlite that is random bytes → 1 with 这不是办公室台账的数据文件', async () => {
    const d = join(scratch, 'random');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(d, { recursive: true });
    const junk = randomBytes(8192);
    writeFileSync(join(d, 'office.sqlite'), junk);
    const r = await run(['verify', '--data-dir', d]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain('这不是办公室台账的数据文件');
    expect(readFileSync(join(d, 'office.sqlite')).equals(junk)).toBe(true);
  });

  it('another program’s SQLite database → 1 with the same message', async () => {
    const d = join(scratch, 'other-sqlite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(d, { recursive: true });
    const db = new Database(join(d, 'office.sqlite'));
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    const r = await run(['verify', '--data-dir', d]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain('这不是办公室台账的数据文件');
  });
});

/** Wait for a line on stdout that matches, or fail with what was printed. */
function waitForLine(child: ChildProcess, re: RegExp, timeoutMs = 25_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buf = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms\nstdout: ${buf}\nstderr: ${err}`)), timeoutMs);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      const line = buf.split('\n').find((l) => re.test(l));
      if (line) {
        clearTimeout(timer);
        resolvePromise(line);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${re}\nstdout: ${buf}\nstderr: ${err}`));
    });
  });
}

const exited = (child: ChildProcess, timeoutMs = 15_000) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise({ code: child.exitCode, signal: child.signalCode });
    const timer = setTimeout(() => reject(new Error('process did not exit')), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal });
    });
  });

describe('cli: serve', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints one URL with the token, writes browser-host.json (0600), answers, and cleans up on SIGTERM', async () => {
    const d = copySeeded();
    child = cli(['serve', '--data-dir', d, '--port', '0']);
    child.stdin!.end();
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    const line = await waitForLine(child, /http:\/\/127\.0\.0\.1:/);
    expect(line).toContain('http://127.0.0.1:');
    expect(line).toContain('#/?token=');
    const m = /(http:\/\/127\.0\.0\.1:(\d+)\/)#\/\?token=([0-9a-f]+)/.exec(line);
    expect(m, line).not.toBeNull();
    const [, url, port, token] = m!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);

    const infoFile = join(d, 'browser-host.json');
    expect(existsSync(infoFile)).toBe(true);
    expect(statSync(infoFile).mode & 0o777).toBe(0o600);
    const info = JSON.parse(readFileSync(infoFile, 'utf8'));
    expect(Object.keys(info).sort()).toEqual(['pid', 'port', 'token', 'url']);
    expect(info).toMatchObject({ url, port: Number(port), token });
    expect(typeof info.pid).toBe('number');
    expect(() => process.kill(info.pid, 0)).not.toThrow();

    const health = await fetch(`${url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, app: '办公室台账', schemaVersion: expect.any(Number) });
    // The token printed is the token the host wants.
    const call = (t: string) =>
      fetch(`${url}api/call`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` }, body: JSON.stringify({ method: 'settings.publicInfo', input: {} }) });
    expect((await call(token)).status).toBe(200);
    expect((await call('0'.repeat(64))).status).toBe(401);

    // A second serve on the same folder while the first runs is refused, in Chinese.
    const second = await run(['serve', '--data-dir', d, '--port', '0']);
    expect(second.code, second.out).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.out).toContain('正被另一个');
    // …and does not disturb the first one's info file or service.
    expect(JSON.parse(readFileSync(infoFile, 'utf8')).token).toBe(token);
    expect((await fetch(`${url}api/health`)).status).toBe(200);

    // Exactly one line on stdout (the token goes nowhere else).
    expect(stdout.trim().split('\n')).toHaveLength(1);

    child.kill('SIGTERM');
    const end = await exited(child);
    expect(end.code === 0 || end.signal === 'SIGTERM', JSON.stringify(end)).toBe(true);
    // The inner process (the pid in the info file) is gone too.
    await expect
      .poll(() => {
        try {
          process.kill(info.pid, 0);
          return true;
        } catch {
          return false;
        }
      }, { timeout: 5000 })
      .toBe(false);
    expect(existsSync(infoFile)).toBe(false);
    expect(existsSync(join(d, 'office.lock'))).toBe(false);
    await expect(fetch(`${url}api/health`)).rejects.toThrow();
  }, 40_000);
});

describe.concurrent('cli: reset-admin', () => {
  const NEW = 'New!Pass123';

  const signIn = async (dir: string, login: string, password: string) => {
    const core = openCore({ dataDir: dir, appVersion: '0.0.0-test', passwordLogN: 10, log: () => {} });
    try {
      return await core.call(null, 'accounts.signIn', { login, password });
    } finally {
      core.close();
    }
  };

  const resetEntries = (dir: string) =>
    withDb(dir, (db) => db.prepare("SELECT seq, action, result, user_login, object_type, message FROM audit_log WHERE action = 'accounts.resetAdmin'").all() as { user_login: string; result: string; message: string }[]);

  const adminHash = (dir: string) => withDb(dir, (db) => db.prepare("SELECT password_hash, must_change_password FROM users WHERE login = 'demo-admin'").get());

  it('two matching passwords on stdin → 0; the new password signs in and must be changed; audited', async () => {
    const d = copySeeded();
    const r = await run(['reset-admin', '--login', 'demo-admin', '--data-dir', d], { input: `${NEW}\n${NEW}\n` });
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toContain('demo-admin');
    expect(r.out).not.toContain(NEW);

    const s = await signIn(d, 'demo-admin', NEW);
    expect(s.ok, JSON.stringify(s)).toBe(true);
    expect((s as { data: { user: { mustChangePassword: boolean } } }).data.user.mustChangePassword).toBe(true);
    const old = await signIn(d, 'demo-admin', DEMO_PASSWORD);
    expect(old.ok).toBe(false);

    const entries = resetEntries(d);
    expect(entries).toHaveLength(1);
    expect(entries[0].result).toBe('success');
    expect(entries[0].user_login).toMatch(/^cli:/);
    const chain = await run(['audit-verify', '--data-dir', d]);
    expect(chain.code, chain.out).toBe(0);
  });

  it('two different passwords → 1 and nothing changes', async () => {
    const d = copySeeded();
    const before = adminHash(d);
    const seqBefore = lastSeq(d);
    const r = await run(['reset-admin', '--login', 'demo-admin', '--data-dir', d], { input: `${NEW}\nOther!Pass456\n` });
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain('不一致');
    expect(adminHash(d)).toEqual(before);
    expect(lastSeq(d)).toBe(seqBefore);
    expect(resetEntries(d)).toHaveLength(0);
    expect((await signIn(d, 'demo-admin', DEMO_PASSWORD)).ok).toBe(true);
  });

  it('stdin ending before the second password → 1 (never a silent 0) and nothing changes', async () => {
    const d = copySeeded();
    const before = adminHash(d);
    const r = await run(['reset-admin', '--login', 'demo-admin', '--data-dir', d], { input: `${NEW}\n` });
    expect(r.code, r.out).toBe(1);
    expect(adminHash(d)).toEqual(before);
    expect(resetEntries(d)).toHaveLength(0);
  });

  it('an unknown login → 1 and nothing changes', async () => {
    const d = copySeeded();
    const before = adminHash(d);
    const r = await run(['reset-admin', '--login', 'demo-clerk', '--data-dir', d], { input: `${NEW}\n${NEW}\n` });
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain('demo-clerk');
    expect(adminHash(d)).toEqual(before);
    expect(resetEntries(d)).toHaveLength(0);
  });
});
