// A bureau with people, posts, departments and three seals, for the seal register's tests.
import type { Core, CoreOptions } from '../../../db/core/core';
import type { Input } from '../../../db/contract';
import { STRONG, addUser, makeCore, ok, setupAdmin } from '../../helpers';

export async function person(core: Core, admin: string, login: string, roles: ('admin' | 'clerk' | 'approver' | 'auditor')[], name: string, department: string, post = '') {
  const u = await addUser(core, admin, login, roles, name);
  await ok(core, admin, 'accounts.update', { id: u.id, name, department, post, roles });
  return u;
}

export async function bureau(opts: Partial<CoreOptions> = {}) {
  const core = makeCore(undefined, opts);
  const admin = await setupAdmin(core);
  const clerk = await person(core, admin, 'clerk1', ['clerk'], '李晓梅', '办公室', '科员');
  const keeper = await person(core, admin, 'keeper', ['clerk'], '张敏', '办公室', '档案员');
  const keeper2 = await person(core, admin, 'keeper2', ['clerk'], '郑华', '办公室', '科员');
  const chief = await person(core, admin, 'chief', ['approver'], '王志强', '局领导', '局长');
  const deputy = await person(core, admin, 'deputy', ['approver'], '何平', '局领导', '副局长');
  const applicant = await person(core, admin, 'zhaomin', ['clerk'], '赵敏', '法律援助中心', '主任');
  const witness = await person(core, admin, 'liuyang', ['clerk'], '刘洋', '政工室', '主任');
  const auditor = await person(core, admin, 'audit1', ['auditor'], '陈静', '派驻纪检监察组', '组长');
  await ok(core, admin, 'seals.setDeptLeader', { department: '法律援助中心', leaderId: deputy.id });
  const c = clerk.session;
  const bureauSeal = await ok(core, c, 'seals.sealCreate', { name: '××区司法局', kind: 'official', approverRule: 'post', approverPost: '局长', enabledOn: '2020-01-01', custodianId: keeper.id });
  const financeSeal = await ok(core, c, 'seals.sealCreate', { name: '××区司法局财务专用章', kind: 'finance', approverRule: 'person', approverId: chief.id, enabledOn: '2020-01-01', custodianId: keeper2.id });
  const deptSeal = await ok(core, c, 'seals.sealCreate', { name: '××区法律援助中心', kind: 'department', approverRule: 'deptLeader', enabledOn: '2021-03-01', custodianId: keeper.id });
  return { core, admin, clerk, keeper, keeper2, chief, deputy, applicant, witness, auditor, bureauSeal, financeSeal, deptSeal, c };
}
export type Bureau = Awaited<ReturnType<typeof bureau>>;

export const cosign = (login: string, decision: 'approved' | 'rejected' = 'approved', comment = '同意') => ({ mode: 'cosign' as const, decision, comment, login, password: STRONG });

export function request(b: Bureau, extra: Partial<Input<'seals.request'>> = {}): Input<'seals.request'> {
  return { sealId: b.bureauSeal.id, reason: '报送年度工作总结', documentTitle: '××区司法局2025年工作总结', documentNo: '×司发〔2025〕12号', copies: 5, applicantId: b.applicant.id, ...extra };
}

/** A request taken through approval by the 局长 (co-sign). */
export async function approved(b: Bureau, extra: Partial<Input<'seals.request'>> = {}) {
  const r = await ok(b.core, b.c, 'seals.request', request(b, extra));
  return ok(b.core, b.c, 'seals.approve', { id: r.id, approval: cosign('chief') });
}

export const day = (offset = 0) => {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};
