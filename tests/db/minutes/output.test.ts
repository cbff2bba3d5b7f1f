// The dashboard, decisions for other registers, the printed registers, the book for the archive, roles.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getDecision } from '../../../db/minutes/queries';
import { ok, refused } from '../../helpers';
import { LAST_YEAR, THIS_YEAR, TODAY, agendaInput, approvedItem, bureau, cosign, partyMeeting, type Bureau } from './fixture';

async function decided(b: Bureau) {
  const a = await approvedItem(b);
  const m = await ok(b.core, b.clerk.session, 'minutes.create', {
    ...partyMeeting(b),
    items: [{ agendaId: a.id, title: 'x', voteFor: 5, voteAgainst: 0, voteAbstain: 0, outcome: 'passed', decision: '同意购置，金额 35 万元。', executor: '社区矫正科' }],
  });
  return { a, m };
}

describe('decisions referable from other registers', () => {
  it('gives a decision by its stable id: finalised or not, meeting type, amount, title, date', async () => {
    const b = await bureau();
    const { m } = await decided(b);
    const id = m.items[0].id;
    const draft = await ok(b.core, b.clerk.session, 'minutes.decision', { id });
    expect(draft).toMatchObject({ finalised: false, state: 'draft', meetingType: '党组会议', typeCode: 'party_group', amount: 35_000_000, major: 'fund', date: TODAY, title: '关于购置社区矫正监管车辆的请示' });
    expect(draft.label).toBe(`党组会议 ${THIS_YEAR}年第1次 议题1`);
    expect(await ok(b.core, b.clerk.session, 'minutes.decisions', { finalisedOnly: true })).toEqual([]);
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    expect((await ok(b.core, b.leader.session, 'minutes.decision', { id })).finalised).toBe(true);
    expect(getDecision(b.core.state.db, id)?.finalised).toBe(true);
    expect(getDecision(b.core.state.db, 999)).toBeNull();
    const picked = await ok(b.core, b.admin, 'minutes.decisions', { q: '车辆', majorOnly: true });
    expect(picked.map((d) => d.id)).toEqual([id]);
    expect(await ok(b.core, b.clerk.session, 'minutes.decisions', { q: '不存在的' })).toEqual([]);
    expect((await refused(b.core, b.clerk.session, 'minutes.decision', { id: 999 })).code).toBe('not_found');
    b.core.close();
  });
});

describe('dashboard', () => {
  it('shows each book this year held against its plan, 三重一大 with the discipline head present, and the agenda waiting for review', async () => {
    const b = await bureau();
    for (let i = 1; i <= 7; i++) {
      await ok(b.core, b.clerk.session, 'minutes.create', {
        typeId: b.study.id,
        date: `${THIS_YEAR}-${String(i).padStart(2, '0')}-15`,
        startTime: '14:30',
        endTime: '17:00',
        place: '三楼会议室',
        host: { name: '王志强' },
        recorder: { name: '李晓梅' },
        topic: `专题学习（${i}）`,
        form: '集中学习',
        summary: '学习内容……',
      });
    }
    await ok(b.core, b.clerk.session, 'minutes.create', { typeId: b.study.id, date: `${LAST_YEAR}-05-15`, startTime: '14:30', endTime: '17:00', place: '三楼会议室', host: { name: '王志强' }, recorder: { name: '李晓梅' }, topic: '去年', summary: '……' });
    const { m } = await decided(b);
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { title: '等待分管领导' }));
    const x = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, { title: '等待办公室' }));
    await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: x.id, step: 'leader', approval: cosign('lead') });
    const d = await ok(b.core, b.auditor.session, 'minutes.dashboard', {});
    expect(d.year).toBe(THIS_YEAR);
    const study = d.books.find((s) => s.typeName === '理论学习中心组学习')!;
    expect(study).toMatchObject({ held: 7, planned: 10, drafts: 7 });
    expect(d.books.find((s) => s.typeName === '党组会议')).toMatchObject({ held: 1, finalised: 1, planned: 24 });
    expect(d.books.map((s) => s.typeName)).toContain('党员大会');
    expect(d.major).toEqual({ decided: 1, withDiscipline: 1, withoutDiscipline: 0, flaggedMeetings: 0 });
    expect(d.agenda).toMatchObject({ leader: 1, office: 1, secretary: 0 });
    expect(d.drafts).toBe(8);
    const last = await ok(b.core, b.auditor.session, 'minutes.dashboard', { year: LAST_YEAR });
    expect(last.books.find((s) => s.typeName === '理论学习中心组学习')?.held).toBe(1);
    b.core.close();
  });
});

describe('printed registers and the yearly book', () => {
  it('prints the meeting book per type and year, and the agenda ledger, through the output framework', async () => {
    const b = await bureau();
    const { m } = await decided(b);
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: b.bureauType.id, summary: '局务会议' });
    const book = await ok(b.core, b.clerk.session, 'output.rows', { register: 'minutes.meetings', filter: { year: THIS_YEAR, extra: { typeId: b.party.id } } });
    expect(book.total).toBe(1);
    expect(book.rows[0]).toMatchObject({ label: `${THIS_YEAR}年第1次`, attendance: '5/5', majorCount: 1, stateLabel: '已定稿', hostName: '王志强' });
    expect(String(book.rows[0].titles)).toContain('关于购置社区矫正监管车辆的请示');
    const ledger = await ok(b.core, b.auditor.session, 'output.rows', { register: 'minutes.agenda', filter: { year: THIS_YEAR } });
    expect(ledger.rows[0]).toMatchObject({ majorLabel: '大额资金使用', legality: '已审查', stateLabel: '已上会', outcomeLabel: '通过', amount: 35_000_000 });
    expect(String(ledger.rows[0].leader)).toContain('何平 同意');
    expect(String(ledger.rows[0].meetingLabel)).toContain('党组会议');
    // the approver may print, the administrator may not read minutes
    expect((await refused(b.core, b.admin, 'output.rows', { register: 'minutes.meetings' })).code).toBe('forbidden');
    const cp = await ok(b.core, b.clerk.session, 'output.printed', { register: 'minutes.meetings', layout: 'form', format: 'pdf', objectId: String(m.id), pages: 3 });
    expect(cp.seq).toBeGreaterThan(0);
    b.core.close();
  });

  it('exports the agenda ledger to xlsx', async () => {
    const b = await bureau();
    await approvedItem(b);
    const job = await ok(b.core, b.clerk.session, 'output.exportStart', { register: 'minutes.agenda', filter: { year: THIS_YEAR } });
    let s = job;
    for (let i = 0; i < 200 && s.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      s = await ok(b.core, b.clerk.session, 'output.exportStatus', { id: job.id });
    }
    expect(s.state).toBe('done');
    const file = await ok(b.core, b.clerk.session, 'output.exportFetch', { id: job.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).values).toContain('议题名称');
    expect(ws.getRow(4).values).toContain('关于购置社区矫正监管车辆的请示');
    b.core.close();
  });

  it('gives the whole yearly book for the archive: summary, unit, every record in number order with its retention', async () => {
    const b = await bureau();
    const { m } = await decided(b);
    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    const v = await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), summary: '误建' });
    await ok(b.core, b.clerk.session, 'minutes.void', { id: v.id, reason: '误建' });
    const book = await ok(b.core, b.auditor.session, 'minutes.book', { typeId: b.party.id, year: THIS_YEAR });
    expect(book.unitName).toBe('××区司法局');
    expect(book.summary).toMatchObject({ held: 1, voided: 1, planned: 24, retention: '永久' });
    expect(book.total).toBe(2);
    expect(book.records.map((r) => [r.number, r.state])).toEqual([
      [1, 'finalised'],
      [2, 'voided'],
    ]);
    const second = await ok(b.core, b.auditor.session, 'minutes.book', { typeId: b.party.id, year: THIS_YEAR, offset: 1, limit: 1 });
    expect(second.records.map((r) => r.number)).toEqual([2]);
    const empty = await ok(b.core, b.auditor.session, 'minutes.book', { typeId: b.party.id, year: LAST_YEAR });
    expect(empty.records).toEqual([]);
    b.core.close();
  });
});

describe('list', () => {
  it('filters by year, dates, state, type, person, 三重一大 and text; sorts and pages in SQL', async () => {
    const b = await bureau();
    await decided(b);
    for (let i = 1; i <= 12; i++) {
      await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: b.bureauType.id, date: `${LAST_YEAR}-${String(i).padStart(2, '0')}-10`, host: { userId: b.leader.id, name: '何平' }, summary: `第${i}次局务会议` });
    }
    const all = await ok(b.core, b.clerk.session, 'minutes.list', { pageSize: 5 });
    expect(all.total).toBe(13);
    expect(all.rows).toHaveLength(5);
    expect(all.rows[0].date).toBe(TODAY);
    const p3 = await ok(b.core, b.clerk.session, 'minutes.list', { pageSize: 5, page: 3 });
    expect(p3.rows).toHaveLength(3);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { year: LAST_YEAR, sort: 'number' })).rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { from: `${LAST_YEAR}-03-01`, to: `${LAST_YEAR}-05-31` })).total).toBe(3);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { major: true })).total).toBe(1);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { typeId: b.bureauType.id, personId: b.leader.id })).total).toBe(12);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { personId: b.member3.id })).total).toBe(13); // a member present
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { state: 'finalised' })).total).toBe(0);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { q: '车辆' })).total).toBe(1);
    expect((await ok(b.core, b.clerk.session, 'minutes.list', { q: '_' })).total).toBe(0);
    b.core.close();
  });
});

describe('roles', () => {
  it('clerks record, approvers review and read, auditors read only, administrators configure types only', async () => {
    const b = await bureau();
    const body = partyMeeting(b);
    expect((await refused(b.core, b.auditor.session, 'minutes.create', body)).code).toBe('forbidden');
    expect((await refused(b.core, b.leader.session, 'minutes.create', body)).code).toBe('forbidden');
    expect((await refused(b.core, b.admin, 'minutes.list', {})).code).toBe('forbidden');
    expect((await refused(b.core, b.auditor.session, 'minutes.agendaReview', { id: 1, step: 'leader', approval: cosign('lead') })).code).toBe('forbidden');
    await ok(b.core, b.admin, 'minutes.typeSave', { name: '安全生产专题会' });
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    // the 分管领导 signs at their own session with their own password
    expect((await ok(b.core, b.leader.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('lead') })).reviewStep).toBe('office');
    expect((await ok(b.core, b.auditor.session, 'minutes.agendaGet', { id: a.id })).reviews).toHaveLength(1);
    b.core.close();
  });
});
