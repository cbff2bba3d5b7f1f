// The shared approval mechanism every register uses: co-sign (the approver types their own
// password here) or paper (the signed form is recorded with its filing number).
import type { ApprovalInput, Approval } from '../contract/approvals';
import type { Role } from '../contract/common';
import type { CoreState, Ctx, VerifiedPerson } from './context';
import { DomainError, refuse } from './errors';
import { checkPassword } from './credentials';
import { requireSeparate } from './segregation';
import { requireSigner } from './signers';
import type { Session } from './sessions';
import type { Db } from './open';
import { shanghaiDateOf, toShanghaiIso } from './time';
import { notInFuture } from './rows';

interface UserRow {
  id: number;
  login: string;
  name: string;
  roles: string;
  password_hash: string;
  active: number;
  locked_until: string | null;
}

/**
 * Check a co-signer's password before the transaction (scrypt is slow), through the one password check:
 * a wrong one counts towards the co-signer's lockout and is audited naming them, even though the call
 * is then refused. A locked or closed account is refused inside, with its own message.
 */
export async function verifyCosigner(core: CoreState, a: { login: string; password: string }, by: Session | null, now: Date): Promise<VerifiedPerson> {
  const c = await checkPassword(core, { login: a.login, password: a.password, now, action: 'approval.cosign', by });
  const u = c.row;
  // Refusals that are not about the password (locked, closed) are told apart inside the call.
  const passwordRight = c.why === null || c.why === 'inactive' || c.why === 'locked';
  return { userId: u?.id ?? 0, login: u?.login ?? a.login, name: u?.name ?? '', roles: u ? (JSON.parse(u.roles) as string[]) : [], ok: passwordRight && !!u };
}

/**
 * When an approval was given: now for a co-signature; for a paper form, the time written on it —
 * never in the future, never on a Shanghai date before the item it approves (`notBefore`, a date).
 * The one rule for every register's paper signatures; recordApproval applies it.
 */
export function signedAtOf(ctx: Pick<Ctx, 'now' | 'nowIso'>, approval: ApprovalInput, notBefore?: { date: string | null | undefined; what: string }): string {
  if (approval.mode !== 'paper') return ctx.nowIso;
  const at = toShanghaiIso(new Date(approval.signedAt));
  notInFuture(ctx, at, '签批时间', 'approval.signedAt');
  if (notBefore?.date && shanghaiDateOf(at) < notBefore.date) refuse(`签批时间不能早于${notBefore.what}（${notBefore.date}）`, 'approval.signedAt');
  return at;
}

export interface ApprovalRequest {
  objectType: string;
  objectId: number;
  /** Name of the step, e.g. '审批', '分管领导', '财务审核'. */
  step: string;
  /** Roles one of which the approver must hold (default 审批人). */
  roles?: Role[];
  /** When set, only these people may approve (a named post such as 局长). */
  allowedUserIds?: number[];
  /** People who may never approve this item: the applicant and whoever recorded it. */
  excludedUserIds: number[];
  input: ApprovalInput;
  /** A paper signature cannot be dated on a Shanghai day before this (the application's date). */
  notBefore?: { date: string | null | undefined; what: string };
  /** What is approved, in words the signer recognises (number and title): their list of paper approvals to confirm shows it. */
  subject?: string;
}

/**
 * Record one approval decision. Refuses: a wrong co-sign password, a disabled or locked approver,
 * an approver without the required role, and anyone approving an item they applied for or recorded.
 */
export function recordApproval(
  ctx: Ctx<unknown>,
  req: ApprovalRequest,
): { approverId: number; approverName: string; decision: 'approved' | 'rejected'; approvalId: number; signedAt: string } {
  const roles = req.roles ?? ['approver'];
  // When it was signed is checked before who signed it: a date in the future says nothing about the person.
  const signedAt = signedAtOf(ctx, req.input, req.notBefore);
  let approverId: number;
  const input = req.input;
  if (input.mode === 'cosign') {
    const c = ctx.cosign;
    if (!c || !c.ok) {
      throw new DomainError('rule', '审批人登录名或密码不正确。', 'approval.password');
    }
    approverId = c.userId;
  } else {
    approverId = input.signerId;
  }
  const u = ctx.db.prepare('SELECT id, login, name, roles, active, locked_until FROM users WHERE id = ?').get(approverId) as Omit<UserRow, 'password_hash'> | undefined;
  if (!u) return refuse('审批人不存在。', input.mode === 'paper' ? 'approval.signerId' : 'approval.login');
  const field = input.mode === 'paper' ? 'approval.signerId' : 'approval.login';
  requireSeparate({ as: '审批人', id: u.id }, req.excludedUserIds.map((id) => ({ as: '申请人或登记人', id })), field);
  // The signer as they stood when they signed: open, not an auditor, holding the role that day.
  requireSigner(ctx.db, u, roles, signedAt, field);
  if (input.mode === 'cosign' && u.locked_until && u.locked_until > ctx.nowIso) refuse(`${u.name}的账号已被锁定，不能会签。`, field);
  if (req.allowedUserIds && req.allowedUserIds.length && !req.allowedUserIds.includes(u.id)) refuse(`${u.name}不是本事项指定的审批人。`, field);
  const recorder = ctx.me();
  const info = ctx.db
    .prepare(
      `INSERT INTO approvals (object_type, object_id, step, decision, comment, mode, approver_id, recorded_by_id, decided_at, paper_signed_at, paper_filing_no, subject)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(req.objectType, req.objectId, req.step, input.decision, input.comment ?? '', input.mode, u.id, recorder.userId, ctx.nowIso, input.mode === 'paper' ? signedAt : null, input.mode === 'paper' ? input.filingNo : null, req.subject ?? '');
  // A paper form recorded in someone else's name is only the recorder's word until its signer answers.
  if (input.mode === 'paper' && u.id !== recorder.userId) {
    ctx.db.prepare('INSERT INTO approval_awaiting (approval_id, approver_id, since) VALUES (?,?,?)').run(info.lastInsertRowid, u.id, ctx.nowIso);
  }
  return { approverId: u.id, approverName: u.name, decision: input.decision, approvalId: Number(info.lastInsertRowid), signedAt };
}

/**
 * An approval with whether its signer stands by it: a paper approval someone else recorded is 'pending'
 * until the named signer confirms or disputes it; a co-signature, or paper the signer recorded, has
 * nothing to confirm (null).
 */
export const APPROVAL_SELECT = `
  SELECT a.id, a.object_type AS objectType, a.object_id AS objectId, a.step, a.decision, a.comment, a.mode,
         a.approver_id AS approverId, ua.name AS approverName, a.recorded_by_id AS recordedById, ur.name AS recordedByName,
         a.decided_at AS decidedAt, a.paper_signed_at AS paperSignedAt, a.paper_filing_no AS paperFilingNo, a.subject,
         CASE WHEN c.outcome IS NOT NULL THEN c.outcome WHEN w.approval_id IS NOT NULL THEN 'pending' END AS confirmation,
         c.at AS confirmedAt, c.note AS confirmNote
  FROM approvals a JOIN users ua ON ua.id = a.approver_id JOIN users ur ON ur.id = a.recorded_by_id
  LEFT JOIN approval_confirmations c ON c.approval_id = a.id LEFT JOIN approval_awaiting w ON w.approval_id = a.id`;

export function approvalsFor(ctx: Pick<Ctx, 'db'>, objectType: string, objectId: number): Approval[] {
  return (ctx.db.prepare(`${APPROVAL_SELECT} WHERE a.object_type = ? AND a.object_id = ? ORDER BY a.id`).all(objectType, objectId) as (Approval & { subject: string })[]).map(
    ({ subject: _subject, ...a }) => a,
  );
}

/** Written in a printed register's 备注 (the approver's own cell is too narrow for it). */
export const CONFIRMATION_MARKS = { pending: '纸质签批待签批人确认', confirmed: '纸质签批经签批人确认', disputed: '签批人对纸质签批有异议' } as const;

/**
 * Whether the signers of each item's paper approvals recorded by someone else stand by them, for the
 * items of one printed page (one query): the item's most telling answer — disputed, else awaiting,
 * else confirmed. An item with nothing to confirm is absent.
 */
export function confirmationMarks(db: Db, objectType: string, ids: readonly number[]): Map<number, keyof typeof CONFIRMATION_MARKS> {
  const marks = new Map<number, keyof typeof CONFIRMATION_MARKS>();
  if (!ids.length) return marks;
  const rows = db
    .prepare(
      `SELECT a.object_id AS id, max(CASE c.outcome WHEN 'disputed' THEN 3 WHEN 'confirmed' THEN 1 ELSE CASE WHEN w.approval_id IS NOT NULL THEN 2 ELSE 0 END END) AS rank
       FROM approvals a LEFT JOIN approval_confirmations c ON c.approval_id = a.id LEFT JOIN approval_awaiting w ON w.approval_id = a.id
       WHERE a.object_type = ? AND a.object_id IN (SELECT value FROM json_each(?)) GROUP BY a.object_id`,
    )
    .all(objectType, JSON.stringify(ids)) as { id: number; rank: number }[];
  const byRank = [null, 'confirmed', 'pending', 'disputed'] as const;
  for (const r of rows) if (byRank[r.rank]) marks.set(r.id, byRank[r.rank]!);
  return marks;
}
