// Property tests of every importing register (issue 24): for generated paper logs, careless and
// dishonest rows mixed with good ones,
//   - the dry run and the commit agree: the commit refuses exactly when the dry run reports problems,
//     with the same count, and changes nothing then; otherwise it stores every row;
//   - whatever the import accepted, the live workflow's rules hold for it (checked on the stored rows).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core/core';
import { businessSnapshot, cleanup, ok } from '../helpers';
import { bureau } from './seals/fixture';
import { addVehicle, office } from './vehicles/fixture';

async function sheet(headers: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Dry run, then commit: they must agree. Returns how many rows went in. */
async function dryRunThenCommit(core: Core, session: string, register: string, base64: string): Promise<number> {
  const dry = await ok(core, session, 'output.importCheck', { register, base64 });
  const before = businessSnapshot(core);
  const r = await core.call(session, 'output.importCommit', { register, base64 });
  if (dry.ok) {
    expect(r.ok, JSON.stringify(r)).toBe(true);
    return (r as { data: { imported: number } }).data.imported;
  }
  expect(r.ok).toBe(false);
  expect((r as { error: { message: string } }).error.message).toContain(`导入文件有 ${dry.problems.length} 处问题，未导入任何数据`);
  expect(businessSnapshot(core)).toBe(before);
  return 0;
}

const RUNS = 25;
let serial = 0;

describe('the seal log import (用印登记簿)', () => {
  const HEAD = ['编号', '日期', '印章', '用印事由', '文件名称', '文号', '份数', '申请人', '申请部门', '审批人', '监印人', '外带', '应还日期', '归还日期', '归还确认人', '作废原因', '备注'];
  it('accepts only rows the live rules accept, and the dry run agrees with the commit', async () => {
    const b = await bureau();
    const y = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1;
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.deptSeal.id, status: 'destroyed', date: `${y}-06-30`, reason: '机构更名', method: '切角销毁', witnesses: '周建国、刘洋' });
    const people = ['赵敏', '王志强', '何平', '陈静', '李晓梅', '刘洋'];
    const row = fc.record({
      seal: fc.constantFrom('××区司法局', '××区司法局财务专用章', '××区法律援助中心'),
      month: fc.integer({ min: 1, max: 12 }),
      applicant: fc.constantFrom(...people),
      // Mostly the seal's own approver, as on a careful paper log; now and then anyone.
      approver: fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: fc.constantFrom(...people), weight: 1 }),
      takeOut: fc.boolean(),
      // A paper log that names no approver: 补录 before this folder's record began, refused from then on.
      blank: fc.constantFrom('no', 'no', 'no', 'past', 'today'),
    });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const rightApprover = (seal: string) => (seal === '××区法律援助中心' ? '何平' : '王志强');
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 3 }), async (rows) => {
        const data = rows.map((r) => {
          const date = r.blank === 'today' ? today : `${y}-${String(r.month).padStart(2, '0')}-10`;
          const approver = r.blank === 'no' ? r.approver || rightApprover(r.seal) : '';
          return [`用印〔${date.slice(0, 4)}〕第${String(++serial).padStart(4, '0')}号`, date, r.seal, '报送材料', '工作总结', '', 1, r.applicant, '法律援助中心', approver, '张敏', r.takeOut ? '是' : '否', r.takeOut ? date : '', r.takeOut ? date : '', r.takeOut ? '张敏' : '', '', ''];
        });
        await dryRunThenCommit(b.core, b.c, 'seals.usage', await sheet(HEAD, data));
      }),
      { numRuns: RUNS },
    );
    // Every stored paper entry meets the rules of the live approval and the seal's life.
    const stored = b.core.state.db
      .prepare(
        `SELECT u.entry_date AS date, u.applicant_name AS applicant, u.approver_name AS approver, s.name AS seal, s.enabled_on AS enabled, s.retired_on AS retired, us.roles
         FROM seal_uses u JOIN seals s ON s.id = u.seal_id JOIN users us ON us.name = u.approver_name WHERE u.imported = 1 AND u.state <> 'void'`,
      )
      .all() as { date: string; applicant: string; approver: string; seal: string; enabled: string; retired: string | null; roles: string }[];
    expect(stored.length).toBeGreaterThan(0);
    for (const s of stored) {
      expect(JSON.parse(s.roles)).toContain('approver');
      expect(s.approver).not.toBe(s.applicant);
      expect(s.date >= s.enabled).toBe(true);
      if (s.retired) expect(s.date < s.retired).toBe(true);
      const expected = s.seal === '××区司法局' || s.seal === '××区司法局财务专用章' ? '王志强' : '何平';
      expect(s.approver).toBe(expected);
    }
    // 补录 entries: only from before the record began, never with an approval, and counted as such.
    const gaps = b.core.state.db.prepare('SELECT entry_date AS date, approval_decision AS decision, approver_name AS approver FROM seal_uses WHERE paper_gap = 1').all() as { date: string; decision: null; approver: null }[];
    for (const g of gaps) expect(g).toMatchObject({ decision: null, approver: null });
    for (const g of gaps) expect(g.date < today).toBe(true);
    expect(b.core.state.db.prepare("SELECT count(*) FROM seal_uses WHERE state <> 'void' AND approval_decision IS NULL AND paper_gap = 0 AND emergency = 0 AND state IN ('stamped', 'out', 'returned')").pluck().get()).toBe(0);
    b.core.close();
    cleanup(b.core.state.dataDir);
  }, 120_000);
});

describe('the trip log import (公务用车使用登记表)', () => {
  const HEAD = ['编号', '车牌', '用车人', '事由', '目的地', '出车时间', '回车时间', '出车里程', '回车里程', '驾驶员', '审批人', '节假日用车事由', '备注'];
  it('accepts only rows the live rules accept, and the dry run agrees with the commit', async () => {
    const o = await office();
    await addVehicle(o);
    await addVehicle(o, { plate: '湘B67890' });
    const row = fc.record({
      plate: fc.constantFrom('湘B·12345', '湘B·67890'),
      day: fc.integer({ min: 3, max: 28 }),
      hour: fc.integer({ min: 8, max: 15 }),
      hours: fc.integer({ min: 1, max: 3 }),
      outKm: fc.integer({ min: 10_000, max: 12_000 }),
      km: fc.integer({ min: 0, max: 120 }),
      applicant: fc.constantFrom('赵敏', '王志强'),
      driver: fc.constantFrom('张师傅', '刘师傅'),
      approver: fc.oneof({ arbitrary: fc.constantFrom('王志强', '陈国华'), weight: 4 }, { arbitrary: fc.constantFrom('孙审计', '李晓梅', '赵敏'), weight: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 3 }), async (rows) => {
        const data = rows.map((r) => {
          // Working days of March 2025 only, so no weekend reason is needed.
          const day = `2025-03-${String(r.day).padStart(2, '0')}`;
          const at = (h: number) => `${day} ${String(h).padStart(2, '0')}:00`;
          return ['', r.plate, r.applicant, '送达法律文书', '区人民法院', at(r.hour), at(r.hour + r.hours), r.outKm, r.outKm + r.km, r.driver, r.approver, '周末值班', ''];
        });
        await dryRunThenCommit(o.core, o.clerk.session, 'vehicles.trips', await sheet(HEAD, data));
      }),
      { numRuns: RUNS },
    );
    const trips = o.core.state.db
      .prepare(
        `SELECT t.vehicle_id AS v, t.driver_id AS d, t.applicant_id AS a, t.approver_id AS ap, t.out_at AS outAt, t.return_at AS backAt, t.out_odometer AS o1, t.return_odometer AS o2, u.roles
         FROM vehicle_trips t JOIN users u ON u.id = t.approver_id ORDER BY t.vehicle_id, t.out_at`,
      )
      .all() as { v: number; d: number; a: number; ap: number; outAt: string; backAt: string; o1: number; o2: number; roles: string }[];
    expect(trips.length).toBeGreaterThan(0);
    for (const [i, t] of trips.entries()) {
      expect(JSON.parse(t.roles)).toContain('approver');
      expect(t.ap).not.toBe(t.a);
      expect(t.ap).not.toBe(t.d);
      const prev = trips[i - 1];
      if (prev && prev.v === t.v) {
        // In time order per car: no overlap, and the odometer never runs backwards.
        expect(prev.backAt <= t.outAt).toBe(true);
        expect(prev.o2 <= t.o1).toBe(true);
      }
    }
    for (const x of trips) for (const y of trips) if (x !== y && x.d === y.d) expect(x.backAt <= y.outAt || y.backAt <= x.outAt).toBe(true);
    o.core.close();
    cleanup(o.core.state.dataDir);
  }, 120_000);
});

describe('the fleet import (车辆登记表)', () => {
  const HEAD = ['车牌号', '品牌型号', '车辆类型', '能源类型', '车架号', '发动机号', '座位数', '购置日期', '购置价格（元）', '驾驶员', '保险到期日', '年检到期日', '建档时里程'];
  it('never stores two cars with one plate or one VIN, a purchase in the future, or a driver who is not an active person, and the dry run agrees with the commit', async () => {
    const o = await office();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const row = fc.record({
      plate: fc.constantFrom('湘A·D88888', '湘B22222', '湘B33333', '湘B1234'),
      vin: fc.constantFrom('LSVAB2BM000000001', 'LSVAB2BM000000002', 'LSVAB2BM00000000I'),
      seats: fc.constantFrom(5, 7, 0),
      purchased: fc.constantFrom('2019-04-01', today, '2099-01-01'),
      driver: fc.constantFrom('', '张师傅', '不存在的人'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
        const data = rows.map((r) => [r.plate, '大众帕萨特', '轿车', '燃油', r.vin, 'CUF1', r.seats, r.purchased, '215800.00', r.driver, '2030-06-30', '2030-06-30', 1000]);
        await dryRunThenCommit(o.core, o.clerk.session, 'vehicles.fleet', await sheet(HEAD, data));
      }),
      { numRuns: RUNS },
    );
    const db = o.core.state.db;
    expect(db.prepare('SELECT count(*) FROM (SELECT plate FROM vehicles GROUP BY plate HAVING count(*) > 1)').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM (SELECT vin FROM vehicles GROUP BY vin HAVING count(*) > 1)').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM vehicles WHERE purchase_date > ? OR seats < 1').pluck().get(today)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM vehicles v LEFT JOIN users u ON u.id = v.driver_id WHERE v.driver_id IS NOT NULL AND (u.id IS NULL OR u.active = 0)').pluck().get()).toBe(0);
    o.core.close();
    cleanup(o.core.state.dataDir);
  }, 120_000);
});

describe('the item catalogue import (物品目录)', () => {
  const HEAD = ['编码', '物品名称', '规格型号', '单位', '类别', '库存下限', '整数计量', '备注'];
  it('never stores two items with one code or one name and spec, and the dry run agrees with the commit', async () => {
    const b = await bureau();
    const row = fc.record({ code: fc.constantFrom('', 'BG-001', 'BG-002', 'BG-003'), name: fc.constantFrom('中性笔', 'A4复印纸', '硒鼓'), spec: fc.constantFrom('0.5mm', '70g', ''), category: fc.constantFrom('书写用品', '办公用纸', '没有的类别') });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), async (rows) => {
        await dryRunThenCommit(b.core, b.c, 'supplies.items', await sheet(HEAD, rows.map((r) => [r.code, r.name, r.spec, '支', r.category, 5, '是', ''])));
      }),
      { numRuns: RUNS },
    );
    const db = b.core.state.db;
    expect((db.prepare("SELECT count(*) AS n FROM (SELECT code FROM supply_items WHERE code <> '' GROUP BY code HAVING count(*) > 1)").get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM (SELECT name, spec FROM supply_items GROUP BY name, spec HAVING count(*) > 1)').get() as { n: number }).n).toBe(0);
    b.core.close();
    cleanup(b.core.state.dataDir);
  }, 120_000);
});

describe('the asset card import (固定资产卡片)', () => {
  const HEAD = ['资产编号', '资产名称', '资产类别', '品牌', '规格型号', '出厂编号', '原值', '资金来源', '取得方式', '购置日期', '使用部门', '使用人', '存放地点', '状态', '备注'];
  it('never stores two cards with one number or a purchase in the future, and the dry run agrees with the commit', async () => {
    const b = await bureau();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const row = fc.record({
      number: fc.constantFrom('', 'ZC-2020-0001', 'ZC-2020-0002'),
      purchasedOn: fc.constantFrom('2020-05-01', '2023-11-30', today, '2099-01-01'),
      value: fc.constantFrom('5200.00', '0.01', '-3'),
      user: fc.constantFrom('', '赵敏', '不存在的人'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), async (rows) => {
        const data = rows.map((r) => [r.number, '台式计算机', '计算机设备', '联想', 'M720', '', r.value, '财政拨款', '政府集中采购', r.purchasedOn, '法律援助中心', r.user, '三楼', '', '']);
        await dryRunThenCommit(b.core, b.c, 'assets.cards', await sheet(HEAD, data));
      }),
      { numRuns: RUNS },
    );
    const db = b.core.state.db;
    expect((db.prepare('SELECT count(*) AS n FROM (SELECT number FROM asset_cards GROUP BY number HAVING count(*) > 1)').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM asset_cards WHERE purchased_on > ?').get(today) as { n: number }).n).toBe(0);
    b.core.close();
    cleanup(b.core.state.dataDir);
  }, 120_000);
});
