// The item catalogue at 5,000 items (imported from a spreadsheet; the picker stays fast), the printed
// registers (领用登记表, 收发存台账, 出入库明细账, 盘点表), export, settings and the home tile.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../db/core/core';
import { REGISTER_DEFS } from '../../../db/contract/registers';
import { addUser, makeCore, ok, refused, setupAdmin } from '../../helpers';
import { approvedReq, bureau, cosign, day, refusedCleanly, stocked } from './fixture';

async function sheet(headers: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('物品目录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function waitExport(core: Core, s: string, id: string) {
  for (let i = 0; i < 400; i++) {
    const j = await ok(core, s, 'output.exportStatus', { id });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
}

const HEAD = ['编码', '物品名称', '规格型号', '单位', '类别', '库存下限', '整数计量', '备注'];
const NAMES = ['签字笔', '笔记本', '文件夹', '档案盒', '订书钉', '回形针', '便利贴', '复印纸', '墨盒', '硒鼓', '胶水', '剪刀', '计算器', 'U盘', '鼠标', '键盘', '插线板', '垃圾袋', '抽纸', '洗手液'];

describe('the item catalogue', () => {
  it('5,000 items imported in one go; the picker searches on the server with a limit and stays fast', async () => {
    const b = await bureau();
    const rows = Array.from({ length: 5_000 }, (_, i) => [`WP${String(i).padStart(5, '0')}`, `${NAMES[i % NAMES.length]}${Math.floor(i / NAMES.length)}号`, `规格${i}`, '个', '其他', i % 7, '是', '']);
    const base64 = await sheet(HEAD, rows);
    const check = await ok(b.core, b.c, 'output.importCheck', { register: 'supplies.items', base64 });
    expect(check).toMatchObject({ ok: true, rows: 5_000 });
    const t0 = performance.now();
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'supplies.items', base64 })).toEqual({ imported: 5_000 });
    const importMs = performance.now() - t0;
    const all = await ok(b.core, b.c, 'supplies.itemList', { pageSize: 20 });
    expect(all.total).toBe(5_004);
    expect(all.rows).toHaveLength(20);
    const times: number[] = [];
    for (const q of ['签', '签字笔1', '规格4999', 'WP00123', '洗手液24', '不存在的物品']) {
      const t = performance.now();
      const r = await ok(b.core, b.c, 'supplies.itemList', { q, pageSize: 20 });
      times.push(performance.now() - t);
      if (q === '签字笔1') expect(r.rows[0].name.startsWith('签字笔1')).toBe(true);
      if (q === 'WP00123') expect(r.rows[0].code).toBe('WP00123');
      if (q === '不存在的物品') expect(r.total).toBe(0);
      expect(r.rows.length).toBeLessThanOrEqual(20);
    }
    times.sort((x, y) => x - y);
    console.log(`5,000-item import ${importMs.toFixed(0)} ms; picker p50 ${times[3].toFixed(1)} ms, max ${times[5].toFixed(1)} ms`);
    expect(times[3]).toBeLessThan(50);
    // A second import of the same items is refused row by row, with nothing imported.
    const again = await ok(b.core, b.c, 'output.importCheck', { register: 'supplies.items', base64: await sheet(HEAD, rows.slice(0, 3)) });
    expect(again.ok).toBe(false);
    expect(again.problems[0]).toMatchObject({ row: 2, column: '物品名称' });
    b.core.close();
  }, 60_000);

  it('round trip: the catalogue exported to xlsx and imported into an empty folder prints the same items', async () => {
    const a = await bureau();
    await ok(a.core, a.c, 'supplies.itemCreate', { code: 'BG-001', name: '档案盒', spec: '牛皮纸 5cm', unit: '个', category: '档案用品', reorderLevel: 15, remarks: '按文书档案规范采购' });
    await ok(a.core, a.c, 'supplies.itemSetActive', { id: a.cable.id, active: false, reason: '改由信息中心统一采购' });
    const job = await ok(a.core, a.c, 'output.exportStart', { register: 'supplies.items', filter: { state: 'all' } });
    expect((await waitExport(a.core, a.c, job.id)).state).toBe('done');
    const file = await ok(a.core, a.c, 'output.exportFetch', { id: job.id });
    const printed = async (core: Core, s: string) => (await ok(core, s, 'output.rows', { register: 'supplies.items', filter: { state: 'all' } })).rows;
    const was = await printed(a.core, a.c);
    a.core.close();

    const core = makeCore();
    const admin = await setupAdmin(core);
    const keeper = await addUser(core, admin, 'keeper', ['clerk'], '李晓梅');
    expect((await ok(core, keeper.session, 'output.importCheck', { register: 'supplies.items', base64: file.base64 })).problems).toEqual([]);
    expect(await ok(core, keeper.session, 'output.importCommit', { register: 'supplies.items', base64: file.base64 })).toEqual({ imported: 5 });
    const now = await printed(core, keeper.session);
    // Stock arrives by its own registers (purchases, stocktakes); the catalogue is what travels.
    const columns = REGISTER_DEFS['supplies.items'].columns.filter((c) => !c.exportOnly && !['balanceQty', 'balanceAmount', 'avgCost', 'status'].includes(c.key)).map((c) => c.key);
    const pick = (rows: typeof was) => rows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])));
    expect(columns).toEqual(expect.arrayContaining(['code', 'name', 'spec', 'unit', 'category', 'reorderLevel']));
    expect(pick(now)).toEqual(pick(was));
    const items = await ok(core, keeper.session, 'supplies.itemList', { q: '网线', pageSize: 5 });
    expect(items.rows[0]).toMatchObject({ wholeUnit: false, remarks: '原状态：停用' });
    core.close();
  });

  it('refuses duplicates, fractional reorder levels of whole units, changing the unit once stock has moved, and disabling an item with stock', async () => {
    const b = await bureau();
    await refusedCleanly(b, b.c, 'supplies.itemCreate', { name: 'A4复印纸', spec: '70g 500张/包', unit: '包', category: '办公用纸' }, 'name');
    await refusedCleanly(b, b.c, 'supplies.itemCreate', { name: '胶带', unit: '卷', category: '其他', reorderLevel: 1.5 }, 'reorderLevel');
    await refusedCleanly(b, b.c, 'supplies.itemCreate', { name: '', unit: '卷', category: '其他' }, 'name');
    await ok(b.core, b.c, 'supplies.itemCreate', { name: 'A4复印纸', spec: '80g 500张/包', unit: '包', category: '办公用纸' });
    await stocked(b);
    await refusedCleanly(b, b.c, 'supplies.itemUpdate', { id: b.paper.id, name: 'A4复印纸', spec: '70g 500张/包', unit: '箱', category: '办公用纸' }, 'unit');
    await refusedCleanly(b, b.c, 'supplies.itemSetActive', { id: b.paper.id, active: false, reason: '不再采购' }, 'active');
    const t = await ok(b.core, b.c, 'supplies.itemSetActive', { id: b.toner.id, active: false, reason: '打印机已更换' });
    expect(t.active).toBe(false);
    await refusedCleanly(b, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '办公', lines: [{ itemId: b.toner.id, quantity: 1 }] }, 'lines.0.itemId');
    const u = await ok(b.core, b.c, 'supplies.itemUpdate', { id: b.paper.id, name: 'A4复印纸', spec: '70g 500张/包', unit: '包', category: '办公用纸', reorderLevel: 60 });
    expect(u).toMatchObject({ reorderLevel: 60, low: true });
    b.core.close();
  });
});

describe('printed registers', () => {
  it('declare the paper columns: a signature cell for each recipient; the ledger’s four balance groups', () => {
    const issues = REGISTER_DEFS['supplies.issues'];
    expect(issues.columns.filter((c) => c.signature).map((c) => c.title)).toEqual(['领用人签字']);
    const ledger = REGISTER_DEFS['supplies.ledger'].columns.filter((c) => !c.exportOnly).map((c) => c.title);
    for (const t of ['上期结存数量', '上期结存金额', '本期入库数量', '本期入库金额', '本期发出数量', '本期发出金额', '本期结存数量', '本期结存金额']) expect(ledger).toContain(t);
  });

  it('领用登记表, 收发存台账, 出入库明细账 and 盘点表 rows; an export of the ledger', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const p = await stocked(b);
    const r = await approvedReq(b, [{ itemId: b.paper.id, quantity: 5 }, { itemId: b.pen.id, quantity: 10 }]);
    await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: r.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) });
    const issues = await ok(b.core, b.auditor.session, 'output.rows', { register: 'supplies.issues', filter: { year } });
    expect(issues.total).toBe(2);
    expect(issues.rows[0]).toMatchObject({ index: 1, number: r.number, item: 'A4复印纸（70g 500张/包）', unit: '包', quantity: 5, recipient: '赵敏', department: '法律援助中心', approvedBy: '马骏', issuedBy: '李晓梅' });
    const ledger = await ok(b.core, b.c, 'output.rows', { register: 'supplies.ledger', filter: { year } });
    expect(ledger.rows.find((x) => x.item === 'A4复印纸（70g 500张/包）')).toMatchObject({ openQty: 0, inQty: 50, inAmount: 122_500, outQty: 5, outAmount: 12_250, closeQty: 45, closeAmount: 110_250 });
    const moves = await ok(b.core, b.c, 'output.rows', { register: 'supplies.movements', filter: { year } });
    expect(moves.rows[0]).toMatchObject({ kind: '入库', ref: p.number, party: '长沙市某某办公用品有限公司', inQty: 50, outQty: null });
    const s = await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '盘点', countedOn: day() });
    const sheetRows = await ok(b.core, b.c, 'output.rows', { register: 'supplies.stocktake', filter: { extra: { stocktakeId: s.id } } });
    expect(sheetRows.total).toBe(2);
    expect(sheetRows.rows[0]).toMatchObject({ bookQty: expect.any(Number), countedQty: null });
    const purchases = await ok(b.core, b.c, 'output.rows', { register: 'supplies.purchases', filter: { year } });
    expect(purchases.rows[0]).toMatchObject({ number: p.number, channel: '电子卖场', acceptors: '李晓梅、郑华', result: '验收合格' });
    const job = await ok(b.core, b.c, 'output.exportStart', { register: 'supplies.ledger', filter: { year } });
    const done = await waitExport(b.core, b.c, job.id);
    expect(done).toMatchObject({ state: 'done', rows: 2 });
    const file = await ok(b.core, b.c, 'output.exportFetch', { id: job.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toContain('办公用品收发存台账');
    b.core.close();
  });
});

describe('settings and the home tile', () => {
  it('the fixed-asset threshold and the requisition tiers are configurable by the administrator only', async () => {
    const b = await bureau();
    expect(await ok(b.core, b.c, 'supplies.settings', {})).toMatchObject({ assetThreshold: 100_000 });
    expect((await refused(b.core, b.c, 'supplies.setSettings', { assetThreshold: 200_000, requisitionTiers: [{ minAmount: 0, steps: [{ name: '审批' }] }] })).code).toBe('forbidden');
    await refusedCleanly(b, b.admin, 'supplies.setSettings', { assetThreshold: 200_000, requisitionTiers: [{ minAmount: 100, steps: [{ name: '审批' }] }] }, 'requisitionTiers.0.minAmount');
    await refusedCleanly(b, b.admin, 'supplies.setSettings', { assetThreshold: 200_000, requisitionTiers: [{ minAmount: 0, steps: [{ name: '审批', approverIds: [b.clerk.id] }] }] }, 'requisitionTiers.0.steps.0.approverIds.0');
    const s = await ok(b.core, b.admin, 'supplies.setSettings', { assetThreshold: 200_000, requisitionTiers: [{ minAmount: 0, steps: [{ name: '局长审批', approverIds: [b.chief.id] }] }] });
    expect(s.assetThreshold).toBe(200_000);
    // Now 1,500 元 is a supply line, and only the named approver may approve.
    const p = await ok(b.core, b.c, 'supplies.purchaseCreate', { orderNo: 'S1', supplier: '供应商', buyerId: b.clerk.id, purchasedOn: day(), lines: [{ itemId: b.toner.id, quantity: 1, unitPrice: 150_000 }] });
    expect(p.lines[0].isAsset).toBe(false);
    await ok(b.core, b.c, 'supplies.accept', { id: p.id, acceptedOn: day(), acceptorIds: [b.clerk2.id], lines: [{ lineId: p.lines[0].id, acceptedQty: 1, quality: 'ok' }], opinion: '合格' });
    const r = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '换硒鼓', lines: [{ itemId: b.toner.id, quantity: 1 }] });
    expect(r.steps).toEqual(['局长审批']);
    const e = await refusedCleanly(b, b.c, 'supplies.requisitionApprove', { id: r.id, approval: cosign('officehead') }, 'approval.login');
    expect(e.message).toContain('不是本事项指定的审批人');
    await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r.id, approval: cosign('chief') });
    const history = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'supply_settings', objectId: 'supplies' });
    expect(history).toHaveLength(1);
    b.core.close();
  });

  it('the tile shows low stock, requisitions awaiting approval and issue, purchases awaiting acceptance', async () => {
    const b = await bureau();
    await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 8, unitPrice: 2_450 }] });
    await ok(b.core, b.c, 'supplies.purchaseCreate', { orderNo: 'S2', supplier: '供应商', buyerId: b.clerk.id, purchasedOn: day(), lines: [{ itemId: b.pen.id, quantity: 10, unitPrice: 150 }] });
    await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '办公', lines: [{ itemId: b.paper.id, quantity: 1 }] });
    await approvedReq(b, [{ itemId: b.paper.id, quantity: 2 }]);
    const t = await ok(b.core, b.auditor.session, 'supplies.attention', {});
    expect(t).toMatchObject({ lowStock: 3, pendingApproval: 1, awaitingIssue: 1, awaitingAcceptance: 1, openStocktakes: 0 });
    expect(t.lowRows[0]).toMatchObject({ name: expect.any(String) });
    expect(t.lowRows.find((x) => x.name === 'A4复印纸')).toMatchObject({ balanceQty: 8, reorderLevel: 10 });
    b.core.close();
  });
});
