// The asset list by department/user/location, the movement log, and adopting an existing asset
// ledger by import (label numbers kept, duplicates refused, all or nothing).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REGISTER_DEFS } from '../../../db/contract/registers';
import { ok } from '../../helpers';
import { bureau, day } from '../supplies/fixture';
import { card } from './fixture';

async function sheet(headers: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('固定资产');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const HEAD = ['资产编号', '资产名称', '资产类别', '品牌', '规格型号', '出厂编号', '原值', '资金来源', '取得方式', '购置日期', '使用部门', '使用人', '存放地点', '状态', '备注'];

describe('asset registers', () => {
  it('the asset list groups by department, user or location, with a signature cell for the user; disposed cards left out', async () => {
    const def = REGISTER_DEFS['assets.cards'];
    expect(def.columns.filter((c) => c.signature).map((c) => c.title)).toEqual(['使用人签字']);
    const b = await bureau();
    await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '201' }));
    await ok(b.core, b.c, 'assets.create', card(b, { name: '打印机', userId: b.clerk.id, location: '105' }));
    await ok(b.core, b.c, 'assets.create', card(b, { name: '碎纸机', location: '库房' }));
    const byDept = await ok(b.core, b.c, 'output.rows', { register: 'assets.cards', filter: { extra: { groupBy: 'department' } } });
    expect(byDept.rows.map((r) => [r.group, r.name])).toEqual([
      ['（未填）', '碎纸机'],
      ['办公室', '打印机'],
      ['法律援助中心', '笔记本电脑'],
    ]);
    const byUser = await ok(b.core, b.c, 'output.rows', { register: 'assets.cards', filter: { extra: { groupBy: 'user', userId: b.staff.id } } });
    expect(byUser.rows).toMatchObject([{ group: '赵敏', user: '赵敏', department: '法律援助中心', location: '201', status: '在用' }]);
    const byLoc = await ok(b.core, b.c, 'output.rows', { register: 'assets.cards', filter: { extra: { location: '库房' } } });
    expect(byLoc.total).toBe(1);
    const moves = await ok(b.core, b.c, 'output.rows', { register: 'assets.movements', filter: { year: Number(day().slice(0, 4)) } });
    expect(moves.total).toBe(3);
    expect(moves.rows[0]).toMatchObject({ kind: '登记入账' });
    b.core.close();
  });

  it('round trip: the asset cards exported to xlsx and imported into another folder print the same', async () => {
    const a = await bureau();
    await ok(a.core, a.c, 'assets.create', card(a, { userId: a.staff.id, location: '201', supplier: '××科技有限公司' }));
    await ok(a.core, a.c, 'assets.create', card(a, { name: '打印机', number: 'SFJ-2016-001', userId: a.clerk.id, location: '105', originalValue: 389_950 }));
    await ok(a.core, a.c, 'assets.create', card(a, { name: '碎纸机', location: '库房', remarks: '备用' }));
    const job = await ok(a.core, a.c, 'output.exportStart', { register: 'assets.cards', filter: {} });
    for (let i = 0; i < 200 && (await ok(a.core, a.c, 'output.exportStatus', { id: job.id })).state === 'running'; i++) await new Promise((r) => setTimeout(r, 20));
    const file = await ok(a.core, a.c, 'output.exportFetch', { id: job.id });
    const printed = async (x: typeof a) => (await ok(x.core, x.c, 'output.rows', { register: 'assets.cards', filter: {} })).rows;
    const was = await printed(a);
    a.core.close();

    const b = await bureau();
    expect((await ok(b.core, b.c, 'output.importCheck', { register: 'assets.cards', base64: file.base64 })).problems).toEqual([]);
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'assets.cards', base64: file.base64 })).toEqual({ imported: 3 });
    const now = await printed(b);
    // 入账日期 is the day a card enters this folder's books; the supplier travels in 备注.
    const columns = REGISTER_DEFS['assets.cards'].columns.filter((c) => !c.signature && !['bookedOn', 'supplier', 'remarks'].includes(c.key)).map((c) => c.key);
    const pick = (rows: typeof was) => rows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])));
    expect(pick(now)).toEqual(pick(was));
    expect(now.map((r) => [r.name, r.remarks])).toEqual([
      ['打印机', ''],
      ['笔记本电脑', '供应商：××科技有限公司'],
      ['碎纸机', '备用'],
    ]);
    b.core.close();
  });

  it('import keeps label numbers, numbers the rest by the pattern, finds users by name, and refuses duplicate numbers', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    await ok(b.core, b.c, 'assets.create', card(b, { number: 'SFJ-2012-007' }));
    const rows = [
      ['SFJ-2016-001', '空调', '电气设备', '格力', 'KFR-35GW', '', 389_900 / 100, '财政拨款', '政府集中采购', '2016-05-10', '', '赵敏', '201', '', ''],
      ['', '书柜', '家具用具', '', '', '', '1800.00', '财政拨款', '零星直接采购', '2018-03-01', '办公室', '', '会议室', '在用', ''],
    ];
    const okFile = await sheet(HEAD, rows);
    expect(await ok(b.core, b.c, 'output.importCheck', { register: 'assets.cards', base64: okFile })).toMatchObject({ ok: true, rows: 2 });
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'assets.cards', base64: okFile })).toEqual({ imported: 2 });
    const list = await ok(b.core, b.c, 'assets.list', { sort: 'number' });
    const air = list.rows.find((r) => r.name === '空调')!;
    expect(air).toMatchObject({ number: 'SFJ-2016-001', userName: '赵敏', department: '法律援助中心', status: 'inUse', originalValue: 389_900, imported: true });
    expect(list.rows.find((r) => r.name === '书柜')).toMatchObject({ number: `ZC-${year}-00001`, originalValue: 180_000, department: '办公室' });
    // Duplicates: with the data, within the file; bad values reported row by row; nothing imported.
    const bad = await sheet(HEAD, [
      ['SFJ-2012-007', '电脑', '计算机设备', '', '', '', 5000, '财政拨款', '电子卖场', '2012-01-01', '', '', '', '', ''],
      ['SFJ-2020-001', '电脑', '计算机设备', '', '', '', 5000, '财政拨款', '电子卖场', '2020-01-01', '', '', '', '', ''],
      ['SFJ-2020-001', '电脑', '计算机设备', '', '', '', 5000, '财政拨款', '电子卖场', '2020-01-01', '', '', '', '', ''],
      ['', '电脑', '计算机设备', '', '', '', '50.123', '财政拨款', '电子卖场', '2020-01-01', '', '查无此人', '', '报废', ''],
    ]);
    const check = await ok(b.core, b.c, 'output.importCheck', { register: 'assets.cards', base64: bad });
    expect(check.ok).toBe(false);
    const msgs = check.problems.map((p) => `${p.row}:${p.column}:${p.message}`);
    expect(msgs).toEqual(expect.arrayContaining([expect.stringMatching(/^2:编号:.*已在登记簿中/), expect.stringMatching(/^4:编号:.*与第 3 行重复/), expect.stringMatching(/^5:原值:/)]));
    const before = (await ok(b.core, b.c, 'assets.list', {})).total;
    const r = await b.core.call(b.c, 'output.importCommit', { register: 'assets.cards', base64: bad });
    expect(r.ok).toBe(false);
    expect((await ok(b.core, b.c, 'assets.list', {})).total).toBe(before);
    b.core.close();
  });
});
