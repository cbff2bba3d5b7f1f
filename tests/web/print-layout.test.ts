// Issue 28: how a register is fitted to the paper before the browser lays it out. Numbers, dates and
// amounts get the width of their widest value; names keep one line while long text shares the rest;
// a 文号 is never narrower than itself; a long text steps down in size to stay within two lines.
import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../../db/contract/registers';
import { CELL_PT, SIGNATURE_MM, cellPt, longestRunEm, planColumns, widthEm } from '../../db/contract/paper';

const MM_PER_EM = CELL_PT * (25.4 / 72);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('planning a register for the paper', () => {
  const cols: ColumnDef[] = [
    { key: 'date', title: '日期', width: 10, kind: 'date' },
    { key: 'amount', title: '金额（元）', width: 10, kind: 'money' },
    { key: 'name', title: '申请人', width: 10 },
    { key: 'sign', title: '申请人签字', width: 10, signature: true },
    { key: 'reason', title: '事由', width: 30 },
    { key: 'doc', title: '文件名称及文号', width: 30 },
  ];
  const rows = Array.from({ length: 50 }, (_, i) => ({
    date: '2025-03-01',
    amount: '1,234,567.89',
    name: '欧阳娜娜',
    reason: '报送年度工作总结及下一年度工作计划，并附各科室分项材料'.repeat(1 + (i % 3)),
    doc: `关于报送2025年度工作总结的报告（×司发〔2025〕${i + 1}号）`,
  }));
  const plan = planColumns(cols, rows, text, 273);
  const mm = (k: string) => plan.find((p) => p.col.key === k)!.mm;

  it('fills the page width', () => {
    expect(plan.reduce((a, p) => a + p.mm, 0)).toBeCloseTo(273, 0);
  });
  it('gives dates and amounts their widest value on one line, and marks them atomic', () => {
    expect(mm('date')).toBeGreaterThanOrEqual(widthEm('2025-03-01') * MM_PER_EM);
    expect(mm('amount')).toBeGreaterThanOrEqual(widthEm('1,234,567.89') * MM_PER_EM);
    expect(plan.filter((p) => p.atomic).map((p) => p.col.key)).toEqual(['date', 'amount']);
  });
  it('keeps a signature cell pen-wide and a name on one line', () => {
    expect(mm('sign')).toBeGreaterThanOrEqual(SIGNATURE_MM);
    expect(mm('name')).toBeGreaterThanOrEqual(widthEm('欧阳娜娜') * MM_PER_EM);
  });
  it('never makes a text column narrower than its longest 文号', () => {
    expect(longestRunEm('报告（×司发〔2025〕12号）')).toBeCloseTo(widthEm('×司发〔2025〕12号'), 5);
    expect(mm('doc')).toBeGreaterThanOrEqual(longestRunEm(rows[11].doc) * 7.5 * (25.4 / 72));
  });
  it('plans a year of the audit log (hundreds of thousands of rows) without running out of call arguments', () => {
    const many = Array.from({ length: 300_000 }, () => rows[0]);
    expect(() => planColumns(cols, many, text, 273)).not.toThrow();
  });
  it('sets a long text smaller to stay within two lines, and no smaller than needed', () => {
    expect(cellPt('报送材料', 30)).toBe(CELL_PT);
    const long = '报送年度工作总结及下一年度工作计划并附各科室分项材料';
    expect(cellPt(long, 40)).toBeLessThan(CELL_PT);
    expect(cellPt(long.repeat(10), 20)).toBe(7.5);
  });
});
