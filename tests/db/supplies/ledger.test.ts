// The period ledger (上期结存/本期入库/本期发出/本期结存): a property test that, for random histories
// and random periods, its balances equal the sum of the movements; and the rules SQL states itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { bureau, day, paper, type Bureau } from './fixture';
import { MOVEMENT_ORDER, itemWhere, movementWhere } from '../../../db/supplies/queries';

type Op =
  | { t: 'buy'; item: number; qty: number; price: number }
  | { t: 'issue'; item: number; qty: number }
  | { t: 'return'; pick: number; part: number }
  | { t: 'count'; item: number; delta: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('buy' as const), item: fc.integer({ min: 0, max: 2 }), qty: fc.integer({ min: 1, max: 40 }), price: fc.integer({ min: 0, max: 9_999 }) }),
  fc.record({ t: fc.constant('issue' as const), item: fc.integer({ min: 0, max: 2 }), qty: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ t: fc.constant('return' as const), pick: fc.nat(), part: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ t: fc.constant('count' as const), item: fc.integer({ min: 0, max: 2 }), delta: fc.integer({ min: -5, max: 5 }) }),
);

/** Quantities of the decimal item (网线, 米) come in quarters of a metre. */
const scale = (b: Bureau, itemId: number, n: number) => (itemId === b.cable.id ? n / 4 : n);

async function run(b: Bureau, ops: Op[]) {
  const items = [b.paper.id, b.pen.id, b.cable.id];
  const issues: { id: number; qty: number }[] = [];
  let n = 0;
  for (const o of ops) {
    // One op per day, oldest first, ending today.
    const date = day(-ops.length + n++);
    if (o.t === 'buy') {
      const itemId = items[o.item];
      const p = await ok(b.core, b.c, 'supplies.purchaseCreate', { orderNo: `P${n}`, supplier: '供应商', buyerId: b.clerk.id, purchasedOn: date, lines: [{ itemId, quantity: scale(b, itemId, o.qty), unitPrice: o.price }] });
      await ok(b.core, b.c, 'supplies.accept', { id: p.id, acceptedOn: date, acceptorIds: [b.clerk2.id], lines: [{ lineId: p.lines[0].id, acceptedQty: p.lines[0].quantity, quality: 'ok' }], opinion: '合格' });
    } else if (o.t === 'issue') {
      const itemId = items[o.item];
      const have = (await ok(b.core, b.c, 'supplies.itemGet', { id: itemId })).balanceQty;
      const qty = Math.min(scale(b, itemId, o.qty), have);
      if (qty <= 0) continue;
      const r = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, requestedOn: date, purpose: '办公', lines: [{ itemId, quantity: qty }] });
      for (let i = 0; i < r.steps.length; i++) await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r.id, approval: paper(i === 0 ? b.office.id : b.deputy.id) });
      const d = await ok(b.core, b.c, 'supplies.issue', { id: r.id, issuedOn: date, lines: [{ lineId: r.lines[0].id, quantity: qty }] });
      issues.push({ id: d.issues[0].id, qty: d.issues[0].quantity });
    } else if (o.t === 'return') {
      const open = issues.filter((x) => x.qty > 0);
      if (!open.length) continue;
      const src = open[o.pick % open.length];
      const m = (await ok(b.core, b.c, 'supplies.list', { pageSize: 500 })).rows.find((x) => x.id === src.id)!;
      const qty = m.itemId === b.cable.id ? Math.max(0.25, Math.floor((src.qty * 4) / (o.part + 1)) / 4) : Math.max(1, Math.floor(src.qty / (o.part + 1)));
      if (qty > src.qty) continue;
      await ok(b.core, b.c, 'supplies.returnStock', { movementId: src.id, quantity: qty, returnedOn: date, reason: '退回' });
      src.qty -= qty;
    } else {
      const itemId = items[o.item];
      const have = (await ok(b.core, b.c, 'supplies.itemGet', { id: itemId })).balanceQty;
      const counted = Math.max(0, have + scale(b, itemId, o.delta));
      const s = await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '抽盘', countedOn: date, itemIds: [itemId] });
      await ok(b.core, b.c, 'supplies.stocktakeSave', { id: s.id, countedById: b.clerk.id, checkedById: b.clerk2.id, lines: [{ lineId: s.lines[0].id, countedQty: counted, reason: counted === have ? '' : '盘点差异' }] });
      await ok(b.core, b.c, 'supplies.stocktakeConfirm', { id: s.id });
    }
  }
}

describe('the period ledger', () => {
  it('balances equal the sum of movements, for any history and any period (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 14 }), fc.nat(), fc.nat(), async (ops, a, z) => {
        const b = await bureau();
        try {
          await run(b, ops);
          const all = (await ok(b.core, b.c, 'supplies.list', { sort: 'date', pageSize: 500 })).rows;
          const len = ops.length + 1;
          const [i, j] = [a % len, z % len].sort((x, y) => x - y);
          const from = day(-ops.length + i);
          const to = day(-ops.length + j);
          const led = await ok(b.core, b.c, 'supplies.ledger', { from, to, pageSize: 500 });
          const sum = (itemId: number, pred: (d: string) => boolean, dir?: 1 | -1) =>
            all
              .filter((m) => m.itemId === itemId && pred(m.date) && (dir === undefined || (['in', 'return', 'gain'].includes(m.kind) ? 1 : -1) === dir))
              .reduce((acc, m) => ({ qty: acc.qty + (['in', 'return', 'gain'].includes(m.kind) ? 1 : -1) * m.quantity * (dir ?? 1), amount: acc.amount + (['in', 'return', 'gain'].includes(m.kind) ? 1 : -1) * m.amount * (dir ?? 1) }), { qty: 0, amount: 0 });
          const close = (x: number) => Math.round(x * 1000) / 1000;
          for (const itemId of [b.paper.id, b.pen.id, b.cable.id]) {
            const row = led.rows.find((r) => r.itemId === itemId);
            const opening = sum(itemId, (d) => d < from);
            const ins = sum(itemId, (d) => d >= from && d <= to, 1);
            const outs = sum(itemId, (d) => d >= from && d <= to, -1);
            const closing = sum(itemId, (d) => d <= to);
            const moved = all.some((m) => m.itemId === itemId && m.date >= from && m.date <= to);
            if (!row) {
              expect(opening.qty === 0 && opening.amount === 0 && !moved, `item ${itemId} missing from ledger`).toBe(true);
              continue;
            }
            expect(close(row.openQty)).toBe(close(opening.qty));
            expect(row.openAmount).toBe(opening.amount);
            expect(close(row.inQty)).toBe(close(ins.qty));
            expect(row.inAmount).toBe(ins.amount);
            expect(close(row.outQty)).toBe(close(outs.qty));
            expect(row.outAmount).toBe(outs.amount);
            expect(close(row.closeQty)).toBe(close(closing.qty));
            expect(row.closeAmount).toBe(closing.amount);
            // 上期结存 + 本期入库 − 本期发出 = 本期结存
            expect(close(row.openQty + row.inQty - row.outQty)).toBe(close(row.closeQty));
            expect(row.openAmount + row.inAmount - row.outAmount).toBe(row.closeAmount);
          }
          // Up to today, the ledger's closing balance is the item's balance, and never negative.
          const now = await ok(b.core, b.c, 'supplies.ledger', { from: day(-ops.length), to: day(), pageSize: 500 });
          for (const r of now.rows) {
            const it = await ok(b.core, b.c, 'supplies.itemGet', { id: r.itemId });
            expect(close(r.closeQty)).toBe(close(it.balanceQty));
            expect(r.closeAmount).toBe(it.balanceAmount);
            expect(r.closeQty).toBeGreaterThanOrEqual(0);
          }
          expect(now.totals.closeAmount).toBe(now.rows.reduce((x, r) => x + r.closeAmount, 0));
        } finally {
          b.core.close();
        }
      }),
      { numRuns: 12, seed: 7_2025 },
    );
  }, 240_000);
});

describe('the stock tables in SQL', () => {
  it('a negative balance, a movement out of date order, a changed or deleted movement are refused by SQL itself', async () => {
    const b = await bureau();
    const p = await ok(b.core, b.c, 'supplies.purchaseCreate', { orderNo: 'X1', supplier: '供应商', buyerId: b.clerk.id, purchasedOn: day(), lines: [{ itemId: b.paper.id, quantity: 2, unitPrice: 1_000 }] });
    await ok(b.core, b.c, 'supplies.accept', { id: p.id, acceptedOn: day(), acceptorIds: [b.clerk2.id], lines: [{ lineId: p.lines[0].id, acceptedQty: 2, quality: 'ok' }], opinion: '合格' });
    const db = b.core.state.db;
    const st = await ok(b.core, b.c, 'supplies.stocktakeCreate', { title: '盘', countedOn: day(), itemIds: [b.paper.id] });
    const ins = db.prepare(
      `INSERT INTO supply_movements (item_id, kind, dir, moved_on, qty, amount, balance_qty, balance_amount, stocktake_id, recorded_by_id, recorded_at)
       VALUES (?, 'loss', -1, ?, ?, ?, ?, ?, ?, 1, 't')`,
    );
    // Taking three from two: the running balance would go negative.
    expect(() => ins.run(b.paper.id, day(), 3000, 3000, -1000, -1000, st.id)).toThrow(/CHECK/);
    // A balance that does not follow from the movement.
    expect(() => ins.run(b.paper.id, day(), 1000, 1000, 1500, 1000, st.id)).toThrow(/不一致/);
    expect(() => ins.run(b.paper.id, day(-1), 1000, 1000, 1000, 1000, st.id)).toThrow(/日期顺序/);
    expect(() => db.prepare('UPDATE supply_balances SET qty = -1 WHERE item_id = ?').run(b.paper.id)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE supply_balances SET qty = 0 WHERE item_id = ?').run(b.paper.id)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE supply_movements SET qty = 1 WHERE item_id = ?').run(b.paper.id)).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM supply_movements').run()).toThrow(/不可删除/);
    expect(() => db.prepare('DELETE FROM supply_items').run()).toThrow(/不可删除/);
    // 领用 without an approved requisition.
    const r = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '办公', lines: [{ itemId: b.paper.id, quantity: 1 }] });
    expect(() =>
      db
        .prepare(
          `INSERT INTO supply_movements (item_id, kind, dir, moved_on, qty, amount, balance_qty, balance_amount, requisition_id, requisition_line_id, recipient_id, approved_by, handled_by_id, recorded_by_id, recorded_at)
           VALUES (?, 'issue', -1, ?, 1000, 1000, 1000, 1000, ?, ?, ?, '某人', 1, 1, 't')`,
        )
        .run(b.paper.id, day(), r.id, r.lines[0].id, b.staff.id),
    ).toThrow(/未经批准/);
    // The unit of an item with movements is fixed.
    expect(() => db.prepare("UPDATE supply_items SET unit = '箱' WHERE id = ?").run(b.paper.id)).toThrow(/计量单位不可修改/);
    // An accepted purchase, its lines and acceptors are final; acceptance by the buyer alone is refused.
    expect(() => db.prepare("UPDATE supply_purchases SET supplier = 'x' WHERE id = ?").run(p.id)).toThrow(/不可修改/);
    expect(() => db.prepare('UPDATE supply_purchase_lines SET accepted_qty = 1 WHERE purchase_id = ?').run(p.id)).toThrow(/不可修改/);
    const p2 = await ok(b.core, b.c, 'supplies.purchaseCreate', { orderNo: 'X2', supplier: '供应商', buyerId: b.clerk.id, purchasedOn: day(), lines: [{ itemId: b.paper.id, quantity: 2, unitPrice: 1_000 }] });
    db.prepare("INSERT INTO supply_acceptors (purchase_id, user_id, name, position) VALUES (?, ?, '李晓梅', 1)").run(p2.id, b.clerk.id);
    expect(() => db.prepare("UPDATE supply_purchases SET state = 'accepted', accepted_on = ?, result = 'pass', accepted_total = 0, opinion = '合格' WHERE id = ?").run(day(), p2.id)).toThrow(/以外的人员/);
    expect(() => db.prepare('UPDATE supply_purchase_lines SET accepted_qty = 3000, accepted_amount = 0, quality = ? WHERE purchase_id = ?').run('ok', p2.id)).toThrow(/CHECK/);
    b.core.close();
  });

  it('the list queries use their indexes', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const plan = (f: Parameters<typeof movementWhere>[0], sort = '-date') => {
      const w = movementWhere(f);
      return (db.prepare(`EXPLAIN QUERY PLAN SELECT m.id FROM supply_movements m ${w.sql} ORDER BY ${MOVEMENT_ORDER[sort]} LIMIT 50`).all(...w.args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    expect(plan({})).toMatch(/supply_movements_date/);
    expect(plan({ year: 2025 })).toMatch(/supply_movements_date/);
    expect(plan({ itemId: 1 })).toMatch(/supply_movements_item/);
    expect(plan({ kind: 'issue' })).toMatch(/supply_movements_kind/);
    expect(plan({ recipientId: 3 })).toMatch(/supply_movements_recipient/);
    expect(plan({ department: '办公室' })).toMatch(/supply_movements_department/);
    for (const p of [plan({}), plan({ itemId: 1 }), plan({ kind: 'issue' })]) expect(p).not.toMatch(/TEMP B-TREE/);
    const w = itemWhere({ category: '办公用纸', activeOnly: true });
    const ip = (db.prepare(`EXPLAIN QUERY PLAN SELECT i.id FROM supply_items i JOIN supply_balances b ON b.item_id = i.id ${w.sql}`).all(...w.args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(ip).toMatch(/supply_items_category|supply_items_active/);
    b.core.close();
  });
});
