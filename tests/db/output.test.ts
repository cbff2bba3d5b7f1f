// The output machinery: print rows and print audit, streamed xlsx export, xlsx import with a dry run.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registerImpls, registerPages, type RegisterImpl } from '../../db/output/registry';
import { REGISTER_DEFS, type RegisterDef } from '../../db/contract/registers';
import { neutralise } from '../../db/core/xlsx';
import type { Core } from '../../db/core/core';
import { addUser, businessSnapshot, makeCore, ok, refused, setupAdmin } from '../helpers';

async function waitExport(core: Core, s: string, id: string) {
  for (let i = 0; i < 400; i++) {
    const j = await ok(core, s, 'output.exportStatus', { id });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('export did not finish');
}

async function readXlsx(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

// A small register that exists only in this test, so the framework is tested on its own.
const TEST_DEF: RegisterDef = {
  key: 'testbook',
  title: '测试登记簿',
  orientation: 'portrait',
  retention: '10年',
  readRoles: ['clerk', 'admin'],
  importRoles: ['clerk'],
  columns: [
    { key: 'no', title: '编号', width: 10 },
    { key: 'day', title: '日期', width: 12, kind: 'date' },
    { key: 'title', title: '事由', width: 30 },
    { key: 'amount', title: '金额', width: 10, kind: 'money', align: 'right' },
    { key: 'sign', title: '签名', width: 10, signature: true },
  ],
  importColumns: [
    { key: 'no', title: '编号', required: true },
    { key: 'day', title: '日期', required: true, kind: 'date' },
    { key: 'title', title: '事由', required: true },
    { key: 'amount', title: '金额', kind: 'money' },
    { key: 'count', title: '份数', kind: 'int' },
  ],
};
type TestValue = { no: string; day: string; title: string; amount: number | null; count: number | null };
const testImpl: RegisterImpl<TestValue> = {
  def: TEST_DEF,
  count: (db) => (db.prepare('SELECT count(*) AS n FROM testbook').get() as { n: number }).n,
  rows: (db, _f, limit, offset) => db.prepare('SELECT no, day, title, amount FROM testbook ORDER BY rowid LIMIT ? OFFSET ?').all(limit, offset) as never,
  importer: {
    parse: (c, row) => {
      const problems = [];
      if (typeof c.count === 'number' && c.count <= 0) problems.push({ row, column: '份数', message: '份数必须大于 0' });
      return { value: { no: String(c.no), day: String(c.day), title: String(c.title), amount: c.amount as number | null, count: c.count as number | null }, problems };
    },
    key: (v) => v.no,
    existingKeys: (db) => new Set((db.prepare('SELECT no FROM testbook').all() as { no: string }[]).map((r) => r.no)),
    store: (ctx, v) => {
      ctx.db.prepare('INSERT INTO testbook (no, day, title, amount, imported) VALUES (?,?,?,?,1)').run(v.no, v.day, v.title, v.amount);
    },
  },
};

async function withTestBook() {
  const core = makeCore();
  core.state.db.exec('CREATE TABLE testbook (no TEXT UNIQUE, day TEXT, title TEXT, amount INTEGER, imported INTEGER)');
  registerImpls.testbook = testImpl;
  REGISTER_DEFS.testbook = TEST_DEF;
  const admin = await setupAdmin(core);
  const clerk = await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
  return { core, admin, clerk: clerk.session };
}

async function sheet(rows: unknown[][], headers = ['编号', '日期', '事由', '金额', '份数']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('print rows and print audit', () => {
  it('gives rows, unit name, preparer and the audit checkpoint; printing is audited', async () => {
    const { core, admin, clerk } = await withTestBook();
    core.state.db.exec("INSERT INTO testbook VALUES ('A1', '2025-03-01', '呈报文件', 12345, 0)");
    const r = await ok(core, clerk, 'output.rows', { register: 'testbook' });
    expect(r).toMatchObject({ total: 1, unitName: '××区司法局', preparedBy: '李晓梅' });
    expect(r.rows[0]).toMatchObject({ no: 'A1', amount: 12345 });
    const cp = await ok(core, clerk, 'output.printed', { register: 'testbook', layout: 'register', format: 'pdf', filter: { year: 2025 }, pages: 3 });
    expect(cp.seq).toBe(r.checkpoint.seq);
    const log = await ok(core, admin, 'audit.list', { action: 'output.printed' });
    expect(log.rows[0].message).toContain('导出 PDF：测试登记簿');
    expect(log.rows[0].message).toContain('2025年度');
    core.close();
  });

  it('refuses a register the role may not read, and an unknown register', async () => {
    const { core, admin } = await withTestBook();
    const aud = await addUser(core, admin, 'aud1', ['auditor']);
    expect((await refused(core, aud.session, 'output.rows', { register: 'testbook' })).code).toBe('forbidden');
    expect((await refused(core, admin, 'output.rows', { register: 'nope' })).code).toBe('not_found');
    expect((await refused(core, admin, 'output.rows', { register: '__proto__' })).code).toBe('not_found');
    core.close();
  });
});

describe('xlsx export', () => {
  it('streams the filtered register with a title row, frozen header, dates as dates, money in 元, formulas neutralised', async () => {
    const { core, admin, clerk } = await withTestBook();
    const ins = core.state.db.prepare('INSERT INTO testbook VALUES (?,?,?,?,0)');
    core.state.db.transaction(() => {
      for (let i = 0; i < 5000; i++) ins.run(`N${i}`, '2025-03-01', i === 1 ? '=HYPERLINK("http://evil","点我")' : i === 2 ? '@SUM(A1)' : `事由${i}🙂`, i * 101);
    })();
    const job = await ok(core, clerk, 'output.exportStart', { register: 'testbook', filter: { year: 2025 } });
    const done = await waitExport(core, clerk, job.id);
    expect(done).toMatchObject({ state: 'done', rows: 5000, percent: 100 });
    const file = await ok(core, clerk, 'output.exportFetch', { id: job.id });
    expect(file.fileName).toMatch(/测试登记簿（2025年）.*\.xlsx$/);
    const ws = await readXlsx(file.base64);
    expect(ws.getCell('A1').value).toBe('××区司法局测试登记簿（2025年）');
    expect(ws.getRow(3).values).toEqual([undefined, '编号', '日期', '事由', '金额']); // no signature column
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('B4').value).toBeInstanceOf(Date);
    expect(ws.getCell('D6').value).toBe(2.02);
    expect(ws.getCell('D6').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C5').value).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(ws.getCell('C6').value).toBe(`'@SUM(A1)`);
    expect(ws.getCell('C4').value).toBe('事由0🙂');
    expect(ws.rowCount).toBe(5003);
    // Another person cannot fetch my export.
    expect((await refused(core, admin, 'output.exportFetch', { id: job.id })).code).toBe('not_found');
    expect((await ok(core, admin, 'audit.list', { action: 'output.exportStart' })).rows[0].userName).toBe('李晓梅');
    core.close();
  });

  it('the audit log is exported page by page by key: the same rows in the same order as one read, with and without a filter', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
    for (let i = 0; i < 12; i++) await refused(core, null, 'accounts.signIn', { login: 'clerk1', password: `wrong-${i}` });
    const audit = registerImpls.audit;
    for (const f of [{}, { state: 'failure' }, { q: '李晓梅' }]) {
      const whole = audit.rows(core.state.db, f, 10_000, 0, new Date());
      expect(whole.length).toBeGreaterThan(7);
      const paged = [...registerPages(audit, core.state.db, f, 5, new Date())];
      expect(paged.every((p) => p.length <= 5)).toBe(true);
      expect(paged.flat()).toEqual(whole);
    }
    core.close();
  });

  it('neutralises every formula lead character', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(String(neutralise(s)).startsWith("'")).toBe(true);
    expect(neutralise('正常文字')).toBe('正常文字');
    expect(neutralise(-5)).toBe(-5);
  });
});

describe('xlsx import', () => {
  it('the template has the import columns', async () => {
    const { core, clerk } = await withTestBook();
    const t = await ok(core, clerk, 'output.importTemplate', { register: 'testbook' });
    const ws = await readXlsx(t.base64);
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '日期', '事由', '金额', '份数']);
    core.close();
  });

  it('a dry run reports wrong headers in Chinese and imports nothing', async () => {
    const { core, clerk } = await withTestBook();
    const r = await ok(core, clerk, 'output.importCheck', { register: 'testbook', base64: await sheet([['1', '2025-01-01', 'x']], ['序号', '日期', '事由', '备注']) });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(expect.arrayContaining([
      { row: 1, column: '编号', message: '缺少必填列“编号”' },
      { row: 1, column: '序号', message: '模板中没有“序号”列，请使用下载的模板' },
    ]));
    core.close();
  });

  it('reports wrong types, blanks, formulas and duplicate numbers row by row; commit is all-or-nothing', async () => {
    const { core, clerk } = await withTestBook();
    core.state.db.exec("INSERT INTO testbook VALUES ('OLD1', '2024-01-01', '原有', 0, 0)");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['编号', '日期', '事由', '金额', '份数']);
    ws.addRow(['A1', '2025-02-30', '事由', '12.5', 1]); // 2: impossible date
    ws.addRow(['A2', '2025-03-01', '', '1', 1]); // 3: blank required
    ws.addRow(['A3', '2025-03-01', '事由', '1.234', 1]); // 4: fractional fen
    ws.addRow(['A4', '2025-03-01', { formula: 'A1&"x"' }, 1, 1]); // 5: formula
    ws.addRow(['A5', '2025-03-01', '事由', 1, 1.5]); // 6: not an integer
    ws.addRow(['A6', '2025-03-01', '事由', 1, 0]); // 7: register rule
    ws.addRow(['A7', '2025/3/1', '好的', '¥1,234.50', 2]); // 8: fine
    ws.addRow(['A7', '2025-03-01', '重复', 1, 1]); // 9: duplicate in file
    ws.addRow(['OLD1', '2025-03-01', '已有', 1, 1]); // 10: duplicate of the data
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const before = businessSnapshot(core);
    const r = await ok(core, clerk, 'output.importCheck', { register: 'testbook', base64 });
    const byRow = Object.fromEntries(r.problems.map((p) => [p.row, p]));
    expect(byRow[2]).toMatchObject({ column: '日期', message: '不是有效日期' });
    expect(byRow[3]).toMatchObject({ column: '事由', message: '“事由”不能为空' });
    expect(byRow[4].message).toContain('两位小数');
    expect(byRow[5].message).toContain('公式');
    expect(byRow[6]).toMatchObject({ column: '份数', message: '应为整数' });
    expect(byRow[7].message).toBe('份数必须大于 0');
    expect(byRow[8]).toBeUndefined();
    expect(byRow[9].message).toContain('与第 8 行重复');
    expect(byRow[10].message).toContain('已在登记簿中');
    expect((await refused(core, clerk, 'output.importCommit', { register: 'testbook', base64 })).message).toContain('未导入任何数据');
    expect(businessSnapshot(core)).toBe(before);
    core.close();
  });

  it('10,000 rows of Chinese and emoji text commit in one go, marked as imported and audited', async () => {
    const { core, admin, clerk } = await withTestBook();
    const rows = Array.from({ length: 10_000 }, (_, i) => [`B${i}`, '2025-06-01', `第${i}号文件🙂《关于"测试"的通知》 ' OR 1=1; --`, (i % 1000) + 0.5, 1]);
    const base64 = await sheet(rows);
    const check = await ok(core, clerk, 'output.importCheck', { register: 'testbook', base64 });
    expect(check).toMatchObject({ ok: true, rows: 10_000, problems: [] });
    expect(await ok(core, clerk, 'output.importCommit', { register: 'testbook', base64 })).toEqual({ imported: 10_000 });
    const row = core.state.db.prepare("SELECT * FROM testbook WHERE no = 'B42'").get();
    expect(row).toEqual({ no: 'B42', day: '2025-06-01', title: `第42号文件🙂《关于"测试"的通知》 ' OR 1=1; --`, amount: 4250, imported: 1 });
    expect((await ok(core, admin, 'audit.list', { action: 'output.importCommit' })).rows[0].message).toBe('导入 测试登记簿 10000 条');
    core.close();
  });

  it('optional columns may be left out of the sheet', async () => {
    const { core, clerk } = await withTestBook();
    const base64 = await sheet([['C1', '2025-05-01', '只有必填列']], ['编号', '日期', '事由']);
    expect(await ok(core, clerk, 'output.importCheck', { register: 'testbook', base64 })).toMatchObject({ ok: true, rows: 1 });
    core.close();
  });

  it('a file that is not xlsx is refused clearly', async () => {
    const { core, clerk } = await withTestBook();
    const e = await refused(core, clerk, 'output.importCheck', { register: 'testbook', base64: Buffer.from('hello').toString('base64') });
    expect(e.message).toContain('无法读取该文件');
    core.close();
  });
});
