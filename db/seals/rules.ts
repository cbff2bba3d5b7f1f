// The seal register's rules that more than one method needs: who approves, times, take-out windows.
import type { Ctx } from '../core/context';
import type { Db } from '../core/open';
import { toShanghaiIso, shanghaiDate, shanghaiMinute } from '../core/time';
import { notInFuture } from '../core/rows';
import { isApprover, personOf, stmt, userLite, type SealRow, type UserLite } from './queries';

export interface Approvers {
  people: ReturnType<typeof personOf>[];
  /** Why nobody can approve (the rule cannot be resolved), or null. */
  problem: string | null;
  /** The input field the problem belongs to. */
  field: string;
}

/**
 * Who may approve a use of this seal by an applicant of this department, under the seal's rule. The one
 * rule of the live approval and of a paper log's import; an import (`past`) also accepts people whose
 * accounts have since been closed, since they signed while in office.
 */
export function approversFor(db: Db, seal: Pick<SealRow, 'approver_rule' | 'approver_id' | 'approver_post' | 'name'>, department: string, opts: { past?: boolean } = {}): Approvers {
  if (seal.approver_rule === 'person') {
    const u = userLite(db, seal.approver_id);
    if (!u) return { people: [], problem: `印章“${seal.name}”的指定审批人不存在`, field: 'sealId' };
    if (!u.active && !opts.past) return { people: [], problem: `印章“${seal.name}”的指定审批人${u.name}的账号已停用，请修改该印章的审批规则`, field: 'sealId' };
    if (!isApprover(u)) return { people: [], problem: `印章“${seal.name}”的指定审批人${u.name}没有“审批人”角色`, field: 'sealId' };
    return { people: [personOf(u)], problem: null, field: 'sealId' };
  }
  if (seal.approver_rule === 'post') {
    const list = (stmt(db, 'SELECT id, name, department, post, roles, active FROM users WHERE post = ? ORDER BY id').all(seal.approver_post ?? '') as UserLite[]).filter((u) => isApprover(u) && (u.active || opts.past));
    if (!list.length) return { people: [], problem: `没有职务为“${seal.approver_post}”且可审批的账号，印章“${seal.name}”无人可审批`, field: 'sealId' };
    return { people: list.map(personOf), problem: null, field: 'sealId' };
  }
  if (!department) return { people: [], problem: `印章“${seal.name}”由申请部门的分管领导审批，但申请人没有登记所在部门`, field: 'applicantId' };
  const row = stmt(db, 'SELECT leader_id FROM seal_dept_leaders WHERE department = ?').get(department) as { leader_id: number } | undefined;
  if (!row) return { people: [], problem: `申请部门“${department}”尚未设置分管领导，请系统管理员在“分管领导”中设置`, field: 'applicantId' };
  const u = userLite(db, row.leader_id);
  if (!u || (!u.active && !opts.past) || !isApprover(u)) return { people: [], problem: `“${department}”的分管领导${u?.name ?? ''}当前不能审批（账号停用或没有审批人角色）`, field: 'applicantId' };
  return { people: [personOf(u)], problem: null, field: 'applicantId' };
}

export const today = (ctx: Pick<Ctx, 'now'>) => shanghaiDate(ctx.now);

/** A time the user gave (or now), stored in the one comparable form; refused if in the future. */
export function pastTime(ctx: Ctx<unknown>, value: string | undefined, label: string, field: string): string {
  if (!value) return ctx.nowIso;
  notInFuture(ctx, value, label, field);
  return toShanghaiIso(new Date(value));
}

export const fmtTime = shanghaiMinute;


/** Another take-out of the same seal whose window overlaps [from, to] (an overdue one runs until today). */
export function overlappingTakeOut(db: Db, sealId: number, from: string, to: string, todayDate: string, exceptId = 0) {
  return stmt(
    db,
    `SELECT id, number, planned_out, planned_return, state FROM seal_uses
     WHERE seal_id = ? AND take_out = 1 AND id <> ? AND state IN ('pending', 'approved', 'stamped', 'out')
       AND planned_out <= ? AND (CASE WHEN state = 'out' AND planned_return < ? THEN ? ELSE planned_return END) >= ?
     LIMIT 1`,
  ).get(sealId, exceptId, to, todayDate, todayDate, from) as { id: number; number: string; planned_out: string; planned_return: string; state: string } | undefined;
}
