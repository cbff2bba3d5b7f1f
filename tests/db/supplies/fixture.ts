// A bureau with a storekeeper, staff, leaders and a small item catalogue, for the supplies and
// assets tests.
import { expect } from 'vitest';
import type { Core } from '../../../db/core/core';
import type { Input } from '../../../db/contract';
import { STRONG, addUser, businessSnapshot, makeCore, ok, refused } from '../../helpers';

export async function person(core: Core, admin: string, login: string, roles: ('admin' | 'clerk' | 'approver' | 'auditor')[], name: string, department: string, post = '') {
  const u = await addUser(core, admin, login, roles, name);
  await ok(core, admin, 'accounts.update', { id: u.id, name, department, post, roles });
  return u;
}

export const day = (offset = 0) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export async function bureau(dataDir?: string) {
  const core = makeCore(dataDir);
  const admin = (await ok(core, null, 'accounts.setup', { unitName: '××区司法局', login: 'admin', password: STRONG, name: '周建国', department: '办公室', roles: ['admin'] })).sessionId;
  const clerk = await person(core, admin, 'clerk1', ['clerk'], '李晓梅', '办公室', '科员');
  const clerk2 = await person(core, admin, 'clerk2', ['clerk'], '郑华', '办公室', '科员');
  const chief = await person(core, admin, 'chief', ['approver'], '王志强', '局领导', '局长');
  const deputy = await person(core, admin, 'deputy', ['approver'], '何平', '局领导', '副局长');
  const office = await person(core, admin, 'officehead', ['approver'], '马骏', '办公室', '办公室主任');
  const staff = await person(core, admin, 'zhaomin', ['clerk'], '赵敏', '法律援助中心', '主任');
  const auditor = await person(core, admin, 'audit1', ['auditor'], '陈静', '派驻纪检监察组', '组长');
  const c = clerk.session;
  const paper = await ok(core, c, 'supplies.itemCreate', { name: 'A4复印纸', spec: '70g 500张/包', unit: '包', category: '办公用纸', reorderLevel: 10 });
  const pen = await ok(core, c, 'supplies.itemCreate', { name: '中性笔', spec: '0.5mm 黑色', unit: '支', category: '书写用品', reorderLevel: 20 });
  const toner = await ok(core, c, 'supplies.itemCreate', { name: '硒鼓', spec: 'HP 88A', unit: '个', category: '打印耗材', reorderLevel: 2 });
  const cable = await ok(core, c, 'supplies.itemCreate', { name: '网线', spec: '超五类', unit: '米', category: '电脑配件', wholeUnit: false });
  return { core, admin, clerk, clerk2, chief, deputy, office, staff, auditor, c, paper, pen, toner, cable };
}
export type Bureau = Awaited<ReturnType<typeof bureau>>;

export const cosign = (login: string, decision: 'approved' | 'rejected' = 'approved', comment = '同意') => ({ mode: 'cosign' as const, decision, comment, login, password: STRONG });
export const paper = (signerId: number, decision: 'approved' | 'rejected' = 'approved', filingNo = 'ZZ-001') => ({
  mode: 'paper' as const,
  decision,
  comment: '',
  signerId,
  signedAt: new Date(Date.now() - 1000).toISOString(),
  filingNo,
});

export function purchase(b: Bureau, extra: Partial<Input<'supplies.purchaseCreate'>> = {}): Input<'supplies.purchaseCreate'> {
  return {
    orderNo: `DZMC-${Math.random().toString(36).slice(2, 10)}`,
    supplier: '长沙市某某办公用品有限公司',
    buyerId: b.clerk.id,
    purchasedOn: day(),
    lines: [
      { itemId: b.paper.id, quantity: 50, unitPrice: 2_450 },
      { itemId: b.pen.id, quantity: 100, unitPrice: 150 },
    ],
    ...extra,
  };
}

/** A purchase accepted in full by the buyer and a colleague: the stock is in. */
export async function stocked(b: Bureau, extra: Partial<Input<'supplies.purchaseCreate'>> = {}) {
  const p = await ok(b.core, b.c, 'supplies.purchaseCreate', purchase(b, extra));
  return ok(b.core, b.c, 'supplies.accept', {
    id: p.id,
    acceptedOn: p.date,
    acceptorIds: [b.clerk.id, b.clerk2.id],
    lines: p.lines.map((l) => ({ lineId: l.id, acceptedQty: l.quantity, quality: 'ok' as const })),
    opinion: '货物与订单一致，同意验收',
  });
}

/** An approved requisition for the staff member. */
export async function approvedReq(b: Bureau, lines: { itemId: number; quantity: number }[]) {
  const r = await ok(b.core, b.c, 'supplies.requisitionCreate', { requesterId: b.staff.id, purpose: '日常办公', lines });
  let d = r;
  for (let i = 0; i < r.steps.length; i++) d = await ok(b.core, b.c, 'supplies.requisitionApprove', { id: r.id, approval: cosign(i === 0 ? 'officehead' : 'deputy') });
  return d;
}

/** The call is refused with a Chinese message (naming the field where given) and changes nothing. */
export async function refusedCleanly(b: { core: Core }, session: string, method: string, input: unknown, field?: string) {
  const before = businessSnapshot(b.core);
  const e = await refused(b.core, session, method, input);
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  if (field !== undefined) expect(e.field, e.message).toBe(field);
  expect(businessSnapshot(b.core)).toBe(before);
  return e;
}
