// Text a person types is held to one rule on every route: no control characters (NUL, ESC …), no bidi
// overrides that make a printed name read differently from what is stored, no name made only of
// invisible characters, no line breaks in single-line fields.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../db/core/core';
import { businessSnapshot, cleanup, makeCore, ok, refused, setupAdmin, tempDir } from '../../helpers';

let dir: string;
let core: Core;
let admin: string;
const item = { name: '签字笔', unit: '支', category: '办公用品' };

beforeAll(async () => {
  dir = tempDir();
  core = makeCore(dir);
  admin = await setupAdmin(core);
});
afterAll(() => {
  core.close();
  cleanup(dir);
});

describe('text hygiene', () => {
  const bad: [string, string, RegExp][] = [
    ['NUL', '签字\u0000笔', /物品名称含有不可见的控制字符/],
    ['ESC sequence', '\u001b[31m签字笔\u001b[0m', /物品名称含有不可见的控制字符/],
    ['right-to-left override', '笔字签\u202e', /物品名称含有不可见的控制字符/],
    ['right-to-left isolate', '\u2067签字笔', /物品名称含有不可见的控制字符/],
    ['zero-width only', '\u200b\u200c\u200d\ufeff', /请填写物品名称/],
    ['full-width spaces only', '\u3000\u3000', /请填写物品名称/],
    ['a line break in a single-line field', '签字\n笔', /物品名称不能换行/],
  ];
  for (const [what, name, message] of bad) {
    it(`refuses a name with ${what}, names the field in Chinese, changes nothing`, async () => {
      const before = businessSnapshot(core);
      const e = await refused(core, admin, 'supplies.itemCreate', { ...item, name });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(message);
      expect(e.field).toBe('name');
      expect(businessSnapshot(core)).toBe(before);
    });
  }

  it('a control character in a field typed only as a string (a list filter) is refused too', async () => {
    const e = await refused(core, admin, 'supplies.itemList', { q: 'x\u0007' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('关键词含有不可见的控制字符，请删除后重新输入');
  });

  it('notes may run over several lines; ordinary Chinese punctuation and spaces are kept', async () => {
    const r = await ok(core, admin, 'supplies.itemCreate', { ...item, name: '签字笔（黑色 0.5mm）', remarks: '第一行\n第二行\t缩进' });
    expect(r.name).toBe('签字笔（黑色 0.5mm）');
    expect(r.remarks).toBe('第一行\n第二行\t缩进');
  });

  it('an import row is held to the same rule: a bidi override or an invisible-only name is a problem of its row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('物品目录');
    ws.addRow(['编码', '物品名称', '规格型号', '单位', '类别', '库存下限', '整数计量', '备注']);
    ws.addRow(['', '笔字签\u202e', '', '支', '办公用品', 0, '是', '']);
    ws.addRow(['', '\u200b\u200b', '', '支', '办公用品', 0, '是', '']);
    ws.addRow(['', '回形针', '', '盒', '办公用品', 0, '是', '']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = businessSnapshot(core);
    const check = await ok(core, admin, 'output.importCheck', { register: 'supplies.items', base64 });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '物品名称', message: expect.stringMatching(/控制字符/) }),
        expect.objectContaining({ row: 3, column: '物品名称', message: expect.stringMatching(/填写|必填|不能为空/) }),
      ]),
    );
    expect((await refused(core, admin, 'output.importCommit', { register: 'supplies.items', base64 })).code).toBeTruthy();
    expect(businessSnapshot(core)).toBe(before);
  });
});
