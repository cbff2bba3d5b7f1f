// openCore: the one entry point every host uses. It knows nothing about Electron or HTTP.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../contract/common';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { AuditLog, type AuditRecord } from './audit';
import { AUDIT_HEAD_FILE, historyProblem, takeAuditInbox, writeAuditHead } from './audit-head';
import type { CoreState } from './context';
import { createDispatch, type DispatchOptions } from './dispatch';
import { handlers } from './handlers';
import { defaultMigrationsDir, loadMigrations, migrate, type Migration } from './migrate';
import { openDataFolder, openDatabaseFile, type Db } from './open';
import { checkInBackground } from './sqlite-checks';
import { DEFAULT_LOG_N } from './passwords';
import { SessionStore, type Session } from './sessions';
import { shanghaiMinute, systemClock, toShanghaiIso, type Clock } from './time';
import { clearPrivateWork } from './backup';

export { APP_NAME } from './names';
export { AUDIT_HEAD_FILE, writeAuditHead };

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  workstation?: string;
  /** Path to an Electron-ABI better-sqlite3 build (desktop host). */
  nativeBinding?: string;
  migrationsDir?: string;
  /** scrypt cost as log2(N). Only tests lower it; the stored hash records what was used. */
  passwordLogN?: number;
  checkOutputs?: boolean;
  log?: DispatchOptions['log'];
  /**
   * Run the start-up quick_check in a worker: the app answers at once, and anything that may write
   * waits until the check says the file is sound (or switches to read-only if it is not). Hosts use
   * it; without it the check runs before openCore returns.
   */
  backgroundCheck?: boolean;
  /** Which "now" the core lives in. Tests and the CI's pinned run set it; the hosts use the system clock. */
  clock?: Clock;
}

export interface Core {
  /** Never throws: every failure comes back as `{ok:false, error}`. */
  call(sessionId: string | null, method: string, input: unknown): Promise<Envelope>;
  close(): void;
  readonly dataDir: string;
  readonly state: CoreState;
}

const stampOf = (d: Date) => toShanghaiIso(d).replace(/[:.]/g, '-');

export function openCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock;
  const migrations: Migration[] = loadMigrations(opts.migrationsDir ?? defaultMigrationsDir());
  let schemaVersion: number;
  const runMigrations = (db: Db) =>
    migrate(db, migrations, join(opts.dataDir, 'backups', 'pre-migration'), stampOf(clock.now())).to;
  let opened = openDataFolder(opts.dataDir, { nativeBinding: opts.nativeBinding, deferCheck: opts.backgroundCheck });
  // A migration never runs on an unchecked file: with one pending, the check runs first, here.
  let deferred = !!opts.backgroundCheck;
  if (deferred && (opened.db.pragma('user_version', { simple: true }) as number) < (migrations.at(-1)?.version ?? 0)) {
    opened.release();
    opened = openDataFolder(opts.dataDir, { nativeBinding: opts.nativeBinding });
    deferred = false;
  }
  // Before anything writes: has the folder's history gone back (an older file copied in, the file deleted)?
  let history: ReturnType<typeof historyProblem> = null;
  if (!opened.readOnly) {
    try {
      history = historyProblem(opts.dataDir, opened.db);
    } catch {
      // A file too damaged to read its last entry: the integrity check (maybe still running) says so.
    }
    // An older or swapped file is evidence: it is not even migrated. An empty one is (nothing to keep).
    if (history && !history.empty) opened = { ...opened, readOnly: true, readOnlyReason: history.message };
  }
  try {
    schemaVersion = opened.readOnly ? (opened.db.pragma('user_version', { simple: true }) as number) : runMigrations(opened.db);
  } catch (e) {
    opened.release();
    throw e;
  }
  if (history?.empty) opened = { ...opened, readOnly: true, readOnlyReason: history.message };
  // A backup or restore cut short leaves a plain copy in the private work folder: never kept.
  if (!opened.readOnly) {
    clearPrivateWork(opts.dataDir);
    rmSync(join(opts.dataDir, 'restore-work'), { recursive: true, force: true }); // the folder's older name
  }

  let cachedSettings: Settings | null = null;
  const workstation = opts.workstation ?? hostname();

  const state: CoreState = {
    db: opened.db,
    dataDir: opts.dataDir,
    databaseFile: opened.file,
    appVersion: opts.appVersion,
    schemaVersion,
    latestSchemaVersion: migrations.length ? migrations[migrations.length - 1].version : 0,
    workstation,
    readOnly: opened.readOnly,
    readOnlyReason: opened.readOnlyReason,
    maintenance: null,
    startupCheck: null,
    nativeBinding: opts.nativeBinding,
    passwordLogN: opts.passwordLogN ?? DEFAULT_LOG_N,
    clock,
    sessions: new SessionStore(),
    audit: new AuditLog(opened.db),
    settings(): Settings {
      if (cachedSettings) return cachedSettings;
      const rows = state.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
      const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const r of rows) if (r.key in DEFAULT_SETTINGS) s[r.key] = JSON.parse(r.value);
      cachedSettings = s as Settings;
      return cachedSettings;
    },
    invalidateSettings: () => {
      cachedSettings = null;
    },
    event(r: Partial<AuditRecord> & Pick<AuditRecord, 'action' | 'result'>, s?: Session | null) {
      if (state.readOnly) return;
      const write = () =>
        state.audit.append({
          at: toShanghaiIso(state.clock.now()),
          userId: s?.userId ?? null,
          userLogin: s?.login ?? '',
          userName: s?.name ?? '',
          roles: s?.roles.join(',') ?? '',
          workstation,
          objectType: '',
          objectId: '',
          errorCode: '',
          message: '',
          before: null,
          after: null,
          ...r,
        });
      // Inside a running transaction the event belongs to it; otherwise it gets its own.
      if (state.db.inTransaction) write();
      else state.db.transaction(write).immediate();
    },
    replaceDatabase(newFile: string | null) {
      // The folder lock stays held throughout: nobody else may open the data while it is swapped.
      if (state.db.open) {
        if (!state.readOnly) state.db.pragma('wal_checkpoint(TRUNCATE)');
        state.db.close();
      }
      if (newFile) {
        rmSync(`${state.databaseFile}-wal`, { force: true });
        rmSync(`${state.databaseFile}-shm`, { force: true });
        renameSync(newFile, state.databaseFile);
      }
      const next = openDatabaseFile(state.databaseFile, { nativeBinding: opts.nativeBinding });
      state.db = next.db;
      state.readOnly = next.readOnly;
      state.readOnlyReason = next.readOnlyReason;
      if (!next.readOnly) state.schemaVersion = runMigrations(next.db);
      state.audit = new AuditLog(next.db);
      if (!next.readOnly) state.audit.indexForSearch();
      cachedSettings = null;
    },
  };

  // Entries from before the search index existed (a one-off after the upgrade: ~10 s per 500,000).
  // Best effort: until it has caught up, searches fall back to scanning.
  const catchUpSearch = () => {
    if (state.readOnly) return;
    try {
      state.audit.indexForSearch();
    } catch (e) {
      opts.log?.('audit search index not brought up to date', { e });
    }
  };
  // What a program left for the audit log while the app held the folder (a command-line backup).
  const takeInbox = () => {
    if (state.readOnly) return;
    const entries = takeAuditInbox(opts.dataDir);
    if (!entries.length) return;
    state.db.transaction(() => {
      for (const e of entries) {
        state.event({ action: e.action, result: 'success', objectType: e.objectType ?? '', objectId: e.objectId ?? '', userLogin: e.userLogin, message: `${e.message}（${shanghaiMinute(e.at)} 发生，下次启动时记入）` });
      }
    })();
    for (const e of entries) rmSync(e.file, { force: true });
  };
  if (!deferred) {
    catchUpSearch();
    takeInbox();
  }

  if (deferred) {
    state.startupCheck = checkInBackground(opened.file, 'quick_check', opts.nativeBinding).then((result) => {
      state.startupCheck = null;
      if (result === 'ok') {
        catchUpSearch();
        return takeInbox();
      }
      // Damaged: reopen, which checks again in the foreground and opens read-only with the reason.
      opts.log?.('start-up check failed', { result });
      state.replaceDatabase(null);
    });
  }

  const dispatch = createDispatch(state, handlers, { checkOutputs: opts.checkOutputs, log: opts.log });

  return {
    call: (sessionId, method, input) => dispatch(sessionId, method, input),
    dataDir: opts.dataDir,
    state,
    close() {
      if (!state.db.open) {
        opened.release();
        return;
      }
      try {
        if (!state.readOnly) writeAuditHead(state);
        if (!state.readOnly) state.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        /* closing anyway */
      }
      state.db.close();
      opened.release();
    },
  };
}

export const hasDatabase = (dataDir: string) => existsSync(join(dataDir, 'office.sqlite'));
