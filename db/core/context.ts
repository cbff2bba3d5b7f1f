// What a handler sees, and the shape of the handler table.
import type { MethodName, Output, ParsedInput } from '../contract';
import type { Settings } from '../contract/settings';
import type { AuditLog, AuditRecord } from './audit';
import type { Db } from './open';
import type { Session, SessionStore } from './sessions';
import type { Clock } from './time';

/** A person whose password was checked before the transaction (co-sign approvals). */
export interface VerifiedPerson {
  userId: number;
  login: string;
  name: string;
  roles: string[];
  ok: boolean;
}

/** The audit annotation a write handler leaves about the object it changed. */
export interface AuditNote {
  objectType?: string;
  objectId?: string | number;
  before?: unknown;
  after?: unknown;
  message?: string;
}

export interface CoreState {
  db: Db;
  dataDir: string;
  databaseFile: string;
  appVersion: string;
  schemaVersion: number;
  /** The newest schema this program knows (a backup from a newer one is refused). */
  latestSchemaVersion: number;
  workstation: string;
  readOnly: boolean;
  readOnlyReason: string | null;
  /** Set while a restore swaps the database: every call is refused until it is done. */
  maintenance: string | null;
  /** The Electron-ABI better-sqlite3 build, for worker threads that open their own connection. */
  nativeBinding: string | undefined;
  /** The start-up check still running in the background: calls that may write wait for it. */
  startupCheck: Promise<void> | null;
  passwordLogN: number;
  /** The injected clock: every "now" in the core comes from here. */
  clock: Clock;
  sessions: SessionStore;
  audit: AuditLog;
  settings(): Settings;
  invalidateSettings(): void;
  /** Close the database, optionally move `newFile` in its place (a restore), and open it again. */
  replaceDatabase(newFile: string | null): void;
  /** Append an audit entry outside dispatch's own (sign-in failures, idle locks, restores). */
  event(r: Partial<AuditRecord> & Pick<AuditRecord, 'action' | 'result'>, session?: Session | null): void;
}

export interface Ctx<P = unknown> {
  db: Db;
  core: CoreState;
  session: Session | null;
  now: Date;
  nowIso: string;
  /** What the method's async `prepare` step produced (password checks run off the transaction). */
  prepared: P;
  cosign: VerifiedPerson | null;
  /** Describe the object this write changed; dispatch writes it into the same transaction. */
  note(n: AuditNote): void;
  /** The session the method requires (access is not public). */
  me(): Session;
}

export interface PrepareCtx {
  db: Db;
  core: CoreState;
  session: Session | null;
  now: Date;
}

export type Run<M extends MethodName, P = unknown> = (ctx: Ctx<P>, input: ParsedInput<M>) => Output<M>;
export interface HandlerDef<M extends MethodName, P = unknown> {
  prepare?: (pc: PrepareCtx, input: ParsedInput<M>) => Promise<P>;
  run: Run<M, P>;
}
export type Handler<M extends MethodName> = Run<M, never> | HandlerDef<M, any>;
export type HandlerTable = { [M in MethodName]: Handler<M> };
export type PartialHandlers<K extends MethodName> = { [M in K]: Handler<M> };
