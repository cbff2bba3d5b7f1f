// Demo data for 公务用车: a small fleet with its files, and trips walked through the real process
// (申请 → 纸质签批/会签 → 派车 → 出车 → 回车) so every rule applies. Deterministic for a given day.
import type { Core } from '../core/core';
import { addDays, toShanghaiIso, shanghaiDate, shanghaiDateOf } from '../core/time';

type Call = (session: string, method: string, input: unknown) => Promise<any>;

interface Person {
  id: number;
  name: string;
  login: string;
  department: string;
  post: string;
  roles: string[];
  active: boolean;
}

const FLEET = [
  { plate: '湘A·F3J82', model: '大众帕萨特 330TSI', vehicleType: '轿车', energy: '燃油', color: '黑色', seats: 5, price: 21_980_000, odo: 86_420, lPer100: 8.6 },
  { plate: '湘A·D62158', model: '比亚迪汉 EV', vehicleType: '轿车', energy: '纯电动', color: '白色', seats: 5, price: 22_980_000, odo: 12_850, lPer100: 0 },
  { plate: '湘A·7K2Q5', model: '丰田汉兰达 2.0T', vehicleType: '越野车', energy: '燃油', color: '银色', seats: 7, price: 27_880_000, odo: 134_200, lPer100: 10.8 },
  { plate: '湘A·5M9C1', model: '别克GL8 陆尊', vehicleType: '商务车', energy: '燃油', color: '灰色', seats: 7, price: 29_990_000, odo: 98_760, lPer100: 10.2 },
  { plate: '湘A·2H6N8', model: '五菱宏光 S', vehicleType: '面包车', energy: '燃油', color: '白色', seats: 7, price: 6_580_000, odo: 156_300, lPer100: 7.9 },
  { plate: '湘A·D30917', model: '吉利帝豪 L 雷神Hi·P', vehicleType: '轿车', energy: '插电混动', color: '蓝色', seats: 5, price: 13_980_000, odo: 23_400, lPer100: 4.2 },
  { plate: '湘A·8B1T6', model: '红旗 H5 1.5T', vehicleType: '轿车', energy: '燃油', color: '黑色', seats: 5, price: 16_580_000, odo: 45_600, lPer100: 7.4 },
  { plate: '湘A·3R7W2', model: '长安 CS75 PLUS', vehicleType: '越野车', energy: '燃油', color: '红色', seats: 5, price: 12_890_000, odo: 67_300, lPer100: 8.1 },
  { plate: '湘A·6E4L9', model: '江铃全顺 V362', vehicleType: '商务车', energy: '燃油', color: '白色', seats: 15, price: 19_800_000, odo: 112_900, lPer100: 11.5 },
  { plate: '湘A·D85321', model: '广汽埃安 S', vehicleType: '轿车', energy: '纯电动', color: '白色', seats: 5, price: 14_980_000, odo: 31_000, lPer100: 0 },
  { plate: '湘A·9C5P3', model: '本田雅阁 260TURBO', vehicleType: '轿车', energy: '燃油', color: '黑色', seats: 5, price: 17_990_000, odo: 74_100, lPer100: 7.2 },
  { plate: '湘A·4G8Y1', model: '日产奇骏 2.0L', vehicleType: '越野车', energy: '燃油', color: '棕色', seats: 5, price: 18_380_000, odo: 88_800, lPer100: 8.4 },
];

const DRIVERS = ['郑华', '钱建军', '周卫东', '吴海波', '冯志刚', '陈小兵', '褚国庆', '卫东升', '蒋红旗', '沈建平', '韩立新', '杨保国'];

/** [destination, route, reason, round-trip km, tolls (分) or 0]. */
const DESTINATIONS: [string, string, string, number, number][] = [
  ['市司法局', '局机关—市司法局—局机关', '报送年度法治政府建设工作材料', 36, 0],
  ['区人民法院', '局机关—区人民法院—局机关', '送达法律援助案件指派函', 14, 0],
  ['区人民检察院', '局机关—区检察院—局机关', '参加刑事案件律师辩护全覆盖工作座谈', 12, 0],
  ['东湖司法所', '局机关—东湖司法所—局机关', '督导社区矫正工作', 28, 0],
  ['高桥司法所', '局机关—高桥司法所—局机关', '人民调解案卷评查', 42, 0],
  ['省司法厅', '局机关—长沙绕城高速—省司法厅—局机关', '参加全省公共法律服务工作培训', 96, 4_500],
  ['区政府', '局机关—区政府—局机关', '参加区政府常务会议', 8, 0],
  ['区看守所', '局机关—区看守所—局机关', '法律援助值班律师工作站检查', 30, 0],
  ['马坡岭街道', '局机关—马坡岭街道—局机关', '入户走访社区矫正对象', 24, 0],
  ['市公共法律服务中心', '局机关—市公共法律服务中心—局机关', '对接12348热线平台建设', 40, 1_000],
  ['浏阳市司法局', '局机关—长浏高速—浏阳市司法局—局机关', '学习考察矛盾纠纷多元化解工作', 140, 7_000],
  ['区委党校', '局机关—区委党校—局机关', '送学员参加普法骨干培训', 18, 0],
];

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** A small deterministic generator, so the same day gives the same demo. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (date: string, hh: number, mm = 0) => `${date}T${pad(hh)}:${pad(mm)}:00+08:00`;

export async function seedVehicles(
  core: Core,
  s: { admin: string; clerk: string; leaderLogin: string; password: string },
  scale: 'small' | 'bench',
  log: (l: string) => void,
  size = 1,
): Promise<void> {
  const call: Call = async (session, method, input) => {
    const r = await core.call(session, method, input);
    if (!r.ok) throw new Error(`公务用车演示数据：${method} 失败：${r.error.message}${r.error.field ? `（${r.error.field}）` : ''}`);
    return r.data;
  };
  const clerk = s.clerk;
  const existing = await call(clerk, 'vehicles.vehicleList', { pageSize: 1 });
  if (existing.total > 0) {
    log('公务用车：已有车辆档案，跳过演示数据');
    return;
  }
  const bench = scale === 'bench';
  const fleet = FLEET.slice(0, bench ? 12 : 4);

  // People: drivers get accounts (a driver is a person the register names); applicants are the staff.
  const people = (await call(s.admin, 'accounts.list', { pageSize: 500 })).rows as Person[];
  const byLogin = new Map(people.map((p) => [p.login, p]));
  const drivers: Person[] = [];
  for (let i = 0; i < fleet.length; i++) {
    const name = DRIVERS[i];
    const have = people.find((p) => p.name === name && p.active);
    if (have) drivers.push(have);
    else {
      const login = `driver${pad(i + 1)}`;
      const u = byLogin.get(login) ?? (await call(s.admin, 'accounts.create', { login, name, department: '办公室', post: '驾驶员', roles: ['clerk'], password: s.password }));
      drivers.push(u);
    }
  }
  const found = byLogin.get(s.leaderLogin);
  if (!found) throw new Error(`公务用车演示数据：找不到审批人 ${s.leaderLogin}`);
  const leader: Person = found;
  const deputy = people.find((p) => p.active && p.roles.includes('approver') && p.id !== leader.id) ?? leader;
  const driverIds = new Set(drivers.map((d) => d.id));
  const applicants = people.filter((p) => p.active && !driverIds.has(p.id) && !p.roles.includes('auditor') && p.login !== s.leaderLogin);
  if (!applicants.length) throw new Error('公务用车演示数据：没有可作为用车人的人员');

  const now = core.state.clock.now();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const rand = rng(Number(today.replace(/-/g, '')));
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];

  // The vehicle files.
  const firstDay = bench ? `${year - 9}-01-03` : `${year - 1}-01-06`;
  const vehicles: { id: number; odo: number; lPer100: number; energy: string; kmSinceFuel: number; kmSinceService: number; purchase: string; driver: Person; free: string }[] = [];
  for (const [i, f] of fleet.entries()) {
    const purchase = addDays(firstDay, -400 - i * 37);
    const insurance = i === 1 ? addDays(today, 18) : addDays(today, 60 + i * 23);
    const inspection = i === 2 ? addDays(today, 9) : addDays(today, 120 + i * 17);
    const v = await call(clerk, 'vehicles.vehicleCreate', {
      plate: f.plate,
      model: f.model,
      vehicleType: f.vehicleType,
      energy: f.energy,
      color: f.color,
      vin: `LFV${pad(i + 10)}A${String(30_000_000_000 + i * 7_919_117).slice(0, 11)}`,
      engineNo: `E${String(700_000 + i * 9_173)}`,
      seats: f.seats,
      purchaseDate: purchase,
      purchasePrice: f.price,
      driverId: drivers[i].id,
      insuranceExpiry: insurance,
      inspectionExpiry: inspection,
      odometerStart: f.odo,
      department: '办公室',
      notes: i === 0 ? '局领导公务用车，定点停放于机关大院' : '',
    });
    vehicles.push({ id: v.id, odo: f.odo, lPer100: f.lPer100, energy: f.energy, kmSinceFuel: 0, kmSinceService: 0, purchase, driver: drivers[i], free: '2000-01-01T00:00:00.000+08:00' });
  }
  log(`公务用车：已建 ${vehicles.length} 辆车的档案`);

  // Which days are off, for the years we cover.
  const off = new Map<string, string>();
  for (let y = Number(firstDay.slice(0, 4)); y <= year; y++) {
    for (const d of (await call(clerk, 'vehicles.calendarList', { year: y })) as { date: string; kind: string; name: string }[]) off.set(d.date, d.kind === 'holiday' ? d.name : '');
  }
  const isOff = (date: string) => {
    if (off.has(date)) return off.get(date) !== '';
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    return wd === 0 || wd === 6;
  };

  const paper = (date: string, no: number) => ({ mode: 'paper', decision: 'approved', comment: '同意', signerId: leader.id, signedAt: iso(date, 8, 0), filingNo: `车审〔${date.slice(0, 4)}〕${no}号` });

  /** One completed trip through every step. */
  let tripCount = 0;
  async function trip(date: string, hh: number, v: (typeof vehicles)[number], opts: { weekend?: string; gap?: number; violation?: string } = {}) {
    const [dest, route, reason, km0, toll] = pick(DESTINATIONS);
    const km = Math.max(4, Math.round(km0 * (0.9 + rand() * 0.3)));
    const hours = Math.max(1, Math.round((km / 35 + 1 + rand() * 1.5) * 2) / 2);
    const applicant = pick(applicants);
    const out = iso(date, hh, pick([0, 10, 20, 30]));
    const back = new Date(Date.parse(out) + hours * 3_600_000);
    const backIso = toShanghaiIso(back);
    const plannedReturn = toShanghaiIso(new Date(Date.parse(out) + (hours + 0.5) * 3_600_000));
    const passengers = 1 + Math.floor(rand() * 3);
    const t = await call(clerk, 'vehicles.apply', {
      applicantId: applicant.id,
      appliedOn: rand() < 0.6 ? date : addDays(date, -1),
      reason,
      destination: dest,
      route,
      passengers: passengers > 1 ? `${applicant.name}等${passengers}人` : applicant.name,
      passengerCount: passengers,
      plannedOut: out,
      plannedReturn,
      offDayReason: opts.weekend ?? '',
    });
    const signer = applicant.id === leader.id ? deputy : leader;
    await call(clerk, 'vehicles.approve', { id: t.id, approval: { ...paper(date, t.id), signerId: signer.id, signedAt: iso(date, hh - 1, 30) } });
    await call(clerk, 'vehicles.dispatch', { id: t.id, vehicleId: v.id, driverId: v.driver.id });
    const gap = opts.gap ?? 0;
    await call(clerk, 'vehicles.depart', { id: t.id, outAt: out, outOdometer: v.odo + gap, gapReason: gap ? pick(['上次回车后驾驶员送修试车，未登记', '节假日期间移车至定点维修厂', '上次回车里程抄录有误，已核实']) : '' });
    v.odo += gap + km;
    v.kmSinceFuel += km;
    v.kmSinceService += km;
    const costs: { costType: string; amount: number; content?: string }[] = [];
    if (toll) costs.push({ costType: '路桥费', amount: toll, content: '高速通行费' });
    if (km > 20 && rand() < 0.35) costs.push({ costType: '停车费', amount: pick([500, 1_000, 1_500, 2_000]) });
    let fuel: { litres: number; amount: number; place: string } | null = null;
    if (v.lPer100 > 0 && v.kmSinceFuel > (bench ? 450 : 150)) {
      const litres = Math.round(v.kmSinceFuel * v.lPer100) / 100;
      fuel = { litres, amount: Math.round(litres * 782), place: pick(['中石化芙蓉中路加油站', '中石油韶山路加油站', '中石化东二环加油站']) };
      v.kmSinceFuel = 0;
    }
    await call(clerk, 'vehicles.return', {
      id: t.id,
      returnAt: backIso,
      returnOdometer: v.odo,
      costs,
      fuel,
      violation: !!opts.violation,
      remarks: opts.violation ?? '',
      offDayReason: opts.weekend ?? '',
    });
    v.free = backIso;
    tripCount++;
    return { id: t.id, date, km, v, back: shanghaiDateOf(backIso) };
  }

  // History: working days from the first day to yesterday.
  // Trips a working day; at a small size, whole trips from a running fraction.
  const perDay = bench ? 16 * size : 0;
  let carry = 0;
  const tripsToday = () => {
    carry += perDay;
    const n = Math.floor(carry);
    carry -= n;
    return Math.min(n, 3 * vehicles.length);
  };
  let day = firstDay;
  let n = 0;
  let lastReport = performance.now();
  const yesterday = addDays(today, -1);
  const smallDays = bench ? null : new Set<string>();
  if (smallDays) {
    // About 40 trips over last year and this year: every ninth working day or so.
    let d = firstDay;
    let k = 0;
    while (d <= yesterday) {
      if (!isOff(d) && k++ % 9 === 0) smallDays.add(d);
      d = addDays(d, 1);
    }
  }
  while (day <= yesterday) {
    const offDay = isOff(day);
    const trips = bench ? (offDay ? (rand() < 0.08 * Math.min(1, size * 4) ? 1 : 0) : tripsToday()) : smallDays!.has(day) ? 1 : offDay && rand() < 0.02 ? 1 : 0;
    for (let i = 0; i < trips; i++) {
      const slot = Math.floor(i / vehicles.length);
      const hh = slot === 0 ? 8 : slot === 1 ? 13 : 17;
      // A car that is back (with half an hour to spare) before this slot starts.
      const start = iso(day, hh);
      const v = slot === 0 ? vehicles[(n + i) % vehicles.length] : vehicles.filter((c) => Date.parse(c.free) + 30 * 60_000 <= Date.parse(start)).sort((a, b) => a.free.localeCompare(b.free))[0];
      if (!v) continue;
      const weekend = offDay ? `${WEEKDAY_NAMES[new Date(`${day}T00:00:00Z`).getUTCDay()]}${off.get(day) ? `（${off.get(day)}）` : ''}应急处置：${pick(['社区矫正对象脱管排查', '重大矛盾纠纷现场调处', '上级督查迎检准备'])}` : undefined;
      const gap = rand() < (bench ? 0.01 : 0.05) ? 5 + Math.floor(rand() * 40) : 0;
      const violation = rand() < (bench ? 0.002 : 0.03) ? pick(['韶山路未按导向车道行驶，罚款100元扣2分', '芙蓉中路违停，罚款150元']) : undefined;
      const t = await trip(day, hh, v, { weekend, gap, violation });
      if (violation) {
        await call(clerk, 'vehicles.logAdd', { kind: 'violation', vehicleId: v.id, date: t.back, tripId: t.id, place: violation.slice(0, 3), content: violation, amount: violation.includes('150') ? 15_000 : 10_000, points: violation.includes('扣2分') ? 2 : 0, personId: v.driver.id });
      }
      if (v.kmSinceService > (bench ? 8_000 : 400)) {
        await call(clerk, 'vehicles.logAdd', { kind: 'maintenance', vehicleId: v.id, date: t.back, place: '长沙市公务用车定点维修厂', content: '常规保养：更换机油、机滤、空滤', amount: 68_000 + Math.floor(rand() * 20) * 1_000, odometer: v.odo, personId: v.driver.id });
        v.kmSinceService = 0;
      }
      if (v.energy === '纯电动' && rand() < 0.12) {
        await call(clerk, 'vehicles.logAdd', { kind: 'cost', vehicleId: v.id, date: t.back, costType: '其他', amount: 4_000 + Math.floor(rand() * 40) * 100, content: '充电费', personId: v.driver.id });
      }
      if (rand() < 0.03) await call(clerk, 'vehicles.logAdd', { kind: 'cost', vehicleId: v.id, date: t.back, costType: '洗车费', amount: 3_000, personId: v.driver.id });
    }
    n += trips;
    day = addDays(day, 1);
    if (performance.now() - lastReport > 10_000) {
      log(`公务用车：已登记 ${tripCount} 次出车（${day}）`);
      lastReport = performance.now();
    }
  }

  // A repair and an accident in the file of the first car.
  const v0 = vehicles[0];
  await call(clerk, 'vehicles.logAdd', { kind: 'repair', vehicleId: v0.id, date: addDays(today, -40), place: '长沙市公务用车定点维修厂', content: '更换前刹车片及刹车盘', amount: 186_000, odometer: v0.odo, personId: v0.driver.id, remarks: '维修单已附报销凭证' });
  const accident = await call(clerk, 'vehicles.logAdd', { kind: 'accident', vehicleId: v0.id, date: addDays(today, -25), place: '芙蓉中路与五一大道交叉口', content: '等红灯时被后车追尾，后保险杠受损，无人员受伤', responsibility: '无责', amount: 120_000, personId: v0.driver.id });
  await call(clerk, 'vehicles.logResolve', { id: accident.id, resolution: '对方保险公司全额赔付，已在定点厂修复' });
  const wrong = await call(clerk, 'vehicles.logAdd', { kind: 'cost', vehicleId: v0.id, date: addDays(today, -3), costType: '停车费', amount: 20_000, content: '省政府停车场' });
  await call(clerk, 'vehicles.logVoid', { id: wrong.id, reason: '金额录入错误（应为20元），已重新登记' });
  await call(clerk, 'vehicles.logAdd', { kind: 'cost', vehicleId: v0.id, date: addDays(today, -3), costType: '停车费', amount: 2_000, content: '省政府停车场' });

  // Today: what the office is working on right now.
  const sorted = [...vehicles].sort((a, b) => a.free.localeCompare(b.free));
  const nowIso = toShanghaiIso(now);
  const later = (h: number) => toShanghaiIso(new Date(now.getTime() + h * 3_600_000));
  // Late on a Friday the three hours run into Saturday: the reason is needed then too.
  const offToday = isOff(today) || isOff(shanghaiDateOf(later(3))) ? '节假日值班：处置突发矛盾纠纷' : '';
  // 1. A car out now, approved by the leader co-signing at the clerk's desk.
  const outV = sorted[0];
  const outTrip = await call(clerk, 'vehicles.apply', { applicantId: applicants[0].id, reason: '赴区人民法院参加诉调对接工作会', destination: '区人民法院', route: '局机关—区人民法院—局机关', passengers: applicants[0].name, passengerCount: 1, plannedOut: nowIso, plannedReturn: later(3), offDayReason: offToday });
  await call(clerk, 'vehicles.approve', { id: outTrip.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: s.leaderLogin, password: s.password } });
  await call(clerk, 'vehicles.dispatch', { id: outTrip.id, vehicleId: outV.id, driverId: outV.driver.id });
  await call(clerk, 'vehicles.depart', { id: outTrip.id, outAt: toShanghaiIso(core.state.clock.now()), outOdometer: outV.odo, offDayReason: offToday });
  // 2. Dispatched for tomorrow, 3. approved and waiting for a car, 4–5. waiting for approval.
  const nextWork = (() => {
    let d = addDays(today, 1);
    while (isOff(d)) d = addDays(d, 1);
    return d;
  })();
  const plan = async (i: number, reason: string, dest: string, hh: number) =>
    call(clerk, 'vehicles.apply', { applicantId: applicants[i % applicants.length].id, reason, destination: dest, route: `局机关—${dest}—局机关`, passengers: applicants[i % applicants.length].name, passengerCount: 1, plannedOut: iso(nextWork, hh), plannedReturn: iso(nextWork, hh + 3) });
  const t2 = await plan(1, '参加全市法律援助质量评估会', '市司法局', 9);
  await call(clerk, 'vehicles.approve', { id: t2.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意，注意安全', login: s.leaderLogin, password: s.password } });
  await call(clerk, 'vehicles.dispatch', { id: t2.id, vehicleId: sorted[1].id, driverId: sorted[1].driver.id });
  const t3 = await plan(2, '社区矫正对象集中教育', '东湖司法所', 14);
  await call(clerk, 'vehicles.approve', { id: t3.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: s.leaderLogin, password: s.password } });
  await plan(3, '人民调解员业务培训', '区委党校', 8);
  await plan(4, '走访慰问困难律师', '高桥司法所', 15);
  // 6. Rejected, 7. voided.
  const t6 = await plan(5, '参观学习（非公务安排）', '橘子洲景区', 10);
  await call(clerk, 'vehicles.approve', { id: t6.id, approval: { mode: 'cosign', decision: 'rejected', comment: '非公务活动，不予派车', login: s.leaderLogin, password: s.password } });
  const t7 = await plan(6, '送达行政复议文书', '区政府', 10);
  await call(clerk, 'vehicles.void', { id: t7.id, reason: '改为邮寄送达，不再用车' });
  // One car in the workshop now.
  const repairV = sorted[sorted.length - 1];
  if (repairV.id !== outV.id) await call(clerk, 'vehicles.vehicleSetStatus', { id: repairV.id, status: 'repair', reason: '空调不制冷，送定点维修厂检修' });
  log(`公务用车：共 ${tripCount + 7} 条用车记录`);
}
