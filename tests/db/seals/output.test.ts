// The printed registers (用印登记簿, 印章登记表, 印章交接登记表), export, and adopting a paper usage log by import.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../db/core/core';
import { REGISTER_DEFS } from '../../../db/contract/registers';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessSnapshot, cleanup, ok, refused, tempDir } from '../../helpers';
import { approved, bureau, cosign, day, request } from './fixture';

async function sheet(rows: unknown[][], headers: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用印登记簿');
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

const HEAD = ['编号', '日期', '印章', '用印事由', '文件名称', '文号', '份数', '申请人', '申请部门', '审批人', '监印人', '外带', '应还日期', '归还日期', '归还确认人', '作废原因', '备注'];

describe('用印登记簿', () => {
  it('declares the paper columns with signature cells for 申请人, 审批人 and 监印人, landscape', () => {
    const def = REGISTER_DEFS['seals.usage'];
    expect(def.orientation).toBe('landscape');
    const printed = def.columns.filter((c) => !c.exportOnly).map((c) => c.title);
    expect(printed).toEqual(['编号', '日期', '印章', '用印事由', '文件名称及文号', '份数', '申请人', '申请人签字', '审批人', '审批人签字', '监印人', '监印人签字', '外带及归还', '备注']);
    expect(def.columns.filter((c) => c.signature).map((c) => c.title)).toEqual(['申请人签字', '审批人签字', '监印人签字']);
  });

  it('prints each entry with its number, approver, 监印人, take-out and return; 事后补批 rows are marked', async () => {
    const b = await bureau();
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 4 });
    await ok(b.core, b.c, 'seals.checkOut', { id: a.id });
    await ok(b.core, b.c, 'seals.return', { id: a.id, confirmedById: b.keeper.id });
    const e = await ok(b.core, b.c, 'seals.emergencyStamp', { ...request(b, { documentTitle: '应诉材料' }), count: 1, emergencyReason: '法院当日截止，局长电话同意', phoneApproverId: b.chief.id });
    const v = await ok(b.core, b.c, 'seals.request', request(b, { documentTitle: '作废件' }));
    await ok(b.core, b.c, 'seals.void', { id: v.id, reason: '重复申请' });
    const out = await ok(b.core, b.auditor.session, 'output.rows', { register: 'seals.usage', filter: { year: Number(day().slice(0, 4)) } });
    expect(out.total).toBe(3);
    const [first, second, third] = out.rows;
    expect(first).toMatchObject({ number: a.number, seal: '××区司法局', document: '××区司法局2025年工作总结（×司发〔2025〕12号）', copies: 4, applicant: '赵敏', approver: '王志强', supervisor: '张敏', _flag: null });
    expect(first.takeOut).toMatch(/^外带 \d+\.\d+—\d+\.\d+；\d+\.\d+ 借出；\d+\.\d+ 归还（张敏确认）$/);
    expect(first.remarks).toContain('批准 5 份，实用 4 份');
    expect(second).toMatchObject({ number: e.number, approver: '王志强', _flag: 'emergencyPending' });
    expect(second.remarks).toContain('【事后补批】法院当日截止，局长电话同意（王志强电话同意，待补批）');
    expect(third).toMatchObject({ number: v.number, _flag: null });
    expect(third.remarks).toContain('作废：重复申请');
    // After the approval the mark stays (it was an exception) but is no longer pending.
    await ok(b.core, b.c, 'seals.approve', { id: e.id, approval: cosign('chief') });
    const again = await ok(b.core, b.c, 'output.rows', { register: 'seals.usage', filter: { extra: { flag: 'emergency' } } });
    expect(again.rows).toMatchObject([{ number: e.number, approver: '王志强', _flag: 'emergency' }]);
    // Filters reach the print: seal, state, text.
    expect((await ok(b.core, b.c, 'output.rows', { register: 'seals.usage', filter: { state: 'void' } })).total).toBe(1);
    expect((await ok(b.core, b.c, 'output.rows', { register: 'seals.usage', filter: { q: '应诉' } })).total).toBe(1);
    expect((await ok(b.core, b.c, 'output.rows', { register: 'seals.usage', filter: { extra: { sealId: b.financeSeal.id } } })).total).toBe(0);
    // Printing one 用印审批单 is audited against the entry's register.
    await ok(b.core, b.c, 'output.printed', { register: 'seals.usage', layout: 'form', format: 'print', objectId: String(a.id) });
    const log = await ok(b.core, b.auditor.session, 'audit.list', { action: 'output.printed' });
    expect(log.rows[0].message).toContain('用印登记簿单据');
    b.core.close();
  });

  it('exports to xlsx without the signature cells', async () => {
    const b = await bureau();
    await approved(b);
    const job = await ok(b.core, b.c, 'output.exportStart', { register: 'seals.usage', filter: {} });
    expect((await waitExport(b.core, b.c, job.id)).state).toBe('done');
    const file = await ok(b.core, b.c, 'output.exportFetch', { id: job.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain('文件名称及文号');
    expect(header).toContain('状态');
    expect(header).not.toContain('申请人签字');
    expect(ws.getRow(4).getCell(header.indexOf('状态') + 1).value).toBe('已批准');
    b.core.close();
  });
});

describe('印章登记表 and 印章交接登记表', () => {
  it('the catalogue prints with current custodians, approver rules and the retirement record', async () => {
    const b = await bureau();
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.financeSeal.id, status: 'destroyed', date: day(), reason: '启用新章', method: '交公安机关切角销毁', witnesses: '刘洋、陈静' });
    const r = await ok(b.core, b.c, 'output.rows', { register: 'seals.catalogue' });
    expect(r.rows.map((x) => [x.name, x.custodian, x.approver, x.status])).toEqual([
      ['××区司法局', '张敏', '局长', '在用'],
      ['××区司法局财务专用章', '郑华', '王志强', '销毁'],
      ['××区法律援助中心', '张敏', '申请部门分管领导', '在用'],
    ]);
    expect(r.rows[1].retirement).toBe(`${day()} 销毁；交公安机关切角销毁；见证人：刘洋、陈静`);
    expect(REGISTER_DEFS['seals.catalogue'].columns.some((c) => c.signature)).toBe(true);
    const h = await ok(b.core, b.c, 'seals.handover', { sealId: b.bureauSeal.id, toId: b.keeper2.id, witnessId: b.witness.id, date: day(), note: '调岗交接' });
    const hs = await ok(b.core, b.c, 'output.rows', { register: 'seals.handovers', filter: { extra: { sealId: b.bureauSeal.id } } });
    expect(hs.rows.map((x) => [x.number, x.from, x.to, x.witness])).toEqual([
      [expect.stringMatching(/^印交〔2020〕/), '（首次指定）', '张敏', ''],
      [h.number, '张敏', '郑华', '刘洋'],
    ]);
    b.core.close();
  });
});

describe('adopting a paper usage log', () => {
  it('a dry run reports every problem by row in Chinese; commit is all-or-nothing', async () => {
    const b = await bureau();
    const y = Number(day().slice(0, 4)) - 1;
    const t = await ok(b.core, b.c, 'output.importTemplate', { register: 'seals.usage' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEAD);
    const ok1 = [`用印〔${y}〕第0001号`, `${y}-03-01`, '××区司法局', '报送材料', '年度总结', '', 2, '赵敏', '法律援助中心', '王志强', '张敏', '否', '', '', '', '', ''];
    const rows = [
      ok1,
      [`用印〔${y}〕第0002号`, `${y}-03-02`, '不存在的章', '事由', '文件', '', 1, '赵敏', '', '王志强', '张敏', '', '', '', '', '', ''],
      [`用印〔${y}〕第0003号`, `${y}-03-03`, '××区司法局', '事由', '空白', '', 1, '赵敏', '', '王志强', '张敏', '', '', '', '', '', ''],
      [`用印〔${y}〕第0004号`, `${y}-03-04`, '××区司法局', '事由', '文件', '', 1, '赵敏', '', '', '', '', '', '', '', '', ''],
      [`用印〔${y - 1}〕第0005号`, `${y}-03-05`, '××区司法局', '事由', '文件', '', 1, '赵敏', '', '王志强', '张敏', '', '', '', '', '', ''],
      [`用印〔${y}〕第0006号`, `${y}-03-06`, '××区司法局', '事由', '文件', '', 1, '赵敏', '', '王志强', '张敏', '是', '', '', '', '', ''],
      [`用印〔${y}〕第0001号`, `${y}-03-07`, '××区司法局', '事由', '文件', '', 1, '赵敏', '', '王志强', '张敏', '', '', '', '', '', ''],
      [`用印〔${y}〕第0008号`, `${y}-03-08`, '××区司法局', '事由', '文件', '', 0, '赵敏', '', '王志强', '张敏', '', '', '', '', '', ''],
    ];
    const base64 = await sheet(rows, HEAD);
    const before = businessSnapshot(b.core);
    const r = await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64 });
    const byRow = Object.fromEntries([...r.problems].reverse().map((p) => [p.row, p])); // the first problem of each row
    expect(byRow[2]).toBeUndefined();
    expect(byRow[3]).toMatchObject({ column: '印章' });
    expect(byRow[4]).toMatchObject({ column: '文件名称' });
    expect(byRow[5]).toMatchObject({ column: '监印人' }); // a paper-era row may lack its approver (补录), never its 监印人
    expect(byRow[6]).toMatchObject({ column: '编号' });
    expect(byRow[7]).toMatchObject({ column: '应还日期' });
    expect(byRow[8].message).toContain('与第 2 行重复');
    expect(byRow[9]).toMatchObject({ column: '份数' });
    expect((await refused(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64 })).message).toContain('未导入任何数据');
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });

  it('imported entries keep their numbers and are marked; the year’s numbering continues after them', async () => {
    const b = await bureau();
    // Today, so the entries are of this year and never in the future (even on 1 January).
    const d = day();
    const y = Number(d.slice(0, 4));
    const rows = [
      [`用印〔${y}〕第0001号`, d, '××区司法局', '报送材料', '年度总结', '×司发〔2025〕1号', 2, '赵敏', '法律援助中心', '王志强', '张敏', '否', '', '', '', '', ''],
      [`用印〔${y}〕第0002号`, d, '××区司法局', '银行开户', '开户申请书', '', 1, '吴涛', '计财室', '王志强', '张敏', '是', d, d, '张敏', '', '外带至银行'],
      [`用印〔${y}〕第0003号`, d, '××区司法局', '重复登记', '通知', '', 1, '吴涛', '计财室', '', '', '', '', '', '', '登记重复', ''],
      ['旧编号-17', d, '××区司法局财务专用章', '报销', '报销单', '', 3, '吴涛', '计财室', '王志强', '郑华', '', '', '', '', '', ''],
    ];
    const base64 = await sheet(rows, HEAD);
    expect((await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64 })).ok).toBe(true);
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64 })).toEqual({ imported: 4 });
    const list = await ok(b.core, b.c, 'seals.list', { flag: 'imported', sort: 'date' });
    expect(list.rows.map((r) => [r.number, r.state, r.imported])).toEqual([
      [`用印〔${y}〕第0001号`, 'stamped', true],
      [`用印〔${y}〕第0002号`, 'returned', true],
      [`用印〔${y}〕第0003号`, 'void', true],
      ['旧编号-17', 'stamped', true],
    ]);
    expect(list.rows[1]).toMatchObject({ approvalMode: 'imported', approverName: '王志强', returnConfirmedName: '张敏', takeOut: true });
    const next = await ok(b.core, b.c, 'seals.request', request(b));
    expect(next.number).toBe(`用印〔${y}〕第0004号`);
    const printed = await ok(b.core, b.c, 'output.rows', { register: 'seals.usage', filter: { extra: { flag: 'imported' } } });
    expect(printed.rows[0].remarks).toContain('据纸质登记簿导入');
    // The same file again: every number is already in the register.
    const again = await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64 });
    expect(again.problems.filter((p) => p.message.includes('已在登记簿中'))).toHaveLength(4);
    const log = await ok(b.core, b.admin, 'audit.list', { action: 'output.importCommit' });
    expect(log.rows[0].message).toBe('导入 用印登记簿 4 条');
    b.core.close();
  });

  it('a paper row keeps the live rules: the seal in use on its date, approved by the seal’s approver and not by the applicant; the dry run and the commit report the same', async () => {
    const b = await bureau();
    const y = Number(day().slice(0, 4)) - 1;
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.deptSeal.id, status: 'destroyed', date: `${y}-06-30`, reason: '机构更名', method: '切角销毁', witnesses: '周建国、刘洋' });
    const row = (n: number, date: string, seal: string, applicant: string, approver: string) => [`用印〔${y}〕第${String(n).padStart(4, '0')}号`, date, seal, '报送材料', '年度总结', '', 1, applicant, '法律援助中心', approver, '张敏', '否', '', '', '', '', ''];
    const rows = [
      row(1, `${y}-03-01`, '××区司法局', '赵敏', '王志强'),
      row(2, `${y}-03-02`, '××区司法局', '王志强', '王志强'), // the applicant approves himself
      row(3, `${y}-03-03`, '××区司法局', '赵敏', '陈静'), // the auditor
      row(4, `${y}-03-04`, '××区司法局', '赵敏', '何平'), // an approver, but not the 局长 this seal needs
      row(5, `${y}-03-05`, '××区司法局', '赵敏', '李晓梅'), // no approver role at all
      row(6, `${y}-07-01`, '××区法律援助中心', '赵敏', '何平'), // the seal was destroyed the day before
      row(7, `${y}-05-01`, '××区法律援助中心', '赵敏', '何平'), // in use then, approved by the department's leader
      [...row(8, `${y}-05-02`, '××区司法局', '张敏', '王志强').slice(0, 10), '张敏', ...row(8, `${y}-05-02`, '××区司法局', '张敏', '王志强').slice(11)], // her own 监印人
    ];
    const base64 = await sheet(rows, HEAD);
    const before = businessSnapshot(b.core);
    const dry = await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64 });
    const byRow = (r: number) => dry.problems.filter((p) => p.row === r).map((p) => `${p.column}：${p.message}`);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(['审批人：不相容岗位分离：审批人不能是申请人本人']);
    expect(byRow(4)).toEqual(['审批人：陈静是审计员，不能签批登记簿中的事项。']);
    expect(byRow(5)[0]).toMatch(/^审批人：何平不是印章“××区司法局”的审批人（应由王志强审批）/);
    expect(byRow(6)).toEqual(['审批人：李晓梅没有审批权限（需要“审批人”角色）。']);
    expect(byRow(7)).toEqual([`日期：印章“××区法律援助中心”已于 ${y}-06-30 销毁，不能有此后的用印登记`]);
    expect(byRow(8)).toEqual([]);
    expect(byRow(9)).toEqual(['监印人：不相容岗位分离：监印人不能是申请人本人']);
    expect(dry.problems).toHaveLength(6);
    const e = await refused(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64 });
    expect(e.message).toContain('导入文件有 6 处问题，未导入任何数据');
    expect(e.message).toContain('第 3 行“审批人”：不相容岗位分离：审批人不能是申请人本人');
    expect(businessSnapshot(b.core)).toBe(before);
    // Without the five, the rest goes in.
    const good = await sheet([rows[0], rows[6]], HEAD);
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64: good })).toEqual({ imported: 2 });
    b.core.close();
  });

  it('a paper-era row that names no approver is imported as 补录: marked, printed red, counted unapproved, never approved later; after the record began it is refused', async () => {
    const b = await bureau();
    const y = Number(day().slice(0, 4)) - 1;
    const row = (n: number, date: string, approver: string) => [`用印〔${y}〕第${String(n).padStart(4, '0')}号`, date, '××区司法局', '报送材料', `纸质第${n}号`, '', 2, '赵敏', '法律援助中心', approver, '张敏', '否', '', '', '', '', ''];
    const today = day();
    const late = [`用印〔${today.slice(0, 4)}〕第0901号`, today, '××区司法局', '报送材料', '今天的文件', '', 1, '赵敏', '法律援助中心', '', '张敏', '否', '', '', '', '', ''];
    const withLate = await sheet([row(1, `${y}-03-01`, ''), row(2, `${y}-03-02`, '王志强'), late], HEAD);
    const before = businessSnapshot(b.core);
    const dry = await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64: withLate });
    // From the day this folder began its record, a use without an approver is a use nobody approved.
    expect(dry.problems.map((p) => `${p.row} ${p.column}：${p.message}`)).toEqual([
      `4 审批人：已用印的登记须填写审批人：本系统自 ${today} 起记录用印，此后的用印须经审批；此前的纸质登记未记审批人的，可留空作为“补录”导入`,
    ]);
    expect((await refused(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64: withLate })).message).toContain('第 4 行“审批人”：已用印的登记须填写审批人');
    expect(businessSnapshot(b.core)).toBe(before);

    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64: await sheet([row(1, `${y}-03-01`, ''), row(2, `${y}-03-02`, '王志强')], HEAD) })).toEqual({ imported: 2 });
    const out = await ok(b.core, b.auditor.session, 'output.rows', { register: 'seals.usage', filter: { year: y } });
    const [gap, signed] = out.rows;
    expect(gap).toMatchObject({ document: '纸质第1号', approver: '', supervisor: '张敏', _flag: 'paperGap', paperGap: '是' });
    expect(gap.remarks).toContain('补录：纸质登记簿未记审批人，无审批记录');
    expect(signed).toMatchObject({ document: '纸质第2号', approver: '王志强', _flag: null, paperGap: '' });
    expect(signed.remarks).toContain('据纸质登记簿导入');
    // Counted as unapproved, never as approved; found by its own filter.
    const stats = await ok(b.core, b.auditor.session, 'seals.stats', { year: y });
    expect(stats).toMatchObject({ total: 2, paperGap: 1 });
    const flagged = await ok(b.core, b.auditor.session, 'seals.list', { flag: 'paperGap' });
    expect(flagged.rows.map((r: { documentTitle: string; paperGap: boolean; approvalDecision: string | null }) => [r.documentTitle, r.paperGap, r.approvalDecision])).toEqual([['纸质第1号', true, null]]);
    // Nobody can approve it afterwards: not through the workflow, not by writing the row.
    const gapId = flagged.rows[0].id;
    const e = await refused(b.core, b.c, 'seals.approve', { id: gapId, approval: cosign('chief') });
    expect(e.message).toMatch(/不能审批/);
    expect(() => b.core.state.db.prepare("UPDATE seal_uses SET approval_decision = 'approved', approval_mode = 'imported', approver_name = '王志强', approved_at = created_at WHERE id = ?").run(gapId)).toThrow('补录的纸质登记没有审批记录，不能事后补记审批');
    b.core.close();
  });

  it('round trip: the register exported to xlsx and imported into another folder prints the same', async () => {
    const a = await bureau();
    const y = Number(day().slice(0, 4)) - 1;
    // A paper-era 补录 entry, then the live workflow: partial stamping, a take-out and return, an
    // emergency stamping approved afterwards, a void, and one application still awaiting approval.
    const paper = [`用印〔${y}〕第0031号`, `${y}-06-01`, '××区司法局', '报送材料', '纸质年代的文件', '', 2, '赵敏', '法律援助中心', '', '张敏', '否', '', '', '', '', '原件存档'];
    await ok(a.core, a.c, 'output.importCommit', { register: 'seals.usage', base64: await sheet([paper], HEAD) });
    const s1 = await approved(a, { remarks: '随文报送' });
    await ok(a.core, a.c, 'seals.stamp', { id: s1.id, count: 4 });
    const r2 = await ok(a.core, a.c, 'seals.request', request(a, { sealId: a.deptSeal.id, takeOut: true, plannedOut: day(), plannedReturn: day(2), documentTitle: '外出签约文本' }));
    const s2 = await ok(a.core, a.c, 'seals.approve', { id: r2.id, approval: cosign('deputy') });
    await ok(a.core, a.c, 'seals.stamp', { id: s2.id, count: 5 });
    await ok(a.core, a.c, 'seals.checkOut', { id: s2.id });
    await ok(a.core, a.c, 'seals.return', { id: s2.id, confirmedById: a.keeper.id });
    const e = await ok(a.core, a.c, 'seals.emergencyStamp', { ...request(a, { sealId: a.financeSeal.id, documentTitle: '应诉材料' }), count: 1, emergencyReason: '法院当日截止', phoneApproverId: a.chief.id });
    await ok(a.core, a.c, 'seals.approve', { id: e.id, approval: cosign('chief') });
    const v = await ok(a.core, a.c, 'seals.request', request(a, { documentTitle: '作废件' }));
    await ok(a.core, a.c, 'seals.void', { id: v.id, reason: '重复申请' });
    await ok(a.core, a.c, 'seals.request', request(a, { documentTitle: '尚待审批的文件' }));

    const job = await ok(a.core, a.c, 'output.exportStart', { register: 'seals.usage', filter: {} });
    expect((await waitExport(a.core, a.c, job.id)).state).toBe('done');
    const file = await ok(a.core, a.c, 'output.exportFetch', { id: job.id });
    const printed = async (x: Awaited<ReturnType<typeof bureau>>) => (await ok(x.core, x.c, 'output.rows', { register: 'seals.usage', filter: {} })).rows;
    const was = (await printed(a)).filter((r) => r.state !== '待审批');
    a.core.close();

    const b = await bureau();
    await ok(b.core, b.admin, 'seals.setDeptLeader', { department: '法律援助中心', leaderId: b.deputy.id });
    const check = await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64: file.base64 });
    expect(check.problems).toEqual([]);
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64: file.base64 })).toEqual({ imported: 5 });
    const now = await printed(b);
    const columns = REGISTER_DEFS['seals.usage'].columns.filter((c) => !c.exportOnly && !c.signature && c.key !== 'remarks').map((c) => c.key);
    const pick = (rows: typeof was) => rows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])));
    expect(pick(now)).toEqual(pick(was));
    // 备注 keeps what the office wrote and the 事后补批 history, and says the entry came by import.
    expect(now.map((r) => r.remarks)).toEqual([
      '补录：纸质登记簿未记审批人，无审批记录；原件存档',
      '据纸质登记簿导入；批准 5 份，实用 4 份；随文报送',
      '据纸质登记簿导入',
      '据纸质登记簿导入；【事后补批】法院当日截止（王志强电话同意）；批准 5 份，实用 1 份',
      '作废：重复申请；据纸质登记簿导入',
    ]);
    b.core.close();
  });

  it('a paper log of 200 rows with five kinds of mistakes: the dry run and the commit report the same five rows, and none of them is stored', async () => {
    const b = await bureau();
    const y = Number(day().slice(0, 4)) - 1;
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.deptSeal.id, status: 'destroyed', date: `${y}-06-30`, reason: '机构更名', method: '切角销毁', witnesses: '周建国、刘洋' });
    const rows: unknown[][] = [];
    for (let i = 1; i <= 200; i++) {
      const date = `${y}-${String(1 + (i % 5)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      rows.push([`用印〔${y}〕第${String(i).padStart(4, '0')}号`, date, '××区司法局', '报送材料', `第${i}号文件`, '', 1 + (i % 4), '赵敏', '法律援助中心', '王志强', '张敏', '否', '', '', '', '', '']);
    }
    // Five kinds of mistakes, at rows 21, 61, 101, 141 and 181 of the sheet.
    rows[19][9] = '赵敏'; // the applicant approves her own use
    rows[59][9] = '陈静'; // the auditor signs as approver
    rows[99][2] = '××区法律援助中心'; // a use of a destroyed seal …
    rows[99][1] = `${y}-11-20`; // … months after it was destroyed
    rows[139][0] = `用印〔${y}〕第0007号`; // a number used twice
    rows[179][1] = `${y + 2}-01-05`; // a date in the future
    const dir = tempDir('paper-log-');
    const file = join(dir, '用印登记簿（纸质）.xlsx');
    writeFileSync(file, Buffer.from(await sheet(rows, HEAD), 'base64'));
    const base64 = readFileSync(file).toString('base64');
    const before = businessSnapshot(b.core);
    const dry = await ok(b.core, b.c, 'output.importCheck', { register: 'seals.usage', base64 });
    expect(dry.rows).toBe(200);
    expect([...new Set(dry.problems.map((p) => p.row))]).toEqual([21, 61, 101, 141, 181]);
    const e = await refused(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64 });
    expect(e.message).toContain(`导入文件有 ${dry.problems.length} 处问题，未导入任何数据`);
    for (const p of dry.problems.slice(0, 3)) expect(e.message).toContain(`第 ${p.row} 行“${p.column}”：${p.message}`);
    expect(businessSnapshot(b.core)).toBe(before);
    // The office mends the five rows by leaving them out: the other 195 go in, the five never do.
    const mended = rows.filter((_, i) => ![19, 59, 99, 139, 179].includes(i));
    expect(await ok(b.core, b.c, 'output.importCommit', { register: 'seals.usage', base64: await sheet(mended, HEAD) })).toEqual({ imported: 195 });
    const stored = b.core.state.db.prepare('SELECT doc_title FROM seal_uses').pluck().all() as string[];
    for (const i of [20, 60, 100, 180]) expect(stored).not.toContain(`第${i}号文件`);
    expect(stored.filter((t) => t === '第7号文件')).toHaveLength(1);
    b.core.close();
    cleanup(dir);
  });
});
