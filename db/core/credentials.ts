// Every password check of the core — sign-in, unlock, co-sign — goes through checkPassword: a wrong
// password counts against the account whose password was tried, atomically however many attempts
// arrive at once, locks it at the threshold, and leaves an audit entry naming that account that
// survives the refusal (it is written before the call's own transaction, which rolls back).
import type { CoreState } from './context';
import type { Session } from './sessions';
import { dummyHash, verifyPassword } from './passwords';
import { toShanghaiIso } from './time';

export interface AccountRow {
  id: number;
  login: string;
  name: string;
  department: string;
  post: string;
  roles: string;
  password_hash: string;
  active: number;
  locked_until: string | null;
  failed_count: number;
  must_change_password: number;
}

export interface PasswordCheck {
  /** The account whose password was tried (as it is after this check), if the login exists. */
  row: AccountRow | undefined;
  /** Why the check failed (already counted and audited), in words, or null when the password is right and the account may sign. */
  refused: string | null;
  /** The same, as a code callers can act on: no such login, a closed or locked account, a wrong password. */
  why: 'unknown' | 'inactive' | 'locked' | 'wrong' | null;
  /** The account is locked (now, or by this very attempt). */
  locked: boolean;
}

const byLogin = (core: CoreState, login: string) => core.db.prepare('SELECT * FROM users WHERE login = ?').get(login) as AccountRow | undefined;
const byId = (core: CoreState, id: number) => core.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as AccountRow | undefined;

/**
 * Check `password` for `login`. Call it outside a transaction (scrypt is slow, and the failure must be
 * recorded in a transaction of its own). `action` names the route in the audit trail; `by` is the
 * session that asked (a clerk recording a co-signature), when it is not the account itself.
 */
export async function checkPassword(core: CoreState, o: { login: string; password: string; now: Date; action: string; by?: Session | null }): Promise<PasswordCheck> {
  const tried = byLogin(core, o.login.trim());
  const good = await verifyPassword(o.password, tried?.password_hash ?? dummyHash(core.passwordLogN));
  const nowIso = toShanghaiIso(o.now);
  // Read again after the slow hash: attempts running alongside may have locked the account meanwhile.
  const row = tried ? byId(core, tried.id) : undefined;
  const target = row ? { objectType: 'user', objectId: String(row.id) } : { objectType: 'user', objectId: '' };
  const actor = o.by ? {} : row ? { userId: row.id, userLogin: row.login, userName: row.name, roles: (JSON.parse(row.roles) as string[]).join(',') } : { userLogin: o.login.slice(0, 64) };
  const named = row ? `${row.login}（${row.name}）` : o.login.slice(0, 64);
  const refuse = (why: NonNullable<PasswordCheck['why']>, reason: string, locked = false): PasswordCheck => {
    core.event({ action: o.action, result: 'failure', errorCode: 'unauthenticated', ...target, message: o.by ? `${reason}：${named}` : reason, ...actor }, o.by ?? null);
    return { row, refused: reason, why, locked };
  };
  if (!row) return refuse('unknown', '登录名不存在');
  if (!row.active) return refuse('inactive', '账号已停用');
  if (row.locked_until && row.locked_until > nowIso) return refuse('locked', `账号锁定中（至 ${row.locked_until}）`, true);
  if (!good || row.password_hash !== tried!.password_hash) {
    const s = core.settings();
    let lockedUntil: string | null = null;
    core.db
      .transaction(() => {
        // Counted in SQL, so twenty attempts at once count twenty.
        const { failed } = core.db.prepare('UPDATE users SET failed_count = failed_count + 1 WHERE id = ? RETURNING failed_count AS failed').get(row.id) as { failed: number };
        if (failed < s.lockThreshold) return;
        lockedUntil = toShanghaiIso(new Date(o.now.getTime() + s.lockMinutes * 60_000));
        core.db.prepare('UPDATE users SET failed_count = 0, locked_until = ? WHERE id = ?').run(lockedUntil, row.id);
        core.event({ action: 'accounts.lockout', result: 'success', ...target, message: `连续 ${failed} 次密码错误，锁定至 ${lockedUntil}`, ...actor }, o.by ?? null);
        for (const x of core.sessions.forUser(row.id)) core.sessions.remove(x.id);
      })
      .immediate();
    return refuse('wrong', o.by ? '会签密码错误' : '密码错误', lockedUntil !== null);
  }
  return { row, refused: null, why: null, locked: false };
}
