// Disposal: approval first (recordApproval), a collective decision at or above the configured
// value (a reference and the 待集体决策核验 flag where it cannot be checked), execution takes the
// cards off the books for good. Verification (清查): a sheet, results, confirm, then read-only.
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { bureau, cosign, day, paper, refusedCleanly } from '../supplies/fixture';
import { card } from './fixture';

describe('disposal', () => {
  it('refuses disposing without approval; approved disposal takes the cards off the books, read-only afterwards', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const a = (await ok(b.core, b.c, 'assets.create', card(b, { originalValue: 450_000 }))).card;
    const d = await ok(b.core, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'scrap', reason: '使用满 6 年，主板损坏无维修价值' });
    expect(d).toMatchObject({ number: `资处〔${year}〕第0001号`, state: 'pending', totalValue: 450_000, decisionRequired: false, applicantName: '李晓梅' });
    expect((await ok(b.core, b.c, 'assets.get', { id: a.id })).card).toMatchObject({ disposalId: d.id, disposalState: 'pending', status: 'idle' });
    // Disposing without approval: refused by the core, and by SQL.
    const e = await refusedCleanly(b, b.c, 'assets.disposalExecute', { id: d.id, note: '交回收公司' }, 'id');
    expect(e.message).toContain('尚未审批');
    const db = b.core.state.db;
    expect(() => db.prepare("UPDATE asset_cards SET status = 'scrapped', disposal_id = ? WHERE id = ?").run(d.id, a.id)).toThrow(/须经审批/);
    expect(() => db.prepare("UPDATE asset_disposals SET state = 'done', executed_on = '2025-01-01', executed_by_id = 1 WHERE id = ?").run(d.id)).toThrow(/不能这样变更|CHECK/);
    // The applicant cannot approve; the cards cannot move while in disposal.
    await refusedCleanly(b, b.c, 'assets.assign', { assetIds: [a.id], userId: b.staff.id, location: '201' }, 'assetIds.0');
    const app = await ok(b.core, b.c, 'assets.disposalApprove', { id: d.id, approval: cosign('chief') });
    expect(app).toMatchObject({ state: 'approved', approverName: '王志强', approvalMode: 'cosign' });
    const done = await ok(b.core, b.c, 'assets.disposalExecute', { id: d.id, note: '交区机关事务中心统一回收', proceeds: 12_000 });
    expect(done).toMatchObject({ state: 'done', proceeds: 12_000, executedOn: day() });
    const after = await ok(b.core, b.auditor.session, 'assets.get', { id: a.id });
    expect(after.card).toMatchObject({ status: 'scrapped', userName: '', disposalId: d.id, disposalState: 'done' });
    expect(after.movements[0]).toMatchObject({ kind: 'dispose', toStatus: 'scrapped', refNumber: d.number });
    await refusedCleanly(b, b.c, 'assets.update', { ...card(b), id: a.id, amendReason: '改' }, 'id');
    await refusedCleanly(b, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'scrap', reason: '再报废' }, 'assetIds.0');
    expect(() => db.prepare("UPDATE asset_cards SET location = 'x' WHERE id = ?").run(a.id)).toThrow(/已处置/);
    expect(() => db.prepare('DELETE FROM asset_cards WHERE id = ?').run(a.id)).toThrow(/不可删除/);
    // On-books lists leave it out; the disposal register keeps it.
    expect((await ok(b.core, b.c, 'assets.list', { activeOnly: true })).total).toBe(0);
    const reg = await ok(b.core, b.c, 'output.rows', { register: 'assets.disposals', filter: { year } });
    expect(reg.rows[0]).toMatchObject({ number: d.number, method: '报废', state: '已处置', decision: '未达标准', approver: '王志强' });
    const approvals = await ok(b.core, b.auditor.session, 'approvals.forObject', { objectType: 'asset_disposal', objectId: d.id });
    expect(approvals).toMatchObject([{ step: '资产处置审批', decision: 'approved', approverName: '王志强' }]);
    b.core.close();
  });

  it('at or above the configured value a collective decision is required; a reference without a checkable link is flagged 待集体决策核验', async () => {
    const b = await bureau();
    const cars = [];
    for (let i = 0; i < 2; i++) cars.push((await ok(b.core, b.c, 'assets.create', card(b, { name: '公务用车', category: '车辆', originalValue: 2_800_000 }))).card);
    const ids = cars.map((c) => c.id);
    const e = await refusedCleanly(b, b.c, 'assets.disposalCreate', { assetIds: ids, method: 'sale', reason: '车改后拍卖' }, 'decisionRef');
    expect(e.message).toContain('集体决策标准');
    const d = await ok(b.core, b.c, 'assets.disposalCreate', { assetIds: ids, method: 'sale', reason: '车改后拍卖', decisionRef: '党组会议 2025年第7次 议题3' });
    expect(d).toMatchObject({ decisionRequired: true, decisionRef: '党组会议 2025年第7次 议题3', decisionVerified: false, decisionPending: true });
    expect((await ok(b.core, b.c, 'assets.list', { flag: 'decisionPending' })).total).toBe(2);
    expect((await ok(b.core, b.c, 'assets.get', { id: ids[0] })).card.decisionPending).toBe(true);
    const t = await ok(b.core, b.c, 'assets.attention', {});
    expect(t).toMatchObject({ pendingDisposals: 1, decisionPending: 1 });
    expect(t.pendingRows[0]).toMatchObject({ number: d.number, decisionPending: true });
    // A decision id that does not exist in the minutes register is refused.
    await refusedCleanly(b, b.c, 'assets.disposalDecision', { id: d.id, decisionId: 999_999, decisionRef: '' }, 'decisionId');
    await ok(b.core, b.c, 'assets.disposalApprove', { id: d.id, approval: paper(b.chief.id, 'approved', 'CZ-2025-01') });
    const done = await ok(b.core, b.c, 'assets.disposalExecute', { id: d.id, note: '经公共资源交易中心拍卖', proceeds: 1_560_000 });
    expect(done).toMatchObject({ state: 'done', decisionPending: true });
    // Raising the threshold applies to new disposals only.
    await ok(b.core, b.admin, 'assets.setSettings', { numberPattern: 'ZC-{year}-{seq:5}', decisionThreshold: 10_000_000 });
    const c3 = (await ok(b.core, b.c, 'assets.create', card(b, { originalValue: 2_800_000 }))).card;
    expect((await ok(b.core, b.c, 'assets.disposalCreate', { assetIds: [c3.id], method: 'donate', reason: '捐赠给社区' })).decisionRequired).toBe(false);
    b.core.close();
  });

  it('rejection returns the cards; void with a reason; lost assets only by 丢失核销; the approver must hold the role', async () => {
    const b = await bureau();
    const a = (await ok(b.core, b.c, 'assets.create', card(b))).card;
    const d = await ok(b.core, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'scrap', reason: '损坏' });
    await refusedCleanly(b, b.c, 'assets.disposalApprove', { id: d.id, approval: cosign('clerk2') }, 'approval.login');
    await refusedCleanly(b, b.c, 'assets.disposalApprove', { id: d.id, approval: { ...cosign('chief'), password: 'Wrong!Pass1' } }, 'approval.password');
    const r = await ok(b.core, b.c, 'assets.disposalApprove', { id: d.id, approval: cosign('chief', 'rejected', '尚可维修使用') });
    expect(r.state).toBe('rejected');
    expect((await ok(b.core, b.c, 'assets.get', { id: a.id })).card).toMatchObject({ disposalId: null, status: 'idle' });
    await refusedCleanly(b, b.c, 'assets.disposalExecute', { id: d.id, note: 'x' }, 'id');
    const d2 = await ok(b.core, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'scrap', reason: '损坏' });
    await refusedCleanly(b, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'scrap', reason: '重复' }, 'assetIds.0');
    expect((await ok(b.core, b.c, 'assets.disposalVoid', { id: d2.id, reason: '重新评估' })).state).toBe('void');
    await ok(b.core, b.c, 'assets.lose', { assetIds: [a.id], note: '出差途中遗失' });
    await refusedCleanly(b, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'scrap', reason: '报废' }, 'assetIds.0');
    const w = await ok(b.core, b.c, 'assets.disposalCreate', { assetIds: [a.id], method: 'writeOff', reason: '遗失，已报案' });
    await ok(b.core, b.c, 'assets.disposalApprove', { id: w.id, approval: cosign('deputy') });
    await ok(b.core, b.c, 'assets.disposalExecute', { id: w.id, note: '核销' });
    expect((await ok(b.core, b.c, 'assets.get', { id: a.id })).card).toMatchObject({ status: 'lost', disposalState: 'done' });
    await refusedCleanly(b, b.c, 'assets.find', { assetIds: [a.id], location: '办公室', note: '找到了' }, 'assetIds.0');
    b.core.close();
  });
});

describe('verification (清查)', () => {
  it('a sheet for a department; results with notes; confirm records missing and moved assets; then read-only', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const x = (await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '201' }))).card;
    const y = (await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '201' }))).card;
    const z = (await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '201' }))).card;
    await ok(b.core, b.c, 'assets.create', card(b, { userId: b.clerk.id, location: '105' }));
    const k = await ok(b.core, b.c, 'assets.checkCreate', { title: '法律援助中心年度清查', checkedOn: day(), scope: 'department', scopeValue: '法律援助中心' });
    expect(k).toMatchObject({ number: `资查〔${year}〕第0001号`, lineCount: 3, state: 'draft' });
    await refusedCleanly(b, b.c, 'assets.checkCreate', { title: '空', checkedOn: day(), scope: 'department', scopeValue: '不存在的部门' }, 'scopeValue');
    const line = (c: { id: number }) => k.lines.find((l) => l.assetId === c.id)!.id;
    await refusedCleanly(b, b.c, 'assets.checkSave', { id: k.id, lines: [{ lineId: line(y), result: 'moved' }] }, 'lines.0.actualLocation');
    await refusedCleanly(b, b.c, 'assets.checkSave', { id: k.id, lines: [{ lineId: line(z), result: 'missing' }] }, 'lines.0.note');
    await refusedCleanly(b, b.c, 'assets.checkSave', { id: k.id, checkerId: b.clerk.id, reviewerId: b.clerk.id }, 'reviewerId');
    await ok(b.core, b.c, 'assets.checkSave', {
      id: k.id,
      checkerId: b.clerk.id,
      reviewerId: b.clerk2.id,
      lines: [
        { lineId: line(x), result: 'ok' },
        { lineId: line(y), result: 'moved', actualLocation: '203' },
      ],
    });
    const e = await refusedCleanly(b, b.c, 'assets.checkConfirm', { id: k.id }, 'lines');
    expect(e.message).toContain('未录入清查结果');
    await ok(b.core, b.c, 'assets.checkSave', { id: k.id, lines: [{ lineId: line(z), result: 'missing', note: '使用人称已借给司法所，未找到' }], surplus: '发现账外投影仪 1 台' });
    const c = await ok(b.core, b.c, 'assets.checkConfirm', { id: k.id });
    expect(c).toMatchObject({ state: 'confirmed', okCount: 1, problemCount: 2, surplus: '发现账外投影仪 1 台' });
    expect((await ok(b.core, b.c, 'assets.get', { id: y.id })).card.location).toBe('203');
    expect((await ok(b.core, b.c, 'assets.get', { id: z.id })).card.status).toBe('lost');
    await refusedCleanly(b, b.c, 'assets.checkSave', { id: k.id, lines: [{ lineId: line(x), result: 'damaged', note: '坏' }] }, 'id');
    expect(() => b.core.state.db.prepare("UPDATE asset_check_lines SET result = 'missing' WHERE check_id = ?").run(k.id)).toThrow(/不可修改/);
    const sheet = await ok(b.core, b.c, 'output.rows', { register: 'assets.check', filter: { extra: { checkId: k.id } } });
    expect(sheet.rows.map((r) => r.result)).toEqual(['账实相符', '存放地点不符', '未找到（盘亏）']);
    b.core.close();
  });
});
