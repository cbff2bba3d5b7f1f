// Opening a data folder: one lock, one writer connection, the pragmas SECURITY.md requires, a start-up check.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
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

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file next to the database so that two processes never write the same data.
 * A lock left by a process that no longer runs (a crash, a power cut) is taken over.
 */
export function acquireFolderLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: toShanghaiIso(systemClock.now()) }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          const held = JSON.parse(readFileSync(path, 'utf8')) as { pid: number };
          if (held.pid === process.pid) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let held: { pid?: number; host?: string } = {};
      try {
        held = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        /* half-written lock of a crashed process: treat as stale */
      }
      const sameHost = !held.host || held.host === hostname();
      if (held.pid && sameHost && isProcessAlive(held.pid)) {
        throw new CoreOpenError(
          'locked',
          `数据文件夹正被另一个办公室台账程序使用（进程号 ${held.pid}）。请先关闭那个程序，再重新打开。`,
        );
      }
      if (held.pid && !sameHost) {
        throw new CoreOpenError('locked', `数据文件夹正被另一台电脑（${held.host}）上的办公室台账使用。`);
      }
      try {
        unlinkSync(path);
      } catch {
        /* someone else removed it first */
      }
    }
  }
  throw new CoreOpenError('locked', '无法锁定数据文件夹，请稍后再试。');
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
  const release = opts.readOnly ? () => {} : acquireFolderLock(dir);
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
