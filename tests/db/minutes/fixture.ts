// A bureau with a party group, reviewers and a clerk, for the minutes tests.
import type { Input } from '../../../db/contract';
import type { MeetingType } from '../../../db/contract/minutes';
import { shanghaiDate } from '../../../db/core/time';
import type { CoreOptions } from '../../../db/core/core';
import { STRONG, addUser, makeCore, ok, setupAdmin } from '../../helpers';

export const TODAY = shanghaiDate(new Date());
export const THIS_YEAR = Number(TODAY.slice(0, 4));
export const LAST_YEAR = THIS_YEAR - 1;

export async function bureau(opts: Partial<CoreOptions> = {}) {
  const core = makeCore(undefined, opts);
  const admin = await setupAdmin(core);
  const clerk = await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
  const clerk2 = await addUser(core, admin, 'clerk2', ['clerk'], '刘洋');
  const secretary = await addUser(core, admin, 'sec', ['approver'], '王志强'); // 党组书记、局长
  const leader = await addUser(core, admin, 'lead', ['approver'], '何平'); // 副局长（分管）
  const office = await addUser(core, admin, 'office', ['approver'], '周建华'); // 办公室主任
  const member3 = await addUser(core, admin, 'm3', ['approver'], '马骏'); // 党组成员
  const member4 = await addUser(core, admin, 'm4', ['approver'], '孙丽'); // 党组成员
  const presenter = await addUser(core, admin, 'pres', ['clerk'], '赵敏'); // 科室负责人
  const auditor = await addUser(core, admin, 'aud', ['auditor'], '陈静'); // 派驻纪检监察组组长
  const types = await ok(core, clerk.session, 'minutes.types', {});
  const byCode = (c: string) => types.find((t) => t.code === c)!;
  const party = byCode('party_group');
  // 党组成员: 5 people; reviewers by default: office 周建华, secretary 王志强.
  const partySaved = await ok(core, clerk.session, 'minutes.typeSave', {
    id: party.id,
    name: party.name,
    kind: party.kind,
    plannedPerYear: 24,
    retention: '永久',
    requiresReview: true,
    reviewers: { officeId: office.id, secretaryId: secretary.id },
    disciplineHead: { userId: auditor.id },
    members: [
      ...[secretary, leader, member3, member4].map((u): { userId: number | null; name: string } => ({ userId: u.id, name: 'x' })),
      { userId: null, name: '吴强' }, // a member without an account
    ],
  });
  return {
    core,
    admin,
    clerk,
    clerk2,
    secretary,
    leader,
    office,
    member3,
    member4,
    presenter,
    auditor,
    party: partySaved,
    bureauType: byCode('bureau'),
    integrity: byCode('integrity'),
    study: byCode('study_group'),
    types,
  };
}
export type Bureau = Awaited<ReturnType<typeof bureau>>;

export const cosign = (login: string, decision: 'approved' | 'rejected' = 'approved', comment = '同意') => ({ mode: 'cosign' as const, decision, comment, login, password: STRONG });

export function agendaInput(b: Bureau, over: Partial<Input<'minutes.agendaSubmit'>> = {}): Input<'minutes.agendaSubmit'> {
  return {
    typeId: b.party.id,
    submittedOn: TODAY,
    title: '关于购置社区矫正监管车辆的请示',
    department: '社区矫正科',
    presenter: { userId: b.presenter.id, name: '赵敏' },
    suggestedAttendees: '计财室负责人',
    category: 'decision',
    major: 'fund',
    amount: 35_000_000,
    decisionSought: '同意使用专项资金购置监管车辆两辆',
    researchDone: true,
    researchNote: '已赴两个街道司法所调研',
    consultationDone: true,
    consultationNote: '已征求计财室意见',
    legalityRequired: false,
    legalityDone: true,
    legalityNote: '法制审核科审查：符合政府采购规定',
    attachments: [{ name: '车辆配置方案', pages: 3 }],
    reviewers: { leaderId: b.leader.id },
    ...over,
  };
}

/** Submit an item and take it through all three steps by co-sign. */
export async function approvedItem(b: Bureau, over: Partial<Input<'minutes.agendaSubmit'>> = {}) {
  const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b, over));
  await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'leader', approval: cosign('lead') });
  await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'office', approval: cosign('office') });
  return ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step: 'secretary', approval: cosign('sec') });
}

export const membersOf = (t: MeetingType, absent: Record<string, string> = {}) =>
  t.members.map((m) => ({ userId: m.userId, name: m.name, post: m.post, present: !(m.name in absent), absentReason: absent[m.name] ?? '' }));

export function partyMeeting(b: Bureau, over: Partial<Input<'minutes.create'>> = {}): Input<'minutes.create'> {
  return {
    typeId: b.party.id,
    date: TODAY,
    startTime: '09:00',
    endTime: '11:30',
    place: '局机关三楼会议室',
    host: { userId: b.secretary.id, name: '王志强' },
    recorder: { userId: b.clerk.id, name: '李晓梅' },
    members: membersOf(b.party),
    attendees: [{ name: '刘洋', post: '政工室主任' }],
    discipline: { invited: true, attended: true, name: '', reason: '' },
    items: [],
    ...over,
  };
}

/** A 廉政谈话 record (任前谈话 by the secretary), today unless told otherwise. */
export const talk = (b: Bureau, over: Partial<Input<'minutes.talkCreate'>> = {}): Input<'minutes.talkCreate'> => ({
  typeId: b.integrity.id,
  date: TODAY,
  startTime: '15:00',
  endTime: '15:40',
  place: '书记办公室',
  talkKind: 'preappointment',
  speaker: { userId: b.secretary.id, name: '王志强' },
  recorder: { userId: b.clerk.id, name: '李晓梅' },
  persons: [{ userId: b.presenter.id, name: '赵敏', post: '法律援助中心主任' }],
  content: '任职前廉政提醒：严守政治纪律和政治规矩，严格执行中央八项规定精神。',
  response: '表示将牢记嘱托，廉洁履职。',
  ...over,
});
