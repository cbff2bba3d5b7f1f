// The usage log: request → approval → stamping → take-out → return, the emergency exception,
// void and amendment, and every bad input of issue 5 refused in Chinese with nothing changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRONG, businessSnapshot, ok, refused } from '../../helpers';
import { approved, bureau, cosign, day, request, type Bureau } from './fixture';

afterEach(() => {
  vi.useRealTimers();
});

/** The call is refused with a Chinese message (naming the field where one is given) and changes nothing. */
async function refusedCleanly(b: Bureau, session: string, method: string, input: unknown, field?: string) {
  const before = businessSnapshot(b.core);
  const e = await refused(b.core, session, method, input);
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  if (field !== undefined) expect(e.field, e.message).toBe(field);
  expect(businessSnapshot(b.core)).toBe(before);
  return e;
}

describe('the whole process', () => {
  it('request → co-signed approval → stamping by the custodian → take-out → return, numbered per year and audited', async () => {
    const b = await bureau();
    const year = Number(day().slice(0, 4));
    const r = await ok(b.core, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(), plannedReturn: day(2) }));
    expect(r).toMatchObject({ number: `用印〔${year}〕第0001号`, state: 'pending', applicantName: '赵敏', department: '法律援助中心', sealName: '××区司法局' });
    expect(r.expectedApprovers.map((p) => p.name)).toEqual(['王志强']);
    expect(r.approverRuleText).toBe('局长');

    const a = await ok(b.core, b.c, 'seals.approve', { id: r.id, approval: cosign('chief') });
    expect(a).toMatchObject({ state: 'approved', approverName: '王志强', approvalMode: 'cosign', approvalDecision: 'approved' });

    const s = await ok(b.core, b.c, 'seals.stamp', { id: r.id, count: 5 });
    expect(s).toMatchObject({ state: 'stamped', stampedCount: 5, supervisorName: '张敏' });

    const o = await ok(b.core, b.c, 'seals.checkOut', { id: r.id });
    expect(o.state).toBe('out');
    const seal = await ok(b.core, b.c, 'seals.sealGet', { id: b.bureauSeal.id });
    expect(seal.seal).toMatchObject({ outOnUseId: r.id, outOnNumber: r.number });

    const back = await ok(b.core, b.c, 'seals.return', { id: r.id, confirmedById: b.keeper.id, note: '完好' });
    expect(back).toMatchObject({ state: 'returned', returnConfirmedName: '张敏', overdue: false, returnedLate: false });

    const second = await ok(b.core, b.c, 'seals.request', request(b));
    expect(second.number).toBe(`用印〔${year}〕第0002号`);

    const approvals = await ok(b.core, b.auditor.session, 'approvals.forObject', { objectType: 'seal_use', objectId: r.id });
    expect(approvals).toMatchObject([{ step: '用印审批', decision: 'approved', approverName: '王志强', recordedByName: '李晓梅' }]);
    const history = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'seal_use', objectId: String(r.id) });
    expect(history.map((h) => h.action)).toEqual(['seals.request', 'seals.approve', 'seals.stamp', 'seals.checkOut', 'seals.return']);
    b.core.close();
  });

  it('the approver follows the seal: named person, post, or the 分管领导 of the applicant’s department', async () => {
    const b = await bureau();
    const fin = await ok(b.core, b.c, 'seals.request', request(b, { sealId: b.financeSeal.id }));
    expect(fin.expectedApprovers.map((p) => p.name)).toEqual(['王志强']);
    const dept = await ok(b.core, b.c, 'seals.request', request(b, { sealId: b.deptSeal.id }));
    expect(dept.expectedApprovers.map((p) => p.name)).toEqual(['何平']);
    expect(dept.approverRuleText).toBe('申请部门分管领导（何平）');
    // The 局长 is not this department's 分管领导.
    const e = await refusedCleanly(b, b.c, 'seals.approve', { id: dept.id, approval: cosign('chief') }, 'approval.login');
    expect(e.message).toContain('不是本事项指定的审批人');
    await ok(b.core, b.c, 'seals.approve', { id: dept.id, approval: cosign('deputy') });
    // A department without a 分管领导 cannot request a departmental seal.
    const e2 = await refusedCleanly(b, b.c, 'seals.request', request(b, { sealId: b.deptSeal.id, applicantId: b.witness.id }), 'applicantId');
    expect(e2.message).toContain('政工室');
    expect(e2.message).toContain('分管领导');
    b.core.close();
  });

  it('a paper approval records signer, time and filing number; the approver may also sign in and co-sign themselves', async () => {
    const b = await bureau();
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const a = await ok(b.core, b.c, 'seals.approve', { id: r.id, approval: { mode: 'paper', decision: 'approved', comment: '', signerId: b.chief.id, signedAt: `${day()}T00:00:01+08:00`, filingNo: 'YY-2025-001' } });
    expect(a).toMatchObject({ approvalMode: 'paper', approverName: '王志强' });
    expect(a.approvedAt).toContain(day());
    const r2 = await ok(b.core, b.c, 'seals.request', request(b));
    await ok(b.core, b.chief.session, 'seals.approve', { id: r2.id, approval: cosign('chief', 'rejected', '内容不全') });
    expect((await ok(b.core, b.c, 'seals.get', { id: r2.id })).state).toBe('rejected');
    b.core.close();
  });

  it('stamping fewer copies than approved is recorded and noted', async () => {
    const b = await bureau();
    const a = await approved(b);
    const s = await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 3, remarks: '两份作废未盖' });
    expect(s).toMatchObject({ stampedCount: 3, copies: 5, remarks: '两份作废未盖' });
    b.core.close();
  });
});

describe('bad input (issue 5), each refused in Chinese and nothing changed', () => {
  it('empty, blank or "空白" document title', async () => {
    const b = await bureau();
    for (const t of ['', '   ', '\u3000\u3000', '空白', '空白介绍信', '无', '——']) {
      const e = await refusedCleanly(b, b.c, 'seals.request', request(b, { documentTitle: t }), 'documentTitle');
      expect(e.message).toMatch(/文件名称|空白/);
    }
    // A title merely containing the word is fine.
    await ok(b.core, b.c, 'seals.request', request(b, { documentTitle: '关于填补基层法律服务空白的报告' }));
    b.core.close();
  });

  it('zero, negative, fractional or absurd copies', async () => {
    const b = await bureau();
    for (const n of [0, -1, 2.5, 1e9]) await refusedCleanly(b, b.c, 'seals.request', request(b, { copies: n }), 'copies');
    b.core.close();
  });

  it('return before take-out, and a return time before the take-out time', async () => {
    const b = await bureau();
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    const e = await refusedCleanly(b, b.c, 'seals.return', { id: a.id, confirmedById: b.keeper.id });
    expect(e.message).toContain('尚未借出');
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 5 });
    await refusedCleanly(b, b.c, 'seals.return', { id: a.id, confirmedById: b.keeper.id });
    const o = await ok(b.core, b.c, 'seals.checkOut', { id: a.id });
    const early = new Date(new Date(o.outAt!).getTime() - 3600_000).toISOString();
    const e2 = await refusedCleanly(b, b.c, 'seals.return', { id: a.id, returnedAt: early, confirmedById: b.keeper.id }, 'returnedAt');
    expect(e2.message).toContain('不能早于借出时间');
    // The borrower cannot confirm their own return.
    await refusedCleanly(b, b.c, 'seals.return', { id: a.id, confirmedById: b.applicant.id }, 'confirmedById');
    b.core.close();
  });

  it('take-out without planned dates, or returning before going out', async () => {
    const b = await bureau();
    await refusedCleanly(b, b.c, 'seals.request', request(b, { takeOut: true }), 'plannedOut');
    await refusedCleanly(b, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(1) }), 'plannedReturn');
    const e = await refusedCleanly(b, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(2), plannedReturn: day(1) }), 'plannedReturn');
    expect(e.message).toContain('不能早于计划借出日期');
    await refusedCleanly(b, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(-1), plannedReturn: day(1) }), 'plannedOut');
    b.core.close();
  });

  it('overlapping take-outs of one seal', async () => {
    const b = await bureau();
    const first = await ok(b.core, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(1), plannedReturn: day(3) }));
    const e = await refusedCleanly(b, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(3), plannedReturn: day(5) }), 'plannedOut');
    expect(e.message).toContain(first.number);
    expect(e.code).toBe('conflict');
    // Adjacent windows and other seals are fine.
    await ok(b.core, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(4), plannedReturn: day(5) }));
    await ok(b.core, b.c, 'seals.request', request(b, { sealId: b.financeSeal.id, takeOut: true, plannedOut: day(1), plannedReturn: day(3) }));
    // Once voided, the window is free again.
    await ok(b.core, b.c, 'seals.void', { id: first.id, reason: '行程取消' });
    await ok(b.core, b.c, 'seals.request', request(b, { takeOut: true, plannedOut: day(2), plannedReturn: day(3) }));
    b.core.close();
  });

  it('a seal that is out cannot be stamped elsewhere, nor taken out twice', async () => {
    const b = await bureau();
    const out = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: out.id, count: 1 });
    await ok(b.core, b.c, 'seals.checkOut', { id: out.id });
    const other = await approved(b);
    const e = await refusedCleanly(b, b.c, 'seals.stamp', { id: other.id, count: 1 });
    expect(e.message).toContain('外带在外');
    expect(e.message).toContain(out.number);
    await ok(b.core, b.c, 'seals.return', { id: out.id, confirmedById: b.keeper.id });
    await ok(b.core, b.c, 'seals.stamp', { id: other.id, count: 1 });
    b.core.close();
  });

  it('a stamp entered afterwards cannot fall inside an earlier take-out of the same seal', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T01:00:00Z')); // 09:00 in Shanghai
    const b = await bureau();
    const other = await approved(b);
    const out = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day() });
    await ok(b.core, b.c, 'seals.stamp', { id: out.id, count: 1 });
    vi.setSystemTime(new Date('2026-03-10T02:00:00Z'));
    await ok(b.core, b.c, 'accounts.unlock', { password: STRONG }); // an hour idle locks the screen
    await ok(b.core, b.c, 'seals.checkOut', { id: out.id });
    vi.setSystemTime(new Date('2026-03-10T05:00:00Z'));
    await ok(b.core, b.c, 'accounts.unlock', { password: STRONG });
    await ok(b.core, b.c, 'seals.return', { id: out.id, confirmedById: b.keeper.id });
    // 11:30 the seal was out (10:00–13:00): a stamp recorded then is refused; 13:30 is fine.
    const e = await refusedCleanly(b, b.c, 'seals.stamp', { id: other.id, count: 1, stampedAt: '2026-03-10T11:30:00+08:00' }, 'stampedAt');
    expect(e.message).toContain(out.number);
    vi.setSystemTime(new Date('2026-03-10T06:00:00Z'));
    await ok(b.core, b.c, 'accounts.unlock', { password: STRONG });
    await ok(b.core, b.c, 'seals.stamp', { id: other.id, count: 1, stampedAt: '2026-03-10T13:30:00+08:00' });
    b.core.close();
  });

  it('approving one’s own request, or one the approver recorded', async () => {
    const b = await bureau();
    const own = await ok(b.core, b.c, 'seals.request', request(b, { applicantId: b.chief.id }));
    const e = await refusedCleanly(b, b.c, 'seals.approve', { id: own.id, approval: cosign('chief') }, 'approval.login');
    expect(e.message).toContain('不相容岗位分离');
    // The recorder cannot approve either (the clerk is no approver here, so give the clerk the role).
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const paper = { mode: 'paper' as const, decision: 'approved' as const, comment: '', signerId: b.clerk.id, signedAt: `${day()}T00:00:01+08:00`, filingNo: 'P-1' };
    await refusedCleanly(b, b.c, 'seals.approve', { id: r.id, approval: paper }, 'approval.signerId');
    // A wrong password is refused, audited naming the co-signer, and counts towards the co-signer's
    // lockout; the request itself is untouched.
    const failed = () => (b.core.state.db.prepare("SELECT failed_count FROM users WHERE login = 'chief'").get() as { failed_count: number }).failed_count;
    const use = () => JSON.stringify(b.core.state.db.prepare('SELECT * FROM seal_uses WHERE id = ?').get(r.id));
    const [useBefore, failedBefore] = [use(), failed()];
    const e3 = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: { ...cosign('chief'), password: 'wrong-Pass1' } });
    expect(e3).toMatchObject({ field: 'approval.password' });
    expect(e3.message).toContain('密码不正确');
    expect(use()).toBe(useBefore);
    expect(failed()).toBe(failedBefore + 1);
    b.core.close();
  });

  it('stamping a voided, rejected, pending or already-stamped request; stamping more copies than approved', async () => {
    const b = await bureau();
    const v = await approved(b);
    await ok(b.core, b.c, 'seals.void', { id: v.id, reason: '文件内容调整，重新申请' });
    expect((await refusedCleanly(b, b.c, 'seals.stamp', { id: v.id, count: 1 })).message).toContain('已作废');
    const p = await ok(b.core, b.c, 'seals.request', request(b));
    expect((await refusedCleanly(b, b.c, 'seals.stamp', { id: p.id, count: 1 })).message).toContain('先审批后执行');
    await ok(b.core, b.c, 'seals.approve', { id: p.id, approval: cosign('chief', 'rejected') });
    expect((await refusedCleanly(b, b.c, 'seals.stamp', { id: p.id, count: 1 })).message).toContain('驳回');
    const a = await approved(b, { copies: 3 });
    const e = await refusedCleanly(b, b.c, 'seals.stamp', { id: a.id, count: 4 }, 'count');
    expect(e.message).toContain('不能超过批准的份数（3 份）');
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 3 });
    expect((await refusedCleanly(b, b.c, 'seals.stamp', { id: a.id, count: 1 })).message).toContain('不能重复');
    // A stamp time in the future, or before the approval.
    const f = await approved(b);
    await refusedCleanly(b, b.c, 'seals.stamp', { id: f.id, count: 1, stampedAt: new Date(Date.now() + 3600_000).toISOString() }, 'stampedAt');
    await refusedCleanly(b, b.c, 'seals.stamp', { id: f.id, count: 1, stampedAt: new Date(Date.now() - 86_400_000).toISOString() }, 'stampedAt');
    b.core.close();
  });

  it('a request for a seal with no custodian, or whose custodian left', async () => {
    const b = await bureau();
    const bare = await ok(b.core, b.c, 'seals.sealCreate', { name: '新刻制印章', kind: 'other', approverRule: 'post', approverPost: '局长', enabledOn: day() });
    expect(bare).toMatchObject({ custodianId: null, usable: false });
    const e = await refusedCleanly(b, b.c, 'seals.request', request(b, { sealId: bare.id }), 'sealId');
    expect(e.message).toContain('尚未指定保管人');
    await ok(b.core, b.admin, 'accounts.setActive', { id: b.keeper2.id, active: false });
    const e2 = await refusedCleanly(b, b.c, 'seals.request', request(b, { sealId: b.financeSeal.id }), 'sealId');
    expect(e2.message).toContain('交接');
    b.core.close();
  });

  it('a request for a retired, sealed or suspended seal', async () => {
    const b = await bureau();
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.financeSeal.id, status: 'sealed', date: day(), reason: '机构改革', method: '封存于档案室保险柜', witnesses: '刘洋、陈静' });
    const e = await refusedCleanly(b, b.c, 'seals.request', request(b, { sealId: b.financeSeal.id }), 'sealId');
    expect(e.message).toContain('已封存');
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.deptSeal.id, status: 'suspended', date: day(), reason: '印面磨损，待重新刻制' });
    expect((await refusedCleanly(b, b.c, 'seals.request', request(b, { sealId: b.deptSeal.id }), 'sealId')).message).toContain('已停用');
    // An approved request cannot be stamped once its seal is sealed.
    const a = await approved(b);
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.bureauSeal.id, status: 'sealed', date: day(), reason: '单位更名', method: '封存', witnesses: '刘洋' });
    expect((await refusedCleanly(b, b.c, 'seals.stamp', { id: a.id, count: 1 })).message).toContain('已封存');
    b.core.close();
  });

  it('very long Chinese text is refused by field; SQL and HTML in a title round-trip as text', async () => {
    const b = await bureau();
    const long = '长'.repeat(201);
    const e = await refusedCleanly(b, b.c, 'seals.request', request(b, { documentTitle: long }), 'documentTitle');
    expect(e.message).toContain('不能超过 200 个字');
    await refusedCleanly(b, b.c, 'seals.request', request(b, { reason: '由'.repeat(301) }), 'reason');
    await refusedCleanly(b, b.c, 'seals.request', request(b, { remarks: '备'.repeat(501) }), 'remarks');
    const nasty = `关于'); DROP TABLE seal_uses; -- 的函 <script>alert("x")</script> 🙂 عربى`;
    // A right-to-left override would print the title reversed: refused (issue 27), Arabic text itself is fine.
    await refusedCleanly(b, b.c, 'seals.request', request(b, { documentTitle: `${nasty}\u202e` }), 'documentTitle');
    const r = await ok(b.core, b.c, 'seals.request', request(b, { documentTitle: nasty, reason: '100% _测试_ \\ 转义' }));
    expect((await ok(b.core, b.c, 'seals.get', { id: r.id })).documentTitle).toBe(nasty);
    const max = await ok(b.core, b.c, 'seals.request', request(b, { documentTitle: '满'.repeat(200) }));
    expect(max.documentTitle).toHaveLength(200);
    // LIKE wildcards in the search are literal.
    const hits = await ok(b.core, b.c, 'seals.list', { q: '100%' });
    expect(hits.rows.map((x) => x.id)).toEqual([r.id]);
    expect((await ok(b.core, b.c, 'seals.list', { q: '_测试_' })).total).toBe(1);
    expect((await ok(b.core, b.c, 'seals.list', { q: 'DROP TABLE' })).total).toBe(1);
    b.core.close();
  });

  it('an unknown seal or applicant, a future application date, an unknown entry', async () => {
    const b = await bureau();
    await refusedCleanly(b, b.c, 'seals.request', request(b, { sealId: 9999 }), 'sealId');
    await refusedCleanly(b, b.c, 'seals.request', request(b, { applicantId: 9999 }), 'applicantId');
    await refusedCleanly(b, b.c, 'seals.request', request(b, { appliedOn: day(1) }), 'appliedOn');
    expect((await refusedCleanly(b, b.c, 'seals.stamp', { id: 9999, count: 1 }, 'id')).code).toBe('not_found');
    b.core.close();
  });
});

describe('事后补批: stamp first, approve afterwards', () => {
  it('is stamped with a written reason, flagged until the approval is recorded, and counted', async () => {
    const b = await bureau();
    const e = await ok(b.core, b.c, 'seals.emergencyStamp', {
      ...request(b),
      count: 2,
      emergencyReason: '法院当日截止提交材料，局长出差电话同意',
      phoneApproverId: b.chief.id,
    });
    expect(e).toMatchObject({ state: 'stamped', emergency: true, emergencyPending: true, stampedCount: 2, supervisorName: '张敏', phoneApproverName: '王志强', approvalDecision: null });
    let att = await ok(b.core, b.c, 'seals.attention', {});
    expect(att.emergencyPending).toBe(1);
    expect(att.emergencyRows[0].number).toBe(e.number);
    expect((await ok(b.core, b.c, 'seals.list', { flag: 'emergencyPending' })).total).toBe(1);
    // The approval afterwards (事后补批) clears the flag; the entry stays marked as an exception.
    const a = await ok(b.core, b.c, 'seals.approve', { id: e.id, approval: cosign('chief') });
    expect(a).toMatchObject({ state: 'stamped', emergency: true, emergencyPending: false, approvalDecision: 'approved' });
    att = await ok(b.core, b.c, 'seals.attention', {});
    expect(att.emergencyPending).toBe(0);
    const approvals = await ok(b.core, b.c, 'approvals.forObject', { objectType: 'seal_use', objectId: e.id });
    expect(approvals[0].step).toBe('事后补批');
    const stats = await ok(b.core, b.c, 'seals.stats', { year: Number(day().slice(0, 4)) });
    expect(stats).toMatchObject({ emergency: 1, emergencyPending: 0, total: 1, stamps: 2 });
    b.core.close();
  });

  it('needs a real reason, the seal’s own approver, and a usable seal that is not out', async () => {
    const b = await bureau();
    const base = { ...request(b), count: 1, emergencyReason: '紧急情况需当日盖章报送', phoneApproverId: b.chief.id };
    await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...base, emergencyReason: '' }, 'emergencyReason');
    await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...base, emergencyReason: '急' }, 'emergencyReason');
    const e = await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...base, phoneApproverId: b.deputy.id }, 'phoneApproverId');
    expect(e.message).toContain('王志强');
    await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...base, count: 6 }, 'count');
    await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...base, documentTitle: '空白' }, 'documentTitle');
    await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...base, stampedAt: new Date(Date.now() - 5 * 86_400_000).toISOString() }, 'stampedAt');
    const out = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: out.id, count: 1 });
    await ok(b.core, b.c, 'seals.checkOut', { id: out.id });
    expect((await refusedCleanly(b, b.c, 'seals.emergencyStamp', base, 'sealId')).code).toBe('conflict');
    b.core.close();
  });

  it('cannot be voided; the custodian who stamped cannot approve it afterwards', async () => {
    const b = await bureau();
    const e = await ok(b.core, b.c, 'seals.emergencyStamp', { ...request(b), count: 1, emergencyReason: '紧急情况需当日盖章报送', phoneApproverId: b.chief.id });
    const v = await refusedCleanly(b, b.c, 'seals.void', { id: e.id, reason: '误录' });
    expect(v.message).toContain('更正');
    // A seal kept by its own approver: the 法定代表人名章, kept and approved by 何平.
    const named = await ok(b.core, b.c, 'seals.sealCreate', { name: '何平名章', kind: 'legalRep', approverRule: 'person', approverId: b.deputy.id, enabledOn: '2022-01-01', custodianId: b.deputy.id });
    const e2 = await ok(b.core, b.c, 'seals.emergencyStamp', { ...request(b), sealId: named.id, count: 1, emergencyReason: '紧急情况需当日盖章报送', phoneApproverId: b.deputy.id });
    expect(e2.supervisorName).toBe('何平');
    const x = await refusedCleanly(b, b.c, 'seals.approve', { id: e2.id, approval: cosign('deputy') }, 'approval.login');
    expect(x.message).toContain('不相容岗位分离');
    b.core.close();
  });
});

describe('segregation of duties at the stamping', () => {
  it('the custodian never supervises the stamping of a use they applied for, in the live workflow or a paper log', async () => {
    const b = await bureau();
    // 张敏 keeps the bureau seal and applies to use it herself: approved, but she cannot be her own 监印人.
    const a = await approved(b, { applicantId: b.keeper.id });
    const e = await refusedCleanly(b, b.c, 'seals.stamp', { id: a.id, count: 1 }, 'id');
    expect(e.message).toBe('不相容岗位分离：监印人不能是申请人本人');
    const em = await refusedCleanly(b, b.c, 'seals.emergencyStamp', { ...request(b, { applicantId: b.keeper.id }), count: 1, emergencyReason: '法院要求当日提交', phoneApproverId: b.chief.id }, 'applicantId');
    expect(em.message).toBe('不相容岗位分离：监印人不能是申请人本人');
    b.core.close();
  });
});

describe('overdue returns', () => {
  it('a take-out past its planned return is flagged in the list, on the home tile and in the statistics; a late return is recorded', async () => {
    const b = await bureau();
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 1 });
    await ok(b.core, b.c, 'seals.checkOut', { id: a.id });
    expect((await ok(b.core, b.c, 'seals.get', { id: a.id })).overdue).toBe(false);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 86_400_000);
    // Three days on, the clerk's session has ended (sessions last 12 hours): she signs in again.
    expect((await refused(b.core, b.c, 'accounts.me', {})).code).toBe('unauthenticated');
    const c = (await ok(b.core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
    const g = await ok(b.core, c, 'seals.get', { id: a.id });
    expect(g.overdue).toBe(true);
    const list = await ok(b.core, c, 'seals.list', { flag: 'overdue' });
    expect(list.rows.map((r) => r.id)).toEqual([a.id]);
    const att = await ok(b.core, c, 'seals.attention', {});
    expect(att).toMatchObject({ overdue: 1 });
    expect(att.overdueRows[0].number).toBe(a.number);
    // An overdue take-out still blocks a new take-out starting today.
    const e = await refused(b.core, c, 'seals.request', request(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) }));
    expect(e.field).toBe('plannedOut');
    const r = await ok(b.core, c, 'seals.return', { id: a.id, confirmedById: b.keeper.id });
    expect(r).toMatchObject({ overdue: false, returnedLate: true });
    const stats = await ok(b.core, c, 'seals.stats', { year: Number(a.date.slice(0, 4)) });
    expect(stats).toMatchObject({ takeOuts: 1, returnedLate: 1, overdueNow: 0 });
    b.core.close();
  });
});

describe('void and amendment', () => {
  it('void needs a reason and keeps the entry and its number; a stamped entry is amended, not voided, with the original kept', async () => {
    const b = await bureau();
    const p = await ok(b.core, b.c, 'seals.request', request(b));
    await refusedCleanly(b, b.c, 'seals.void', { id: p.id, reason: '  ' }, 'reason');
    const v = await ok(b.core, b.c, 'seals.void', { id: p.id, reason: '申请人撤回' });
    expect(v).toMatchObject({ state: 'void', voidReason: '申请人撤回', voidedByName: '李晓梅', number: p.number });
    await refusedCleanly(b, b.c, 'seals.approve', { id: p.id, approval: cosign('chief') });
    await refusedCleanly(b, b.c, 'seals.amend', { id: p.id, documentNo: '改', amendReason: '笔误' });

    const a = await approved(b);
    // Between approval and stamping the approved content is frozen.
    expect((await refusedCleanly(b, b.c, 'seals.amend', { id: a.id, documentTitle: '另一份文件', amendReason: '换文件' })).message).toContain('作废后重新申请');
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 5 });
    await refusedCleanly(b, b.c, 'seals.amend', { id: a.id, amendReason: '笔误' }, 'documentTitle');
    await refusedCleanly(b, b.c, 'seals.amend', { id: a.id, documentNo: a.documentNo, amendReason: '笔误' }, 'documentTitle');
    await refusedCleanly(b, b.c, 'seals.amend', { id: a.id, documentTitle: '空白', amendReason: '笔误' }, 'documentTitle');
    const m = await ok(b.core, b.c, 'seals.amend', { id: a.id, documentNo: '×司发〔2025〕13号', amendReason: '文号登记错误' });
    expect(m).toMatchObject({ documentNo: '×司发〔2025〕13号', amended: true });
    expect(m.amendments).toMatchObject([{ byName: '李晓梅', reason: '文号登记错误', before: { 文号: '×司发〔2025〕12号' }, after: { 文号: '×司发〔2025〕13号' } }]);
    b.core.close();
  });
});

describe('the list', () => {
  it('filters by year, dates, state, seal, person, department, flag and text; sorts; pages in SQL', async () => {
    const b = await bureau();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await ok(b.core, b.c, 'seals.request', request(b, { documentTitle: `文件${i}` }))).id);
    const dept = await ok(b.core, b.c, 'seals.request', request(b, { sealId: b.deptSeal.id, documentTitle: '法援中心函' }));
    await ok(b.core, b.c, 'seals.approve', { id: ids[0], approval: cosign('chief') });
    const y = Number(day().slice(0, 4));
    const page1 = await ok(b.core, b.auditor.session, 'seals.list', { year: y, page: 1, pageSize: 3 });
    expect(page1.total).toBe(8);
    expect(page1.rows.map((r) => r.id)).toEqual([dept.id, ids[6], ids[5]]);
    const page3 = await ok(b.core, b.c, 'seals.list', { year: y, page: 3, pageSize: 3 });
    expect(page3.rows.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect((await ok(b.core, b.c, 'seals.list', { sort: 'number', pageSize: 1 })).rows[0].id).toBe(ids[0]);
    expect((await ok(b.core, b.c, 'seals.list', { state: 'approved' })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await ok(b.core, b.c, 'seals.list', { sealId: b.deptSeal.id })).total).toBe(1);
    expect((await ok(b.core, b.c, 'seals.list', { applicantId: b.applicant.id })).total).toBe(8);
    expect((await ok(b.core, b.c, 'seals.list', { department: '法律援助中心' })).total).toBe(8);
    expect((await ok(b.core, b.c, 'seals.list', { q: '法援' })).total).toBe(1);
    expect((await ok(b.core, b.c, 'seals.list', { q: '财务专用章' })).total).toBe(0);
    expect((await ok(b.core, b.c, 'seals.list', { q: '法律援助中心' })).total).toBe(8);
    expect((await ok(b.core, b.c, 'seals.list', { year: y - 1 })).total).toBe(0);
    expect((await ok(b.core, b.c, 'seals.list', { from: day(1) })).total).toBe(0);
    expect((await ok(b.core, b.c, 'seals.list', { to: day() })).total).toBe(8);
    const att = await ok(b.core, b.c, 'seals.attention', {});
    expect(att).toMatchObject({ pending: 7, awaitingStamp: 1 });
    b.core.close();
  });

  it('a paper request entered afterwards keeps its date and year number and is marked 补登', async () => {
    const b = await bureau();
    const y = Number(day().slice(0, 4)) - 1;
    const r = await ok(b.core, b.c, 'seals.request', request(b, { appliedOn: `${y}-12-30` }));
    expect(r).toMatchObject({ number: `用印〔${y}〕第0001号`, date: `${y}-12-30`, lateEntry: true, year: y });
    const now = await ok(b.core, b.c, 'seals.request', request(b));
    expect(now.number).toBe(`用印〔${y + 1}〕第0001号`);
    expect(now.lateEntry).toBe(false);
    b.core.close();
  });
});

describe('refusals are part of an entry’s history', () => {
  it('a refused stamping is audited against the entry, so its history shows the attempt', async () => {
    const b = await bureau();
    const a = await approved(b, { copies: 2 });
    await refused(b.core, b.c, 'seals.stamp', { id: a.id, count: 3 });
    const hist = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'seal_use', objectId: String(a.id) });
    expect(hist.map((h) => [h.action, h.result])).toEqual([
      ['seals.request', 'success'],
      ['seals.approve', 'success'],
      ['seals.stamp', 'failure'],
    ]);
    expect(hist[2].message).toContain('不能超过批准的份数');
    b.core.close();
  });
});
