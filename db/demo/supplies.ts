// Demo data for 办公用品与固定资产: an item catalogue, monthly 电子卖场 purchases accepted by two
// people, requisitions approved on paper and issued (some in part, some returned), a yearly
// stocktake with differences, asset purchases that become cards, assignments, repairs, disposals
// and a verification — all through core.call, so every rule applies. Deterministic for a given day.
//
// small: the previous and the current year, a few dozen entries of each kind, and something for
// the home tiles. bench (issue 10): ten years, ≥ 200,000 stock movements and 5,000 asset cards.
import type { Core } from '../core/core';
import { addDays, shanghaiDate } from '../core/time';
import { sized, signedJustNow } from './size';

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

/** [name, spec, unit, category, reorder level, monthly use per requisition (max), price 分, whole unit]. */
const CATALOGUE: [string, string, string, string, number, number, number, boolean][] = [
  ['A4复印纸', '70g 500张/包', '包', '办公用纸', 20, 6, 2_450, true],
  ['A4复印纸', '80g 500张/包', '包', '办公用纸', 10, 4, 2_980, true],
  ['A3复印纸', '70g 500张/包', '包', '办公用纸', 4, 2, 5_200, true],
  ['信纸', '16开 红头', '本', '办公用纸', 10, 3, 350, true],
  ['牛皮纸信封', '5号 220×110', '个', '办公用纸', 100, 20, 35, true],
  ['中性笔', '0.5mm 黑色', '支', '书写用品', 50, 10, 150, true],
  ['中性笔芯', '0.5mm 黑色', '支', '书写用品', 100, 20, 60, true],
  ['签字笔', '1.0mm 黑色', '支', '书写用品', 20, 5, 450, true],
  ['红色水笔', '0.5mm', '支', '书写用品', 20, 4, 150, true],
  ['铅笔', 'HB', '支', '书写用品', 20, 5, 80, true],
  ['记号笔', '双头 黑色', '支', '书写用品', 10, 3, 320, true],
  ['荧光笔', '6色套装', '盒', '书写用品', 5, 2, 1_280, true],
  ['笔记本', 'B5 80页', '本', '书写用品', 30, 4, 650, true],
  ['工作手册', 'A5 皮面', '本', '书写用品', 10, 2, 2_500, true],
  ['便利贴', '76×76mm', '本', '书写用品', 20, 4, 350, true],
  ['档案盒', 'A4 5cm 蓝色', '个', '文件管理用品', 50, 10, 650, true],
  ['文件夹', 'A4 双强力夹', '个', '文件管理用品', 30, 5, 850, true],
  ['拉链文件袋', 'A4 透明', '个', '文件管理用品', 30, 6, 250, true],
  ['档案袋', '牛皮纸 250g', '个', '文件管理用品', 100, 15, 120, true],
  ['长尾夹', '32mm 12个/盒', '盒', '文件管理用品', 10, 2, 600, true],
  ['回形针', '29mm 100枚/盒', '盒', '文件管理用品', 10, 2, 250, true],
  ['订书钉', '24/6 1000枚/盒', '盒', '文件管理用品', 10, 2, 200, true],
  ['订书机', '12号', '个', '文件管理用品', 3, 1, 2_200, true],
  ['起钉器', '通用', '个', '文件管理用品', 3, 1, 600, true],
  ['硒鼓', 'HP CF228A', '个', '打印耗材', 4, 1, 42_000, true],
  ['硒鼓', '奔图 PD-300', '个', '打印耗材', 3, 1, 28_000, true],
  ['墨盒', 'Epson 673 黑色', '个', '打印耗材', 3, 1, 8_500, true],
  ['碳粉', '理光 MP2014C', '支', '打印耗材', 2, 1, 16_800, true],
  ['色带', '映美 FP-630K', '个', '打印耗材', 3, 1, 2_800, true],
  ['U盘', '64G USB3.0', '个', '电脑配件', 5, 1, 4_900, true],
  ['鼠标', '有线 USB', '个', '电脑配件', 5, 1, 3_500, true],
  ['键盘', '有线 USB', '个', '电脑配件', 3, 1, 6_800, true],
  ['网线', '超五类', '米', '电脑配件', 50, 20, 120, false],
  ['插线板', '6位 3米', '个', '办公小电器', 5, 1, 5_900, true],
  ['计算器', '12位 语音', '个', '办公小电器', 3, 1, 4_500, true],
  ['电池', '5号 4粒/板', '板', '办公小电器', 10, 2, 1_200, true],
  ['抽纸', '3层 130抽', '包', '清洁用品', 40, 6, 380, true],
  ['垃圾袋', '45×50cm 50只/卷', '卷', '清洁用品', 20, 3, 650, true],
  ['洗手液', '500ml', '瓶', '清洁用品', 10, 2, 1_590, true],
  ['胶水', '40ml', '瓶', '其他', 10, 2, 250, true],
  ['透明胶带', '48mm×100m', '卷', '其他', 10, 2, 600, true],
  ['剪刀', '不锈钢', '把', '其他', 3, 1, 900, true],
];

/** [name, category, brand, model, unit price 分]. */
const ASSETS: [string, string, string, string, number][] = [
  ['台式计算机', '计算机设备', '联想', '启天M450', 568_000],
  ['台式计算机', '计算机设备', '华为', '擎云B730', 612_000],
  ['便携式计算机', '计算机设备', '华为', 'MateBook 14', 659_900],
  ['激光打印机', '办公设备', '奔图', 'P3305DN', 218_000],
  ['多功能一体机', '办公设备', '理光', 'IM 2702', 1_890_000],
  ['碎纸机', '办公设备', '得力', '9912', 129_900],
  ['扫描仪', '办公设备', '方正', 'Z3000', 335_000],
  ['投影仪', '视听设备', '爱普生', 'CB-X50', 459_900],
  ['空调', '电气设备', '格力', 'KFR-35GW', 389_900],
  ['文件柜', '家具用具', '震旦', 'AFC-418', 168_000],
  ['办公桌', '家具用具', '圣奥', '1.6m 板式', 238_000],
  ['会议桌', '家具用具', '圣奥', '3.6m 实木贴皮', 860_000],
];

const ROOMS: Record<string, string[]> = {
  办公室: ['机关大楼 105 室', '机关大楼 106 室', '机关大楼 108 室'],
  局领导: ['机关大楼 301 室', '机关大楼 302 室', '机关大楼 303 室'],
  政工室: ['机关大楼 201 室'],
  法律援助中心: ['法律援助中心 101 室', '法律援助中心 102 室'],
  社区矫正科: ['机关大楼 205 室', '机关大楼 206 室'],
  人民调解科: ['机关大楼 207 室'],
  计财室: ['机关大楼 110 室'],
  派驻纪检监察组: ['机关大楼 401 室'],
};
const PURPOSES = ['日常办公', '案卷整理归档', '法律援助案件材料装订', '社区矫正对象档案整理', '人民调解卷宗装订', '年度考核材料准备', '会议材料印制', '普法宣传资料印发', '新进人员办公用品配发', '打印机耗材更换'];
const SUPPLIERS = ['湖南某某办公用品有限公司', '长沙市某某文化用品商行', '湖南某某科技有限公司', '长沙某某商贸有限公司'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const monthDays = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export async function seedSupplies(
  core: Core,
  s: { admin: string; clerk: string; leaderLogin: string; password: string },
  scale: 'small' | 'bench',
  log: (l: string) => void,
  size = 1,
): Promise<void> {
  const call: Call = async (session, method, input) => {
    const r = await core.call(session, method, input);
    if (!r.ok) throw new Error(`办公用品与固定资产演示数据：${method} 失败：${r.error.message}${r.error.field ? `（${r.error.field}）` : ''}`);
    return r.data;
  };
  const clerk = s.clerk;
  if ((await call(clerk, 'supplies.itemList', { pageSize: 1, activeOnly: false })).total > 0) {
    log('办公用品与固定资产：已有物品目录，跳过演示数据');
    return;
  }
  const bench = scale === 'bench';
  const now = core.state.clock.now();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const rand = rng(Number(today.replace(/-/g, '')) ^ 0x5a17);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  // People.
  const people = (await call(s.admin, 'accounts.list', { pageSize: 500 })).rows as Person[];
  const me = people.find((p) => p.login === 'demo-clerk') ?? people.find((p) => p.roles.includes('clerk'))!;
  const leader = people.find((p) => p.login === s.leaderLogin);
  if (!leader) throw new Error(`办公用品演示数据：找不到审批人 ${s.leaderLogin}`);
  const approvers = people.filter((p) => p.active && p.roles.includes('approver'));
  const officeHead = approvers.find((p) => p.post.includes('主任') && p.id !== leader.id) ?? leader;
  const deputy = approvers.find((p) => p.id !== officeHead.id && p.post.includes('局长') && p.id !== leader.id) ?? approvers.find((p) => p.id !== officeHead.id) ?? leader;
  const colleague = people.find((p) => p.active && p.roles.includes('clerk') && p.id !== me.id && p.department === '办公室') ?? people.find((p) => p.active && p.id !== me.id && !p.roles.includes('auditor'))!;
  const staff = people.filter((p) => p.active && p.id !== me.id && !p.roles.includes('auditor') && p.department);

  // The catalogue.
  const items: { id: number; unit: string; use: number; price: number; whole: boolean; bal: number; reorder: number }[] = [];
  const extra = bench ? sized(260, size, 0) : 0;
  for (const [name, spec, unit, category, reorder, use, price, whole] of CATALOGUE) {
    const it = await call(clerk, 'supplies.itemCreate', { name, spec, unit, category, reorderLevel: reorder, wholeUnit: whole });
    items.push({ id: it.id, unit, use, price, whole, bal: 0, reorder });
  }
  for (let i = 0; i < extra; i++) {
    const [name, spec, unit, category, reorder, use, price, whole] = CATALOGUE[i % CATALOGUE.length];
    const it = await call(clerk, 'supplies.itemCreate', { name, spec: `${spec} 款${Math.floor(i / CATALOGUE.length) + 2}`, unit, category, reorderLevel: reorder, wholeUnit: whole });
    items.push({ id: it.id, unit, use, price: Math.round(price * (0.9 + rand() * 0.3)), whole, bal: 0, reorder });
  }
  log(`办公用品：物品目录 ${items.length} 种`);

  const startYear = bench ? year - 9 : year - 1;
  // A busy office's ten years: each department collects for its people (科室月度领用), so the bench
  // requisitions are long; the second approval step starts at 3,000 元 there.
  const reqPerMonth = bench ? sized(80, size) : 3;
  const linesPerReq = bench ? [12, 25] : [1, 3];
  if (bench) {
    await call(s.admin, 'supplies.setSettings', {
      assetThreshold: 100_000,
      requisitionTiers: [
        { minAmount: 0, steps: [{ name: '办公室审批', approverIds: [] }] },
        { minAmount: 300_000, steps: [{ name: '办公室审批', approverIds: [] }, { name: '分管领导审批', approverIds: [] }] },
      ],
    });
  }
  const signedAt = (date: string) => (date >= today ? signedJustNow(now, today) : `${date}T16:30:00+08:00`);
  const paperApproval = (signer: Person, date: string, no: string) => ({ mode: 'paper', decision: 'approved', comment: '同意', signerId: signer.id, signedAt: signedAt(date), filingNo: no });
  /** Two different approvers for a requisition's steps, never its requester. */
  const signersFor = (requester: Person) => [officeHead, deputy, leader, ...approvers].filter((p, i, a) => p.id !== requester.id && a.findIndex((x) => x.id === p.id) === i);
  let purchases = 0;
  let reqs = 0;
  let moves = 0;
  const issued: { id: number; qty: number; whole: boolean; date: string }[] = [];

  // ---- month by month, oldest first ----
  const months: [number, number][] = [];
  for (let y = startYear; y <= year; y++) for (let m = 1; m <= 12; m++) if (`${y}-${pad(m)}-01` <= today) months.push([y, m]);
  const lastMonth = months[months.length - 1];

  for (const [y, m] of months) {
    const isLast = y === lastMonth[0] && m === lastMonth[1];
    const lastDay = isLast ? Number(today.slice(8, 10)) : monthDays(y, m);
    const first = `${y}-${pad(m)}-01`;
    // Plan this month's requisitions first, so the purchase covers them.
    const plan: { date: string; requester: Person; lines: { i: number; q: number }[] }[] = [];
    const count = isLast && !bench ? 2 : reqPerMonth;
    for (let k = 0; k < count; k++) {
      const d = `${y}-${pad(m)}-${pad(Math.min(lastDay, 2 + Math.floor((rand() * (lastDay - 1)))))}`;
      const n = int(linesPerReq[0], linesPerReq[1]);
      const chosen = new Set<number>();
      while (chosen.size < n) chosen.add(Math.floor(rand() * (bench ? items.length : 24)));
      plan.push({ date: d < first ? first : d, requester: pick(staff), lines: [...chosen].map((i) => ({ i, q: items[i].whole ? int(1, items[i].use) : int(2, items[i].use * 4) / 4 })) });
    }
    plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const need = new Map<number, number>();
    for (const p of plan) for (const l of p.lines) need.set(l.i, (need.get(l.i) ?? 0) + l.q);
    // Stock up what the month needs plus the reorder level, at most 200 lines a purchase.
    const buy = [...need.entries()].filter(([i, q]) => items[i].bal < q + items[i].reorder).map(([i, q]) => ({ i, q: Math.ceil(q + items[i].reorder * 1.5 - items[i].bal) }));
    for (let at = 0; at < buy.length; at += 200) {
      const chunk = buy.slice(at, at + 200);
      const p = await call(clerk, 'supplies.purchaseCreate', {
        orderNo: `DZMC${y}${pad(m)}${String(purchases + 1).padStart(5, '0')}`,
        supplier: pick(SUPPLIERS),
        buyerId: me.id,
        purchasedOn: first,
        fundingSource: '财政拨款',
        lines: chunk.map(({ i, q }) => ({ itemId: items[i].id, quantity: q, unitPrice: items[i].price })),
      });
      // Now and then a short delivery, explained.
      const shortLine = !bench && rand() < 0.3 ? 0 : -1;
      const a = await call(clerk, 'supplies.accept', {
        id: p.id,
        acceptedOn: first,
        acceptorIds: [me.id, colleague.id],
        lines: p.lines.map((l: { id: number; quantity: number }, k: number) => ({
          lineId: l.id,
          acceptedQty: k === shortLine ? Math.max(0, Math.floor(l.quantity) - 2) : l.quantity,
          quality: k === shortLine ? 'defect' : 'ok',
          note: k === shortLine ? '2 件外包装破损，退回供应商' : '',
        })),
        problems: shortLine === 0 ? '部分货物外包装破损' : '',
        opinion: shortLine === 0 ? '除破损退回的货物外，品名、规格、数量与订单一致，同意验收' : '品名、规格、数量与订单一致，质量合格，同意验收',
      });
      a.lines.forEach((l: { acceptedQty: number }, k: number) => {
        items[chunk[k].i].bal += l.acceptedQty;
        moves++;
      });
      purchases++;
    }
    // The requisitions: recorded, approved on paper, issued (now and then in part, or left pending at the end).
    for (const [k, r] of plan.entries()) {
      const recent = isLast && k >= plan.length - (bench ? 3 : 2);
      const req = await call(clerk, 'supplies.requisitionCreate', {
        requesterId: r.requester.id,
        requestedOn: r.date,
        purpose: pick(PURPOSES),
        lines: r.lines.map((l) => ({ itemId: items[l.i].id, quantity: l.q })),
      });
      reqs++;
      if (recent && k === plan.length - 1) continue; // waits for approval on the home page
      const signers = signersFor(r.requester);
      for (let st = 0; st < req.steps.length; st++) {
        const signer = signers[st];
        await call(clerk, 'supplies.requisitionApprove', { id: req.id, approval: paperApproval(signer, r.date, `领审〔${y}〕${req.id}号`) });
      }
      if (recent) continue; // approved, waiting to be issued
      const partial = rand() < (bench ? 0.03 : 0.15);
      const issue = await call(clerk, 'supplies.issue', {
        id: req.id,
        issuedOn: r.date,
        lines: req.lines.map((l: { id: number; quantity: number }, j: number) => ({ lineId: l.id, quantity: partial && j === 0 && l.quantity > 1 && items[r.lines[j].i].whole ? Math.floor(l.quantity / 2) : l.quantity })),
      });
      issue.issues.forEach((mv: { id: number; quantity: number; itemId: number }) => {
        const it = items.find((x) => x.id === mv.itemId)!;
        it.bal -= mv.quantity;
        moves++;
        if (rand() < 0.01) issued.push({ id: mv.id, qty: mv.quantity, whole: it.whole, date: r.date });
      });
      if (issue.state === 'partial') await call(clerk, 'supplies.requisitionClose', { id: req.id, reason: '余量暂不需要，经领用人同意结束' });
    }
    // A few returns, dated after the month's last issue (the ledger is kept in date order).
    const monthEnd = plan.length ? plan[plan.length - 1].date : first;
    while (issued.length) {
      const x = issued.pop()!;
      const q = x.whole ? Math.max(1, Math.floor(x.qty / 2)) : x.qty / 2;
      if (q > x.qty) continue;
      await call(clerk, 'supplies.returnStock', { movementId: x.id, quantity: q, returnedOn: monthEnd, reason: '多领，未拆封退回' });
      moves++;
    }
    // Year-end stocktake (December), and at the end of the small demo one still being counted.
    if ((m === 12 && !isLast) || (isLast && !bench)) {
      const date = `${y}-${pad(m)}-${pad(lastDay)}`;
      const st = await call(clerk, 'supplies.stocktakeCreate', { title: isLast ? `${y}年${m}月抽盘` : `${y}年度库存盘点`, countedOn: date });
      if (isLast) continue;
      const lines = st.lines.map((l: { id: number; itemId: number; bookQty: number }) => {
        const it = items.find((x) => x.id === l.itemId)!;
        const diff = it.whole && l.bookQty > 3 && rand() < 0.08 ? pick([-2, -1, 1]) : 0;
        it.bal = l.bookQty + diff;
        if (diff) moves++;
        return { lineId: l.id, countedQty: l.bookQty + diff, reason: diff < 0 ? pick(['受潮损坏', '领用未登记，已追补说明', '破损报废']) : diff > 0 ? '前期发放时少发，已核实' : '' };
      });
      await call(clerk, 'supplies.stocktakeSave', { id: st.id, countedById: me.id, checkedById: colleague.id, lines });
      await call(clerk, 'supplies.stocktakeConfirm', { id: st.id });
    }
    if (bench && m === 12) log(`办公用品：${y} 年已生成（出入库约 ${moves} 笔）`);
  }
  log(`办公用品：采购 ${purchases} 次，领用单 ${reqs} 张，出入库约 ${moves} 笔`);

  // ---- fixed assets ----
  const cardsPerYear = bench ? sized(500, size, 12) : 12;
  const assetIds: { id: number; year: number; inUse: boolean; value: number }[] = [];
  const known = new Set<number>();
  let seq = 0;
  for (let y = startYear; y <= year; y++) {
    const date = y === year ? addDays(today, -Math.min(20, Number(today.slice(5, 7)) * 10)) : `${y}-03-15`;
    const d0 = date < `${y}-01-01` ? `${y}-01-02` : date;
    const d = d0 > today ? today : d0;
    let left = cardsPerYear;
    while (left > 0) {
      const lines = [];
      for (let k = 0; k < 5 && left > 0; k++) {
        const [name, category, brand, model, price] = pick(ASSETS);
        const q = Math.min(left, bench ? int(5, 20) : int(1, 3));
        left -= q;
        lines.push({ name, unit: '台', quantity: q, unitPrice: price, assetCategory: category, brand, model });
      }
      const p = await call(clerk, 'supplies.purchaseCreate', { orderNo: `ZC${y}${String(++seq).padStart(5, '0')}`, supplier: pick(['湖南某某科技有限公司', '长沙某某电脑有限公司', '湖南某某家具有限公司']), buyerId: me.id, purchasedOn: d, lines });
      const a = await call(clerk, 'supplies.accept', {
        id: p.id,
        acceptedOn: d,
        acceptorIds: [me.id, colleague.id],
        lines: p.lines.map((l: { id: number; quantity: number }) => ({ lineId: l.id, acceptedQty: l.quantity, quality: 'ok' })),
        opinion: '设备型号、配置与合同一致，开箱检验、通电测试正常，同意验收',
      });
      void a;
      const fresh = (await call(clerk, 'assets.list', { year: y, state: 'idle', pageSize: 500, sort: '-number' })).rows as { id: number; originalValue: number }[];
      // Hand them out by department, a batch per person.
      const byPerson = new Map<number, number[]>();
      for (const c of fresh) {
        if (known.has(c.id)) continue;
        known.add(c.id);
        const inUse = rand() < 0.85;
        assetIds.push({ id: c.id, year: y, inUse, value: c.originalValue });
        if (!inUse) continue;
        const who = pick(staff);
        byPerson.set(who.id, [...(byPerson.get(who.id) ?? []), c.id]);
      }
      for (const [uid, ids] of byPerson) {
        const who = staff.find((x) => x.id === uid)!;
        for (let at = 0; at < ids.length; at += 500) await call(clerk, 'assets.assign', { assetIds: ids.slice(at, at + 500), userId: uid, location: pick(ROOMS[who.department] ?? ['机关大楼 105 室']), date: d });
      }
    }
    log(`固定资产：${y} 年入账完毕，累计 ${assetIds.length} 张卡片`);
  }

  // Some history: transfers, repairs, disposals of old equipment.
  const inUse = assetIds.filter((a) => a.inUse);
  const moveDate = today;
  for (let k = 0; k < (bench ? 60 : 3); k++) {
    const a = inUse[Math.floor(rand() * inUse.length)];
    const who = pick(staff);
    const r = await core.call(clerk, 'assets.transfer', { assetIds: [a.id], userId: who.id, location: pick(ROOMS[who.department] ?? ['机关大楼 105 室']), note: '人员岗位调整', date: moveDate });
    void r;
  }
  const repairs = inUse.slice(0, bench ? 30 : 2).map((a) => a.id);
  await call(clerk, 'assets.repairStart', { assetIds: repairs, note: '开机蓝屏，送售后维修', date: moveDate });
  if (repairs.length > 1) await call(clerk, 'assets.repairEnd', { assetIds: repairs.slice(1), note: '更换硬盘后正常', cost: 45_000, date: moveDate });
  const old = assetIds.filter((a) => a.year === startYear && !repairs.includes(a.id));
  const disposal = async (ids: number[], method: string, reason: string, decisionRef = '', approve = true, execute = true) => {
    const d = await call(clerk, 'assets.disposalCreate', { assetIds: ids, method, reason, decisionRef });
    if (!approve) return;
    await call(clerk, 'assets.disposalApprove', { id: d.id, approval: paperApproval(leader, today, `资处审〔${year}〕${d.id}号`) });
    if (execute) await call(clerk, 'assets.disposalExecute', { id: d.id, note: '交区机关事务管理局统一回收处置', proceeds: 0 });
  };
  let cursor = 0;
  const take = (n: number) => old.slice(cursor, (cursor += n)).map((a) => a.id);
  const valueOf = (ids: number[]) => assetIds.filter((a) => ids.includes(a.id)).reduce((x, a) => x + a.value, 0);
  for (let k = 0; k < (bench ? 20 : 1); k++) {
    const ids = take(bench ? 10 : 2);
    if (!ids.length) break;
    await disposal(ids, 'scrap', '使用年限已满，经鉴定无维修价值', valueOf(ids) >= 5_000_000 ? `党组会议 ${year}年第3次 议题${k + 2}` : '');
  }
  const pendingIds = take(2);
  if (pendingIds.length) await disposal(pendingIds, 'scrap', '故障频繁，维修费用超过残值', valueOf(pendingIds) >= 5_000_000 ? `党组会议 ${year}年第4次 议题2` : '', false);
  // The most valuable of the rest: their total calls for a collective decision (三重一大).
  const rest = old.slice(cursor).sort((x, y) => y.value - x.value);
  const bigIds = rest.slice(0, bench ? 20 : 8).map((a) => a.id);
  if (bigIds.length) await disposal(bigIds, 'transfer', '机构改革，随职能划转至区综合行政执法局', valueOf(bigIds) >= 5_000_000 ? `党组会议 ${year}年第5次 议题1` : '', true, false);

  // A verification of one department.
  const groups = (await call(clerk, 'assets.groups', { by: 'department' })) as { key: string; count: number }[];
  const dept = groups.find((g) => g.key)?.key ?? '办公室';
  const check = await call(clerk, 'assets.checkCreate', { title: `${year}年${dept}资产清查`, checkedOn: today, scope: 'department', scopeValue: dept });
  const results = check.lines.map((l: { id: number; bookLocation: string }, k: number) => ({
    lineId: l.id,
    result: k === 1 ? 'moved' : 'ok',
    actualLocation: k === 1 ? '法律援助中心 103 室' : '',
    note: k === 1 ? '随人员调整换了办公室，未办理调拨' : '',
  }));
  await call(clerk, 'assets.checkSave', { id: check.id, checkerId: me.id, reviewerId: colleague.id, lines: results });
  if (!bench) log(`固定资产：${dept}清查表 ${check.number} 待确认`);
  else await call(clerk, 'assets.checkConfirm', { id: check.id });
  log(`固定资产：卡片 ${assetIds.length} 张，处置与清查已就绪`);
}
