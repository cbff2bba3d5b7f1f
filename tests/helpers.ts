// Shared test fixtures: a real core on a real SQLite file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../db/core/core';
import type { Clock } from '../db/core/time';
import type { Envelope } from '../db/contract/common';
import type { Input, MethodName, Output } from '../db/contract';

export const STRONG = 'Str0ng!Pass';

export function tempDir(prefix = 'office-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function makeCore(dataDir = tempDir(), opts: Partial<CoreOptions> = {}): Core {
  return openCore({ dataDir, appVersion: '0.0.0-test', passwordLogN: 10, checkOutputs: true, log: () => {}, ...opts });
}

/** A clock for the core that stands at one instant until a test moves it (`set`) or lets it run on (`tick`). */
export function pinnedClock(at: string): Clock & { set(at: string): void; tick(ms: number): void } {
  let t = Date.parse(at);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${at}`);
  return {
    now: () => new Date(t),
    set: (next: string) => void (t = Date.parse(next)),
    tick: (ms: number) => void (t += ms),
  };
}

/** Call and expect success; the typed result. */
export async function ok<M extends MethodName>(core: Core, session: string | null, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.call(session, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.data as Output<M>;
}

/** Call and expect a refusal; the error. */
export async function refused(core: Core, session: string | null, method: string, input: unknown) {
  const r: Envelope = await core.call(session, method, input);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(r.data).slice(0, 200)}`);
  return r.error;
}

export async function setupAdmin(core: Core, login = 'admin') {
  const r = await ok(core, null, 'accounts.setup', { unitName: '××区司法局', login, password: STRONG, name: '周建国', department: '办公室', roles: ['admin'] });
  return r.sessionId;
}

/** Create an account and sign it in with its own (changed) password, ready to use. */
export async function addUser(core: Core, admin: string, login: string, roles: ('admin' | 'clerk' | 'approver' | 'auditor')[], name = login) {
  const temp = 'Temp!Pass1';
  const u = await ok(core, admin, 'accounts.create', { login, name, roles, password: temp, department: '办公室' });
  const s = await ok(core, null, 'accounts.signIn', { login, password: temp });
  await ok(core, s.sessionId, 'accounts.changePassword', { oldPassword: temp, newPassword: STRONG });
  return { id: u.id, session: s.sessionId };
}

/** Every table's full contents except the audit trail: to prove a refused call changed nothing. */
export function businessSnapshot(core: Core): string {
  const db = core.state.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_log','audit_checkpoints','audit_search_state') AND name NOT LIKE '%_fts%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  // A wrong password counts towards the account's lockout even when the call is refused: the counters
  // are the lockout's own record, not register data, and are asserted where they matter.
  const rows = (t: string) => db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[];
  const strip = (t: string, r: Record<string, unknown>) => (t === 'users' ? { ...r, failed_count: undefined, locked_until: undefined } : r);
  return JSON.stringify(tables.map((t) => [t, rows(t).map((r) => strip(t, r))]));
}

export const cleanup = (dir: string) => rmSync(dir, { recursive: true, force: true });
