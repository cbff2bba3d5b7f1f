// Reads of the minutes register: types, books, meeting records with their checks, agenda items,
// decisions. Prepared statements with parameters only. Other registers may import `getDecision`
// to check a decision inside their own transaction (e.g. a large payment citing a 党组会议 decision).
import { backEnteredOn } from '../core/time';
import type { Db } from '../core/open';
import { DomainError } from '../core/errors';
import { likePattern } from '../core/sql';
import { attachmentsOf } from '../core/attachments';
import {
  MINUTES_AGENDA_OBJECT,
  MINUTES_MEETING_OBJECT,
  AGENDA_STATE_LABELS,
  CATEGORY_LABELS,
  MAJOR_LABELS,
  MEETING_STATE_LABELS,
  OUTCOME_LABELS,
  REVIEW_STEP_LABELS,
  TALK_KIND_LABELS,
  agendaLabel,
  meetingLabel,
  type AgendaDetail,
  type AgendaRow,
  type BookSummary,
  type Category,
  type Check,
  type MajorKind,
  type MeetingDetail,
  type MeetingItem,
  type MeetingRow,
  type MeetingState,
  type MeetingType,
  type Outcome,
  type ReviewStep,
  type TalkKind,
  type TypeCode,
  type TypeKind,
  type AgendaState,
} from '../contract/minutes';
import type { RegisterFilter } from '../contract/output';

// ---- small helpers ------------------------------------------------------------------------------

/** A prepared statement, compiled once per connection (core/rows). */
export { stmt } from '../core/rows';
import { stmt } from '../core/rows';
type Args = unknown[];
export const all = <T>(db: Db, sql: string, ...args: Args) => stmt(db, sql).all(...args) as T[];
export const one = <T>(db: Db, sql: string, ...args: Args) => stmt(db, sql).get(...args) as T | undefined;
export const run = (db: Db, sql: string, ...args: Args) => stmt(db, sql).run(...args);

const bool = (n: number | null | undefined) => n === 1;
const majorOf = (s: string) => (s === '' ? '' : (s as MajorKind));
const fenToYuan = (f: number) => (f / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// ---- types --------------------------------------------------------------------------------------

export interface TypeRow {
  id: number;
  code: TypeCode | null;
  name: string;
  kind: TypeKind;
  planned_per_year: number;
  retention: '永久' | '30年' | '10年';
  requires_review: number;
  decides_major: number;
  reviewer_leader_id: number | null;
  reviewer_office_id: number | null;
  reviewer_secretary_id: number | null;
  discipline_head_id: number | null;
  discipline_head_name: string;
  active: number;
  sort: number;
}

export const typeRow = (db: Db, id: number) => one<TypeRow>(db, 'SELECT * FROM minutes_types WHERE id = ?', id);
export const typeByCode = (db: Db, code: TypeCode) => one<TypeRow>(db, 'SELECT * FROM minutes_types WHERE code = ?', code);

export interface MemberRef {
  userId: number | null;
  name: string;
  post: string;
}

export const typeMembers = (db: Db, typeId: number) =>
  all<MemberRef>(db, 'SELECT user_id AS userId, name, post FROM minutes_type_members WHERE type_id = ? ORDER BY seq', typeId);

export const userRef = (db: Db, id: number | null): MemberRef | null => {
  if (!id) return null;
  const u = one<{ id: number; name: string; post: string }>(db, 'SELECT id, name, post FROM users WHERE id = ?', id);
  return u ? { userId: u.id, name: u.name, post: u.post } : null;
};

export function toType(db: Db, r: TypeRow): MeetingType {
  const head = r.discipline_head_name ? { userId: r.discipline_head_id, name: r.discipline_head_name, post: '' } : null;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    builtIn: r.code !== null,
    plannedPerYear: r.planned_per_year,
    retention: r.retention,
    requiresReview: bool(r.requires_review),
    decidesMajor: bool(r.decides_major),
    reviewers: { leader: userRef(db, r.reviewer_leader_id), office: userRef(db, r.reviewer_office_id), secretary: userRef(db, r.reviewer_secretary_id) },
    disciplineHead: head,
    members: typeMembers(db, r.id),
    active: bool(r.active),
  };
}

export const listTypes = (db: Db, includeInactive: boolean) =>
  all<TypeRow>(db, `SELECT * FROM minutes_types ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, sort, id`).map((r) => toType(db, r));

// ---- books --------------------------------------------------------------------------------------

export interface BookRow {
  id: number;
  type_id: number;
  year: number;
  planned: number;
  bound_at: string | null;
}
export const bookRow = (db: Db, id: number) => one<BookRow>(db, 'SELECT id, type_id, year, planned, bound_at FROM minutes_books WHERE id = ?', id);
export const bookFor = (db: Db, typeId: number, year: number) => one<BookRow>(db, 'SELECT id, type_id, year, planned, bound_at FROM minutes_books WHERE type_id = ? AND year = ?', typeId, year);

export function bookSummary(db: Db, t: TypeRow, year: number): BookSummary {
  const b = bookFor(db, t.id, year);
  const c = b
    ? one<{ held: number; finalised: number; drafts: number; voided: number; flagged: number }>(
        db,
        `SELECT coalesce(sum(state <> 'voided'), 0) AS held, coalesce(sum(state = 'finalised'), 0) AS finalised,
                coalesce(sum(state = 'draft'), 0) AS drafts, coalesce(sum(state = 'voided'), 0) AS voided, coalesce(sum(flagged), 0) AS flagged
         FROM minutes_meetings WHERE book_id = ?`,
        b.id,
      )!
    : { held: 0, finalised: 0, drafts: 0, voided: 0, flagged: 0 };
  return { typeId: t.id, typeName: t.name, typeCode: t.code, kind: t.kind, retention: t.retention, bookId: b?.id ?? null, year, ...c, planned: b ? b.planned : t.planned_per_year, boundAt: b?.bound_at ?? null };
}

// ---- meetings -----------------------------------------------------------------------------------

export interface MeetingDbRow {
  id: number;
  book_id: number;
  type_id: number;
  year: number;
  number: number;
  date: string;
  start_time: string;
  end_time: string;
  place: string;
  host_id: number | null;
  host_name: string;
  recorder_id: number | null;
  recorder_name: string;
  topic: string;
  form: string;
  talk_kind: TalkKind | null;
  summary: string;
  response: string;
  attachments: string;
  discipline_invited: number;
  discipline_attended: number;
  discipline_name: string;
  discipline_reason: string;
  major_count: number;
  state: MeetingState;
  checks: string;
  flagged: number;
  ack_reason: string;
  finalised_at: string | null;
  finalised_by: number | null;
  void_reason: string;
  voided_at: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export const meetingRow = (db: Db, id: number) => one<MeetingDbRow>(db, 'SELECT * FROM minutes_meetings WHERE id = ?', id);

export function requireMeeting(db: Db, id: number, field = 'id'): MeetingDbRow {
  const m = meetingRow(db, id);
  if (!m) throw new DomainError('not_found', '会议记录不存在', field);
  return m;
}

interface ItemDbRow {
  id: number;
  seq: number;
  agenda_id: number | null;
  agenda_year: number | null;
  agenda_number: number | null;
  title: string;
  presenter_id: number | null;
  presenter_name: string;
  category: Category;
  major: string;
  amount: number | null;
  vote_for: number | null;
  vote_against: number | null;
  vote_abstain: number | null;
  vote_note: string;
  outcome: Outcome;
  decision: string;
  executor: string;
}

const nameOf = (db: Db, id: number | null) => (id ? (one<{ name: string }>(db, 'SELECT name FROM users WHERE id = ?', id)?.name ?? null) : null);

export interface Quorum {
  expected: number;
  present: number;
  needed: number;
  ok: boolean;
}

export function quorumOf(members: { present: boolean }[], twoThirds = false): Quorum {
  const expected = members.length;
  const present = members.filter((m) => m.present).length;
  // 党组工作条例: more than half of the members present; two thirds for appointments (干部任免).
  const needed = twoThirds ? Math.ceil((expected * 2) / 3) : Math.floor(expected / 2) + 1;
  return { expected, present, needed, ok: expected > 0 && present >= needed };
}

/** The record's items, as the form and the print show them. */
function itemsOf(db: Db, meetingId: number): MeetingItem[] {
  const items = all<ItemDbRow>(
    db,
    `SELECT i.*, a.year AS agenda_year, a.number AS agenda_number FROM minutes_items i
     LEFT JOIN minutes_agenda a ON a.id = i.agenda_id WHERE i.meeting_id = ? ORDER BY i.seq`,
    meetingId,
  );
  const attendees = all<{ item_id: number; user_id: number | null; name: string; post: string }>(
    db,
    'SELECT item_id, user_id, name, post FROM minutes_attendees WHERE meeting_id = ? AND item_id IS NOT NULL ORDER BY seq',
    meetingId,
  );
  const remarks = all<{ item_id: number; speaker_id: number | null; speaker_name: string; content: string }>(
    db,
    'SELECT item_id, speaker_id, speaker_name, content FROM minutes_remarks WHERE meeting_id = ? ORDER BY item_id, seq',
    meetingId,
  );
  return items.map((i) => ({
    id: i.id,
    seq: i.seq,
    agendaId: i.agenda_id,
    agendaLabel: i.agenda_year && i.agenda_number ? agendaLabel(i.agenda_year, i.agenda_number) : null,
    title: i.title,
    presenter: i.presenter_name ? { userId: i.presenter_id, name: i.presenter_name } : null,
    category: i.category,
    major: majorOf(i.major),
    amount: i.amount,
    attendees: attendees.filter((a) => a.item_id === i.id).map((a) => ({ userId: a.user_id, name: a.name, post: a.post })),
    remarks: remarks.filter((r) => r.item_id === i.id).map((r) => ({ speaker: { userId: r.speaker_id, name: r.speaker_name }, content: r.content })),
    voteFor: i.vote_for,
    voteAgainst: i.vote_against,
    voteAbstain: i.vote_abstain,
    voteNote: i.vote_note,
    outcome: i.outcome,
    decision: i.decision,
    executor: i.executor,
  }));
}

const sameMember = (a: MemberRef, b: MemberRef) => (a.userId && b.userId ? a.userId === b.userId : a.name === b.name);

/**
 * The 三重一大 checks of a 党组会议 record (DOMAIN.md §4): quorum (more than half of the members
 * present; two thirds for appointments), the expected list against the party group's member list,
 * the 派驻纪检监察组组长 invited and present, a vote recorded and a majority of the members in favour.
 * A failing `warning` must be acknowledged with a reason before finalising; `info` is shown only.
 */
export function computeChecks(t: TypeRow, typeMemberList: MemberRef[], m: Pick<MeetingDetail, 'members' | 'discipline' | 'items'>): { checks: Check[]; quorum: Quorum } {
  const decided = m.items.filter((i) => i.major !== '' && i.outcome !== 'deferred');
  const twoThirds = decided.some((i) => i.major === 'appointment');
  const quorum = quorumOf(m.members, twoThirds);
  const checks: Check[] = [];
  if (!t.decides_major || !decided.length) return { checks, quorum };

  const need = twoThirds ? '三分之二以上（讨论干部任免）' : '半数以上';
  checks.push({
    code: 'quorum',
    ok: quorum.ok,
    severity: 'warning',
    message:
      quorum.expected === 0
        ? '未登记应到成员，无法计算到会人数是否符合规定'
        : quorum.ok
          ? `应到 ${quorum.expected} 人，实到 ${quorum.present} 人，达到${need}成员到会的要求`
          : `应到 ${quorum.expected} 人，实到 ${quorum.present} 人，未达到${need}成员到会（至少 ${quorum.needed} 人），不应对三重一大事项作出决定`,
  });

  if (typeMemberList.length) {
    const missing = typeMemberList.filter((tm) => !m.members.some((mm) => sameMember(tm, mm)));
    checks.push({
      code: 'members',
      ok: missing.length === 0,
      severity: 'warning',
      message: missing.length ? `应到人员未包括${t.name}成员：${missing.map((x) => x.name).join('、')}` : `应到人员与${t.name}成员名单一致`,
    });
  }

  const d = m.discipline;
  const who = d.name || '派驻纪检监察组组长';
  checks.push(
    !d.invited
      ? { code: 'discipline', ok: false, severity: 'warning', message: `未邀请${who}列席${d.reason ? `（原因：${d.reason}）` : ''}` }
      : d.attended
        ? { code: 'discipline', ok: true, severity: 'info', message: `${who}列席会议` }
        : { code: 'discipline', ok: true, severity: 'info', message: `已邀请${who}，未出席${d.reason ? `（原因：${d.reason}）` : ''}` },
  );

  const voteMissing = decided.filter((i) => i.outcome !== 'noted' && i.voteFor === null);
  checks.push({
    code: 'vote',
    ok: voteMissing.length === 0,
    severity: 'warning',
    message: voteMissing.length ? `三重一大事项未记录表决情况：${voteMissing.map((i) => `议题${i.seq}`).join('、')}` : '三重一大事项均已记录表决情况',
  });

  const weak = decided.filter((i) => (i.outcome === 'passed' || i.outcome === 'amended') && i.voteFor !== null && !(i.voteFor * 2 > quorum.expected));
  if (decided.some((i) => i.voteFor !== null)) {
    checks.push({
      code: 'majority',
      ok: weak.length === 0,
      severity: 'warning',
      message: weak.length
        ? `${weak.map((i) => `议题${i.seq}同意 ${i.voteFor} 票`).join('、')}，未超过应到成员（${quorum.expected} 人）半数`
        : '通过的三重一大事项同意票均超过应到成员半数',
    });
  }
  return { checks, quorum };
}

function toRowShape(db: Db, r: MeetingDbRow, t: TypeRow, extra?: { expected: number; present: number; itemCount: number; titles: string; amendmentCount: number }): MeetingRow {
  const e =
    extra ??
    one<{ expected: number; present: number; itemCount: number; titles: string | null; amendmentCount: number }>(
      db,
      `SELECT (SELECT count(*) FROM minutes_members WHERE meeting_id = @id AND role = 'member') AS expected,
              (SELECT count(*) FROM minutes_members WHERE meeting_id = @id AND role = 'member' AND present = 1) AS present,
              (SELECT count(*) FROM minutes_items WHERE meeting_id = @id) AS itemCount,
              CASE WHEN @talk THEN (SELECT group_concat(name, '、') FROM (SELECT name FROM minutes_members WHERE meeting_id = @id AND role = 'talkee' ORDER BY seq))
                   ELSE (SELECT group_concat(title, '；') FROM (SELECT title FROM minutes_items WHERE meeting_id = @id ORDER BY seq)) END AS titles,
              (SELECT count(*) FROM minutes_amendments WHERE meeting_id = @id) AS amendmentCount`,
      { id: r.id, talk: t.kind === 'talk' ? 1 : 0 },
    )!;
  return {
    id: r.id,
    typeId: r.type_id,
    typeName: t.name,
    kind: t.kind,
    bookId: r.book_id,
    year: r.year,
    number: r.number,
    label: meetingLabel(r.year, r.number),
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    hostName: r.host_name,
    recorderName: r.recorder_name,
    topic: r.topic,
    talkKind: r.talk_kind,
    expected: e.expected,
    present: e.present,
    itemCount: e.itemCount,
    majorCount: r.major_count,
    titles: e.titles ?? '',
    state: r.state,
    flagged: bool(r.flagged),
    amendmentCount: e.amendmentCount,
  };
}

export function loadMeeting(db: Db, id: number): MeetingDetail {
  const r = requireMeeting(db, id);
  const t = typeRow(db, r.type_id)!;
  const people = all<{ role: 'member' | 'talkee'; user_id: number | null; name: string; post: string; present: number; absent_reason: string }>(
    db,
    'SELECT role, user_id, name, post, present, absent_reason FROM minutes_members WHERE meeting_id = ? ORDER BY seq',
    id,
  );
  const members = people.filter((p) => p.role === 'member').map((p) => ({ userId: p.user_id, name: p.name, post: p.post, present: bool(p.present), absentReason: p.absent_reason }));
  const persons = people.filter((p) => p.role === 'talkee').map((p) => ({ userId: p.user_id, name: p.name, post: p.post }));
  const attendees = all<{ user_id: number | null; name: string; post: string }>(db, 'SELECT user_id, name, post FROM minutes_attendees WHERE meeting_id = ? AND item_id IS NULL ORDER BY seq', id).map((a) => ({
    userId: a.user_id,
    name: a.name,
    post: a.post,
  }));
  const items = itemsOf(db, id);
  const discipline = { invited: bool(r.discipline_invited), attended: bool(r.discipline_attended), name: r.discipline_name, reason: r.discipline_reason };
  const live = computeChecks(t, typeMembers(db, t.id), { members, discipline, items });
  const amendments = all<{ id: number; seq: number; item_id: number | null; item_seq: number | null; content: string; reason: string; signer_id: number | null; signer_name: string; amended_at: string; recorded_by_name: string }>(
    db,
    `SELECT a.id, a.seq, a.item_id, i.seq AS item_seq, a.content, a.reason, a.signer_id, a.signer_name, a.amended_at, u.name AS recorded_by_name
     FROM minutes_amendments a JOIN users u ON u.id = a.recorded_by LEFT JOIN minutes_items i ON i.id = a.item_id
     WHERE a.meeting_id = ? ORDER BY a.seq`,
    id,
  );
  return {
    ...toRowShape(db, r, t, {
      expected: members.length,
      present: members.filter((m) => m.present).length,
      itemCount: items.length,
      titles: t.kind === 'talk' ? persons.map((p) => p.name).join('、') : items.map((i) => i.title).join('；'),
      amendmentCount: amendments.length,
    }),
    typeCode: t.code,
    retention: t.retention,
    requiresReview: bool(t.requires_review),
    decidesMajor: bool(t.decides_major),
    host: { userId: r.host_id, name: r.host_name },
    recorder: { userId: r.recorder_id, name: r.recorder_name },
    form: r.form,
    members,
    persons,
    attendees,
    discipline,
    summary: r.summary,
    response: r.response,
    items,
    attachments: JSON.parse(r.attachments) as { name: string; pages: number | null }[],
    files: attachmentsOf(db, MINUTES_MEETING_OBJECT, id),
    checks: r.state === 'draft' ? live.checks : (JSON.parse(r.checks) as Check[]),
    quorum: live.quorum,
    ackReason: r.ack_reason,
    finalisedAt: r.finalised_at,
    finalisedByName: nameOf(db, r.finalised_by),
    voidReason: r.void_reason,
    voidedAt: r.voided_at,
    amendments: amendments.map((a) => ({
      id: a.id,
      seq: a.seq,
      itemId: a.item_id,
      itemSeq: a.item_seq,
      content: a.content,
      reason: a.reason,
      signer: { userId: a.signer_id, name: a.signer_name },
      amendedAt: a.amended_at,
      recordedByName: a.recorded_by_name,
    })),
    createdByName: nameOf(db, r.created_by) ?? '',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// ---- meeting list (screen, print and export share the filter) -----------------------------------

export interface MeetingFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  typeId?: number;
  bookId?: number;
  personId?: number;
  major?: boolean;
  flagged?: boolean;
}

function meetingWhere(f: MeetingFilter): { where: string; args: Record<string, unknown> } {
  const w: string[] = [];
  const args: Record<string, unknown> = {};
  if (f.year !== undefined) {
    w.push('m.year = @year');
    args.year = f.year;
  }
  if (f.from) {
    w.push('m.date >= @from');
    args.from = f.from;
  }
  if (f.to) {
    w.push('m.date <= @to');
    args.to = f.to;
  }
  if (f.state === 'flagged') w.push('m.flagged = 1');
  else if (f.state === 'open') w.push("m.state = 'draft'");
  else if (f.state) {
    w.push('m.state = @state');
    args.state = f.state;
  }
  if (f.typeId !== undefined) {
    w.push('m.type_id = @typeId');
    args.typeId = f.typeId;
  }
  if (f.bookId !== undefined) {
    w.push('m.book_id = @bookId');
    args.bookId = f.bookId;
  }
  if (f.personId !== undefined) {
    w.push('(m.host_id = @person OR m.recorder_id = @person OR EXISTS (SELECT 1 FROM minutes_members p WHERE p.meeting_id = m.id AND p.user_id = @person))');
    args.person = f.personId;
  }
  if (f.major !== undefined) w.push(f.major ? 'm.major_count > 0' : 'm.major_count = 0');
  if (f.flagged !== undefined) w.push(f.flagged ? 'm.flagged = 1' : 'm.flagged = 0');
  if (f.q) {
    w.push("m.search LIKE @q ESCAPE '\\'");
    args.q = likePattern(f.q);
  }
  return { where: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

const ORDER = {
  date_desc: 'm.date DESC, m.id DESC',
  date_asc: 'm.date, m.id',
  number: 'm.year, m.type_id, m.number',
} as const;

export function countMeetings(db: Db, f: MeetingFilter): number {
  const { where, args } = meetingWhere(f);
  return (db.prepare(`SELECT count(*) AS n FROM minutes_meetings m ${where}`).get(args) as { n: number }).n;
}

/** One statement for a page of the list: the counts and titles come as correlated subqueries. */
export function listMeetings(db: Db, f: MeetingFilter, sort: keyof typeof ORDER, limit: number, offset: number): MeetingRow[] {
  const { where, args } = meetingWhere(f);
  const rows = db
    .prepare(
      `SELECT m.*, t.kind AS t_kind,
         (SELECT count(*) FROM minutes_members p WHERE p.meeting_id = m.id AND p.role = 'member') AS c_expected,
         (SELECT count(*) FROM minutes_members p WHERE p.meeting_id = m.id AND p.role = 'member' AND p.present = 1) AS c_present,
         (SELECT count(*) FROM minutes_items i WHERE i.meeting_id = m.id) AS c_items,
         CASE WHEN t.kind = 'talk' THEN (SELECT group_concat(name, '、') FROM (SELECT name FROM minutes_members p WHERE p.meeting_id = m.id AND p.role = 'talkee' ORDER BY seq))
              ELSE (SELECT group_concat(title, '；') FROM (SELECT title FROM minutes_items i WHERE i.meeting_id = m.id ORDER BY seq)) END AS c_titles,
         (SELECT count(*) FROM minutes_amendments a WHERE a.meeting_id = m.id) AS c_amendments
       FROM minutes_meetings m JOIN minutes_types t ON t.id = m.type_id ${where} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit, offset }) as (MeetingDbRow & { c_expected: number; c_present: number; c_items: number; c_titles: string | null; c_amendments: number })[];
  const types = new Map<number, TypeRow>();
  return rows.map((r) => {
    let t = types.get(r.type_id);
    if (!t) types.set(r.type_id, (t = typeRow(db, r.type_id)!));
    return toRowShape(db, r, t, { expected: r.c_expected, present: r.c_present, itemCount: r.c_items, titles: r.c_titles ?? '', amendmentCount: r.c_amendments });
  });
}

export const filterFromRegister = (f: RegisterFilter): MeetingFilter => {
  const x = f.extra ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  const flag = (v: unknown) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
  return { year: f.year, from: f.from, to: f.to, state: f.state, q: f.q, typeId: num(x.typeId), bookId: num(x.bookId), personId: num(x.personId), major: flag(x.major), flagged: flag(x.flagged) };
};

/** The printed/exported row of the meeting book. */
export function meetingOutputRow(db: Db, r: MeetingRow) {
  const m = one<{ discipline_invited: number; discipline_attended: number; ack_reason: string; void_reason: string; created_at: string; type_code: TypeCode | null }>(
    db,
    'SELECT discipline_invited, discipline_attended, ack_reason, void_reason, created_at, (SELECT code FROM minutes_types t WHERE t.id = type_id) AS type_code FROM minutes_meetings WHERE id = ?',
    r.id,
  )!;
  const flags: string[] = [];
  const keyedOn = backEnteredOn(r.date, m.created_at);
  if (keyedOn) flags.push(`${keyedOn} 补录`);
  if (r.state === 'voided') flags.push(`作废：${m.void_reason}`);
  if (r.flagged) flags.push(`检查未通过已确认：${m.ack_reason}`);
  if (r.amendmentCount) flags.push(`更正 ${r.amendmentCount} 处`);
  return {
    label: r.label,
    typeName: r.typeName,
    when: `${r.date} ${r.startTime}—${r.endTime}`,
    date: r.date,
    time: `${r.startTime}—${r.endTime}`,
    place: r.place,
    hostName: r.hostName,
    recorderName: r.recorderName,
    attendance: r.kind === 'talk' ? '—' : `${r.expected}/${r.present}`,
    titles: r.kind === 'talk' ? `${r.talkKind ? TALK_KIND_LABELS[r.talkKind] : '谈话'}：${r.titles}` : [r.topic, r.titles].filter(Boolean).join('：'),
    majorCount: r.majorCount || null,
    discipline: r.majorCount ? (m.discipline_attended ? '列席' : m.discipline_invited ? '已邀请未出席' : '未邀请') : '',
    stateLabel: MEETING_STATE_LABELS[r.state],
    flags: flags.join('；'),
    _typeCode: m.type_code,
  };
}

// ---- agenda items -------------------------------------------------------------------------------

export interface AgendaDbRow {
  id: number;
  year: number;
  number: number;
  type_id: number;
  submitted_on: string;
  title: string;
  department: string;
  presenter_id: number | null;
  presenter_name: string;
  suggested_attendees: string;
  category: Category;
  major: string;
  amount: number | null;
  decision_sought: string;
  research_done: number;
  research_note: string;
  consultation_done: number;
  consultation_note: string;
  legality_required: number;
  legality_done: number;
  legality_note: string;
  attachments: string;
  leader_reviewer_id: number | null;
  office_reviewer_id: number | null;
  secretary_reviewer_id: number | null;
  state: AgendaState;
  review_step: ReviewStep | null;
  review_round: number;
  approved_at: string | null;
  meeting_id: number | null;
  withdraw_reason: string;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export const agendaRow = (db: Db, id: number) => one<AgendaDbRow>(db, 'SELECT * FROM minutes_agenda WHERE id = ?', id);

export function requireAgenda(db: Db, id: number, field = 'id'): AgendaDbRow {
  const a = agendaRow(db, id);
  if (!a) throw new DomainError('not_found', '议题不存在', field);
  return a;
}

export const reviewerOf = (a: AgendaDbRow, step: ReviewStep) => (step === 'leader' ? a.leader_reviewer_id : step === 'office' ? a.office_reviewer_id : a.secretary_reviewer_id);

function toAgendaRow(db: Db, a: AgendaDbRow, typeName?: string): AgendaRow {
  const meeting = a.meeting_id ? one<{ year: number; number: number; type_name: string }>(db, 'SELECT m.year, m.number, t.name AS type_name FROM minutes_meetings m JOIN minutes_types t ON t.id = m.type_id WHERE m.id = ?', a.meeting_id) : undefined;
  const item = a.meeting_id ? one<{ id: number; outcome: Outcome }>(db, 'SELECT id, outcome FROM minutes_items WHERE meeting_id = ? AND agenda_id = ?', a.meeting_id, a.id) : undefined;
  const waiting = a.state === 'reviewing' && a.review_step ? nameOf(db, reviewerOf(a, a.review_step)) : null;
  return {
    id: a.id,
    year: a.year,
    number: a.number,
    label: agendaLabel(a.year, a.number),
    typeId: a.type_id,
    typeName: typeName ?? typeRow(db, a.type_id)!.name,
    submittedOn: a.submitted_on,
    title: a.title,
    department: a.department,
    presenterName: a.presenter_name,
    category: a.category,
    major: majorOf(a.major),
    amount: a.amount,
    legalityRequired: bool(a.legality_required),
    legalityDone: bool(a.legality_done),
    state: a.state,
    reviewStep: a.review_step,
    reviewRound: a.review_round,
    waitingFor: waiting,
    meetingId: a.meeting_id,
    meetingLabel: meeting ? `${meeting.type_name} ${meetingLabel(meeting.year, meeting.number)}` : null,
    decisionId: a.state === 'decided' && item ? item.id : null,
    outcome: a.state === 'decided' && item ? item.outcome : null,
  };
}

export function reviewsOf(db: Db, agendaId: number) {
  return all<{ round: number; step: ReviewStep; decision: 'approved' | 'rejected'; comment: string; mode: 'cosign' | 'paper'; approverId: number; approverName: string; recordedByName: string; decidedAt: string; signedAt: string | null; paperFilingNo: string | null }>(
    db,
    `SELECT r.round, r.step, r.decision, a.comment, a.mode, a.approver_id AS approverId, ua.name AS approverName, ur.name AS recordedByName,
            a.decided_at AS decidedAt, a.paper_signed_at AS signedAt, a.paper_filing_no AS paperFilingNo
     FROM minutes_agenda_reviews r JOIN approvals a ON a.id = r.approval_id
     JOIN users ua ON ua.id = a.approver_id JOIN users ur ON ur.id = a.recorded_by_id
     WHERE r.agenda_id = ? ORDER BY r.round, r.id`,
    agendaId,
  );
}

export function loadAgenda(db: Db, id: number): AgendaDetail {
  const a = requireAgenda(db, id);
  const row = toAgendaRow(db, a);
  const decision = row.decisionId ? (one<{ decision: string }>(db, 'SELECT decision FROM minutes_items WHERE id = ?', row.decisionId)?.decision ?? null) : null;
  return {
    ...row,
    presenterId: a.presenter_id,
    suggestedAttendees: a.suggested_attendees,
    decisionSought: a.decision_sought,
    researchDone: bool(a.research_done),
    researchNote: a.research_note,
    consultationDone: bool(a.consultation_done),
    consultationNote: a.consultation_note,
    legalityNote: a.legality_note,
    attachments: JSON.parse(a.attachments) as { name: string; pages: number | null }[],
    files: attachmentsOf(db, MINUTES_AGENDA_OBJECT, id),
    reviewers: { leader: userRef(db, a.leader_reviewer_id), office: userRef(db, a.office_reviewer_id), secretary: userRef(db, a.secretary_reviewer_id) },
    reviews: reviewsOf(db, a.id),
    approvedAt: a.approved_at,
    withdrawReason: a.withdraw_reason,
    createdById: a.created_by,
    createdByName: nameOf(db, a.created_by) ?? '',
    createdAt: a.created_at,
    decision,
  };
}

export interface AgendaFilter {
  year?: number;
  from?: string;
  to?: string;
  state?: string;
  q?: string;
  typeId?: number;
  major?: boolean;
  waitingForId?: number;
}

function agendaWhere(f: AgendaFilter) {
  const w: string[] = [];
  const args: Record<string, unknown> = {};
  if (f.year !== undefined) {
    w.push('a.year = @year');
    args.year = f.year;
  }
  if (f.from) {
    w.push('a.submitted_on >= @from');
    args.from = f.from;
  }
  if (f.to) {
    w.push('a.submitted_on <= @to');
    args.to = f.to;
  }
  if (f.state === 'open') w.push("a.state IN ('reviewing', 'returned', 'approved', 'scheduled')");
  else if (f.state && ['leader', 'office', 'secretary'].includes(f.state)) {
    w.push("a.state = 'reviewing' AND a.review_step = @step");
    args.step = f.state;
  } else if (f.state) {
    w.push('a.state = @state');
    args.state = f.state;
  }
  if (f.typeId !== undefined) {
    w.push('a.type_id = @typeId');
    args.typeId = f.typeId;
  }
  if (f.major !== undefined) w.push(f.major ? "a.major <> ''" : "a.major = ''");
  if (f.waitingForId !== undefined) {
    w.push(`a.state = 'reviewing' AND ((a.review_step = 'leader' AND a.leader_reviewer_id = @w) OR (a.review_step = 'office' AND a.office_reviewer_id = @w) OR (a.review_step = 'secretary' AND a.secretary_reviewer_id = @w))`);
    args.w = f.waitingForId;
  }
  if (f.q) {
    w.push("a.search LIKE @q ESCAPE '\\'");
    args.q = likePattern(f.q);
  }
  return { where: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

const AGENDA_ORDER = {
  submitted_desc: 'a.submitted_on DESC, a.id DESC',
  submitted_asc: 'a.submitted_on, a.id',
  number: 'a.year, a.number',
} as const;

export function countAgenda(db: Db, f: AgendaFilter): number {
  const { where, args } = agendaWhere(f);
  return (db.prepare(`SELECT count(*) AS n FROM minutes_agenda a ${where}`).get(args) as { n: number }).n;
}

export function listAgenda(db: Db, f: AgendaFilter, sort: keyof typeof AGENDA_ORDER, limit: number, offset: number): AgendaRow[] {
  const { where, args } = agendaWhere(f);
  const rows = db.prepare(`SELECT a.* FROM minutes_agenda a ${where} ORDER BY ${AGENDA_ORDER[sort]} LIMIT @limit OFFSET @offset`).all({ ...args, limit, offset }) as AgendaDbRow[];
  const names = new Map<number, string>();
  return rows.map((a) => {
    let n = names.get(a.type_id);
    if (n === undefined) names.set(a.type_id, (n = typeRow(db, a.type_id)!.name));
    return toAgendaRow(db, a, n);
  });
}

export const agendaFilterFromRegister = (f: RegisterFilter): AgendaFilter => {
  const x = f.extra ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  return { year: f.year, from: f.from, to: f.to, state: f.state, q: f.q, typeId: num(x.typeId), major: typeof x.major === 'boolean' ? x.major : undefined };
};

export function agendaOutputRow(db: Db, r: AgendaRow) {
  const reviews = reviewsOf(db, r.id).filter((v) => v.round === r.reviewRound);
  const cell = (step: ReviewStep, short = false) => {
    const v = reviews.find((x) => x.step === step);
    if (!v) return '';
    const when = (v.signedAt ?? v.decidedAt).slice(short ? 5 : 0, 10);
    return `${v.approverName}${short ? '' : ' '}${v.decision === 'approved' ? '同意' : '退回'} ${when}`;
  };
  const steps = (['leader', 'office', 'secretary'] as const).map((s) => cell(s, true)).filter(Boolean);
  return {
    label: r.label,
    submittedOn: r.submittedOn,
    title: r.title,
    source: `${r.department}／${r.presenterName}`,
    department: r.department,
    presenterName: r.presenterName,
    kindLabel: `${CATEGORY_LABELS[r.category]}${r.major ? `·${MAJOR_LABELS[r.major]}` : ''}`,
    categoryLabel: CATEGORY_LABELS[r.category],
    majorLabel: r.major ? MAJOR_LABELS[r.major] : '否',
    reviews: steps.join('；'),
    amount: r.amount,
    legality: r.legalityDone ? '已审查' : r.legalityRequired ? '未审查' : '不需要',
    leader: cell('leader'),
    office: cell('office'),
    secretary: cell('secretary'),
    stateLabel: AGENDA_STATE_LABELS[r.state] + (r.state === 'reviewing' && r.reviewStep ? `（${REVIEW_STEP_LABELS[r.reviewStep]}）` : ''),
    meetingLabel: r.meetingLabel ? `${r.meetingLabel}${r.outcome ? `（${OUTCOME_LABELS[r.outcome]}）` : ''}` : '',
    outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome] : '',
  };
}

// ---- decisions: what minutes offer to other registers lives in core/decisions (one service) ----
export { findDecisions, getDecision } from '../core/decisions';

export const amountText = (fen: number | null) => (fen === null ? '' : `${fenToYuan(fen)} 元`);
