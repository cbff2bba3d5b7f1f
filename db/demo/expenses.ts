// Demo data for 备用金与费用报销: applications approved by tier, acceptance by a witness,
// reimbursements with a scanned receipt and the whole paper signature chain, paid by card, transfer
// or from the petty-cash fund; advances settled by reimbursements and cash. Walked through the core's
// own methods in date order (the cash journal only moves forward). Deterministic for a given day.
import { createHash } from 'node:crypto';
import type { Core } from '../core/core';
import { addDays, shanghaiDate } from '../core/time';
import { sized, signedJustNow } from './size';

type Call = <T = any>(session: string, method: string, input: unknown) => Promise<T>;
interface Person {
  id: number;
  name: string;
  login: string;
  department: string;
  roles: string[];
  active: boolean;
}

/** [category, purpose, budget item, typical amount in 分, payment]. */
const SPENDING: [string, string, string, number, 'card' | 'transfer' | 'cash'][] = [
  ['办公费', '购买打印机硒鼓和复印纸', '办公费-日常公用', 186_000, 'card'],
  ['办公费', '订阅报刊杂志', '办公费-日常公用', 64_800, 'transfer'],
  ['办公费', '购买档案盒、文件夹等耗材', '办公费-日常公用', 23_600, 'cash'],
  ['差旅费', '赴市司法局参加业务培训', '差旅费', 128_000, 'card'],
  ['差旅费', '赴省司法厅报送材料', '差旅费', 96_500, 'card'],
  ['会议费', '召开全区司法行政工作会议', '会议费', 368_000, 'transfer'],
  ['维修费', '维修办公楼空调', '维修费-房屋设备', 245_000, 'transfer'],
  ['维修费', '更换会议室投影灯泡', '维修费-房屋设备', 42_000, 'cash'],
  ['培训费', '举办人民调解员业务培训班', '业务费-培训', 1_280_000, 'transfer'],
  ['法律援助办案补贴', '发放法律援助案件办案补贴', '法律援助专项', 960_000, 'transfer'],
  ['人民调解以奖代补', '发放人民调解“以奖代补”经费', '人民调解专项', 720_000, 'transfer'],
  ['其他', '购买普法宣传品', '普法专项', 158_000, 'card'],
];
const BASIS: Record<string, string> = {
  培训费: '××区司法局关于举办人民调解员培训班的通知',
  法律援助办案补贴: '××区法律援助办案补贴标准（区司发〔2024〕3号）',
  人民调解以奖代补: '××区人民调解“以奖代补”实施办法（区司发〔2023〕11号）',
};

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** A tiny but real PNG header with unique content: one "scan" per receipt. */
const receiptScan = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), createHash('sha256').update(`receipt-${n}`).digest()]).toString('base64');

export async function seedExpenses(core: Core, s: { admin: string; clerk: string; leaderLogin: string; password: string }, scale: 'small' | 'bench', log: (l: string) => void, size = 1): Promise<void> {
  const call: Call = async (session, method, input) => {
    const r = await core.call(session, method, input);
    if (!r.ok) throw new Error(`费用报销演示数据：${method} 失败：${r.error.message}${r.error.field ? `（${r.error.field}）` : ''}`);
    return r.data as never;
  };
  const c = s.clerk;
  if ((await call<{ total: number }>(c, 'expenses.list', { pageSize: 1 })).total > 0) {
    log('费用报销：已有报销单，跳过演示数据');
    return;
  }
  const bench = scale === 'bench';
  const people = (await call<{ rows: Person[] }>(s.admin, 'accounts.list', { pageSize: 500 })).rows.filter((p) => p.active);
  const byName = (n: string) => people.find((p) => p.name === n);
  const chief = people.find((p) => p.login === s.leaderLogin)!;
  const approvers = people.filter((p) => p.roles.includes('approver'));
  const finance = byName('吴涛') ?? people.find((p) => p.roles.includes('clerk') && p.login !== 'demo-clerk')!;
  const recorder = people.find((p) => p.login === 'demo-clerk')!;
  const everyone = people.filter((p) => !p.roles.includes('auditor') && p.id !== chief.id && p.id !== finance.id && p.id !== recorder.id && p.login !== 'demo-admin' && !p.login.startsWith('driver'));
  const witnesses = people.filter((p) => p.roles.includes('clerk') && p.id !== finance.id);
  const leaders = new Map((await call<{ department: string; leaderId: number | null }[]>(c, 'seals.deptLeaders', {})).map((d) => [d.department, d.leaderId]));
  // Each department's 科室负责人 and a deputy (who signs when the head is the applicant): its own people,
  // never the 分管领导, the principal or finance, who sign other steps of the same claim.
  const signersOf = new Map<string, number[]>();
  const busy = new Set([chief.id, finance.id, recorder.id, ...[...leaders.values()].filter((x): x is number => !!x)]);
  for (const d of await call<{ id: number; name: string; activeFrom: string; head: { id: number } | null; deputies: { id: number }[] }[]>(s.admin, 'departments.list', {})) {
    let ids = [d.head?.id, ...d.deputies.map((x) => x.id)].filter((x): x is number => !!x);
    if (!ids.length) {
      const members = people.filter((p) => p.department === d.name && !p.roles.includes('auditor') && !busy.has(p.id) && p.login !== 'demo-admin');
      ids = [...members.filter((p) => p.roles.includes('approver')), ...members.filter((p) => !p.roles.includes('approver'))].slice(0, 2).map((p) => p.id);
      if (ids.length) await call(s.admin, 'departments.save', { id: d.id, name: d.name, headId: ids[0], deputyIds: ids.slice(1), activeFrom: d.activeFrom });
    }
    signersOf.set(d.name, ids);
  }
  /** Who signs as 科室负责人 for this applicant: the head, or the deputy when the head applies. */
  const headFor = (p: Person) => (signersOf.get(p.department) ?? []).find((id) => id !== p.id);
  const applicants = everyone.filter((p) => headFor(p) !== undefined);
  await call(s.admin, 'expenses.saveSettings', { ...(await call(c, 'expenses.settings', {})), principalIds: [chief.id], financeIds: [finance.id] });
  const cats = new Map((await call<{ id: number; name: string }[]>(c, 'expenses.categories', {})).map((x) => [x.name, x.id]));

  const now = core.state.clock.now();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const rand = rng(Number(today.replace(/-/g, '')) + 9);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const first = bench ? `${year - 9}-01-05` : `${year - 1}-01-05`;
  const target = bench ? sized(30_000, size, 36) : 36;
  const days: string[] = [];
  for (let d = first; d < today; d = addDays(d, 1)) if (weekday(d) !== 0 && weekday(d) !== 6) days.push(d);
  const perDay = target / days.length;

  let filing = 0;
  // Signed in the afternoon of the day; today, a minute ago (a signature is never in the future).
  const signedAt = (date: string) => (date === today ? signedJustNow(now, today) : `${date}T16:${String(10 + (filing % 40)).padStart(2, '0')}:00+08:00`);
  const paper = (signerId: number, date: string, comment = '同意') => ({ mode: 'paper', decision: 'approved', comment, signerId, signedAt: signedAt(date), filingNo: `财审-${date.slice(0, 4)}-${String(++filing).padStart(5, '0')}` });
  const other = (not: number[]) => approvers.find((a) => !not.includes(a.id)) ?? approvers[0];

  await call(c, 'expenses.cashEntry', { kind: 'opening', amountFen: 2_000_000, entryDate: first, note: '建立备用金（财政拨付）' });
  let balance = 2_000_000;
  let claims = 0;
  let scan = 0;
  const advances: { id: number; borrower: Person; amount: number; settleOn: string }[] = [];
  let carry = 0;

  const applyAndAccept = async (applicant: Person, spend: (typeof SPENDING)[number], amount: number, appliedOn: string, acceptedOn: string) => {
    const [category, purpose, budgetItem] = spend;
    let a = await call<{ id: number; state: string; signatures: { step: string }[] }>(c, 'expenses.apply', {
      applicantId: applicant.id,
      categoryId: cats.get(category),
      purpose,
      budgetItem,
      estimatedFen: amount,
      basisDoc: BASIS[category] ?? '',
      appliedOn,
    });
    const leaderId = leaders.get(applicant.department) ?? other([applicant.id]).id;
    const signed: number[] = [];
    while (a.state === 'pending') {
      const signer = signed.length === 0 ? leaderId : other([applicant.id, ...signed]).id;
      a = await call(c, 'expenses.appApprove', { id: a.id, approval: paper(signer, appliedOn) });
      signed.push(signer);
    }
    const witness = pick(witnesses.filter((w) => w.id !== applicant.id));
    await call(c, 'expenses.accept', { applicationId: a.id, witnessId: witness.id, acceptedOn, result: '经查验，货物（服务）与申请一致，票据真实' });
    return { appId: a.id, leaderId, witness };
  };

  /** File the claim, attach its scans, walk the paper chain; pay it unless `leave` says where to stop. */
  const reimburse = async (applicant: Person, spend: (typeof SPENDING)[number], amount: number, d: string, opts: { advanceId?: number; method?: 'card' | 'transfer' | 'cash'; leave?: 'signing' | 'approved' } = {}) => {
    const appliedOn = addDays(d, -1 - Math.floor(rand() * 6));
    const { appId, leaderId, witness } = await applyAndAccept(applicant, spend, amount, appliedOn, addDays(d, -1));
    let method = opts.method ?? spend[4];
    if (method === 'cash' && amount > balance) method = 'card';
    const k = await call<{ id: number; number: string; state: string; nextStep: string | null }>(c, 'expenses.claim', {
      applicationId: appId,
      advanceId: opts.advanceId,
      paymentMethod: method,
      claimedOn: d,
      lines: [{ invoiceNo: `${d.slice(2, 4)}442000${d.slice(5, 7)}${d.slice(8, 10)}${String(++scan).padStart(8, '0')}`, invoiceDate: addDays(d, -1), description: spend[1].slice(0, 40), amountFen: amount }],
    });
    await call(c, 'expenses.attach', { objectType: 'expense_claim', objectId: k.id, kind: 'receipt', name: `发票${scan}.png`, dataBase64: receiptScan(scan) });
    if (BASIS[spend[0]]) await call(c, 'expenses.attach', { objectType: 'expense_claim', objectId: k.id, kind: 'basis', name: `${spend[0]}依据.png`, dataBase64: receiptScan(-scan) });
    const who: Record<string, number> = { 经办人: applicant.id, 验收人: witness.id, 科室负责人: headFor(applicant)!, 分管领导: leaderId, 超额审批: chief.id, 财务审核: finance.id, 单位负责人: chief.id };
    let state = k;
    while (state.state === 'signing') {
      if (opts.leave === 'signing' && state.nextStep === '分管领导') break;
      state = await call(c, 'expenses.sign', { id: k.id, approval: paper(who[state.nextStep!], d, state.nextStep === '分管领导' ? '经审核，支出符合规定，票据齐全' : '同意') });
    }
    claims++;
    if (state.state !== 'approved' || opts.leave) return;
    const paid = await call<{ offsetFen: number }>(c, 'expenses.pay', { id: k.id, paidOn: d, voucherNo: `记-${d.slice(0, 7)}-${String(claims).padStart(5, '0')}` });
    if (method === 'cash') balance -= amount - paid.offsetFen;
  };

  for (const [i, d] of days.entries()) {
    carry += perDay;
    // Top the fund up when it runs low, as the finance office does.
    if (balance < 600_000) {
      await call(c, 'expenses.cashEntry', { kind: 'topup', amountFen: 1_500_000, entryDate: d, note: '补充备用金（财务室提现）' });
      balance += 1_500_000;
    }
    // Advances due for settling: a travel reimbursement offsets them and the rest comes back in cash.
    while (advances.length && advances[0].settleOn <= d) {
      const v = advances.shift()!;
      const used = Math.round((v.amount * (0.6 + rand() * 0.35)) / 100) * 100;
      await reimburse(v.borrower, SPENDING[3], used, d, { advanceId: v.id, method: 'card' });
      await call(c, 'expenses.advanceReturn', { id: v.id, amountFen: v.amount - used, returnedOn: d, note: '交回差旅借款余额' });
      balance += v.amount - used;
    }
    while (carry >= 1) {
      carry -= 1;
      const applicant = pick(applicants);
      const spend = pick(SPENDING.slice(0, bench ? SPENDING.length : SPENDING.length));
      const amount = Math.max(1_000, Math.round((spend[3] * (0.5 + rand())) / 10) * 10);
      await reimburse(applicant, spend, Math.min(amount, 1_999_000), d);
      // Now and then someone borrows for a trip, paid from the fund.
      if (rand() < (bench ? 0.03 : 0.12) && balance > 400_000) {
        const borrower = pick(applicants);
        const amount = 200_000 + Math.round(rand() * 10) * 10_000;
        const v = await call<{ id: number; state: string }>(c, 'expenses.advance', { borrowerId: borrower.id, purpose: '赴外地参加业务培训差旅借款', amountFen: amount, paymentMethod: 'cash', appliedOn: d });
        let st = v;
        const signed: number[] = [];
        while (st.state === 'pending') {
          const signer = signed.length === 0 ? (leaders.get(borrower.department) ?? other([borrower.id]).id) : other([borrower.id, ...signed]).id;
          st = await call(c, 'expenses.advanceApprove', { id: v.id, approval: paper(signer, d) });
          signed.push(signer);
        }
        await call(c, 'expenses.advancePay', { id: v.id, paidOn: d });
        balance -= amount;
        advances.push({ id: v.id, borrower, amount, settleOn: addDays(d, 10 + Math.floor(rand() * 20)) });
      }
    }
    // Month-end cash count on the month's last working day (the book must agree with the count).
    const month = d.slice(0, 7);
    if ((i === days.length - 1 || days[i + 1].slice(0, 7) !== month) && month < today.slice(0, 7)) {
      await call(c, 'expenses.cashCount', { month, countedFen: balance, checkerId: finance.id, note: '' });
    }
    if (bench && claims % 2000 < perDay) log(`费用报销：已登记 ${claims} 张报销单（${d}）`);
  }
  // Open work for the home page: an application waiting, a claim mid-chain, one approved and unpaid.
  const pending = pick(applicants);
  await call(c, 'expenses.apply', { applicantId: pending.id, categoryId: cats.get('办公费'), purpose: '购买碎纸机', budgetItem: '办公费-日常公用', estimatedFen: 128_000 });
  await reimburse(pick(applicants), SPENDING[1], 64_800, today, { leave: 'signing' });
  await reimburse(pick(applicants), SPENDING[6], 188_000, today, { leave: 'approved' });
  log(`费用报销：共 ${claims} 张报销单，${advances.length} 笔借支未结清`);
}
