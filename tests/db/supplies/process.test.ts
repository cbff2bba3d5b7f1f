// Purchase → 履约验收 → stock in → requisition approved per tier → issue (in full or in part) →
// 退库, with the moving-average cost; and the bad inputs of issue 7, each refused in Chinese with the
// field named and nothing changed.
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { approvedReq, bureau, cosign, day, paper, purchase, refusedCleanly, stocked } from './fixture';

describe('procurement and acceptance', () => {
  it('a purchase through 电子卖场 is accepted by the buyer and a colleague; only accepted quantities enter stock', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const p = await ok(b.core, b.c, 'supplies.purchaseCreate', purchase(b, { orderNo: 'DZMC-2025-0001' }));
    expect(p).toMatchObject({ number: `采购〔${year}〕第0001号`, channel: 'emall', state: 'ordered', total: 50 * 2_450 + 100 * 150, buyerName: '李晓梅' });
    const a = await ok(b.core, b.c, 'supplies.accept', {
      id: p.id,
      acceptedOn: day(),
      acceptorIds: [b.clerk.id, b.clerk2.id],
      lines: [
        { lineId: p.lines[0].id, acceptedQty: 50, quality: 'ok' },
        { lineId: p.lines[1].id, acceptedQty: 90, quality: 'defect', note: '10 支漏墨，退回供应商' },
      ],
      problems: '部分中性笔漏墨',
      opinion: '除漏墨的 10 支外验收合格',
    });
    expect(a).toMatchObject({ state: 'accepted', result: 'partial', acceptedTotal: 50 * 2_450 + 90 * 150 });
    expect(a.acceptors.map((x) => x.name)).toEqual(['李晓梅', '郑华']);
    const pen = await ok(b.core, b.c, 'supplies.itemGet', { id: b.pen.id });
    expect(pen).toMatchObject({ balanceQty: 90, balanceAmount: 13_500, avgCost: 150 });
    const ledger = await ok(b.core, b.c, 'supplies.list', { itemId: b.pen.id });
    expect(ledger.rows).toMatchObject([{ kind: 'in', quantity: 90, amount: 13_500, balanceQty: 90, refNumber: p.number, refType: 'purchase' }]);
    const history = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'supply_purchase', objectId: String(p.id) });
    expect(history.map((h) => h.action)).toEqual(['supplies.purchaseCreate', 'supplies.accept']);
    b.core.close();
  });

  it('a line at or above the fixed-asset threshold becomes asset cards, numbered by the pattern', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const p = await ok(b.core, b.c, 'supplies.purchaseCreate', purchase(b, {
      lines: [
        { itemId: b.paper.id, quantity: 10, unitPrice: 2_450 },
        { name: '台式计算机', spec: 'i5/16G/512G', unit: '台', quantity: 3, unitPrice: 568_000, assetCategory: '计算机设备', brand: '联想', model: '启天M450' },
      ],
    }));
    expect(p.lines[1]).toMatchObject({ isAsset: true, itemId: null });
    const a = await ok(b.core, b.c, 'supplies.accept', {
      id: p.id,
      acceptedOn: day(),
      acceptorIds: [b.clerk2.id],
      lines: p.lines.map((l) => ({ lineId: l.id, acceptedQty: l.id === p.lines[1].id ? 2 : l.quantity, quality: 'ok' as const, note: l.id === p.lines[1].id ? '到货 2 台，1 台缺货' : '' })),
      opinion: '同意验收',
    });
    expect(a.lines[1].assetNumbers).toEqual([`ZC-${year}-00001`, `ZC-${year}-00002`]);
    const cards = await ok(b.core, b.c, 'assets.list', {});
    expect(cards.total).toBe(2);
    expect(cards.rows[0]).toMatchObject({ name: '台式计算机', brand: '联想', model: '启天M450', originalValue: 568_000, status: 'idle', purchaseMethod: '电子卖场', purchaseNumber: p.number });
    // Asset lines do not enter the stock ledger.
    expect((await ok(b.core, b.c, 'supplies.list', {})).total).toBe(1);
    b.core.close();
  });

  it('refuses: accepted by the buyer alone, acceptance above ordered, other channel without reason, prices with more than 2 decimals', async () => {
    const b = await bureau();
    const p = await ok(b.core, b.c, 'supplies.purchaseCreate', purchase(b));
    const lines = p.lines.map((l) => ({ lineId: l.id, acceptedQty: l.quantity, quality: 'ok' as const }));
    const base = { id: p.id, acceptedOn: day(), opinion: '同意' };
    const e = await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk.id], lines }, 'acceptorIds');
    expect(e.message).toContain('不能由采购人一人验收');
    const e2 = await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk2.id], lines: [{ ...lines[0], acceptedQty: 51 }, lines[1]] }, 'lines.0.acceptedQty');
    expect(e2.message).toContain('不能超过采购数量');
    await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk2.id], lines: [{ ...lines[0], acceptedQty: 49 }, lines[1]] }, 'lines.0.note');
    await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk2.id], lines: [lines[0]] }, 'lines');
    await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk2.id], lines: [{ ...lines[0], quality: 'reject' }, lines[1]] }, 'lines.0.acceptedQty');
    await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptedOn: day(1), acceptorIds: [b.clerk2.id], lines }, 'acceptedOn');
    const e3 = await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { channel: 'direct' }), 'channelReason');
    expect(e3.message).toContain('电子卖场');
    await ok(b.core, b.c, 'supplies.purchaseCreate', purchase(b, { channel: 'direct', channelReason: '电子卖场无此规格，经办公室主任同意线下采购' }));
    const e4 = await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { lines: [{ itemId: b.paper.id, quantity: 1, unitPrice: 2_450.5 }] }), 'lines.0.unitPrice');
    expect(e4.message).toContain('精确到分');
    await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { lines: [{ itemId: b.paper.id, quantity: 1, unitPrice: -1 }] }), 'lines.0.unitPrice');
    // Below the threshold a line must be a catalogue item; at or above it needs an asset category.
    await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { lines: [{ name: '订书机', unit: '个', quantity: 1, unitPrice: 3_500 }] }), 'lines.0.itemId');
    await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { lines: [{ name: '打印机', unit: '台', quantity: 1, unitPrice: 250_000 }] }), 'lines.0.assetCategory');
    await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { lines: [{ itemId: b.paper.id, quantity: 1.5, unitPrice: 2_450 }] }), 'lines.0.quantity');
    // The same order cannot be registered twice.
    const e5 = await refusedCleanly(b, b.c, 'supplies.purchaseCreate', purchase(b, { orderNo: p.orderNo }), 'orderNo');
    expect(e5.code).toBe('conflict');
    // Accepted is final.
    await ok(b.core, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk2.id], lines });
    await refusedCleanly(b, b.c, 'supplies.accept', { ...base, acceptorIds: [b.clerk2.id], lines }, 'id');
    await refusedCleanly(b, b.c, 'supplies.purchaseVoid', { id: p.id, reason: '录错' }, 'id');
    await refusedCleanly(b, b.c, 'supplies.purchaseUpdate', { ...purchase(b), id: p.id }, 'id');
    b.core.close();
  });

  it('a purchase may be changed or voided before acceptance, with its history', async () => {
    const b = await bureau();
    const p = await ok(b.core, b.c, 'supplies.purchaseCreate', purchase(b));
    const u = await ok(b.core, b.c, 'supplies.purchaseUpdate', { ...purchase(b, { orderNo: p.orderNo, lines: [{ itemId: b.paper.id, quantity: 20, unitPrice: 2_400 }] }), id: p.id });
    expect(u).toMatchObject({ number: p.number, total: 48_000, lineCount: 1 });
    const v = await ok(b.core, b.c, 'supplies.purchaseVoid', { id: p.id, reason: '供应商无货，订单已取消' });
    expect(v).toMatchObject({ state: 'void', voidReason: '供应商无货，订单已取消' });
    await refusedCleanly(b, b.c, 'supplies.accept', { id: p.id, acceptedOn: day(), acceptorIds: [b.clerk2.id], lines: [], opinion: '同意' });
    b.core.close();
  });
});

describe('requisitions and issues', () => {
  it('approved per tier, issued in part and then in full, with recipient, approver and issuer on each movement', async () => {
    const b = await bureau();
    await stocked(b);
    const year = Number(day().slice(0, 4));
    const r = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '法律援助中心日常办公', lines: [{ itemId: b.paper.id, quantity: 8 }, { itemId: b.pen.id, quantity: 20 }] });
    expect(r).toMatchObject({ number: `领用〔${year}〕第0001号`, state: 'pending', steps: ['办公室审批'], nextStep: '办公室审批', estAmount: 8 * 2_450 + 20 * 150, department: '法律援助中心' });
    // 先审批后执行.
    const e = await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 1 }] }, 'id');
    expect(e.message).toContain('先审批后执行');
    const a = await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r.id, approval: cosign('officehead') });
    expect(a).toMatchObject({ state: 'approved', approvers: '马骏' });
    const i1 = await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 5 }] });
    expect(i1).toMatchObject({ state: 'partial' });
    expect(i1.issues[0]).toMatchObject({ kind: 'issue', quantity: 5, recipientName: '赵敏', department: '法律援助中心', approvedBy: '马骏', handledByName: '李晓梅', amount: 5 * 2_450 });
    const i2 = await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 3 }, { lineId: r.lines[1].id, quantity: 20 }], note: '送法律援助中心档案室' });
    // Free text: the item, the recipient (1–2 characters through indexes), the note (3+ through the trigram index).
    const search = async (q: string) => (await ok(b.core, b.c, 'supplies.list', { q })).total;
    expect(await search('中性笔')).toBe(2);
    expect(await search('赵敏')).toBe(3);
    expect(await search('法律')).toBe(3);
    expect(await search('档案室')).toBe(2);
    expect(await search('100%')).toBe(0);
    expect(await search('"档案')).toBe(0);
    expect(i2.state).toBe('issued');
    expect(i2.lines.map((l) => l.issuedQty)).toEqual([8, 20]);
    expect((await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).balanceQty).toBe(42);
    await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 1 }] }, 'id');
    b.core.close();
  });

  it('a requisition above the tier needs two steps by two different approvers; a rejection ends it', async () => {
    const b = await bureau();
    await stocked(b, { lines: [{ itemId: b.toner.id, quantity: 10, unitPrice: 45_000 }] });
    const r = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '更换打印机硒鼓', lines: [{ itemId: b.toner.id, quantity: 3 }] });
    expect(r.steps).toEqual(['办公室审批', '分管领导审批']);
    const s1 = await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r.id, approval: cosign('officehead') });
    expect(s1).toMatchObject({ state: 'pending', nextStep: '分管领导审批', approvedSteps: 1 });
    const e = await refusedCleanly(b, b.c, 'supplies.requisitionApprove', { id: r.id, approval: cosign('officehead') }, 'approval.login');
    expect(e.message).toContain('两个环节');
    await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 1 }] }, 'id');
    const s2 = await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r.id, approval: paper(b.deputy.id) });
    expect(s2).toMatchObject({ state: 'approved', approvers: '马骏、何平' });
    const r2 = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '再领硒鼓', lines: [{ itemId: b.toner.id, quantity: 3 }] });
    const rej = await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r2.id, approval: cosign('officehead', 'rejected', '上周已领') });
    expect(rej.state).toBe('rejected');
    await refusedCleanly(b, b.c, 'supplies.requisitionApprove', { id: r2.id, approval: cosign('deputy') }, 'id');
    const approvals = await ok(b.core, b.auditor.session, 'approvals.forObject', { objectType: 'supply_requisition', objectId: r.id });
    expect(approvals.map((x) => [x.step, x.approverName, x.mode])).toEqual([
      ['办公室审批', '马骏', 'cosign'],
      ['分管领导审批', '何平', 'paper'],
    ]);
    b.core.close();
  });

  it('refuses: issuing more than in stock, negative or fractional quantities of a whole unit, approving one’s own requisition, issuing to oneself', async () => {
    const b = await bureau();
    await stocked(b);
    const r = await approvedReq(b, [{ itemId: b.paper.id, quantity: 80 }]);
    const e = await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 60 }] }, 'lines.0.quantity');
    expect(e.message).toContain('库存不足');
    expect(e.message).toContain('50 包');
    const e2 = await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 2.5 }] }, 'lines.0.quantity');
    expect(e2.message).toContain('整数');
    await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: -1 }] }, 'lines.0.quantity');
    await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 0 }] }, 'lines.0.quantity');
    await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 1.0001 }] }, 'lines.0.quantity');
    await refusedCleanly(b, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '办公', lines: [{ itemId: b.pen.id, quantity: 0.5 }] }, 'lines.0.quantity');
    await refusedCleanly(b, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '办公', lines: [{ itemId: b.pen.id, quantity: 1 }, { itemId: b.pen.id, quantity: 2 }] }, 'lines.1.itemId');
    // Everything stays as it was: the whole stock still there.
    expect((await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).balanceQty).toBe(50);
    // The clerk who records a requisition cannot approve it; the approver cannot approve their own.
    const own = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.office.id, purpose: '办公室用', lines: [{ itemId: b.pen.id, quantity: 2 }] });
    const e3 = await refusedCleanly(b, b.c, 'supplies.requisitionApprove', { id: own.id, approval: cosign('officehead') }, 'approval.login');
    expect(e3.message).toContain('不相容岗位分离');
    // Issuing to oneself.
    const self = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.clerk.id, purpose: '自用', lines: [{ itemId: b.pen.id, quantity: 2 }] });
    await ok(b.core, b.c, 'supplies.requisitionApprove', { id: self.id, approval: cosign('officehead') });
    const e4 = await refusedCleanly(b, b.c, 'supplies.issue', { id: self.id, lines: [{ lineId: self.lines[0].id, quantity: 2 }] }, 'id');
    expect(e4.message).toContain('不能给自己发放');
    await ok(b.core, b.clerk2.session, 'supplies.issue', { id: self.id, lines: [{ lineId: self.lines[0].id, quantity: 2 }] });
    b.core.close();
  });

  it('a fractional unit may be issued in decimals; a partly issued requisition can be closed; a return comes back at its issue cost', async () => {
    const b = await bureau();
    await stocked(b, { lines: [{ itemId: b.cable.id, quantity: 100.5, unitPrice: 120 }] });
    const cable = await ok(b.core, b.c, 'supplies.itemGet', { id: b.cable.id });
    expect(cable).toMatchObject({ balanceQty: 100.5, balanceAmount: 12_060 });
    const r = await approvedReq(b, [{ itemId: b.cable.id, quantity: 30 }]);
    const i = await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 12.75 }] });
    expect(i.issues[0]).toMatchObject({ quantity: 12.75, amount: 1_530 });
    const closed = await ok(b.core, b.c, 'supplies.requisitionClose', { id: r.id, reason: '余量无需再领' });
    expect(closed.state).toBe('closed');
    await refusedCleanly(b, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 1 }] }, 'id');
    const ret = await ok(b.core, b.c, 'supplies.returnStock', { movementId: i.issues[0].id, quantity: 2.75, reason: '多领退回' });
    expect(ret).toMatchObject({ kind: 'return', quantity: 2.75, amount: 330, recipientName: '赵敏', balanceQty: 90.5 });
    await refusedCleanly(b, b.c, 'supplies.returnStock', { movementId: i.issues[0].id, quantity: 10.5, reason: '再退' }, 'quantity');
    await ok(b.core, b.c, 'supplies.returnStock', { movementId: i.issues[0].id, quantity: 10, reason: '全部退回' });
    const back = await ok(b.core, b.c, 'supplies.itemGet', { id: b.cable.id });
    expect(back).toMatchObject({ balanceQty: 100.5, balanceAmount: 12_060 });
    b.core.close();
  });

  it('moving-average cost: later purchases at another price average in; the last unit takes all the value', async () => {
    const b = await bureau();
    await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 3, unitPrice: 1_000 }] });
    await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 3, unitPrice: 1_001 }] });
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).toMatchObject({ balanceQty: 6, balanceAmount: 6_003, avgCost: 1_001 });
    const r = await approvedReq(b, [{ itemId: b.paper.id, quantity: 6 }]);
    const i1 = await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 1 }] });
    expect(i1.issues[0].amount).toBe(1_001); // 6003 / 6 = 1000.5 → 1001
    const i2 = await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 5 }] });
    expect(i2.issues[1].amount).toBe(5_002);
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).toMatchObject({ balanceQty: 0, balanceAmount: 0, avgCost: null });
    b.core.close();
  });
});

describe('finding things by pinyin', () => {
  it('items by initials or full pinyin (xg → 硒鼓, zhongxing → 中性笔), people by initials (zm → 赵敏); Chinese text still matches literally', async () => {
    const b = await bureau();
    const names = async (q: string) => (await ok(b.core, b.c, 'supplies.itemList', { q })).rows.map((r) => r.name);
    expect(await names('xg')).toEqual(['硒鼓']);
    expect(await names('zhongxing')).toEqual(['中性笔']);
    expect(await names('fyz')).toEqual(['A4复印纸']);
    expect(await names('中性')).toEqual(['中性笔']);
    expect(await names('qq')).toEqual([]);
    const people = async (q: string) => (await ok(b.core, b.c, 'accounts.people', { q })).map((p) => p.name);
    expect(await people('zm')).toEqual(['赵敏']);
    expect(await people('wangzhiqiang')).toEqual(['王志强']);
    // a login is still found as typed
    expect(await people('officehead')).toEqual(['马骏']);
    b.core.close();
  });
});
