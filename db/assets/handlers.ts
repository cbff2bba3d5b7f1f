// The assets area: cards, their movements, disposal (approval first; a collective decision at or
// above the configured value), and verification (清查). 0060-supplies.sql repeats the rules SQL can
// state: numbers unique, nothing deleted, no card leaves the books without an approved disposal.
import type { Ctx, PartialHandlers } from '../core/context';
import {
  ASSET_CARD_OBJECT,
  ASSET_CHECK_OBJECT,
  ASSET_DISPOSAL_OBJECT,
  ASSET_MOVE_LABELS,
  ASSET_SETTINGS_OBJECT,
  CHECK_RESULT_LABELS,
  CHECK_STATE_LABELS,
  DISPOSAL_METHOD_LABELS,
  DISPOSAL_STATE_LABELS,
  type AssetStatus,
  type CheckDetail,
  type DisposalDetail,
  type assetsMethods,
} from '../contract/assets';
import { DomainError, refuse } from '../core/errors';
import { formatNumber, nextNumber } from '../core/numbering';
import { recordApproval } from '../core/approvals';
import { activeUser, insertRow, pastDate, stmt, today, updateRow } from '../core/rows';
import { assetsSettings, saveAssetsSettings } from '../core/area-settings';
import { yuan } from '../core/money';

type C = Ctx<unknown>;
import { cardsFor, createCard, lastMoveOn, loadCard, moveCard, type MoveSpec } from './cards';
import {
  ASSET_MOVEMENT_SELECT,
  CARD_ORDER,
  CARD_SELECT,
  CHECK_PREFIX,
  CHECK_SELECT,
  CHECK_SEQ,
  DISPOSAL_PREFIX,
  DISPOSAL_SELECT,
  DISPOSAL_SEQ,
  cardRow,
  cardWhere,
  checkLines,
  checkRow,
  checkWhere,
  disposalRow,
  disposalWhere,
  holderText,
  movementWhere,
  toAssetMovement,
  toCard,
  toCheckRow,
  toDisposalRow,
  type AssetMovementDbRow,
  type CardDbRow,
  type CheckDbRow,
  type DisposalDbRow,
} from './queries';
import { checkDecision } from '../core/decisions';
import { shanghaiDateOf } from '../core/time';

type Keys = keyof typeof assetsMethods;

// ---- detail views ----

function cardDetail(ctx: Pick<C, 'db'>, id: number) {
  const card = toCard(cardRow(ctx.db, id)!);
  const movements = (stmt(ctx.db, `${ASSET_MOVEMENT_SELECT} WHERE m.asset_id = ? ORDER BY m.id DESC`).all(id) as AssetMovementDbRow[]).map(toAssetMovement);
  const disposals = (stmt(ctx.db, `${DISPOSAL_SELECT} WHERE d.id IN (SELECT disposal_id FROM asset_disposal_items WHERE asset_id = ?) ORDER BY d.id DESC`).all(id) as DisposalDbRow[]).map(toDisposalRow);
  return { card, movements, disposals };
}

function disposalDetail(ctx: Pick<C, 'db'>, id: number): DisposalDetail {
  const r = disposalRow(ctx.db, id)!;
  const assets = (stmt(ctx.db, `${CARD_SELECT} WHERE c.id IN (SELECT asset_id FROM asset_disposal_items WHERE disposal_id = ?) ORDER BY c.year, c.seq, c.number`).all(id) as CardDbRow[]).map(toCard);
  return { ...toDisposalRow(r), recordedById: r.recorded_by_id, applicantId: r.applicant_id, decisionThreshold: assetsSettings(ctx.db).decisionThreshold, assets };
}

function checkDetail(ctx: Pick<C, 'db'>, id: number): CheckDetail {
  return {
    ...toCheckRow(checkRow(ctx.db, id)!),
    lines: checkLines(ctx.db, id).map((l) => ({
      id: l.id,
      assetId: l.asset_id,
      number: l.number,
      name: l.name,
      model: l.model,
      originalValue: l.original_value,
      bookDepartment: l.book_department,
      bookUser: l.book_user,
      bookLocation: l.book_location,
      bookStatus: l.book_status,
      result: l.result,
      actualLocation: l.actual_location,
      note: l.note,
    })),
  };
}

function loadDisposal(ctx: C, id: number): DisposalDbRow {
  const r = disposalRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '处置申请不存在', 'id');
  return r;
}
function loadCheck(ctx: C, id: number): CheckDbRow {
  const r = checkRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '清查表不存在', 'id');
  return r;
}

const cardsOut = (ctx: C, ids: number[]) => ids.map((id) => toCard(cardRow(ctx.db, id)!));
const numbers = (rows: CardDbRow[]) => (rows.length > 3 ? `${rows.slice(0, 3).map((r) => r.number).join('、')} 等 ${rows.length} 项` : rows.map((r) => r.number).join('、'));

/** Run one kind of movement over a batch of cards, audited as one entry. */
function moveBatch(ctx: C, ids: number[], date: string | undefined, spec: MoveSpec, message: (rows: CardDbRow[]) => string) {
  const d = date ?? today(ctx);
  const rows = cardsFor(ctx, ids, spec, d);
  for (const r of rows) moveCard(ctx, r, spec, d);
  const out = cardsOut(ctx, ids);
  ctx.note({
    objectType: ASSET_CARD_OBJECT,
    objectId: ids.length === 1 ? ids[0] : undefined,
    before: rows.map((r) => ({ number: r.number, status: r.status, holder: holderText(r) })),
    after: { kind: ASSET_MOVE_LABELS[spec.kind], date: d, cards: out.map((c) => ({ id: c.id, number: c.number, status: c.status, holder: holderText({ department: c.department, user_name: c.userName, location: c.location }) })), note: spec.note },
    message: message(rows),
  });
  return out;
}

/** The collective decision a disposal cites: checked in the minutes register where that can be done. */
function resolveDecision(ctx: C, decisionId: number | null | undefined, decisionRef: string, required: boolean, total: number, threshold: number) {
  if (required && !decisionId && !decisionRef) {
    refuse(`处置资产原值合计 ${yuan(total)}，达到集体决策标准（${yuan(threshold)}），须经党组会议集体研究：请选择会议决定事项或填写决策依据`, 'decisionRef');
  }
  if (!decisionId) return { id: null, label: null as string | null, verified: 0 };
  const c = checkDecision(ctx.db, decisionId);
  if (c.status === 'missing') throw new DomainError('not_found', '所选会议决定事项不存在', 'decisionId');
  if (c.status === 'unavailable') return { id: decisionId, label: null, verified: 0 };
  // A draft's decision is not yet a decision, and 三重一大 is decided by the 党组会议 alone.
  if (!c.finalised) refuse(`所选决定事项“${c.label}”所在的会议记录尚未定稿，不能作为处置依据`, 'decisionId');
  if (!c.partyGroup) refuse(`所选决定事项“${c.label}”不是党组会议的决定，三重一大事项须由党组会议集体决策`, 'decisionId');
  if (!c.passed) refuse(`所选决定事项“${c.label}”的表决结果不是通过，不能作为处置依据`, 'decisionId');
  return { id: decisionId, label: `${c.label}：${c.title}`, verified: c.finalised ? 1 : 0 };
}

/** Verify again (the minutes may have been finalised since); returns the disposal's verified flag. */
function reverify(ctx: C, r: DisposalDbRow): number {
  if (!r.decision_id || r.decision_verified) return r.decision_verified;
  const c = checkDecision(ctx.db, r.decision_id);
  if (c.status === 'found' && c.finalised && c.passed) {
    updateRow(ctx.db, 'asset_disposals', r.id, { decision_verified: 1, decision_label: `${c.label}：${c.title}`, updated_at: ctx.nowIso });
    return 1;
  }
  return 0;
}

export const assetsHandlers: PartialHandlers<Keys> = {
  'assets.settings': (ctx) => assetsSettings(ctx.db),

  'assets.setSettings': (ctx, input) => {
    const before = assetsSettings(ctx.db);
    saveAssetsSettings(ctx, input);
    const after = assetsSettings(ctx.db);
    ctx.note({ objectType: ASSET_SETTINGS_OBJECT, objectId: 'assets', before, after, message: `修改固定资产设置：编号规则 ${after.numberPattern}，集体决策标准 ${yuan(after.decisionThreshold)}` });
    return after;
  },

  // ---- cards ----

  'assets.list': (ctx, input) => {
    const w = cardWhere(input);
    const agg = stmt(ctx.db, `SELECT count(*) AS n, coalesce(sum(c.original_value), 0) AS v FROM asset_cards c ${w.sql}`).get(...w.args) as { n: number; v: number };
    const rows = stmt(ctx.db, `${CARD_SELECT} ${w.sql} ORDER BY ${CARD_ORDER[input.sort]} LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as CardDbRow[];
    return { rows: rows.map(toCard), total: agg.n, totalValue: agg.v };
  },

  'assets.get': (ctx, input) => {
    loadCard(ctx, input.id);
    return cardDetail(ctx, input.id);
  },

  'assets.byNumber': (ctx, input) => {
    const r = stmt(ctx.db, 'SELECT id FROM asset_cards WHERE number = ?').get(input.number) as { id: number } | undefined;
    if (!r) throw new DomainError('not_found', `没有编号为“${input.number}”的资产`, 'number');
    return cardDetail(ctx, r.id);
  },

  'assets.create': (ctx, input) => {
    if (input.purchasedOn > today(ctx)) refuse('购置日期不能晚于今天', 'purchasedOn');
    const bookedOn = pastDate(ctx, input.bookedOn, '入账日期', 'bookedOn', { date: input.purchasedOn, what: '购置日期' });
    const user = input.userId ? activeUser(ctx.db, input.userId, '使用人', 'userId') : null;
    if (user && !input.location) refuse('分配给使用人的资产请填写存放地点', 'location');
    const id = createCard(ctx, {
      number: input.number || undefined,
      name: input.name,
      category: input.category,
      brand: input.brand,
      model: input.model,
      serialNo: input.serialNo,
      originalValue: input.originalValue,
      fundingSource: input.fundingSource,
      purchaseMethod: input.purchaseMethod,
      purchasedOn: input.purchasedOn,
      bookedOn,
      supplier: input.supplier,
      department: input.department || user?.department || '',
      userId: user?.id ?? null,
      userName: user?.name ?? '',
      location: input.location,
      remarks: input.remarks,
      note: input.number ? '期初建账（沿用原资产编号）' : '登记入账',
    });
    const d = cardDetail(ctx, id);
    ctx.note({ objectType: ASSET_CARD_OBJECT, objectId: id, after: d.card, message: `登记资产卡片 ${d.card.number}：${d.card.name}，原值 ${yuan(d.card.originalValue)}` });
    return d;
  },

  'assets.update': (ctx, input) => {
    const r = loadCard(ctx, input.id);
    if (r.disposal_id) refuse(`资产 ${r.number} 已处置，卡片不可修改`, 'id');
    if (input.purchasedOn > r.booked_on) refuse(`购置日期不能晚于入账日期（${r.booked_on}）`, 'purchasedOn');
    if (r.open_disposal_id && input.originalValue !== r.original_value) refuse(`资产 ${r.number} 正在处置申请中，原值不可更正`, 'originalValue');
    const map: [keyof typeof input, keyof CardDbRow, string][] = [
      ['name', 'name', '资产名称'],
      ['category', 'category', '资产类别'],
      ['brand', 'brand', '品牌'],
      ['model', 'model', '规格型号'],
      ['serialNo', 'serial_no', '出厂编号'],
      ['originalValue', 'original_value', '原值'],
      ['fundingSource', 'funding_source', '资金来源'],
      ['purchaseMethod', 'purchase_method', '取得方式'],
      ['purchasedOn', 'purchased_on', '购置日期'],
      ['supplier', 'supplier', '供应商'],
      ['remarks', 'remarks', '备注'],
    ];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    for (const [k, col, label] of map) {
      if (input[k] === r[col]) continue;
      before[label] = r[col];
      after[label] = input[k];
      set[col] = input[k];
    }
    if (!Object.keys(set).length) refuse('更正后的内容与原卡片相同', 'name');
    updateRow(ctx.db, 'asset_cards', r.id, { ...set, updated_at: ctx.nowIso });
    const d = today(ctx);
    const last = lastMoveOn(ctx, r.id);
    insertRow(ctx.db, 'asset_movements', {
      asset_id: r.id,
      kind: 'amend',
      moved_on: last && last > d ? last : d,
      from_status: r.status,
      to_status: r.status,
      from_holder: holderText(r),
      to_holder: holderText(r),
      note: `更正 ${Object.keys(after).join('、')}：${input.amendReason}`,
      detail: JSON.stringify({ before, after, reason: input.amendReason }),
      recorded_by_id: ctx.me().userId,
      recorded_at: ctx.nowIso,
    });
    const out = cardDetail(ctx, r.id);
    ctx.note({ objectType: ASSET_CARD_OBJECT, objectId: r.id, before, after, message: `更正资产卡片 ${r.number}：${Object.keys(after).join('、')}（${input.amendReason}）` });
    return out;
  },

  'assets.assign': (ctx, input) => {
    const u = activeUser(ctx.db, input.userId, '使用人', 'userId');
    const dept = input.department || u.department;
    return moveBatch(
      ctx,
      input.assetIds,
      input.date,
      { kind: 'assign', from: ['idle'], apply: () => ({ status: 'inUse', user_id: u.id, user_name: u.name, department: dept, location: input.location }), note: input.note },
      (rows) => `资产领用分配：${numbers(rows)} 交 ${dept ? `${dept} ` : ''}${u.name}使用，存放于${input.location}`,
    );
  },

  'assets.transfer': (ctx, input) => {
    if (!input.userId && !input.department && !input.location) refuse('请填写新使用人、新使用部门或新存放地点', 'userId');
    const u = input.userId ? activeUser(ctx.db, input.userId, '新使用人', 'userId') : null;
    return moveBatch(
      ctx,
      input.assetIds,
      input.date,
      {
        kind: 'transfer',
        from: ['inUse'],
        apply: (r) => {
          const next = {
            user_id: u ? u.id : r.user_id,
            user_name: u ? u.name : r.user_name,
            department: input.department || (u ? u.department : r.department),
            location: input.location || r.location,
          };
          if (next.user_id === r.user_id && next.department === r.department && next.location === r.location) refuse(`资产 ${r.number} 的使用人、部门和地点都没有变化`, 'userId');
          return next;
        },
        note: input.note,
      },
      (rows) => `资产调拨转移：${numbers(rows)} → ${[input.department, u?.name, input.location].filter(Boolean).join(' / ')}（${input.note}）`,
    );
  },

  'assets.return': (ctx, input) =>
    moveBatch(
      ctx,
      input.assetIds,
      input.date,
      { kind: 'return', from: ['inUse'], apply: () => ({ status: 'idle', user_id: null, user_name: '', department: '', location: input.location }), note: input.note },
      (rows) => `资产交回：${numbers(rows)}，存放于${input.location}`,
    ),

  'assets.repairStart': (ctx, input) =>
    moveBatch(
      ctx,
      input.assetIds,
      input.date,
      { kind: 'repairStart', from: ['inUse', 'idle'], apply: (r) => ({ status: 'repair', before_repair: r.status as 'inUse' | 'idle' }), note: input.note },
      (rows) => `资产送修：${numbers(rows)}（${input.note}）`,
    ),

  'assets.repairEnd': (ctx, input) =>
    moveBatch(
      ctx,
      input.assetIds,
      input.date,
      { kind: 'repairEnd', from: ['repair'], apply: (r) => ({ status: (r.before_repair ?? 'idle') as AssetStatus }), note: input.note, cost: input.cost, allowInDisposal: true },
      (rows) => `资产修复：${numbers(rows)}（${input.note}${input.cost ? `，维修费 ${yuan(input.cost)}` : ''}）`,
    ),

  'assets.lose': (ctx, input) =>
    moveBatch(
      ctx,
      input.assetIds,
      input.date,
      { kind: 'lose', from: ['inUse', 'idle', 'repair'], apply: () => ({ status: 'lost' }), note: input.note },
      (rows) => `资产报失：${numbers(rows)}（${input.note}）`,
    ),

  'assets.find': (ctx, input) =>
    moveBatch(
      ctx,
      input.assetIds,
      input.date,
      { kind: 'find', from: ['lost'], apply: () => ({ status: 'idle', user_id: null, user_name: '', department: '', location: input.location }), note: input.note },
      (rows) => `资产找回：${numbers(rows)}，存放于${input.location}（${input.note}）`,
    ),

  'assets.movements': (ctx, input) => {
    const w = movementWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM asset_movements m ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${ASSET_MOVEMENT_SELECT} ${w.sql} ORDER BY m.moved_on DESC, m.id DESC LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as AssetMovementDbRow[];
    return { rows: rows.map(toAssetMovement), total };
  },

  'assets.labels': (ctx, input) =>
    input.ids.map((id, i) => {
      const r = cardRow(ctx.db, id);
      if (!r) throw new DomainError('not_found', '资产卡片不存在', `ids.${i}`);
      return { id: r.id, number: r.number, name: r.name, model: [r.brand, r.model].filter(Boolean).join(' '), department: r.department, location: r.location, bookedOn: r.booked_on };
    }),

  'assets.groups': (ctx, input) => {
    const col = { department: 'c.department', user: 'c.user_name', location: 'c.location', category: 'c.category', status: 'c.status' }[input.by];
    return stmt(
      ctx.db,
      `SELECT ${col} AS key, count(*) AS count, coalesce(sum(c.original_value), 0) AS value FROM asset_cards c WHERE c.disposal_id IS NULL GROUP BY ${col} ORDER BY count(*) DESC, ${col}`,
    ).all() as { key: string; count: number; value: number }[];
  },

  // ---- disposals ----

  'assets.disposalCreate': (ctx, input) => {
    const appliedOn = pastDate(ctx, input.appliedOn, '申请日期', 'appliedOn');
    if (new Set(input.assetIds).size !== input.assetIds.length) refuse('处置资产重复选择', 'assetIds');
    const rows = input.assetIds.map((id, i) => {
      const r = cardRow(ctx.db, id);
      const f = `assetIds.${i}`;
      if (!r) throw new DomainError('not_found', '资产卡片不存在', f);
      if (r.disposal_id) refuse(`资产 ${r.number} 已处置`, f);
      if (r.open_disposal_id) throw new DomainError('conflict', `资产 ${r.number} 已在处置申请 ${r.d_number} 中`, f);
      if (input.method === 'writeOff' && r.status !== 'lost') refuse(`资产 ${r.number} 未报失，不能按“丢失核销”处置`, f);
      if (input.method !== 'writeOff' && r.status === 'lost') refuse(`资产 ${r.number} 已报失，只能按“丢失核销”处置`, f);
      return r;
    });
    const total = rows.reduce((a, r) => a + r.original_value, 0);
    const threshold = assetsSettings(ctx.db).decisionThreshold;
    const required = total >= threshold;
    const dec = resolveDecision(ctx, input.decisionId, input.decisionRef, required, total, threshold);
    const me = ctx.me();
    const year = Number(appliedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, DISPOSAL_SEQ, year);
    const id = insertRow(ctx.db, 'asset_disposals', {
      year,
      seq,
      number: formatNumber(DISPOSAL_PREFIX, year, seq),
      method: input.method,
      reason: input.reason,
      applied_on: appliedOn,
      applicant_id: me.userId,
      applicant_name: me.name,
      total_value: total,
      decision_required: required ? 1 : 0,
      decision_id: dec.id,
      decision_ref: input.decisionRef,
      decision_label: dec.label,
      decision_verified: dec.verified,
      remarks: input.remarks,
      recorded_by_id: me.userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    for (const r of rows) {
      insertRow(ctx.db, 'asset_disposal_items', { disposal_id: id, asset_id: r.id, value: r.original_value });
      updateRow(ctx.db, 'asset_cards', r.id, { open_disposal_id: id, updated_at: ctx.nowIso });
    }
    const d = disposalDetail(ctx, id);
    ctx.note({
      objectType: ASSET_DISPOSAL_OBJECT,
      objectId: id,
      after: { number: d.number, method: DISPOSAL_METHOD_LABELS[d.method], assets: rows.map((r) => r.number), totalValue: total, reason: d.reason, decisionRequired: required, decisionId: dec.id, decisionRef: input.decisionRef, decisionVerified: !!dec.verified },
      message: `资产处置申请 ${d.number}：${DISPOSAL_METHOD_LABELS[d.method]} ${numbers(rows)}，原值合计 ${yuan(total)}${required ? (dec.verified ? '，已关联集体决策' : '，待集体决策核验') : ''}`,
    });
    return d;
  },

  'assets.disposalApprove': (ctx, input) => {
    const r = loadDisposal(ctx, input.id);
    if (r.state !== 'pending') refuse(`处置申请${r.number}为“${DISPOSAL_STATE_LABELS[r.state]}”，不能审批`, 'id');
    reverify(ctx, r);
    const a = recordApproval(ctx, {
      objectType: ASSET_DISPOSAL_OBJECT,
      objectId: r.id,
      step: '资产处置审批',
      subject: `资产处置 ${r.number}`,
      excludedUserIds: [r.applicant_id, r.recorded_by_id],
      input: input.approval,
      notBefore: { date: r.applied_on, what: '申请日期' },
    });
    updateRow(ctx.db, 'asset_disposals', r.id, {
      state: a.decision === 'approved' ? 'approved' : 'rejected',
      approver_id: a.approverId,
      approver_name: a.approverName,
      approved_at: a.signedAt,
      approval_mode: input.approval.mode,
      updated_at: ctx.nowIso,
    });
    if (a.decision === 'rejected') stmt(ctx.db, 'UPDATE asset_cards SET open_disposal_id = NULL, updated_at = ? WHERE open_disposal_id = ?').run(ctx.nowIso, r.id);
    const d = disposalDetail(ctx, r.id);
    ctx.note({
      objectType: ASSET_DISPOSAL_OBJECT,
      objectId: r.id,
      before: { state: 'pending' },
      after: { state: d.state, approver: a.approverName, mode: input.approval.mode, comment: input.approval.comment, decisionPending: d.decisionPending },
      message: `资产处置审批：${a.approverName}${a.decision === 'approved' ? '批准' : '驳回'} ${r.number}（${input.approval.mode === 'cosign' ? '本机会签' : `纸质签批，归档号 ${input.approval.filingNo}`}）`,
    });
    return d;
  },

  'assets.disposalExecute': (ctx, input) => {
    const r = loadDisposal(ctx, input.id);
    if (r.state === 'pending') refuse(`处置申请${r.number}尚未审批，不能处置（先审批后执行）`, 'id');
    if (r.state !== 'approved') refuse(`处置申请${r.number}为“${DISPOSAL_STATE_LABELS[r.state]}”，不能执行处置`, 'id');
    const executedOn = pastDate(ctx, input.executedOn, '处置日期', 'executedOn', { date: shanghaiDateOf(r.approved_at!), what: '审批日期' });
    const verified = reverify(ctx, r);
    const ids = stmt(ctx.db, 'SELECT asset_id FROM asset_disposal_items WHERE disposal_id = ? ORDER BY asset_id').pluck().all(r.id) as number[];
    const rows = cardsFor(ctx, ids, { kind: 'dispose', from: ['inUse', 'idle', 'repair', 'lost'], allowInDisposal: true }, executedOn, 'id');
    const note = `${DISPOSAL_METHOD_LABELS[r.method]}：${input.note}`;
    for (const c of rows) {
      stmt(ctx.db, 'UPDATE asset_cards SET disposal_id = ?, open_disposal_id = NULL, updated_at = ? WHERE id = ?').run(r.id, ctx.nowIso, c.id);
      moveCard(ctx, { ...c, disposal_id: r.id }, { kind: 'dispose', from: [], apply: () => ({ status: r.method === 'writeOff' ? 'lost' : 'scrapped', user_id: null, user_name: '', department: '', location: '' }), note, disposalId: r.id }, executedOn);
    }
    updateRow(ctx.db, 'asset_disposals', r.id, { state: 'done', executed_on: executedOn, proceeds: input.proceeds, executed_note: input.note, executed_by_id: ctx.me().userId, updated_at: ctx.nowIso });
    const d = disposalDetail(ctx, r.id);
    ctx.note({
      objectType: ASSET_DISPOSAL_OBJECT,
      objectId: r.id,
      before: { state: 'approved' },
      after: { state: 'done', executedOn, proceeds: input.proceeds, note: input.note, assets: rows.map((c) => c.number), decisionPending: !!r.decision_required && !verified },
      message: `执行资产处置 ${r.number}：${numbers(rows)} ${DISPOSAL_METHOD_LABELS[r.method]}${input.proceeds ? `，处置收入 ${yuan(input.proceeds)}` : ''}${r.decision_required && !verified ? '（待集体决策核验）' : ''}`,
    });
    return d;
  },

  'assets.disposalDecision': (ctx, input) => {
    const r = loadDisposal(ctx, input.id);
    if (r.state === 'void' || r.state === 'rejected') refuse(`处置申请${r.number}为“${DISPOSAL_STATE_LABELS[r.state]}”，无需补录集体决策`, 'id');
    if (r.decision_verified) refuse(`处置申请${r.number}已关联并核验集体决策（${r.decision_label}），不可更改`, 'decisionId');
    const dec = resolveDecision(ctx, input.decisionId, input.decisionRef, true, r.total_value, assetsSettings(ctx.db).decisionThreshold);
    updateRow(ctx.db, 'asset_disposals', r.id, { decision_id: dec.id, decision_ref: input.decisionRef, decision_label: dec.label, decision_verified: dec.verified, updated_at: ctx.nowIso });
    const d = disposalDetail(ctx, r.id);
    ctx.note({
      objectType: ASSET_DISPOSAL_OBJECT,
      objectId: r.id,
      before: { decisionId: r.decision_id, decisionRef: r.decision_ref, verified: !!r.decision_verified },
      after: { decisionId: dec.id, decisionRef: input.decisionRef, label: dec.label, verified: !!dec.verified },
      message: `补录集体决策依据 ${r.number}：${dec.label ?? input.decisionRef}${dec.verified ? '（已核验）' : '（待核验）'}`,
    });
    return d;
  },

  'assets.disposalVoid': (ctx, input) => {
    const r = loadDisposal(ctx, input.id);
    if (r.state !== 'pending' && r.state !== 'approved') refuse(`处置申请${r.number}为“${DISPOSAL_STATE_LABELS[r.state]}”，不能作废`, 'id');
    updateRow(ctx.db, 'asset_disposals', r.id, { state: 'void', void_reason: input.reason, updated_at: ctx.nowIso });
    stmt(ctx.db, 'UPDATE asset_cards SET open_disposal_id = NULL, updated_at = ? WHERE open_disposal_id = ?').run(ctx.nowIso, r.id);
    const d = disposalDetail(ctx, r.id);
    ctx.note({ objectType: ASSET_DISPOSAL_OBJECT, objectId: r.id, before: { state: r.state }, after: { state: 'void', reason: input.reason }, message: `作废处置申请 ${r.number}：${input.reason}` });
    return d;
  },

  'assets.disposalList': (ctx, input) => {
    const w = disposalWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM asset_disposals d ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${DISPOSAL_SELECT} ${w.sql} ORDER BY d.applied_on DESC, d.id DESC LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as DisposalDbRow[];
    return { rows: rows.map(toDisposalRow), total };
  },

  'assets.disposalGet': (ctx, input) => {
    loadDisposal(ctx, input.id);
    return disposalDetail(ctx, input.id);
  },

  // ---- verification (清查) ----

  'assets.checkCreate': (ctx, input) => {
    const w: string[] = ["c.disposal_id IS NULL AND c.status IN ('inUse', 'idle', 'repair')"];
    const args: unknown[] = [];
    if (input.scope !== 'all') {
      w.push(`c.${input.scope} = ?`);
      args.push(input.scopeValue);
    }
    const cards = stmt(ctx.db, `SELECT * FROM asset_cards c WHERE ${w.join(' AND ')} ORDER BY c.year, c.seq, c.number`).all(...args) as CardDbRow[];
    if (!cards.length) refuse('清查范围内没有在账资产', input.scope === 'all' ? 'scope' : 'scopeValue');
    const open = stmt(ctx.db, "SELECT k.number FROM asset_check_lines l JOIN asset_checks k ON k.id = l.check_id WHERE k.state = 'draft' AND l.asset_id = ? LIMIT 1").pluck();
    for (const c of cards) {
      const o = open.get(c.id) as string | undefined;
      if (o) throw new DomainError('conflict', `资产 ${c.number} 正在清查表 ${o} 中，请先确认或作废该表`, 'scope');
    }
    const year = Number(input.checkedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, CHECK_SEQ, year);
    const id = insertRow(ctx.db, 'asset_checks', {
      year,
      seq,
      number: formatNumber(CHECK_PREFIX, year, seq),
      title: input.title,
      checked_on: input.checkedOn,
      scope: input.scope,
      scope_value: input.scope === 'all' ? '' : input.scopeValue,
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    for (const c of cards) {
      insertRow(ctx.db, 'asset_check_lines', { check_id: id, asset_id: c.id, book_department: c.department, book_user: c.user_name, book_location: c.location, book_status: c.status });
    }
    const d = checkDetail(ctx, id);
    ctx.note({ objectType: ASSET_CHECK_OBJECT, objectId: id, after: { number: d.number, title: d.title, scope: d.scope, scopeValue: d.scopeValue, assets: d.lineCount }, message: `新建资产清查表 ${d.number}：${d.title}，${d.lineCount} 项资产` });
    return d;
  },

  'assets.checkSave': (ctx, input) => {
    const r = loadCheck(ctx, input.id);
    if (r.state !== 'draft') refuse(`清查表${r.number}${CHECK_STATE_LABELS[r.state]}，不可修改`, 'id');
    const set: Record<string, unknown> = { updated_at: ctx.nowIso };
    if (input.checkedOn !== undefined) {
      if (Number(input.checkedOn.slice(0, 4)) !== r.year) refuse(`清查日期须在 ${r.year} 年内`, 'checkedOn');
      set.checked_on = input.checkedOn;
    }
    const checker = input.checkerId === undefined ? r.checker_id : input.checkerId;
    const reviewer = input.reviewerId === undefined ? r.reviewer_id : input.reviewerId;
    if (checker && reviewer && checker === reviewer) refuse('清查人和复核人不能是同一人', 'reviewerId');
    if (input.checkerId !== undefined) {
      const u = input.checkerId ? activeUser(ctx.db, input.checkerId, '清查人', 'checkerId') : null;
      set.checker_id = u?.id ?? null;
      set.checker_name = u?.name ?? null;
    }
    if (input.reviewerId !== undefined) {
      const u = input.reviewerId ? activeUser(ctx.db, input.reviewerId, '复核人', 'reviewerId') : null;
      set.reviewer_id = u?.id ?? null;
      set.reviewer_name = u?.name ?? null;
    }
    if (input.surplus !== undefined) set.surplus = input.surplus;
    if (input.remarks !== undefined) set.remarks = input.remarks;
    const lines = checkLines(ctx.db, r.id);
    const changes: Record<string, unknown>[] = [];
    input.lines.forEach((l, i) => {
      const line = lines.find((x) => x.id === l.lineId);
      if (!line) throw new DomainError('not_found', `第 ${i + 1} 项不属于该清查表`, `lines.${i}.lineId`);
      if (l.result === 'moved' && !l.actualLocation) refuse(`资产 ${line.number} 存放地点不符，请填写实际存放地点`, `lines.${i}.actualLocation`);
      if ((l.result === 'missing' || l.result === 'damaged') && !l.note) refuse(`资产 ${line.number}${CHECK_RESULT_LABELS[l.result]}，请填写情况说明`, `lines.${i}.note`);
      if (l.result === line.result && l.actualLocation === line.actual_location && l.note === line.note) return;
      stmt(ctx.db, 'UPDATE asset_check_lines SET result = ?, actual_location = ?, note = ? WHERE id = ?').run(l.result, l.actualLocation, l.note, line.id);
      changes.push({ number: line.number, result: l.result, actualLocation: l.actualLocation || undefined, note: l.note || undefined });
    });
    updateRow(ctx.db, 'asset_checks', r.id, set);
    const d = checkDetail(ctx, r.id);
    ctx.note({ objectType: ASSET_CHECK_OBJECT, objectId: r.id, after: { checker: d.checkerName, reviewer: d.reviewerName, lines: changes }, message: `录入清查结果 ${r.number}：已查 ${d.doneCount}/${d.lineCount} 项，问题 ${d.problemCount} 项` });
    return d;
  },

  'assets.checkConfirm': (ctx, input) => {
    const r = loadCheck(ctx, input.id);
    if (r.state !== 'draft') refuse(`清查表${r.number}${CHECK_STATE_LABELS[r.state]}，不可修改`, 'id');
    if (!r.checker_id) refuse('请填写清查人', 'checkerId');
    if (!r.reviewer_id) refuse('请填写复核人', 'reviewerId');
    if (r.checked_on > today(ctx)) refuse('清查日期不能晚于今天', 'checkedOn');
    const lines = checkLines(ctx.db, r.id);
    const blank = lines.filter((l) => !l.result);
    if (blank.length) refuse(`尚有 ${blank.length} 项资产未录入清查结果（如 ${blank[0].number}）`, 'lines');
    const outcome: string[] = [];
    for (const l of lines) {
      if (l.result === 'ok' || l.result === 'damaged') continue;
      const c = cardRow(ctx.db, l.asset_id)!;
      if (c.disposal_id) continue;
      const last = lastMoveOn(ctx, c.id);
      const date = last && last > r.checked_on ? last : r.checked_on;
      if (l.result === 'missing' && c.status !== 'lost') {
        moveCard(ctx, c, { kind: 'lose', from: [], apply: () => ({ status: 'lost' }), note: `清查未找到：${l.note}`, checkId: r.id }, date);
        outcome.push(`${c.number} 报失`);
      } else if (l.result === 'moved' && l.actual_location && l.actual_location !== c.location) {
        moveCard(ctx, c, { kind: 'check', from: [], apply: () => ({ location: l.actual_location }), note: `清查更正存放地点：${l.note || l.actual_location}`, checkId: r.id }, date);
        outcome.push(`${c.number} 地点更正为${l.actual_location}`);
      }
    }
    updateRow(ctx.db, 'asset_checks', r.id, { state: 'confirmed', confirmed_at: ctx.nowIso, confirmed_by_id: ctx.me().userId, updated_at: ctx.nowIso });
    const d = checkDetail(ctx, r.id);
    ctx.note({
      objectType: ASSET_CHECK_OBJECT,
      objectId: r.id,
      before: { state: 'draft' },
      after: { state: 'confirmed', ok: d.okCount, problems: d.problemCount, changes: outcome, surplus: d.surplus || undefined },
      message: `确认资产清查 ${r.number}：${d.lineCount} 项，账实相符 ${d.okCount} 项，问题 ${d.problemCount} 项${outcome.length ? `；${outcome.slice(0, 5).join('、')}` : ''}`,
    });
    return d;
  },

  'assets.checkVoid': (ctx, input) => {
    const r = loadCheck(ctx, input.id);
    if (r.state !== 'draft') refuse(`清查表${r.number}${CHECK_STATE_LABELS[r.state]}，不能作废`, 'id');
    updateRow(ctx.db, 'asset_checks', r.id, { state: 'void', void_reason: input.reason, updated_at: ctx.nowIso });
    const d = checkDetail(ctx, r.id);
    ctx.note({ objectType: ASSET_CHECK_OBJECT, objectId: r.id, before: { state: 'draft' }, after: { state: 'void', reason: input.reason }, message: `作废清查表 ${r.number}：${input.reason}` });
    return d;
  },

  'assets.checkList': (ctx, input) => {
    const w = checkWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM asset_checks k ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${CHECK_SELECT} ${w.sql} ORDER BY k.checked_on DESC, k.id DESC LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as CheckDbRow[];
    return { rows: rows.map(toCheckRow), total };
  },

  'assets.checkGet': (ctx, input) => {
    loadCheck(ctx, input.id);
    return checkDetail(ctx, input.id);
  },

  'assets.attention': (ctx) => {
    const n = (sql: string) => (stmt(ctx.db, sql).get() as { n: number }).n;
    const pending = (stmt(ctx.db, `${DISPOSAL_SELECT} WHERE d.state = 'pending' ORDER BY d.applied_on, d.id LIMIT 5`).all() as DisposalDbRow[]).map((r) => {
      const row = toDisposalRow(r);
      return { id: row.id, number: row.number, summary: row.summary, totalValue: row.totalValue, date: row.date, decisionPending: row.decisionPending };
    });
    return {
      pendingDisposals: n("SELECT count(*) AS n FROM asset_disposals WHERE state = 'pending'"),
      pendingRows: pending,
      awaitingExecution: n("SELECT count(*) AS n FROM asset_disposals WHERE state = 'approved'"),
      decisionPending: n("SELECT count(*) AS n FROM asset_disposals WHERE decision_required = 1 AND decision_verified = 0 AND state IN ('pending', 'approved', 'done')"),
      inRepair: n("SELECT count(*) AS n FROM asset_cards WHERE status = 'repair'"),
      lost: n("SELECT count(*) AS n FROM asset_cards WHERE status = 'lost' AND disposal_id IS NULL"),
      openChecks: n("SELECT count(*) AS n FROM asset_checks WHERE state = 'draft'"),
      unassigned: n("SELECT count(*) AS n FROM asset_cards WHERE status = 'idle' AND disposal_id IS NULL"),
    };
  },
};
