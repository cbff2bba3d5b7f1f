// Who may sign an act: the person as they stood on the act's day (issue 25). A role granted after the
// day, or taken away before it, does not count; an auditor never signs; a closed account signs nothing.
// Every route that records a signature — the approval mechanism, imports of paper logs — asks here.
import type { Role } from '../contract/common';
import { ROLE_LABELS } from '../contract/common';
import type { Db } from './open';
import { refuse } from './errors';
import { stmt } from './rows';
import { shanghaiDateOf, toShanghaiIso } from './time';
import { isCalendarDate } from '../contract/time';

export interface Standing {
  roles: string[];
  department: string;
  post: string;
  active: boolean;
}

interface StandingRow {
  roles: string;
  department: string;
  post: string;
  active: number;
}

/** An instant or a Shanghai day as a comparable +08:00 instant (a day counts until its last moment). */
const instantOf = (at: string) => (isCalendarDate(at) ? `${at}T23:59:59.999+08:00` : toShanghaiIso(new Date(Date.parse(at))));

const STANDING_AT = 'SELECT roles, department, post, active FROM user_standing WHERE user_id = ? AND since <= ? ORDER BY since DESC, id DESC LIMIT 1';

/**
 * The account as it stood at `at` (an ISO instant or a Shanghai day). Before the account existed — a
 * paper signature older than the system — nothing earlier is known: it is taken as it stood at the end
 * of the day it was registered, so a role corrected while setting the accounts up counts.
 */
export function standingAt(db: Db, userId: number, at: string): Standing | undefined {
  let r = stmt(db, STANDING_AT).get(userId, instantOf(at)) as StandingRow | undefined;
  if (!r) {
    const first = stmt(db, 'SELECT since FROM user_standing WHERE user_id = ? ORDER BY since, id LIMIT 1').pluck().get(userId) as string | undefined;
    if (first) r = stmt(db, STANDING_AT).get(userId, instantOf(shanghaiDateOf(first))) as StandingRow | undefined;
  }
  return r && { roles: JSON.parse(r.roles) as string[], department: r.department, post: r.post, active: !!r.active };
}

/**
 * Refuse unless `who` could sign on `at`: an open account, not an auditor, holding one of `roles` then.
 * The refusal names the day when it is not today's standing that fails.
 */
export function requireSigner(db: Db, who: { id: number; name: string }, roles: readonly Role[], at: string, field: string): Standing {
  const then = standingAt(db, who.id, at);
  if (!then) return refuse('审批人不存在。', field);
  const day = isCalendarDate(at) ? at : shanghaiDateOf(at);
  // Today's standing only decides the wording: a refusal that today's account would pass names the day.
  const now = standingAt(db, who.id, '9999-12-31')!;
  const holds = (s: Standing) => roles.some((r) => s.roles.includes(r));
  if (!then.active) refuse(now.active ? `${who.name}的账号在 ${day} 处于停用状态，不能签批该日的事项。` : `${who.name}的账号已停用，不能审批。`, field);
  // The auditor checks the registers; one who signed in them would check their own signature.
  if (then.roles.includes('auditor')) refuse(`${who.name}是审计员，不能签批登记簿中的事项。`, field);
  if (!holds(then)) {
    const need = roles.map((r) => `“${ROLE_LABELS[r]}”`).join('或');
    refuse(holds(now) ? `${who.name}在 ${day} 还不是${need}（角色以当日为准），不能签批该日的事项。` : `${who.name}没有审批权限（需要${need}角色）。`, field);
  }
  return then;
}
