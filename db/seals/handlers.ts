// The seals register: catalogue, custody, 分管领导, and the usage log from request to return.
// Every rule is enforced here with a Chinese message naming the field; the schema repeats the
// cheap ones (0030-seals.sql).
import type { Ctx, PartialHandlers } from '../core/context';
import type { sealsMethods, UseDetail } from '../contract/seals';
import { SEAL_OBJECT, SEAL_STATUS_LABELS, SEAL_USE_OBJECT, USE_STATE_LABELS, type SealStatus, type UseState } from '../contract/seals';
import { DomainError, refuse } from '../core/errors';
import { formatNumber, nextNumber } from '../core/numbering';
import { recordApproval } from '../core/approvals';
import { addDays, shanghaiDateOf } from '../core/time';
import { likePattern } from '../core/sql';
import {
  HANDOVER_PREFIX,
  HANDOVER_SELECT,
  HANDOVER_SEQ,
  USAGE_SEQ,
  USE_PREFIX,
  SEAL_SELECT,
  USE_ORDER,
  USE_SELECT,
  handoverById,
  isApprover,
  ruleText,
  sealRow,
  sealUnusable,
  stmt,
  toSeal,
  toUseRow,
  useDbRow,
  useWhere,
  userLite,
  type SealRow,
  type UseDbRow,
} from './queries';
import { approversFor, fmtTime, overlappingTakeOut, pastTime, today } from './rules';
import { activeUser } from '../core/rows';
import { requireSeparate } from '../core/segregation';

type Keys = keyof typeof sealsMethods;
type C = Ctx<unknown>;


// ---- loading ----

function loadSeal(ctx: C, id: number, field = 'id', note = true): SealRow {
  // Named first, so a refused step is audited against this seal too.
  if (note) ctx.note({ objectType: SEAL_OBJECT, objectId: id });
  const s = sealRow(ctx.db, id);
  if (!s) throw new DomainError('not_found', '印章不存在', field);
  return s;
}

function loadUse(ctx: C, id: number): UseDbRow {
  // Named first, so a refused step (wrong password, too many copies …) shows in the entry's history.
  ctx.note({ objectType: SEAL_USE_OBJECT, objectId: id });
  const u = useDbRow(ctx.db, id);
  if (!u) throw new DomainError('not_found', '用印登记不存在', 'id');
  return u;
}

const stateLabel = (s: UseState) => USE_STATE_LABELS[s];

export function useDetail(ctx: Pick<C, 'db' | 'now'>, id: number): UseDetail {
  const r = useDbRow(ctx.db, id)!;
  const seal = sealRow(ctx.db, r.seal_id)!;
  const appr = approversFor(ctx.db, seal, r.department);
  const voidedBy = userLite(ctx.db, r.voided_by_id);
  const amendments = (
    stmt(ctx.db, 'SELECT id, at, by_name, reason, before_json, after_json FROM seal_use_amendments WHERE use_id = ? ORDER BY id').all(id) as {
      id: number;
      at: string;
      by_name: string;
      reason: string;
      before_json: string;
      after_json: string;
    }[]
  ).map((a) => ({ id: a.id, at: a.at, byName: a.by_name, reason: a.reason, before: JSON.parse(a.before_json), after: JSON.parse(a.after_json) }));
  const rule = ruleText(seal);
  return {
    ...toUseRow(r, today(ctx)),
    recordedById: r.recorded_by_id,
    supervisorId: r.supervisor_id,
    voidedAt: r.voided_at,
    voidedByName: voidedBy?.name ?? null,
    sealStatus: seal.status,
    sealKind: seal.kind,
    custodianId: seal.custodian_id,
    custodianName: seal.custodian_name,
    approverRuleText: seal.approver_rule === 'deptLeader' && appr.people[0] ? `${rule}（${appr.people[0].name}）` : rule,
    expectedApprovers: appr.people,
    approverProblem: appr.problem,
    amendments,
  };
}

/** The seal must be in use, have an active custodian, and not be out on another entry. */
function requireUsable(ctx: C, seal: SealRow, field: string, exceptUseId = 0) {
  const why = sealUnusable(seal);
  if (why) refuse(why, field);
  if (seal.out_use_id && seal.out_use_id !== exceptUseId) {
    throw new DomainError('conflict', `印章“${seal.name}”正外带在外（${seal.out_number}），归还前不能在别处用印`, field);
  }
}

const requireApplicant = (ctx: C, applicantId: number) => activeUser(ctx.db, applicantId, '申请人', 'applicantId');

interface TakeOutPlan {
  takeOut: boolean;
  plannedOut?: string | null;
  plannedReturn?: string | null;
}
function checkTakeOut(ctx: C, sealId: number, p: TakeOutPlan, appliedOn: string) {
  if (!p.takeOut) return { out: null, back: null };
  const d = today(ctx);
  const out = p.plannedOut!;
  const back = p.plannedReturn!;
  if (out < appliedOn) refuse(`计划借出日期不能早于申请日期（${appliedOn}）`, 'plannedOut');
  const other = overlappingTakeOut(ctx.db, sealId, out, back, d);
  if (other) {
    throw new DomainError('conflict', `该印章已有外带安排 ${other.number}（${other.planned_out} 至 ${other.planned_return}，${stateLabel(other.state as UseState)}），外带时间不能重叠`, 'plannedOut');
  }
  return { out, back };
}

interface NewUse {
  sealId: number;
  reason: string;
  documentTitle: string;
  documentNo: string;
  copies: number;
  applicantId: number;
  appliedOn?: string;
  takeOut: boolean;
  plannedOut?: string | null;
  plannedReturn?: string | null;
  remarks: string;
}

/** Checks shared by a request and an emergency stamping; returns what the insert needs. */
function prepareNewUse(ctx: C, input: NewUse, appliedOn = input.appliedOn ?? today(ctx)) {
  if (appliedOn > today(ctx)) refuse('申请日期不能晚于今天', 'appliedOn');
  const seal = loadSeal(ctx, input.sealId, 'sealId', false);
  const why = sealUnusable(seal);
  if (why) refuse(why, 'sealId');
  const applicant = requireApplicant(ctx, input.applicantId);
  const appr = approversFor(ctx.db, seal, applicant.department);
  if (appr.problem) refuse(appr.problem, appr.field);
  const plan = checkTakeOut(ctx, seal.id, input, appliedOn);
  return { seal, applicant, appr, plan, appliedOn };
}

function insertUse(ctx: C, input: NewUse, p: ReturnType<typeof prepareNewUse>, extra: Record<string, unknown>): number {
  const year = Number(p.appliedOn.slice(0, 4));
  const seq = nextNumber(ctx.db, USAGE_SEQ, year);
  const number = formatNumber(USE_PREFIX, year, seq);
  const cols: Record<string, unknown> = {
    year,
    seq,
    number,
    seal_id: p.seal.id,
    entry_date: p.appliedOn,
    reason: input.reason,
    doc_title: input.documentTitle,
    doc_no: input.documentNo,
    copies: input.copies,
    applicant_id: p.applicant.id,
    applicant_name: p.applicant.name,
    department: p.applicant.department,
    take_out: input.takeOut ? 1 : 0,
    planned_out: p.plan.out,
    planned_return: p.plan.back,
    remarks: input.remarks,
    recorded_by_id: ctx.me().userId,
    created_at: ctx.nowIso,
    updated_at: ctx.nowIso,
    ...extra,
  };
  const keys = Object.keys(cols);
  const info = ctx.db.prepare(`INSERT INTO seal_uses (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => cols[k] as never));
  return Number(info.lastInsertRowid);
}

function updateUse(ctx: C, id: number, set: Record<string, unknown>) {
  const keys = Object.keys(set);
  ctx.db.prepare(`UPDATE seal_uses SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...keys.map((k) => set[k] as never), ctx.nowIso, id);
}

/** The custodian stamps as 监印人: the seal must be usable right now. */
function supervisorFor(ctx: C, seal: SealRow, useId: number, field: string) {
  requireUsable(ctx, seal, field, useId);
  return { id: seal.custodian_id!, name: seal.custodian_name! };
}

/** Times are entered to the minute: a step is "earlier" only if its minute is before the other's. */
const earlier = (a: string, b: string) => a.slice(0, 16) < b.slice(0, 16);

const brief = (r: UseDbRow) => `${r.number}（${r.doc_title}）`;

/** What an audit entry keeps of a new entry: the request as filled in, not the whole detail view. */
const auditOfNew = (d: UseDetail) => ({
  number: d.number,
  date: d.date,
  seal: d.sealName,
  reason: d.reason,
  documentTitle: d.documentTitle,
  documentNo: d.documentNo,
  copies: d.copies,
  applicant: d.applicantName,
  department: d.department,
  takeOut: d.takeOut ? { plannedOut: d.plannedOut, plannedReturn: d.plannedReturn } : false,
  remarks: d.remarks,
  state: d.state,
  ...(d.emergency ? { emergencyReason: d.emergencyReason, phoneApprover: d.phoneApproverName, stampedAt: d.stampedAt, count: d.stampedCount, supervisor: d.supervisorName } : {}),
});

// ---- seals ----

function requireRuleResolvable(ctx: C, input: { approverRule: string; approverId?: number | null; approverPost?: string }) {
  if (input.approverRule === 'person') {
    const u = activeUser(ctx.db, input.approverId, '审批人', 'approverId');
    if (!isApprover(u)) refuse(`${u.name}没有“审批人”角色，不能作为印章审批人`, 'approverId');
  } else if (input.approverRule === 'post') {
    const any = (stmt(ctx.db, 'SELECT roles FROM users WHERE post = ? AND active = 1').all(input.approverPost ?? '') as { roles: string }[]).some((u) =>
      (JSON.parse(u.roles) as string[]).includes('approver'),
    );
    if (!any) refuse(`没有职务为“${input.approverPost}”且有审批人角色的账号，请先在账号管理中设置职务`, 'approverPost');
  }
}

function sealOut(ctx: C, id: number) {
  return toSeal(sealRow(ctx.db, id)!);
}

function insertHandover(ctx: C, seal: SealRow, to: { id: number; name: string }, witness: { id: number; name: string } | null, date: string, note: string) {
  const year = Number(date.slice(0, 4));
  const seq = nextNumber(ctx.db, HANDOVER_SEQ, year);
  const from = seal.custodian_id ? { id: seal.custodian_id, name: seal.custodian_name } : null;
  const info = ctx.db
    .prepare(
      `INSERT INTO seal_handovers (year, seq, number, seal_id, from_id, from_name, to_id, to_name, witness_id, witness_name, handed_on, note, recorded_by_id, recorded_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(year, seq, formatNumber(HANDOVER_PREFIX, year, seq), seal.id, from?.id ?? null, from?.name ?? null, to.id, to.name, witness?.id ?? null, witness?.name ?? null, date, note, ctx.me().userId, ctx.nowIso);
  return Number(info.lastInsertRowid);
}

function deptLeaders(ctx: Pick<C, 'db'>) {
  return stmt(
    ctx.db,
    `WITH d AS (SELECT department, count(*) AS staff FROM users WHERE department <> '' AND active = 1 GROUP BY department)
     SELECT coalesce(d.department, l.department) AS department, l.leader_id AS leaderId, u.name AS leaderName, coalesce(d.staff, 0) AS staff
     FROM d FULL OUTER JOIN seal_dept_leaders l ON l.department = d.department LEFT JOIN users u ON u.id = l.leader_id
     ORDER BY 1`,
  ).all() as { department: string; leaderId: number | null; leaderName: string | null; staff: number }[];
}

/** A stamp (even one entered afterwards) cannot fall inside a take-out of the same seal: it was not here. */
function notWhileOut(ctx: Ctx<unknown>, sealId: number, at: string) {
  const out = stmt(ctx.db, "SELECT number, out_at, returned_at FROM seal_uses WHERE seal_id = ? AND state = 'returned' AND out_at <= ? AND returned_at > ? LIMIT 1").get(sealId, at, at) as
    | { number: string; out_at: string; returned_at: string }
    | undefined;
  if (out) refuse(`用印时间处于该印章外带期间（${out.number}，${fmtTime(out.out_at)} 借出，${fmtTime(out.returned_at)} 归还），印章不在监印人处`, 'stampedAt');
}

export const sealsHandlers: PartialHandlers<Keys> = {
  'seals.catalogueList': (ctx, input) => {
    const w: string[] = [];
    const args: unknown[] = [];
    if (input.status) {
      w.push('s.status = ?');
      args.push(input.status);
    }
    if (input.usableOnly) w.push("s.status = 'active' AND s.custodian_id IS NOT NULL AND uc.active = 1");
    if (input.q) {
      const p = likePattern(input.q);
      w.push("(s.name LIKE ? ESCAPE '\\' OR uc.name LIKE ? ESCAPE '\\' OR s.remarks LIKE ? ESCAPE '\\')");
      args.push(p, p, p);
    }
    const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM seals s LEFT JOIN users uc ON uc.id = s.custodian_id ${where}`).get(...args) as { n: number }).n;
    const rows = stmt(ctx.db, `${SEAL_SELECT} ${where} ORDER BY CASE s.status WHEN 'active' THEN 0 WHEN 'suspended' THEN 1 WHEN 'sealed' THEN 2 ELSE 3 END, s.id LIMIT ? OFFSET ?`).all(
      ...args,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    ) as SealRow[];
    return { rows: rows.map(toSeal), total };
  },

  'seals.sealGet': (ctx, input) => {
    const s = loadSeal(ctx, input.id);
    const handovers = stmt(ctx.db, `${HANDOVER_SELECT} WHERE h.seal_id = ? ORDER BY h.id DESC`).all(s.id) as never[];
    const statusChanges = stmt(
      ctx.db,
      `SELECT l.id, l.from_status AS fromStatus, l.to_status AS toStatus, l.on_date AS date, l.reason, l.method, l.witnesses, u.name AS recordedByName, l.recorded_at AS recordedAt
       FROM seal_status_log l JOIN users u ON u.id = l.recorded_by_id WHERE l.seal_id = ? ORDER BY l.id DESC`,
    ).all(s.id) as never[];
    return { seal: toSeal(s), handovers, statusChanges };
  },

  'seals.sealCreate': (ctx, input) => {
    if (stmt(ctx.db, 'SELECT 1 FROM seals WHERE name = ?').get(input.name)) throw new DomainError('conflict', `已有名为“${input.name}”的印章`, 'name');
    if (input.enabledOn > today(ctx)) refuse('启用日期不能晚于今天', 'enabledOn');
    requireRuleResolvable(ctx, input);
    const custodian = input.custodianId ? activeUser(ctx.db, input.custodianId, '保管人', 'custodianId') : null;
    const info = ctx.db
      .prepare(
        `INSERT INTO seals (name, kind, approver_rule, approver_id, approver_post, status, enabled_on, remarks, created_at, created_by_id, updated_at)
         VALUES (?,?,?,?,?,'active',?,?,?,?,?)`,
      )
      .run(
        input.name,
        input.kind,
        input.approverRule,
        input.approverRule === 'person' ? input.approverId! : null,
        input.approverRule === 'post' ? input.approverPost! : null,
        input.enabledOn,
        input.remarks,
        ctx.nowIso,
        ctx.me().userId,
        ctx.nowIso,
      );
    const id = Number(info.lastInsertRowid);
    ctx.db.prepare('INSERT INTO seal_status_log (seal_id, from_status, to_status, on_date, reason, recorded_by_id, recorded_at) VALUES (?,NULL,?,?,?,?,?)').run(id, 'active', input.enabledOn, '登记启用', ctx.me().userId, ctx.nowIso);
    if (custodian) insertHandover(ctx, sealRow(ctx.db, id)!, custodian, null, input.enabledOn, '启用时首次指定保管人');
    const out = sealOut(ctx, id);
    ctx.note({ objectType: SEAL_OBJECT, objectId: id, after: out, message: `登记印章：${out.name}${custodian ? `，保管人${custodian.name}` : ''}` });
    return out;
  },

  'seals.sealUpdate': (ctx, input) => {
    const s = loadSeal(ctx, input.id);
    if (s.status === 'destroyed') refuse('已销毁的印章不可修改');
    if (input.name !== s.name && stmt(ctx.db, 'SELECT 1 FROM seals WHERE name = ? AND id <> ?').get(input.name, s.id)) throw new DomainError('conflict', `已有名为“${input.name}”的印章`, 'name');
    if (input.enabledOn > today(ctx)) refuse('启用日期不能晚于今天', 'enabledOn');
    requireRuleResolvable(ctx, input);
    const before = toSeal(s);
    ctx.db
      .prepare('UPDATE seals SET name = ?, kind = ?, approver_rule = ?, approver_id = ?, approver_post = ?, enabled_on = ?, remarks = ?, updated_at = ? WHERE id = ?')
      .run(
        input.name,
        input.kind,
        input.approverRule,
        input.approverRule === 'person' ? input.approverId! : null,
        input.approverRule === 'post' ? input.approverPost! : null,
        input.enabledOn,
        input.remarks,
        ctx.nowIso,
        s.id,
      );
    const after = sealOut(ctx, s.id);
    ctx.note({ objectType: SEAL_OBJECT, objectId: s.id, before, after, message: `修改印章信息：${after.name}` });
    return after;
  },

  'seals.sealSetStatus': (ctx, input) => {
    const s = loadSeal(ctx, input.id);
    const label = SEAL_STATUS_LABELS;
    if (s.status === 'destroyed') refuse('印章已销毁，状态不可再变更', 'status');
    if (s.status === input.status) refuse(`印章已是“${label[s.status]}”状态`, 'status');
    if (s.out_use_id) throw new DomainError('conflict', `印章正外带在外（${s.out_number}），归还后才能变更状态`, 'status');
    if (input.date > today(ctx)) refuse('日期不能晚于今天', 'date');
    if (input.date < s.enabled_on) refuse(`日期不能早于启用日期（${s.enabled_on}）`, 'date');
    const retire = input.status === 'sealed' || input.status === 'destroyed';
    const before = toSeal(s);
    ctx.db
      .prepare('UPDATE seals SET status = ?, retired_on = ?, retire_method = ?, retire_witnesses = ?, updated_at = ? WHERE id = ?')
      .run(input.status, retire ? input.date : null, retire ? input.method! : null, retire ? input.witnesses! : null, ctx.nowIso, s.id);
    ctx.db
      .prepare('INSERT INTO seal_status_log (seal_id, from_status, to_status, on_date, reason, method, witnesses, recorded_by_id, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)')
      .run(s.id, s.status, input.status, input.date, input.reason, input.method ?? null, input.witnesses ?? null, ctx.me().userId, ctx.nowIso);
    const after = sealOut(ctx, s.id);
    const verb: Record<SealStatus, string> = { active: s.status === 'sealed' ? '启封' : '恢复启用', suspended: '停用', sealed: '封存', destroyed: '销毁' };
    ctx.note({ objectType: SEAL_OBJECT, objectId: s.id, before, after, message: `${verb[input.status]}印章：${s.name}（${input.reason}）` });
    return after;
  },

  'seals.handover': (ctx, input) => {
    const s = loadSeal(ctx, input.sealId, 'sealId');
    if (s.status === 'destroyed') refuse('已销毁的印章不能交接', 'sealId');
    if (s.out_use_id) throw new DomainError('conflict', `印章正外带在外（${s.out_number}），归还后才能交接`, 'sealId');
    const to = activeUser(ctx.db, input.toId, '接收人', 'toId');
    if (to.id === s.custodian_id) refuse(`${to.name}已是该印章的保管人`, 'toId');
    const witness = activeUser(ctx.db, input.witnessId, '监交人', 'witnessId');
    if (witness.id === to.id || witness.id === s.custodian_id) refuse('监交人不能是移交人或接收人本人', 'witnessId');
    if (input.date > today(ctx)) refuse('交接日期不能晚于今天', 'date');
    if (input.date < s.enabled_on) refuse(`交接日期不能早于印章启用日期（${s.enabled_on}）`, 'date');
    if (s.custodian_since && input.date < s.custodian_since) refuse(`交接日期不能早于上一次交接（${s.custodian_since}）`, 'date');
    const id = insertHandover(ctx, s, to, witness, input.date, input.note);
    const h = handoverById(ctx.db, id)!;
    ctx.note({
      objectType: SEAL_OBJECT,
      objectId: s.id,
      before: { custodian: s.custodian_name },
      after: h,
      message: `印章交接 ${h.number}：${s.name}，${s.custodian_name ?? '（无）'} → ${to.name}，监交人${witness.name}`,
    });
    return h;
  },

  'seals.handoverList': (ctx, input) => {
    const w: string[] = [];
    const args: unknown[] = [];
    if (input.sealId) {
      w.push('h.seal_id = ?');
      args.push(input.sealId);
    }
    if (input.year) {
      w.push('h.handed_on BETWEEN ? AND ?');
      args.push(`${input.year}-01-01`, `${input.year}-12-31`);
    }
    const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM seal_handovers h ${where}`).get(...args) as { n: number }).n;
    const rows = stmt(ctx.db, `${HANDOVER_SELECT} ${where} ORDER BY h.handed_on DESC, h.id DESC LIMIT ? OFFSET ?`).all(...args, input.pageSize, (input.page - 1) * input.pageSize) as never[];
    return { rows, total };
  },

  'seals.deptLeaders': (ctx) => deptLeaders(ctx),

  'seals.setDeptLeader': (ctx, input) => {
    const before = stmt(ctx.db, 'SELECT l.leader_id AS leaderId, u.name AS leaderName FROM seal_dept_leaders l JOIN users u ON u.id = l.leader_id WHERE l.department = ?').get(input.department) as
      | { leaderId: number; leaderName: string }
      | undefined;
    if (input.leaderId === null) {
      if (!before) refuse(`“${input.department}”没有设置分管领导`, 'department');
      ctx.db.prepare('DELETE FROM seal_dept_leaders WHERE department = ?').run(input.department);
      ctx.note({ objectType: 'seal_dept_leader', objectId: input.department, before, after: null, message: `取消“${input.department}”的分管领导设置` });
      return deptLeaders(ctx);
    }
    const u = activeUser(ctx.db, input.leaderId, '分管领导', 'leaderId');
    if (!isApprover(u)) refuse(`${u.name}没有“审批人”角色，不能设为分管领导`, 'leaderId');
    ctx.db
      .prepare(
        `INSERT INTO seal_dept_leaders (department, leader_id, updated_at, updated_by_id) VALUES (?,?,?,?)
         ON CONFLICT (department) DO UPDATE SET leader_id = excluded.leader_id, updated_at = excluded.updated_at, updated_by_id = excluded.updated_by_id`,
      )
      .run(input.department, u.id, ctx.nowIso, ctx.me().userId);
    ctx.note({ objectType: 'seal_dept_leader', objectId: input.department, before: before ?? null, after: { leaderId: u.id, leaderName: u.name }, message: `设置“${input.department}”的分管领导为${u.name}` });
    return deptLeaders(ctx);
  },

  // ---- the usage log ----

  'seals.request': (ctx, input) => {
    const p = prepareNewUse(ctx, input);
    const id = insertUse(ctx, input, p, { state: 'pending' });
    const d = useDetail(ctx, id);
    ctx.note({ objectType: SEAL_USE_OBJECT, objectId: id, after: auditOfNew(d), message: `用印申请 ${d.number}：${p.seal.name}，${d.documentTitle}，${d.copies} 份，申请人${d.applicantName}` });
    return d;
  },

  'seals.approve': (ctx, input) => {
    const r = loadUse(ctx, input.id);
    if (r.state === 'void') refuse('已作废的用印登记不能审批');
    if (r.approval_decision) refuse(`该登记已审批（${r.approval_decision === 'approved' ? '批准' : '驳回'}，${r.approver_name}），不能重复审批`);
    const emergency = !!r.emergency;
    if (!emergency && r.state !== 'pending') refuse(`该登记为“${stateLabel(r.state)}”，不能审批`);
    const seal = loadSeal(ctx, r.seal_id, 'id', false);
    if (!emergency && seal.status !== 'active') refuse(`印章“${seal.name}”已${SEAL_STATUS_LABELS[seal.status]}，不能审批用印`);
    const appr = approversFor(ctx.db, seal, r.department);
    if (appr.problem) refuse(appr.problem, input.approval.mode === 'paper' ? 'approval.signerId' : 'approval.login');
    const excluded = [r.applicant_id, r.recorded_by_id, r.supervisor_id].filter((x): x is number => !!x);
    const a = recordApproval(ctx, {
      objectType: SEAL_USE_OBJECT,
      objectId: r.id,
      subject: `${r.number} ${seal.name}：${r.doc_title}`,
      step: emergency ? '事后补批' : '用印审批',
      allowedUserIds: appr.people.map((x) => x.id),
      excludedUserIds: excluded,
      input: input.approval,
      notBefore: { date: r.entry_date, what: '申请日期' },
    });
    const set: Record<string, unknown> = {
      approval_decision: a.decision,
      approval_mode: input.approval.mode,
      approver_id: a.approverId,
      approver_name: a.approverName,
      approved_at: a.signedAt,
    };
    if (!emergency) set.state = a.decision === 'approved' ? 'approved' : 'rejected';
    updateUse(ctx, r.id, set);
    const d = useDetail(ctx, r.id);
    const verb = a.decision === 'approved' ? '批准' : '驳回';
    ctx.note({
      objectType: SEAL_USE_OBJECT,
      objectId: r.id,
      before: { state: r.state, approvalDecision: null },
      after: { state: d.state, approvalDecision: a.decision, approver: a.approverName, mode: input.approval.mode, comment: input.approval.comment },
      message: `${emergency ? '事后补批' : '用印审批'}：${a.approverName}${verb} ${brief(r)}（${input.approval.mode === 'cosign' ? '本机会签' : `纸质签批，归档号 ${input.approval.filingNo}`}）`,
    });
    return d;
  },

  'seals.stamp': (ctx, input) => {
    const r = loadUse(ctx, input.id);
    if (r.state === 'pending') refuse('该申请尚未审批，不能用印（先审批后执行）。紧急情况请使用“先用印后补批”并写明理由');
    if (r.state === 'rejected') refuse('该申请已被驳回，不能用印');
    if (r.state === 'void') refuse('该申请已作废，不能用印');
    if (r.state !== 'approved') refuse(`该申请已用印（${stateLabel(r.state)}），不能重复登记`);
    if (input.count > r.copies) refuse(`实际用印份数不能超过批准的份数（${r.copies} 份）`, 'count');
    const seal = loadSeal(ctx, r.seal_id, 'id', false);
    const sup = supervisorFor(ctx, seal, r.id, 'id');
    // The custodian supervises the stamping, but never of a use they applied for themselves.
    requireSeparate({ as: '监印人', id: sup.id, name: sup.name }, [{ as: '申请人', id: r.applicant_id, name: r.applicant_name }], 'id');
    const at = pastTime(ctx, input.stampedAt, '用印时间', 'stampedAt');
    if (r.approved_at && earlier(at, r.approved_at)) refuse(`用印时间不能早于审批时间（${fmtTime(r.approved_at)}）`, 'stampedAt');
    notWhileOut(ctx, seal.id, at);
    const set: Record<string, unknown> = { state: 'stamped', stamped_at: at, stamped_count: input.count, supervisor_id: sup.id, supervisor_name: sup.name };
    if (input.remarks !== undefined) set.remarks = input.remarks;
    updateUse(ctx, r.id, set);
    const d = useDetail(ctx, r.id);
    ctx.note({
      objectType: SEAL_USE_OBJECT,
      objectId: r.id,
      before: { state: r.state },
      after: { state: 'stamped', stampedAt: at, count: input.count, supervisor: sup.name },
      message: `用印 ${brief(r)}：${seal.name} ${input.count} 份，监印人${sup.name}`,
    });
    return d;
  },

  'seals.emergencyStamp': (ctx, input) => {
    const at = pastTime(ctx, input.stampedAt, '用印时间', 'stampedAt');
    if (shanghaiDateOf(at) < addDays(today(ctx), -3)) refuse('先用印后补批须在用印后 3 日内登记', 'stampedAt');
    const p = prepareNewUse(ctx, input, shanghaiDateOf(at));
    requireUsable(ctx, p.seal, 'sealId');
    notWhileOut(ctx, p.seal.id, at);
    const phone = p.appr.people.find((x) => x.id === input.phoneApproverId);
    if (!phone) {
      const names = p.appr.people.map((x) => x.name).join('、');
      refuse(`电话同意的领导必须是该印章的审批人（${names}）`, 'phoneApproverId');
    }
    requireSeparate({ as: '电话同意的领导', id: input.phoneApproverId }, [{ as: '申请人', id: input.applicantId }], 'phoneApproverId');
    requireSeparate({ as: '监印人', id: p.seal.custodian_id, name: p.seal.custodian_name }, [{ as: '申请人', id: input.applicantId }], 'applicantId');
    const id = insertUse(ctx, input, p, {
      state: 'stamped',
      emergency: 1,
      emergency_reason: input.emergencyReason,
      phone_approver_id: phone!.id,
      phone_approver_name: phone!.name,
      stamped_at: at,
      stamped_count: input.count,
      supervisor_id: p.seal.custodian_id,
      supervisor_name: p.seal.custodian_name,
    });
    const d = useDetail(ctx, id);
    ctx.note({
      objectType: SEAL_USE_OBJECT,
      objectId: id,
      after: auditOfNew(d),
      message: `先用印后补批 ${d.number}：${p.seal.name}，${d.documentTitle}，${input.count} 份；${phone!.name}电话同意；理由：${input.emergencyReason}`,
    });
    return d;
  },

  'seals.checkOut': (ctx, input) => {
    const r = loadUse(ctx, input.id);
    if (!r.take_out) refuse('该申请没有申请外带，不能借出');
    if (r.state === 'out') refuse('印章已借出，不能重复登记');
    if (r.state === 'returned') refuse('印章已归还，不能再次借出');
    if (r.state !== 'stamped') refuse(`该申请为“${stateLabel(r.state)}”，须先批准并登记用印，才能外带`);
    const seal = loadSeal(ctx, r.seal_id, 'id', false);
    if (seal.out_use_id) throw new DomainError('conflict', `印章“${seal.name}”已外带在外（${seal.out_number}），同一枚印章不能同时外带两处`, 'id');
    if (seal.status !== 'active') refuse(`印章“${seal.name}”已${SEAL_STATUS_LABELS[seal.status]}，不能外带`);
    const at = pastTime(ctx, input.outAt, '借出时间', 'outAt');
    if (earlier(at, r.stamped_at!)) refuse(`借出时间不能早于用印时间（${fmtTime(r.stamped_at!)}）`, 'outAt');
    // A back-dated take-out must not start while the record shows the seal still out on an earlier one.
    const back = stmt(ctx.db, "SELECT number, returned_at FROM seal_uses WHERE seal_id = ? AND state = 'returned' AND returned_at > ? ORDER BY returned_at DESC LIMIT 1").get(seal.id, at) as
      | { number: string; returned_at: string }
      | undefined;
    if (back) refuse(`借出时间不能早于该印章上次外带的归还时间（${fmtTime(back.returned_at)}，${back.number}）：同一枚印章不能同时外带两处`, 'outAt');
    updateUse(ctx, r.id, { state: 'out', out_at: at });
    const d = useDetail(ctx, r.id);
    ctx.note({ objectType: SEAL_USE_OBJECT, objectId: r.id, before: { state: r.state }, after: { state: 'out', outAt: at }, message: `印章外带借出 ${brief(r)}：${seal.name}，应于 ${r.planned_return} 归还` });
    return d;
  },

  'seals.return': (ctx, input) => {
    const r = loadUse(ctx, input.id);
    if (!r.take_out) refuse('该申请没有外带，无需登记归还');
    if (r.state === 'returned') refuse('该印章已登记归还，不能重复登记');
    if (r.state !== 'out') refuse('印章尚未借出，不能登记归还（先登记借出，再登记归还）');
    const at = pastTime(ctx, input.returnedAt, '归还时间', 'returnedAt');
    if (earlier(at, r.out_at!)) refuse(`归还时间不能早于借出时间（${fmtTime(r.out_at!)}）`, 'returnedAt');
    const who = activeUser(ctx.db, input.confirmedById, '归还确认人', 'confirmedById');
    if (who.id === r.applicant_id) refuse('借用人不能自己确认归还，请由保管人或其他人确认', 'confirmedById');
    updateUse(ctx, r.id, { state: 'returned', returned_at: at, return_confirmed_id: who.id, return_confirmed_name: who.name, return_note: input.note });
    const d = useDetail(ctx, r.id);
    ctx.note({
      objectType: SEAL_USE_OBJECT,
      objectId: r.id,
      before: { state: 'out' },
      after: { state: 'returned', returnedAt: at, confirmedBy: who.name, late: d.returnedLate },
      message: `印章归还 ${brief(r)}：${who.name}确认${d.returnedLate ? '（逾期归还）' : ''}`,
    });
    return d;
  },

  'seals.void': (ctx, input) => {
    const r = loadUse(ctx, input.id);
    if (r.state === 'void') refuse('该登记已作废');
    if (r.state === 'rejected') refuse('已驳回的申请无需作废');
    if (r.state !== 'pending' && r.state !== 'approved') refuse(`已用印的登记不能作废（${stateLabel(r.state)}）；内容有误请使用“更正”`);
    updateUse(ctx, r.id, { state: 'void', void_reason: input.reason, voided_at: ctx.nowIso, voided_by_id: ctx.me().userId });
    const d = useDetail(ctx, r.id);
    ctx.note({ objectType: SEAL_USE_OBJECT, objectId: r.id, before: { state: r.state }, after: { state: 'void', reason: input.reason }, message: `作废用印登记 ${brief(r)}：${input.reason}` });
    return d;
  },

  'seals.amend': (ctx, input) => {
    const r = loadUse(ctx, input.id);
    if (r.state === 'void' || r.state === 'rejected') refuse(`${stateLabel(r.state)}的登记不能更正`);
    // What was approved is what gets stamped: between approval and stamping the content is frozen.
    if (r.state === 'approved') refuse('已批准、尚未用印的登记不能更正：内容有变请作废后重新申请');
    const fields: [keyof typeof input, keyof UseDbRow, string][] = [
      ['reason', 'reason', '用印事由'],
      ['documentTitle', 'doc_title', '文件名称'],
      ['documentNo', 'doc_no', '文号'],
      ['remarks', 'remarks', '备注'],
    ];
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    const set: Record<string, unknown> = {};
    for (const [k, col, label] of fields) {
      const v = input[k] as string | undefined;
      if (v === undefined || v === r[col]) continue;
      before[label] = String(r[col]);
      after[label] = v;
      set[col] = v;
    }
    if (!Object.keys(set).length) refuse('更正后的内容与原记录相同', 'documentTitle');
    const me = ctx.me();
    ctx.db
      .prepare('INSERT INTO seal_use_amendments (use_id, at, by_id, by_name, reason, before_json, after_json) VALUES (?,?,?,?,?,?,?)')
      .run(r.id, ctx.nowIso, me.userId, me.name, input.amendReason, JSON.stringify(before), JSON.stringify(after));
    updateUse(ctx, r.id, { ...set, amend_count: r.amend_count + 1 });
    const d = useDetail(ctx, r.id);
    ctx.note({ objectType: SEAL_USE_OBJECT, objectId: r.id, before, after, message: `更正用印登记 ${r.number}：${Object.keys(after).join('、')}（${input.amendReason}）` });
    return d;
  },

  'seals.list': (ctx, input) => {
    const d = today(ctx);
    const w = useWhere(input, d);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM seal_uses u ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${USE_SELECT} ${w.sql} ORDER BY ${USE_ORDER[input.sort]} LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as UseDbRow[];
    return { rows: rows.map((r) => toUseRow(r, d)), total };
  },

  'seals.get': (ctx, input) => {
    loadUse(ctx, input.id);
    return useDetail(ctx, input.id);
  },

  'seals.stats': (ctx, input) => {
    const from = `${input.year}-01-01`;
    const to = `${input.year}-12-31`;
    const d = today(ctx);
    const perSeal = stmt(
      ctx.db,
      `SELECT u.seal_id AS sealId, s.name AS sealName, CAST(substr(u.entry_date, 6, 2) AS INTEGER) AS m, count(*) AS n, sum(u.stamped_count) AS stamps
       FROM seal_uses u JOIN seals s ON s.id = u.seal_id
       WHERE u.entry_date BETWEEN ? AND ? AND u.state IN ('stamped', 'out', 'returned')
       GROUP BY u.seal_id, m ORDER BY u.seal_id, m`,
    ).all(from, to) as { sealId: number; sealName: string; m: number; n: number; stamps: number }[];
    const seals = new Map<number, { sealId: number; sealName: string; months: number[]; stamps: number; total: number }>();
    const months = Array(12).fill(0) as number[];
    for (const r of perSeal) {
      let s = seals.get(r.sealId);
      if (!s) seals.set(r.sealId, (s = { sealId: r.sealId, sealName: r.sealName, months: Array(12).fill(0), stamps: 0, total: 0 }));
      s.months[r.m - 1] += r.n;
      s.stamps += r.stamps ?? 0;
      s.total += r.n;
      months[r.m - 1] += r.n;
    }
    const c = stmt(
      ctx.db,
      `SELECT
         sum(take_out = 1 AND state IN ('out', 'returned')) AS takeOuts,
         sum(state = 'out' AND planned_return < ?) AS overdueNow,
         sum(state = 'returned' AND substr(returned_at, 1, 10) > planned_return) AS returnedLate,
         sum(emergency = 1) AS emergency,
         sum(emergency = 1 AND approval_decision IS NULL) AS emergencyPending,
         sum(paper_gap = 1 AND state <> 'void') AS paperGap,
         sum(state = 'rejected') AS rejected,
         sum(state = 'void') AS voided
       FROM seal_uses WHERE entry_date BETWEEN ? AND ?`,
    ).get(d, from, to) as Record<string, number | null>;
    const list = [...seals.values()];
    return {
      year: input.year,
      seals: list,
      months,
      total: list.reduce((a, s) => a + s.total, 0),
      stamps: list.reduce((a, s) => a + s.stamps, 0),
      takeOuts: c.takeOuts ?? 0,
      overdueNow: c.overdueNow ?? 0,
      returnedLate: c.returnedLate ?? 0,
      emergency: c.emergency ?? 0,
      emergencyPending: c.emergencyPending ?? 0,
      paperGap: c.paperGap ?? 0,
      rejected: c.rejected ?? 0,
      voided: c.voided ?? 0,
    };
  },

  'seals.attention': (ctx) => {
    const d = today(ctx);
    const sel = `SELECT u.id, u.number, s.name AS sealName, u.doc_title AS documentTitle, u.applicant_name AS applicantName, u.entry_date AS date, u.planned_return AS plannedReturn
                 FROM seal_uses u JOIN seals s ON s.id = u.seal_id`;
    const n = (sql: string, ...a: unknown[]) => (stmt(ctx.db, sql).get(...a) as { n: number }).n;
    return {
      pending: n("SELECT count(*) AS n FROM seal_uses WHERE state = 'pending'"),
      pendingRows: stmt(ctx.db, `${sel} WHERE u.state = 'pending' ORDER BY u.entry_date, u.id LIMIT 5`).all() as never[],
      awaitingStamp: n("SELECT count(*) AS n FROM seal_uses WHERE state = 'approved'"),
      overdue: n("SELECT count(*) AS n FROM seal_uses WHERE state = 'out' AND planned_return < ?", d),
      overdueRows: stmt(ctx.db, `${sel} WHERE u.state = 'out' AND u.planned_return < ? ORDER BY u.planned_return LIMIT 5`).all(d) as never[],
      emergencyPending: n('SELECT count(*) AS n FROM seal_uses WHERE emergency = 1 AND approval_decision IS NULL'),
      emergencyRows: stmt(ctx.db, `${sel} WHERE u.emergency = 1 AND u.approval_decision IS NULL ORDER BY u.entry_date, u.id LIMIT 5`).all() as never[],
      sealsWithoutCustodian: n("SELECT count(*) AS n FROM seals WHERE status = 'active' AND custodian_id IS NULL"),
    };
  },
};
