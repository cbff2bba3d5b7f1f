// The expenses area's rules (DOMAIN.md §5, issue 9): every expense applied for and approved by
// amount tier before it is spent, large amounts only on a finalised 党组会议 decision that covers
// them, acceptance by a witness, reimbursement only against an approved and accepted application,
// with receipts and the full signature chain, never the same invoice twice; advances settled by
// reimbursements and cash; a petty-cash fund that never goes below zero.
import { departmentSigners } from '../core/departments';
import type { PartialHandlers } from '../core/context';
import type { expensesMethods } from '../contract/expenses';
import {
  ADVANCE_STATE_LABELS,
  APP_STATE_LABELS,
  CASH_KIND_LABELS,
  CLAIM_STATE_LABELS,
  EXP_ADVANCE_OBJECT,
  EXP_APP_OBJECT,
  EXP_CASH_OBJECT,
  EXP_CATEGORY_OBJECT,
  EXP_CLAIM_OBJECT,
  PAYMENT_METHOD_LABELS,
  expenseTierFor,
  type CashKind,
  type ExpensesSettings,
} from '../contract/expenses';
import { recordApproval } from '../core/approvals';
import { attachmentHandlers, countAttachments, type AttachableRecord } from '../core/attachments';
import { DomainError, refuse } from '../core/errors';
import { formatNumber, nextNumber } from '../core/numbering';
import { activeUser, insertRow, pastDate, stmt, today, updateRow, userLite } from '../core/rows';
import type { Db } from '../core/open';
import type { Role } from '../contract/common';
import { checkDecision, getDecision } from '../core/decisions';
import { suppliesSettings } from '../core/area-settings';
import { yuan } from '../core/money';
import {
  advanceDetail,
  appDetail,
  cashBalance,
  cashList,
  category,
  categories,
  claimBlockers,
  assetCardsMissing,
  acceptanceOf,
  claimDetail,
  claimedAgainst,
  LIVE_CLAIM,
  countAdvances,
  countApps,
  countClaims,
  expensesSettings,
  listAdvances,
  listApps,
  listClaims,
  loadAdvance,
  loadApp,
  loadClaim,
  stepsOf,
  type AppDb,
  type C,
  type Step,
} from './queries';
import { monthlySummary } from './summary';

const APP_SEQ = 'expense_app';
const CLAIM_SEQ = 'expense_claim';
const ADVANCE_SEQ = 'expense_advance';
const ALL_ROLES: Role[] = ['admin', 'clerk', 'approver', 'auditor'];

const nameOf = (db: Db, id: number) => userLite(db, id)?.name ?? `#${id}`;

/** The 分管领导 of a department (印章 › 分管领导), if one is set and active. */
function deptLeader(db: Db, department: string): { id: number; name: string } | undefined {
  return stmt(db, 'SELECT u.id, u.name FROM seal_dept_leaders l JOIN users u ON u.id = l.leader_id WHERE l.department = ? AND u.active = 1').get(department) as { id: number; name: string } | undefined;
}

/** Restrict a step to named people, or leave it open to the role. */
function named(db: Db, name: string, ids: number[], open: string): Step {
  return ids.length ? { name, allowedIds: ids, who: ids.map((i) => nameOf(db, i)).join('、') } : { name, allowedIds: null, who: open };
}

/** The approval chain of an application or advance by its amount, resolved to people now. */
function tierSteps(db: Db, s: ExpensesSettings, amount: number, department: string): Step[] {
  return expenseTierFor(s.tiers, amount).steps.map((st) => {
    // A tier step named 科室负责人 is the applicant's department head or a named deputy, as on a claim.
    if (st.name === '科室负责人') return headStep(db, department);
    const leader = st.deptLeader ? deptLeader(db, department) : undefined;
    if (leader) return { name: st.name, allowedIds: [leader.id], who: `${leader.name}（分管领导）` };
    return named(db, st.name, st.approverIds, st.deptLeader ? '审批人（未设分管领导）' : '审批人');
  });
}

/** The 科室负责人 step: the head of the department or a deputy named for it — never any 审批人. */
function headStep(db: Db, department: string): Step {
  const heads = departmentSigners(db, department);
  if (!heads.length) refuse(`申请部门“${department || '（未填）'}”尚未设置科室负责人：请系统管理员在“设置 › 部门”中指定后再办理`, 'applicantId');
  return { name: '科室负责人', allowedIds: heads.map((h) => h.id), who: heads.map((h) => h.name).join('、') };
}

/** 经办人 → 验收人 → 科室负责人 → 分管领导 → (超额审批) → 财务审核 → 单位负责人. */
function claimSteps(db: Db, s: ExpensesSettings, a: AppDb, witness: { id: number; name: string }, over: boolean): Step[] {
  const leader = deptLeader(db, a.department);

  const steps: Step[] = [
    { name: '经办人', allowedIds: [a.applicant_id], who: a.applicant_name },
    { name: '验收人', allowedIds: [witness.id], who: witness.name },
    headStep(db, a.department),
    leader ? { name: '分管领导', allowedIds: [leader.id], who: leader.name } : { name: '分管领导', allowedIds: null, who: '审批人（未设分管领导）' },
  ];
  if (over) steps.push(named(db, '超额审批', s.principalIds, '审批人'));
  steps.push(named(db, '财务审核', s.financeIds, '财务人员'));
  steps.push(named(db, '单位负责人', s.principalIds, '审批人'));
  return steps;
}

/** Roles that may sign a step of a reimbursement: the applicant and witness sign as themselves. */
const stepRoles = (step: string): Role[] => (step === '经办人' || step === '验收人' ? ALL_ROLES : step === '财务审核' || step === '科室负责人' ? ['clerk', 'approver', 'admin'] : ['approver']);

/**
 * A decision item that authorises a large amount: of a finalised 党组会议, passed, with an amount
 * that covers this one together with every other live application already relying on it.
 */
function checkLargeDecision(ctx: C, decisionId: number, amount: number, exceptAppId = 0): string {
  const c = checkDecision(ctx.db, decisionId);
  if (c.status !== 'found') return refuse('所选的党组会议决定事项不存在', 'decisionId');
  if (!c.partyGroup) refuse(`“${c.label}”不是党组会议的决定事项：大额资金须经党组会议集体研究`, 'decisionId');
  if (!c.finalised) refuse(`“${c.label}”所在的会议记录尚未定稿，还不是正式决定`, 'decisionId');
  if (!c.passed) refuse(`“${c.label}”未获通过，不能作为支出依据`, 'decisionId');
  const d = getDecision(ctx.db, decisionId)!;
  if (d.amount === null) refuse(`“${c.label}”未载明金额，不能覆盖本次 ${yuan(amount)} 的支出`, 'decisionId');
  const used = (stmt(ctx.db, "SELECT coalesce(sum(estimated_fen), 0) AS s FROM expense_apps WHERE decision_id = ? AND id <> ? AND state NOT IN ('rejected', 'void')").get(decisionId, exceptAppId) as { s: number }).s;
  if (used + amount > d.amount!) {
    refuse(`“${c.label}”决定的金额为 ${yuan(d.amount!)}${used ? `，其他申请已使用 ${yuan(used)}` : ''}，不足以覆盖本次 ${yuan(amount)}`, 'decisionId');
  }
  return c.label;
}

/** One step of a tiered chain (application or advance): the next pending step, by the right person. */
function approveStep(ctx: C, objectType: string, o: { id: number; number: string; steps: string; approved_steps: number; approvers: string; applied_on: string }, excluded: number[], approval: Parameters<typeof recordApproval>[1]['input']) {
  const steps = stepsOf(o.steps);
  const step = steps[o.approved_steps];
  const field = approval.mode === 'paper' ? 'approval.signerId' : 'approval.login';
  const signerId = approval.mode === 'paper' ? approval.signerId : ctx.cosign?.userId;
  const earlier = (stmt(ctx.db, "SELECT approver_id AS id FROM approvals WHERE object_type = ? AND object_id = ? AND decision = 'approved'").all(objectType, o.id) as { id: number }[]).map((r) => r.id);
  const onlyThem = step.allowedIds?.length === 1 && step.allowedIds[0] === signerId;
  if (signerId && earlier.includes(signerId) && !onlyThem) refuse('同一人不能审批同一单据的两个环节', field);
  const a = recordApproval(ctx, { objectType, objectId: o.id, subject: o.number, step: step.name, roles: stepRoles(step.name), allowedUserIds: step.allowedIds ?? undefined, excludedUserIds: excluded, input: approval, notBefore: { date: o.applied_on, what: '单据日期' } });
  const last = o.approved_steps + 1 === steps.length;
  return { a, step, last, approvers: o.approvers ? `${o.approvers}、${a.approverName}` : a.approverName };
}

// ---- petty cash ----

function cashMove(ctx: C, e: { kind: CashKind; date: string; note: string; inFen?: number; outFen?: number; refType?: string; refId?: number; refNumber?: string }, field: string) {
  const last = cashBalance(ctx.db);
  if (!last && e.kind !== 'opening') refuse('备用金尚未建账：请先登记期初余额', field);
  const balance = (last?.b ?? 0) + (e.inFen ?? 0) - (e.outFen ?? 0);
  if (balance < 0) refuse(`备用金余额不足：现有 ${yuan(last?.b ?? 0)}，本次需支出 ${yuan(e.outFen ?? 0)}。请先补充备用金或改用转账`, field);
  if (last && e.date < last.d) refuse(`现金日记账须按日期顺序登记：日期不能早于上一笔（${last.d}）`, field);
  return insertRow(ctx.db, 'petty_cash', {
    entry_date: e.date,
    kind: e.kind,
    note: e.note,
    in_fen: e.inFen ?? 0,
    out_fen: e.outFen ?? 0,
    balance_fen: balance,
    ref_type: e.refType ?? null,
    ref_id: e.refId ?? null,
    ref_number: e.refNumber ?? null,
    recorded_by_id: ctx.me().userId,
    created_at: ctx.nowIso,
  });
}

function cashRow(db: Db, id: number) {
  return stmt(
    db,
    `SELECT p.id, p.entry_date AS entryDate, p.kind, p.note, p.in_fen AS inFen, p.out_fen AS outFen, p.balance_fen AS balanceFen, p.ref_number AS ref, p.ref_type AS refType, u.name AS recordedByName
     FROM petty_cash p JOIN users u ON u.id = p.recorded_by_id WHERE p.id = ?`,
  ).get(id) as { id: number; entryDate: string; kind: CashKind; note: string; inFen: number; outFen: number; balanceFen: number; ref: string | null; refType: string | null; recordedByName: string };
}

const COUNT_SELECT = `SELECT c.id, c.month, c.book_fen AS bookFen, c.counted_fen AS countedFen, c.counted_fen - c.book_fen AS differenceFen,
  u.name AS countedByName, k.name AS checkerName, c.note, c.counted_at AS countedAt
  FROM petty_cash_counts c JOIN users u ON u.id = c.counted_by_id JOIN users k ON k.id = c.checker_id`;
type CountRow = { id: number; month: string; bookFen: number; countedFen: number; differenceFen: number; countedByName: string; checkerName: string; note: string; countedAt: string };

/** Settle an advance by an amount (a reimbursement's offset or cash returned). */
function settle(ctx: C, advanceId: number, kind: 'claim' | 'cash', amount: number, on: string, claimId: number | null, note: string) {
  const v = loadAdvance(ctx.db, advanceId);
  insertRow(ctx.db, 'expense_settlements', { advance_id: v.id, kind, claim_id: claimId, amount_fen: amount, settled_on: on, note, recorded_by_id: ctx.me().userId, created_at: ctx.nowIso });
  const settled = v.settled_fen + amount;
  updateRow(ctx.db, 'expense_advances', v.id, { settled_fen: settled, state: settled === v.amount_fen ? 'settled' : 'outstanding', updated_at: ctx.nowIso });
}

/** Attachments may change only while the document has not been signed or decided. */
const EXPENSE_ATTACHABLES: Record<string, AttachableRecord> = {
  [EXP_APP_OBJECT]: {
    label: (db, id) => loadApp(db, id).number,
    assertOpen: (ctx, id) => {
      const a = loadApp(ctx.db, id);
      if (a.state !== 'pending' || a.approved_steps > 0) refuse(`事前申请${a.number}已进入审批，附件不能再改动`, 'objectId');
    },
  },
  [EXP_CLAIM_OBJECT]: {
    label: (db, id) => loadClaim(db, id).number,
    assertOpen: (ctx, id) => {
      const k = loadClaim(ctx.db, id);
      if (k.state !== 'signing' || k.signed_steps > 0) refuse(`报销单${k.number}已开始签批，单据不能再改动`, 'objectId');
    },
  },
  [EXP_ADVANCE_OBJECT]: {
    label: (db, id) => loadAdvance(db, id).number,
    assertOpen: (ctx, id) => {
      const v = loadAdvance(ctx.db, id);
      if (v.state !== 'pending' || v.approved_steps > 0) refuse(`借支${v.number}已进入审批，附件不能再改动`, 'objectId');
    },
  },
};

export const expensesHandlers: PartialHandlers<keyof typeof expensesMethods> = {
  // ---- settings and categories ----
  'expenses.settings': (ctx) => expensesSettings(ctx.db),
  'expenses.saveSettings': (ctx, input) => {
    const before = expensesSettings(ctx.db);
    for (const [i, t] of input.tiers.entries()) {
      t.steps.forEach((st, j) => st.approverIds.forEach((id) => activeUser(ctx.db, id, '指定审批人', `tiers.${i}.steps.${j}.approverIds`)));
    }
    input.principalIds.forEach((id) => activeUser(ctx.db, id, '单位负责人', 'principalIds'));
    input.financeIds.forEach((id) => activeUser(ctx.db, id, '财务审核人', 'financeIds'));
    stmt(
      ctx.db,
      `INSERT INTO expense_settings (key, value, updated_at, updated_by_id) VALUES ('settings', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by_id = excluded.updated_by_id`,
    ).run(JSON.stringify(input), ctx.nowIso, ctx.me().userId);
    ctx.note({ objectType: 'expense_settings', before, after: input, message: `修改费用报销设置：大额资金标准 ${yuan(input.largeFrom)}，审批 ${input.tiers.length} 档` });
    return expensesSettings(ctx.db);
  },
  'expenses.categories': (ctx, input) => categories(ctx.db, input.includeInactive),
  'expenses.categoryCreate': (ctx, input) => {
    if (stmt(ctx.db, 'SELECT 1 FROM expense_categories WHERE name = ?').get(input.name)) refuse(`已有费用类别“${input.name}”`, 'name');
    const sort = (stmt(ctx.db, 'SELECT coalesce(max(sort), 0) + 1 AS s FROM expense_categories').get() as { s: number }).s;
    const id = insertRow(ctx.db, 'expense_categories', { name: input.name, needs_basis: input.needsBasis ? 1 : 0, sort });
    ctx.note({ objectType: EXP_CATEGORY_OBJECT, objectId: id, after: input, message: `新增费用类别“${input.name}”${input.needsBasis ? '（须附文件依据）' : ''}` });
    return category(ctx.db, id);
  },
  'expenses.categoryUpdate': (ctx, input) => {
    const before = category(ctx.db, input.id);
    if (stmt(ctx.db, 'SELECT 1 FROM expense_categories WHERE name = ? AND id <> ?').get(input.name, input.id)) refuse(`已有费用类别“${input.name}”`, 'name');
    updateRow(ctx.db, 'expense_categories', input.id, { name: input.name, needs_basis: input.needsBasis ? 1 : 0, active: input.active ? 1 : 0 });
    const after = category(ctx.db, input.id);
    ctx.note({ objectType: EXP_CATEGORY_OBJECT, objectId: input.id, before, after, message: `修改费用类别“${after.name}”` });
    return after;
  },

  // ---- prior applications ----
  'expenses.apply': (ctx, input) => {
    const applicant = activeUser(ctx.db, input.applicantId, '申请人', 'applicantId');
    const cat = category(ctx.db, input.categoryId);
    if (!cat.active) refuse(`费用类别“${cat.name}”已停用`, 'categoryId');
    if (cat.needsBasis && !input.basisDoc) refuse(`“${cat.name}”须填写文件依据（如：培训通知、补贴发放文件的名称和文号）`, 'basisDoc');
    const s = expensesSettings(ctx.db);
    const large = input.estimatedFen >= s.largeFrom;
    let decisionLabel = '';
    if (large && !input.decisionId) refuse(`预计金额 ${yuan(input.estimatedFen)} 达到大额资金标准（${yuan(s.largeFrom)}），须关联党组会议的决定事项`, 'decisionId');
    if (input.decisionId) decisionLabel = checkLargeDecision(ctx, input.decisionId, input.estimatedFen);
    const appliedOn = pastDate(ctx, input.appliedOn, '申请日期', 'appliedOn');
    const year = Number(appliedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, APP_SEQ, year);
    const steps = tierSteps(ctx.db, s, input.estimatedFen, applicant.department);
    const id = insertRow(ctx.db, 'expense_apps', {
      year,
      seq,
      number: formatNumber('费用申请', year, seq),
      applied_on: appliedOn,
      applicant_id: applicant.id,
      applicant_name: applicant.name,
      department: applicant.department,
      category_id: cat.id,
      purpose: input.purpose,
      budget_item: input.budgetItem,
      estimated_fen: input.estimatedFen,
      basis_doc: input.basisDoc,
      large: large ? 1 : 0,
      decision_id: input.decisionId ?? null,
      steps: JSON.stringify(steps),
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    const d = appDetail(ctx.db, id);
    ctx.note({
      objectType: EXP_APP_OBJECT,
      objectId: id,
      after: { number: d.number, applicant: d.applicantName, category: d.categoryName, purpose: d.purpose, estimatedFen: d.estimatedFen, basisDoc: d.basisDoc, decision: decisionLabel || null, steps: steps.map((x) => x.name) },
      message: `事前申请 ${d.number}：${d.applicantName}，${d.categoryName}，${d.purpose}，预计 ${yuan(d.estimatedFen)}${decisionLabel ? `，依据 ${decisionLabel}` : ''}；审批：${steps.map((x) => x.name).join(' → ')}`,
    });
    return d;
  },

  'expenses.appApprove': (ctx, input) => {
    const a = loadApp(ctx.db, input.id);
    if (a.state !== 'pending') refuse(`事前申请${a.number}为“${APP_STATE_LABELS[a.state]}”，不能审批`, 'id');
    // The decision may not have changed, but the amount it covers can be used up by others meanwhile.
    if (a.large) {
      if (!a.decision_id) refuse('大额资金申请须先关联党组会议决定事项', 'decisionId');
      checkLargeDecision(ctx, a.decision_id!, a.estimated_fen, a.id);
    }
    const { a: ap, step, last, approvers } = approveStep(ctx, EXP_APP_OBJECT, a, [a.applicant_id, a.recorded_by_id], input.approval);
    if (ap.decision === 'rejected') updateRow(ctx.db, 'expense_apps', a.id, { state: 'rejected', updated_at: ctx.nowIso });
    else updateRow(ctx.db, 'expense_apps', a.id, { approved_steps: a.approved_steps + 1, approvers, state: last ? 'approved' : 'pending', updated_at: ctx.nowIso });
    const d = appDetail(ctx.db, a.id);
    ctx.note({
      objectType: EXP_APP_OBJECT,
      objectId: a.id,
      before: { state: a.state, approvedSteps: a.approved_steps },
      after: { state: d.state, step: step.name, decision: ap.decision, approver: ap.approverName, mode: input.approval.mode, comment: input.approval.comment },
      message: `事前申请审批（${step.name}）：${ap.approverName}${ap.decision === 'approved' ? '批准' : '驳回'} ${a.number}`,
    });
    return d;
  },

  'expenses.appLinkDecision': (ctx, input) => {
    const a = loadApp(ctx.db, input.id);
    if (a.state !== 'pending') refuse(`事前申请${a.number}为“${APP_STATE_LABELS[a.state]}”，不能再改关联的决定`, 'id');
    const label = checkLargeDecision(ctx, input.decisionId, a.estimated_fen, a.id);
    updateRow(ctx.db, 'expense_apps', a.id, { decision_id: input.decisionId, updated_at: ctx.nowIso });
    ctx.note({ objectType: EXP_APP_OBJECT, objectId: a.id, before: { decisionId: a.decision_id }, after: { decisionId: input.decisionId, decision: label }, message: `事前申请 ${a.number} 关联集体决策：${label}` });
    return appDetail(ctx.db, a.id);
  },

  'expenses.appVoid': (ctx, input) => {
    const a = loadApp(ctx.db, input.id);
    if (a.state === 'void') refuse(`事前申请${a.number}已作废`, 'id');
    if (a.state === 'rejected') refuse(`事前申请${a.number}已驳回，无需作废`, 'id');
    const live = stmt(ctx.db, `SELECT number FROM expense_claims WHERE app_id = ? AND ${LIVE_CLAIM} LIMIT 1`).get(a.id) as { number: string } | undefined;
    if (live) refuse(`事前申请${a.number}已有报销单${live.number}，须先作废该报销单`, 'id');
    updateRow(ctx.db, 'expense_apps', a.id, { state: 'void', void_reason: input.reason, voided_at: ctx.nowIso, voided_by_id: ctx.me().userId, updated_at: ctx.nowIso });
    ctx.note({ objectType: EXP_APP_OBJECT, objectId: a.id, before: { state: a.state }, after: { state: 'void', reason: input.reason }, message: `作废事前申请 ${a.number}：${input.reason}` });
    return appDetail(ctx.db, a.id);
  },

  'expenses.accept': (ctx, input) => {
    const a = loadApp(ctx.db, input.applicationId);
    if (a.state !== 'approved') refuse(`事前申请${a.number}为“${APP_STATE_LABELS[a.state]}”：先审批后执行，批准后才能验收`, 'applicationId');
    if (acceptanceOf(ctx.db, a.id)) refuse(`事前申请${a.number}已验收`, 'applicationId');
    const witness = activeUser(ctx.db, input.witnessId, '验收人', 'witnessId');
    if (witness.id === a.applicant_id) refuse('验收人不能是申请人本人：须由他人证明或验收', 'witnessId');
    const acceptedOn = pastDate(ctx, input.acceptedOn, '验收日期', 'acceptedOn', { date: a.applied_on, what: '申请日期' });
    const threshold = suppliesSettings(ctx.db).assetThreshold;
    const xid = insertRow(ctx.db, 'expense_acceptances', { app_id: a.id, witness_id: witness.id, witness_name: witness.name, accepted_on: acceptedOn, result: input.result, recorded_by_id: ctx.me().userId, created_at: ctx.nowIso });
    input.lines.forEach((l, i) => {
      if (l.assetCardId && !stmt(ctx.db, 'SELECT 1 FROM asset_cards WHERE id = ?').get(l.assetCardId)) refuse('固定资产卡片不存在', `lines.${i}.assetCardId`);
      insertRow(ctx.db, 'expense_acceptance_lines', { acceptance_id: xid, line_no: i + 1, name: l.name, quantity: l.quantity, unit_price_fen: l.unitPriceFen, fixed_asset: l.unitPriceFen >= threshold ? 1 : 0, asset_card_id: l.assetCardId ?? null });
    });
    const d = appDetail(ctx.db, a.id);
    const assets = d.acceptance!.lines.filter((l) => l.fixedAsset);
    ctx.note({
      objectType: EXP_APP_OBJECT,
      objectId: a.id,
      after: { acceptedOn, witness: witness.name, result: input.result, lines: input.lines },
      message: `事后验收 ${a.number}：验收人 ${witness.name}，${input.result}${assets.length ? `；${assets.length} 项达到固定资产标准，须登记卡片` : ''}`,
    });
    return d;
  },

  'expenses.linkAsset': (ctx, input) => {
    const l = stmt(ctx.db, 'SELECT l.id, l.name, l.asset_card_id AS card, x.app_id AS appId FROM expense_acceptance_lines l JOIN expense_acceptances x ON x.id = l.acceptance_id WHERE l.id = ?').get(input.lineId) as
      | { id: number; name: string; card: number | null; appId: number }
      | undefined;
    if (!l) throw new DomainError('not_found', '验收明细不存在', 'lineId');
    if (l.card) refuse(`“${l.name}”已关联固定资产卡片`, 'lineId');
    const card = stmt(ctx.db, 'SELECT id, number, name FROM asset_cards WHERE id = ?').get(input.assetCardId) as { id: number; number: string; name: string } | undefined;
    if (!card) throw new DomainError('not_found', '固定资产卡片不存在', 'assetCardId');
    const other = stmt(ctx.db, 'SELECT x.app_id AS appId FROM expense_acceptance_lines l JOIN expense_acceptances x ON x.id = l.acceptance_id WHERE l.asset_card_id = ?').get(card.id) as { appId: number } | undefined;
    if (other) refuse(`固定资产卡片 ${card.number} 已关联到 ${loadApp(ctx.db, other.appId).number} 的验收物品`, 'assetCardId');
    updateRow(ctx.db, 'expense_acceptance_lines', l.id, { asset_card_id: card.id });
    const a = loadApp(ctx.db, l.appId);
    ctx.note({ objectType: EXP_APP_OBJECT, objectId: a.id, after: { line: l.name, assetCard: card.number }, message: `${a.number} 验收物品“${l.name}”关联固定资产卡片 ${card.number}（${card.name}）` });
    return appDetail(ctx.db, a.id);
  },

  'expenses.appList': (ctx, input) => ({ rows: listApps(ctx.db, input, input.sort, input.pageSize, (input.page - 1) * input.pageSize), total: countApps(ctx.db, input) }),
  'expenses.appGet': (ctx, input) => appDetail(ctx.db, input.id),

  // ---- reimbursements ----
  'expenses.claim': (ctx, input) => {
    const a = loadApp(ctx.db, input.applicationId);
    if (a.state !== 'approved') refuse(`事前申请${a.number}为“${APP_STATE_LABELS[a.state]}”：报销须有已批准的事前申请`, 'applicationId');
    const blockers = claimBlockers(a, acceptanceOf(ctx.db, a.id));
    if (blockers.length) refuse(`${a.number}还不能报销：${blockers.join('；')}`, 'applicationId');
    const acceptance = acceptanceOf(ctx.db, a.id)!;
    // 重复报销: an invoice (its canonical number, whatever the amount) already on another live claim.
    input.lines.forEach((l, i) => {
      const dup = stmt(
        ctx.db,
        'SELECT k.number, l.amount_fen AS amountFen FROM expense_claim_lines l JOIN expense_claims k ON k.id = l.claim_id WHERE l.invoice_no = ? AND l.active = 1 LIMIT 1',
      ).get(l.invoiceNo) as { number: string; amountFen: number } | undefined;
      if (dup) refuse(`发票 ${l.invoiceNo} 已在报销单${dup.number}中报销（${yuan(dup.amountFen)}），不能重复报销`, `lines.${i}.invoiceNo`);
      if (l.invoiceDate > today(ctx)) refuse('开票日期不能晚于今天', `lines.${i}.invoiceDate`);
    });
    const total = input.lines.reduce((s, l) => s + l.amountFen, 0);
    if (total > 1_000_000_000_000) refuse('报销总额超出允许范围', 'lines');
    const s = expensesSettings(ctx.db);
    const cumulative = claimedAgainst(ctx.db, a.id) + total;
    if (cumulative >= s.largeFrom && !a.decision_id) {
      refuse(`累计报销 ${yuan(cumulative)} 达到大额资金标准（${yuan(s.largeFrom)}），而事前申请${a.number}没有党组会议决定，须重新申请`, 'lines');
    }
    if (a.decision_id && cumulative > a.estimated_fen) checkLargeDecision(ctx, a.decision_id, cumulative, a.id);
    const over = cumulative > a.estimated_fen;
    let advanceNumber: string | null = null;
    if (input.advanceId) {
      const v = loadAdvance(ctx.db, input.advanceId);
      if (v.state !== 'outstanding') refuse(`借支${v.number}为“${ADVANCE_STATE_LABELS[v.state]}”，不能冲账`, 'advanceId');
      if (v.borrower_id !== a.applicant_id) refuse(`借支${v.number}的借款人是${v.borrower_name}，不是本次报销的经办人`, 'advanceId');
      advanceNumber = v.number;
    }
    const claimedOn = pastDate(ctx, input.claimedOn, '报销日期', 'claimedOn', { date: acceptance.acceptedOn, what: '验收日期' });
    const year = Number(claimedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, CLAIM_SEQ, year);
    const steps = claimSteps(ctx.db, s, a, { id: acceptance.witnessId, name: acceptance.witnessName }, over);
    const id = insertRow(ctx.db, 'expense_claims', {
      year,
      seq,
      number: formatNumber('报销', year, seq),
      claimed_on: claimedOn,
      app_id: a.id,
      applicant_id: a.applicant_id,
      applicant_name: a.applicant_name,
      department: a.department,
      category_id: a.category_id,
      purpose: a.purpose,
      advance_id: input.advanceId ?? null,
      payment_method: input.paymentMethod,
      payee: input.payee,
      total_fen: total,
      approved_fen: a.estimated_fen,
      over_approved: over ? 1 : 0,
      steps: JSON.stringify(steps),
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    input.lines.forEach((l, i) =>
      insertRow(ctx.db, 'expense_claim_lines', { claim_id: id, line_no: i + 1, invoice_no: l.invoiceNo, invoice_date: l.invoiceDate, description: l.description, amount_fen: l.amountFen }),
    );
    const d = claimDetail(ctx.db, id);
    ctx.note({
      objectType: EXP_CLAIM_OBJECT,
      objectId: id,
      after: { number: d.number, application: a.number, totalFen: total, approvedFen: a.estimated_fen, over, paymentMethod: input.paymentMethod, advance: advanceNumber, invoices: input.lines.map((l) => `${l.invoiceNo} ${l.amountFen}`) },
      message: `报销单 ${d.number}：${a.applicant_name}，${a.purpose}，${input.lines.length} 张发票共 ${yuan(total)}${over ? `，超出批准金额 ${yuan(a.estimated_fen)}，须超额审批` : ''}${advanceNumber ? `，冲借支 ${advanceNumber}` : ''}`,
    });
    return d;
  },

  'expenses.sign': (ctx, input) => {
    const k = loadClaim(ctx.db, input.id);
    if (k.state !== 'signing') refuse(`报销单${k.number}为“${CLAIM_STATE_LABELS[k.state]}”，不能签批`, 'id');
    const steps = stepsOf(k.steps);
    const step = steps[k.signed_steps];
    const field = input.approval.mode === 'paper' ? 'approval.signerId' : 'approval.login';
    if (step.name === '经办人') {
      // The handler signs last for the documents: they must be complete before the chain starts.
      if (countAttachments(ctx.db, EXP_CLAIM_OBJECT, k.id, 'receipt') === 0) refuse('请先上传发票或收据的扫描件（附单据至少 1 张）', 'attachments');
      const cat = category(ctx.db, k.category_id);
      if (cat.needsBasis && countAttachments(ctx.db, EXP_CLAIM_OBJECT, k.id, 'basis') === 0) refuse(`“${cat.name}”每次支付都须附文件依据：请上传文件依据的扫描件`, 'attachments');
      if (input.approval.decision === 'rejected') refuse('经办人不能驳回自己的报销单；如需撤回请作废', 'approval.decision');
    }
    if (step.name === '分管领导' && input.approval.decision === 'approved' && !input.approval.comment?.trim()) {
      refuse('分管领导须填写合法合规性审核意见', 'approval.comment');
    }
    const signerId = input.approval.mode === 'paper' ? input.approval.signerId : ctx.cosign?.userId;
    const REVIEW = ['科室负责人', '分管领导', '财务审核', '单位负责人'];
    if (signerId && REVIEW.includes(step.name)) {
      const twice = stmt(ctx.db, `SELECT step FROM approvals WHERE object_type = ? AND object_id = ? AND approver_id = ? AND step IN (${REVIEW.map(() => '?').join(',')})`).get(EXP_CLAIM_OBJECT, k.id, signerId, ...REVIEW) as
        | { step: string }
        | undefined;
      // Unless the bureau named this very person for the step (a 局长 who is also the office's 分管领导).
      const onlyThem = step.allowedIds?.length === 1 && step.allowedIds[0] === signerId;
      if (twice && !onlyThem) refuse(`同一人不能签批同一报销单的两个审核环节（已签“${twice.step}”）`, field);
    }
    const selfSign = step.name === '经办人' || step.name === '验收人';
    const a = recordApproval(ctx, {
      objectType: EXP_CLAIM_OBJECT,
      objectId: k.id,
      subject: k.number,
      step: step.name,
      roles: stepRoles(step.name),
      allowedUserIds: step.allowedIds ?? undefined,
      excludedUserIds: selfSign ? [] : [k.applicant_id, k.recorded_by_id],
      input: input.approval,
      notBefore: { date: k.claimed_on, what: '单据日期' },
    });
    const last = k.signed_steps + 1 === steps.length;
    if (a.decision === 'rejected') {
      updateRow(ctx.db, 'expense_claims', k.id, { state: 'rejected', updated_at: ctx.nowIso });
      stmt(ctx.db, 'UPDATE expense_claim_lines SET active = 0 WHERE claim_id = ?').run(k.id);
    } else {
      updateRow(ctx.db, 'expense_claims', k.id, { signed_steps: k.signed_steps + 1, state: last ? 'approved' : 'signing', updated_at: ctx.nowIso });
    }
    const d = claimDetail(ctx.db, k.id);
    ctx.note({
      objectType: EXP_CLAIM_OBJECT,
      objectId: k.id,
      before: { state: k.state, signedSteps: k.signed_steps },
      after: { state: d.state, step: step.name, decision: a.decision, signer: a.approverName, mode: input.approval.mode, comment: input.approval.comment },
      message: `报销签批（${step.name}）：${a.approverName}${a.decision === 'approved' ? '签字同意' : '退回'} ${k.number}${input.approval.comment ? `，意见：${input.approval.comment}` : ''}`,
    });
    return d;
  },

  'expenses.pay': (ctx, input) => {
    const k = loadClaim(ctx.db, input.id);
    if (k.state !== 'approved') refuse(`报销单${k.number}为“${CLAIM_STATE_LABELS[k.state]}”：签批完成后才能支付`, 'id');
    // Re-checked at the moment money leaves: an asset card must exist for every fixed-asset line.
    const blockers = assetCardsMissing(acceptanceOf(ctx.db, k.app_id));
    if (blockers.length) refuse(blockers.join('；'), 'id');
    const paidOn = pastDate(ctx, input.paidOn, '支付日期', 'paidOn', { date: k.claimed_on, what: '报销日期' });
    let offset = 0;
    if (k.advance_id) {
      const v = loadAdvance(ctx.db, k.advance_id);
      if (v.state === 'outstanding') {
        offset = Math.min(k.total_fen, v.amount_fen - v.settled_fen);
        settle(ctx, v.id, 'claim', offset, paidOn, k.id, `报销单${k.number}冲账`);
      }
    }
    const payout = k.total_fen - offset;
    if (k.payment_method === 'cash' && payout > 0) {
      cashMove(ctx, { kind: 'payment', date: paidOn, note: `${k.applicant_name}报销：${k.purpose}`.slice(0, 200), outFen: payout, refType: EXP_CLAIM_OBJECT, refId: k.id, refNumber: k.number }, 'id');
    }
    updateRow(ctx.db, 'expense_claims', k.id, { state: 'paid', paid_on: paidOn, voucher_no: input.voucherNo, offset_fen: offset, updated_at: ctx.nowIso });
    const d = claimDetail(ctx.db, k.id);
    ctx.note({
      objectType: EXP_CLAIM_OBJECT,
      objectId: k.id,
      before: { state: k.state },
      after: { state: 'paid', paidOn, voucherNo: input.voucherNo, offsetFen: offset, payoutFen: payout, method: k.payment_method },
      message: `支付报销单 ${k.number}：${yuan(k.total_fen)}${offset ? `（冲借支 ${yuan(offset)}，实付 ${yuan(payout)}）` : ''}，${PAYMENT_METHOD_LABELS[k.payment_method]}，凭证号 ${input.voucherNo}`,
    });
    return d;
  },

  'expenses.claimReverse': (ctx, input) => {
    const k = loadClaim(ctx.db, input.id);
    if (k.state !== 'paid') refuse(`报销单${k.number}为“${CLAIM_STATE_LABELS[k.state]}”：只有已支付的报销单才红字冲销${k.state === 'void' || k.state === 'rejected' ? '' : '，未支付的请作废'}`, 'id');
    if (stmt(ctx.db, 'SELECT 1 FROM expense_claim_reversals WHERE claim_id = ?').get(k.id)) refuse(`报销单${k.number}已红字冲销`, 'id');
    const on = pastDate(ctx, input.reversedOn, '冲销日期', 'reversedOn', { date: k.paid_on, what: '支付日期' });
    // What the payment did is undone in the same terms: cash back into the fund, the advance re-opened.
    const payout = k.total_fen - k.offset_fen;
    const cashBack = k.payment_method === 'cash' ? payout : 0;
    if (cashBack > 0) {
      cashMove(ctx, { kind: 'return', date: on, note: `报销单${k.number}红字冲销，款项退回备用金`, inFen: cashBack, refType: EXP_CLAIM_OBJECT, refId: k.id, refNumber: k.number }, 'reversedOn');
    }
    if (k.offset_fen > 0 && k.advance_id) {
      const v = loadAdvance(ctx.db, k.advance_id);
      updateRow(ctx.db, 'expense_advances', v.id, { settled_fen: v.settled_fen - k.offset_fen, state: 'outstanding', updated_at: ctx.nowIso });
    }
    insertRow(ctx.db, 'expense_claim_reversals', {
      claim_id: k.id,
      reversed_on: on,
      voucher_no: input.voucherNo,
      reason: input.reason,
      cash_back_fen: cashBack,
      advance_reopened_fen: k.offset_fen,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
    });
    // Its invoices are free for the corrected claim.
    stmt(ctx.db, 'UPDATE expense_claim_lines SET active = 0 WHERE claim_id = ?').run(k.id);
    ctx.note({
      objectType: EXP_CLAIM_OBJECT,
      objectId: k.id,
      before: { state: 'paid' },
      after: { reversedOn: on, voucherNo: input.voucherNo, reason: input.reason, cashBackFen: cashBack, advanceReopenedFen: k.offset_fen },
      message: `红字冲销报销单 ${k.number}：${yuan(k.total_fen)}，红字凭证号 ${input.voucherNo}（${input.reason}）${cashBack ? `，${yuan(cashBack)} 退回备用金` : ''}${k.offset_fen ? `，借支恢复未结清 ${yuan(k.offset_fen)}` : ''}`,
    });
    return claimDetail(ctx.db, k.id);
  },

  'expenses.claimVoid': (ctx, input) => {
    const k = loadClaim(ctx.db, input.id);
    if (k.state === 'paid') refuse(`报销单${k.number}已支付，不能作废：如有差错请“红字冲销”后重新填写`, 'id');
    if (k.state === 'void' || k.state === 'rejected') refuse(`报销单${k.number}为“${CLAIM_STATE_LABELS[k.state]}”，无需作废`, 'id');
    updateRow(ctx.db, 'expense_claims', k.id, { state: 'void', void_reason: input.reason, voided_at: ctx.nowIso, voided_by_id: ctx.me().userId, updated_at: ctx.nowIso });
    stmt(ctx.db, 'UPDATE expense_claim_lines SET active = 0 WHERE claim_id = ?').run(k.id);
    ctx.note({ objectType: EXP_CLAIM_OBJECT, objectId: k.id, before: { state: k.state }, after: { state: 'void', reason: input.reason }, message: `作废报销单 ${k.number}：${input.reason}` });
    return claimDetail(ctx.db, k.id);
  },

  'expenses.list': (ctx, input) => ({ rows: listClaims(ctx.db, input, input.sort, input.pageSize, (input.page - 1) * input.pageSize), total: countClaims(ctx.db, input) }),
  'expenses.get': (ctx, input) => claimDetail(ctx.db, input.id),

  // ---- advances ----
  'expenses.advance': (ctx, input) => {
    const borrower = activeUser(ctx.db, input.borrowerId, '借款人', 'borrowerId');
    const appliedOn = pastDate(ctx, input.appliedOn, '申请日期', 'appliedOn');
    const s = expensesSettings(ctx.db);
    const due = input.dueOn ?? addMonths(appliedOn, s.advanceDueMonths);
    if (due < appliedOn) refuse('还款期限不能早于申请日期', 'dueOn');
    // 前账不清不借: overdue as of the day of this application (a paper one may be entered later).
    const open = stmt(ctx.db, "SELECT number FROM expense_advances WHERE borrower_id = ? AND state = 'outstanding' AND due_on < ? LIMIT 1").get(borrower.id, appliedOn) as { number: string } | undefined;
    if (open) refuse(`${borrower.name}有逾期未还的借支${open.number}，前账未清不得再借`, 'borrowerId');
    const year = Number(appliedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, ADVANCE_SEQ, year);
    const steps = tierSteps(ctx.db, s, input.amountFen, borrower.department);
    const id = insertRow(ctx.db, 'expense_advances', {
      year,
      seq,
      number: formatNumber('借支', year, seq),
      applied_on: appliedOn,
      borrower_id: borrower.id,
      borrower_name: borrower.name,
      department: borrower.department,
      purpose: input.purpose,
      amount_fen: input.amountFen,
      due_on: due,
      payment_method: input.paymentMethod,
      steps: JSON.stringify(steps),
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    const d = advanceDetail(ctx.db, id, ctx);
    ctx.note({ objectType: EXP_ADVANCE_OBJECT, objectId: id, after: { number: d.number, borrower: borrower.name, amountFen: input.amountFen, dueOn: due, purpose: input.purpose }, message: `借支申请 ${d.number}：${borrower.name}借 ${yuan(input.amountFen)}，${input.purpose}，${due} 前还清` });
    return d;
  },

  'expenses.advanceApprove': (ctx, input) => {
    const v = loadAdvance(ctx.db, input.id);
    if (v.state !== 'pending') refuse(`借支${v.number}为“${ADVANCE_STATE_LABELS[v.state]}”，不能审批`, 'id');
    const { a, step, last, approvers } = approveStep(ctx, EXP_ADVANCE_OBJECT, v, [v.borrower_id, v.recorded_by_id], input.approval);
    if (a.decision === 'rejected') updateRow(ctx.db, 'expense_advances', v.id, { state: 'rejected', updated_at: ctx.nowIso });
    else updateRow(ctx.db, 'expense_advances', v.id, { approved_steps: v.approved_steps + 1, approvers, state: last ? 'approved' : 'pending', updated_at: ctx.nowIso });
    const d = advanceDetail(ctx.db, v.id, ctx);
    ctx.note({ objectType: EXP_ADVANCE_OBJECT, objectId: v.id, before: { state: v.state }, after: { state: d.state, step: step.name, decision: a.decision, approver: a.approverName }, message: `借支审批（${step.name}）：${a.approverName}${a.decision === 'approved' ? '批准' : '驳回'} ${v.number}` });
    return d;
  },

  'expenses.advancePay': (ctx, input) => {
    const v = loadAdvance(ctx.db, input.id);
    if (v.state !== 'approved') refuse(`借支${v.number}为“${ADVANCE_STATE_LABELS[v.state]}”：批准后才能付款`, 'id');
    const paidOn = pastDate(ctx, input.paidOn, '付款日期', 'paidOn', { date: v.applied_on, what: '申请日期' });
    if (v.payment_method === 'cash') cashMove(ctx, { kind: 'advance', date: paidOn, note: `${v.borrower_name}借支：${v.purpose}`.slice(0, 200), outFen: v.amount_fen, refType: EXP_ADVANCE_OBJECT, refId: v.id, refNumber: v.number }, 'id');
    updateRow(ctx.db, 'expense_advances', v.id, { state: 'outstanding', paid_on: paidOn, updated_at: ctx.nowIso });
    ctx.note({ objectType: EXP_ADVANCE_OBJECT, objectId: v.id, before: { state: v.state }, after: { state: 'outstanding', paidOn }, message: `借支付款 ${v.number}：${v.borrower_name} ${yuan(v.amount_fen)}（${v.payment_method === 'cash' ? '现金' : '转账'}）` });
    return advanceDetail(ctx.db, v.id, ctx);
  },

  'expenses.advanceReturn': (ctx, input) => {
    const v = loadAdvance(ctx.db, input.id);
    if (v.state !== 'outstanding') refuse(`借支${v.number}为“${ADVANCE_STATE_LABELS[v.state]}”，不能还款`, 'id');
    const outstanding = v.amount_fen - v.settled_fen;
    if (input.amountFen > outstanding) refuse(`还款金额不能超过未结清金额 ${yuan(outstanding)}`, 'amountFen');
    const on = pastDate(ctx, input.returnedOn, '还款日期', 'returnedOn', { date: v.paid_on, what: '付款日期' });
    cashMove(ctx, { kind: 'return', date: on, note: `${v.borrower_name}归还借支${input.note ? `：${input.note}` : ''}`.slice(0, 200), inFen: input.amountFen, refType: EXP_ADVANCE_OBJECT, refId: v.id, refNumber: v.number }, 'returnedOn');
    settle(ctx, v.id, 'cash', input.amountFen, on, null, input.note);
    const d = advanceDetail(ctx.db, v.id, ctx);
    ctx.note({ objectType: EXP_ADVANCE_OBJECT, objectId: v.id, before: { settledFen: v.settled_fen }, after: { settledFen: d.settledFen, state: d.state }, message: `借支还款 ${v.number}：${v.borrower_name}交回现金 ${yuan(input.amountFen)}${d.state === 'settled' ? '，已结清' : `，尚欠 ${yuan(d.outstandingFen)}`}` });
    return d;
  },

  'expenses.advanceVoid': (ctx, input) => {
    const v = loadAdvance(ctx.db, input.id);
    if (!['pending', 'approved'].includes(v.state)) refuse(`借支${v.number}为“${ADVANCE_STATE_LABELS[v.state]}”，不能作废${v.state === 'outstanding' ? '：款项已付出，须报销冲账或还款' : ''}`, 'id');
    updateRow(ctx.db, 'expense_advances', v.id, { state: 'void', void_reason: input.reason, voided_at: ctx.nowIso, voided_by_id: ctx.me().userId, updated_at: ctx.nowIso });
    ctx.note({ objectType: EXP_ADVANCE_OBJECT, objectId: v.id, before: { state: v.state }, after: { state: 'void', reason: input.reason }, message: `作废借支 ${v.number}：${input.reason}` });
    return advanceDetail(ctx.db, v.id, ctx);
  },

  'expenses.advanceList': (ctx, input) => {
    const t = today(ctx);
    return { rows: listAdvances(ctx.db, input, input.sort, input.pageSize, (input.page - 1) * input.pageSize, t), total: countAdvances(ctx.db, input, t) };
  },
  'expenses.advanceGet': (ctx, input) => advanceDetail(ctx.db, input.id, ctx),

  // ---- petty cash ----
  'expenses.cashEntry': (ctx, input) => {
    const last = cashBalance(ctx.db);
    if (input.kind === 'opening' && last) refuse('备用金已建账，不能再次登记期初余额；补充请选择“补充备用金”', 'kind');
    const date = pastDate(ctx, input.entryDate, '日期', 'entryDate');
    const id = cashMove(ctx, { kind: input.kind, date, note: input.note, inFen: input.amountFen }, 'entryDate');
    const r = cashRow(ctx.db, id);
    ctx.note({ objectType: EXP_CASH_OBJECT, objectId: id, after: r, message: `备用金${CASH_KIND_LABELS[input.kind]}：${yuan(input.amountFen)}，余额 ${yuan(r.balanceFen)}` });
    return r;
  },

  'expenses.cashCount': (ctx, input) => {
    if (input.month > today(ctx).slice(0, 7)) refuse('不能盘点未来的月份', 'month');
    if (stmt(ctx.db, 'SELECT 1 FROM petty_cash_counts WHERE month = ?').get(input.month)) refuse(`${input.month} 已盘点`, 'month');
    const checker = activeUser(ctx.db, input.checkerId, '监盘人', 'checkerId');
    if (checker.id === ctx.me().userId) refuse('监盘人不能是盘点人本人', 'checkerId');
    const book = (stmt(ctx.db, 'SELECT balance_fen AS b FROM petty_cash WHERE entry_date <= ? ORDER BY id DESC LIMIT 1').get(`${input.month}-31`) as { b: number } | undefined)?.b ?? 0;
    if (input.countedFen !== book && !input.note) refuse(`实点 ${yuan(input.countedFen)} 与账面 ${yuan(book)} 不符，请说明原因`, 'note');
    const id = insertRow(ctx.db, 'petty_cash_counts', { month: input.month, book_fen: book, counted_fen: input.countedFen, counted_by_id: ctx.me().userId, checker_id: checker.id, note: input.note, counted_at: ctx.nowIso });
    const r = stmt(ctx.db, `${COUNT_SELECT} WHERE c.id = ?`).get(id) as CountRow;
    ctx.note({ objectType: EXP_CASH_OBJECT, objectId: `count-${input.month}`, after: r, message: `备用金 ${input.month} 月末盘点：账面 ${yuan(book)}，实点 ${yuan(input.countedFen)}${r.differenceFen ? `，差额 ${yuan(r.differenceFen)}` : '，账实相符'}` });
    return r;
  },

  'expenses.cashList': (ctx, input) => cashList(ctx.db, input, input.pageSize, (input.page - 1) * input.pageSize),
  'expenses.cashStatus': (ctx) => {
    const last = cashBalance(ctx.db);
    const counts = stmt(ctx.db, `${COUNT_SELECT} ORDER BY c.month DESC LIMIT 24`).all() as CountRow[];
    return { opened: !!last, balanceFen: last?.b ?? 0, lastCount: counts[0] ?? null, counts };
  },

  // ---- attachments (a receipt can belong to one claim only) ----
  ...attachmentHandlers('expenses', EXPENSE_ATTACHABLES, { oneRecordPerFile: true }),

  'expenses.monthly': (ctx, input) => monthlySummary(ctx.db, input.year),
  'expenses.attention': (ctx) => {
    const t = today(ctx);
    const n = (sql: string, ...args: unknown[]) => (stmt(ctx.db, sql).get(...args) as { n: number }).n;
    const overdueRows = stmt(
      ctx.db,
      "SELECT id, number, borrower_name AS name, amount_fen - settled_fen AS amountFen, due_on AS date FROM expense_advances WHERE state = 'outstanding' AND due_on < ? ORDER BY due_on LIMIT 5",
    ).all(t) as { id: number; number: string; name: string; amountFen: number; date: string }[];
    const last = cashBalance(ctx.db);
    // The newest month with cash movements before this one, if it has no count yet.
    const lastMonth = (stmt(ctx.db, 'SELECT substr(entry_date, 1, 7) AS m FROM petty_cash WHERE entry_date < ? ORDER BY id DESC LIMIT 1').get(`${t.slice(0, 7)}-01`) as { m: string } | undefined)?.m ?? null;
    const uncounted = lastMonth && !stmt(ctx.db, 'SELECT 1 FROM petty_cash_counts WHERE month = ?').get(lastMonth) ? lastMonth : null;
    return {
      pendingApps: n("SELECT count(*) AS n FROM expense_apps WHERE state = 'pending'"),
      signing: n("SELECT count(*) AS n FROM expense_claims WHERE state = 'signing'"),
      awaitingPayment: n("SELECT count(*) AS n FROM expense_claims WHERE state = 'approved'"),
      outstandingAdvances: n("SELECT count(*) AS n FROM expense_advances WHERE state = 'outstanding'"),
      outstandingFen: n("SELECT coalesce(sum(amount_fen - settled_fen), 0) AS n FROM expense_advances WHERE state = 'outstanding'"),
      overdueAdvances: n("SELECT count(*) AS n FROM expense_advances WHERE state = 'outstanding' AND due_on < ?", t),
      overdueRows,
      cashBalanceFen: last ? last.b : null,
      uncountedMonth: uncounted,
    };
  },
};

/** YYYY-MM-DD plus whole months, clamped to the month's last day (1-31 + 1 month → 2-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
