// Meeting types and their yearly books: each type its own book, each book one year, numbered per book.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { LAST_YEAR, THIS_YEAR, TODAY, bureau, partyMeeting } from './fixture';

describe('meeting types', () => {
  it('has the built-in books with their plans and retention; 党组会议 and 局务会议 are kept permanently', async () => {
    const b = await bureau();
    const names = b.types.map((t) => t.name);
    expect(names).toEqual(['党组会议', '局务会议', '廉政谈话', '党支部委员会', '党员大会', '理论学习中心组学习']);
    expect(b.types.find((t) => t.code === 'study_group')).toMatchObject({ plannedPerYear: 10, kind: 'study' });
    expect(b.types.find((t) => t.code === 'bureau')).toMatchObject({ retention: '永久', decidesMajor: false });
    expect(b.party).toMatchObject({ retention: '永久', requiresReview: true, decidesMajor: true, disciplineHead: { name: '陈静' } });
    expect(b.party.members.map((m) => m.name)).toEqual(['王志强', '何平', '马骏', '孙丽', '吴强']);
    b.core.close();
  });

  it('refuses renaming a built-in type, shortening the retention of 党组会议/局务会议 or dropping the agenda review', async () => {
    const b = await bureau();
    const before = businessSnapshot(b.core);
    const base = { id: b.bureauType.id, name: '局务会议', kind: 'meeting' as const, retention: '永久' as const };
    expect(await refused(b.core, b.clerk.session, 'minutes.typeSave', { ...base, name: '局长办公会' })).toMatchObject({ code: 'rule', field: 'name' });
    const r = await refused(b.core, b.clerk.session, 'minutes.typeSave', { ...base, retention: '10年' });
    expect(r).toMatchObject({ code: 'rule', field: 'retention' });
    expect(r.message).toContain('永久');
    expect(await refused(b.core, b.clerk.session, 'minutes.typeSave', { id: b.party.id, name: '党组会议', kind: 'meeting', retention: '永久', requiresReview: false })).toMatchObject({ field: 'requiresReview' });
    expect(businessSnapshot(b.core)).toBe(before);
    // the schema refuses it too
    expect(() => b.core.state.db.prepare("UPDATE minutes_types SET retention = '10年' WHERE code = 'party_group'").run()).toThrow(/CHECK/);
    b.core.close();
  });

  it('adds a user-defined type with members and a plan; duplicates and an office reviewer who is also the secretary are refused', async () => {
    const b = await bureau();
    const t = await ok(b.core, b.clerk.session, 'minutes.typeSave', {
      name: '法治政府建设领导小组会议',
      plannedPerYear: 4,
      retention: '30年',
      members: [{ userId: b.secretary.id, name: '王志强' }, { name: '外聘法律顾问', post: '律师' }],
    });
    expect(t).toMatchObject({ builtIn: false, kind: 'meeting', plannedPerYear: 4, decidesMajor: false });
    expect(t.members[1]).toEqual({ userId: null, name: '外聘法律顾问', post: '律师' });
    expect((await refused(b.core, b.clerk.session, 'minutes.typeSave', { name: '法治政府建设领导小组会议' })).code).toBe('conflict');
    expect(await refused(b.core, b.clerk.session, 'minutes.typeSave', { name: '专题会', members: [{ name: '甲' }, { name: '甲' }] })).toMatchObject({ field: 'members.1.name' });
    expect(await refused(b.core, b.clerk.session, 'minutes.typeSave', { name: '专题会', reviewers: { officeId: b.secretary.id, secretaryId: b.secretary.id } })).toMatchObject({
      field: 'reviewers.officeId',
    });
    expect((await refused(b.core, b.clerk.session, 'minutes.typeSave', { name: '专题会', reviewers: { leaderId: b.clerk.id } })).message).toContain('没有“审批人”角色');
    // a 审计员 reads the types but cannot change them
    expect((await refused(b.core, b.auditor.session, 'minutes.typeSave', { name: '专题会' })).code).toBe('forbidden');
    expect((await ok(b.core, b.auditor.session, 'minutes.types', {})).length).toBe(7);
    b.core.close();
  });
});

describe('books', () => {
  it('numbers meetings per book and per year: 2025年第1次, 第2次 …, and again 第1次 in the next year and in another book', async () => {
    const b = await bureau();
    const m1 = await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), date: `${LAST_YEAR}-03-05` });
    const m2 = await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), date: `${LAST_YEAR}-04-05` });
    const m3 = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b));
    const m4 = await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: b.bureauType.id });
    expect([m1.label, m2.label, m3.label, m4.label]).toEqual([`${LAST_YEAR}年第1次`, `${LAST_YEAR}年第2次`, `${THIS_YEAR}年第1次`, `${THIS_YEAR}年第1次`]);
    expect(m1.bookId).toBe(m2.bookId);
    expect(m3.bookId).not.toBe(m1.bookId);
    expect(m4.bookId).not.toBe(m3.bookId);
    // a voided draft keeps its number: the next one is 第3次
    await ok(b.core, b.clerk.session, 'minutes.void', { id: m2.id, reason: '重复登记' });
    const m5 = await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), date: `${LAST_YEAR}-05-05` });
    expect(m5.label).toBe(`${LAST_YEAR}年第3次`);
    b.core.close();
  });

  it('refuses filing a 党组会议 in the 局务会议 book, and changes nothing', async () => {
    const b = await bureau();
    const bureauMeeting = await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: b.bureauType.id });
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), bookId: bureauMeeting.bookId });
    expect(e).toMatchObject({ code: 'rule', field: 'bookId' });
    expect(e.message).toBe('党组会议不能记入局务会议记录本：每类会议单独成册');
    expect(businessSnapshot(b.core)).toBe(before);
    // and the database refuses such a row even if the core were bypassed
    const db = b.core.state.db;
    expect(() =>
      db
        .prepare("INSERT INTO minutes_meetings (book_id, type_id, year, number, date, start_time, end_time, place, host_name, recorder_name, state, created_by, created_at, updated_at) VALUES (?,?,?,99,?,'09:00','10:00','x','x','x','draft',1,'t','t')")
        .run(bureauMeeting.bookId, b.party.id, THIS_YEAR, TODAY),
    ).toThrow(/FOREIGN KEY/);
    b.core.close();
  });

  it('refuses a meeting dated in another year than its book, on create and on update', async () => {
    const b = await bureau();
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b));
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), bookId: m.bookId, date: `${LAST_YEAR}-12-30` });
    expect(e).toMatchObject({ code: 'rule', field: 'date' });
    expect(e.message).toContain('记录本不跨年度');
    const { typeId: _t, ...body } = partyMeeting(b);
    const e2 = await refused(b.core, b.clerk.session, 'minutes.update', { ...body, id: m.id, date: `${LAST_YEAR}-12-30` });
    expect(e2).toMatchObject({ code: 'rule', field: 'date' });
    expect(businessSnapshot(b.core)).toBe(before);
    const db = b.core.state.db;
    expect(() => db.prepare('UPDATE minutes_meetings SET date = ? WHERE id = ?').run(`${LAST_YEAR}-12-30`, m.id)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE minutes_meetings SET book_id = book_id WHERE id = ?').run(m.id)).toThrow(/不可修改/);
    expect(() => db.prepare('DELETE FROM minutes_meetings WHERE id = ?').run(m.id)).toThrow(/不可删除/);
    b.core.close();
  });

  it('refuses changing the record form of a type that already has records', async () => {
    const b = await bureau();
    const t = await ok(b.core, b.clerk.session, 'minutes.typeSave', { name: '专题会' });
    await ok(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: t.id, summary: '专题研究' });
    const before = businessSnapshot(b.core);
    expect(await refused(b.core, b.clerk.session, 'minutes.typeSave', { id: t.id, name: '专题会', kind: 'talk' })).toMatchObject({ code: 'rule', field: 'kind' });
    expect(await refused(b.core, b.clerk.session, 'minutes.typeSave', { id: b.integrity.id, name: '廉政谈话', kind: 'meeting' })).toMatchObject({ field: 'kind' });
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });

  it('refuses an unknown or inactive type and a talk filed as a meeting', async () => {
    const b = await bureau();
    expect(await refused(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: 999 })).toMatchObject({ code: 'not_found', field: 'typeId' });
    expect(await refused(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: b.integrity.id })).toMatchObject({ code: 'rule', field: 'typeId' });
    const t = await ok(b.core, b.clerk.session, 'minutes.typeSave', { name: '临时专题会', active: false });
    expect(await refused(b.core, b.clerk.session, 'minutes.create', { ...partyMeeting(b), typeId: t.id })).toMatchObject({ code: 'rule', field: 'typeId' });
    b.core.close();
  });

  it('sets the year plan of a book', async () => {
    const b = await bureau();
    const s = await ok(b.core, b.clerk.session, 'minutes.bookPlan', { typeId: b.study.id, year: THIS_YEAR, planned: 12 });
    expect(s).toMatchObject({ typeName: '理论学习中心组学习', planned: 12, held: 0 });
    expect((await refused(b.core, b.clerk.session, 'minutes.bookPlan', { typeId: b.study.id, year: THIS_YEAR, planned: -1 })).field).toBe('planned');
    b.core.close();
  });
});

describe('schema', () => {
  it('list queries use their indexes', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM minutes_meetings m WHERE m.year = 2025 AND m.type_id = 1 ORDER BY m.year, m.type_id, m.number LIMIT 50')).toContain('minutes_meetings_year');
    expect(plan('SELECT * FROM minutes_meetings m ORDER BY m.date DESC, m.id DESC LIMIT 50')).toContain('minutes_meetings_date');
    expect(plan("SELECT * FROM minutes_meetings m WHERE m.state = 'draft' ORDER BY m.date DESC LIMIT 50")).toContain('minutes_meetings_state');
    expect(plan('SELECT * FROM minutes_meetings m WHERE m.type_id = 1 ORDER BY m.date DESC LIMIT 50')).toContain('minutes_meetings_type');
    expect(plan('SELECT * FROM minutes_agenda a ORDER BY a.submitted_on DESC, a.id DESC LIMIT 50')).toContain('minutes_agenda_submitted');
    expect(plan("SELECT * FROM minutes_agenda a WHERE a.state = 'approved' ORDER BY a.submitted_on DESC LIMIT 50")).toContain('minutes_agenda_state');
    expect(plan('SELECT * FROM minutes_agenda a WHERE a.year = 2025 ORDER BY a.year, a.number LIMIT 50')).toMatch(/sqlite_autoindex_minutes_agenda_1|minutes_agenda/);
    b.core.close();
  });
});
