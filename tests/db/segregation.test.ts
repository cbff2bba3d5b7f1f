// One segregation function for every route (issue 25): whatever writes an approval or a signature —
// the approval mechanism behind every register's form, the stamping, the imports of paper logs —
// goes through requireSeparate and requireSigner. Proven two ways: the only writer of approvals is
// the core's mechanism, and each route is seen calling the two functions.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../db/core/segregation', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../db/core/segregation')>();
  return { ...m, requireSeparate: vi.fn(m.requireSeparate) };
});
vi.mock('../../db/core/signers', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../db/core/signers')>();
  return { ...m, requireSigner: vi.fn(m.requireSigner) };
});

import { requireSeparate } from '../../db/core/segregation';
import { requireSigner } from '../../db/core/signers';
import { REGISTER_DEFS } from '../../db/contract/registers';
import { ok } from '../helpers';
import { approved, bureau } from './seals/fixture';
import { addVehicle, apply, office, paper } from './vehicles/fixture';

const separate = vi.mocked(requireSeparate);
const signer = vi.mocked(requireSigner);
afterEach(() => {
  separate.mockClear();
  signer.mockClear();
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

async function sheet(headers: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const roles = () => separate.mock.calls.map(([s, others]) => `${s.as}≠${[...new Set(others.map((o) => o.as))].join('、')}`);

describe('every route that signs goes through the one segregation function', () => {
  it('only the core approval mechanism writes approvals, and every importer with an 审批人 column checks the signer', () => {
    const writers = sources('db').filter((f) => /INSERT\s+INTO\s+approvals\b/i.test(readFileSync(f, 'utf8')));
    expect(writers).toEqual([join('db', 'core', 'approvals.ts')]);
    const core = readFileSync(join('db', 'core', 'approvals.ts'), 'utf8');
    expect(core).toMatch(/requireSigner\(/);
    expect(core).toMatch(/requireSeparate\(/);
    const importing = Object.values(REGISTER_DEFS).filter((d) => d.importColumns?.some((c) => c.key === 'approver'));
    expect(importing.map((d) => d.key).sort()).toEqual(['seals.usage', 'vehicles.trips']);
  });

  it('a co-signed approval, a paper approval and a stamping each call it', async () => {
    const b = await bureau();
    const a = await approved(b);
    expect(roles()).toContain('审批人≠申请人或登记人');
    expect(signer).toHaveBeenCalled();
    separate.mockClear();
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 1 });
    expect(roles()).toEqual(['监印人≠申请人']);
    b.core.close();

    const o = await office();
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    signer.mockClear();
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: t.id, approval: paper(o, '2026-03-02T07:30') });
    expect(roles()).toContain('审批人≠申请人或登记人');
    expect(signer.mock.calls.map((c) => [c[1].name, c[3]])).toEqual([['王志强', '2026-03-02T07:30:00.000+08:00']]);
    o.core.close();
  });

  it('the imports of the seal log and the trip log call it for every row, with the row’s own date', async () => {
    const b = await bureau();
    const y = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1;
    const HEAD = ['编号', '日期', '印章', '用印事由', '文件名称', '文号', '份数', '申请人', '申请部门', '审批人', '监印人', '外带', '应还日期', '归还日期', '归还确认人', '作废原因', '备注'];
    const base64 = await sheet(HEAD, [[`用印〔${y}〕第0001号`, `${y}-03-01`, '××区司法局', '报送材料', '年度总结', '', 2, '赵敏', '法律援助中心', '王志强', '张敏', '否', '', '', '', '', '']]);
    await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64 });
    expect(roles()).toEqual(['监印人≠申请人', '审批人≠申请人']);
    expect(signer.mock.calls.map((c) => [c[1].name, c[3]])).toEqual([['王志强', `${y}-03-01`]]);
    b.core.close();

    separate.mockClear();
    signer.mockClear();
    const o = await office();
    await addVehicle(o);
    const TRIP = ['编号', '车牌', '用车人', '事由', '目的地', '出车时间', '回车时间', '出车里程', '回车里程', '驾驶员', '审批人', '节假日用车事由', '备注'];
    const trips = await sheet(TRIP, [['', '湘B12345', '赵敏', '报送材料', '市司法局', '2025-03-03 09:00', '2025-03-03 11:30', 10_000, 10_040, '张师傅', '王志强', '', '']]);
    await ok(o.core, o.clerk.session, 'output.importCheck', { register: 'vehicles.trips', base64: trips });
    expect(roles()).toEqual(['审批人≠用车人、驾驶员']);
    expect(signer.mock.calls.map((c) => [c[1].name, c[3]])).toEqual([['王志强', '2025-03-03T09:00:00.000+08:00']]);
    o.core.close();
  });
});
