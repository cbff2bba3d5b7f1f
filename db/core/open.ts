// Opening a data folder: one lock, one writer connection, the pragmas SECURITY.md requires, a start-up check.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CoreOpenError } from './errors';
import { registerSqlFunctions } from './sql';
// The lock records when this process took the folder: a fact about the process, so the real clock.
import { systemClock, toShanghaiIso } from './time';

/** 'OREG' — lets us recognise our own files and refuse foreign ones. */
export const APPLICATION_ID = 0x4f524547;
export const DB_FILE = 'office.sqlite';
export const LOCK_FILE = 'office.lock';

export type Db = Database.Database;

export interface OpenedDb {
  db: Db;
  file: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  release(): void;
}

/** Apply the durability pragmas to a connection. synchronous=FULL: WAL+NORMAL can lose the last commits on power loss. */
export function applyPragmas(db: Db, readOnly: boolean) {
  if (!readOnly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
}

/** The exclusive lock itself: an SQLite file held in exclusive locking mode while the folder is open. */
export const LOCK_GUARD_FILE = 'office.lock.db';

/**
 * The folder lock, so that two processes never write the same data. The lock is the operating
 * system's: an SQLite file held in exclusive locking mode for as long as the folder is open. Taking it
 * is atomic, and it dies with its process (a crash or a power cut leaves nothing to take over), so
 * processes starting together on a folder a crashed one left behind never both hold it. The JSON file
 * beside it only says who holds it, for the message a second program shows.
 */
export function acquireFolderLock(dir: string, nativeBinding?: string): () => void {
  const info = join(dir, LOCK_FILE);
  const guard = new Database(join(dir, LOCK_GUARD_FILE), { nativeBinding, timeout: 0 });
  try {
    guard.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock, and exclusive locking mode keeps it until close.
    guard.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; INSERT INTO holder VALUES (' + process.pid + '); COMMIT');
  } catch (e) {
    guard.close();
    if ((e as { code?: string }).code !== 'SQLITE_BUSY' && (e as { code?: string }).code !== 'SQLITE_LOCKED') throw e;
    let held: { pid?: number; host?: string } = {};
    try {
      held = JSON.parse(readFileSync(info, 'utf8'));
    } catch {
      /* the holder is still writing it */
    }
    if (held.host && held.host !== hostname()) throw new CoreOpenError('locked', `数据文件夹正被另一台电脑（${held.host}）上的办公室台账使用。`);
    throw new CoreOpenError('locked', `数据文件夹正被另一个办公室台账程序使用${held.pid ? `（进程号 ${held.pid}）` : ''}。请先关闭那个程序，再重新打开。`);
  }
  // Written whole and renamed into place: a reader never sees half of it.
  writeFileSync(`${info}.${process.pid}.tmp`, JSON.stringify({ pid: process.pid, host: hostname(), since: toShanghaiIso(systemClock.now()) }), { mode: 0o600 });
  renameSync(`${info}.${process.pid}.tmp`, info);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      const held = JSON.parse(readFileSync(info, 'utf8')) as { pid: number };
      if (held.pid === process.pid) unlinkSync(info);
    } catch {
      /* already gone */
    }
    guard.close();
  };
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** True when the file is empty/missing (a new database) or begins with SQLite's header. */
function looksLikeSqlite(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export const FOREIGN_MESSAGE = '这不是办公室台账的数据文件，已拒绝打开。请检查数据文件夹是否选错。';

/** Refuse a file that is not SQLite, or a SQLite file that belongs to another program. */
export function checkOurs(db: Db) {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n;
  if (appId !== 0 || tables > 0) throw new CoreOpenError('foreign', FOREIGN_MESSAGE);
}

export interface OpenFolderOptions {
  nativeBinding?: string;
  /** Open for reading only (verify, backup of a running app's data): no lock, no migrations. */
  readOnly?: boolean;
  /** Leave the start-up quick_check to the caller (it runs it in the background). */
  deferCheck?: boolean;
}

/** Open (creating if needed) the database in a data folder. Migrations run afterwards, see migrate.ts. */
export function openDataFolder(dir: string, opts: OpenFolderOptions = {}): OpenedDb {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const release = opts.readOnly ? () => {} : acquireFolderLock(dir, opts.nativeBinding);
  try {
    const opened = openDatabaseFile(join(dir, DB_FILE), opts);
    return {
      ...opened,
      release: () => {
        if (opened.db.open) opened.db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Open one database file (the folder lock is the caller's business): ours? healthy? pragmas. */
export function openDatabaseFile(file: string, opts: OpenFolderOptions = {}): Omit<OpenedDb, 'release'> {
  try {
    if (!looksLikeSqlite(file)) throw new CoreOpenError('foreign', FOREIGN_MESSAGE);
    if (opts.readOnly && !existsSync(file)) throw new CoreOpenError('io', `数据文件不存在：${file}`);
    let db = new Database(file, { nativeBinding: opts.nativeBinding, readonly: !!opts.readOnly, fileMustExist: !!opts.readOnly });
    try {
      checkOurs(db);
    } catch (e) {
      db.close();
      throw e;
    }
    let readOnly = !!opts.readOnly;
    let readOnlyReason: string | null = null;
    const check = opts.deferCheck ? 'ok' : quickCheck(db);
    if (check !== 'ok') {
      // Never auto-repair: the damaged file is evidence. Open it read-only and offer a restore.
      db.close();
      db = new Database(file, { nativeBinding: opts.nativeBinding, readonly: true, fileMustExist: true });
      readOnly = true;
      readOnlyReason = `启动检查发现数据文件损坏（${check.slice(0, 120)}）。数据已以只读方式打开，请从最近一次完好的备份恢复。`;
    }
    applyPragmas(db, readOnly);
    registerSqlFunctions(db);
    return { db, file, readOnly, readOnlyReason };
  } catch (e) {
    if (e instanceof CoreOpenError) throw e;
    const msg = (e as Error).message ?? String(e);
    if (/not a database|file is encrypted/i.test(msg)) throw new CoreOpenError('foreign', FOREIGN_MESSAGE);
    // Damage in the schema itself: not even a read-only view is possible, only a restore.
    if (/malformed|corrupt/i.test(msg)) throw new CoreOpenError('io', `数据文件已损坏，无法读取（${msg}）。请从最近一次完好的备份恢复（命令行：npm run cli -- restore <备份文件>），损坏的文件请保留备查。`);
    throw new CoreOpenError('io', `无法打开数据文件：${msg}`);
  }
}

export function quickCheck(db: Db): string {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).join('; ');
  } catch (e) {
    return (e as Error).message;
  }
}
