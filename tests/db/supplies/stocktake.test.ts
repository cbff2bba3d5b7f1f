// Stocktakes (盘点): a count sheet, counted quantities with reasons, counted-by and checked-by;
// confirming posts 盘盈/盘亏 in one transaction and the sheet is then read-only.
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { approvedReq, bureau, day, refusedCleanly, stocked } from './fixture';

describe('stocktakes', () => {
  it('count, explain differences, confirm: adjustments posted at average cost, then read-only', async () => {
    const b = await bureau();
    await stocked(b);
    const year = Number(day().slice(0, 4));
    const s = await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '年中盘点', countedOn: day() });
    expect(s).toMatchObject({ number: `盘点〔${year}〕第0001号`, state: 'draft', lineCount: 2 });
    const [paperLine, penLine] = [s.lines.find((l) => l.itemId === b.paper.id)!, s.lines.find((l) => l.itemId === b.pen.id)!];
    expect(paperLine).toMatchObject({ bookQty: 50, bookAmount: 122_500, countedQty: null });
    const saved = await ok(b.core, b.c, 'supplies.stocktakeSave', {
      id: s.id,
      countedById: b.clerk.id,
      checkedById: b.clerk2.id,
      lines: [
        { lineId: paperLine.id, countedQty: 48, reason: '受潮损坏 2 包' },
        { lineId: penLine.id, countedQty: 101, reason: '上次验收少记 1 支' },
      ],
    });
    expect(saved).toMatchObject({ countedCount: 2, diffCount: 2, countedByName: '李晓梅', checkedByName: '郑华' });
    const c = await ok(b.core, b.c, 'supplies.stocktakeConfirm', { id: s.id });
    expect(c).toMatchObject({ state: 'confirmed', gainAmount: 150, lossAmount: 4_900 });
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.paper.id })).toMatchObject({ balanceQty: 48, balanceAmount: 117_600 });
    expect(await ok(b.core, b.c, 'supplies.itemGet', { id: b.pen.id })).toMatchObject({ balanceQty: 101, balanceAmount: 15_150 });
    const moves = await ok(b.core, b.c, 'supplies.list', { kind: 'loss' });
    expect(moves.rows[0]).toMatchObject({ refNumber: s.number, refType: 'stocktake', note: '受潮损坏 2 包', quantity: 2 });
    // Editing a confirmed stocktake is refused, by the core and by SQL.
    const e = await refusedCleanly(b, b.c, 'supplies.stocktakeSave', { id: s.id, lines: [{ lineId: paperLine.id, countedQty: 50, reason: '' }] }, 'id');
    expect(e.message).toContain('不可修改');
    await refusedCleanly(b, b.c, 'supplies.stocktakeConfirm', { id: s.id }, 'id');
    await refusedCleanly(b, b.c, 'supplies.stocktakeVoid', { id: s.id, reason: '重盘' }, 'id');
    const db = b.core.state.db;
    expect(() => db.prepare('UPDATE supply_stocktake_lines SET counted_qty = 1 WHERE id = ?').run(paperLine.id)).toThrow(/不可修改/);
    expect(() => db.prepare("UPDATE supply_stocktakes SET remarks = 'x' WHERE id = ?").run(s.id)).toThrow(/不可修改/);
    b.core.close();
  });

  it('refuses: confirm without counts, without reasons, without a checker, one person counting and checking; a stale book', async () => {
    const b = await bureau();
    await stocked(b);
    const s = await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '季度盘点', countedOn: day(), itemIds: [b.paper.id] });
    const line = s.lines[0];
    await refusedCleanly(b, b.c, 'supplies.stocktakeConfirm', { id: s.id }, 'countedById');
    await refusedCleanly(b, b.c, 'supplies.stocktakeSave', { id: s.id, countedById: b.clerk.id, checkedById: b.clerk.id }, 'checkedById');
    await ok(b.core, b.c, 'supplies.stocktakeSave', { id: s.id, countedById: b.clerk.id, checkedById: b.clerk2.id });
    const e = await refusedCleanly(b, b.c, 'supplies.stocktakeConfirm', { id: s.id }, 'lines');
    expect(e.message).toContain('未录入实盘数量');
    await refusedCleanly(b, b.c, 'supplies.stocktakeSave', { id: s.id, lines: [{ lineId: line.id, countedQty: 47.5, reason: '' }] }, 'lines.0.countedQty');
    await refusedCleanly(b, b.c, 'supplies.stocktakeSave', { id: s.id, lines: [{ lineId: line.id, countedQty: -1, reason: '' }] }, 'lines.0.countedQty');
    await ok(b.core, b.c, 'supplies.stocktakeSave', { id: s.id, lines: [{ lineId: line.id, countedQty: 47, reason: '' }] });
    const e2 = await refusedCleanly(b, b.c, 'supplies.stocktakeConfirm', { id: s.id }, 'lines');
    expect(e2.message).toContain('差异原因');
    // A second sheet over the same item while this one is open is refused.
    await refusedCleanly(b, b.c, 'supplies.stocktakeCreate', { title: '重复', countedOn: day(), itemIds: [b.paper.id] }, 'itemIds.0');
    // An issue after the sheet was made makes its book stale.
    const r = await approvedReq(b, [{ itemId: b.paper.id, quantity: 3 }]);
    await ok(b.core, b.c, 'supplies.issue', { id: r.id, lines: [{ lineId: r.lines[0].id, quantity: 3 }] });
    await ok(b.core, b.c, 'supplies.stocktakeSave', { id: s.id, lines: [{ lineId: line.id, countedQty: 47, reason: '' }] });
    const e3 = await refusedCleanly(b, b.c, 'supplies.stocktakeConfirm', { id: s.id }, 'lines');
    expect(e3.message).toContain('更新账面数');
    const fresh = await ok(b.core, b.c, 'supplies.stocktakeRefresh', { id: s.id });
    expect(fresh.lines[0]).toMatchObject({ bookQty: 47, countedQty: 47, diffQty: 0, stale: false });
    const done = await ok(b.core, b.c, 'supplies.stocktakeConfirm', { id: s.id });
    expect(done).toMatchObject({ state: 'confirmed', gainAmount: 0, lossAmount: 0 });
    b.core.close();
  });

  it('a draft may be voided with a reason; its items can then be counted again', async () => {
    const b = await bureau();
    await stocked(b);
    const s = await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '盘点', countedOn: day() });
    await refusedCleanly(b, b.c, 'supplies.stocktakeVoid', { id: s.id, reason: '' }, 'reason');
    expect((await ok(b.core, b.c, 'supplies.stocktakeVoid', { id: s.id, reason: '范围有误，重新生成' })).state).toBe('void');
    expect((await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '盘点（重）', countedOn: day() })).lineCount).toBe(2);
    b.core.close();
  });
});
