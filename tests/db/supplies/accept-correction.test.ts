// 入库更正 (issue 27): a typo in an accepted purchase line — the quantity received or the unit price —
// has a path to the correct record. The original 入库 stays; the difference is posted as 调增/调减
// against the purchase line on the day of the correction; balances, the 收发存 summary and the
// purchase's accepted total follow; what cannot be posted (value of stock already issued) is stated.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../db/core/migrate';
import { DB_FILE } from '../../../db/core/open';
import { STRONG, makeCore, ok, tempDir } from '../../helpers';
import { approvedReq, bureau, day, refusedCleanly, stocked, type Bureau } from './fixture';

const movementsOf = (b: Bureau, itemId: number) => ok(b.core, b.c, 'supplies.list', { itemId, sort: 'date', page: 1, pageSize: 50 });

async function issue(b: Bureau, itemId: number, quantity: number) {
  const r = await approvedReq(b, [{ itemId, quantity }]);
  return ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity }] });
}

describe('入库更正 of an accepted purchase line', () => {
  it('a quantity keyed ten times too high is corrected down: the original 入库 stays, a red 调减 follows, stock and totals agree', async () => {
    const b = await bureau();
    const p = await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 50, unitPrice: 2_450 }] });
    await issue(b, b.paper.id, 3);
    const d = await ok(b.core, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: p.lines[0].id, acceptedQty: 5, unitPrice: 2_450, reason: '实收 5 包，验收时误录为 50 包' });
    expect(d.lines[0]).toMatchObject({ acceptedQty: 5, acceptedAmount: 12_250 });
    expect(d.lines[0].corrections).toEqual([
      expect.objectContaining({ beforeQty: 50, beforeAmount: 122_500, afterQty: 5, afterAmount: 12_250, unpostedAmount: 0, reason: '实收 5 包，验收时误录为 50 包', recordedByName: '李晓梅', correctedOn: day() }),
    ]);
    expect(d).toMatchObject({ acceptedTotal: 12_250, corrections: 1, total: 122_500 });
    const item = await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id });
    expect(item).toMatchObject({ balanceQty: 2, balanceAmount: 12_250 - 7_350 });
    const m = (await movementsOf(b, b.paper.id)).rows;
    expect(m.map((x) => [x.kind, x.quantity, x.amount])).toEqual([
      ['in', 50, 122_500],
      ['issue', 3, 7_350],
      ['correctDown', 45, 110_250],
    ]);
    expect(m[2]).toMatchObject({ refType: 'purchase', refId: p.id, refNumber: p.number });
    // 收发存: 收入 is what really came in; nothing extra is 发出.
    const ledger = await ok(b.core, b.c, 'supplies.ledger', { from: day(-1), to: day(), page: 1, pageSize: 50 });
    expect(ledger.rows.find((r) => r.itemId === b.paper.id)).toMatchObject({ inQty: 5, inAmount: 12_250, outQty: 3, outAmount: 7_350, closeQty: 2, closeAmount: 4_900 });
    // The printed 明细账 writes it in red in 收入.
    const printed = await ok(b.core, b.c, 'output.rows', { register: 'supplies.movements', filter: { extra: { itemId: b.paper.id } } });
    expect(printed.rows.at(-1)).toMatchObject({ kind: '入库更正（调减）', inQty: -45, inAmount: -110_250, outQty: null, party: '长沙市某某办公用品有限公司' });
    b.core.close();
  });

  it('a price typo moves value only; on stock already issued the difference is stated, not posted', async () => {
    const b = await bureau();
    const p = await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 50, unitPrice: 2_450 }, { itemId: b.pen.id, quantity: 10, unitPrice: 150 }] });
    const paper = await ok(b.core, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: p.lines[0].id, acceptedQty: 50, unitPrice: 2_400, reason: '发票单价 24.00 元' });
    expect(paper.lines[0]).toMatchObject({ acceptedQty: 50, acceptedAmount: 120_000 });
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).toMatchObject({ balanceQty: 50, balanceAmount: 120_000 });
    const pm = (await movementsOf(b, b.paper.id)).rows.at(-1)!;
    expect(pm).toMatchObject({ kind: 'correctDown', quantity: 0, amount: 2_500, balanceQty: 50 });

    await issue(b, b.pen.id, 10);
    const pen = await ok(b.core, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: p.lines[1].id, acceptedQty: 10, unitPrice: 160, reason: '单价应为 1.60 元' });
    expect(pen.lines[1].corrections[0]).toMatchObject({ beforeAmount: 1_500, afterAmount: 1_600, unpostedAmount: 100 });
    expect(pen.acceptedTotal).toBe(120_000 + 1_600);
    // No stock left to carry the value: the balance stays 0 / 0 and no movement is posted.
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.pen.id })).toMatchObject({ balanceQty: 0, balanceAmount: 0 });
    expect((await movementsOf(b, b.pen.id)).rows.map((x) => x.kind)).toEqual(['in', 'issue']);
    b.core.close();
  });

  it('more received at a lower price posts the increase first; a second correction starts from the first', async () => {
    const b = await bureau();
    const p = await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 50, unitPrice: 2_450 }] });
    const one = await ok(b.core, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: p.lines[0].id, acceptedQty: 60, unitPrice: 2_000, reason: '实收 60 包，单价 20 元' });
    expect(one.lines[0]).toMatchObject({ acceptedQty: 60, acceptedAmount: 120_000 });
    const m = (await movementsOf(b, b.paper.id)).rows;
    expect(m.map((x) => [x.kind, x.quantity, x.amount, x.balanceQty, x.balanceAmount])).toEqual([
      ['in', 50, 122_500, 50, 122_500],
      ['correctUp', 10, 0, 60, 122_500],
      ['correctDown', 0, 2_500, 60, 120_000],
    ]);
    const two = await ok(b.core, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: p.lines[0].id, acceptedQty: 55, unitPrice: 2_000, reason: '复核后为 55 包' });
    expect(two.lines[0].corrections.map((c) => [c.beforeQty, c.afterQty])).toEqual([
      [50, 60],
      [60, 55],
    ]);
    expect(two.acceptedTotal).toBe(110_000);
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).toMatchObject({ balanceQty: 55, balanceAmount: 110_000 });
    const audit = await ok(b.core, b.auditor.session, 'audit.list', { q: '入库更正', page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => r.message)).toEqual([expect.stringContaining('60 包 1,200.00 元 → 55 包 1,100.00 元（复核后为 55 包）'), expect.stringContaining('50 包 1,225.00 元 → 60 包 1,200.00 元')]);
    b.core.close();
  });

  it('refuses, in Chinese, naming the field and changing nothing: not accepted, void, an asset line, no change, more than is left, a fraction of a whole unit, no reason, a leader', async () => {
    const b = await bureau();
    const open = await ok(b.core, b.c, 'supplies.purchaseCreate', {
      orderNo: 'DZMC-OPEN',
      supplier: '某公司',
      buyerId: b.clerk.id,
      purchasedOn: day(),
      lines: [{ itemId: b.paper.id, quantity: 5, unitPrice: 2_450 }],
    });
    const e1 = await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: open.id, lineId: open.lines[0].id, acceptedQty: 4, unitPrice: 2_450, reason: '少收' }, 'id');
    expect(e1.message).toContain('尚未验收');
    await ok(b.core, b.c, 'supplies.purchaseVoid', { id: open.id, reason: '重复登记' });
    expect((await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: open.id, lineId: open.lines[0].id, acceptedQty: 4, unitPrice: 2_450, reason: '少收' }, 'id')).message).toContain('已作废');

    const p = await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 10, unitPrice: 2_450 }, { itemId: b.cable.id, quantity: 20, unitPrice: 100 }] });
    const line = p.lines[0].id;
    expect((await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: line, acceptedQty: 10, unitPrice: 2_450, reason: '无变化' }, 'acceptedQty')).message).toContain('无需更正');
    await issue(b, b.paper.id, 8);
    expect((await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: line, acceptedQty: 1, unitPrice: 2_450, reason: '实收 1 包' }, 'acceptedQty')).message).toMatch(/现有库存 2 包.*退库/);
    expect((await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: line, acceptedQty: 9.5, unitPrice: 2_450, reason: '少收半包' }, 'acceptedQty')).message).toContain('整数');
    await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: line, acceptedQty: 9, unitPrice: 2_450, reason: ' ' }, 'reason');
    await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: p.id, lineId: p.lines[1].id + 100, acceptedQty: 9, unitPrice: 2_450, reason: '他单明细' }, 'lineId');
    await refusedCleanly(b, b.chief.session, 'supplies.acceptCorrect', { id: p.id, lineId: line, acceptedQty: 9, unitPrice: 2_450, reason: '领导不记账' });

    const asset = await stocked(b, { lines: [{ name: '台式计算机', spec: 'i5', unit: '台', quantity: 1, unitPrice: 568_000, assetCategory: '计算机设备', brand: '联想', model: 'M450' }] });
    expect((await refusedCleanly(b, b.c, 'supplies.acceptCorrect', { id: asset.id, lineId: asset.lines[0].id, acceptedQty: 1, unitPrice: 560_000, reason: '原值有误' }, 'lineId')).message).toContain('资产卡片');
    b.core.close();
  });

  it('upgrading a folder with a ledger keeps every movement, balance, search and guard through the table rebuild', async () => {
    const dir = tempDir('migr-sup-');
    const b = await bureau(dir);
    await stocked(b, { lines: [{ itemId: b.paper.id, quantity: 50, unitPrice: 2_450 }] });
    const i = await issue(b, b.paper.id, 3);
    await ok(b.core, b.c, 'supplies.returnStock', { movementId: i.issues[0].id, quantity: 1, reason: '多领退回' });
    const before = (await movementsOf(b, b.paper.id)).rows;
    b.core.close();
    // Put the folder back to schema 180 (this release's correction table did not exist then).
    const db = new Database(join(dir, DB_FILE));
    const found = () => db.prepare("SELECT rowid FROM supply_movements_fts WHERE supply_movements_fts MATCH '法律援助中心' ORDER BY rowid").all();
    const searchable = found();
    expect(searchable.length).toBeGreaterThan(0);
    db.exec('DROP TABLE supply_accept_corrections');
    db.pragma('user_version = 180');
    migrate(db, loadMigrations(defaultMigrationsDir()), join(dir, 'backups'), 'x');
    expect(found()).toEqual(searchable);
    expect(() => db.prepare('DELETE FROM supply_movements').run()).toThrow(/不可删除/);
    expect(() => db.prepare('UPDATE supply_movements SET qty = 1').run()).toThrow(/不可修改/);
    db.close();
    const core = makeCore(dir);
    const session = (await ok(core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
    expect((await ok(core, session, 'supplies.list', { itemId: b.paper.id, sort: 'date', page: 1, pageSize: 50 })).rows).toEqual(before);
    expect(await ok(core, session, 'supplies.itemGet', { id: b.paper.id })).toMatchObject({ balanceQty: 48 });
    core.close();
  });
});
