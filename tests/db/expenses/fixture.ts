// An office for the expenses tests, on top of the minutes bureau (so 党组会议 decisions are real):
// 赵敏 applies, 李晓梅 (clerk) records, 刘洋 witnesses, 周建华 heads the office, 何平 is the 分管领导,
// 吴涛 does the finance review, 王志强 is the principal.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Input } from '../../../db/contract';
import { addUser, businessSnapshot, ok, refused } from '../../helpers';
import { approvedItem, bureau as minutesBureau, cosign, partyMeeting, TODAY, type Bureau as MinutesBureau } from '../minutes/fixture';

export { cosign, TODAY };

/** A valid 20-digit 数电 invoice number made from a short test key ('1', 'T-1'): distinct keys, distinct numbers. */
export const invoiceNo = (key: string) => `2544${[...key].map((c) => c.charCodeAt(0)).join('').padStart(16, '0').slice(-16)}`;

export async function office(opts: Parameters<typeof minutesBureau>[0] = {}) {
  const b = await minutesBureau(opts);
  const fin = await addUser(b.core, b.admin, 'fin', ['clerk'], '吴涛');
  // 分管领导 of 办公室 (everyone's department in these tests) is 何平.
  await ok(b.core, b.admin, 'seals.setDeptLeader', { department: '办公室', leaderId: b.leader.id });
  // 周建华 heads 办公室: the 科室负责人 who signs its reimbursements.
  const dept = (await ok(b.core, b.admin, 'departments.list', {})).find((d) => d.name === '办公室')!;
  await ok(b.core, b.admin, 'departments.save', { id: dept.id, name: '办公室', headId: b.office.id, activeFrom: dept.activeFrom });
  await ok(b.core, b.admin, 'expenses.saveSettings', { ...(await ok(b.core, b.admin, 'expenses.settings', {})), financeIds: [fin.id], principalIds: [b.secretary.id] });
  return { ...b, fin, s: b.clerk.session };
}
export type Office = Awaited<ReturnType<typeof office>>;

export const cat = async (o: Office, name: string) => (await ok(o.core, o.s, 'expenses.categories', {})).find((c) => c.name === name)!.id;

export async function apply(o: Office, over: Partial<Input<'expenses.apply'>> = {}) {
  return ok(o.core, o.s, 'expenses.apply', { applicantId: o.presenter.id, categoryId: await cat(o, '办公费'), purpose: '购买打印机硒鼓', budgetItem: '办公费-日常公用', estimatedFen: 123_450, ...over });
}

/** Applied, approved through its whole tier, accepted by 刘洋. */
export async function acceptedApp(o: Office, over: Partial<Input<'expenses.apply'>> = {}, lines: Input<'expenses.accept'>['lines'] = []) {
  let a = await apply(o, over);
  const signers = ['lead', 'sec'];
  for (let i = 0; a.state === 'pending'; i++) a = await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign(signers[i]) });
  expect(a.state).toBe('approved');
  return ok(o.core, o.s, 'expenses.accept', { applicationId: a.id, witnessId: o.clerk2.id, result: '货物已收到，数量型号与申请一致', lines });
}

export const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]).toString('base64');
export const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64)]).toString('base64');

export async function receipts(o: Office, claimId: number, n = 2) {
  for (let i = 0; i < n; i++) await ok(o.core, o.s, 'expenses.attach', { objectType: 'expense_claim', objectId: claimId, kind: 'receipt', name: `发票${i + 1}.${i % 2 ? 'pdf' : 'png'}`, dataBase64: i % 2 ? pdf() : png() });
}

/** Sign every remaining step with the right person. */
export const CHAIN: Record<string, string> = { 经办人: 'pres', 验收人: 'clerk2', 科室负责人: 'office', 分管领导: 'lead', 超额审批: 'sec', 财务审核: 'fin', 单位负责人: 'sec' };
export async function signAll(o: Office, claimId: number) {
  let k = await ok(o.core, o.s, 'expenses.get', { id: claimId });
  while (k.state === 'signing') k = await ok(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign(CHAIN[k.nextStep!], 'approved', k.nextStep === '分管领导' ? '票据齐全，符合规定' : '同意') });
  return k;
}

/** A finalised (or draft) 党组会议 decision item for an amount. */
export async function decision(o: MinutesBureau, amountFen: number, finalise = true) {
  const a = await approvedItem(o, { title: '关于举办全区人民调解员培训班的请示', major: 'fund', amount: amountFen, decisionSought: '同意举办培训班并列支经费' });
  const m = await ok(o.core, o.clerk.session, 'minutes.create', {
    ...partyMeeting(o),
    items: [
      {
        agendaId: a.id,
        title: '（取自审核表）',
        presenter: { name: '赵敏' },
        remarks: [{ speaker: { name: '王志强' }, content: '同意，严格按标准列支。' }],
        voteFor: 5,
        voteAgainst: 0,
        voteAbstain: 0,
        outcome: 'passed',
        decision: '同意举办培训班，经费从业务费列支。',
        executor: '人民调解科',
      },
    ],
  });
  if (finalise) await ok(o.core, o.clerk.session, 'minutes.finalise', { id: m.id });
  return m.items[0].id;
}

/** A refused call: its field, a Chinese message, and nothing changed. */
export async function refusedCleanly(o: Office, method: string, input: unknown, field?: string, session = o.s) {
  const before = businessSnapshot(o.core);
  const e = await refused(o.core, session, method, input);
  if (field !== undefined) expect(e.field).toBe(field);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(businessSnapshot(o.core)).toBe(before);
  return e;
}
