// The output side of the supplies registers: rows for printing and export, and the import of an
// existing item catalogue (a spreadsheet of thousands of items is adopted in one go).
import type { RegisterFilter } from '../contract/output';
import type { OutputRow, RegisterImpl } from '../output/registry';
import { readImportRow } from '../output/import-row';
import type { Db } from '../core/open';
import type { Ctx } from '../core/context';
import { shanghaiDate } from '../core/time';
import { refuse } from '../core/errors';
import {
  CHANNEL_LABELS,
  ACCEPT_RESULT_LABELS,
  MOVEMENT_KIND_LABELS,
  PURCHASE_STATE_LABELS,
  SUPPLY_REGISTER_ISSUES,
  SUPPLY_REGISTER_ITEMS,
  SUPPLY_REGISTER_LEDGER,
  SUPPLY_REGISTER_MOVEMENTS,
  SUPPLY_REGISTER_PURCHASES,
  SUPPLY_REGISTER_STOCKTAKE,
  formatQty,
  fromMilli,
  suppliesRegisterDefs,
} from '../contract/supplies';
import {
  ITEM_SELECT,
  MOVEMENT_SELECT,
  PURCHASE_SELECT,
  itemLabel,
  itemWhere,
  ledgerQuery,
  movementWhere,
  purchaseWhere,
  stocktakeLines,
  toItem,
  toPurchaseRow,
  type ItemDbRow,
  type MovementDbRow,
  type MovementFilter,
  type PurchaseDbRow,
} from './queries';
import { mulDiv, stmt } from './util';

const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

const movementFilter = (f: RegisterFilter, kind?: string): MovementFilter => ({
  year: f.year,
  from: f.from,
  to: f.to,
  kind: kind ?? f.state,
  q: f.q,
  itemId: num(f.extra?.itemId),
  recipientId: num(f.extra?.recipientId),
  department: str(f.extra?.department),
});

const qty = (milli: number) => fromMilli(milli);

// ---- 出入库明细账 ----

const movements: RegisterImpl = {
  def: suppliesRegisterDefs[SUPPLY_REGISTER_MOVEMENTS],
  count(db, f) {
    const w = movementWhere(movementFilter(f));
    return (stmt(db, `SELECT count(*) AS n FROM supply_movements m ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = movementWhere(movementFilter(f));
    const rows = stmt(db, `${MOVEMENT_SELECT} ${w.sql} ORDER BY m.moved_on, m.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as MovementDbRow[];
    return rows.map((r) => ({
      date: r.moved_on,
      kind: MOVEMENT_KIND_LABELS[r.kind],
      ref: r.ref_number ?? '',
      item: itemLabel({ name: r.item_name, spec: r.spec }),
      unit: r.unit,
      // A 入库更正（调减） is a red entry in 收入, as a bookkeeper writes it, not a 发出.
      inQty: r.dir === 1 ? qty(r.qty) : r.kind === 'correctDown' ? -qty(r.qty) || 0 : null,
      inAmount: r.dir === 1 ? r.amount : r.kind === 'correctDown' ? -r.amount : null,
      outQty: r.dir === -1 && r.kind !== 'correctDown' ? qty(r.qty) : null,
      outAmount: r.dir === -1 && r.kind !== 'correctDown' ? r.amount : null,
      balanceQty: qty(r.balance_qty),
      balanceAmount: r.balance_amount,
      party: r.purchase_id ? (r.supplier ?? '') : r.recipient_name,
      note: r.note,
      department: r.department,
      approvedBy: r.approved_by,
      handledBy: r.handled_by_name,
      _id: r.id,
    }));
  },
};

// ---- 领用登记表 ----

const issues: RegisterImpl = {
  def: suppliesRegisterDefs[SUPPLY_REGISTER_ISSUES],
  count(db, f) {
    const w = movementWhere(movementFilter(f, 'issue'));
    return (stmt(db, `SELECT count(*) AS n FROM supply_movements m ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const filter = movementFilter(f, 'issue');
    const reqId = num(f.extra?.requisitionId);
    const w = movementWhere(filter);
    const sql = reqId ? `${w.sql ? `${w.sql} AND` : 'WHERE'} m.requisition_id = ?` : w.sql;
    const args = reqId ? [...w.args, reqId] : w.args;
    const rows = stmt(db, `${MOVEMENT_SELECT} ${sql} ORDER BY m.moved_on, m.id LIMIT ? OFFSET ?`).all(...args, limit, offset) as MovementDbRow[];
    return rows.map((r, i) => ({
      index: offset + i + 1,
      date: r.moved_on,
      number: r.ref_number ?? '',
      item: itemLabel({ name: r.item_name, spec: r.spec }),
      unit: r.unit,
      quantity: qty(r.qty),
      recipient: r.recipient_name,
      department: r.department,
      approvedBy: r.approved_by,
      issuedBy: r.handled_by_name,
      note: [r.returned_qty ? `已退库 ${formatQty(qty(r.returned_qty))}` : '', r.note].filter(Boolean).join('；'),
      amount: r.amount,
      _id: r.id,
    }));
  },
};

// ---- 收发存台账 ----

function ledgerFilter(f: RegisterFilter, now: Date) {
  const y = f.year ?? Number(shanghaiDate(now).slice(0, 4));
  return { from: f.from ?? `${y}-01-01`, to: f.to ?? `${y}-12-31`, category: str(f.extra?.category), q: f.q };
}

const ledger: RegisterImpl = {
  def: suppliesRegisterDefs[SUPPLY_REGISTER_LEDGER],
  count: (db, f, now) => ledgerQuery(db, ledgerFilter(f, now)).count(),
  rows(db, f, limit, offset, now) {
    return ledgerQuery(db, ledgerFilter(f, now))
      .rows(limit, offset)
      .map((r, i) => ({
        index: offset + i + 1,
        item: itemLabel(r),
        unit: r.unit,
        openQty: r.openQty,
        openAmount: r.openAmount,
        inQty: r.inQty,
        inAmount: r.inAmount,
        outQty: r.outQty,
        outAmount: r.outAmount,
        closeQty: r.closeQty,
        closeAmount: r.closeAmount,
        note: [r.returnQty ? `含退库 ${formatQty(r.returnQty)}` : '', r.gainQty ? `盘盈 ${formatQty(r.gainQty)}` : '', r.lossQty ? `盘亏 ${formatQty(r.lossQty)}` : ''].filter(Boolean).join('，'),
        category: r.category,
        _id: r.itemId,
      }));
  },
};

// ---- 物品目录 (with import) ----

const itemFilterOf = (f: RegisterFilter) => ({ q: f.q, category: str(f.extra?.category), activeOnly: f.state !== 'all', lowOnly: f.extra?.lowOnly === true });

interface ImportedItem {
  row: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  category: string;
  reorderLevel: number;
  wholeUnit: boolean;
  remarks: string;
}

const LIMITS: [keyof ImportedItem, string, number][] = [
  ['code', '编码', 30],
  ['name', '物品名称', 60],
  ['spec', '规格型号', 100],
  ['unit', '单位', 10],
  ['category', '类别', 30],
  ['remarks', '备注', 500],
];

const itemImporter: NonNullable<RegisterImpl<ImportedItem>['importer']> = {
  parse(c, row, ctx) {
    const { problems, bad, s } = readImportRow(c, row, LIMITS);
    const wholeRaw = s('wholeUnit');
    if (wholeRaw && !['是', '否'].includes(wholeRaw)) bad('整数计量', '请填写“是”或“否”');
    const wholeUnit = wholeRaw !== '否';
    const levelRaw = s('reorderLevel') || '0';
    const level = Number(levelRaw);
    if (!/^\d+(\.\d{1,3})?$/.test(levelRaw) || !Number.isFinite(level)) bad('库存下限', '应为不小于 0 的数，最多三位小数');
    else if (wholeUnit && !Number.isInteger(level)) bad('库存下限', '整数计量的物品，库存下限须为整数');
    if (stmt(ctx.db, 'SELECT 1 FROM supply_items WHERE name = ? AND spec = ?').get(s('name'), s('spec'))) bad('物品名称', `物品目录中已有“${itemLabel({ name: s('name'), spec: s('spec') })}”`);
    if (s('code') && stmt(ctx.db, "SELECT 1 FROM supply_items WHERE code = ? AND code <> ''").get(s('code'))) bad('编码', `编码“${s('code')}”已被使用`);
    if (problems.length) return { problems };
    return { problems, value: { row, code: s('code'), name: s('name'), spec: s('spec'), unit: s('unit'), category: s('category'), reorderLevel: Math.round(level * 1000), wholeUnit, remarks: s('remarks') } };
  },
  // Name and spec identify an item; the framework refuses duplicates within the file by this key.
  key: (v) => `${v.name}\u0000${v.spec}`,
  // The catalogue only: stock arrives through purchases and stocktakes, each a register of its own.
  rowsForImport(db, f, limit, offset) {
    const w = itemWhere(itemFilterOf(f));
    return (stmt(db, `${ITEM_SELECT} ${w.sql} ORDER BY i.category, i.name, i.spec, i.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as ItemDbRow[]).map((r) => {
      const it = toItem(r);
      return {
        code: it.code,
        name: it.name,
        spec: it.spec,
        unit: it.unit,
        category: it.category,
        reorderLevel: String(it.reorderLevel),
        wholeUnit: it.wholeUnit ? '是' : '否',
        remarks: [it.active ? '' : '原状态：停用', it.remarks].filter(Boolean).join('；'),
      };
    });
  },
  store(ctx: Ctx, v) {
    // Rows stored before this one are in the table already, so a code repeated in the file is found here.
    if (v.code && stmt(ctx.db, 'SELECT 1 FROM supply_items WHERE code = ?').get(v.code)) refuse(`编码“${v.code}”已被使用（目录中或本文件前面的行）`, 'code');
    stmt(
      ctx.db,
      `INSERT INTO supply_items (code, name, spec, unit, category, reorder_level, whole_unit, remarks, created_at, created_by_id, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(v.code, v.name, v.spec, v.unit, v.category, v.reorderLevel, v.wholeUnit ? 1 : 0, v.remarks, ctx.nowIso, ctx.me().userId, ctx.nowIso);
  },
};

const items: RegisterImpl<ImportedItem> = {
  def: suppliesRegisterDefs[SUPPLY_REGISTER_ITEMS],
  count(db, f) {
    const w = itemWhere(itemFilterOf(f));
    return (stmt(db, `SELECT count(*) AS n FROM supply_items i JOIN supply_balances b ON b.item_id = i.id ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = itemWhere(itemFilterOf(f));
    const rows = stmt(db, `${ITEM_SELECT} ${w.sql} ORDER BY i.category, i.name, i.spec, i.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as ItemDbRow[];
    return rows.map((r, i) => {
      const it = toItem(r);
      return {
        index: offset + i + 1,
        code: it.code,
        name: it.name,
        spec: it.spec,
        unit: it.unit,
        category: it.category,
        reorderLevel: it.reorderLevel,
        balanceQty: it.balanceQty,
        balanceAmount: it.balanceAmount,
        avgCost: it.avgCost,
        status: it.active ? (it.low ? '低于下限' : '在用') : '停用',
        _id: it.id,
      };
    });
  },
  importer: itemImporter,
};

// ---- 采购验收登记簿 ----

const purchases: RegisterImpl = {
  def: suppliesRegisterDefs[SUPPLY_REGISTER_PURCHASES],
  count(db, f) {
    const w = purchaseWhere({ ...f, buyerId: num(f.extra?.buyerId), channel: str(f.extra?.channel) });
    return (stmt(db, `SELECT count(*) AS n FROM supply_purchases p ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = purchaseWhere({ ...f, buyerId: num(f.extra?.buyerId), channel: str(f.extra?.channel) });
    const rows = stmt(db, `${PURCHASE_SELECT} ${w.sql} ORDER BY p.purchased_on, p.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as PurchaseDbRow[];
    return rows.map((r) => {
      const p = toPurchaseRow(r);
      return {
        number: p.number,
        date: p.date,
        channel: CHANNEL_LABELS[p.channel] + (p.channelReason ? `（${p.channelReason}）` : ''),
        orderNo: p.orderNo,
        supplier: p.supplier,
        summary: p.summary,
        total: p.total,
        buyer: p.buyerName,
        acceptedOn: p.acceptedOn,
        acceptors: p.acceptors.map((a) => a.name).join('、'),
        result: p.result ? ACCEPT_RESULT_LABELS[p.result] : p.state === 'void' ? '' : '待验收',
        remarks: [p.state === 'void' ? `作废：${p.voidReason}` : '', p.result === 'partial' && p.acceptedTotal !== null ? `实收 ${(p.acceptedTotal / 100).toFixed(2)} 元` : '', p.remarks].filter(Boolean).join('；'),
        state: PURCHASE_STATE_LABELS[p.state],
        fundingSource: p.fundingSource,
        _id: p.id,
      };
    });
  },
};

// ---- 盘点表 (one stocktake: extra.stocktakeId) ----

const stocktake: RegisterImpl = {
  def: suppliesRegisterDefs[SUPPLY_REGISTER_STOCKTAKE],
  count(db: Db, f) {
    const id = num(f.extra?.stocktakeId);
    return id ? (stmt(db, 'SELECT count(*) AS n FROM supply_stocktake_lines WHERE stocktake_id = ?').get(id) as { n: number }).n : 0;
  },
  rows(db: Db, f, limit, offset): OutputRow[] {
    const id = num(f.extra?.stocktakeId);
    if (!id) return [];
    return stocktakeLines(db, id)
      .slice(offset, offset + limit)
      .map((l, i) => {
        const diff = l.counted_qty === null ? null : l.counted_qty - l.book_qty;
        const diffAmount = l.adj_amount !== null ? (l.adj_kind === 'loss' ? -l.adj_amount : l.adj_amount) : diff && l.book_qty > 0 ? mulDiv(l.book_amount, diff, l.book_qty) : null;
        return {
          index: offset + i + 1,
          item: itemLabel({ name: l.item_name, spec: l.spec }),
          unit: l.unit,
          bookQty: qty(l.book_qty),
          countedQty: l.counted_qty === null ? null : qty(l.counted_qty),
          diffQty: diff === null || diff === 0 ? null : qty(diff),
          diffAmount: diff ? diffAmount : null,
          reason: l.reason,
          _id: l.id,
        };
      });
  },
};

/** The output side (print rows, export, import) of this area's registers, keyed like suppliesRegisterDefs. */
export const suppliesRegisterImpls: Record<string, RegisterImpl<any>> = {
  [SUPPLY_REGISTER_MOVEMENTS]: movements,
  [SUPPLY_REGISTER_ISSUES]: issues,
  [SUPPLY_REGISTER_LEDGER]: ledger,
  [SUPPLY_REGISTER_ITEMS]: items,
  [SUPPLY_REGISTER_PURCHASES]: purchases,
  [SUPPLY_REGISTER_STOCKTAKE]: stocktake,
};
