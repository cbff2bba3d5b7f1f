// The data folder never goes back in time (issue 26): at every start, before anything writes, the
// database's audit head is compared with the head kept beside it. An older file copied in, or a deleted
// one in a folder with a history, opens read-only with a Chinese message and a restore offer; the kept
// head never moves backwards; going on with such data is an explicit, audited command-line decision.
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_HEAD_FILE } from '../../db/core/core';
import { DB_FILE } from '../../db/core/open';
import { main } from '../../electron/cli/main';
import { cleanup, makeCore, ok, setupAdmin, STRONG, tempDir } from '../helpers';

/** Run a command-line command without its console output. */
async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const [log, err] = [console.log, console.error];
  console.log = console.error = () => {};
  try {
    return await f();
  } finally {
    console.log = log;
    console.error = err;
  }
}

const head = (dir: string) => JSON.parse(readFileSync(join(dir, AUDIT_HEAD_FILE), 'utf8')) as { seq: number; hash: string };
const dropWal = (dir: string) => ['-wal', '-shm'].forEach((x) => rmSync(join(dir, `${DB_FILE}${x}`), { force: true }));

/** Copy the older file over the current one, as the acceptance run did. */
function rollBack(dir: string, old: string) {
  copyFileSync(old, join(dir, DB_FILE));
  dropWal(dir);
}

async function folderWithHistory() {
  const dir = tempDir('history-');
  const core = makeCore(dir);
  const admin = await setupAdmin(core);
  for (let i = 0; i < 5; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
  core.close();
  const old = join(dir, 'old-copy.sqlite');
  copyFileSync(join(dir, DB_FILE), old);
  const again = makeCore(dir);
  const s = (await ok(again, null, 'accounts.signIn', { login: 'admin', password: STRONG })).sessionId;
  for (let i = 0; i < 5; i++) await ok(again, s, 'settings.update', { unitName: `新单位${i}` });
  again.close();
  return { dir, old };
}

describe('an older database copied over the current one', () => {
  it('opens read-only saying what is missing, refuses every write, and leaves the kept head where it was', async () => {
    const { dir, old } = await folderWithHistory();
    const kept = head(dir);
    rollBack(dir, old);
    const core = makeCore(dir);
    expect(core.state.readOnly).toBe(true);
    expect(core.state.readOnlyReason).toMatch(/数据文件比此文件夹记录的审计检查点旧：数据文件的审计记录只到第 \d+ 条.*缺少 \d+ 条.*restore/);
    const r = await core.call(null, 'accounts.signIn', { login: 'admin', password: STRONG });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('read_only');
    core.close();
    // The rollback does not erase its own evidence: the head is unchanged, verify still fails, and the
    // next start says the same.
    expect(head(dir)).toEqual(expect.objectContaining(kept));
    expect(await quietly(() => main(['verify', '--data-dir', dir]))).toBe(1);
    expect(head(dir)).toEqual(expect.objectContaining(kept));
    const next = makeCore(dir);
    expect(next.state.readOnly).toBe(true);
    next.close();
    cleanup(dir);
  });

  it('goes on only by an administrator’s accept-history --yes on the command line, which is audited', async () => {
    const { dir, old } = await folderWithHistory();
    rollBack(dir, old);
    expect(await quietly(() => main(['accept-history', '--data-dir', dir]))).toBe(1); // without --yes, nothing changes
    const still = makeCore(dir);
    expect(still.state.readOnly).toBe(true);
    still.close();
    expect(await quietly(() => main(['accept-history', '--yes', '--data-dir', dir]))).toBe(0);
    const core = makeCore(dir);
    expect(core.state.readOnly).toBe(false);
    const s = (await ok(core, null, 'accounts.signIn', { login: 'admin', password: STRONG })).sessionId;
    const entry = (await ok(core, s, 'audit.list', { action: 'audit.historyAccepted' })).rows[0];
    expect(entry.message).toMatch(/^命令行确认以当前数据继续。启动检查发现：数据文件比此文件夹记录的审计检查点旧/);
    core.close();
    cleanup(dir);
  });
});

describe('the way back: restore the newest backup', () => {
  it('restores from the command line while the data is read-only, and the folder opens writable again', async () => {
    const { dir, old } = await folderWithHistory();
    const core = makeCore(dir);
    const s = (await ok(core, null, 'accounts.signIn', { login: 'admin', password: STRONG })).sessionId;
    const backup = (await ok(core, s, 'backups.create', {})).path;
    core.close();
    rollBack(dir, old);
    expect(await quietly(() => main(['restore', backup, '--yes', '--data-dir', dir]))).toBe(0);
    const back = makeCore(dir);
    expect(back.state.readOnly).toBe(false);
    expect((await ok(back, null, 'settings.publicInfo', {})).unitName).toBe('新单位4');
    back.close();
    cleanup(dir);
  });
});

describe('a deleted database in a folder with a history', () => {
  it('opens read-only with the reason instead of the first-run setup', async () => {
    const dir = tempDir('history-');
    const core = makeCore(dir);
    const admin = await setupAdmin(core);
    await ok(core, admin, 'backups.create', {});
    core.close();
    rmSync(join(dir, DB_FILE));
    dropWal(dir);
    const empty = makeCore(dir);
    const info = await ok(empty, null, 'settings.publicInfo', {});
    expect(info).toMatchObject({ initialized: false, readOnly: true });
    expect(info.readOnlyReason).toMatch(/^数据文件是空的，但此文件夹中记录过第 \d+ 条审计记录，并且有备份/);
    const setup = await empty.call(null, 'accounts.setup', { unitName: '××区司法局', login: 'admin2', password: STRONG, name: '某人', department: '办公室', roles: ['admin'] });
    expect(setup.ok).toBe(false);
    if (!setup.ok) expect(setup.error.code).toBe('read_only');
    empty.close();
    cleanup(dir);
  });

  it('a brand-new folder still starts with the first-run setup, also after a start without setting up', async () => {
    const dir = tempDir('history-');
    makeCore(dir).close();
    const core = makeCore(dir);
    expect(core.state.readOnly).toBe(false);
    expect(await ok(core, null, 'settings.publicInfo', {})).toMatchObject({ initialized: false, readOnly: false });
    core.close();
    cleanup(dir);
  });
});

describe('every restore and backup is on the record', () => {
  it('a restore names the audit entries it left behind; inspecting a file and a refused restore are audited too', async () => {
    const dir = tempDir('history-');
    const core = makeCore(dir);
    const admin = await setupAdmin(core);
    const made = await ok(core, admin, 'backups.create', { passphrase: 'Backup-Pass-1' });
    const at = made.manifest.auditCheckpoint.seq;
    for (let i = 0; i < 3; i++) await ok(core, admin, 'settings.update', { unitName: `单位${i}` });
    const info = await ok(core, admin, 'backups.inspect', { path: made.path, passphrase: 'Backup-Pass-1' });
    expect(info.canRestore).toBe(true);
    const wrong = await core.call(admin, 'backups.restore', { path: made.path, passphrase: 'Wrong-Pass-9', confirm: true });
    expect(wrong.ok).toBe(false);
    const before = core.state.audit.checkpoint().seq;
    const log = (action: string) => core.state.db.prepare('SELECT result, message FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { result: string; message: string }[];
    expect(log('backups.inspect')).toEqual([{ result: 'success', message: expect.stringContaining(`查看备份文件：${made.path}`) }]);
    expect(log('backups.restore')).toEqual([{ result: 'failure', message: expect.stringMatching(/口令|密码|解密/) }]);
    await ok(core, admin, 'backups.restore', { path: made.path, passphrase: 'Backup-Pass-1', confirm: true });
    const restored = log('backups.restore').at(-1)!;
    expect(restored.message).toContain(`当前数据中第 ${at + 1}—${before} 条审计记录（共 ${before - at} 条`);
    expect(restored.message).toContain('恢复后不在数据中，保存在安全副本');
    core.close();
    cleanup(dir);
  });
});

describe('a command-line backup of a running app', () => {
  it('is taken through a read-only connection and goes into the audit log at the app’s next start', async () => {
    const dir = tempDir('history-');
    const core = makeCore(dir);
    await setupAdmin(core);
    const target = join(tempDir('usb-'), 'running.otbak');
    // The app holds the folder while the command line backs it up.
    expect(await quietly(() => main(['backup', '--out', target, '--data-dir', dir]))).toBe(0);
    core.close();
    const next = makeCore(dir);
    const entries = next.state.db.prepare("SELECT user_login AS login, object_id AS objectId, message FROM audit_log WHERE action = 'backups.create'").all() as { login: string; objectId: string; message: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ objectId: target });
    expect(entries[0].login).toMatch(/^cli:/);
    expect(entries[0].message).toMatch(/^命令行在程序运行时备份到：.*下次启动时记入/);
    next.close();
    // Taken once: the next start does not add it again.
    const third = makeCore(dir);
    expect((third.state.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backups.create'").get() as { n: number }).n).toBe(1);
    third.close();
    cleanup(dir);
  });

  it('when the app is not running, is written through the core, recorded among the backups and audited at once', async () => {
    const dir = tempDir('history-');
    const first = makeCore(dir);
    await setupAdmin(first);
    first.close();
    const target = join(tempDir('usb-'), 'stopped.otbak');
    expect(await quietly(() => main(['backup', '--out', target, '--data-dir', dir]))).toBe(0);
    expect(existsSync(target)).toBe(true);
    const next = makeCore(dir);
    const recorded = next.state.db.prepare("SELECT kind, reason, path, status FROM backups").all();
    expect(recorded).toEqual([{ kind: 'manual', reason: 'cli', path: target, status: 'ok' }]);
    const entries = next.state.db.prepare("SELECT user_login AS login, object_id AS objectId, message FROM audit_log WHERE action = 'backups.create'").all() as { login: string; objectId: string; message: string }[];
    expect(entries).toEqual([{ login: expect.stringMatching(/^cli:/), objectId: target, message: `命令行备份到 ${target}` }]);
    next.close();
    cleanup(dir);
  });
});
