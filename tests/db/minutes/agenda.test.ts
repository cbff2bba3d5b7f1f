// Agenda pre-review (党组会议议题审核表): 分管领导 → 办公室 → 书记 through the shared approval mechanism.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { LAST_YEAR, THIS_YEAR, TODAY, agendaInput, approvedItem, bureau, cosign } from './fixture';

describe('submitting an agenda item', () => {
  it('numbers it per year and puts it before the 分管领导', async () => {
    const b = await bureau();
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    expect(a).toMatchObject({ label: `议题〔${THIS_YEAR}〕第0001号`, state: 'reviewing', reviewStep: 'leader', waitingFor: '何平', legalityRequired: true, legalityDone: true });
    expect(a.reviewers).toMatchObject({ leader: { name: '何平' }, office: { name: '周建华' }, secretary: { name: '王志强' } });
    const a2 = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { title: '第二个议题' }));
    expect(a2.number).toBe(2);
    b.core.close();
  });

  it('refuses an item that needs a legality review without one, and changes nothing', async () => {
    const b = await bureau();
    const before = businessSnapshot(b.core);
    // 大额资金使用 always needs 合法性审查
    const e = await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { legalityDone: false, legalityNote: '' }));
    expect(e).toMatchObject({ code: 'rule', field: 'legalityDone' });
    expect(e.message).toContain('须经合法性审查');
    // an ordinary item the submitter marks as needing one (e.g. a normative document)
    const e2 = await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { major: '', amount: null, legalityRequired: true, legalityDone: false, legalityNote: '' }));
    expect(e2.field).toBe('legalityDone');
    // reviewed, but without saying by whom and with what result
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { legalityNote: '' }))).toMatchObject({ field: 'legalityNote' });
    expect(businessSnapshot(b.core)).toBe(before);
    // The schema holds the same line.
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    expect(() => b.core.state.db.prepare('UPDATE minutes_agenda SET legality_done = 0 WHERE id = ?').run(a.id)).toThrow(/CHECK/);
    b.core.close();
  });

  it('refuses 三重一大 at a 局务会议, 三重一大 that is not a decision, a missing amount and a missing decision sought', async () => {
    const b = await bureau();
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { typeId: b.bureauType.id }));
    expect(e).toMatchObject({ field: 'major' });
    expect(e.message).toContain('须提交党组会议集体研究决定');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { category: 'report' }))).field).toBe('category');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { amount: null }))).field).toBe('amount');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { decisionSought: '' }))).field).toBe('decisionSought');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { amount: 12.345 }))).field).toBe('amount');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { amount: -1 }))).field).toBe('amount');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { submittedOn: '2999-01-01' }))).field).toBe('submittedOn');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { typeId: b.integrity.id }))).field).toBe('typeId');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { title: '' }))).field).toBe('title');
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });

  it('refuses reviewers that break segregation: the presenter, the submitter, one person as office and 分管领导', async () => {
    const b = await bureau();
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { reviewers: { leaderId: b.office.id } }))).toMatchObject({ field: 'reviewers.officeId' });
    // presenter 何平 (a leader presenting his own item) cannot review it
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { presenter: { userId: b.leader.id, name: '何平' } }))).toMatchObject({
      field: 'reviewers.leaderId',
    });
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { reviewers: { leaderId: b.presenter.id } }))).toMatchObject({ field: 'reviewers.leaderId' });
    // the 书记 may also be the 分管领导 (书记分管) — documented judgement
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { reviewers: { leaderId: b.secretary.id } }));
    expect(a.reviewers.leader?.name).toBe('王志强');
    b.core.close();
  });
});

describe('the three review steps', () => {
  it('goes 分管领导 → 办公室 → 书记 and only then is 待上会; each step is in the shared approvals and the audit trail', async () => {
    const b = await bureau();
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    // out of order: the office cannot review before the 分管领导
    const before = businessSnapshot(b.core);
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('office') })).toMatchObject({ code: 'conflict', field: 'step' });
    expect(businessSnapshot(b.core)).toBe(before);
    const s1 = await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('lead', 'approved', '同意提交党组会议研究') });
    expect(s1).toMatchObject({ state: 'reviewing', reviewStep: 'office', waitingFor: '周建华' });
    const s2 = await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('office') });
    expect(s2.reviewStep).toBe('secretary');
    const s3 = await ok(b.core, b.secretary.session, 'minutes.agendaReview', { id: a.id, step: 'secretary', approval: cosign('sec', 'approved', '同意上会') });
    expect(s3).toMatchObject({ state: 'approved', reviewStep: null });
    expect(s3.approvedAt).toBeTruthy();
    expect(s3.reviews.map((r) => [r.step, r.approverName, r.decision])).toEqual([
      ['leader', '何平', 'approved'],
      ['office', '周建华', 'approved'],
      ['secretary', '王志强', 'approved'],
    ]);
    const shared = await ok(b.core, b.clerk.session, 'approvals.forObject', { objectType: 'minutes.agenda', objectId: a.id });
    expect(shared.map((x) => x.step)).toEqual(['分管领导意见', '办公室审核', '书记审批']);
    const history = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'minutes.agenda', objectId: String(a.id) });
    expect(history.map((h) => h.action)).toEqual(['minutes.agendaSubmit', 'minutes.agendaReview', 'minutes.agendaReview', 'minutes.agendaReview']);
    // approved is not reviewable again
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'secretary', approval: cosign('sec') })).code).toBe('rule');
    b.core.close();
  });

  it('refuses the wrong person at a step, a wrong password, the presenter and one person signing office and 书记', async () => {
    const b = await bureau();
    // no default 分管领导: anyone with the approver role, but not someone who signs a later step too
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { reviewers: {} }));
    const before = businessSnapshot(b.core);
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: { ...cosign('lead'), password: 'wrong' } })).toMatchObject({ field: 'approval.password' });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('clerk1') })).message).toContain('不相容岗位分离');
    expect(businessSnapshot(b.core)).toBe(before);
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('m3') });
    // the named office reviewer is 周建华: 马骏 may not sign it
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('m3') })).message).toContain('不是本事项指定的审批人');
    b.core.close();
  });

  it('refuses the office reviewer who already gave the 分管领导 opinion (unnamed steps)', async () => {
    const b = await bureau();
    const t = await ok(b.core, b.clerk.session, 'minutes.typeSave', { name: '专题党组会', requiresReview: true });
    // a user-defined type cannot decide 三重一大, so an ordinary decision item
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { typeId: t.id, major: '', amount: null, reviewers: {} }));
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('m3') });
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('m3') });
    expect(e).toMatchObject({ field: 'approval.login' });
    expect(e.message).toContain('不相容岗位分离');
    expect(businessSnapshot(b.core)).toBe(before);
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('m4') });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'secretary', approval: cosign('m4') })).message).toContain('不相容岗位分离');
    // the 分管领导 may sign as 书记 as well
    const done = await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'secretary', approval: cosign('m3') });
    expect(done.state).toBe('approved');
    b.core.close();
  });

  it('a rejection returns the item; it is revised and resubmitted for a second round', async () => {
    const b = await bureau();
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('lead') });
    const r = await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('office', 'rejected', '请补充预算明细') });
    expect(r).toMatchObject({ state: 'returned', reviewStep: null });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('lead') })).code).toBe('rule');
    // its number belongs to its year: the date cannot move to another year
    expect(await refused(b.core, b.clerk.session, 'minutes.agendaResubmit', { ...agendaInput(b, { submittedOn: `${LAST_YEAR}-12-30` }), id: a.id })).toMatchObject({ field: 'submittedOn' });
    const again = await ok(b.core, b.clerk.session, 'minutes.agendaResubmit', { ...agendaInput(b, { amount: 30_000_000, attachments: [{ name: '预算明细', pages: 2 }] }), id: a.id });
    expect(again).toMatchObject({ state: 'reviewing', reviewStep: 'leader', reviewRound: 2, amount: 30_000_000, label: a.label });
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('lead') });
    const shared = await ok(b.core, b.clerk.session, 'approvals.forObject', { objectType: 'minutes.agenda', objectId: a.id });
    expect(shared.at(-1)?.step).toBe('分管领导意见（第2轮）');
    // only a returned item can be resubmitted
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaResubmit', { ...agendaInput(b), id: a.id })).field).toBe('id');
    b.core.close();
  });

  it('paper signatures: not in the future, not before the item, not before the previous step', async () => {
    const b = await bureau();
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { submittedOn: `${LAST_YEAR}-03-01` }));
    const paper = (signerId: number, signedAt: string) => ({ mode: 'paper' as const, decision: 'approved' as const, comment: '同意', signerId, signedAt, filingNo: `议审〔${LAST_YEAR}〕1号` });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: paper(b.leader.id, '2999-01-01T09:00:00+08:00') })).field).toBe('approval.signedAt');
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: paper(b.leader.id, `${LAST_YEAR}-02-01T09:00:00+08:00`) })).field).toBe('approval.signedAt');
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: paper(b.leader.id, `${LAST_YEAR}-03-02T09:00:00+08:00`) });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: paper(b.office.id, `${LAST_YEAR}-03-01T09:00:00+08:00`) })).field).toBe('approval.signedAt');
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: paper(b.office.id, `${LAST_YEAR}-03-03T09:00:00+08:00`) });
    const done = await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'secretary', approval: paper(b.secretary.id, `${LAST_YEAR}-03-04T10:00:00+08:00`) });
    expect(done.approvedAt).toBe(`${LAST_YEAR}-03-04T10:00:00.000+08:00`);
    expect(done.reviews[2]).toMatchObject({ mode: 'paper', paperFilingNo: `议审〔${LAST_YEAR}〕1号` });
    b.core.close();
  });

  it('withdraws an open item with a reason, never a decided one; the ledger filters by state and step', async () => {
    const b = await bureau();
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    await approvedItem(b, { title: '关于调整法律援助补贴标准的请示' });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaWithdraw', { id: a.id, reason: '' })).field).toBe('reason');
    const w = await ok(b.core, b.clerk.session, 'minutes.agendaWithdraw', { id: a.id, reason: '并入下次议题' });
    expect(w).toMatchObject({ state: 'withdrawn', withdrawReason: '并入下次议题' });
    expect((await refused(b.core, b.clerk.session, 'minutes.agendaWithdraw', { id: a.id, reason: '再撤' })).code).toBe('rule');
    expect(() => b.core.state.db.prepare("UPDATE minutes_agenda SET title = 'x' WHERE id = ?").run(a.id)).toThrow(/已撤回/);
    expect(() => b.core.state.db.prepare('DELETE FROM minutes_agenda WHERE id = ?').run(a.id)).toThrow(/不可删除/);
    const ledger = await ok(b.core, b.auditor.session, 'minutes.agendaList', { year: THIS_YEAR });
    expect(ledger.total).toBe(2);
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaList', { state: 'approved' })).rows.map((r) => r.title)).toEqual(['关于调整法律援助补贴标准的请示']);
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaList', { q: '补贴' })).total).toBe(1);
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaList', { q: '%' })).total).toBe(0);
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaList', { from: TODAY, to: TODAY, major: true })).total).toBe(2);
    b.core.close();
  });

  it('lists what waits for a named reviewer', async () => {
    const b = await bureau();
    await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    expect((await ok(b.core, b.leader.session, 'minutes.agendaList', { waitingForId: b.leader.id })).total).toBe(1);
    expect((await ok(b.core, b.office.session, 'minutes.agendaList', { waitingForId: b.office.id })).total).toBe(0);
    expect((await ok(b.core, b.office.session, 'minutes.agendaList', { state: 'leader' })).total).toBe(1);
    b.core.close();
  });
});
