// Departments as a managed list (issue 25): each with its head and deputies and a kept history; the
// 科室负责人 of a reimbursement is the head of the applicant's own department or a named deputy —
// whatever their role — and never any 审批人 of another department.
import { describe, expect, it } from 'vitest';
import { addUser, businessSnapshot, ok, refused } from '../helpers';
import { acceptedApp, apply, cosign, invoiceNo, office, receipts } from './expenses/fixture';

const line = (key: string, amountFen: number) => ({ invoiceNo: invoiceNo(key), invoiceDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), description: '硒鼓', amountFen });

async function setHead(o: Awaited<ReturnType<typeof office>>, name: string, headId: number | null, deputyIds: number[] = []) {
  const d = (await ok(o.core, o.admin, 'departments.list', {})).find((x) => x.name === name)!;
  return ok(o.core, o.admin, 'departments.save', { id: d.id, name, headId, deputyIds, activeFrom: d.activeFrom });
}

describe('the 科室负责人 of a reimbursement', () => {
  it('is the head of the applicant’s department, even without the 审批人 role, or a named deputy; an 审批人 of another department is refused', async () => {
    const o = await office();
    // 办公室主任 孙强 holds no 审批人 role; 钱伟 heads 政工室 and is an 审批人.
    const head = await addUser(o.core, o.admin, 'sunq', ['clerk'], '孙强');
    const other = await addUser(o.core, o.admin, 'qianw', ['approver'], '钱伟');
    await ok(o.core, o.admin, 'accounts.update', { id: other.id, name: '钱伟', department: '政工室', post: '主任', roles: ['approver'] });
    await setHead(o, '政工室', other.id);
    await setHead(o, '办公室', head.id, [o.office.id]);
    const claim = async (no: string) => {
      const a = await acceptedApp(o);
      const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line(no, 50_000)] });
      await receipts(o, k.id, 1);
      for (const step of ['pres', 'clerk2']) await ok(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign(step) });
      return k;
    };
    const k = await claim('9001');
    expect((await ok(o.core, o.s, 'expenses.get', { id: k.id })).nextStep).toBe('科室负责人');
    const before = businessSnapshot(o.core);
    expect((await refused(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign('qianw') })).message).toBe('钱伟不是本事项指定的审批人。');
    expect(businessSnapshot(o.core)).toBe(before);
    const signed = await ok(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign('sunq') });
    expect(signed.signatures.find((s) => s.step === '科室负责人')?.signerName).toBe('孙强');
    // The deputy named for 办公室 signs another.
    const k2 = await claim('9002');
    const byDeputy = await ok(o.core, o.s, 'expenses.sign', { id: k2.id, approval: cosign('office') });
    expect(byDeputy.signatures.find((s) => s.step === '科室负责人')?.signerName).toBe('周建华');
    o.core.close();
  });

  it('a tier step of a prior application named 科室负责人 is signed the same way', async () => {
    const o = await office();
    const head = await addUser(o.core, o.admin, 'sunq', ['clerk'], '孙强');
    await setHead(o, '办公室', head.id);
    const settings = await ok(o.core, o.admin, 'expenses.settings', {});
    await ok(o.core, o.admin, 'expenses.saveSettings', { ...settings, tiers: [{ above: 0, steps: [{ name: '科室负责人', deptLeader: false, approverIds: [] }] }] });
    const a = await apply(o);
    expect((await refused(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign('lead') })).message).toBe('何平不是本事项指定的审批人。');
    expect(await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign('sunq') })).toMatchObject({ state: 'approved' });
    o.core.close();
  });

  it('a department without a head: the claim is refused until the administrator names one', async () => {
    const o = await office();
    await setHead(o, '办公室', null);
    const a = await acceptedApp(o);
    const e = await refused(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line('9101', 50_000)] });
    expect(e.message).toBe('申请部门“办公室”尚未设置科室负责人：请系统管理员在“设置 › 部门”中指定后再办理');
    o.core.close();
  });
});

describe('the list of departments', () => {
  it('keeps who headed each department when, renames carry their people, nobody deletes one, and only the administrator edits it', async () => {
    const o = await office();
    // A new account's department joins the list.
    const u = await addUser(o.core, o.admin, 'newbie', ['clerk'], '新人');
    await ok(o.core, o.admin, 'accounts.update', { id: u.id, name: '新人', department: '法制科', post: '', roles: ['clerk'] });
    const names = (await ok(o.core, o.s, 'departments.list', {})).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['办公室', '法制科']));
    await setHead(o, '法制科', u.id);
    const renamed = await (async () => {
      const d = (await ok(o.core, o.admin, 'departments.list', {})).find((x) => x.name === '法制科')!;
      return ok(o.core, o.admin, 'departments.save', { id: d.id, name: '法治督察科', headId: o.office.id, activeFrom: d.activeFrom });
    })();
    expect(renamed).toMatchObject({ name: '法治督察科', head: { name: '周建华' }, staff: 1 });
    expect((await ok(o.core, o.admin, 'accounts.list', { pageSize: 100 })).rows.find((x) => x.id === u.id)?.department).toBe('法治督察科');
    const history = await ok(o.core, o.s, 'departments.history', { id: renamed.id });
    expect(history.map((h) => [h.name, h.head])).toEqual([
      ['法制科', null],
      ['法制科', '新人'],
      ['法治督察科', '周建华'],
    ]);
    // Heads are open accounts and never auditors; the clerk cannot edit the list.
    expect((await refused(o.core, o.admin, 'departments.save', { id: renamed.id, name: '法治督察科', headId: o.auditor.id, activeFrom: renamed.activeFrom })).message).toBe('陈静是审计员，不能担任签批职务');
    expect((await refused(o.core, o.s, 'departments.save', { id: renamed.id, name: '法治督察科', headId: null, activeFrom: renamed.activeFrom })).code).toBe('forbidden');
    expect(() => o.core.state.db.prepare('DELETE FROM departments WHERE id = ?').run(renamed.id)).toThrow('部门不可删除');
    expect(() => o.core.state.db.prepare('DELETE FROM department_history').run()).toThrow('部门历史不可删除');
    // Closed departments leave the list people choose from, and stay in the full one.
    const closed = await ok(o.core, o.admin, 'departments.save', { name: '档案室', headId: null, activeFrom: '2018-01-01', activeTo: '2025-12-31' });
    expect(closed.active).toBe(false);
    expect((await ok(o.core, o.s, 'departments.list', {})).map((d) => d.name)).not.toContain('档案室');
    expect((await ok(o.core, o.s, 'departments.list', { includeClosed: true })).map((d) => d.name)).toContain('档案室');
    o.core.close();
  });
});
