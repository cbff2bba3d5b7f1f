// The vehicle file (一车一档): its fields, status changes and its logs of repairs, fuel, costs, accidents and violations.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { addVehicle, fullTrip, office, vin } from './fixture';

describe('the vehicle file', () => {
  it('creates a file with a normalised plate and VIN; duplicates are refused by field', async () => {
    const o = await office();
    const v = await addVehicle(o, { plate: '湘b·d12345', vin: 'lsvab2bm3jn123456', energy: '纯电动' });
    expect(v).toMatchObject({ plate: '湘BD12345', plateDisplay: '湘B·D12345', vin: 'LSVAB2BM3JN123456', status: 'available', driverName: '张师傅', lastOdometer: 10_000, outOnTrip: null });
    const before = businessSnapshot(o.core);
    expect(await refused(o.core, o.clerk.session, 'vehicles.vehicleCreate', { ...v, plate: '湘BD12345', vin: vin() })).toMatchObject({ code: 'conflict', field: 'plate' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.vehicleCreate', { ...v, plate: '湘B99999', vin: 'LSVAB2BM3JN123456' })).toMatchObject({ code: 'conflict', field: 'vin' });
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });

  it('refuses a malformed plate, a bad VIN, negative or fractional money, zero seats, a future purchase', async () => {
    const o = await office();
    const base = { plate: '湘B12345', model: '丰田凯美瑞', vin: vin(), engineNo: 'A25A123456', seats: 5, purchaseDate: '2022-06-01', purchasePrice: 100, insuranceExpiry: '2027-01-01', inspectionExpiry: '2027-01-01' };
    const before = businessSnapshot(o.core);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ plate: '湘B1234' }, 'plate', '车牌号格式不正确'],
      [{ plate: 'AB12345' }, 'plate', '车牌号格式不正确'],
      [{ vin: 'LSVAB2BM3JN12345O' }, 'vin', '不含 I、O、Q'],
      [{ vin: 'SHORT' }, 'vin', '17 位'],
      [{ purchasePrice: -1 }, 'purchasePrice', '购置价格不能为负数'],
      [{ purchasePrice: 10.5 }, 'purchasePrice', '购置价格必须精确到分'],
      [{ seats: 0 }, 'seats', '核定座位数必须大于 0'],
      [{ purchaseDate: '2022/06/01' }, 'purchaseDate', '购置日期格式应为 年-月-日'],
      [{ engineNo: '' }, 'engineNo', '请填写发动机号'],
    ];
    for (const [over, field, msg] of cases) {
      const e = await refused(o.core, o.clerk.session, 'vehicles.vehicleCreate', { ...base, ...over });
      expect(e, JSON.stringify(over)).toMatchObject({ code: 'invalid_input', field });
      expect(e.message, JSON.stringify(over)).toContain(msg);
    }
    expect(await refused(o.core, o.clerk.session, 'vehicles.vehicleCreate', { ...base, purchaseDate: '2099-01-01' })).toMatchObject({ code: 'rule', field: 'purchaseDate' });
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });

  it('edits are audited with before and after; the starting odometer is fixed once the car has left', async () => {
    const o = await office();
    const v = await addVehicle(o);
    const u = await ok(o.core, o.clerk.session, 'vehicles.vehicleUpdate', { ...v, insuranceExpiry: '2031-06-30', odometerStart: 10_500 });
    expect(u.insuranceExpiry).toBe('2031-06-30');
    const hist = await ok(o.core, o.auditor.session, 'audit.forObject', { objectType: 'vehicle', objectId: String(v.id) });
    expect(hist.map((h) => h.action)).toEqual(['vehicles.vehicleCreate', 'vehicles.vehicleUpdate']);
    expect(JSON.parse(hist[1].before!).insuranceExpiry).toBe('2030-06-30');
    await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: v.id, outOdometer: 10_500, returnOdometer: 10_520 });
    const e = await refused(o.core, o.clerk.session, 'vehicles.vehicleUpdate', { ...u, odometerStart: 0 });
    expect(e).toMatchObject({ field: 'odometerStart' });
    expect((await ok(o.core, o.clerk.session, 'vehicles.vehicleGet', { id: v.id })).lastOdometer).toBe(10_520);
    o.core.close();
  });

  it('status changes keep their reasons; a scrapped vehicle is final', async () => {
    const o = await office();
    const v = await addVehicle(o);
    await ok(o.core, o.clerk.session, 'vehicles.vehicleSetStatus', { id: v.id, status: 'repair', reason: '更换刹车片' });
    expect((await refused(o.core, o.clerk.session, 'vehicles.vehicleSetStatus', { id: v.id, status: 'repair', reason: '再次' })).field).toBe('status');
    await ok(o.core, o.clerk.session, 'vehicles.vehicleSetStatus', { id: v.id, status: 'available', reason: '修复' });
    await ok(o.core, o.clerk.session, 'vehicles.vehicleSetStatus', { id: v.id, status: 'scrapped', reason: '达到报废年限，经审批报废' });
    const file = await ok(o.core, o.clerk.session, 'vehicles.vehicleFile', { id: v.id });
    expect(file.statusChanges.map((s) => [s.fromStatus, s.toStatus, s.reason])).toEqual([
      ['available', 'repair', '更换刹车片'],
      ['repair', 'available', '修复'],
      ['available', 'scrapped', '达到报废年限，经审批报废'],
    ]);
    const before = businessSnapshot(o.core);
    expect((await refused(o.core, o.clerk.session, 'vehicles.vehicleSetStatus', { id: v.id, status: 'available', reason: '恢复' })).message).toContain('已报废');
    expect((await refused(o.core, o.clerk.session, 'vehicles.vehicleUpdate', { ...v, notes: '改' })).message).toContain('已报废');
    expect((await refused(o.core, o.clerk.session, 'vehicles.logAdd', { kind: 'cost', vehicleId: v.id, date: '2026-03-02', costType: '洗车费', amount: 100 })).message).toContain('已报废');
    expect(() => o.core.state.db.prepare('UPDATE vehicles SET notes = ? WHERE id = ?').run('x', v.id)).toThrow('已报废');
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });
});

describe('the vehicle logs', () => {
  it('records repairs, maintenance, fuel, other costs, accidents and violations', async () => {
    const o = await office();
    const v = await addVehicle(o);
    const s = o.clerk.session;
    const repair = await ok(o.core, s, 'vehicles.logAdd', { kind: 'repair', vehicleId: v.id, date: '2026-03-10', place: '长沙市政府定点维修厂', content: '更换前刹车片', amount: 68_000, odometer: 12_000, personId: o.driver.id });
    expect(repair).toMatchObject({ kind: 'repair', amount: 68_000, personName: '张师傅', litres: null });
    const fuel = await ok(o.core, s, 'vehicles.logAdd', { kind: 'fuel', vehicleId: v.id, date: '2026-03-11', litres: 45.67, amount: 36_536, odometer: 12_100, place: '中石化' });
    expect(fuel.litres).toBe(45.67);
    expect(o.core.state.db.prepare('SELECT litres_cl FROM vehicle_logs WHERE id = ?').get(fuel.id)).toEqual({ litres_cl: 4_567 });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'cost', vehicleId: v.id, date: '2026-03-12', costType: '洗车费', amount: 3_000 });
    await ok(o.core, s, 'vehicles.logAdd', { kind: 'maintenance', vehicleId: v.id, date: '2026-03-13', place: '4S店', content: '常规保养', amount: 80_000 });
    const acc = await ok(o.core, s, 'vehicles.logAdd', { kind: 'accident', vehicleId: v.id, date: '2026-03-14', place: '芙蓉中路', content: '等红灯时被追尾', responsibility: '无责', amount: 0, personId: o.driver.id });
    const vio = await ok(o.core, s, 'vehicles.logAdd', { kind: 'violation', vehicleId: v.id, date: '2026-03-15', place: '韶山路', content: '未按导向车道行驶', amount: 10_000, points: 2, personId: o.driver.id });
    expect(vio).toMatchObject({ points: 2, resolvedAt: null });
    expect((await ok(o.core, s, 'vehicles.logList', { vehicleId: v.id, unresolved: true })).total).toBe(2);
    await ok(o.core, s, 'vehicles.logResolve', { id: vio.id, resolution: '驾驶员已自行缴纳罚款并接受扣分' });
    expect((await refused(o.core, s, 'vehicles.logResolve', { id: vio.id, resolution: '再次' })).message).toContain('已登记处理结果');
    expect((await refused(o.core, s, 'vehicles.logResolve', { id: fuel.id, resolution: 'x' })).message).toContain('只有违章和事故');
    const voided = await ok(o.core, s, 'vehicles.logVoid', { id: acc.id, reason: '重复登记' });
    expect(voided).toMatchObject({ voidReason: '重复登记' });
    expect((await refused(o.core, s, 'vehicles.logVoid', { id: acc.id, reason: '再次' })).message).toContain('已作废');
    const list = await ok(o.core, o.auditor.session, 'vehicles.logList', { vehicleId: v.id });
    expect(list.total).toBe(6);
    expect((await ok(o.core, s, 'vehicles.logList', { kind: 'fuel', q: '中石化' })).rows.map((r) => r.id)).toEqual([fuel.id]);
    o.core.close();
  });

  it('refuses negative litres and money, fractional fen, three-decimal litres, zero fuel, future dates, a trip of another car', async () => {
    const o = await office();
    const v = await addVehicle(o);
    const other = await addVehicle(o, { plate: '湘B54321' });
    const t = await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: other.id, outOdometer: 10_000, returnOdometer: 10_010 });
    const before = businessSnapshot(o.core);
    const fuel = { kind: 'fuel', vehicleId: v.id, date: '2026-03-11', litres: 40, amount: 30_000, odometer: 12_000 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ litres: -40 }, 'litres', '加油量（升）必须大于 0'],
      [{ litres: 0 }, 'litres', '必须大于 0'],
      [{ litres: 40.123 }, 'litres', '最多保留两位小数'],
      [{ amount: -1 }, 'amount', '加油金额不能为负数'],
      [{ amount: 0.5 }, 'amount', '必须精确到分'],
      [{ amount: Number.NaN }, 'amount', '加油金额'],
      [{ odometer: -3 }, 'odometer', '不能为负数'],
      [{ odometer: undefined }, 'odometer', '加油时里程'],
      [{ date: '2026-13-01' }, 'date', '日期'],
    ];
    for (const [over, field, msg] of cases) {
      const e = await refused(o.core, o.clerk.session, 'vehicles.logAdd', { ...fuel, ...over });
      expect(e, JSON.stringify(over)).toMatchObject({ code: 'invalid_input', field });
      expect(e.message, JSON.stringify(over)).toContain(msg);
    }
    expect(await refused(o.core, o.clerk.session, 'vehicles.logAdd', { ...fuel, amount: 0 })).toMatchObject({ code: 'rule', field: 'amount' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.logAdd', { ...fuel, date: '2099-01-01' })).toMatchObject({ code: 'rule', field: 'date' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.logAdd', { ...fuel, tripId: t.id })).toMatchObject({ code: 'rule', field: 'tripId' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.logAdd', { kind: 'violation', vehicleId: v.id, date: '2026-03-15', place: '韶山路', content: '超速', amount: 20_000, points: 13 })).toMatchObject({ field: 'points' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.logAdd', { kind: 'cost', vehicleId: v.id, date: '2026-03-15', costType: '加班费', amount: 100 })).toMatchObject({ field: 'costType' });
    expect(await refused(o.core, o.clerk.session, 'vehicles.logAdd', { kind: 'teleport', vehicleId: v.id, date: '2026-03-15' })).toMatchObject({ code: 'invalid_input', field: 'kind' });
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });
});
