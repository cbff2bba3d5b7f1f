// The rules of the minutes register (DOMAIN.md §4, issue 8).
//
// Segregation of the three agenda review steps (分管领导 → 办公室 → 书记), a judgement documented here:
// - the submitter (who recorded the item) and the presenter (汇报人, the applicant) never review it —
//   the shared rule of every register;
// - the office review (办公室审核) is the independent procedural check between endorsement and
//   approval, so whoever gives the 分管领导 opinion or the 书记 approval can never also give the office
//   review of the same item (refused when the reviewers are named, and again when they sign);
// - the 分管领导 and the 书记 may be the same person: where the 书记 personally oversees the presenting
//   department (书记分管), the two signatures are by one person on the leadership line and the office
//   check still stands between them. Both signatures are recorded and printed.
import { activeUser } from '../core/rows';
import type { Ctx, PartialHandlers } from '../core/context';
import { DomainError, refuse } from '../core/errors';
import { nextNumber } from '../core/numbering';
import { recordApproval, signedAtOf } from '../core/approvals';
import { attachmentHandlers, type AttachableRecord } from '../core/attachments';
import { shanghaiDate, shanghaiDateOf, shanghaiYear } from '../core/time';
import {
  AGENDA_STATE_LABELS,
  LEGALITY_REQUIRED_FOR,
  MAJOR_LABELS,
  REVIEW_STEP_LABELS,
  agendaLabel,
  meetingLabel,
  type MajorKind,
  type MeetingItemInput,
  type ReviewStep,
  type TalkKind,
  type minutesMethods,
  MINUTES_AGENDA_OBJECT,
  MINUTES_MEETING_OBJECT,
} from '../contract/minutes';
import type { ParsedInput } from '../contract';
import {
  agendaRow,
  all,
  bookFor,
  bookRow,
  bookSummary,
  computeChecks,
  countAgenda,
  countMeetings,
  findDecisions,
  getDecision,
  listAgenda,
  listMeetings,
  listTypes,
  loadAgenda,
  loadMeeting,
  one,
  requireAgenda,
  requireMeeting,
  reviewerOf,
  reviewsOf,
  run,
  toType,
  typeByCode,
  typeMembers,
  typeRow,
  type AgendaDbRow,
  type BookRow,
  type MeetingDbRow,
  type TypeRow,
} from './queries';

type Keys = keyof typeof minutesMethods;
type C = Ctx<unknown>;

const AGENDA = MINUTES_AGENDA_OBJECT;
const MEETING = MINUTES_MEETING_OBJECT;
const TYPE = 'minutes.type';

// ---- people -------------------------------------------------------------------------------------

interface Person {
  userId: number | null;
  name: string;
  post: string;
}

interface UserBrief {
  id: number;
  name: string;
  post: string;
  department: string;
  roles: string;
  active: number;
}
const userBrief = (ctx: C, id: number) => one<UserBrief>(ctx.db, 'SELECT id, name, post, department, roles, active FROM users WHERE id = ?', id);

/** An account where one is chosen (its current name wins), otherwise the name as written. */
function person(ctx: C, p: { userId?: number | null; name: string; post?: string }, field: string): Person {
  if (p.userId) {
    const u = userBrief(ctx, p.userId);
    if (!u) throw new DomainError('not_found', '所选人员不存在', `${field}.userId`);
    return { userId: u.id, name: u.name, post: p.post || u.post };
  }
  return { userId: null, name: p.name, post: p.post ?? '' };
}
const samePerson = (a: Person, b: Person) => (a.userId && b.userId ? a.userId === b.userId : a.name === b.name);

function noDuplicates(list: Person[], field: string, what: string) {
  list.forEach((p, i) => {
    if (list.slice(0, i).some((q) => samePerson(p, q))) refuse(`${what}“${p.name}”重复`, `${field}.${i}.name`);
  });
}

const today = (ctx: C) => shanghaiDate(ctx.now);

// ---- types and books ----------------------------------------------------------------------------

function requireType(ctx: C, id: number, field = 'typeId'): TypeRow {
  const t = typeRow(ctx.db, id);
  if (!t) throw new DomainError('not_found', '会议类型不存在', field);
  return t;
}

function ensureBook(ctx: C, t: TypeRow, year: number): BookRow {
  const b = bookFor(ctx.db, t.id, year);
  if (b) return b;
  const info = run(ctx.db, 'INSERT INTO minutes_books (type_id, year, planned, created_at) VALUES (?,?,?,?)', t.id, year, t.planned_per_year, ctx.nowIso);
  return { id: Number(info.lastInsertRowid), type_id: t.id, year, planned: t.planned_per_year, bound_at: null };
}

function approverId(ctx: C, id: number | null | undefined, label: string, field: string): number | null {
  if (!id) return null;
  const u = activeUser(ctx.db, id, label, field);
  if (!(JSON.parse(u.roles) as string[]).includes('approver')) refuse(`${u.name}没有“审批人”角色，不能担任${label}`, field);
  return u.id;
}

const SEGREGATION_OFFICE = '不相容岗位分离：办公室审核人不能同时担任同一议题的分管领导或书记';

// ---- meeting records: normalise, check, write ---------------------------------------------------

interface ItemNorm {
  id: number | null;
  agendaId: number | null;
  title: string;
  presenter: Person | null;
  category: string;
  major: string;
  amount: number | null;
  attendees: Person[];
  remarks: { speaker: Person; content: string }[];
  voteFor: number | null;
  voteAgainst: number | null;
  voteAbstain: number | null;
  voteNote: string;
  outcome: string;
  decision: string;
  executor: string;
}

interface MeetingNorm {
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  host: Person;
  recorder: Person;
  topic: string;
  form: string;
  talkKind: TalkKind | null;
  summary: string;
  response: string;
  attachments: { name: string; pages: number | null }[];
  discipline: { invited: boolean; attended: boolean; name: string; reason: string };
  members: (Person & { role: 'member' | 'talkee'; present: boolean; absentReason: string })[];
  attendees: Person[];
  items: ItemNorm[];
}

const typeName = (ctx: C, id: number) => typeRow(ctx.db, id)?.name ?? '其他会议';

/** Items of a meeting record: agenda links checked (only reviewed items reach a 党组会议), 三重一大 only at a 党组会议. */
function normaliseItems(ctx: C, t: TypeRow, meetingId: number | null, date: string, items: ParsedInput<'minutes.create'>['items'], existingIds: Set<number>): ItemNorm[] {
  const seenAgenda = new Set<number>();
  const seenIds = new Set<number>();
  return items.map((it: MeetingItemInput & ParsedInput<'minutes.create'>['items'][number], i) => {
    const f = `items.${i}`;
    if (it.id !== undefined) {
      if (!existingIds.has(it.id) || seenIds.has(it.id)) throw new DomainError('not_found', `第 ${i + 1} 个议题不属于这份会议记录`, `${f}.id`);
      seenIds.add(it.id);
    }
    let { title, category, major } = it;
    let amount = it.amount ?? null;
    let agendaPresenter: Person | null = null;
    if (it.agendaId) {
      const a = agendaRow(ctx.db, it.agendaId);
      if (!a) throw new DomainError('not_found', '所选议题不存在', `${f}.agendaId`);
      const name = `议题“${a.title}”（${agendaLabel(a.year, a.number)}）`;
      if (a.type_id !== t.id) refuse(`${name}提交的是${typeName(ctx, a.type_id)}，不能列入${t.name}`, `${f}.agendaId`);
      if (seenAgenda.has(a.id)) refuse(`${name}在本次会议中重复列入`, `${f}.agendaId`);
      seenAgenda.add(a.id);
      if (a.state === 'reviewing' || a.state === 'returned') refuse(`${name}尚未审核通过（${AGENDA_STATE_LABELS[a.state]}），不能列入议程`, `${f}.agendaId`);
      if (a.state === 'withdrawn') refuse(`${name}已撤回，不能列入议程`, `${f}.agendaId`);
      if (a.state === 'decided') refuse(`${name}已上会决定，不能重复列入`, `${f}.agendaId`);
      if (a.state === 'scheduled' && a.meeting_id !== meetingId) refuse(`${name}已列入其他会议的议程`, `${f}.agendaId`);
      if (a.legality_required && !a.legality_done) refuse(`${name}未经合法性审查，不能列入议程`, `${f}.agendaId`);
      const approvedOn = shanghaiDateOf(a.approved_at!);
      if (approvedOn > date) refuse(`${name}于 ${approvedOn} 才审核通过，晚于会议日期 ${date}，属临时动议，不能列入该次会议`, `${f}.agendaId`);
      // The reviewed item is what is decided: its title and classification come from the review.
      title = a.title;
      category = a.category;
      major = a.major as typeof major;
      if (amount === null) amount = a.amount;
      agendaPresenter = { userId: a.presenter_id, name: a.presenter_name, post: '' };
    } else if (t.requires_review) {
      refuse(`议题“${it.title}”未经会前审核（临时动议），不得列入${t.name}议程；请先提交议题审核`, `${f}.agendaId`);
    }
    if (major && !t.decides_major) refuse(`“${title}”属三重一大事项（${MAJOR_LABELS[major as MajorKind]}），须提交党组会议集体研究决定`, `${f}.major`);
    if (major && category !== 'decision') refuse('三重一大事项应为决策类议题', `${f}.category`);
    const attendees = it.attendees.map((p, j) => person(ctx, p, `${f}.attendees.${j}`));
    noDuplicates(attendees, `${f}.attendees`, '列席人员');
    return {
      id: it.id ?? null,
      agendaId: it.agendaId ?? null,
      title,
      presenter: it.presenter ? person(ctx, it.presenter, `${f}.presenter`) : agendaPresenter,
      category,
      major,
      amount,
      attendees,
      remarks: it.remarks.map((r, j) => ({ speaker: person(ctx, r.speaker, `${f}.remarks.${j}.speaker`), content: r.content })),
      voteFor: it.voteFor ?? null,
      voteAgainst: it.voteAgainst ?? null,
      voteAbstain: it.voteAbstain ?? null,
      voteNote: it.voteNote,
      outcome: it.outcome,
      decision: it.decision,
      executor: it.executor,
    };
  });
}

function normaliseMeeting(ctx: C, t: TypeRow, meetingId: number | null, input: ParsedInput<'minutes.create'> | ParsedInput<'minutes.update'>, existingIds: Set<number>): MeetingNorm {
  if (t.kind === 'study' && !input.topic) refuse('请填写学习主题', 'topic');
  const members = input.members.map((m, i) => ({ ...person(ctx, m, `members.${i}`), role: 'member' as const, present: m.present, absentReason: m.present ? '' : m.absentReason }));
  noDuplicates(members, 'members', '应到人员');
  const attendees = input.attendees.map((p, i) => person(ctx, p, `attendees.${i}`));
  noDuplicates(attendees, 'attendees', '列席人员');
  const d = input.discipline;
  return {
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    place: input.place,
    host: person(ctx, input.host, 'host'),
    recorder: person(ctx, input.recorder, 'recorder'),
    topic: input.topic,
    form: input.form,
    talkKind: null,
    summary: input.summary,
    response: '',
    attachments: input.attachments.map((a) => ({ name: a.name, pages: a.pages ?? null })),
    discipline: { invited: d.invited, attended: d.attended, name: d.name || t.discipline_head_name, reason: d.attended ? '' : d.reason },
    members,
    attendees,
    items: normaliseItems(ctx, t, meetingId, input.date, input.items, existingIds),
  };
}

function normaliseTalk(ctx: C, input: ParsedInput<'minutes.talkCreate'> | ParsedInput<'minutes.talkUpdate'>): MeetingNorm {
  const speaker = person(ctx, input.speaker, 'speaker');
  const persons = input.persons.map((p, i) => ({ ...person(ctx, p, `persons.${i}`), role: 'talkee' as const, present: true, absentReason: '' }));
  noDuplicates(persons, 'persons', '谈话对象');
  persons.forEach((p, i) => {
    if (samePerson(p, speaker)) refuse('谈话人不能同时是谈话对象', `persons.${i}.name`);
  });
  return {
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    place: input.place,
    host: speaker,
    recorder: person(ctx, input.recorder, 'recorder'),
    topic: '',
    form: '',
    talkKind: input.talkKind,
    summary: input.content,
    response: input.response,
    attachments: input.attachments.map((a) => ({ name: a.name, pages: a.pages ?? null })),
    discipline: { invited: false, attended: false, name: '', reason: '' },
    members: persons,
    attendees: [],
    items: [],
  };
}

const searchText = (n: MeetingNorm) =>
  [n.place, n.host.name, n.recorder.name, n.topic, n.form, ...n.members.filter((m) => m.role === 'talkee').map((m) => m.name), ...n.items.flatMap((i) => [i.title, i.decision.slice(0, 300), i.presenter?.name ?? ''])]
    .filter(Boolean)
    .join(' ');

/** Replace a draft's children; items keep their ids (their decisions are referable), agenda links follow. */
function writeChildren(ctx: C, meetingId: number, n: MeetingNorm) {
  const db = ctx.db;
  run(db, 'DELETE FROM minutes_remarks WHERE meeting_id = ?', meetingId);
  run(db, 'DELETE FROM minutes_attendees WHERE meeting_id = ?', meetingId);
  run(db, 'DELETE FROM minutes_members WHERE meeting_id = ?', meetingId);
  const keep = new Set(n.items.filter((i) => i.id).map((i) => i.id!));
  for (const { id } of all<{ id: number }>(db, 'SELECT id FROM minutes_items WHERE meeting_id = ?', meetingId)) {
    if (!keep.has(id)) run(db, 'DELETE FROM minutes_items WHERE id = ?', id);
  }
  run(db, 'UPDATE minutes_items SET seq = seq + 100000 WHERE meeting_id = ?', meetingId);

  n.members.forEach((m, i) =>
    run(db, 'INSERT INTO minutes_members (meeting_id, seq, role, user_id, name, post, present, absent_reason) VALUES (?,?,?,?,?,?,?,?)', meetingId, i + 1, m.role, m.userId, m.name, m.post, m.present ? 1 : 0, m.absentReason),
  );
  n.attendees.forEach((p, i) => run(db, 'INSERT INTO minutes_attendees (meeting_id, item_id, seq, user_id, name, post) VALUES (?,NULL,?,?,?,?)', meetingId, i + 1, p.userId, p.name, p.post));

  n.items.forEach((it, i) => {
    const vals = [i + 1, it.agendaId, it.title, it.presenter?.userId ?? null, it.presenter?.name ?? '', it.category, it.major, it.amount, it.voteFor, it.voteAgainst, it.voteAbstain, it.voteNote, it.outcome, it.decision, it.executor];
    let itemId: number;
    if (it.id) {
      run(
        db,
        `UPDATE minutes_items SET seq = ?, agenda_id = ?, title = ?, presenter_id = ?, presenter_name = ?, category = ?, major = ?, amount = ?,
           vote_for = ?, vote_against = ?, vote_abstain = ?, vote_note = ?, outcome = ?, decision = ?, executor = ? WHERE id = ?`,
        ...vals,
        it.id,
      );
      itemId = it.id;
    } else {
      itemId = Number(
        run(
          db,
          `INSERT INTO minutes_items (meeting_id, seq, agenda_id, title, presenter_id, presenter_name, category, major, amount, vote_for, vote_against, vote_abstain, vote_note, outcome, decision, executor)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
          meetingId,
          ...vals,
        ).lastInsertRowid,
      );
    }
    it.attendees.forEach((p, j) => run(db, 'INSERT INTO minutes_attendees (meeting_id, item_id, seq, user_id, name, post) VALUES (?,?,?,?,?,?)', meetingId, itemId, j + 1, p.userId, p.name, p.post));
    it.remarks.forEach((r, j) => run(db, 'INSERT INTO minutes_remarks (item_id, meeting_id, seq, speaker_id, speaker_name, content) VALUES (?,?,?,?,?,?)', itemId, meetingId, j + 1, r.speaker.userId, r.speaker.name, r.content));
  });

  // Agenda items follow the draft: placed ones are 已列入议程, removed ones are 待上会 again.
  const now = ctx.nowIso;
  const placed = new Set(n.items.filter((i) => i.agendaId).map((i) => i.agendaId!));
  for (const { id } of all<{ id: number }>(db, "SELECT id FROM minutes_agenda WHERE meeting_id = ? AND state = 'scheduled'", meetingId)) {
    if (!placed.has(id)) run(db, "UPDATE minutes_agenda SET state = 'approved', meeting_id = NULL, updated_at = ? WHERE id = ?", now, id);
  }
  for (const id of placed) run(db, "UPDATE minutes_agenda SET state = 'scheduled', meeting_id = ?, updated_at = ? WHERE id = ?", meetingId, now, id);

  const majorCount = n.items.filter((i) => i.major !== '').length;
  run(db, 'UPDATE minutes_meetings SET major_count = ?, search = ? WHERE id = ?', majorCount, searchText(n), meetingId);
}

/** File a new record in its type's book of its year (refusing another type's book or another year's). */
function createRecord(ctx: C, input: { typeId: number; bookId?: number; date: string }, talk: boolean, normalise: (t: TypeRow) => MeetingNorm) {
  const t = requireType(ctx, input.typeId);
  if (!t.active) refuse(`会议类型“${t.name}”已停用`, 'typeId');
  if (talk && t.kind !== 'talk') refuse(`“${t.name}”不是谈话类记录本，请用会议记录登记`, 'typeId');
  if (!talk && t.kind === 'talk') refuse(`“${t.name}”是谈话类记录本，请用谈话记录登记`, 'typeId');
  const year = Number(input.date.slice(0, 4));
  let book: BookRow;
  if (input.bookId !== undefined) {
    const b = bookRow(ctx.db, input.bookId);
    if (!b) throw new DomainError('not_found', '记录本不存在', 'bookId');
    if (b.type_id !== t.id) refuse(`${t.name}不能记入${typeName(ctx, b.type_id)}记录本：每类会议单独成册`, 'bookId');
    if (b.year !== year) refuse(`日期在 ${year} 年，不能记入 ${b.year} 年的${t.name}记录本：记录本不跨年度`, 'date');
    book = b;
  } else {
    book = ensureBook(ctx, t, year);
  }
  if (book.bound_at) refuse(`${year}年${t.name}记录本已于 ${shanghaiDateOf(book.bound_at)} 装订成册，不能再记入`, 'date');
  const n = normalise(t);
  const me = ctx.me();
  const number = nextNumber(ctx.db, `minutes:${t.id}`, year);
  const id = Number(
    run(
      ctx.db,
      `INSERT INTO minutes_meetings (book_id, type_id, year, number, date, start_time, end_time, place, host_id, host_name, recorder_id, recorder_name,
         topic, form, talk_kind, summary, response, attachments, discipline_invited, discipline_attended, discipline_name, discipline_reason,
         state, created_by, created_at, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'draft',?,?,?)`,
      book.id,
      t.id,
      year,
      number,
      n.date,
      n.startTime,
      n.endTime,
      n.place,
      n.host.userId,
      n.host.name,
      n.recorder.userId,
      n.recorder.name,
      n.topic,
      n.form,
      n.talkKind,
      n.summary,
      n.response,
      JSON.stringify(n.attachments),
      n.discipline.invited ? 1 : 0,
      n.discipline.attended ? 1 : 0,
      n.discipline.name,
      n.discipline.reason,
      me.userId,
      ctx.nowIso,
      ctx.nowIso,
    ).lastInsertRowid,
  );
  writeChildren(ctx, id, n);
  const after = loadMeeting(ctx.db, id);
  ctx.note({ objectType: MEETING, objectId: id, after, message: `新建${t.name}记录 ${meetingLabel(year, number)}` });
  return after;
}

function requireDraft(m: MeetingDbRow) {
  if (m.state === 'finalised') refuse('会议记录已定稿，不能修改；如需更正，请追加更正记录', 'id');
  if (m.state === 'voided') refuse('会议记录已作废，不能修改', 'id');
}

function updateRecord(ctx: C, id: number, date: string, talk: boolean, normalise: (t: TypeRow, m: MeetingDbRow, existingIds: Set<number>) => MeetingNorm) {
  const m = requireMeeting(ctx.db, id);
  requireDraft(m);
  const t = typeRow(ctx.db, m.type_id)!;
  if (talk !== (t.kind === 'talk')) refuse(talk ? '这不是谈话记录' : '这是谈话记录，请用谈话记录表单修改', 'id');
  const year = Number(date.slice(0, 4));
  if (year !== m.year) refuse(`这份记录在 ${m.year} 年的${t.name}记录本中，日期不能改到 ${year} 年：记录本不跨年度`, 'date');
  const before = loadMeeting(ctx.db, id);
  const n = normalise(t, m, new Set(before.items.map((i) => i.id)));
  run(
    ctx.db,
    `UPDATE minutes_meetings SET date = ?, start_time = ?, end_time = ?, place = ?, host_id = ?, host_name = ?, recorder_id = ?, recorder_name = ?,
       topic = ?, form = ?, talk_kind = ?, summary = ?, response = ?, attachments = ?, discipline_invited = ?, discipline_attended = ?,
       discipline_name = ?, discipline_reason = ?, updated_at = ? WHERE id = ?`,
    n.date,
    n.startTime,
    n.endTime,
    n.place,
    n.host.userId,
    n.host.name,
    n.recorder.userId,
    n.recorder.name,
    n.topic,
    n.form,
    n.talkKind,
    n.summary,
    n.response,
    JSON.stringify(n.attachments),
    n.discipline.invited ? 1 : 0,
    n.discipline.attended ? 1 : 0,
    n.discipline.name,
    n.discipline.reason,
    ctx.nowIso,
    id,
  );
  writeChildren(ctx, id, n);
  const after = loadMeeting(ctx.db, id);
  ctx.note({ objectType: MEETING, objectId: id, before, after, message: `修改${t.name}记录 ${before.label}` });
  return after;
}

// ---- agenda items -------------------------------------------------------------------------------

interface AgendaNorm {
  typeId: number;
  submittedOn: string;
  title: string;
  department: string;
  presenter: Person;
  suggestedAttendees: string;
  category: string;
  major: string;
  amount: number | null;
  decisionSought: string;
  researchDone: boolean;
  researchNote: string;
  consultationDone: boolean;
  consultationNote: string;
  legalityRequired: boolean;
  legalityDone: boolean;
  legalityNote: string;
  attachments: { name: string; pages: number | null }[];
  leader: number | null;
  office: number | null;
  secretary: number | null;
}

function normaliseAgenda(ctx: C, input: ParsedInput<'minutes.agendaSubmit'>, submitterId: number): AgendaNorm {
  const t = requireType(ctx, input.typeId);
  if (!t.active) refuse(`会议类型“${t.name}”已停用`, 'typeId');
  if (t.kind === 'talk') refuse(`${t.name}不需要议题审核`, 'typeId');
  if (input.submittedOn > today(ctx)) refuse('提交日期不能晚于今天', 'submittedOn');
  const presenter = person(ctx, input.presenter, 'presenter');
  const major = input.major;
  if (major) {
    if (!t.decides_major) refuse(`三重一大事项（${MAJOR_LABELS[major as MajorKind]}）须提交党组会议集体研究决定，不能提交${t.name}`, 'major');
    if (input.category !== 'decision') refuse('三重一大事项应为决策类议题', 'category');
    if ((major === 'fund' || major === 'project') && (input.amount === undefined || input.amount === null)) refuse(`${MAJOR_LABELS[major as MajorKind]}事项须填写涉及金额`, 'amount');
  }
  if (input.category === 'decision' && !input.decisionSought) refuse('决策类议题须写明提请决定的事项', 'decisionSought');
  const legalityRequired = input.legalityRequired || LEGALITY_REQUIRED_FOR.includes(major as MajorKind);
  if (legalityRequired && !input.legalityDone) {
    refuse(`${major ? `${MAJOR_LABELS[major as MajorKind]}事项` : '该议题'}须经合法性审查；未经合法性审查的议题不得提交${t.name}`, 'legalityDone');
  }
  if (input.legalityDone && !input.legalityNote) refuse('请填写合法性审查意见（审查部门及结论）', 'legalityNote');

  const r = input.reviewers;
  const leader = approverId(ctx, r.leaderId ?? t.reviewer_leader_id, '分管领导', 'reviewers.leaderId');
  const office = approverId(ctx, r.officeId ?? t.reviewer_office_id, '办公室审核人', 'reviewers.officeId');
  const secretary = approverId(ctx, r.secretaryId ?? t.reviewer_secretary_id, '书记', 'reviewers.secretaryId');
  if (office && (office === leader || office === secretary)) refuse(SEGREGATION_OFFICE, 'reviewers.officeId');
  const own = [submitterId, presenter.userId].filter((x): x is number => !!x);
  for (const [rid, f] of [
    [leader, 'reviewers.leaderId'],
    [office, 'reviewers.officeId'],
    [secretary, 'reviewers.secretaryId'],
  ] as const) {
    if (rid && own.includes(rid)) refuse('不相容岗位分离：议题的提交人或汇报人不能审核本人的议题', f);
  }
  return {
    typeId: t.id,
    submittedOn: input.submittedOn,
    title: input.title,
    department: input.department,
    presenter,
    suggestedAttendees: input.suggestedAttendees,
    category: input.category,
    major,
    amount: input.amount ?? null,
    decisionSought: input.decisionSought,
    researchDone: input.researchDone,
    researchNote: input.researchNote,
    consultationDone: input.consultationDone,
    consultationNote: input.consultationNote,
    legalityRequired,
    legalityDone: input.legalityDone,
    legalityNote: input.legalityNote,
    attachments: input.attachments.map((a) => ({ name: a.name, pages: a.pages ?? null })),
    leader,
    office,
    secretary,
  };
}

const agendaSearch = (n: AgendaNorm) => [n.title, n.department, n.presenter.name, n.decisionSought.slice(0, 300), n.suggestedAttendees].join(' ');

const agendaValues = (n: AgendaNorm) => [
  n.typeId,
  n.submittedOn,
  n.title,
  n.department,
  n.presenter.userId,
  n.presenter.name,
  n.suggestedAttendees,
  n.category,
  n.major,
  n.amount,
  n.decisionSought,
  n.researchDone ? 1 : 0,
  n.researchNote,
  n.consultationDone ? 1 : 0,
  n.consultationNote,
  n.legalityRequired ? 1 : 0,
  n.legalityDone ? 1 : 0,
  n.legalityNote,
  JSON.stringify(n.attachments),
  n.leader,
  n.office,
  n.secretary,
  agendaSearch(n),
];

/** When a paper signature says it was signed: never in the future, never before the item or the previous step. */
function signedTime(ctx: C, a: AgendaDbRow, approval: ParsedInput<'minutes.agendaReview'>['approval']): string {
  const at = signedAtOf(ctx, approval, { date: a.submitted_on, what: '议题提交日期' });
  if (approval.mode !== 'paper') return at;
  const prev = reviewsOf(ctx.db, a.id).filter((r) => r.round === a.review_round).pop();
  if (prev && Date.parse(at) < Date.parse(prev.signedAt ?? prev.decidedAt)) refuse('签批时间不能早于上一审核环节', 'approval.signedAt');
  return at;
}

// ---- 廉政谈话 coverage ---------------------------------------------------------------------------

function coverage(ctx: C, year: number) {
  const integrity = typeByCode(ctx.db, 'integrity');
  const members = integrity ? typeMembers(ctx.db, integrity.id) : [];
  const rosterSource = members.length ? ('members' as const) : ('accounts' as const);
  const roster = members.length
    ? members.map((m) => ({ ...m, department: m.userId ? (userBrief(ctx, m.userId)?.department ?? '') : '' }))
    : all<{ userId: number; name: string; post: string; department: string }>(ctx.db, 'SELECT id AS userId, name, post, department FROM users WHERE active = 1 ORDER BY department, name');
  const talked = all<{ user_id: number | null; name: string; date: string }>(
    ctx.db,
    `SELECT p.user_id, p.name, m.date FROM minutes_members p JOIN minutes_meetings m ON m.id = p.meeting_id
     JOIN minutes_types t ON t.id = m.type_id
     WHERE m.year = ? AND m.state <> 'voided' AND t.kind = 'talk' AND p.role = 'talkee'`,
    year,
  );
  const rows = roster.map((r) => {
    const mine = talked.filter((x) => (r.userId && x.user_id ? r.userId === x.user_id : r.name === x.name));
    return { userId: r.userId, name: r.name, post: r.post, department: r.department, talks: mine.length, lastDate: mine.length ? mine.map((x) => x.date).sort().pop()! : null };
  });
  return { year, rosterSource, total: rows.length, covered: rows.filter((r) => r.talks > 0).length, rows };
}

// ---- attachments ----------------------------------------------------------------------------------

/**
 * An agenda item's documents are what its reviewers approve: they may change only until it is
 * approved (or withdrawn). A meeting record takes scans at any time — the signed paper record is
 * scanned after finalising — but a finalised record's files are never taken down (append an
 * amendment instead), and a voided record takes nothing.
 */
const MINUTES_ATTACHABLES: Record<string, AttachableRecord> = {
  [AGENDA]: {
    label: (db, id) => {
      const a = requireAgenda(db, id, 'objectId');
      return `议题${agendaLabel(a.year, a.number)}`;
    },
    assertOpen: (ctx, id) => {
      const a = requireAgenda(ctx.db, id, 'objectId');
      if (a.state !== 'reviewing' && a.state !== 'returned') refuse(`议题${agendaLabel(a.year, a.number)}当前为“${AGENDA_STATE_LABELS[a.state]}”，附件不能再改动：只有审核中或退回修改的议题可以增减附件`, 'objectId');
    },
  },
  [MEETING]: {
    label: (db, id) => {
      const m = requireMeeting(db, id, 'objectId');
      return `${typeRow(db, m.type_id)?.name ?? ''}记录 ${meetingLabel(m.year, m.number)}`;
    },
    assertOpen: (ctx, id, change) => {
      const m = requireMeeting(ctx.db, id, 'objectId');
      if (m.state === 'voided') refuse('会议记录已作废，附件不能再改动', 'objectId');
      if (m.state === 'finalised' && change === 'withdraw') refuse('会议记录已定稿，附件不能撤下；如有误，请追加更正说明', 'id');
    },
  },
};


// ---- handlers -----------------------------------------------------------------------------------

export const minutesHandlers: PartialHandlers<Keys> = {
  'minutes.types': (ctx, input) => listTypes(ctx.db, input.includeInactive),

  'minutes.typeSave': (ctx, input) => {
    const db = ctx.db;
    const old = input.id ? requireType(ctx, input.id, 'id') : undefined;
    if (one(db, 'SELECT 1 FROM minutes_types WHERE name = ? AND id <> ?', input.name, old?.id ?? 0)) throw new DomainError('conflict', `已有名为“${input.name}”的会议类型`, 'name');
    const kind = input.kind ?? old?.kind ?? 'meeting';
    if (old?.code) {
      if (input.name !== old.name) refuse('内置会议类型不能改名', 'name');
      if (kind !== old.kind) refuse('内置会议类型不能改变记录形式', 'kind');
      if ((old.code === 'party_group' || old.code === 'bureau') && input.retention !== '永久') refuse(`${old.name}记录须永久保存`, 'retention');
      if (old.code === 'party_group' && !input.requiresReview) refuse('党组会议议题须经会前审核，不能取消', 'requiresReview');
      if (old.code === 'party_group' && !input.active) refuse('党组会议类型不能停用', 'active');
    } else if (old && kind !== old.kind && one(db, 'SELECT 1 FROM minutes_meetings WHERE type_id = ? LIMIT 1', old.id)) {
      refuse('已有记录的会议类型不能改变记录形式', 'kind');
    }
    const r = input.reviewers;
    const leader = approverId(ctx, r.leaderId, '分管领导', 'reviewers.leaderId');
    const office = approverId(ctx, r.officeId, '办公室审核人', 'reviewers.officeId');
    const secretary = approverId(ctx, r.secretaryId, '书记', 'reviewers.secretaryId');
    if (office && (office === leader || office === secretary)) refuse(SEGREGATION_OFFICE, 'reviewers.officeId');
    let headId: number | null = null;
    let headName = input.disciplineHead.name;
    if (input.disciplineHead.userId) {
      const u = userBrief(ctx, input.disciplineHead.userId);
      if (!u) throw new DomainError('not_found', '所选人员不存在', 'disciplineHead.userId');
      headId = u.id;
      headName = u.name;
    }
    const members = input.members.map((m, i) => person(ctx, m, `members.${i}`));
    noDuplicates(members, 'members', '成员');
    const before = old ? toType(db, old) : undefined;
    const now = ctx.nowIso;
    let id: number;
    if (old) {
      id = old.id;
      run(
        db,
        `UPDATE minutes_types SET name = ?, kind = ?, planned_per_year = ?, retention = ?, requires_review = ?, reviewer_leader_id = ?, reviewer_office_id = ?,
           reviewer_secretary_id = ?, discipline_head_id = ?, discipline_head_name = ?, active = ?, updated_at = ? WHERE id = ?`,
        input.name,
        kind,
        input.plannedPerYear,
        input.retention,
        input.requiresReview ? 1 : 0,
        leader,
        office,
        secretary,
        headId,
        headName,
        input.active ? 1 : 0,
        now,
        id,
      );
    } else {
      const sort = (one<{ s: number }>(db, 'SELECT coalesce(max(sort), 0) + 10 AS s FROM minutes_types')!).s;
      id = Number(
        run(
          db,
          `INSERT INTO minutes_types (code, name, kind, planned_per_year, retention, requires_review, decides_major, reviewer_leader_id, reviewer_office_id,
             reviewer_secretary_id, discipline_head_id, discipline_head_name, active, sort, created_at, updated_at)
           VALUES (NULL,?,?,?,?,?,0,?,?,?,?,?,?,?,?,?)`,
          input.name,
          kind,
          input.plannedPerYear,
          input.retention,
          input.requiresReview ? 1 : 0,
          leader,
          office,
          secretary,
          headId,
          headName,
          input.active ? 1 : 0,
          sort,
          now,
          now,
        ).lastInsertRowid,
      );
    }
    run(db, 'DELETE FROM minutes_type_members WHERE type_id = ?', id);
    members.forEach((m, i) => run(db, 'INSERT INTO minutes_type_members (type_id, seq, user_id, name, post) VALUES (?,?,?,?,?)', id, i + 1, m.userId, m.name, m.post));
    const after = toType(db, typeRow(db, id)!);
    ctx.note({ objectType: TYPE, objectId: id, before, after, message: `${old ? '修改' : '新增'}会议类型“${after.name}”` });
    return after;
  },

  'minutes.bookPlan': (ctx, input) => {
    const t = requireType(ctx, input.typeId);
    const b = ensureBook(ctx, t, input.year);
    run(ctx.db, 'UPDATE minutes_books SET planned = ? WHERE id = ?', input.planned, b.id);
    ctx.note({ objectType: 'minutes.book', objectId: b.id, before: { planned: b.planned }, after: { planned: input.planned }, message: `${t.name}记录本（${input.year}年）年度计划 ${input.planned} 次` });
    return bookSummary(ctx.db, t, input.year);
  },

  'minutes.bookBind': (ctx, input) => {
    const t = requireType(ctx, input.typeId);
    const b = bookFor(ctx.db, t.id, input.year);
    if (!b) throw new DomainError('rule', `${input.year}年没有${t.name}记录`, 'year');
    if (b.bound_at) refuse(`${input.year}年${t.name}记录本已于 ${shanghaiDateOf(b.bound_at)} 装订成册`, 'year');
    if (input.year >= shanghaiYear(ctx.now)) refuse(`${input.year}年尚未结束，年度结束后才能装订成册`, 'year');
    const summary = bookSummary(ctx.db, t, input.year);
    if (summary.drafts) refuse(`记录本中还有 ${summary.drafts} 份未定稿的记录，定稿或作废后才能装订成册`, 'year');
    run(ctx.db, 'UPDATE minutes_books SET bound_at = ?, bound_by = ? WHERE id = ?', ctx.nowIso, ctx.me().userId, b.id);
    ctx.note({ objectType: 'minutes.book', objectId: b.id, after: { boundAt: ctx.nowIso }, message: `${t.name}记录本（${input.year}年）装订成册，共 ${summary.held + summary.voided} 份记录` });
    return bookSummary(ctx.db, t, input.year);
  },

  'minutes.dashboard': (ctx, input) => {
    const db = ctx.db;
    const year = input.year ?? shanghaiYear(ctx.now);
    const types = all<TypeRow>(db, 'SELECT * FROM minutes_types WHERE active = 1 OR id IN (SELECT type_id FROM minutes_books WHERE year = ?) ORDER BY sort, id', year);
    const major = one<{ decided: number; withDiscipline: number }>(
      db,
      `SELECT count(*) AS decided, coalesce(sum(m.discipline_attended), 0) AS withDiscipline
       FROM minutes_items i JOIN minutes_meetings m ON m.id = i.meeting_id
       WHERE m.year = ? AND m.state = 'finalised' AND i.major <> '' AND i.outcome <> 'deferred'`,
      year,
    )!;
    const flaggedMeetings = one<{ n: number }>(db, "SELECT count(*) AS n FROM minutes_meetings WHERE year = ? AND state = 'finalised' AND flagged = 1", year)!.n;
    const a = one<{ leader: number; office: number; secretary: number; returned: number; approved: number }>(
      db,
      `SELECT coalesce(sum(state = 'reviewing' AND review_step = 'leader'), 0) AS leader, coalesce(sum(state = 'reviewing' AND review_step = 'office'), 0) AS office,
              coalesce(sum(state = 'reviewing' AND review_step = 'secretary'), 0) AS secretary, coalesce(sum(state = 'returned'), 0) AS returned,
              coalesce(sum(state = 'approved'), 0) AS approved
       FROM minutes_agenda WHERE state IN ('reviewing', 'returned', 'approved')`,
    )!;
    const drafts = one<{ n: number }>(db, "SELECT count(*) AS n FROM minutes_meetings WHERE state = 'draft'")!.n;
    const cov = coverage(ctx, year);
    return {
      year,
      books: types.map((t) => bookSummary(db, t, year)),
      major: { decided: major.decided, withDiscipline: major.withDiscipline, withoutDiscipline: major.decided - major.withDiscipline, flaggedMeetings },
      agenda: a,
      drafts,
      talks: { total: cov.total, covered: cov.covered },
    };
  },

  'minutes.list': (ctx, input) => ({
    rows: listMeetings(ctx.db, input, input.sort, input.pageSize, (input.page - 1) * input.pageSize),
    total: countMeetings(ctx.db, input),
  }),

  'minutes.get': (ctx, input) => loadMeeting(ctx.db, input.id),

  'minutes.book': (ctx, input) => {
    const t = requireType(ctx, input.typeId);
    const summary = bookSummary(ctx.db, t, input.year);
    // In date order: a record entered afterwards (补录) takes its place by date, keeping its number.
    const ids = summary.bookId
      ? all<{ id: number }>(ctx.db, 'SELECT id FROM minutes_meetings WHERE book_id = ? ORDER BY date, start_time, number LIMIT ? OFFSET ?', summary.bookId, input.limit, input.offset)
      : [];
    const total = summary.held + summary.voided;
    return { summary, unitName: ctx.core.settings().unitName, total, records: ids.map((r) => loadMeeting(ctx.db, r.id)) };
  },

  'minutes.create': (ctx, input) => createRecord(ctx, input, false, (t) => normaliseMeeting(ctx, t, null, input, new Set())),
  'minutes.update': (ctx, input) => updateRecord(ctx, input.id, input.date, false, (t, m, ids) => normaliseMeeting(ctx, t, m.id, input, ids)),
  'minutes.talkCreate': (ctx, input) => createRecord(ctx, input, true, () => normaliseTalk(ctx, input)),
  'minutes.talkUpdate': (ctx, input) => updateRecord(ctx, input.id, input.date, true, () => normaliseTalk(ctx, input)),

  'minutes.finalise': (ctx, input) => {
    const db = ctx.db;
    const m = requireMeeting(db, input.id);
    requireDraft(m);
    const t = typeRow(db, m.type_id)!;
    if (m.date > today(ctx)) refuse(`会议日期 ${m.date} 尚未到来，不能定稿`, 'date');
    const d = loadMeeting(db, m.id);
    if (t.kind !== 'talk') {
      if (!d.items.length && !d.summary) refuse('记录中没有议题，也没有会议概况，不能定稿', 'items');
      d.items.forEach((it, i) => {
        const decided = it.outcome === 'passed' || it.outcome === 'amended' || it.outcome === 'rejected';
        if ((it.major !== '' || it.category === 'decision') && decided && !it.decision) refuse(`议题${it.seq}“${it.title}”须填写决定事项`, `items.${i}.decision`);
        if (it.agendaId) {
          const a = agendaRow(db, it.agendaId)!;
          if (a.state !== 'scheduled' || a.meeting_id !== m.id) refuse(`议题${it.seq}“${it.title}”不再处于已列入本次会议议程的状态，请重新选择`, `items.${i}.agendaId`);
        } else if (t.requires_review) {
          refuse(`议题${it.seq}“${it.title}”未经会前审核，不得列入${t.name}议程`, `items.${i}.agendaId`);
        }
      });
      const majors = d.items.filter((i) => i.major !== '' && i.outcome !== 'deferred');
      if (majors.length && !d.discipline.attended && !d.discipline.reason) {
        refuse(d.discipline.invited ? '派驻纪检监察组组长未出席的，须填写原因' : '未邀请派驻纪检监察组组长列席三重一大事项的，须填写原因', 'discipline.reason');
      }
    }
    const failing = d.checks.filter((c) => !c.ok && c.severity === 'warning');
    if (failing.length && !input.acknowledgement) {
      refuse(`以下检查未通过：${failing.map((c, i) => `${i + 1}. ${c.message}`).join('；')}。如确需定稿，请填写确认说明（将打印在记录上，并持续标记）。`, 'acknowledgement');
    }
    const flagged = failing.length > 0;
    const me = ctx.me();
    run(
      db,
      "UPDATE minutes_meetings SET state = 'finalised', checks = ?, flagged = ?, ack_reason = ?, finalised_at = ?, finalised_by = ?, updated_at = ? WHERE id = ?",
      JSON.stringify(d.checks),
      flagged ? 1 : 0,
      flagged ? input.acknowledgement : '',
      ctx.nowIso,
      me.userId,
      ctx.nowIso,
      m.id,
    );
    for (const it of d.items) {
      if (!it.agendaId) continue;
      if (it.outcome === 'deferred') run(db, "UPDATE minutes_agenda SET state = 'approved', meeting_id = NULL, updated_at = ? WHERE id = ?", ctx.nowIso, it.agendaId);
      else run(db, "UPDATE minutes_agenda SET state = 'decided', updated_at = ? WHERE id = ?", ctx.nowIso, it.agendaId);
    }
    const after = loadMeeting(db, m.id);
    ctx.note({
      objectType: MEETING,
      objectId: m.id,
      before: { state: 'draft' },
      after: { state: 'finalised', checks: d.checks, flagged, acknowledgement: flagged ? input.acknowledgement : '' },
      message: `${t.name}记录 ${d.label} 定稿${flagged ? `（检查未通过，已确认：${input.acknowledgement}）` : ''}`,
    });
    return after;
  },

  'minutes.void': (ctx, input) => {
    const m = requireMeeting(ctx.db, input.id);
    if (m.state === 'finalised') refuse('已定稿的会议记录不能作废；如需更正，请追加更正记录', 'id');
    if (m.state === 'voided') refuse('会议记录已作废', 'id');
    const me = ctx.me();
    for (const { id } of all<{ id: number }>(ctx.db, "SELECT id FROM minutes_agenda WHERE meeting_id = ? AND state = 'scheduled'", m.id)) {
      run(ctx.db, "UPDATE minutes_agenda SET state = 'approved', meeting_id = NULL, updated_at = ? WHERE id = ?", ctx.nowIso, id);
    }
    run(ctx.db, "UPDATE minutes_meetings SET state = 'voided', void_reason = ?, voided_at = ?, voided_by = ?, updated_at = ? WHERE id = ?", input.reason, ctx.nowIso, me.userId, ctx.nowIso, m.id);
    const t = typeRow(ctx.db, m.type_id)!;
    ctx.note({ objectType: MEETING, objectId: m.id, before: { state: m.state }, after: { state: 'voided', reason: input.reason }, message: `作废${t.name}记录 ${meetingLabel(m.year, m.number)}：${input.reason}` });
    return loadMeeting(ctx.db, m.id);
  },

  'minutes.amend': (ctx, input) => {
    const m = requireMeeting(ctx.db, input.id);
    if (m.state !== 'finalised') refuse(m.state === 'draft' ? '草稿可以直接修改；只有已定稿的记录才追加更正' : '已作废的记录不能更正', 'id');
    let itemId: number | null = null;
    if (input.itemId) {
      const it = one<{ id: number }>(ctx.db, 'SELECT id FROM minutes_items WHERE id = ? AND meeting_id = ?', input.itemId, m.id);
      if (!it) throw new DomainError('not_found', '所选议题不属于这份会议记录', 'itemId');
      itemId = it.id;
    }
    const signer = person(ctx, input.signer, 'signer');
    const seq = one<{ n: number }>(ctx.db, 'SELECT coalesce(max(seq), 0) + 1 AS n FROM minutes_amendments WHERE meeting_id = ?', m.id)!.n;
    run(
      ctx.db,
      'INSERT INTO minutes_amendments (meeting_id, seq, item_id, content, reason, signer_id, signer_name, amended_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?)',
      m.id,
      seq,
      itemId,
      input.content,
      input.reason,
      signer.userId,
      signer.name,
      ctx.nowIso,
      ctx.me().userId,
    );
    const t = typeRow(ctx.db, m.type_id)!;
    ctx.note({ objectType: MEETING, objectId: m.id, after: { amendment: seq, itemId, content: input.content, reason: input.reason, signer: signer.name }, message: `${t.name}记录 ${meetingLabel(m.year, m.number)} 追加第 ${seq} 条更正` });
    return loadMeeting(ctx.db, m.id);
  },

  'minutes.decision': (ctx, input) => {
    const d = getDecision(ctx.db, input.id);
    if (!d) throw new DomainError('not_found', '会议决定事项不存在', 'id');
    return d;
  },

  'minutes.decisions': (ctx, input) => findDecisions(ctx.db, input),

  'minutes.talkCoverage': (ctx, input) => coverage(ctx, input.year ?? shanghaiYear(ctx.now)),

  'minutes.agendaList': (ctx, input) => ({
    rows: listAgenda(ctx.db, input, input.sort, input.pageSize, (input.page - 1) * input.pageSize),
    total: countAgenda(ctx.db, input),
  }),

  'minutes.agendaGet': (ctx, input) => loadAgenda(ctx.db, input.id),

  'minutes.agendaSubmit': (ctx, input) => {
    const me = ctx.me();
    const n = normaliseAgenda(ctx, input, me.userId);
    const year = Number(n.submittedOn.slice(0, 4));
    const number = nextNumber(ctx.db, 'minutes.agenda', year);
    const id = Number(
      run(
        ctx.db,
        `INSERT INTO minutes_agenda (type_id, submitted_on, title, department, presenter_id, presenter_name, suggested_attendees, category, major, amount,
           decision_sought, research_done, research_note, consultation_done, consultation_note, legality_required, legality_done, legality_note, attachments,
           leader_reviewer_id, office_reviewer_id, secretary_reviewer_id, search, year, number, state, review_step, review_round, created_by, created_at, updated_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'reviewing','leader',1,?,?,?)`,
        ...agendaValues(n),
        year,
        number,
        me.userId,
        ctx.nowIso,
        ctx.nowIso,
      ).lastInsertRowid,
    );
    const after = loadAgenda(ctx.db, id);
    ctx.note({ objectType: AGENDA, objectId: id, after, message: `提交议题审核 ${after.label}“${after.title}”` });
    return after;
  },

  'minutes.agendaResubmit': (ctx, input) => {
    const a = requireAgenda(ctx.db, input.id);
    if (a.state !== 'returned') refuse(`议题当前为“${AGENDA_STATE_LABELS[a.state]}”，只有被退回的议题才能修改后重新提交`, 'id');
    if (Number(input.submittedOn.slice(0, 4)) !== a.year) refuse(`议题编号属于 ${a.year} 年，提交日期不能改到其他年度`, 'submittedOn');
    const before = loadAgenda(ctx.db, a.id);
    const n = normaliseAgenda(ctx, input, a.created_by);
    run(
      ctx.db,
      `UPDATE minutes_agenda SET type_id = ?, submitted_on = ?, title = ?, department = ?, presenter_id = ?, presenter_name = ?, suggested_attendees = ?, category = ?,
         major = ?, amount = ?, decision_sought = ?, research_done = ?, research_note = ?, consultation_done = ?, consultation_note = ?, legality_required = ?,
         legality_done = ?, legality_note = ?, attachments = ?, leader_reviewer_id = ?, office_reviewer_id = ?, secretary_reviewer_id = ?, search = ?,
         state = 'reviewing', review_step = 'leader', review_round = review_round + 1, updated_at = ? WHERE id = ?`,
      ...agendaValues(n),
      ctx.nowIso,
      a.id,
    );
    const after = loadAgenda(ctx.db, a.id);
    ctx.note({ objectType: AGENDA, objectId: a.id, before, after, message: `议题 ${after.label} 修改后重新提交（第 ${after.reviewRound} 轮审核）` });
    return after;
  },

  'minutes.agendaReview': (ctx, input) => {
    const a = requireAgenda(ctx.db, input.id);
    if (a.state !== 'reviewing' || !a.review_step) refuse(`议题当前为“${AGENDA_STATE_LABELS[a.state]}”，不在审核中`, 'id');
    const step = a.review_step as ReviewStep;
    if (input.step !== step) throw new DomainError('conflict', `该议题当前应由“${REVIEW_STEP_LABELS[step]}”环节审核，请刷新后再试`, 'step');
    const at = signedTime(ctx, a, input.approval);
    const named = reviewerOf(a, step);
    const field = input.approval.mode === 'paper' ? 'approval.signerId' : 'approval.login';
    const r = recordApproval(ctx, {
      objectType: AGENDA,
      objectId: a.id,
      subject: `议题：${a.title}`,
      step: `${REVIEW_STEP_LABELS[step]}${a.review_round > 1 ? `（第${a.review_round}轮）` : ''}`,
      allowedUserIds: named ? [named] : undefined,
      excludedUserIds: [a.created_by, ...(a.presenter_id ? [a.presenter_id] : [])],
      input: input.approval,
    });
    const round = reviewsOf(ctx.db, a.id).filter((v) => v.round === a.review_round);
    const by = (s: ReviewStep) => round.find((v) => v.step === s)?.approverId;
    if (step === 'office' && by('leader') === r.approverId) refuse('不相容岗位分离：已签署分管领导意见的人不能再作办公室审核', field);
    if (step === 'secretary' && by('office') === r.approverId) refuse('不相容岗位分离：已作办公室审核的人不能再作书记审批', field);
    run(ctx.db, 'INSERT INTO minutes_agenda_reviews (agenda_id, round, step, approval_id, approver_id, decision) VALUES (?,?,?,?,?,?)', a.id, a.review_round, step, r.approvalId, r.approverId, r.decision);
    const next: Record<ReviewStep, ReviewStep | null> = { leader: 'office', office: 'secretary', secretary: null };
    if (r.decision === 'rejected') {
      run(ctx.db, "UPDATE minutes_agenda SET state = 'returned', review_step = NULL, updated_at = ? WHERE id = ?", ctx.nowIso, a.id);
    } else if (next[step]) {
      run(ctx.db, 'UPDATE minutes_agenda SET review_step = ?, updated_at = ? WHERE id = ?', next[step], ctx.nowIso, a.id);
    } else {
      run(ctx.db, "UPDATE minutes_agenda SET state = 'approved', review_step = NULL, approved_at = ?, updated_at = ? WHERE id = ?", at, ctx.nowIso, a.id);
    }
    const after = loadAgenda(ctx.db, a.id);
    ctx.note({
      objectType: AGENDA,
      objectId: a.id,
      before: { state: a.state, step },
      after: { state: after.state, step: after.reviewStep, approver: r.approverName, decision: r.decision },
      message: `议题 ${after.label} ${REVIEW_STEP_LABELS[step]}：${r.approverName}${r.decision === 'approved' ? '同意' : '退回'}`,
    });
    return after;
  },

  'minutes.agendaWithdraw': (ctx, input) => {
    const a = requireAgenda(ctx.db, input.id);
    if (a.state === 'scheduled') refuse('议题已列入会议议程，请先从会议记录中移除后再撤回', 'id');
    if (a.state === 'decided' || a.state === 'withdrawn') refuse(`议题${AGENDA_STATE_LABELS[a.state]}，不能撤回`, 'id');
    run(ctx.db, "UPDATE minutes_agenda SET state = 'withdrawn', review_step = NULL, withdraw_reason = ?, updated_at = ? WHERE id = ?", input.reason, ctx.nowIso, a.id);
    ctx.note({ objectType: AGENDA, objectId: a.id, before: { state: a.state }, after: { state: 'withdrawn', reason: input.reason }, message: `撤回议题 ${agendaLabel(a.year, a.number)}：${input.reason}` });
    return loadAgenda(ctx.db, a.id);
  },

  ...attachmentHandlers('minutes', MINUTES_ATTACHABLES),
};
