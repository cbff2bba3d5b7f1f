// Backup and restore as the office uses them: automatic (daily at first start, on exit) with
// retention, "back up to…" a USB drive, restore with a safety copy and an audit entry after the swap.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CoreState } from '../core/context';
import { BACKUP_EXT, createBackup, openBackup, privateWorkDir, type BackupManifest, type BackupProgress } from '../core/backup';
import { DomainError } from '../core/errors';
import { APP_NAME } from '../core/names';
import { toShanghaiIso, shanghaiDate, shanghaiDateOf, shanghaiMinute } from '../core/time';
import { leaveAuditEntry, writeAuditHead } from '../core/audit-head';
import { openDataFolder } from '../core/open';

export const backupRoot = (state: CoreState) => join(state.dataDir, 'backups');
export const autoDir = (state: CoreState) => join(backupRoot(state), 'auto');
export const manualDir = (state: CoreState) => join(backupRoot(state), 'manual');
export const safetyDir = (state: CoreState) => join(backupRoot(state), 'safety');

/** The one job that may run at a time, for the progress bar. */
const jobs = new WeakMap<CoreState, { job: string; phase: string; percent: number }>();
export const currentJob = (state: CoreState) => jobs.get(state) ?? null;

const fileStamp = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export interface MadeBackup {
  path: string;
  manifest: BackupManifest;
}

/** Write one backup file of the current data. Recording it is the caller's step (see recordBackup). */
export async function makeBackup(state: CoreState, o: { dir: string; label: string; passphrase?: string; fault?: (step: string) => void }): Promise<MadeBackup> {
  if (jobs.has(state)) throw new DomainError('conflict', `正在进行${jobs.get(state)!.job}，请稍候再试。`);
  const now = toShanghaiIso(state.clock.now());
  const dir = resolve(o.dir);
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      throw new DomainError('storage', `备份位置不存在且无法创建：${dir}`, 'destDir');
    }
  }
  const path = join(dir, `${APP_NAME}-${o.label}-${fileStamp(now)}${BACKUP_EXT}`);
  const cp = state.audit.checkpoint();
  jobs.set(state, { job: '备份', phase: 'copy', percent: 0 });
  try {
    const manifest = await createBackup({
      db: state.db,
      outFile: path,
      passphrase: o.passphrase,
      fault: o.fault,
      nativeBinding: state.nativeBinding,
      workDir: privateWorkDir(state.dataDir),
      onProgress: (p: BackupProgress) => jobs.set(state, { job: '备份', phase: p.phase, percent: p.percent }),
      manifest: {
        app: APP_NAME,
        appVersion: state.appVersion,
        schemaVersion: state.schemaVersion,
        createdAt: now,
        workstation: state.workstation,
        unitName: state.settings().unitName,
        auditCheckpoint: { seq: cp.seq, hash: cp.hash },
      },
    });
    return { path, manifest };
  } finally {
    jobs.delete(state);
  }
}

/** Register a finished (or failed) backup; its checkpoint becomes one that verify knows. Call inside a transaction. */
export function recordBackup(state: CoreState, kind: 'auto' | 'manual' | 'safety', reason: string, made: MadeBackup | { path: string; error: string }) {
  const now = toShanghaiIso(state.clock.now());
  if ('manifest' in made) {
    const cp = made.manifest.auditCheckpoint;
    // A safety copy is recorded in the restored database, whose chain is another one.
    if (cp.seq > 0 && kind !== 'safety') state.db.prepare('INSERT INTO audit_checkpoints (seq, hash, at, reason) VALUES (?,?,?,?)').run(cp.seq, cp.hash, now, 'backup');
    state.db
      .prepare('INSERT INTO backups (kind, reason, path, created_at, bytes, sha256, encrypted, status, audit_seq) VALUES (?,?,?,?,?,?,?,?,?)')
      .run(kind, reason, made.path, made.manifest.createdAt, made.manifest.databaseBytes, made.manifest.sha256, made.manifest.encrypted ? 1 : 0, 'ok', cp.seq);
  } else {
    state.db.prepare("INSERT INTO backups (kind, reason, path, created_at, status, error) VALUES (?,?,?,?,'failed',?)").run(kind, reason, made.path, now, made.error.slice(0, 500));
  }
}

/**
 * Keep the newest backup of each of the last N days, N weeks and N months (settings); remove the
 * other automatic backups. Manual and safety copies are never removed automatically.
 */
export function pruneAutoBackups(state: CoreState, today = state.clock.now()) {
  const s = state.settings();
  const rows = state.db.prepare("SELECT id, path, created_at AS at FROM backups WHERE kind = 'auto' AND status = 'ok' ORDER BY created_at DESC").all() as { id: number; path: string; at: string }[];
  const keep = new Set<number>();
  const pick = (keyOf: (at: string) => string, n: number) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const k = keyOf(r.at);
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(r.id);
    }
  };
  pick((at) => shanghaiDateOf(at), s.backupKeepDaily);
  pick((at) => isoWeek(shanghaiDateOf(at)), s.backupKeepWeekly);
  pick((at) => at.slice(0, 7), s.backupKeepMonthly);
  void today;
  const drop = rows.filter((r) => !keep.has(r.id));
  const mark = state.db.prepare("UPDATE backups SET status = 'pruned' WHERE id = ?");
  for (const r of drop) {
    rmSync(r.path, { force: true });
    mark.run(r.id);
  }
  return drop.length;
}

function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${week}`;
}

/** An automatic backup: at the first start of a day ('start', skipped if today already has one) and on exit. */
export async function autoBackup(state: CoreState, reason: 'start' | 'exit'): Promise<MadeBackup | null> {
  if (state.readOnly) return null;
  if (reason === 'start') {
    const today = shanghaiDate(state.clock.now());
    const done = state.db.prepare("SELECT 1 FROM backups WHERE kind = 'auto' AND status = 'ok' AND substr(created_at, 1, 10) = ?").get(today);
    if (done) return null;
    // Nothing to protect yet on a brand-new folder.
    if (!state.db.prepare('SELECT 1 FROM users LIMIT 1').get()) return null;
  }
  const label = reason === 'start' ? '每日' : '退出';
  try {
    const made = await makeBackup(state, { dir: autoDir(state), label });
    state.db.transaction(() => {
      recordBackup(state, 'auto', reason, made);
      state.event({ action: 'backups.auto', result: 'success', objectType: 'backup', objectId: made.path, message: `自动备份（${label}）：${made.path}` });
      pruneAutoBackups(state);
    }).immediate();
    writeAuditHead(state);
    return made;
  } catch (e) {
    const error = (e as Error).message;
    try {
      state.db.transaction(() => {
        recordBackup(state, 'auto', reason, { path: autoDir(state), error });
        state.event({ action: 'backups.auto', result: 'failure', objectType: 'backup', message: `自动备份失败：${error}` });
      }).immediate();
    } catch {
      /* the database itself is failing; the host logs it */
    }
    return null;
  }
}

/** Is the restored data acceptable to this program? */
export function restoreProblem(state: CoreState, m: BackupManifest): string | null {
  if (m.schemaVersion > state.latestSchemaVersion) {
    return `此备份来自更新版本的办公室台账（数据版本 ${m.schemaVersion}，本程序只支持到 ${state.latestSchemaVersion}），不能恢复。请先安装新版本。`;
  }
  return null;
}

const workDir = (state: CoreState) => privateWorkDir(state.dataDir);

export async function inspectBackup(state: CoreState, path: string, passphrase?: string) {
  const opened = await openBackup(path, workDir(state), passphrase);
  rmSync(opened.dbFile, { force: true });
  const problem = restoreProblem(state, opened.manifest);
  return { manifest: opened.manifest, canRestore: !problem, problem };
}

/**
 * Replace the current data by a backup. Verified completely before anything is touched; a safety
 * copy of the current data is made first; the swap is one rename. Every open session ends.
 */
export async function restoreBackup(state: CoreState, path: string, passphrase: string | undefined, fault?: (step: string) => void) {
  const opened = await openBackup(path, workDir(state), passphrase);
  try {
    const problem = restoreProblem(state, opened.manifest);
    if (problem) throw new DomainError('rule', problem, 'path');
    const safety = await makeBackup(state, { dir: safetyDir(state), label: '恢复前' });
    fault?.('safety-copied');
    // The entries the restore leaves behind: those after the backup's checkpoint (kept in the safety copy).
    const from = opened.manifest.auditCheckpoint.seq + 1;
    const span = state.db.prepare('SELECT count(*) AS n, min(at) AS firstAt, max(at) AS lastAt, max(seq) AS last FROM audit_log WHERE seq >= ?').get(from) as { n: number; firstAt: string | null; lastAt: string | null; last: number | null };
    const dropped = span.n ? { from, to: span.last!, count: span.n, firstAt: span.firstAt!, lastAt: span.lastAt! } : null;
    state.maintenance = '正在从备份恢复数据，请稍候…';
    try {
      fault?.('before-swap');
      state.replaceDatabase(opened.dbFile);
    } catch (e) {
      // The swap did not happen: the current data is still in place; open it again.
      if (!state.db.open) state.replaceDatabase(null);
      throw e;
    } finally {
      state.maintenance = null;
    }
    writeAuditHead(state, { restored: true });
    state.db.transaction(() => recordBackup(state, 'safety', 'restore', safety)).immediate();
    for (const s of state.sessions.all()) state.sessions.remove(s.id);
    for (const f of readdirSync(workDir(state))) rmSync(join(workDir(state), f), { force: true });
    return { restoredFrom: path, safetyCopy: safety.path, manifest: opened.manifest, dropped };
  } finally {
    rmSync(opened.dbFile, { force: true });
  }
}

/** How a restore's audit entry names what it left behind: the entries after the backup, kept in the safety copy. */
export function droppedText(d: { from: number; to: number; count: number; firstAt: string; lastAt: string } | null, safetyCopy: string): string {
  if (!d) return '当前数据中没有备份之后的审计记录';
  return `当前数据中第 ${d.from}—${d.to} 条审计记录（共 ${d.count} 条，${shanghaiMinute(d.firstAt)} 至 ${shanghaiMinute(d.lastAt)}）在备份之后，恢复后不在数据中，保存在安全副本 ${safetyCopy} 中`;
}

/**
 * A backup asked for on the command line (`cli backup [--out F]`), through the running core: written,
 * recorded and audited as a manual backup by the workstation's user.
 */
export async function commandLineBackup(state: CoreState, o: { out?: string; passphrase?: string; who: string }): Promise<MadeBackup> {
  const made = await makeBackup(state, { dir: o.out ? dirname(o.out) : manualDir(state), label: '命令行', passphrase: o.passphrase });
  const path = o.out ?? made.path;
  if (o.out) renameSync(made.path, o.out);
  state.db
    .transaction(() => {
      recordBackup(state, 'manual', 'cli', { ...made, path });
      state.event({ action: 'backups.create', result: 'success', objectType: 'backup', objectId: path, userLogin: o.who, message: `命令行备份到 ${path}` });
    })
    .immediate();
  return { ...made, path };
}

/**
 * The same while the app holds the data folder: through a read-only connection (the online backup API
 * is safe beside a writer). The audit entry waits beside the database and goes into the log at the
 * app's next start. `now` is the host's clock: there is no core here to ask.
 */
export async function backupBesideRunningApp(dataDir: string, o: { out?: string; passphrase?: string; who: string; appVersion: string; now: Date }): Promise<MadeBackup & { databaseBytes: number }> {
  const ro = openDataFolder(dataDir, { readOnly: true });
  try {
    const at = toShanghaiIso(o.now);
    const path = o.out ?? join(dataDir, 'backups', 'manual', `${APP_NAME}-命令行-${fileStamp(at)}${BACKUP_EXT}`);
    const cp = ro.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const unit = ro.db.prepare("SELECT value FROM settings WHERE key = 'unitName'").get() as { value: string } | undefined;
    const manifest = await createBackup({
      db: ro.db,
      outFile: path,
      passphrase: o.passphrase,
      workDir: privateWorkDir(dataDir),
      manifest: { app: APP_NAME, appVersion: o.appVersion, schemaVersion: ro.db.pragma('user_version', { simple: true }) as number, createdAt: at, workstation: 'cli', unitName: unit ? (JSON.parse(unit.value) as string) : '', auditCheckpoint: { seq: cp?.seq ?? 0, hash: cp?.hash ?? '' } },
    });
    leaveAuditEntry(dataDir, { at, action: 'backups.create', userLogin: o.who, objectType: 'backup', objectId: path, message: `命令行在程序运行时备份到：${path}（审计检查点 #${manifest.auditCheckpoint.seq}${o.passphrase ? '，已加密' : ''}）` });
    return { path, manifest, databaseBytes: manifest.databaseBytes };
  } finally {
    ro.release();
  }
}
