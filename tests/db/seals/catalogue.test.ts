// The seal catalogue: approver rules, exactly one custodian changed only by a witnessed handover,
// status changes with their record, and the 分管领导 of each department.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { approved, bureau, day, type Bureau } from './fixture';

async function refusedCleanly(b: Bureau, session: string, method: string, input: unknown, field?: string) {
  const before = businessSnapshot(b.core);
  const e = await refused(b.core, session, method, input);
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  if (field !== undefined) expect(e.field, e.message).toBe(field);
  expect(businessSnapshot(b.core)).toBe(before);
  return e;
}

const seal = (extra: Record<string, unknown> = {}) => ({ name: '××区司法局党组', kind: 'party' as const, approverRule: 'post' as const, approverPost: '局长', enabledOn: '2019-05-01', ...extra });

describe('registering seals', () => {
  it('records name, kind, approver rule, enabled date and the first custodian as a handover', async () => {
    const b = await bureau();
    const s = await ok(b.core, b.c, 'seals.sealCreate', { ...seal(), custodianId: b.keeper.id, remarks: '存放于办公室保险柜' });
    expect(s).toMatchObject({ name: '××区司法局党组', kind: 'party', status: 'active', approverText: '局长', custodianName: '张敏', custodianSince: '2019-05-01', usable: true });
    const d = await ok(b.core, b.auditor.session, 'seals.sealGet', { id: s.id });
    expect(d.handovers).toMatchObject([{ fromId: null, toName: '张敏', date: '2019-05-01', witnessId: null }]);
    expect(d.handovers[0].number).toMatch(/^印交〔2019〕第0001号$/);
    expect(d.statusChanges).toMatchObject([{ toStatus: 'active', reason: '登记启用' }]);
    const hist = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'seal', objectId: String(s.id) });
    expect(hist[0].message).toContain('登记印章：××区司法局党组，保管人张敏');
    b.core.close();
  });

  it('refuses a duplicate name, an incomplete or unresolvable approver rule, a future date, a disabled custodian', async () => {
    const b = await bureau();
    expect((await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ name: '××区司法局' }), 'name')).code).toBe('conflict');
    await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ approverRule: 'person' }), 'approverId');
    await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ approverPost: '' }), 'approverPost');
    const e = await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ approverPost: '书记' }), 'approverPost');
    expect(e.message).toContain('书记');
    expect((await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ approverRule: 'person', approverId: b.keeper.id }), 'approverId')).message).toContain('审批人');
    await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ enabledOn: day(1) }), 'enabledOn');
    await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ kind: 'magic' }), 'kind');
    await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ name: '印'.repeat(61) }), 'name');
    await ok(b.core, b.admin, 'accounts.setActive', { id: b.witness.id, active: false });
    await refusedCleanly(b, b.c, 'seals.sealCreate', seal({ custodianId: b.witness.id }), 'custodianId');
    b.core.close();
  });

  it('only keepers of the register write it; everybody reads it', async () => {
    const b = await bureau();
    expect((await refused(b.core, b.auditor.session, 'seals.sealCreate', seal())).code).toBe('forbidden');
    expect((await refused(b.core, b.chief.session, 'seals.handover', { sealId: b.bureauSeal.id, toId: b.keeper2.id, witnessId: b.witness.id, date: day() })).code).toBe('forbidden');
    expect((await refused(b.core, b.chief.session, 'seals.request', {})).code).toBe('forbidden');
    expect((await refused(b.core, b.c, 'seals.setDeptLeader', { department: '政工室', leaderId: b.chief.id })).code).toBe('forbidden');
    expect((await ok(b.core, b.chief.session, 'seals.catalogueList', {})).total).toBe(3);
    b.core.close();
  });

  it('updates the rule and the remarks, audited with before and after', async () => {
    const b = await bureau();
    const u = await ok(b.core, b.c, 'seals.sealUpdate', { id: b.bureauSeal.id, name: '××区司法局', kind: 'official', approverRule: 'person', approverId: b.deputy.id, enabledOn: '2020-01-01', remarks: '局长出差期间由副局长审批' });
    expect(u).toMatchObject({ approverText: '何平', remarks: '局长出差期间由副局长审批', custodianName: '张敏' });
    const r = await ok(b.core, b.c, 'seals.request', { sealId: b.bureauSeal.id, reason: '函', documentTitle: '复函', copies: 1, applicantId: b.applicant.id });
    expect(r.expectedApprovers.map((p) => p.name)).toEqual(['何平']);
    expect((await refusedCleanly(b, b.c, 'seals.sealUpdate', { id: b.bureauSeal.id, name: '××区司法局财务专用章', kind: 'official', approverRule: 'post', approverPost: '局长', enabledOn: '2020-01-01' }, 'name')).code).toBe('conflict');
    const hist = await ok(b.core, b.c, 'audit.forObject', { objectType: 'seal', objectId: String(b.bureauSeal.id) });
    const last = hist.find((h) => h.action === 'seals.sealUpdate')!;
    expect(last.before).toContain('局长');
    expect(last.after).toContain('何平');
    b.core.close();
  });

  it('lists with filters: usable only, status, text', async () => {
    const b = await bureau();
    await ok(b.core, b.c, 'seals.sealCreate', seal());
    await ok(b.core, b.c, 'seals.sealSetStatus', { id: b.financeSeal.id, status: 'suspended', date: day(), reason: '更换新章' });
    expect((await ok(b.core, b.c, 'seals.catalogueList', {})).total).toBe(4);
    expect((await ok(b.core, b.c, 'seals.catalogueList', { usableOnly: true })).rows.map((s) => s.name).sort()).toEqual(['××区司法局', '××区法律援助中心']);
    expect((await ok(b.core, b.c, 'seals.catalogueList', { status: 'suspended' })).rows.map((s) => s.name)).toEqual(['××区司法局财务专用章']);
    expect((await ok(b.core, b.c, 'seals.catalogueList', { q: '张敏' })).total).toBe(2);
    b.core.close();
  });
});

describe('custody: exactly one custodian, changed by a witnessed handover', () => {
  it('hands over from the current custodian to the next before a witness, numbered per year', async () => {
    const b = await bureau();
    const h = await ok(b.core, b.c, 'seals.handover', { sealId: b.bureauSeal.id, toId: b.keeper2.id, witnessId: b.witness.id, date: day(), note: '张敏调岗' });
    expect(h).toMatchObject({ fromName: '张敏', toName: '郑华', witnessName: '刘洋', sealName: '××区司法局' });
    expect(h.number).toMatch(/^印交〔\d{4}〕第\d{4}号$/);
    const s = await ok(b.core, b.c, 'seals.sealGet', { id: b.bureauSeal.id });
    expect(s.seal).toMatchObject({ custodianName: '郑华', custodianSince: day() });
    expect(s.handovers.map((x) => x.toName)).toEqual(['郑华', '张敏']);
    // The new custodian is the 监印人 from now on.
    const a = await approved(b);
    expect((await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 1 })).supervisorName).toBe('郑华');
    const list = await ok(b.core, b.auditor.session, 'seals.handoverList', { sealId: b.bureauSeal.id });
    expect(list.total).toBe(2);
    b.core.close();
  });

  it('refuses handing to the current custodian, a witness who is a party, a date in the future or before the last handover, a seal that is out', async () => {
    const b = await bureau();
    const base = { sealId: b.bureauSeal.id, toId: b.keeper2.id, witnessId: b.witness.id, date: day() };
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, toId: b.keeper.id }, 'toId');
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, witnessId: b.keeper.id }, 'witnessId');
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, witnessId: b.keeper2.id }, 'witnessId');
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, date: day(1) }, 'date');
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, date: '2019-12-31' }, 'date');
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, witnessId: undefined }, 'witnessId');
    await refusedCleanly(b, b.c, 'seals.handover', { ...base, sealId: 999 }, 'sealId');
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 1 });
    await ok(b.core, b.c, 'seals.checkOut', { id: a.id });
    expect((await refusedCleanly(b, b.c, 'seals.handover', base, 'sealId')).code).toBe('conflict');
    b.core.close();
  });

  it('SQL itself keeps exactly one custodian, changed only through a handover from the current one', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const sid = b.bureauSeal.id;
    expect(() => db.prepare('UPDATE seals SET custodian_id = ? WHERE id = ?').run(b.keeper2.id, sid)).toThrow(/只能通过交接/);
    expect(() => db.prepare('UPDATE seals SET custodian_id = NULL WHERE id = ?').run(sid)).toThrow(/只能通过交接/);
    expect(() =>
      db.prepare("INSERT INTO seals (name, kind, approver_rule, approver_post, enabled_on, custodian_id, created_at, created_by_id, updated_at) VALUES ('x','other','post','局长','2020-01-01',?,'t',1,'t')").run(b.keeper.id),
    ).toThrow(/只能通过交接/);
    const ins = db.prepare(
      "INSERT INTO seal_handovers (year, seq, number, seal_id, from_id, to_id, to_name, witness_id, handed_on, recorded_by_id, recorded_at) VALUES (2025, 99, 'x', ?, ?, ?, 'n', ?, '2025-01-01', 1, 't')",
    );
    expect(() => ins.run(sid, b.keeper2.id, b.witness.id, b.applicant.id)).toThrow(/现保管人/);
    expect(() => ins.run(sid, b.keeper.id, b.keeper2.id, null)).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM seal_handovers').run()).toThrow(/不可删除/);
    expect(() => db.prepare("UPDATE seal_handovers SET note = 'x'").run()).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM seals WHERE id = ?').run(sid)).toThrow(/不可删除/);
    expect((db.prepare('SELECT custodian_id FROM seals WHERE id = ?').get(sid) as { custodian_id: number }).custodian_id).toBe(b.keeper.id);
    b.core.close();
  });
});

describe('status: 在用 / 停用 / 封存 / 销毁', () => {
  it('sealing and destroying need the record (date, how, witnesses); destroyed is final; sealed can be reopened', async () => {
    const b = await bureau();
    const id = b.financeSeal.id;
    await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id, status: 'sealed', date: day(), reason: '机构改革' }, 'method');
    await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id, status: 'destroyed', date: day(), reason: '机构改革', method: '切角' }, 'witnesses');
    await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id, status: 'suspended', date: day(), reason: '' }, 'reason');
    await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id, status: 'active', date: day(), reason: '已在用' }, 'status');
    await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id, status: 'suspended', date: '2019-01-01', reason: '早于启用' }, 'date');
    const sealed = await ok(b.core, b.c, 'seals.sealSetStatus', { id, status: 'sealed', date: day(), reason: '机构改革', method: '封存于档案室保险柜', witnesses: '刘洋、陈静' });
    expect(sealed).toMatchObject({ status: 'sealed', retiredOn: day(), retireMethod: '封存于档案室保险柜', retireWitnesses: '刘洋、陈静', usable: false });
    const reopened = await ok(b.core, b.c, 'seals.sealSetStatus', { id, status: 'active', date: day(), reason: '恢复使用' });
    expect(reopened).toMatchObject({ status: 'active', retiredOn: null });
    const gone = await ok(b.core, b.c, 'seals.sealSetStatus', { id, status: 'destroyed', date: day(), reason: '启用新章', method: '交公安机关切角销毁', witnesses: '刘洋' });
    expect(gone.status).toBe('destroyed');
    await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id, status: 'active', date: day(), reason: '误操作' }, 'status');
    await refusedCleanly(b, b.c, 'seals.handover', { sealId: id, toId: b.keeper.id, witnessId: b.witness.id, date: day() }, 'sealId');
    await refusedCleanly(b, b.c, 'seals.sealUpdate', { id, name: '改名', kind: 'finance', approverRule: 'post', approverPost: '局长', enabledOn: '2020-01-01' });
    expect(() => b.core.state.db.prepare("UPDATE seals SET remarks = 'x' WHERE id = ?").run(id)).toThrow(/已销毁/);
    const d = await ok(b.core, b.c, 'seals.sealGet', { id });
    expect(d.statusChanges.map((c) => c.toStatus)).toEqual(['destroyed', 'active', 'sealed', 'active']);
    b.core.close();
  });

  it('a seal that is out cannot change status', async () => {
    const b = await bureau();
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 1 });
    await ok(b.core, b.c, 'seals.checkOut', { id: a.id });
    expect((await refusedCleanly(b, b.c, 'seals.sealSetStatus', { id: b.bureauSeal.id, status: 'suspended', date: day(), reason: '停用' }, 'status')).code).toBe('conflict');
    b.core.close();
  });
});

describe('分管领导 of each department', () => {
  it('the administrator sets and removes them; the leader must be an active approver', async () => {
    const b = await bureau();
    let list = await ok(b.core, b.c, 'seals.deptLeaders', {});
    expect(list.find((d) => d.department === '法律援助中心')).toMatchObject({ leaderName: '何平', staff: 1 });
    expect(list.find((d) => d.department === '政工室')).toMatchObject({ leaderId: null, staff: 1 });
    await refusedCleanly(b, b.admin, 'seals.setDeptLeader', { department: '政工室', leaderId: b.keeper.id }, 'leaderId');
    await refusedCleanly(b, b.admin, 'seals.setDeptLeader', { department: '', leaderId: b.chief.id }, 'department');
    await refusedCleanly(b, b.admin, 'seals.setDeptLeader', { department: '政工室', leaderId: null }, 'department');
    list = await ok(b.core, b.admin, 'seals.setDeptLeader', { department: '政工室', leaderId: b.chief.id });
    expect(list.find((d) => d.department === '政工室')).toMatchObject({ leaderName: '王志强' });
    const r = await ok(b.core, b.c, 'seals.request', { sealId: b.deptSeal.id, reason: '函', documentTitle: '复函', copies: 1, applicantId: b.witness.id });
    expect(r.expectedApprovers.map((p) => p.name)).toEqual(['王志强']);
    list = await ok(b.core, b.admin, 'seals.setDeptLeader', { department: '政工室', leaderId: null });
    expect(list.find((d) => d.department === '政工室')?.leaderId).toBeNull();
    // The pending request now has nobody to approve it, and says why.
    const g = await ok(b.core, b.c, 'seals.get', { id: r.id });
    expect(g.expectedApprovers).toEqual([]);
    expect(g.approverProblem).toContain('政工室');
    const log = await ok(b.core, b.admin, 'audit.list', { action: 'seals.setDeptLeader' });
    expect(log.rows.map((x) => x.message)).toContain('设置“政工室”的分管领导为王志强');
    b.core.close();
  });
});
