// Meeting records: reviewed items only at a 党组会议, 三重一大 checks, finalising locks, amendments.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import type { Input } from '../../../db/contract';
import { shanghaiDate } from '../../../db/core/time';
import { LAST_YEAR, TODAY, agendaInput, approvedItem, bureau, membersOf, partyMeeting, type Bureau } from './fixture';

const decisionItem = (agendaId: number, over: Partial<NonNullable<Input<'minutes.create'>['items']>[number]> = {}) => ({
  agendaId,
  title: '（取自审核表）',
  presenter: { name: '赵敏' },
  remarks: [
    { speaker: { name: '何平' }, content: '车辆老化严重，建议购置。' },
    { speaker: { name: '王志强' }, content: '同意，按政府采购程序办理。' },
  ],
  voteFor: 5,
  voteAgainst: 0,
  voteAbstain: 0,
  outcome: 'passed' as const,
  decision: '同意使用专项资金 35 万元购置社区矫正监管车辆两辆。',
  executor: '社区矫正科牵头，计财室配合',
  ...over,
});

async function meetingWithItem(b: Bureau, over: Partial<Input<'minutes.create'>> = {}, itemOver = {}) {
  const a = await approvedItem(b);
  const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(a.id, itemOver)], ...over }));
  return { a, m };
}

const update = (b: Bureau, id: number, over: Partial<Input<'minutes.update'>> = {}) => {
  const { typeId: _t, bookId: _b, ...body } = partyMeeting(b);
  return { ...body, id, ...over } as Input<'minutes.update'>;
};

describe('placing agenda items on a 党组会议', () => {
  it('a 党组会议 decides an approved 三重一大 item with quorum and the discipline head present, and is finalised', async () => {
    const b = await bureau();
    const { a, m } = await meetingWithItem(b);
    expect(m.items[0]).toMatchObject({ title: '关于购置社区矫正监管车辆的请示', major: 'fund', amount: 35_000_000, agendaLabel: a.label, presenter: { name: '赵敏' } });
    // without a presenter on the record, the reviewed item's presenter is taken
    const { presenter: _p, ...noPresenter } = decisionItem(a.id);
    const draft = await ok(b.core, b.clerk.session, 'minutes.update', update(b, m.id, { items: [{ ...noPresenter, id: m.items[0].id }] }));
    expect(draft.items[0].presenter).toEqual({ userId: b.presenter.id, name: '赵敏' });
    expect(m.quorum).toEqual({ expected: 5, present: 5, needed: 3, ok: true });
    expect(m.checks.filter((c) => !c.ok)).toEqual([]);
    expect(m.checks.find((c) => c.code === 'discipline')?.message).toBe('陈静列席会议');
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaGet', { id: a.id })).state).toBe('scheduled');
    const f = await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    expect(f).toMatchObject({ state: 'finalised', flagged: false });
    const after = await ok(b.core, b.clerk.session, 'minutes.agendaGet', { id: a.id });
    expect(after).toMatchObject({ state: 'decided', meetingId: m.id, decisionId: m.items[0].id, outcome: 'passed' });
    expect(after.meetingLabel).toContain('党组会议');
    b.core.close();
  });

  it('refuses an item still under review, an ad-hoc item (临时动议), an item of another type and the same item twice; nothing changes', async () => {
    const b = await bureau();
    const pending = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    const bureauItem = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { typeId: b.bureauType.id, major: '', amount: null, reviewers: { leaderId: b.leader.id } }));
    const ok1 = await approvedItem(b, { title: '第二项' });
    const before = businessSnapshot(b.core);
    const e1 = await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(pending.id)] }));
    expect(e1).toMatchObject({ code: 'rule', field: 'items.0.agendaId' });
    expect(e1.message).toContain('尚未审核通过');
    const e2 = await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [{ title: '临时增加：关于年终慰问的安排', outcome: 'noted' }] }));
    expect(e2).toMatchObject({ code: 'rule', field: 'items.0.agendaId' });
    expect(e2.message).toContain('临时动议');
    const e3 = await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(bureauItem.id)] }));
    expect(e3.message).toContain('不能列入党组会议');
    const e4 = await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(ok1.id), decisionItem(ok1.id)] }));
    expect(e4).toMatchObject({ field: 'items.1.agendaId' });
    expect((await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(99999)] }))).code).toBe('not_found');
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });

  it('refuses an item approved only after the meeting date (先审批后上会)', async () => {
    const b = await bureau();
    const a = await approvedItem(b); // approved today
    const e = await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { date: `${LAST_YEAR}-12-01`, items: [decisionItem(a.id)] }));
    expect(e).toMatchObject({ field: 'items.0.agendaId' });
    expect(e.message).toContain('晚于会议日期');
    b.core.close();
  });

  it('refuses 三重一大 at a 局务会议, and an item of one meeting on another', async () => {
    const b = await bureau();
    const e = await refused(b.core, b.clerk.session, 'minutes.create', {
      ...partyMeeting(b),
      typeId: b.bureauType.id,
      items: [{ title: '关于处置报废车辆的议题', category: 'decision', major: 'decision', decision: '同意' }],
    });
    expect(e).toMatchObject({ field: 'items.0.major' });
    expect(e.message).toContain('须提交党组会议集体研究决定');
    const { a } = await meetingWithItem(b);
    expect((await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(a.id)] }))).message).toContain('已列入其他会议');
    b.core.close();
  });

  it('an item taken off a draft, or on a voided draft, is 待上会 again; a deferred item returns after finalising', async () => {
    const b = await bureau();
    const { a, m } = await meetingWithItem(b);
    await ok(b.core, b.clerk.session, 'minutes.update', update(b, m.id, { items: [] }));
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaGet', { id: a.id })).state).toBe('approved');
    const m2 = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(a.id)] }));
    await ok(b.core, b.clerk.session, 'minutes.void', { id: m2.id, reason: '误建' });
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaGet', { id: a.id })).state).toBe('approved');
    const m3 = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(a.id, { outcome: 'deferred', decision: '', voteFor: null, voteAgainst: null, voteAbstain: null })] }));
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m3.id });
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaGet', { id: a.id })).state).toBe('approved');
    b.core.close();
  });

  it('items keep their ids (decision ids) when a draft is edited', async () => {
    const b = await bureau();
    const { a, m } = await meetingWithItem(b);
    const extra = await approvedItem(b, { title: '关于修订财务报销制度的议题', major: 'decision', amount: null });
    const u = await ok(b.core, b.clerk.session, 'minutes.update', update(b, m.id, { items: [decisionItem(extra.id, { decision: '同意修订' }), decisionItem(a.id, { id: m.items[0].id })] }));
    expect(u.items.map((i) => [i.seq, i.title])).toEqual([
      [1, '关于修订财务报销制度的议题'],
      [2, '关于购置社区矫正监管车辆的请示'],
    ]);
    expect(u.items[1].id).toBe(m.items[0].id);
    expect(await refused(b.core, b.clerk.session, 'minutes.update', update(b, m.id, { items: [decisionItem(a.id, { id: 424242 })] }))).toMatchObject({ field: 'items.0.id' });
    b.core.close();
  });
});

describe('三重一大 checks', () => {
  it('finalising without quorum needs an acknowledgement with a reason; it stays flagged and the checks are on the record', async () => {
    const b = await bureau();
    const { m } = await meetingWithItem(b, { members: membersOf(b.party, { 何平: '外出学习', 马骏: '病假', 孙丽: '出差' }) }, { voteFor: 2 });
    expect(m.quorum).toMatchObject({ expected: 5, present: 2, needed: 3, ok: false });
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    expect(e).toMatchObject({ code: 'rule', field: 'acknowledgement' });
    expect(e.message).toContain('应到 5 人，实到 2 人');
    expect(e.message).toContain('同意 2 票');
    expect(businessSnapshot(b.core)).toBe(before);
    const f = await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id, acknowledgement: '会议时间紧急，会后已向缺席成员通报并征得书面同意' });
    expect(f).toMatchObject({ state: 'finalised', flagged: true, ackReason: '会议时间紧急，会后已向缺席成员通报并征得书面同意' });
    expect(f.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['quorum', 'majority']);
    expect((await ok(b.core, b.auditor.session, 'minutes.list', { flagged: true })).rows.map((r) => r.id)).toEqual([m.id]);
    // it stays flagged: the flag is part of the locked row
    expect(() => b.core.state.db.prepare('UPDATE minutes_meetings SET flagged = 0 WHERE id = ?').run(m.id)).toThrow(/不可修改/);
    b.core.close();
  });

  it('an appointment needs two thirds of the members present', async () => {
    const b = await bureau();
    const a = await approvedItem(b, { title: '关于推荐科级干部人选的议题', major: 'appointment', amount: null, legalityDone: false, legalityNote: '' });
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { members: membersOf(b.party, { 马骏: '病假', 孙丽: '出差' }), items: [decisionItem(a.id, { voteFor: 3, decision: '同意推荐' })] }));
    expect(m.quorum).toMatchObject({ expected: 5, present: 3, needed: 4, ok: false });
    expect(m.checks.find((c) => c.code === 'quorum')?.message).toContain('三分之二');
    b.core.close();
  });

  it('not inviting the discipline head needs a reason and an acknowledgement; invited but absent needs a reason only', async () => {
    const b = await bureau();
    const { m } = await meetingWithItem(b, { discipline: { invited: false, attended: false, name: '', reason: '' } });
    expect(m.checks.find((c) => c.code === 'discipline')).toMatchObject({ ok: false, severity: 'warning' });
    expect(await refused(b.core, b.clerk.session, 'minutes.finalise', { id: m.id, acknowledgement: '已确认' })).toMatchObject({ field: 'discipline.reason' });
    await ok(b.core, b.clerk.session, 'minutes.update', update(b, m.id, { items: m.items.map((i) => decisionItem(i.agendaId!, { id: i.id })), discipline: { invited: false, attended: false, name: '', reason: '会议临时调整时间，未及通知' } }));
    expect(await refused(b.core, b.clerk.session, 'minutes.finalise', { id: m.id })).toMatchObject({ field: 'acknowledgement' });
    const f = await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id, acknowledgement: '会后已向派驻纪检监察组报备' });
    expect(f.flagged).toBe(true);

    const { m: m2 } = await meetingWithItem(b, { discipline: { invited: true, attended: false, name: '', reason: '' } });
    expect(m2.checks.find((c) => c.code === 'discipline')).toMatchObject({ ok: true, severity: 'info' });
    expect(await refused(b.core, b.clerk.session, 'minutes.finalise', { id: m2.id })).toMatchObject({ field: 'discipline.reason' });
    await ok(b.core, b.clerk.session, 'minutes.update', update(b, m2.id, { items: m2.items.map((i) => decisionItem(i.agendaId!, { id: i.id })), discipline: { invited: true, attended: false, name: '', reason: '外出办案' } }));
    const f2 = await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m2.id });
    expect(f2.flagged).toBe(false);
    expect(f2.checks.find((c) => c.code === 'discipline')?.message).toBe('已邀请陈静，未出席（原因：外出办案）');
    const dash = await ok(b.core, b.auditor.session, 'minutes.dashboard', {});
    expect(dash.major).toMatchObject({ decided: 2, withDiscipline: 0, withoutDiscipline: 2, flaggedMeetings: 1 });
    b.core.close();
  });

  it('warns when a 三重一大 vote is not recorded and when a member of the party group is left off the list', async () => {
    const b = await bureau();
    const { m } = await meetingWithItem(b, { members: membersOf(b.party).slice(0, 4) }, { voteFor: null, voteAgainst: null, voteAbstain: null, voteNote: '' });
    const failing = m.checks.filter((c) => !c.ok).map((c) => [c.code, c.message]);
    expect(failing).toEqual([
      ['members', '应到人员未包括党组会议成员：吴强'],
      ['vote', '三重一大事项未记录表决情况：议题1'],
    ]);
    b.core.close();
  });

  it('refuses votes beyond those present and an absent member without a reason (in the form and the core)', async () => {
    const b = await bureau();
    const a = await approvedItem(b);
    const e = await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { members: membersOf(b.party, { 何平: '外出' }), items: [decisionItem(a.id)] }));
    expect(e).toMatchObject({ code: 'invalid_input', field: 'items.0.voteFor' });
    expect(e.message).toContain('超过实到人数 4');
    const members = membersOf(b.party);
    members[1] = { ...members[1], present: false, absentReason: '' };
    expect(await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { members }))).toMatchObject({ field: 'members.1.absentReason' });
    expect(await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { startTime: '10:00', endTime: '09:00' }))).toMatchObject({ field: 'endTime' });
    expect(await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { startTime: '25:00' }))).toMatchObject({ field: 'startTime' });
    expect(await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { date: '2026-02-30' }))).toMatchObject({ field: 'date' });
    b.core.close();
  });
});

describe('finalising', () => {
  it('refuses a future meeting, an empty record and a decision without its decision text', async () => {
    const b = await bureau();
    const tomorrow = shanghaiDate(new Date(Date.now() + 86_400_000));
    const future = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { date: tomorrow, summary: '预先起草的会议记录' }));
    const ef = await refused(b.core, b.clerk.session, 'minutes.finalise', { id: future.id });
    expect(ef).toMatchObject({ field: 'date' });
    expect(ef.message).toContain('尚未到来');
    const empty = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b));
    expect(await refused(b.core, b.clerk.session, 'minutes.finalise', { id: empty.id })).toMatchObject({ field: 'items' });
    const { m } = await meetingWithItem(b, {}, { decision: '' });
    expect(await refused(b.core, b.clerk.session, 'minutes.finalise', { id: m.id })).toMatchObject({ field: 'items.0.decision' });
    b.core.close();
  });

  it('locks the record: editing, voiding or touching a finalised record is refused by the core and by the database', async () => {
    const b = await bureau();
    const { m } = await meetingWithItem(b);
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.update', update(b, m.id, { place: '改过的地点', items: m.items.map((i) => decisionItem(i.agendaId!, { id: i.id })) }));
    expect(e).toMatchObject({ code: 'rule', field: 'id' });
    expect(e.message).toContain('已定稿');
    expect((await refused(b.core, b.clerk.session, 'minutes.void', { id: m.id, reason: '想删掉' })).message).toContain('不能作废');
    expect((await refused(b.core, b.clerk.session, 'minutes.finalise', { id: m.id })).code).toBe('rule');
    expect(businessSnapshot(b.core)).toBe(before);
    const db = b.core.state.db;
    expect(() => db.prepare("UPDATE minutes_meetings SET place = '篡改' WHERE id = ?").run(m.id)).toThrow(/已定稿/);
    expect(() => db.prepare("UPDATE minutes_items SET decision = '篡改' WHERE meeting_id = ?").run(m.id)).toThrow(/已定稿/);
    expect(() => db.prepare("UPDATE minutes_remarks SET content = '篡改' WHERE meeting_id = ?").run(m.id)).toThrow(/已定稿/);
    expect(() => db.prepare('DELETE FROM minutes_members WHERE meeting_id = ?').run(m.id)).toThrow(/已定稿/);
    expect(() => db.prepare("INSERT INTO minutes_attendees (meeting_id, seq, name) VALUES (?, 9, '新增')").run(m.id)).toThrow(/已定稿/);
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });

  it('a later amendment is appended, dated and signed; it never changes the original', async () => {
    const b = await bureau();
    const { m } = await meetingWithItem(b);
    expect((await refused(b.core, b.clerk.session, 'minutes.amend', { id: m.id, content: 'x', reason: 'y', signer: { name: '王志强' } })).message).toContain('草稿可以直接修改');
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    expect(await refused(b.core, b.clerk.session, 'minutes.amend', { id: m.id, content: '', reason: '笔误', signer: { name: '王志强' } })).toMatchObject({ field: 'content' });
    expect(await refused(b.core, b.clerk.session, 'minutes.amend', { id: m.id, itemId: 999999, content: 'x', reason: '笔误', signer: { name: '王志强' } })).toMatchObject({ field: 'itemId' });
    const a1 = await ok(b.core, b.clerk.session, 'minutes.amend', {
      id: m.id,
      itemId: m.items[0].id,
      content: '决定事项中“35 万元”应为“34.8 万元”。',
      reason: '记录笔误，经主持人核对',
      signer: { userId: b.secretary.id, name: '王志强' },
    });
    expect(a1.amendments).toHaveLength(1);
    expect(a1.amendments[0]).toMatchObject({ seq: 1, itemSeq: 1, signer: { name: '王志强' }, recordedByName: '李晓梅' });
    expect(a1.amendments[0].amendedAt.slice(0, 10)).toBe(TODAY);
    expect(a1.items[0].decision).toBe(m.items[0].decision); // the original stays
    const a2 = await ok(b.core, b.clerk.session, 'minutes.amend', { id: m.id, content: '补记：会议 11:40 结束。', reason: '补记', signer: { name: '王志强' } });
    expect(a2.amendments.map((x) => x.seq)).toEqual([1, 2]);
    const db = b.core.state.db;
    expect(() => db.prepare("UPDATE minutes_amendments SET content = 'x'").run()).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM minutes_amendments').run()).toThrow(/不可删除/);
    const history = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'minutes.meeting', objectId: String(m.id) });
    expect(history.map((h) => h.action)).toEqual(['minutes.create', 'minutes.finalise', 'minutes.amend', 'minutes.amend']);
    b.core.close();
  });

  it('voids a draft with a reason only', async () => {
    const b = await bureau();
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b));
    expect(await refused(b.core, b.clerk.session, 'minutes.void', { id: m.id, reason: '  ' })).toMatchObject({ field: 'reason' });
    const v = await ok(b.core, b.clerk.session, 'minutes.void', { id: m.id, reason: '重复登记' });
    expect(v).toMatchObject({ state: 'voided', voidReason: '重复登记' });
    expect((await refused(b.core, b.clerk.session, 'minutes.update', update(b, m.id))).message).toContain('已作废');
    b.core.close();
  });
});

describe('text', () => {
  it('minutes text with HTML, script, SQL, emoji and RTL is stored and given back unchanged', async () => {
    const b = await bureau();
    const nasty = `<script>alert('x')</script><img src=x onerror=alert(1)> '; DROP TABLE minutes_meetings; -- 🙂 مرحبا ${'长'.repeat(50)}`;
    const a = await approvedItem(b, { title: '<b>议题</b>' });
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { place: '<i>会议室</i>', summary: nasty, items: [decisionItem(a.id, { remarks: [{ speaker: { name: '<u>某</u>' }, content: nasty }], decision: nasty })] }));
    const g = await ok(b.core, b.auditor.session, 'minutes.get', { id: m.id });
    expect(g.summary).toBe(nasty);
    expect(g.items[0].remarks[0]).toEqual({ speaker: { userId: null, name: '<u>某</u>' }, content: nasty });
    expect(g.items[0].title).toBe('<b>议题</b>');
    expect(g.place).toBe('<i>会议室</i>');
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { q: 'DROP TABLE' })).total).toBe(1);
    b.core.close();
  });

  it('a long record (twenty pages of remarks) is stored whole', async () => {
    const b = await bureau();
    const a = await approvedItem(b);
    const para = '会议认为，要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实上级决策部署，扎实推进各项工作。'.repeat(20);
    const remarks = Array.from({ length: 40 }, (_, i) => ({ speaker: { name: ['王志强', '何平', '马骏', '孙丽', '吴强'][i % 5] }, content: `${i + 1}. ${para}` }));
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(a.id, { remarks })] }));
    expect(m.items[0].remarks).toHaveLength(40);
    expect(m.items[0].remarks[39].content.length).toBeGreaterThan(1000);
    expect((await refused(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { summary: 'x'.repeat(20_001) }))).field).toBe('summary');
    b.core.close();
  });
});
