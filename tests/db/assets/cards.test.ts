// Fixed asset cards: numbering by the configurable pattern, duplicates refused, movements with
// their history, corrections, and the rules SQL states itself.
import { describe, expect, it } from 'vitest';
import { ok, refused } from '../../helpers';
import { bureau, day, refusedCleanly } from '../supplies/fixture';
import { card } from './fixture';
import { CARD_ORDER, cardWhere } from '../../../db/assets/queries';

describe('asset cards', () => {
  it('numbered by the pattern; a changed pattern applies to the next card; existing label numbers are kept; duplicates refused', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const a = await ok(b.core, b.c, 'assets.create', card(b));
    expect(a.card).toMatchObject({ number: `ZC-${year}-00001`, status: 'idle', userName: '', bookedOn: day() });
    expect(a.movements).toMatchObject([{ kind: 'register', toStatus: 'idle' }]);
    const u = await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '法律援助中心 201 室' }));
    expect(u.card).toMatchObject({ number: `ZC-${year}-00002`, status: 'inUse', userName: '赵敏', department: '法律援助中心' });
    await refusedCleanly(b, b.c, 'assets.create', card(b, { userId: b.staff.id }), 'location');
    // An existing label keeps its number; the same number twice is refused (core and SQL).
    const old = await ok(b.core, b.c, 'assets.create', card(b, { number: 'SFJ-2015-031', purchasedOn: '2015-06-01' }));
    expect(old.card.number).toBe('SFJ-2015-031');
    const e = await refusedCleanly(b, b.c, 'assets.create', card(b, { number: 'SFJ-2015-031' }), 'number');
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('已存在');
    expect(() => b.core.state.db.prepare('UPDATE asset_cards SET number = ? WHERE id = ?').run('SFJ-2015-031', a.card.id)).toThrow(/不可修改/);
    // A new pattern: the next card follows it; a taken number is skipped, never duplicated.
    await refusedCleanly(b, b.admin, 'assets.setSettings', { numberPattern: 'GZ-{year}', decisionThreshold: 5_000_000 }, 'numberPattern');
    await refusedCleanly(b, b.admin, 'assets.setSettings', { numberPattern: 'GZ {seq:4}', decisionThreshold: 5_000_000 }, 'numberPattern');
    expect((await refused(b.core, b.c, 'assets.setSettings', { numberPattern: 'GZ-{seq:4}', decisionThreshold: 5_000_000 })).code).toBe('forbidden');
    await ok(b.core, b.admin, 'assets.setSettings', { numberPattern: 'SFJ-{year}-{seq:3}', decisionThreshold: 5_000_000 });
    await ok(b.core, b.c, 'assets.create', card(b, { number: `SFJ-${year}-003` }));
    const n = await ok(b.core, b.c, 'assets.create', card(b));
    expect(n.card.number).toBe(`SFJ-${year}-004`);
    await refusedCleanly(b, b.c, 'assets.create', card(b, { originalValue: 1_234.5 }), 'originalValue');
    await refusedCleanly(b, b.c, 'assets.create', card(b, { originalValue: -1 }), 'originalValue');
    await refusedCleanly(b, b.c, 'assets.create', card(b, { purchasedOn: day(1) }), 'purchasedOn');
    b.core.close();
  });

  it('assign → transfer → repair → repaired → return, each with its history; wrong-state moves refused', async () => {
    const b = await bureau();
    const a = (await ok(b.core, b.c, 'assets.create', card(b))).card;
    const ids = [a.id];
    await refusedCleanly(b, b.c, 'assets.transfer', { assetIds: ids, location: '办公室', note: '调整' }, 'assetIds.0');
    const s1 = await ok(b.core, b.c, 'assets.assign', { assetIds: ids, userId: b.staff.id, location: '法律援助中心 201 室' });
    expect(s1[0]).toMatchObject({ status: 'inUse', userName: '赵敏', department: '法律援助中心', location: '法律援助中心 201 室' });
    await refusedCleanly(b, b.c, 'assets.assign', { assetIds: ids, userId: b.clerk.id, location: '办公室' }, 'assetIds.0');
    const s2 = await ok(b.core, b.c, 'assets.transfer', { assetIds: ids, userId: b.clerk2.id, location: '办公室 105 室', note: '人员调整' });
    expect(s2[0]).toMatchObject({ userName: '郑华', department: '办公室', location: '办公室 105 室' });
    await refusedCleanly(b, b.c, 'assets.transfer', { assetIds: ids, userId: b.clerk2.id, location: '办公室 105 室', note: '无变化' }, 'userId');
    expect((await ok(b.core, b.c, 'assets.repairStart', { assetIds: ids, note: '屏幕闪烁，送售后' }))[0].status).toBe('repair');
    await refusedCleanly(b, b.c, 'assets.return', { assetIds: ids, location: '库房' }, 'assetIds.0');
    expect((await ok(b.core, b.c, 'assets.repairEnd', { assetIds: ids, note: '更换屏幕', cost: 80_000 }))[0]).toMatchObject({ status: 'inUse', userName: '郑华' });
    expect((await ok(b.core, b.c, 'assets.return', { assetIds: ids, location: '办公室库房' }))[0]).toMatchObject({ status: 'idle', userName: '', department: '', location: '办公室库房' });
    await refusedCleanly(b, b.c, 'assets.assign', { assetIds: ids, userId: b.staff.id, location: '201', date: day(-40) }, 'date');
    await refusedCleanly(b, b.c, 'assets.assign', { assetIds: ids, userId: b.staff.id, location: '201', date: day(1) }, 'date');
    const d = await ok(b.core, b.auditor.session, 'assets.get', { id: a.id });
    expect(d.movements.map((m) => m.kind)).toEqual(['return', 'repairEnd', 'repairStart', 'transfer', 'assign', 'register']);
    expect(d.movements[1]).toMatchObject({ cost: 80_000, note: '更换屏幕' });
    expect(d.movements[3]).toMatchObject({ fromHolder: '法律援助中心 / 赵敏 / 法律援助中心 201 室', toHolder: '办公室 / 郑华 / 办公室 105 室' });
    const history = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'asset_card', objectId: String(a.id) });
    expect(history.map((h) => h.action)).toEqual(['assets.create', 'assets.assign', 'assets.transfer', 'assets.repairStart', 'assets.repairEnd', 'assets.return']);
    b.core.close();
  });

  it('a batch moves together or not at all; lost and found; corrections keep the old values in the history', async () => {
    const b = await bureau();
    const x = (await ok(b.core, b.c, 'assets.create', card(b))).card;
    const y = (await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '201' }))).card;
    // y is already in use: the whole batch is refused, x is unchanged.
    await refusedCleanly(b, b.c, 'assets.assign', { assetIds: [x.id, y.id], userId: b.clerk.id, location: '办公室' }, 'assetIds.1');
    await refusedCleanly(b, b.c, 'assets.assign', { assetIds: [x.id, x.id], userId: b.clerk.id, location: '办公室' }, 'assetIds');
    const both = await ok(b.core, b.c, 'assets.lose', { assetIds: [x.id, y.id], note: '搬迁后未找到' });
    expect(both.map((c) => c.status)).toEqual(['lost', 'lost']);
    expect((await ok(b.core, b.c, 'assets.find', { assetIds: [x.id], location: '档案室', note: '在档案室找到' }))[0]).toMatchObject({ status: 'idle', location: '档案室' });
    const fixed = await ok(b.core, b.c, 'assets.update', { ...card(b), id: x.id, serialNo: 'SN-9999', originalValue: 649_900, amendReason: '按发票更正原值和序列号' });
    expect(fixed.card).toMatchObject({ serialNo: 'SN-9999', originalValue: 649_900 });
    expect(fixed.movements[0]).toMatchObject({ kind: 'amend' });
    expect(fixed.movements[0].note).toContain('按发票更正原值和序列号');
    await refusedCleanly(b, b.c, 'assets.update', { ...card(b), id: x.id, serialNo: 'SN-9999', originalValue: 649_900, amendReason: '无' }, 'name');
    await refusedCleanly(b, b.c, 'assets.update', { ...card(b), id: x.id, amendReason: '' }, 'amendReason');
    const byNo = await ok(b.core, b.c, 'assets.byNumber', { number: x.number });
    expect(byNo.card.id).toBe(x.id);
    await refusedCleanly(b, b.c, 'assets.byNumber', { number: 'ZC-0000-00000' }, 'number');
    b.core.close();
  });

  it('lists filter by department, user, location, category, status and text, with the total value; groups', async () => {
    const b = await bureau();
    await ok(b.core, b.c, 'assets.create', card(b, { userId: b.staff.id, location: '201' }));
    await ok(b.core, b.c, 'assets.create', card(b, { name: '打印机', category: '办公设备', originalValue: 239_900, userId: b.clerk.id, location: '105' }));
    await ok(b.core, b.c, 'assets.create', card(b, { name: '会议桌', category: '家具用具', originalValue: 320_000, location: '会议室' }));
    const all = await ok(b.core, b.c, 'assets.list', {});
    expect(all).toMatchObject({ total: 3, totalValue: 659_900 + 239_900 + 320_000 });
    expect((await ok(b.core, b.c, 'assets.list', { department: '办公室' })).rows.map((r) => r.name)).toEqual(['打印机']);
    expect((await ok(b.core, b.c, 'assets.list', { userId: b.staff.id })).total).toBe(1);
    expect((await ok(b.core, b.c, 'assets.list', { location: '会议室' })).rows[0].name).toBe('会议桌');
    expect((await ok(b.core, b.c, 'assets.list', { category: '办公设备' })).total).toBe(1);
    expect((await ok(b.core, b.c, 'assets.list', { state: 'idle' })).total).toBe(1);
    expect((await ok(b.core, b.c, 'assets.list', { q: '打印' })).total).toBe(1);
    expect((await ok(b.core, b.c, 'assets.list', { flag: 'unassigned' })).total).toBe(1);
    expect((await ok(b.core, b.c, 'assets.list', { sort: '-value' })).rows[0].name).toBe('笔记本电脑');
    const groups = await ok(b.core, b.c, 'assets.groups', { by: 'department' });
    expect(groups).toEqual(expect.arrayContaining([{ key: '法律援助中心', count: 1, value: 659_900 }, { key: '', count: 1, value: 320_000 }]));
    b.core.close();
  });

  it('the list queries use their indexes', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const plan = (f: Parameters<typeof cardWhere>[0], sort = '-number') => {
      const w = cardWhere(f);
      return (db.prepare(`EXPLAIN QUERY PLAN SELECT c.id FROM asset_cards c ${w.sql} ORDER BY ${CARD_ORDER[sort]} LIMIT 50`).all(...w.args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    expect(plan({})).toMatch(/asset_cards_number/);
    expect(plan({ year: 2025 }, '-date')).toMatch(/asset_cards_booked/);
    expect(plan({ state: 'inUse' })).toMatch(/asset_cards_status/);
    expect(plan({ department: '办公室' })).toMatch(/asset_cards_department/);
    expect(plan({ userId: 3 })).toMatch(/asset_cards_user/);
    expect(plan({ location: '201' })).toMatch(/asset_cards_location/);
    expect(plan({ category: '计算机设备' })).toMatch(/asset_cards_category/);
    b.core.close();
  });
});
