// Demo data for the seals register, created through core.call so every rule applies: the seal
// catalogue with custodians and handovers, the 分管领导 of each department, and a usage log that
// runs chronologically (so each stamping names the custodian of its day) up to today, with
// take-outs, late returns, rejections, voids, one overdue take-out and 事后补批 entries.
import type { Core } from '../core/core';
import { addDays, shanghaiDate } from '../core/time';
import { sized } from './size';

type Scale = 'small' | 'bench';
interface Sessions {
  admin: string;
  clerk: string;
  leaderLogin: string;
  password: string;
}

class SealSeedError extends Error {}

async function must<T>(core: Core, session: string, method: string, input: unknown, what: string): Promise<T> {
  const r = await core.call(session, method, input);
  if (!r.ok) throw new SealSeedError(`${what}失败：${r.error.message}`);
  return r.data as T;
}

/** A small deterministic PRNG, so two seeds of the same scale give the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const at = (d: string, hh: number, mm: number) => `${d}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`;
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

interface Kind {
  seal: 'party' | 'official' | 'finance' | 'legalRep' | 'department';
  reason: string;
  titles: string[];
  docPrefix: string | null;
  takeOut: number;
  copies: [number, number];
}

const TOPICS = ['法治政府建设', '“八五”普法中期检查', '社区矫正安全稳定', '人民调解“大走访”', '公共法律服务体系建设', '安全生产', '意识形态工作', '党风廉政建设', '行政复议应诉', '律师行业监管', '法律援助质量评查', '平安建设'];

const KINDS: Kind[] = [
  { seal: 'official', reason: '向市司法局报送材料', titles: ['关于{t}工作情况的报告', '关于{t}的自查报告', '{y}年度{t}工作总结'], docPrefix: '×司发', takeOut: 0, copies: [2, 6] },
  { seal: 'official', reason: '向区政府请示', titles: ['关于申请追加{t}经费的请示', '关于{t}有关事项的请示'], docPrefix: '×司呈', takeOut: 0, copies: [2, 4] },
  { seal: 'official', reason: '印发通知', titles: ['关于开展{t}专项检查的通知', '关于做好{t}工作的通知'], docPrefix: '×司通', takeOut: 0, copies: [10, 40] },
  { seal: 'official', reason: '对外联系工作', titles: ['介绍信（赴市司法局联系{t}工作）', '关于商请协助{t}调查的函'], docPrefix: null, takeOut: 0.05, copies: [1, 2] },
  { seal: 'official', reason: '签订合同', titles: ['法律顾问服务合同', '办公设备维保合同', '物业服务合同', '政府购买服务合同（{t}）'], docPrefix: null, takeOut: 0.3, copies: [2, 4] },
  { seal: 'party', reason: '党组文件印发', titles: ['中共××区司法局党组关于{t}的实施意见', '党组会议纪要（{t}）', '关于调整{t}领导小组成员的通知'], docPrefix: '×司党', takeOut: 0, copies: [5, 20] },
  { seal: 'finance', reason: '办理银行业务', titles: ['银行账户信息变更申请书', '单位定期存款支取凭证', '转账支票'], docPrefix: null, takeOut: 0.6, copies: [1, 2] },
  { seal: 'finance', reason: '财务报销', titles: ['差旅费报销单', '会议费结算单', '培训费结算单'], docPrefix: null, takeOut: 0, copies: [1, 3] },
  { seal: 'legalRep', reason: '合同签署', titles: ['法律顾问服务合同', '政府购买服务合同（{t}）', '授权委托书'], docPrefix: null, takeOut: 0.2, copies: [2, 3] },
  { seal: 'department', reason: '法律援助案件指派', titles: ['法律援助公函', '指派通知书', '给予法律援助决定书'], docPrefix: '×法援', takeOut: 0, copies: [1, 3] },
];

interface Person {
  id: number;
  name: string;
  department: string;
  post: string;
}

export async function seedSeals(core: Core, s: Sessions, scale: Scale, log: (l: string) => void, size = 1): Promise<void> {
  const c = s.clerk;
  const existing = await must<{ total: number }>(core, c, 'seals.catalogueList', {}, '读取印章目录');
  if (existing.total > 0) {
    log('印章目录已有数据，跳过印章演示数据');
    return;
  }
  const people = await must<Person[]>(core, c, 'accounts.people', { limit: 200 }, '读取人员');
  const byName = (n: string) => {
    const p = people.find((x) => x.name === n);
    if (!p) throw new SealSeedError(`演示人员“${n}”不存在`);
    return p;
  };
  const chief = byName('王志强');
  const deputy = byName('何平');
  const political = byName('马骏');
  const clerkP = byName('李晓梅');
  const office = byName('周建国');
  const driver = byName('郑华');
  const accountant = byName('吴涛');
  const legalAid = byName('赵敏');
  const witness = byName('刘洋');

  const years = scale === 'bench' ? 10 : 2;
  const perYear = scale === 'bench' ? sized(6020, size) : 20;
  const today = shanghaiDate(core.state.clock.now());
  const start = `${Number(today.slice(0, 4)) - years + 1}-01-04`;
  const r = rng(scale === 'bench' ? 20250 : 2025);

  // ---- 分管领导 ----
  for (const [dept, leader] of [
    ['法律援助中心', deputy],
    ['计财室', deputy],
    ['社区矫正科', political],
    ['人民调解科', political],
    ['政工室', political],
    ['办公室', chief],
  ] as const) {
    await must(core, s.admin, 'seals.setDeptLeader', { department: dept, leaderId: leader.id }, `设置${dept}分管领导`);
  }

  // ---- the catalogue ----
  const mk = (name: string, kind: string, rule: Record<string, unknown>, custodianId: number, remarks = '', enabledOn = start) =>
    must<{ id: number }>(core, c, 'seals.sealCreate', { name, kind, ...rule, enabledOn, custodianId, remarks }, `登记印章${name}`);
  const oldSeal = await mk('××区司法局（旧印）', 'official', { approverRule: 'post', approverPost: '局长' }, driver.id, '2014年刻制', addDays(start, -400));
  await must(core, c, 'seals.sealSetStatus', { id: oldSeal.id, status: 'destroyed', date: addDays(start, -1), reason: '启用新印章，旧印停止使用', method: '交区公安分局切角销毁', witnesses: '周建国、刘洋' }, '销毁旧印');
  const seals = {
    party: await mk('中共××区司法局党组', 'party', { approverRule: 'post', approverPost: '局长' }, driver.id, '存放于办公室保险柜'),
    official: await mk('××区司法局', 'official', { approverRule: 'post', approverPost: '局长' }, driver.id, '存放于办公室保险柜'),
    finance: await mk('××区司法局财务专用章', 'finance', { approverRule: 'person', approverId: deputy.id }, accountant.id, '计财室保管，与法定代表人名章分人保管'),
    legalRep: await mk('××区司法局法定代表人名章（王志强）', 'legalRep', { approverRule: 'person', approverId: chief.id }, office.id),
    department: await mk('××区法律援助中心', 'department', { approverRule: 'deptLeader' }, legalAid.id, '法律援助中心业务专用'),
  };
  const contract = await mk('××区司法局合同专用章', 'contract', { approverRule: 'post', approverPost: '局长' }, office.id, '', addDays(start, 30));
  log('印章目录与分管领导已就绪');

  // Applicants by seal: leaders do not apply for what they approve.
  const staff = people.filter((p) => ![chief.id].includes(p.id) && p.department !== '局领导' && p.department !== '派驻纪检监察组');
  const deptStaff = (dept: string) => people.filter((p) => p.department === dept);
  // Who keeps each seal (the 监印人 of its stampings), so nobody applies to use a seal they keep.
  const keeper: Record<Kind['seal'], number> = { party: driver.id, official: driver.id, finance: accountant.id, legalRep: office.id, department: legalAid.id };
  const applicantFor = (k: Kind): Person => {
    const notKeeper = (ps: Person[]) => ps.filter((p) => p.id !== keeper[k.seal]);
    if (k.seal === 'finance') return r.pick(notKeeper([accountant, ...staff]));
    if (k.seal === 'department') return r.pick(notKeeper(deptStaff('法律援助中心')).length ? notKeeper(deptStaff('法律援助中心')) : notKeeper(staff));
    return r.pick(notKeeper(staff));
  };

  // ---- the usage log, day by day ----
  const days: string[] = [];
  for (let d = start; d <= today; d = addDays(d, 1)) if (weekday(d) !== 0 && weekday(d) !== 6) days.push(d);
  const total = perYear * years;
  const perDay = total / days.length;
  const handoverDay = days[Math.floor(days.length * 0.45)];
  const sealContractDay = days[Math.floor(days.length * 0.8)];
  const docSeq = new Map<string, number>();
  let made = 0;
  let carry = 0;
  let nextLog = 5000;
  const paper = (signerId: number, d: string, n: number) => ({ mode: 'paper', decision: 'approved', comment: '同意', signerId, signedAt: at(d, 10, r.int(0, 59)), filingNo: `审批单-${d.slice(0, 4)}-${String(n).padStart(4, '0')}` });
  const describe = (k: Kind, d: string) => {
    const topic = r.pick(TOPICS);
    const y = d.slice(0, 4);
    const title = r.pick(k.titles).replace('{t}', topic).replace('{y}', y);
    let documentNo = '';
    if (k.docPrefix) {
      const key = `${k.docPrefix}${y}`;
      const no = (docSeq.get(key) ?? 0) + 1;
      docSeq.set(key, no);
      documentNo = `${k.docPrefix}〔${y}〕${no}号`;
    }
    return { reason: k.reason, documentTitle: title, documentNo, copies: r.int(k.copies[0], k.copies[1]) };
  };
  const custodianOf = async (useId: number) => (await must<{ custodianId: number | null }>(core, c, 'seals.get', { id: useId }, '读取')).custodianId;

  // The finance seal is taken out four days ago and not yet back (the overdue one on the home tile): the
  // history leaves it in the office from that day on, or its return would postdate that take-out.
  const overdueOutDay = addDays(today, -4);

  // A seal is out with one person at a time (the live rule refuses a take-out before the last one came
  // back): a seal's take-outs of a day follow one another, and one kept overnight ends its day's.
  const outsToday = new Map<number, number>();
  const keptOvernight = new Set<number>();
  const hm = (minutes: number) => [Math.floor(minutes / 60), minutes % 60] as const;

  // History up to yesterday: every entry taken to its end (a few rejected or withdrawn).
  for (const d of days) {
    if (d >= today) break;
    outsToday.clear();
    keptOvernight.clear();
    if (d === handoverDay) {
      await must(core, c, 'seals.handover', { sealId: seals.official.id, toId: clerkP.id, witnessId: office.id, date: d, note: '郑华调任驾驶员岗位，局印移交李晓梅保管' }, '交接局印');
      await must(core, c, 'seals.handover', { sealId: seals.party.id, toId: clerkP.id, witnessId: office.id, date: d, note: '党组印章随同移交' }, '交接党组印章');
      keeper.official = keeper.party = clerkP.id;
    }
    if (d === sealContractDay) {
      await must(core, c, 'seals.sealSetStatus', { id: contract.id, status: 'sealed', date: d, reason: '合同统一使用单位公章，合同专用章停止使用', method: '封存于档案室保险柜', witnesses: '周建国、刘洋' }, '封存合同专用章');
    }
    carry += perDay;
    const n = Math.floor(carry);
    carry -= n;
    for (let i = 0; i < n; i++) {
      const k = r.pick(KINDS);
      const applicant = applicantFor(k);
      const sealId = seals[k.seal].id;
      const slot = outsToday.get(sealId) ?? 0;
      const takeOut = r.chance(k.takeOut) && !keptOvernight.has(sealId) && slot < 12 && !(k.seal === 'finance' && d >= addDays(overdueOutDay, -1));
      const plannedReturn = takeOut ? addDays(d, r.chance(0.7) ? 0 : 1) : null;
      const req = await core.call(c, 'seals.request', { sealId: seals[k.seal].id, ...describe(k, d), applicantId: applicant.id, appliedOn: d, takeOut, plannedOut: takeOut ? d : null, plannedReturn, remarks: '' });
      if (!req.ok) throw new SealSeedError(`用印申请失败：${req.error.message}`);
      const u = req.data as { id: number; copies: number; expectedApprovers: { id: number }[] };
      made++;
      const approver = u.expectedApprovers[0];
      const roll = r.next();
      if (roll < 0.015) {
        await must(core, c, 'seals.void', { id: u.id, reason: r.pick(['申请人撤回', '文件内容调整，重新申请', '重复申请']) }, '作废');
        continue;
      }
      if (roll < 0.03) {
        await must(core, c, 'seals.approve', { id: u.id, approval: { ...paper(approver.id, d, made), decision: 'rejected', comment: r.pick(['文件未经合法性审查', '请先履行会签程序', '内容与事由不符']) } }, '驳回');
        continue;
      }
      await must(core, c, 'seals.approve', { id: u.id, approval: paper(approver.id, d, made) }, '审批');
      const count = r.chance(0.05) && u.copies > 1 ? u.copies - 1 : u.copies;
      await must(core, c, 'seals.stamp', { id: u.id, count, stampedAt: at(d, 11, r.int(0, 59)) }, '用印');
      if (!takeOut) continue;
      // The afternoon in 25-minute turns per seal: out, and (the same day) back within 20 minutes.
      outsToday.set(sealId, slot + 1);
      const outMin = 13 * 60 + slot * 25 + r.int(0, 4);
      await must(core, c, 'seals.checkOut', { id: u.id, outAt: at(d, ...hm(outMin)) }, '借出');
      // Most come back the same afternoon; a few a day after they were due.
      const late = plannedReturn === d && r.chance(0.08);
      const back = late ? addDays(d, 1) : d;
      if (late) keptOvernight.add(sealId);
      const keeper = await custodianOf(u.id);
      const confirmer = keeper && keeper !== applicant.id ? keeper : witness.id;
      await must(core, c, 'seals.return', { id: u.id, returnedAt: late ? at(back, 9, r.int(0, 59)) : at(d, ...hm(outMin + 10 + r.int(0, 8))), confirmedById: confirmer, note: late ? '次日归还，已提醒按时归还' : '完好' }, '归还');
    }
    if (made >= nextLog) {
      log(`用印登记 ${made} 条…`);
      nextLog += 5000;
    }
  }

  // Now: an overdue take-out, requests waiting for approval and for stamping.
  const bank = KINDS.find((k) => k.seal === 'finance' && k.takeOut > 0)!;
  const outDay = overdueOutDay;
  const overdue = await must<{ id: number }>(
    core,
    c,
    'seals.request',
    { sealId: seals.finance.id, ...describe(bank, outDay), copies: 1, applicantId: byName('黄丽').id, appliedOn: outDay, takeOut: true, plannedOut: outDay, plannedReturn: addDays(today, -2), remarks: '外带至区财政局国库科' },
    '外带申请',
  );
  await must(core, c, 'seals.approve', { id: overdue.id, approval: paper(deputy.id, outDay, made + 1) }, '审批');
  await must(core, c, 'seals.stamp', { id: overdue.id, count: 1, stampedAt: at(outDay, 11, 5) }, '用印');
  await must(core, c, 'seals.checkOut', { id: overdue.id, outAt: at(outDay, 14, 10) }, '借出');
  const waiting = [
    { k: KINDS[0], applicant: byName('孙磊'), takeOut: false },
    { k: KINDS[4], applicant: byName('黄丽'), takeOut: true },
    { k: KINDS[9], applicant: legalAid, takeOut: false },
  ];
  for (const w of waiting) {
    await must(core, c, 'seals.request', { sealId: seals[w.k.seal].id, ...describe(w.k, today), applicantId: w.applicant.id, takeOut: w.takeOut, plannedOut: w.takeOut ? addDays(today, 1) : null, plannedReturn: w.takeOut ? addDays(today, 1) : null, remarks: '' }, '用印申请');
  }
  const ready = await must<{ id: number }>(core, c, 'seals.request', { sealId: seals.party.id, ...describe(KINDS[5], today), applicantId: byName('刘洋').id, takeOut: false, remarks: '' }, '用印申请');
  await must(core, c, 'seals.approve', { id: ready.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: s.leaderLogin, password: s.password } }, '会签审批');
  made += 5;

  // ---- 事后补批: one still waiting (red on the home page), one already approved ----
  const emergency = async (title: string, reason: string) =>
    must<{ id: number }>(
      core,
      c,
      'seals.emergencyStamp',
      { sealId: seals.official.id, reason: '紧急报送', documentTitle: title, documentNo: '', copies: 2, count: 2, applicantId: legalAid.id, takeOut: false, emergencyReason: reason, phoneApproverId: chief.id },
      '先用印后补批',
    );
  const e1 = await emergency('行政应诉答辩状（紧急）', '法院要求当日下午提交答辩材料，局长在外开会，电话同意先行用印');
  await must(core, c, 'seals.approve', { id: e1.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意，补签', login: s.leaderLogin, password: s.password } }, '事后补批');
  await emergency('关于突发矛盾纠纷排查情况的紧急报告', '区委政法委要求一小时内报送，局长出差，电话同意先行用印，回局后补签');
  log(`印章演示数据：7 枚印章（含已销毁、已封存各 1 枚），${made + 2} 条用印登记`);
}
