// The printed registers (公务用车使用登记表, 车辆登记表), the fleet import, the home tile and who may do what.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { toShanghaiIso } from '../../../db/core/time';
import { FLEET_REGISTER, TRIPS_REGISTER } from '../../../db/contract/vehicles';
import { addVehicle, apply, at, fullTrip, office, paper, vin } from './fixture';

describe('公务用车使用登记表', () => {
  it('prints every number in order with the paper columns; voided and flagged entries say so in 备注', async () => {
    const o = await office();
    const car = await addVehicle(o);
    await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_086 });
    const v = await apply(o, '2026-03-03T09:00', '2026-03-03T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.void', { id: v.id, reason: '会议改期' });
    await fullTrip(o, {
      from: '2026-03-07T09:00', to: '2026-03-07T12:00', vehicleId: car.id, outOdometer: 10_100, returnOdometer: 10_150,
      applyOver: { offDayReason: '周六信访接待' }, departOver: { gapReason: '周五晚送修试车' }, returnOver: { violation: true, remarks: '韶山路闯红灯，已告知驾驶员' },
    });
    const r = await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2026 } });
    expect(r.total).toBe(3);
    expect(r.rows.map((x) => x.number)).toEqual(['派车〔2026〕第0001号', '派车〔2026〕第0002号', '派车〔2026〕第0003号']);
    expect(r.rows[0]).toMatchObject({ date: '2026-03-02', plate: '湘B·12345', applicant: '赵敏/办公室', destination: '市司法局', outOdometer: 10_000, returnOdometer: 10_086, distance: 86, driver: '张师傅', approver: '王志强', remarks: '纸质签批待签批人确认' });
    expect(r.rows[1].remarks).toBe('已作废；作废原因：会议改期');
    expect(r.rows[2].remarks).toBe('纸质签批待签批人确认；里程不连续（应为 10086）：周五晚送修试车；节假日用车：周六信访接待；违章；韶山路闯红灯，已告知驾驶员');
    const flagged = await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2026, extra: { flagged: true } } });
    expect(flagged.total).toBe(1);
    o.core.close();
  });

  it('round trip: exported to xlsx and imported into another folder, the completed trips print the same', async () => {
    const a = await office();
    const car = await addVehicle(a, { plate: '湘B12345' });
    await fullTrip(a, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_086 });
    const v = await apply(a, '2026-03-03T09:00', '2026-03-03T12:00');
    await ok(a.core, a.clerk.session, 'vehicles.void', { id: v.id, reason: '会议改期' });
    await fullTrip(a, {
      from: '2026-03-07T09:00', to: '2026-03-07T12:00', vehicleId: car.id, outOdometer: 10_100, returnOdometer: 10_150,
      applyOver: { offDayReason: '周六信访接待' }, departOver: { gapReason: '周五晚送修试车' }, returnOver: { violation: true, remarks: '韶山路闯红灯，已告知驾驶员' },
    });
    const job = await ok(a.core, a.clerk.session, 'output.exportStart', { register: 'vehicles.trips', filter: { year: 2026 } });
    let st = job;
    for (let i = 0; i < 200 && st.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      st = await ok(a.core, a.clerk.session, 'output.exportStatus', { id: job.id });
    }
    const file = await ok(a.core, a.clerk.session, 'output.exportFetch', { id: job.id });
    const printed = async (o: typeof a) => (await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2026 } })).rows;
    const was = (await printed(a)).filter((r) => r.state === '已回车');
    a.core.close();

    const b = await office();
    await addVehicle(b, { plate: '湘B12345' });
    expect((await ok(b.core, b.clerk.session, 'output.importCheck', { register: 'vehicles.trips', base64: file.base64 })).problems).toEqual([]);
    expect(await ok(b.core, b.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64: file.base64 })).toEqual({ imported: 2 });
    const now = await printed(b);
    const columns = TRIPS_REGISTER.columns.filter((c) => !c.exportOnly && !c.signature && c.key !== 'remarks').map((c) => c.key);
    const pick = (rows: typeof was) => rows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])));
    expect(pick(now)).toEqual(pick(was));
    // The signer's confirmation of a paper approval belongs to the folder where it was given.
    expect(was[0].remarks).toBe('纸质签批待签批人确认');
    expect(now.map((r) => r.remarks)).toEqual([
      '据纸质登记表导入',
      '据纸质登记表导入；里程不连续（应为 10086）：导入的纸质记录：与上次回车里程（派车〔2026〕第0001号，10086 公里）不一致；节假日用车：周六信访接待；里程不连续说明：周五晚送修试车；违章；韶山路闯红灯，已告知驾驶员',
    ]);
    b.core.close();
  });

  it('exports to xlsx without the signature columns', async () => {
    const o = await office();
    const car = await addVehicle(o);
    await fullTrip(o, { from: '2026-03-02T09:00', to: '2026-03-02T12:00', vehicleId: car.id, outOdometer: 10_000, returnOdometer: 10_086, returnOver: { costs: [{ costType: '路桥费', amount: 3_550 }] } });
    const job = await ok(o.core, o.clerk.session, 'output.exportStart', { register: 'vehicles.trips', filter: { year: 2026 } });
    let st = job;
    for (let i = 0; i < 200 && st.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      st = await ok(o.core, o.clerk.session, 'output.exportStatus', { id: job.id });
    }
    expect(st.state).toBe('done');
    const file = await ok(o.core, o.clerk.session, 'output.exportFetch', { id: job.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('××区司法局公务用车使用登记表（2026年）');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain('行驶公里');
    expect(header).not.toContain('用车人签字');
    expect(ws.getCell(4, header.indexOf('费用（元）') + 1).value).toBe(35.5);
    expect(header).toContain('出车时间');
    expect(ws.getCell(4, header.indexOf('出车时间') + 1).value).toBeInstanceOf(Date);
    o.core.close();
  });
});

describe('车辆登记表 and its import', () => {
  async function sheet(rows: unknown[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('车辆');
    // Every template column (a file without an optional column trips the shared importer: see the report).
    ws.addRow(['车牌号', '品牌型号', '车辆类型', '能源类型', '车架号', '发动机号', '座位数', '购置日期', '购置价格（元）', '保险到期日', '年检到期日', '建档时里程', '颜色', '使用部门', '备注']);
    for (const r of rows) ws.addRow([...r, '', '', '']);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('imports existing vehicles all-or-nothing, row by row problems in Chinese', async () => {
    const o = await office();
    await addVehicle(o, { plate: '湘B12345' });
    const good = ['湘A·D88888', '比亚迪汉 EV', '轿车', '纯电动', vin(), 'TZ220XS', 5, '2023-05-01', '229800.00', '2027-05-01', '2027-05-01', 12_000];
    const bad = await sheet([
      good,
      ['湘B1234', '丰田', '轿车', '燃油', vin(), 'X1', 5, '2023-05-01', 1, '2027-05-01', '2027-05-01', 0],
      ['湘B12345', '丰田', '轿车', '燃油', vin(), 'X1', 5, '2023-05-01', 1, '2027-05-01', '2027-05-01', 0],
      ['湘B22222', '丰田', '轿车', '汽油', vin(), 'X1', 5, '2023-05-01', 1, '2027-05-01', '2027-05-01', 0],
      ['湘B33333', '丰田', '轿车', '燃油', vin(), 'X1', 0, '2023-05-01', 1, '2027-05-01', '2027-05-01', 0],
    ]);
    const before = businessSnapshot(o.core);
    const check = await ok(o.core, o.clerk.session, 'output.importCheck', { register: 'vehicles.fleet', base64: bad });
    const byRow = Object.fromEntries(check.problems.map((p) => [p.row, p]));
    expect(byRow[2]).toBeUndefined();
    expect(byRow[3]).toMatchObject({ column: '车牌号' });
    expect(byRow[3].message).toContain('车牌号格式不正确');
    expect(byRow[4]).toMatchObject({ column: '车牌号', message: '车牌号 湘B·12345 已有车辆档案' });
    expect(byRow[5]).toMatchObject({ column: '能源类型' });
    expect(byRow[6]).toMatchObject({ column: '座位数' });
    expect((await refused(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.fleet', base64: bad })).message).toContain('未导入任何数据');
    expect(businessSnapshot(o.core)).toBe(before);
    expect(await ok(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.fleet', base64: await sheet([good]) })).toEqual({ imported: 1 });
    const printed = await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.fleet' });
    expect(printed.rows.map((r) => r.plate)).toEqual(['湘A·D88888', '湘B·12345']);
    expect(printed.rows[0]).toMatchObject({ model: '比亚迪汉 EV', energy: '纯电动', purchasePrice: 22_980_000, status: '可用' });
    o.core.close();
  });
});

describe('车辆登记表 round trip', () => {
  it('exported to xlsx and imported into another folder, every car prints the same; a later status travels in 备注', async () => {
    const a = await office();
    await addVehicle(a, { plate: '湘B12345', notes: '局长专车' });
    const old = await addVehicle(a, { plate: '湘B54321', model: '别克GL8', vehicleType: '商务车', seats: 7, driverId: undefined, purchasePrice: 30_012_345 });
    await ok(a.core, a.clerk.session, 'vehicles.vehicleSetStatus', { id: old.id, status: 'suspended', reason: '待处置' });
    const job = await ok(a.core, a.clerk.session, 'output.exportStart', { register: 'vehicles.fleet', filter: {} });
    let st = job;
    for (let i = 0; i < 200 && st.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      st = await ok(a.core, a.clerk.session, 'output.exportStatus', { id: job.id });
    }
    const file = await ok(a.core, a.clerk.session, 'output.exportFetch', { id: job.id });
    const printed = async (o: typeof a) => (await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.fleet', filter: {} })).rows;
    const was = await printed(a);
    a.core.close();

    const b = await office();
    expect((await ok(b.core, b.clerk.session, 'output.importCheck', { register: 'vehicles.fleet', base64: file.base64 })).problems).toEqual([]);
    expect(await ok(b.core, b.clerk.session, 'output.importCommit', { register: 'vehicles.fleet', base64: file.base64 })).toEqual({ imported: 2 });
    const now = await printed(b);
    const columns = FLEET_REGISTER.columns.filter((c) => !c.exportOnly && !c.signature && c.key !== 'status' && c.key !== 'notes').map((c) => c.key);
    const pick = (rows: typeof was) => rows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])));
    expect(pick(now)).toEqual(pick(was));
    expect(now.map((r) => [r.driver, r.purchasePrice, r.status, r.notes])).toEqual([
      ['张师傅', 21_580_000, '可用', '局长专车'],
      [null, 30_012_345, '可用', '原状态：停用'],
    ]);
    b.core.close();
  });
});

describe('the home tile', () => {
  it('counts what waits for approval and dispatch, cars out now, expiring insurance and inspection, flagged trips', async () => {
    const o = await office();
    const today = toShanghaiIso(new Date()).slice(0, 10);
    const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const car = await addVehicle(o, { insuranceExpiry: inDays(10) });
    await addVehicle(o, { plate: '湘B67890', inspectionExpiry: inDays(-3) });
    await addVehicle(o, { plate: '湘B11111', insuranceExpiry: inDays(45) });
    await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    const b = await apply(o, '2026-03-03T09:00', '2026-03-03T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: b.id, approval: paper(o, '2026-03-03T08:00') });
    const c = await apply(o, '2026-03-04T09:00', '2026-03-04T12:00');
    await ok(o.core, o.clerk.session, 'vehicles.approve', { id: c.id, approval: paper(o, '2026-03-04T08:00') });
    await ok(o.core, o.clerk.session, 'vehicles.dispatch', { id: c.id, vehicleId: car.id, driverId: o.driver.id });
    await ok(o.core, o.clerk.session, 'vehicles.depart', { id: c.id, outAt: at('2026-03-04T09:00'), outOdometer: 10_020, gapReason: '建档后试车' });
    const d = await ok(o.core, o.leader.session, 'vehicles.dashboard', {});
    expect(d).toMatchObject({ pendingApproval: 1, awaitingDispatch: 1 });
    expect(d.outNow).toEqual([expect.objectContaining({ number: c.number, plate: '湘B·12345', driverName: '张师傅', overdue: true })]);
    expect(d.expiring.map((e) => [e.plate, e.what, e.days])).toEqual([
      ['湘B·67890', 'inspection', -3],
      ['湘B·12345', 'insurance', 10],
    ]);
    // The tile shows this Shanghai year's flagged trips; the trips above are of 2026.
    expect(d.flagged.map((f) => [f.number, f.flags])).toEqual(today.startsWith('2026') ? [[c.number, ['里程不连续']]] : []);
    o.core.close();
  });
});

describe('who may do what', () => {
  it('the auditor and the approver read; only the clerk records; the approver approves', async () => {
    const o = await office();
    const car = await addVehicle(o);
    for (const s of [o.auditor.session, o.leader.session, o.admin]) {
      expect((await ok(o.core, s, 'vehicles.list', {})).total).toBe(0);
      expect((await ok(o.core, s, 'vehicles.vehicleList', {})).total).toBe(1);
      expect((await ok(o.core, s, 'output.rows', { register: 'vehicles.fleet' })).total).toBe(1);
    }
    for (const s of [o.auditor.session, o.leader.session, o.admin]) {
      expect((await refused(o.core, s, 'vehicles.apply', {})).code).toBe('forbidden');
      expect((await refused(o.core, s, 'vehicles.vehicleUpdate', { ...car })).code).toBe('forbidden');
    }
    expect((await refused(o.core, o.auditor.session, 'vehicles.approve', {})).code).toBe('forbidden');
    const t = await apply(o, '2026-03-02T09:00', '2026-03-02T12:00');
    // The approver may record their own decision at their own desk.
    const a = await ok(o.core, o.leader.session, 'vehicles.approve', { id: t.id, approval: { mode: 'cosign', decision: 'approved', login: 'leader1', password: 'Str0ng!Pass' } });
    expect(a.approverName).toBe('王志强');
    o.core.close();
  });
});

describe('taking over the paper trip log (import)', () => {
  const HEADERS = ['编号', '车牌', '用车人', '事由', '目的地', '出车时间', '回车时间', '出车里程', '回车里程', '驾驶员', '审批人', '节假日用车事由', '备注'];
  async function sheet(rows: unknown[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('用车');
    ws.addRow(HEADERS);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  const trip = (over: Record<number, unknown>) => {
    const r: unknown[] = ['', '湘B·12345', '赵敏', '送达法律文书', '区人民法院', '2025-03-03 09:00', '2025-03-03 11:30', 10_000, 10_036, '张师傅', '王志强', '', ''];
    for (const [i, v] of Object.entries(over)) r[Number(i)] = v;
    return r;
  };

  it('refuses bad rows one by one in Chinese and imports nothing; good rows become completed, marked, numbered trips with their flags', async () => {
    const o = await office();
    await addVehicle(o);
    const good = [
      trip({ 0: '派车〔2025〕第3号' }),
      // typed as people write plates; the odometer does not continue from the trip before
      trip({ 1: '湘b 12345', 3: '调研', 4: '某司法所', 5: new Date(Date.UTC(2025, 2, 4, 14, 0)), 6: '2025/3/4 17:00', 7: 10_040, 8: 10_100 }),
      // a Saturday, with its reason
      trip({ 5: '2025-03-08 09:00', 6: '2025-03-08 12:00', 7: 10_100, 8: 10_130, 11: '周末处置社区矫正对象突发情况' }),
    ];
    const bad = [
      trip({ 1: '湘B99999' }),
      trip({ 2: '李四' }),
      trip({ 10: '赵敏' }),
      trip({ 6: '2025-03-03 08:00' }),
      trip({ 8: 9_990 }),
      trip({ 5: '2025-03-09 09:00', 6: '2025-03-09 10:00' }),
      trip({ 0: '派车〔2024〕第0001号' }),
      trip({ 5: '2025-03-05 25:00' }),
    ];
    const before = businessSnapshot(o.core);
    const check = await ok(o.core, o.clerk.session, 'output.importCheck', { register: 'vehicles.trips', base64: await sheet([...good, ...bad]) });
    const byRow = (r: number) => check.problems.filter((p) => p.row === r).map((p) => `${p.column}：${p.message}`);
    for (const r of [2, 3, 4]) expect(byRow(r)).toEqual([]);
    expect(byRow(5)).toEqual(['车牌：车辆档案中没有“湘B99999”，请先登记该车辆']);
    expect(byRow(6)[0]).toContain('用车人：系统中没有名为“李四”的人员');
    expect(byRow(7)).toEqual(['审批人：审批人不能是用车人本人']);
    expect(byRow(8)).toEqual(['回车时间：回车时间必须晚于出车时间']);
    expect(byRow(9)).toEqual(['回车里程：回车里程不能小于出车里程：里程表不能倒退']);
    expect(byRow(10)[0]).toContain('节假日用车事由：用车时间包含休息日：2025-03-09（周日）');
    expect(byRow(11)).toEqual(['编号：编号的年度（2024）与出车时间的年度（2025）不一致']);
    expect(byRow(12)).toEqual(['出车时间：不是有效的日期时间']);
    expect((await refused(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64: await sheet([...good, ...bad]) })).message).toContain('未导入任何数据');
    expect((await refused(o.core, o.auditor.session, 'output.importCommit', { register: 'vehicles.trips', base64: await sheet(good) })).code).toBe('forbidden');
    expect(businessSnapshot(o.core)).toBe(before);

    expect(await ok(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64: await sheet(good) })).toEqual({ imported: 3 });
    const trips = (await ok(o.core, o.clerk.session, 'vehicles.list', { year: 2025, sort: 'number', order: 'asc' })).rows;
    expect(trips.map((t) => [t.number, t.state, t.imported, t.distance, t.approverName, t.driverName, t.applicantName])).toEqual([
      ['派车〔2025〕第0003号', 'returned', true, 36, '王志强', '张师傅', '赵敏'],
      ['派车〔2025〕第0004号', 'returned', true, 60, '王志强', '张师傅', '赵敏'],
      ['派车〔2025〕第0005号', 'returned', true, 30, '王志强', '张师傅', '赵敏'],
    ]);
    expect(trips[0]).toMatchObject({ outAt: '2025-03-03T09:00:00.000+08:00', gap: false, flagged: false });
    expect(trips[1]).toMatchObject({ outAt: '2025-03-04T14:00:00.000+08:00', gap: true, expectedOdometer: 10_036, flagged: true });
    expect(trips[1].gapReason).toContain('派车〔2025〕第0003号');
    expect(trips[2]).toMatchObject({ offDay: true, offDayReason: '周末处置社区矫正对象突发情况', gap: false });
    const printed = await ok(o.core, o.clerk.session, 'output.rows', { register: 'vehicles.trips', filter: { year: 2025 } });
    expect(printed.rows[0].remarks).toBe('据纸质登记表导入');
    const log = await ok(o.core, o.admin, 'audit.list', { action: 'output.importCommit' });
    expect(log.rows[0].message).toBe('导入 公务用车使用登记表 3 条');

    // A second file with a trip at the same time in the same car is refused whole.
    const clash = await sheet([trip({ 5: '2025-03-03 10:00', 6: '2025-03-03 10:30', 7: 10_010, 8: 10_020, 9: '刘师傅' })]);
    const before2 = businessSnapshot(o.core);
    // The dry run is the commit rolled back: it finds the clash the commit refuses, in the same words.
    const dry = await ok(o.core, o.clerk.session, 'output.importCheck', { register: 'vehicles.trips', base64: clash });
    expect(dry.problems).toEqual([{ row: 2, column: '出车时间', message: '该车在 2025-03-03 09:00 至 2025-03-03 11:30 已有 派车〔2025〕第0003号，时间重叠' }]);
    const e = await refused(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64: clash });
    expect(e.message).toContain('第 2 行“出车时间”：该车在 2025-03-03 09:00 至 2025-03-03 11:30 已有 派车〔2025〕第0003号，时间重叠');
    expect(businessSnapshot(o.core)).toBe(before2);

    // Two rows of one file that clash: the second names the first by its row, not by a number that
    // would only have existed had the file gone in.
    const twice = await sheet([trip({ 5: '2025-04-01 09:00', 6: '2025-04-01 10:00', 7: 10_130, 8: 10_140 }), trip({ 5: '2025-04-01 09:30', 6: '2025-04-01 10:30', 7: 10_140, 8: 10_150, 9: '刘师傅' })]);
    const dry2 = await ok(o.core, o.clerk.session, 'output.importCheck', { register: 'vehicles.trips', base64: twice });
    expect(dry2.problems).toEqual([{ row: 3, column: '出车时间', message: '该车在 2025-04-01 09:00 至 2025-04-01 10:00 已有 本文件第 2 行的登记，时间重叠' }]);
    expect((await refused(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64: twice })).message).toContain('已有 本文件第 2 行的登记');
    expect(businessSnapshot(o.core)).toBe(before2);
    o.core.close();
  });

  it('keeps the live rules: an approver who is an 审批人, and an odometer that never runs backwards, against the file and the trips already recorded', async () => {
    const o = await office();
    await addVehicle(o);
    // Already in the register: a trip on 10 March that came back at 10,200 km.
    expect(await ok(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64: await sheet([trip({ 5: '2025-03-10 09:00', 6: '2025-03-10 11:00', 7: 10_150, 8: 10_200 })]) })).toEqual({ imported: 1 });
    const before = businessSnapshot(o.core);
    const rows = [
      trip({ 10: '孙审计' }), // the auditor signed as approver
      trip({ 10: '李晓梅', 5: '2025-03-04 09:00', 6: '2025-03-04 10:00', 7: 10_040, 8: 10_050 }), // a clerk
      trip({ 5: '2025-03-05 09:00', 6: '2025-03-05 10:00', 7: 10_060, 8: 10_080 }), // fine
      trip({ 5: '2025-03-06 09:00', 6: '2025-03-06 10:00', 7: 10_070, 8: 10_090 }), // starts below the row before's return
      trip({ 5: '2025-03-07 09:00', 6: '2025-03-07 10:00', 7: 10_100, 8: 10_260 }), // comes back above the next recorded trip's start
      trip({ 5: '2025-03-11 09:00', 6: '2025-03-11 10:00', 7: 10_180, 8: 10_220 }), // starts below the recorded trip's return
      trip({ 5: '2022-05-30 09:00', 6: '2022-05-30 10:00', 7: 100, 8: 120 }), // before the car was bought (2022-06-01)
    ];
    const base64 = await sheet(rows);
    const dry = await ok(o.core, o.clerk.session, 'output.importCheck', { register: 'vehicles.trips', base64 });
    const byRow = (r: number) => dry.problems.filter((p) => p.row === r).map((p) => `${p.column}：${p.message}`);
    expect(byRow(2)).toEqual(['审批人：孙审计是审计员，不能签批登记簿中的事项。']);
    expect(byRow(3)).toEqual(['审批人：李晓梅没有审批权限（需要“审批人”角色）。']);
    expect(byRow(4)).toEqual([]);
    expect(byRow(5)).toEqual(['出车里程：出车里程 10070 公里小于该车上次回车里程（本文件第 4 行的登记，10080 公里）：里程表不能倒退']);
    expect(byRow(6)).toEqual(['回车里程：回车里程 10260 公里大于该车下一次出车里程（派车〔2025〕第0001号，10150 公里）：里程表不能倒退']);
    expect(byRow(7)).toEqual(['出车里程：出车里程 10180 公里小于该车上次回车里程（派车〔2025〕第0001号，10200 公里）：里程表不能倒退']);
    expect(byRow(8)).toEqual(['出车时间：湘B·12345于 2022-06-01 购置，不能有此前的出车记录']);
    const e = await refused(o.core, o.clerk.session, 'output.importCommit', { register: 'vehicles.trips', base64 });
    expect(e.message).toContain(`导入文件有 ${dry.problems.length} 处问题，未导入任何数据`);
    expect(businessSnapshot(o.core)).toBe(before);
    o.core.close();
  });
});
