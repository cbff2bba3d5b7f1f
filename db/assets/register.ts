// The output side of the asset registers: the asset list (by department, user, location or
// category), the movement log, disposals and one verification sheet; and the import of an existing
// asset ledger (labels already on the assets keep their numbers; duplicates are refused).
import { CONFIRMATION_MARKS, confirmationMarks } from '../core/approvals';
import type { RegisterFilter } from '../contract/output';
import type { OutputRow, RegisterImpl } from '../output/registry';
import { personNamed, readImportRow } from '../output/import-row';
import type { Db } from '../core/open';
import type { Ctx } from '../core/context';
import { shanghaiDate } from '../core/time';
import {
  ASSET_DISPOSAL_OBJECT,
  ASSET_MOVE_LABELS,
  ASSET_REGISTER_CARDS,
  ASSET_REGISTER_CHECK,
  ASSET_REGISTER_DISPOSALS,
  ASSET_REGISTER_MOVEMENTS,
  ASSET_STATUS_LABELS,
  CHECK_RESULT_LABELS,
  DISPOSAL_METHOD_LABELS,
  DISPOSAL_STATE_LABELS,
  assetsRegisterDefs,
  type AssetStatus,
} from '../contract/assets';
import { stmt } from '../core/rows';
import { createCard } from './cards';
import type { NewCard } from '../core/asset-intake';
import {
  ASSET_MOVEMENT_SELECT,
  CARD_SELECT,
  DISPOSAL_SELECT,
  cardRow,
  cardWhere,
  checkLines,
  disposalWhere,
  movementWhere,
  statusText,
  toDisposalRow,
  type AssetMovementDbRow,
  type CardDbRow,
  type CardFilter,
  type DisposalDbRow,
} from './queries';

const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export const GROUPS = { department: 'c.department', user: 'c.user_name', location: 'c.location', category: 'c.category' } as const;

/** The filter of the asset list. Disposed cards are left out unless a status is asked for or `includeDisposed`. */
export function cardFilterOf(f: RegisterFilter): CardFilter & { group?: keyof typeof GROUPS; includeDisposed: boolean } {
  const ids = str(f.extra?.ids)
    ?.split(',')
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, 2000);
  const group = str(f.extra?.groupBy) as keyof typeof GROUPS | undefined;
  return {
    year: f.year,
    from: f.from,
    to: f.to,
    state: f.state,
    q: f.q,
    department: str(f.extra?.department),
    userId: num(f.extra?.userId),
    location: str(f.extra?.location),
    category: str(f.extra?.category),
    flag: str(f.extra?.flag),
    ids,
    group: group && group in GROUPS ? group : undefined,
    includeDisposed: f.extra?.includeDisposed === true || !!f.state,
  };
}

function cardsWhere(f: RegisterFilter) {
  const cf = cardFilterOf(f);
  const w = cardWhere(cf);
  const extra = cf.includeDisposed ? '' : 'c.disposal_id IS NULL';
  const sql = extra ? (w.sql ? `${w.sql} AND ${extra}` : `WHERE ${extra}`) : w.sql;
  return { sql, args: w.args, group: cf.group };
}

const cards: RegisterImpl<ImportedCard> = {
  def: assetsRegisterDefs[ASSET_REGISTER_CARDS],
  count(db, f) {
    const w = cardsWhere(f);
    return (stmt(db, `SELECT count(*) AS n FROM asset_cards c ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = cardsWhere(f);
    const order = w.group ? `${GROUPS[w.group]}, c.year, c.seq, c.number` : 'c.year, c.seq, c.number';
    const rows = stmt(db, `${CARD_SELECT} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as CardDbRow[];
    return rows.map((r) => ({
      group: w.group ? (({ department: r.department, user: r.user_name, location: r.location, category: r.category })[w.group] || '（未填）') : '',
      number: r.number,
      name: r.name,
      category: r.category,
      model: [r.brand, r.model].filter(Boolean).join(' '),
      originalValue: r.original_value,
      purchasedOn: r.purchased_on,
      department: r.department,
      user: r.user_name,
      location: r.location,
      status: ASSET_STATUS_LABELS[r.status] + (r.disposal_id ? '（已处置）' : ''),
      serialNo: r.serial_no,
      fundingSource: r.funding_source,
      purchaseMethod: r.purchase_method,
      bookedOn: r.booked_on,
      supplier: r.supplier,
      remarks: r.remarks,
      _id: r.id,
    }));
  },
  importer: undefined as never,
};

// ---- import of an existing asset ledger ----

/** A row of an existing asset ledger: a card as asset intake takes it, with its number and status as kept. */
type ImportedCard = { row: number; number: string; status: AssetStatus } & Pick<
  NewCard,
  'name' | 'category' | 'brand' | 'model' | 'serialNo' | 'originalValue' | 'fundingSource' | 'purchaseMethod' | 'purchasedOn' | 'department' | 'userId' | 'userName' | 'location' | 'remarks'
>;

const LIMITS: [string, string, number][] = [
  ['number', '资产编号', 40],
  ['name', '资产名称', 60],
  ['category', '资产类别', 40],
  ['brand', '品牌', 40],
  ['model', '规格型号', 60],
  ['serialNo', '出厂编号', 60],
  ['fundingSource', '资金来源', 40],
  ['purchaseMethod', '取得方式', 40],
  ['department', '使用部门', 60],
  ['location', '存放地点', 60],
  ['remarks', '备注', 500],
];
const STATUS_BY_LABEL: Record<string, AssetStatus> = { 在用: 'inUse', 闲置: 'idle', 维修: 'repair' };

cards.importer = {
  parse(c, row, ctx) {
    const { problems, bad, s } = readImportRow(c, row, LIMITS);
    const purchasedOn = s('purchasedOn');
    if (purchasedOn > shanghaiDate(ctx.core.clock.now())) bad('购置日期', '不能晚于今天');
    let userId: number | null = null;
    let userName = '';
    let department = s('department');
    if (s('user')) {
      const u = personNamed(ctx.db, s('user'), '使用人', bad, { activeOnly: true });
      if (u) {
        userId = u.id;
        userName = u.name;
        department ||= u.department;
      }
    }
    const statusRaw = s('status');
    let status: AssetStatus = userId || department ? 'inUse' : 'idle';
    if (statusRaw) {
      if (!STATUS_BY_LABEL[statusRaw]) bad('状态', '只能填写在用、闲置或维修（已报废、丢失的资产不导入）');
      else status = STATUS_BY_LABEL[statusRaw];
    }
    if (status === 'inUse' && !userId && !department) bad('使用部门', '在用资产须填写使用部门或使用人');
    if (problems.length) return { problems };
    return {
      problems,
      value: {
        row,
        number: s('number'),
        name: s('name'),
        category: s('category'),
        brand: s('brand'),
        model: s('model'),
        serialNo: s('serialNo'),
        originalValue: c.originalValue as number,
        fundingSource: s('fundingSource'),
        purchaseMethod: s('purchaseMethod'),
        purchasedOn,
        department,
        userId,
        userName,
        location: s('location'),
        status,
        remarks: s('remarks'),
      },
    };
  },
  key: (v) => v.number || null,
  existingKeys: (db) => new Set(db.prepare('SELECT number FROM asset_cards').pluck().all() as string[]),
  // Cards still held (在用, 闲置, 维修): a disposed, scrapped or lost asset is not taken over by import.
  rowsForImport(db, f, limit, offset) {
    const w = cardsWhere(f);
    const held = "c.disposal_id IS NULL AND c.status IN ('inUse', 'idle', 'repair')";
    const sql = `${CARD_SELECT} ${w.sql ? `${w.sql} AND` : 'WHERE'} ${held} ORDER BY c.year, c.seq, c.number LIMIT ? OFFSET ?`;
    return (stmt(db, sql).all(...w.args, limit, offset) as CardDbRow[]).map((r) => ({
      number: r.number,
      name: r.name,
      category: r.category,
      brand: r.brand,
      model: r.model,
      serialNo: r.serial_no,
      originalValue: r.original_value / 100,
      fundingSource: r.funding_source,
      purchaseMethod: r.purchase_method,
      purchasedOn: r.purchased_on,
      department: r.department,
      user: r.user_name,
      location: r.location,
      status: ASSET_STATUS_LABELS[r.status],
      remarks: [r.supplier ? `供应商：${r.supplier}` : '', r.remarks].filter(Boolean).join('；'),
    }));
  },
  store(ctx: Ctx, v) {
    const booked = shanghaiDate(ctx.now);
    const id = createCard(ctx, { ...v, number: v.number || undefined, supplier: '', bookedOn: booked > v.purchasedOn ? booked : v.purchasedOn, imported: true });
    return cardRow(ctx.db, id)!.number;
  },
};

// ---- 变动登记簿 ----

const movements: RegisterImpl = {
  def: assetsRegisterDefs[ASSET_REGISTER_MOVEMENTS],
  count(db, f) {
    const w = movementWhere({ ...f, assetId: num(f.extra?.assetId) });
    return (stmt(db, `SELECT count(*) AS n FROM asset_movements m ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = movementWhere({ ...f, assetId: num(f.extra?.assetId) });
    const rows = stmt(db, `${ASSET_MOVEMENT_SELECT} ${w.sql} ORDER BY m.moved_on, m.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as AssetMovementDbRow[];
    return rows.map((r) => ({
      date: r.moved_on,
      kind: ASSET_MOVE_LABELS[r.kind],
      number: r.number,
      name: r.name,
      from: r.from_status ? `${statusText(r.from_status)}：${r.from_holder}` : '',
      to: `${statusText(r.to_status)}：${r.to_holder}`,
      note: [r.ref_number, r.note, r.cost ? `费用 ${(r.cost / 100).toFixed(2)} 元` : ''].filter(Boolean).join('；'),
      recordedBy: r.recorded_by_name,
      _id: r.id,
    }));
  },
};

// ---- 处置登记簿 ----

const disposals: RegisterImpl = {
  def: assetsRegisterDefs[ASSET_REGISTER_DISPOSALS],
  count(db, f) {
    const w = disposalWhere(f);
    return (stmt(db, `SELECT count(*) AS n FROM asset_disposals d ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = disposalWhere(f);
    const rows = stmt(db, `${DISPOSAL_SELECT} ${w.sql} ORDER BY d.applied_on, d.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as DisposalDbRow[];
    const marks = confirmationMarks(db, ASSET_DISPOSAL_OBJECT, rows.map((r) => r.id));
    return rows.map((r) => {
      const d = toDisposalRow(r);
      const mark = marks.get(r.id);
      return {
        number: d.number,
        date: d.date,
        method: DISPOSAL_METHOD_LABELS[d.method],
        summary: d.summary,
        totalValue: d.totalValue,
        reason: d.reason,
        decision: d.decisionRequired ? `${d.decisionLabel ?? d.decisionRef}${d.decisionPending ? '（待集体决策核验）' : ''}` : '未达标准',
        approver: d.approverName ? `${d.approverName}${mark ? `（${CONFIRMATION_MARKS[mark]}）` : d.approvalMode === 'paper' ? '（纸质签批）' : ''}` : '',
        executedOn: d.executedOn,
        state: DISPOSAL_STATE_LABELS[d.state],
        proceeds: d.proceeds,
        _id: d.id,
      };
    });
  },
};

// ---- 清查表 (one verification: extra.checkId) ----

const check: RegisterImpl = {
  def: assetsRegisterDefs[ASSET_REGISTER_CHECK],
  count(db: Db, f) {
    const id = num(f.extra?.checkId);
    return id ? (stmt(db, 'SELECT count(*) AS n FROM asset_check_lines WHERE check_id = ?').get(id) as { n: number }).n : 0;
  },
  rows(db: Db, f, limit, offset): OutputRow[] {
    const id = num(f.extra?.checkId);
    if (!id) return [];
    return checkLines(db, id)
      .slice(offset, offset + limit)
      .map((l, i) => ({
        index: offset + i + 1,
        number: l.number,
        name: l.name,
        model: l.model,
        originalValue: l.original_value,
        bookHolder: [l.book_department, l.book_user].filter(Boolean).join(' / ') || '（闲置）',
        bookLocation: l.book_location,
        result: l.result ? CHECK_RESULT_LABELS[l.result] : '',
        actualLocation: l.actual_location,
        note: l.note,
        _id: l.id,
      }));
  },
};

/** The output side (print rows, export, import) of this area's registers, keyed like assetsRegisterDefs. */
export const assetsRegisterImpls: Record<string, RegisterImpl<any>> = {
  [ASSET_REGISTER_CARDS]: cards,
  [ASSET_REGISTER_MOVEMENTS]: movements,
  [ASSET_REGISTER_DISPOSALS]: disposals,
  [ASSET_REGISTER_CHECK]: check,
};
