// The supplies area: settings, item catalogue, purchases with 履约验收, requisitions approved per
// tier and issued in full or in part, 退库, stocktakes, the movement ledger and the period ledger.
// Every rule is enforced here with a Chinese message naming the field; 0060-supplies.sql repeats
// the ones SQL can state.
import type { PartialHandlers } from '../core/context';
import type { PurchaseDetail, RequisitionDetail, StocktakeDetail, suppliesMethods } from '../contract/supplies';
import {
  CHANNEL_LABELS,
  REQ_STATE_LABELS,
  STOCKTAKE_STATE_LABELS,
  SUPPLY_ITEM_OBJECT,
  SUPPLY_MOVEMENT_OBJECT,
  SUPPLY_PURCHASE_OBJECT,
  SUPPLY_REQ_OBJECT,
  SUPPLY_SETTINGS_OBJECT,
  SUPPLY_STOCKTAKE_OBJECT,
  fromMilli,
  tierFor,
  toMilli,
  type AcceptResult,
} from '../contract/supplies';
import { DomainError, refuse } from '../core/errors';
import { formatNumber, nextNumber } from '../core/numbering';
import { recordApproval } from '../core/approvals';
import {
  ITEM_SELECT,
  MOVEMENT_ORDER,
  MOVEMENT_SELECT,
  PURCHASE_ORDER,
  PURCHASE_PREFIX,
  PURCHASE_SELECT,
  PURCHASE_SEQ,
  REQ_ORDER,
  REQ_PREFIX,
  REQ_SELECT,
  REQ_SEQ,
  STOCKTAKE_PREFIX,
  STOCKTAKE_SELECT,
  STOCKTAKE_SEQ,
  isLow,
  itemLabel,
  itemRow,
  itemWhere,
  ledgerQuery,
  movementRow,
  movementWhere,
  purchaseLines,
  purchaseRow,
  purchaseWhere,
  reqRow,
  reqWhere,
  stepsOf,
  stocktakeLines,
  stocktakeRow,
  stocktakeWhere,
  toItem,
  toMovement,
  toPurchaseRow,
  toReqRow,
  toStocktakeRow,
  type ItemDbRow,
  type MovementDbRow,
  type PurchaseDbRow,
  type ReqDbRow,
  type StocktakeDbRow,
} from './queries';
import { loadItem, milliFor, postMovement, qtyText, valueOf } from './stock';
import { activeUser, insertRow, mulDiv, pastDate, saveSuppliesSettings, stmt, suppliesSettings, today, updateRow, userLite, yuan, type C } from './util';
import { assetIntake } from '../core/asset-intake';

type Keys = keyof typeof suppliesMethods;

// ---- detail views ----

function purchaseDetail(ctx: Pick<C, 'db'>, id: number): PurchaseDetail {
  const r = purchaseRow(ctx.db, id)!;
  const cards = stmt(ctx.db, 'SELECT purchase_line_id AS lineId, number FROM asset_cards WHERE purchase_line_id IN (SELECT id FROM supply_purchase_lines WHERE purchase_id = ?) ORDER BY id').all(id) as {
    lineId: number;
    number: string;
  }[];
  const acceptRecorder = userLite(ctx.db, r.accept_recorded_by_id);
  const corrections = acceptCorrections(ctx, id);
  return {
    ...toPurchaseRow(r),
    lines: purchaseLines(ctx.db, id).map((l) => {
      const mine = corrections.filter((c) => c.lineId === l.id);
      const latest = mine.at(-1);
      return {
      id: l.id,
      lineNo: l.line_no,
      itemId: l.item_id,
      name: l.name,
      spec: l.spec,
      unit: l.unit,
      quantity: fromMilli(l.qty),
      unitPrice: l.unit_price,
      amount: l.amount,
      isAsset: !!l.is_asset,
      assetCategory: l.asset_category,
      brand: l.brand,
      model: l.model,
      acceptedQty: latest ? latest.afterQty : l.accepted_qty === null ? null : fromMilli(l.accepted_qty),
      acceptedAmount: latest ? latest.afterAmount : l.accepted_amount,
      quality: l.quality,
      acceptNote: l.accept_note,
      corrections: mine.map(({ lineId: _, ...c }) => c),
      assetNumbers: cards.filter((c) => c.lineId === l.id).map((c) => c.number),
      };
    }),
    problems: r.problems,
    opinion: r.opinion,
    acceptRecordedByName: acceptRecorder?.name ?? null,
    acceptRecordedAt: r.accept_recorded_at,
    assetThreshold: suppliesSettings(ctx.db).assetThreshold,
  };
}

function acceptCorrections(ctx: Pick<C, 'db'>, purchaseId: number) {
  const rows = stmt(
    ctx.db,
    `SELECT c.*, u.name AS recorded_by_name FROM supply_accept_corrections c JOIN users u ON u.id = c.recorded_by_id
     WHERE c.purchase_id = ? ORDER BY c.id`,
  ).all(purchaseId) as {
    id: number;
    purchase_line_id: number;
    corrected_on: string;
    before_qty: number;
    before_amount: number;
    after_qty: number;
    after_amount: number;
    unposted_amount: number;
    reason: string;
    recorded_by_name: string;
    created_at: string;
  }[];
  return rows.map((c) => ({
    id: c.id,
    lineId: c.purchase_line_id,
    correctedOn: c.corrected_on,
    beforeQty: fromMilli(c.before_qty),
    beforeAmount: c.before_amount,
    afterQty: fromMilli(c.after_qty),
    afterAmount: c.after_amount,
    unpostedAmount: c.unposted_amount,
    reason: c.reason,
    recordedByName: c.recorded_by_name,
    recordedAt: c.created_at,
  }));
}

function reqDetail(ctx: Pick<C, 'db'>, id: number): RequisitionDetail {
  const r = reqRow(ctx.db, id)!;
  const lines = stmt(
    ctx.db,
    `SELECT l.id, l.line_no, l.item_id, i.name, i.spec, i.unit, i.whole_unit, l.qty, l.issued_qty, b.qty AS balance
     FROM supply_requisition_lines l JOIN supply_items i ON i.id = l.item_id JOIN supply_balances b ON b.item_id = l.item_id
     WHERE l.requisition_id = ? ORDER BY l.line_no`,
  ).all(id) as { id: number; line_no: number; item_id: number; name: string; spec: string; unit: string; whole_unit: number; qty: number; issued_qty: number; balance: number }[];
  const steps = stepsOf(r);
  const issues = (stmt(ctx.db, `${MOVEMENT_SELECT} WHERE m.requisition_id = ? ORDER BY m.id`).all(id) as MovementDbRow[]).map(toMovement);
  return {
    ...toReqRow(r),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      itemId: l.item_id,
      itemName: l.name,
      spec: l.spec,
      unit: l.unit,
      wholeUnit: !!l.whole_unit,
      quantity: fromMilli(l.qty),
      issuedQty: fromMilli(l.issued_qty),
      balanceQty: fromMilli(l.balance),
    })),
    recordedById: r.recorded_by_id,
    nextApproverIds: r.state === 'pending' ? (steps[r.approved_steps]?.approverIds ?? []) : [],
    issues,
  };
}

function stocktakeDetail(ctx: Pick<C, 'db'>, id: number): StocktakeDetail {
  const r = stocktakeRow(ctx.db, id)!;
  return {
    ...toStocktakeRow(r),
    lines: stocktakeLines(ctx.db, id).map((l) => ({
      id: l.id,
      itemId: l.item_id,
      itemName: l.item_name,
      spec: l.spec,
      unit: l.unit,
      wholeUnit: !!l.whole_unit,
      bookQty: fromMilli(l.book_qty),
      bookAmount: l.book_amount,
      countedQty: l.counted_qty === null ? null : fromMilli(l.counted_qty),
      diffQty: l.counted_qty === null ? null : fromMilli(l.counted_qty - l.book_qty),
      reason: l.reason,
      stale: r.state === 'draft' && l.moves_now !== l.book_moves,
      adjustmentId: l.adj_id,
      adjustmentAmount: l.adj_amount === null ? null : l.adj_kind === 'loss' ? -l.adj_amount : l.adj_amount,
    })),
  };
}

// ---- loading ----

function loadPurchase(ctx: C, id: number): PurchaseDbRow {
  const r = purchaseRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '采购单不存在', 'id');
  return r;
}
function loadReq(ctx: C, id: number): ReqDbRow {
  const r = reqRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '领用单不存在', 'id');
  return r;
}
function loadStocktake(ctx: C, id: number): StocktakeDbRow {
  const r = stocktakeRow(ctx.db, id);
  if (!r) throw new DomainError('not_found', '盘点表不存在', 'id');
  return r;
}

const itemOut = (ctx: C, id: number) => toItem(itemRow(ctx.db, id)!);

// ---- purchases ----

interface LineIn {
  itemId?: number | null;
  name?: string;
  spec?: string;
  unit?: string;
  quantity: number;
  unitPrice: number;
  assetCategory?: string;
  brand: string;
  model: string;
}
interface PurchaseIn {
  channel: keyof typeof CHANNEL_LABELS;
  channelReason: string;
  orderNo: string;
  supplier: string;
  buyerId: number;
  purchasedOn: string;
  fundingSource: string;
  lines: LineIn[];
  remarks: string;
}

/** Check a purchase and work out its lines: stock lines need a catalogue item; lines at or above the threshold become asset lines. */
function preparePurchase(ctx: C, input: PurchaseIn, exceptId = 0) {
  if (input.purchasedOn > today(ctx)) refuse('采购日期不能晚于今天', 'purchasedOn');
  const buyer = activeUser(ctx.db, input.buyerId, '采购经办人', 'buyerId');
  const dup = stmt(ctx.db, "SELECT number FROM supply_purchases WHERE order_no = ? AND supplier = ? AND state <> 'void' AND id <> ?").get(input.orderNo, input.supplier, exceptId) as
    | { number: string }
    | undefined;
  if (dup) throw new DomainError('conflict', `该供应商的订单号“${input.orderNo}”已登记（${dup.number}），不能重复登记`, 'orderNo');
  const threshold = suppliesSettings(ctx.db).assetThreshold;
  const lines = input.lines.map((l, i) => {
    const f = (k: string) => `lines.${i}.${k}`;
    const n = `第 ${i + 1} 项`;
    const item = l.itemId ? loadItem(ctx, l.itemId, f('itemId')) : null;
    if (item && !item.active) refuse(`${n}：物品“${itemLabel(item)}”已停用`, f('itemId'));
    const isAsset = l.unitPrice >= threshold;
    if (!isAsset && !item) refuse(`${n}：单价低于固定资产标准（${yuan(threshold)}）的物品入库管理，请从物品目录中选择物品`, f('itemId'));
    const name = item?.name ?? l.name ?? '';
    if (!name) refuse(`${n}：请填写品名`, f('name'));
    const unit = item?.unit ?? l.unit ?? '';
    if (!unit) refuse(`${n}：请填写单位`, f('unit'));
    const whole = isAsset || !!item?.whole_unit;
    const qty = toMilli(l.quantity);
    if (whole && qty % 1000 !== 0) {
      refuse(isAsset ? `${n}：固定资产按台（件）登记，数量必须是整数` : `${n}：数量必须是整数：“${name}”以“${unit}”计量，不可拆分`, f('quantity'));
    }
    if (isAsset && !l.assetCategory) refuse(`${n}：单价达到固定资产标准（${yuan(threshold)}），将生成资产卡片，请填写资产类别`, f('assetCategory'));
    if (isAsset && qty > 500_000) refuse(`${n}：一项固定资产最多 500 台（件）`, f('quantity'));
    return {
      item_id: item?.id ?? null,
      name,
      spec: item ? item.spec : (l.spec ?? ''),
      unit,
      qty,
      unit_price: l.unitPrice,
      amount: mulDiv(qty, l.unitPrice, 1000),
      is_asset: isAsset ? 1 : 0,
      asset_category: isAsset ? l.assetCategory! : null,
      brand: l.brand,
      model: l.model,
    };
  });
  const total = lines.reduce((a, l) => a + l.amount, 0);
  return { buyer, lines, total };
}

function insertLines(ctx: C, purchaseId: number, lines: ReturnType<typeof preparePurchase>['lines']) {
  lines.forEach((l, i) => insertRow(ctx.db, 'supply_purchase_lines', { purchase_id: purchaseId, line_no: i + 1, ...l }));
}

const purchaseAudit = (d: PurchaseDetail) => ({
  number: d.number,
  channel: CHANNEL_LABELS[d.channel],
  channelReason: d.channelReason || undefined,
  orderNo: d.orderNo,
  supplier: d.supplier,
  buyer: d.buyerName,
  date: d.date,
  total: d.total,
  lines: d.lines.map((l) => ({ name: l.name, spec: l.spec, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice, asset: l.isAsset || undefined })),
});

// ---- requisitions ----

/** People who approved earlier steps of this requisition: one person approves one step. */
const earlierApprovers = (ctx: C, id: number) =>
  (stmt(ctx.db, "SELECT approver_id FROM approvals WHERE object_type = ? AND object_id = ? AND decision = 'approved'").pluck().all(SUPPLY_REQ_OBJECT, id) as number[]);

// ---- stocktakes ----

function requireDraft(r: StocktakeDbRow) {
  if (r.state !== 'draft') refuse(`盘点表${r.number}${STOCKTAKE_STATE_LABELS[r.state]}，不可修改`, 'id');
}

export const suppliesHandlers: PartialHandlers<Keys> = {
  // ---- settings ----

  'supplies.settings': (ctx) => suppliesSettings(ctx.db),

  'supplies.setSettings': (ctx, input) => {
    const before = suppliesSettings(ctx.db);
    input.requisitionTiers.forEach((t, i) =>
      t.steps.forEach((s, j) =>
        s.approverIds.forEach((uid, k) => {
          const u = activeUser(ctx.db, uid, '指定审批人', `requisitionTiers.${i}.steps.${j}.approverIds.${k}`);
          if (!(JSON.parse(u.roles) as string[]).includes('approver')) refuse(`${u.name}没有“审批人”角色，不能指定为审批人`, `requisitionTiers.${i}.steps.${j}.approverIds.${k}`);
        }),
      ),
    );
    saveSuppliesSettings(ctx, input);
    const after = suppliesSettings(ctx.db);
    ctx.note({ objectType: SUPPLY_SETTINGS_OBJECT, objectId: 'supplies', before, after, message: `修改办公用品设置：固定资产标准 ${yuan(after.assetThreshold)}，领用审批 ${after.requisitionTiers.length} 档` });
    return after;
  },

  // ---- items ----

  'supplies.itemList': (ctx, input) => {
    const w = itemWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM supply_items i JOIN supply_balances b ON b.item_id = i.id ${w.sql}`).get(...w.args) as { n: number }).n;
    // Names that start with the search text first (the picker's best guess), then by name.
    const prefix = input.q ? `${input.q.replace(/[%_\\]/g, '\\$&')}%` : '';
    const rows = stmt(
      ctx.db,
      `${ITEM_SELECT} ${w.sql} ORDER BY CASE WHEN ? <> '' AND (i.code = ? OR i.name = ?) THEN 0 WHEN ? <> '' AND i.name LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, i.active DESC, i.name, i.spec, i.id LIMIT ? OFFSET ?`,
    ).all(
      ...w.args,
      input.q ?? '',
      input.q ?? '',
      input.q ?? '',
      prefix,
      prefix,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    ) as ItemDbRow[];
    return { rows: rows.map(toItem), total };
  },

  'supplies.itemGet': (ctx, input) => toItem(loadItem(ctx, input.id, 'id')),

  'supplies.itemCreate': (ctx, input) => {
    if (stmt(ctx.db, 'SELECT 1 FROM supply_items WHERE name = ? AND spec = ?').get(input.name, input.spec)) {
      throw new DomainError('conflict', `物品目录中已有“${itemLabel(input)}”`, 'name');
    }
    if (input.code && stmt(ctx.db, 'SELECT 1 FROM supply_items WHERE code = ?').get(input.code)) throw new DomainError('conflict', `物品编码“${input.code}”已被使用`, 'code');
    const reorder = toMilli(input.reorderLevel);
    if (input.wholeUnit && reorder % 1000 !== 0) refuse(`库存下限必须是整数：“${input.unit}”不可拆分`, 'reorderLevel');
    const id = insertRow(ctx.db, 'supply_items', {
      code: input.code,
      name: input.name,
      spec: input.spec,
      unit: input.unit,
      category: input.category,
      reorder_level: reorder,
      whole_unit: input.wholeUnit ? 1 : 0,
      remarks: input.remarks,
      created_at: ctx.nowIso,
      created_by_id: ctx.me().userId,
      updated_at: ctx.nowIso,
    });
    const out = itemOut(ctx, id);
    ctx.note({ objectType: SUPPLY_ITEM_OBJECT, objectId: id, after: input, message: `新增物品：${itemLabel(out)}（${out.unit}）` });
    return out;
  },

  'supplies.itemUpdate': (ctx, input) => {
    const r = loadItem(ctx, input.id, 'id');
    if (stmt(ctx.db, 'SELECT 1 FROM supply_items WHERE name = ? AND spec = ? AND id <> ?').get(input.name, input.spec, r.id)) {
      throw new DomainError('conflict', `物品目录中已有“${itemLabel(input)}”`, 'name');
    }
    if (input.code && stmt(ctx.db, 'SELECT 1 FROM supply_items WHERE code = ? AND id <> ?').get(input.code, r.id)) throw new DomainError('conflict', `物品编码“${input.code}”已被使用`, 'code');
    if (r.moves > 0 && input.unit !== r.unit) refuse(`“${itemLabel(r)}”已有出入库记录，计量单位不可修改（如需改变单位，请新增物品）`, 'unit');
    if (r.moves > 0 && input.wholeUnit !== !!r.whole_unit) refuse(`“${itemLabel(r)}”已有出入库记录，是否整数计量不可修改`, 'wholeUnit');
    const reorder = toMilli(input.reorderLevel);
    if (input.wholeUnit && reorder % 1000 !== 0) refuse(`库存下限必须是整数：“${input.unit}”不可拆分`, 'reorderLevel');
    const before = toItem(r);
    updateRow(ctx.db, 'supply_items', r.id, {
      code: input.code,
      name: input.name,
      spec: input.spec,
      unit: input.unit,
      category: input.category,
      reorder_level: reorder,
      whole_unit: input.wholeUnit ? 1 : 0,
      remarks: input.remarks,
      updated_at: ctx.nowIso,
    });
    const after = itemOut(ctx, r.id);
    ctx.note({ objectType: SUPPLY_ITEM_OBJECT, objectId: r.id, before, after, message: `修改物品信息：${itemLabel(after)}` });
    return after;
  },

  'supplies.itemSetActive': (ctx, input) => {
    const r = loadItem(ctx, input.id, 'id');
    if (!!r.active === input.active) refuse(`该物品已${input.active ? '启用' : '停用'}`, 'active');
    if (!input.active && r.qty > 0) refuse(`“${itemLabel(r)}”尚有库存 ${qtyText(r.qty, r.unit)}，发完或盘点处理后才能停用`, 'active');
    updateRow(ctx.db, 'supply_items', r.id, { active: input.active ? 1 : 0, updated_at: ctx.nowIso });
    const after = itemOut(ctx, r.id);
    ctx.note({ objectType: SUPPLY_ITEM_OBJECT, objectId: r.id, before: { active: !!r.active }, after: { active: input.active, reason: input.reason }, message: `${input.active ? '启用' : '停用'}物品：${itemLabel(r)}（${input.reason}）` });
    return after;
  },

  'supplies.categories': (ctx) =>
    stmt(ctx.db, 'SELECT category, count(*) AS items FROM supply_items WHERE active = 1 GROUP BY category ORDER BY category').all() as { category: string; items: number }[],

  // ---- purchases ----

  'supplies.purchaseCreate': (ctx, input) => {
    const p = preparePurchase(ctx, input);
    const year = Number(input.purchasedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, PURCHASE_SEQ, year);
    const id = insertRow(ctx.db, 'supply_purchases', {
      year,
      seq,
      number: formatNumber(PURCHASE_PREFIX, year, seq),
      channel: input.channel,
      channel_reason: input.channel === 'emall' ? '' : input.channelReason,
      order_no: input.orderNo,
      supplier: input.supplier,
      buyer_id: p.buyer.id,
      buyer_name: p.buyer.name,
      purchased_on: input.purchasedOn,
      funding_source: input.fundingSource,
      total: p.total,
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    insertLines(ctx, id, p.lines);
    const d = purchaseDetail(ctx, id);
    const assets = d.lines.filter((l) => l.isAsset).length;
    ctx.note({
      objectType: SUPPLY_PURCHASE_OBJECT,
      objectId: id,
      after: purchaseAudit(d),
      message: `登记采购 ${d.number}：${d.supplier}，${d.lines.length} 项，${yuan(d.total)}（${CHANNEL_LABELS[d.channel]}）${assets ? `，其中 ${assets} 项为固定资产` : ''}`,
    });
    return d;
  },

  'supplies.purchaseUpdate': (ctx, input) => {
    const r = loadPurchase(ctx, input.id);
    if (r.state !== 'ordered') refuse(`采购单${r.number}已${r.state === 'accepted' ? '验收' : '作废'}，不可修改`, 'id');
    if (Number(input.purchasedOn.slice(0, 4)) !== r.year) refuse(`采购日期须在 ${r.year} 年内（编号按年度编排），跨年请作废后重新登记`, 'purchasedOn');
    const before = purchaseAudit(purchaseDetail(ctx, r.id));
    const p = preparePurchase(ctx, input, r.id);
    stmt(ctx.db, 'DELETE FROM supply_purchase_lines WHERE purchase_id = ?').run(r.id);
    updateRow(ctx.db, 'supply_purchases', r.id, {
      channel: input.channel,
      channel_reason: input.channel === 'emall' ? '' : input.channelReason,
      order_no: input.orderNo,
      supplier: input.supplier,
      buyer_id: p.buyer.id,
      buyer_name: p.buyer.name,
      purchased_on: input.purchasedOn,
      funding_source: input.fundingSource,
      total: p.total,
      remarks: input.remarks,
      updated_at: ctx.nowIso,
    });
    insertLines(ctx, r.id, p.lines);
    const d = purchaseDetail(ctx, r.id);
    ctx.note({ objectType: SUPPLY_PURCHASE_OBJECT, objectId: r.id, before, after: purchaseAudit(d), message: `修改采购单 ${d.number}（验收前）` });
    return d;
  },

  'supplies.purchaseVoid': (ctx, input) => {
    const r = loadPurchase(ctx, input.id);
    if (r.state === 'void') refuse('该采购单已作废', 'id');
    if (r.state === 'accepted') refuse('已验收入库的采购单不能作废；入库有误请通过领用退库或盘点调整', 'id');
    updateRow(ctx.db, 'supply_purchases', r.id, { state: 'void', void_reason: input.reason, voided_at: ctx.nowIso, voided_by_id: ctx.me().userId, updated_at: ctx.nowIso });
    const d = purchaseDetail(ctx, r.id);
    ctx.note({ objectType: SUPPLY_PURCHASE_OBJECT, objectId: r.id, before: { state: r.state }, after: { state: 'void', reason: input.reason }, message: `作废采购单 ${r.number}：${input.reason}` });
    return d;
  },

  'supplies.accept': (ctx, input) => {
    const r = loadPurchase(ctx, input.id);
    if (r.state === 'accepted') refuse(`采购单${r.number}已于 ${r.accepted_on} 验收，验收结果不可修改`, 'id');
    if (r.state === 'void') refuse(`采购单${r.number}已作废，不能验收`, 'id');
    const acceptedOn = pastDate(ctx, input.acceptedOn, '验收日期', 'acceptedOn', { date: r.purchased_on, what: '采购日期' });
    if (new Set(input.acceptorIds).size !== input.acceptorIds.length) refuse('验收人重复选择', 'acceptorIds');
    const acceptors = input.acceptorIds.map((uid, i) => activeUser(ctx.db, uid, '验收人', `acceptorIds.${i}`));
    if (!acceptors.some((a) => a.id !== r.buyer_id)) {
      refuse(`验收须有采购经办人（${r.buyer_name}）以外的人员参加，不能由采购人一人验收`, 'acceptorIds');
    }
    const lines = purchaseLines(ctx.db, r.id);
    const given = new Map<number, { i: number; l: (typeof input.lines)[number] }>();
    input.lines.forEach((l, i) => {
      if (!lines.some((x) => x.id === l.lineId)) throw new DomainError('not_found', `第 ${i + 1} 项验收明细不属于该采购单`, `lines.${i}.lineId`);
      if (given.has(l.lineId)) refuse('采购明细重复验收', `lines.${i}.lineId`);
      given.set(l.lineId, { i, l });
    });
    const missing = lines.find((x) => !given.has(x.id));
    if (missing) refuse(`请填写第 ${missing.line_no} 项“${missing.name}”的验收情况`, 'lines');
    // Check every line before changing anything.
    const plan = lines.map((line) => {
      const { i, l } = given.get(line.id)!;
      const f = (k: string) => `lines.${i}.${k}`;
      const acc = toMilli(l.acceptedQty);
      if (acc > line.qty) refuse(`“${line.name}”实收合格数量不能超过采购数量（${qtyText(line.qty, line.unit)}）`, f('acceptedQty'));
      const whole = !!line.is_asset || !!itemRow(ctx.db, line.item_id!)?.whole_unit;
      if (whole && acc % 1000 !== 0) refuse(`“${line.name}”实收数量必须是整数（${line.unit}不可拆分）`, f('acceptedQty'));
      if (l.quality === 'reject' && acc !== 0) refuse(`“${line.name}”质量不合格，实收合格数量应为 0`, f('acceptedQty'));
      if (acc < line.qty && !l.note && !input.problems) refuse(`“${line.name}”实收少于采购数量，请说明短缺或不合格情况`, f('note'));
      return { line, acc, quality: l.quality, note: l.note, amount: acc === line.qty ? line.amount : mulDiv(acc, line.unit_price, 1000) };
    });
    const all = plan.every((p) => p.acc === p.line.qty && p.quality === 'ok');
    const none = plan.every((p) => p.acc === 0);
    const result: AcceptResult = all ? 'pass' : none ? 'fail' : 'partial';
    for (const p of plan) {
      updateRow(ctx.db, 'supply_purchase_lines', p.line.id, { accepted_qty: p.acc, accepted_amount: p.amount, quality: p.quality, accept_note: p.note });
    }
    acceptors.forEach((a, i) => insertRow(ctx.db, 'supply_acceptors', { purchase_id: r.id, user_id: a.id, name: a.name, position: i + 1 }));
    const me = ctx.me();
    const acceptorNames = acceptors.map((a) => a.name).join('、');
    let stocked = 0;
    let cards = 0;
    for (const p of plan) {
      if (p.acc === 0) continue;
      if (p.line.is_asset) {
        for (let k = 0; k < p.acc / 1000; k++) {
          assetIntake().createCard(ctx, {
            name: p.line.name,
            category: p.line.asset_category!,
            brand: p.line.brand,
            model: p.line.model || p.line.spec,
            serialNo: '',
            originalValue: p.line.unit_price,
            fundingSource: r.funding_source,
            purchaseMethod: CHANNEL_LABELS[r.channel],
            purchasedOn: r.purchased_on,
            bookedOn: acceptedOn,
            supplier: r.supplier,
            department: '',
            userId: null,
            userName: '',
            location: '',
            remarks: '',
            purchaseLineId: p.line.id,
            note: `${r.number} 验收入账（验收人：${acceptorNames}）`,
          });
          cards++;
        }
      } else {
        postMovement(ctx, {
          itemId: p.line.item_id!,
          kind: 'in',
          date: acceptedOn,
          qty: p.acc,
          amount: p.amount,
          field: 'acceptedOn',
          purchaseId: r.id,
          purchaseLineId: p.line.id,
          handledById: me.userId,
          handledByName: me.name,
          approvedBy: acceptorNames,
          note: `${r.supplier} 验收入库`,
        });
        stocked++;
      }
    }
    const acceptedTotal = plan.reduce((a, p) => a + p.amount, 0);
    updateRow(ctx.db, 'supply_purchases', r.id, {
      state: 'accepted',
      accepted_on: acceptedOn,
      result,
      accepted_total: acceptedTotal,
      problems: input.problems,
      opinion: input.opinion,
      accept_recorded_by_id: me.userId,
      accept_recorded_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    const d = purchaseDetail(ctx, r.id);
    ctx.note({
      objectType: SUPPLY_PURCHASE_OBJECT,
      objectId: r.id,
      before: { state: 'ordered' },
      after: {
        state: 'accepted',
        acceptedOn,
        acceptors: acceptorNames,
        result,
        acceptedTotal,
        lines: plan.map((p) => ({ name: p.line.name, ordered: fromMilli(p.line.qty), accepted: fromMilli(p.acc), quality: p.quality, note: p.note || undefined })),
        problems: input.problems || undefined,
        opinion: input.opinion,
        assetNumbers: d.lines.flatMap((l) => l.assetNumbers),
      },
      message: `履约验收 ${r.number}：${{ pass: '验收合格', partial: '部分合格', fail: '验收不合格' }[result]}，验收人${acceptorNames}；入库 ${stocked} 项${cards ? `，生成资产卡片 ${cards} 张` : ''}`,
    });
    return d;
  },

  // 入库更正: the line's accepted quantity and price as they really were. The difference is posted to
  // the stock ledger (调增 / 调减, against the purchase line) on the day it is corrected, so the
  // original 入库 and everything after it stay as they were and the balance follows.
  'supplies.acceptCorrect': (ctx, input) => {
    const r = loadPurchase(ctx, input.id);
    if (r.state !== 'accepted') refuse(`采购单${r.number}${r.state === 'void' ? '已作废' : '尚未验收'}，没有可更正的入库；验收前请直接修改采购单`, 'id');
    const line = purchaseLines(ctx.db, r.id).find((l) => l.id === input.lineId);
    if (!line) throw new DomainError('not_found', '该明细不属于此采购单', 'lineId');
    if (line.is_asset) {
      refuse(`“${line.name}”是固定资产，验收时已生成资产卡片：单价有误请在资产卡片上“更正”原值，多登记的卡片请办理处置核销`, 'lineId');
    }
    const item = loadItem(ctx, line.item_id!, 'acceptedQty');
    const latest = acceptCorrections(ctx, r.id).filter((c) => c.lineId === line.id).at(-1);
    const beforeQty = latest ? toMilli(latest.afterQty) : line.accepted_qty!;
    const beforeAmount = latest ? latest.afterAmount : line.accepted_amount!;
    const afterQty = milliFor(item, input.acceptedQty, '更正后实收数量', 'acceptedQty');
    const afterAmount = mulDiv(afterQty, input.unitPrice, 1000);
    if (afterQty === beforeQty && afterAmount === beforeAmount) {
      refuse(`更正后的数量和金额与现有记录（${qtyText(beforeQty, line.unit)}，${yuan(beforeAmount)}）相同，无需更正`, 'acceptedQty');
    }
    const dq = afterQty - beforeQty;
    if (item.qty + dq < 0) {
      refuse(
        `“${line.name}”现有库存 ${qtyText(item.qty, item.unit)}，按更正须冲减 ${qtyText(-dq, item.unit)}：多登记的部分已有发出。请先办理退库或盘点，再更正入库`,
        'acceptedQty',
      );
    }
    // The balance cannot hold value without quantity nor go below zero: the part of the value
    // difference that fell on stock already issued is stated on the record instead of posted.
    const da = afterAmount - beforeAmount;
    const qtyAfter = item.qty + dq;
    const stockAmountAfter = qtyAfter === 0 ? 0 : Math.max(0, item.amount + da);
    const posted = stockAmountAfter - item.amount;
    const unposted = da - posted;
    const on = today(ctx);
    const me = ctx.me();
    const correctionId = insertRow(ctx.db, 'supply_accept_corrections', {
      purchase_id: r.id,
      purchase_line_id: line.id,
      corrected_on: on,
      before_qty: beforeQty,
      before_amount: beforeAmount,
      after_qty: afterQty,
      after_amount: afterAmount,
      unposted_amount: unposted,
      reason: input.reason,
      recorded_by_id: me.userId,
      created_at: ctx.nowIso,
    });
    // One movement when quantity and value move the same way; otherwise the increase first, so the
    // balance never dips below zero between the two.
    const parts = dq * posted >= 0 ? [{ q: dq, a: posted }] : dq > 0 ? [{ q: dq, a: 0 }, { q: 0, a: posted }] : [{ q: 0, a: posted }, { q: dq, a: 0 }];
    for (const part of parts) {
      if (!part.q && !part.a) continue;
      const up = part.q > 0 || part.a > 0;
      postMovement(ctx, {
        itemId: item.id,
        kind: up ? 'correctUp' : 'correctDown',
        date: on,
        qty: Math.abs(part.q),
        amount: Math.abs(part.a),
        field: 'acceptedQty',
        purchaseId: r.id,
        purchaseLineId: line.id,
        handledById: me.userId,
        handledByName: me.name,
        note: `${r.number} 第 ${line.line_no} 项入库更正：${input.reason}`.slice(0, 300),
      });
    }
    const d = purchaseDetail(ctx, r.id);
    ctx.note({
      objectType: SUPPLY_PURCHASE_OBJECT,
      objectId: r.id,
      before: { line: line.line_no, name: line.name, acceptedQty: fromMilli(beforeQty), acceptedAmount: beforeAmount },
      after: { line: line.line_no, name: line.name, acceptedQty: fromMilli(afterQty), acceptedAmount: afterAmount, unposted: unposted || undefined, correctionId, reason: input.reason },
      message: `入库更正 ${r.number} 第 ${line.line_no} 项“${line.name}”：${qtyText(beforeQty, line.unit)} ${yuan(beforeAmount)} → ${qtyText(afterQty, line.unit)} ${yuan(afterAmount)}（${input.reason}）`,
    });
    return d;
  },

  'supplies.purchaseList': (ctx, input) => {
    const w = purchaseWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM supply_purchases p ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${PURCHASE_SELECT} ${w.sql} ORDER BY ${PURCHASE_ORDER[input.sort]} LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as PurchaseDbRow[];
    return { rows: rows.map(toPurchaseRow), total };
  },

  'supplies.purchaseGet': (ctx, input) => {
    loadPurchase(ctx, input.id);
    return purchaseDetail(ctx, input.id);
  },

  // ---- requisitions ----

  'supplies.requisitionCreate': (ctx, input) => {
    const requester = activeUser(ctx.db, input.requesterId, '领用人', 'requesterId');
    const requestedOn = pastDate(ctx, input.requestedOn, '申请日期', 'requestedOn');
    const seen = new Set<number>();
    let est = 0;
    const lines = input.lines.map((l, i) => {
      const f = `lines.${i}`;
      const item = loadItem(ctx, l.itemId, `${f}.itemId`);
      if (!item.active) refuse(`“${itemLabel(item)}”已停用，不能申领`, `${f}.itemId`);
      if (seen.has(item.id)) refuse(`“${itemLabel(item)}”重复填写，请合并为一行`, `${f}.itemId`);
      seen.add(item.id);
      const qty = milliFor(item, l.quantity, '申领数量', `${f}.quantity`);
      est += valueOf(item, qty);
      return { item, qty };
    });
    const tier = tierFor(suppliesSettings(ctx.db).requisitionTiers, est);
    const year = Number(requestedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, REQ_SEQ, year);
    const id = insertRow(ctx.db, 'supply_requisitions', {
      year,
      seq,
      number: formatNumber(REQ_PREFIX, year, seq),
      requester_id: requester.id,
      requester_name: requester.name,
      department: requester.department,
      requested_on: requestedOn,
      purpose: input.purpose,
      est_amount: est,
      steps: JSON.stringify(tier.steps),
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    lines.forEach((l, i) => insertRow(ctx.db, 'supply_requisition_lines', { requisition_id: id, line_no: i + 1, item_id: l.item.id, qty: l.qty }));
    const d = reqDetail(ctx, id);
    ctx.note({
      objectType: SUPPLY_REQ_OBJECT,
      objectId: id,
      after: { number: d.number, requester: d.requesterName, department: d.department, purpose: d.purpose, lines: d.lines.map((l) => ({ item: itemLabel({ name: l.itemName, spec: l.spec }), quantity: l.quantity, unit: l.unit })), estAmount: est, steps: d.steps },
      message: `领用申请 ${d.number}：${d.requesterName}（${d.department || '未设部门'}）${d.summary}，估算 ${yuan(est)}，审批：${d.steps.join(' → ')}`,
    });
    return d;
  },

  'supplies.requisitionApprove': (ctx, input) => {
    const r = loadReq(ctx, input.id);
    if (r.state !== 'pending') refuse(`领用单${r.number}为“${REQ_STATE_LABELS[r.state]}”，不能审批`, 'id');
    const steps = stepsOf(r);
    const step = steps[r.approved_steps];
    const field = input.approval.mode === 'paper' ? 'approval.signerId' : 'approval.login';
    const earlier = earlierApprovers(ctx, r.id);
    const signerId = input.approval.mode === 'paper' ? input.approval.signerId : ctx.cosign?.userId;
    if (signerId && earlier.includes(signerId)) refuse('同一人不能审批同一领用单的两个环节', field);
    const a = recordApproval(ctx, {
      objectType: SUPPLY_REQ_OBJECT,
      objectId: r.id,
      subject: `领用单 ${r.number}`,
      step: step.name,
      allowedUserIds: step.approverIds.length ? step.approverIds : undefined,
      excludedUserIds: [r.requester_id, r.recorded_by_id],
      input: input.approval,
      notBefore: { date: r.requested_on, what: '申请日期' },
    });
    const last = r.approved_steps + 1 === steps.length;
    if (a.decision === 'rejected') {
      updateRow(ctx.db, 'supply_requisitions', r.id, { state: 'rejected', updated_at: ctx.nowIso });
    } else {
      updateRow(ctx.db, 'supply_requisitions', r.id, {
        approved_steps: r.approved_steps + 1,
        approvers: r.approvers ? `${r.approvers}、${a.approverName}` : a.approverName,
        state: last ? 'approved' : 'pending',
        updated_at: ctx.nowIso,
      });
    }
    const d = reqDetail(ctx, r.id);
    ctx.note({
      objectType: SUPPLY_REQ_OBJECT,
      objectId: r.id,
      before: { state: r.state, approvedSteps: r.approved_steps },
      after: { state: d.state, step: step.name, decision: a.decision, approver: a.approverName, mode: input.approval.mode, comment: input.approval.comment },
      message: `领用审批（${step.name}）：${a.approverName}${a.decision === 'approved' ? '批准' : '驳回'} ${r.number}（${input.approval.mode === 'cosign' ? '本机会签' : `纸质签批，归档号 ${input.approval.filingNo}`}）`,
    });
    return d;
  },

  'supplies.issue': (ctx, input) => {
    const r = loadReq(ctx, input.id);
    if (r.state === 'pending') refuse(`领用单${r.number}尚未审批完毕（待${toReqRow(r).nextStep}），不能发放（先审批后执行）`, 'id');
    if (r.state !== 'approved' && r.state !== 'partial') refuse(`领用单${r.number}为“${REQ_STATE_LABELS[r.state]}”，不能发放`, 'id');
    const me = ctx.me();
    if (me.userId === r.requester_id) refuse(`领用人${r.requester_name}不能给自己发放，请由其他经办人发放`, 'id');
    const issuedOn = pastDate(ctx, input.issuedOn, '发放日期', 'issuedOn', { date: r.requested_on, what: '申请日期' });
    const lines = stmt(ctx.db, 'SELECT id, item_id, qty, issued_qty FROM supply_requisition_lines WHERE requisition_id = ?').all(r.id) as { id: number; item_id: number; qty: number; issued_qty: number }[];
    const seen = new Set<number>();
    const done: string[] = [];
    input.lines.forEach((l, i) => {
      const f = `lines.${i}.quantity`;
      const line = lines.find((x) => x.id === l.lineId);
      if (!line) throw new DomainError('not_found', `第 ${i + 1} 项不属于该领用单`, `lines.${i}.lineId`);
      if (seen.has(line.id)) refuse('同一物品在一次发放中重复填写', `lines.${i}.lineId`);
      seen.add(line.id);
      const item = loadItem(ctx, line.item_id, f);
      const qty = milliFor(item, l.quantity, '发放数量', f);
      const left = line.qty - line.issued_qty;
      if (qty > left) refuse(`“${itemLabel(item)}”本次发放不能超过批准未发的数量（${qtyText(left, item.unit)}）`, f);
      postMovement(ctx, {
        itemId: item.id,
        kind: 'issue',
        date: issuedOn,
        qty,
        field: f,
        requisitionId: r.id,
        requisitionLineId: line.id,
        recipientId: r.requester_id,
        recipientName: r.requester_name,
        department: r.department,
        approvedBy: r.approvers,
        handledById: me.userId,
        handledByName: me.name,
        note: input.note,
      });
      stmt(ctx.db, 'UPDATE supply_requisition_lines SET issued_qty = issued_qty + ? WHERE id = ?').run(qty, line.id);
      done.push(`${itemLabel(item)} ${qtyText(qty, item.unit)}`);
    });
    const left = (stmt(ctx.db, 'SELECT count(*) AS n FROM supply_requisition_lines WHERE requisition_id = ? AND issued_qty < qty').get(r.id) as { n: number }).n;
    const state = left === 0 ? 'issued' : 'partial';
    updateRow(ctx.db, 'supply_requisitions', r.id, { state, updated_at: ctx.nowIso });
    const d = reqDetail(ctx, r.id);
    ctx.note({
      objectType: SUPPLY_REQ_OBJECT,
      objectId: r.id,
      before: { state: r.state },
      after: { state, issuedOn, issued: done, issuedBy: me.name },
      message: `发放 ${r.number}：${r.requester_name}领用 ${done.join('、')}${state === 'partial' ? '（部分发放）' : ''}`,
    });
    return d;
  },

  'supplies.requisitionClose': (ctx, input) => {
    const r = loadReq(ctx, input.id);
    if (r.state !== 'partial') refuse(r.state === 'approved' || r.state === 'pending' ? '尚未发放的领用单请使用“作废”' : `领用单${r.number}为“${REQ_STATE_LABELS[r.state]}”，不能结束`, 'id');
    updateRow(ctx.db, 'supply_requisitions', r.id, { state: 'closed', close_reason: input.reason, updated_at: ctx.nowIso });
    const d = reqDetail(ctx, r.id);
    ctx.note({ objectType: SUPPLY_REQ_OBJECT, objectId: r.id, before: { state: r.state }, after: { state: 'closed', reason: input.reason }, message: `结束领用单 ${r.number}（余量不再发放）：${input.reason}` });
    return d;
  },

  'supplies.requisitionVoid': (ctx, input) => {
    const r = loadReq(ctx, input.id);
    if (r.state !== 'pending' && r.state !== 'approved') {
      refuse(r.state === 'partial' ? '已部分发放的领用单不能作废，请使用“结束”' : `领用单${r.number}为“${REQ_STATE_LABELS[r.state]}”，不能作废`, 'id');
    }
    updateRow(ctx.db, 'supply_requisitions', r.id, { state: 'void', close_reason: input.reason, updated_at: ctx.nowIso });
    const d = reqDetail(ctx, r.id);
    ctx.note({ objectType: SUPPLY_REQ_OBJECT, objectId: r.id, before: { state: r.state }, after: { state: 'void', reason: input.reason }, message: `作废领用单 ${r.number}：${input.reason}` });
    return d;
  },

  'supplies.requisitionList': (ctx, input) => {
    const w = reqWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM supply_requisitions r ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${REQ_SELECT} ${w.sql} ORDER BY ${REQ_ORDER[input.sort]} LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as ReqDbRow[];
    return { rows: rows.map(toReqRow), total };
  },

  'supplies.requisitionGet': (ctx, input) => {
    loadReq(ctx, input.id);
    return reqDetail(ctx, input.id);
  },

  'supplies.returnStock': (ctx, input) => {
    const src = movementRow(ctx.db, input.movementId);
    if (!src) throw new DomainError('not_found', '领用记录不存在', 'movementId');
    if (src.kind !== 'issue') refuse('只能对领用记录办理退库', 'movementId');
    const item = loadItem(ctx, src.item_id, 'quantity');
    const qty = milliFor(item, input.quantity, '退库数量', 'quantity');
    const left = src.qty - src.returned_qty;
    if (qty > left) refuse(`退库数量不能超过该次领用未退回的数量（${qtyText(left, item.unit)}）`, 'quantity');
    const date = pastDate(ctx, input.returnedOn, '退库日期', 'returnedOn', { date: src.moved_on, what: '领用日期' });
    // At the cost it left with: the cumulative share of the issue's amount, so returns add up to it exactly.
    const amount = mulDiv(src.amount, src.returned_qty + qty, src.qty) - mulDiv(src.amount, src.returned_qty, src.qty);
    const me = ctx.me();
    const m = postMovement(ctx, {
      itemId: item.id,
      kind: 'return',
      date,
      qty,
      amount,
      field: 'returnedOn',
      requisitionId: src.requisition_id ?? undefined,
      sourceId: src.id,
      recipientId: src.recipient_id,
      recipientName: src.recipient_name,
      department: src.department,
      handledById: me.userId,
      handledByName: me.name,
      note: input.reason,
    });
    stmt(ctx.db, 'UPDATE supply_movements SET returned_qty = returned_qty + ? WHERE id = ?').run(qty, src.id);
    const out = toMovement(movementRow(ctx.db, m.id)!);
    ctx.note({
      objectType: SUPPLY_MOVEMENT_OBJECT,
      objectId: m.id,
      after: { item: itemLabel(item), quantity: out.quantity, amount, from: src.recipient_name, source: src.id, reason: input.reason },
      message: `退库：${src.recipient_name}退回 ${itemLabel(item)} ${qtyText(qty, item.unit)}（${src.ref_number ?? ''}）：${input.reason}`,
    });
    return out;
  },

  // ---- stocktakes ----

  'supplies.stocktakeCreate': (ctx, input) => {
    let items: ItemDbRow[];
    if (input.itemIds.length) {
      if (new Set(input.itemIds).size !== input.itemIds.length) refuse('盘点物品重复选择', 'itemIds');
      items = input.itemIds.map((id, i) => loadItem(ctx, id, `itemIds.${i}`));
    } else {
      items = stmt(ctx.db, `${ITEM_SELECT} WHERE i.active = 1 AND (b.qty > 0 OR b.moves > 0) ${input.category ? 'AND i.category = ?' : ''} ORDER BY i.category, i.name`).all(
        ...(input.category ? [input.category] : []),
      ) as ItemDbRow[];
      if (!items.length) refuse(input.category ? `“${input.category}”类没有可盘点的物品` : '没有可盘点的物品', input.category ? 'category' : 'itemIds');
    }
    const open = stmt(
      ctx.db,
      `SELECT s.number, i.name FROM supply_stocktake_lines l JOIN supply_stocktakes s ON s.id = l.stocktake_id JOIN supply_items i ON i.id = l.item_id
       WHERE s.state = 'draft' AND l.item_id = ? LIMIT 1`,
    );
    for (const [i, it] of items.entries()) {
      const o = open.get(it.id) as { number: string; name: string } | undefined;
      if (o) throw new DomainError('conflict', `“${itemLabel(it)}”正在盘点表 ${o.number} 中盘点，请先确认或作废该表`, input.itemIds.length ? `itemIds.${i}` : 'itemIds');
    }
    const year = Number(input.countedOn.slice(0, 4));
    const seq = nextNumber(ctx.db, STOCKTAKE_SEQ, year);
    const id = insertRow(ctx.db, 'supply_stocktakes', {
      year,
      seq,
      number: formatNumber(STOCKTAKE_PREFIX, year, seq),
      title: input.title,
      counted_on: input.countedOn,
      remarks: input.remarks,
      recorded_by_id: ctx.me().userId,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    for (const it of items) insertRow(ctx.db, 'supply_stocktake_lines', { stocktake_id: id, item_id: it.id, book_qty: it.qty, book_amount: it.amount, book_moves: it.moves });
    const d = stocktakeDetail(ctx, id);
    ctx.note({ objectType: SUPPLY_STOCKTAKE_OBJECT, objectId: id, after: { number: d.number, title: d.title, date: d.date, items: d.lineCount }, message: `新建盘点表 ${d.number}：${d.title}，${d.lineCount} 种物品` });
    return d;
  },

  'supplies.stocktakeSave': (ctx, input) => {
    const r = loadStocktake(ctx, input.id);
    requireDraft(r);
    const set: Record<string, unknown> = { updated_at: ctx.nowIso };
    if (input.countedOn !== undefined) {
      if (Number(input.countedOn.slice(0, 4)) !== r.year) refuse(`盘点日期须在 ${r.year} 年内`, 'countedOn');
      set.counted_on = input.countedOn;
    }
    const counted = input.countedById === undefined ? r.counted_by_id : input.countedById;
    const checked = input.checkedById === undefined ? r.checked_by_id : input.checkedById;
    if (counted && checked && counted === checked) refuse('盘点人和复核人不能是同一人', 'checkedById');
    if (input.countedById !== undefined) {
      const u = input.countedById ? activeUser(ctx.db, input.countedById, '盘点人', 'countedById') : null;
      set.counted_by_id = u?.id ?? null;
      set.counted_by_name = u?.name ?? null;
    }
    if (input.checkedById !== undefined) {
      const u = input.checkedById ? activeUser(ctx.db, input.checkedById, '复核人', 'checkedById') : null;
      set.checked_by_id = u?.id ?? null;
      set.checked_by_name = u?.name ?? null;
    }
    if (input.remarks !== undefined) set.remarks = input.remarks;
    const lines = stocktakeLines(ctx.db, r.id);
    const changes: Record<string, unknown>[] = [];
    input.lines.forEach((l, i) => {
      const line = lines.find((x) => x.id === l.lineId);
      if (!line) throw new DomainError('not_found', `第 ${i + 1} 项不属于该盘点表`, `lines.${i}.lineId`);
      const counted = l.countedQty === null ? null : milliFor({ whole_unit: line.whole_unit, unit: line.unit, name: line.item_name }, l.countedQty, '实盘数量', `lines.${i}.countedQty`);
      if (counted === line.counted_qty && l.reason === line.reason) return;
      stmt(ctx.db, 'UPDATE supply_stocktake_lines SET counted_qty = ?, reason = ? WHERE id = ?').run(counted, l.reason, line.id);
      changes.push({ item: itemLabel({ name: line.item_name, spec: line.spec }), counted: counted === null ? null : fromMilli(counted), reason: l.reason || undefined });
    });
    updateRow(ctx.db, 'supply_stocktakes', r.id, set);
    const d = stocktakeDetail(ctx, r.id);
    ctx.note({
      objectType: SUPPLY_STOCKTAKE_OBJECT,
      objectId: r.id,
      after: { countedBy: d.countedByName, checkedBy: d.checkedByName, date: d.date, lines: changes },
      message: `录入盘点结果 ${r.number}：已盘 ${d.countedCount}/${d.lineCount} 项，差异 ${d.diffCount} 项`,
    });
    return d;
  },

  'supplies.stocktakeRefresh': (ctx, input) => {
    const r = loadStocktake(ctx, input.id);
    requireDraft(r);
    const stale = stocktakeLines(ctx.db, r.id).filter((l) => l.moves_now !== l.book_moves);
    if (!stale.length) refuse('账面数没有变化，无需更新', 'id');
    const upd = stmt(ctx.db, 'UPDATE supply_stocktake_lines SET book_qty = ?, book_amount = ?, book_moves = ? WHERE id = ?');
    for (const l of stale) {
      const it = itemRow(ctx.db, l.item_id)!;
      upd.run(it.qty, it.amount, it.moves, l.id);
    }
    updateRow(ctx.db, 'supply_stocktakes', r.id, { updated_at: ctx.nowIso });
    const d = stocktakeDetail(ctx, r.id);
    ctx.note({ objectType: SUPPLY_STOCKTAKE_OBJECT, objectId: r.id, after: { refreshed: stale.map((l) => l.item_name) }, message: `更新盘点表 ${r.number} 的账面数：${stale.length} 项` });
    return d;
  },

  'supplies.stocktakeConfirm': (ctx, input) => {
    const r = loadStocktake(ctx, input.id);
    requireDraft(r);
    if (!r.counted_by_id) refuse('请填写盘点人', 'countedById');
    if (!r.checked_by_id) refuse('请填写复核人', 'checkedById');
    if (r.counted_on > today(ctx)) refuse('盘点日期不能晚于今天', 'countedOn');
    const lines = stocktakeLines(ctx.db, r.id);
    const blank = lines.filter((l) => l.counted_qty === null);
    if (blank.length) refuse(`尚有 ${blank.length} 项未录入实盘数量（如“${blank[0].item_name}”）`, 'lines');
    const stale = lines.find((l) => l.moves_now !== l.book_moves);
    if (stale) refuse(`“${stale.item_name}”在盘点表生成后有出入库，账面数已变化，请先“更新账面数”并复核实盘数`, 'lines');
    const unexplained = lines.find((l) => l.counted_qty !== l.book_qty && !l.reason);
    if (unexplained) refuse(`“${unexplained.item_name}”账实不符，请填写差异原因`, 'lines');
    const me = ctx.me();
    let gain = 0;
    let loss = 0;
    const posted: Record<string, unknown>[] = [];
    for (const l of lines) {
      const diff = l.counted_qty! - l.book_qty;
      if (diff === 0) continue;
      const item = itemRow(ctx.db, l.item_id)!;
      const m = postMovement(ctx, {
        itemId: l.item_id,
        kind: diff > 0 ? 'gain' : 'loss',
        date: r.counted_on,
        qty: Math.abs(diff),
        amount: diff > 0 ? valueOf(item, diff) : undefined,
        field: 'countedOn',
        stocktakeId: r.id,
        handledById: r.counted_by_id,
        handledByName: r.counted_by_name ?? '',
        approvedBy: r.checked_by_name ?? '',
        note: l.reason,
      });
      if (diff > 0) gain += m.amount;
      else loss += m.amount;
      posted.push({ item: itemLabel({ name: l.item_name, spec: l.spec }), diff: fromMilli(diff), amount: diff > 0 ? m.amount : -m.amount, reason: l.reason });
    }
    updateRow(ctx.db, 'supply_stocktakes', r.id, { state: 'confirmed', confirmed_at: ctx.nowIso, confirmed_by_id: me.userId, updated_at: ctx.nowIso });
    const d = stocktakeDetail(ctx, r.id);
    ctx.note({
      objectType: SUPPLY_STOCKTAKE_OBJECT,
      objectId: r.id,
      before: { state: 'draft' },
      after: { state: 'confirmed', adjustments: posted, gain, loss },
      message: `确认盘点 ${r.number}：${lines.length} 项，盘盈 ${posted.filter((p) => (p.diff as number) > 0).length} 项 ${yuan(gain)}，盘亏 ${posted.filter((p) => (p.diff as number) < 0).length} 项 ${yuan(loss)}`,
    });
    return d;
  },

  'supplies.stocktakeVoid': (ctx, input) => {
    const r = loadStocktake(ctx, input.id);
    requireDraft(r);
    updateRow(ctx.db, 'supply_stocktakes', r.id, { state: 'void', void_reason: input.reason, updated_at: ctx.nowIso });
    const d = stocktakeDetail(ctx, r.id);
    ctx.note({ objectType: SUPPLY_STOCKTAKE_OBJECT, objectId: r.id, before: { state: 'draft' }, after: { state: 'void', reason: input.reason }, message: `作废盘点表 ${r.number}：${input.reason}` });
    return d;
  },

  'supplies.stocktakeList': (ctx, input) => {
    const w = stocktakeWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM supply_stocktakes s ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${STOCKTAKE_SELECT} ${w.sql} ORDER BY s.counted_on DESC, s.id DESC LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as StocktakeDbRow[];
    return { rows: rows.map(toStocktakeRow), total };
  },

  'supplies.stocktakeGet': (ctx, input) => {
    loadStocktake(ctx, input.id);
    return stocktakeDetail(ctx, input.id);
  },

  // ---- the ledger ----

  'supplies.list': (ctx, input) => {
    const w = movementWhere(input);
    const total = (stmt(ctx.db, `SELECT count(*) AS n FROM supply_movements m ${w.sql}`).get(...w.args) as { n: number }).n;
    const rows = stmt(ctx.db, `${MOVEMENT_SELECT} ${w.sql} ORDER BY ${MOVEMENT_ORDER[input.sort]} LIMIT ? OFFSET ?`).all(...w.args, input.pageSize, (input.page - 1) * input.pageSize) as MovementDbRow[];
    return { rows: rows.map(toMovement), total };
  },

  'supplies.ledger': (ctx, input) => {
    const q = ledgerQuery(ctx.db, input);
    return { rows: q.rows(input.pageSize, (input.page - 1) * input.pageSize), total: q.count(), totals: q.totals() };
  },

  'supplies.attention': (ctx) => {
    const n = (sql: string) => (stmt(ctx.db, sql).get() as { n: number }).n;
    const low = stmt(ctx.db, `${ITEM_SELECT} WHERE i.active = 1 AND i.reorder_level > 0 AND b.qty <= i.reorder_level ORDER BY (b.qty * 1.0 / i.reorder_level), i.name LIMIT 5`).all() as ItemDbRow[];
    const reqs = (state: string) =>
      (stmt(ctx.db, `${REQ_SELECT} WHERE r.state = ? ORDER BY r.requested_on, r.id LIMIT 5`).all(state) as ReqDbRow[]).map((r) => {
        const row = toReqRow(r);
        return { id: row.id, number: row.number, requesterName: row.requesterName, date: row.date, summary: row.summary, nextStep: row.nextStep };
      });
    return {
      lowStock: n('SELECT count(*) AS n FROM supply_items i JOIN supply_balances b ON b.item_id = i.id WHERE i.active = 1 AND i.reorder_level > 0 AND b.qty <= i.reorder_level'),
      lowRows: low.filter(isLow).map((r) => ({ id: r.id, name: r.name, spec: r.spec, unit: r.unit, balanceQty: fromMilli(r.qty), reorderLevel: fromMilli(r.reorder_level) })),
      pendingApproval: n("SELECT count(*) AS n FROM supply_requisitions WHERE state = 'pending'"),
      pendingRows: reqs('pending'),
      awaitingIssue: n("SELECT count(*) AS n FROM supply_requisitions WHERE state IN ('approved', 'partial')"),
      awaitingIssueRows: reqs('approved'),
      awaitingAcceptance: n("SELECT count(*) AS n FROM supply_purchases WHERE state = 'ordered'"),
      openStocktakes: n("SELECT count(*) AS n FROM supply_stocktakes WHERE state = 'draft'"),
    };
  },
};
