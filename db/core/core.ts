// openCore: the one entry point every host uses. It knows nothing about Electron or HTTP.
import { writeFileSync, renameSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../contract/common';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { AuditLog, type AuditRecord } from './audit';
import type { CoreState } from './context';
import { createDispatch, type DispatchOptions } from './dispatch';
import { handlers } from './handlers';
import { defaultMigrationsDir, loadMigrations, migrate } from './migrate';
import { openDataFolder } from './open';
import { DEFAULT_LOG_N } from './passwords';
import { SessionStore, type Session } from './sessions';
import { toShanghaiIso } from './time';

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
}

export interface Core {
  /** Never throws: every failure comes back as `{ok:false, error}`. */
  call(sessionId: string | null, method: string, input: unknown): Promise<Envelope>;
  close(): void;
  readonly dataDir: string;
  readonly state: CoreState;
}

export { APP_NAME } from './names';

/** The current audit head, kept beside the database so a removed tail is visible even if the checkpoints table is rewritten. */
import { AUDIT_HEAD_FILE } from './audit-head';
export { AUDIT_HEAD_FILE };

export function openCore(opts: CoreOptions): Core {
  const opened = openDataFolder(opts.dataDir, { nativeBinding: opts.nativeBinding });
  const { db } = opened;
  let schemaVersion: number;
  try {
    const list = loadMigrations(opts.migrationsDir ?? defaultMigrationsDir());
    if (opened.readOnly) schemaVersion = db.pragma('user_version', { simple: true }) as number;
    else schemaVersion = migrate(db, list, join(opts.dataDir, 'backups', 'pre-migration'), toShanghaiIso(new Date()).replace(/[:.]/g, '-')).to;
  } catch (e) {
    opened.release();
    throw e;
  }

  let cachedSettings: Settings | null = null;
  const readSettings = (): Settings => {
    if (cachedSettings) return cachedSettings;
    const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) if (r.key in DEFAULT_SETTINGS) s[r.key] = JSON.parse(r.value);
    cachedSettings = s as Settings;
    return cachedSettings;
  };

  const audit = new AuditLog(db);
  const workstation = opts.workstation ?? hostname();
  const state: CoreState = {
    db,
    dataDir: opts.dataDir,
    databaseFile: opened.file,
    appVersion: opts.appVersion,
    schemaVersion,
    workstation,
    readOnly: opened.readOnly,
    readOnlyReason: opened.readOnlyReason,
    passwordLogN: opts.passwordLogN ?? DEFAULT_LOG_N,
    sessions: new SessionStore(),
    audit,
    settings: readSettings,
    invalidateSettings: () => {
      cachedSettings = null;
    },
    event(r: Partial<AuditRecord> & Pick<AuditRecord, 'action' | 'result'>, s?: Session | null) {
      if (state.readOnly) return;
      const write = () =>
        audit.append({
          at: toShanghaiIso(new Date()),
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
      if (db.inTransaction) write();
      else db.transaction(write).immediate();
    },
  };
  const dispatch = createDispatch(state, handlers, { checkOutputs: opts.checkOutputs, log: opts.log });

  return {
    call: (sessionId, method, input) => dispatch(sessionId, method, input),
    dataDir: opts.dataDir,
    state,
    close() {
      if (!db.open) return;
      try {
        if (!state.readOnly) writeAuditHead(state);
        if (!state.readOnly) db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        /* closing anyway */
      }
      opened.release();
    },
  };
}

export function writeAuditHead(state: CoreState) {
  const cp = state.audit.checkpoint();
  const file = join(state.dataDir, AUDIT_HEAD_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ seq: cp.seq, hash: cp.hash, at: toShanghaiIso(new Date()) }), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
