// The minutes register (会议记录): meeting types and yearly books, agenda pre-review (议题审核),
// meeting records with 三重一大 checks, 廉政谈话 records, amendments, decisions that other registers
// refer to, the dashboard, and the printed registers. PURE: the renderer imports this file.
import { z } from 'zod';
import { defineMethods } from './method';
import { fen, id, isoDate, listInput, listOutput, optionalText, text, year, type Role, paragraph } from './common';
import { approvalInput } from './approvals';
import type { RegisterDef } from './registers';
import { attachmentMethods, attachmentShape } from './attachments';

// ---- vocabulary -------------------------------------------------------------------------------

/** objectType of audit entries and attachments. */
export const MINUTES_AGENDA_OBJECT = 'minutes.agenda';
export const MINUTES_MEETING_OBJECT = 'minutes.meeting';

export const TYPE_CODES = ['party_group', 'bureau', 'integrity', 'branch_committee', 'party_members', 'study_group'] as const;
export type TypeCode = (typeof TYPE_CODES)[number];

export const TYPE_KINDS = ['meeting', 'study', 'talk'] as const;

/** Books kept in the 党组's name (its meetings and its 理论学习中心组) are titled 中共××党组…. */
const PARTY_BOOKS: readonly TypeCode[] = ['party_group', 'study_group'];
export const bookOwner = (unitName: string, code: TypeCode | null) => (code && PARTY_BOOKS.includes(code) ? `中共${unitName}党组` : unitName);
/** The title of a type's yearly book: 中共××区司法局党组理论学习中心组学习记录本, ××区司法局局务会议记录本. */
export function bookTitle(unitName: string, code: TypeCode | null, typeName: string) {
  const owner = bookOwner(unitName, code);
  // 中共××党组 + 党组会议 reads 中共××党组会议记录本, not …党组党组会议….
  return `${owner}${owner.endsWith('党组') && typeName.startsWith('党组') ? typeName.slice(2) : typeName}记录本`;
}
export type TypeKind = (typeof TYPE_KINDS)[number];
export const TYPE_KIND_LABELS: Record<TypeKind, string> = { meeting: '会议', study: '学习', talk: '谈话' };

export const RETENTIONS = ['永久', '30年', '10年'] as const;

export const CATEGORIES = ['learning', 'report', 'decision'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = { learning: '学习类', report: '通报类', decision: '决策类' };

/** 三重一大: 重大决策、重要干部任免、重大项目安排、大额资金使用. '' = not 三重一大. */
export const MAJOR_KINDS = ['decision', 'appointment', 'project', 'fund'] as const;
export type MajorKind = (typeof MAJOR_KINDS)[number];
export const MAJOR_LABELS: Record<MajorKind, string> = {
  decision: '重大决策',
  appointment: '重要干部任免',
  project: '重大项目安排',
  fund: '大额资金使用',
};
/** Kinds for which a legality review (合法性审查) is always required before the item may go on the agenda. */
export const LEGALITY_REQUIRED_FOR: readonly MajorKind[] = ['decision', 'project', 'fund'];

export const OUTCOMES = ['passed', 'amended', 'deferred', 'rejected', 'noted'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { passed: '通过', amended: '修改后通过', deferred: '暂缓研究', rejected: '不予通过', noted: '听取/学习' };

export const TALK_KINDS = ['routine', 'reminder', 'special', 'preappointment', 'collective'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];
export const TALK_KIND_LABELS: Record<TalkKind, string> = { routine: '例行谈话', reminder: '提醒谈话', special: '专项谈话', preappointment: '任前谈话', collective: '集体谈话' };

export const MEETING_STATES = ['draft', 'finalised', 'voided'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, string> = { draft: '草稿', finalised: '已定稿', voided: '已作废' };

export const AGENDA_STATES = ['reviewing', 'returned', 'approved', 'scheduled', 'decided', 'withdrawn'] as const;
export type AgendaState = (typeof AGENDA_STATES)[number];
export const AGENDA_STATE_LABELS: Record<AgendaState, string> = {
  reviewing: '审核中',
  returned: '已退回',
  approved: '待上会',
  scheduled: '已列入议程',
  decided: '已上会',
  withdrawn: '已撤回',
};

/** The three review steps, in order. */
export const REVIEW_STEPS = ['leader', 'office', 'secretary'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const REVIEW_STEP_LABELS: Record<ReviewStep, string> = { leader: '分管领导意见', office: '办公室审核', secretary: '书记审批' };

export const CHECK_CODES = ['quorum', 'members', 'discipline', 'vote', 'majority'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

// ---- field shapes -----------------------------------------------------------------------------

/** A calendar date that exists (the shared isoDate checks the calendar). */
export const calendarDate = isoDate;

const optionalId = (label: string) => z.number().int().positive().nullable().optional().describe(label);
/** Time of day HH:MM. */
export const hhmm = (label: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: `${label}格式应为 时:分（如 09:30）` })
    .describe(label);

/** A person: an account where they have one, always with the name as written on paper. */
export const personRef = (label: string) =>
  z
    .object({
      userId: optionalId(`${label}（账号）`),
      name: text(`${label}姓名`, 40),
    })
    .describe(label);
export type PersonRef = z.input<ReturnType<typeof personRef>>;

const personWithPost = (label: string) =>
  z.object({
    userId: optionalId(`${label}（账号）`),
    name: text(`${label}姓名`, 40),
    post: optionalText(`${label}职务`, 60).default(''),
  });

const attachment = z.object({
  name: text('附件名称', 120),
  pages: z.number().int().min(1, { message: '附件页数必须大于 0' }).max(10_000).nullable().optional().describe('附件页数'),
});
const attachments = z.array(attachment).max(50, { message: '附件不能超过 50 个' }).default([]).describe('附件');

const votes = (label: string) => z.number().int().min(0, { message: `${label}不能为负数` }).max(1000).nullable().optional().describe(label);

// ---- meeting types ----------------------------------------------------------------------------

export const memberShape = z.object({ userId: z.number().nullable(), name: z.string(), post: z.string() });

export const typeShape = z.object({
  id: z.number(),
  code: z.enum(TYPE_CODES).nullable(),
  name: z.string(),
  kind: z.enum(TYPE_KINDS),
  builtIn: z.boolean(),
  plannedPerYear: z.number(),
  retention: z.enum(RETENTIONS),
  requiresReview: z.boolean(),
  decidesMajor: z.boolean(),
  reviewers: z.object({
    leader: memberShape.nullable(),
    office: memberShape.nullable(),
    secretary: memberShape.nullable(),
  }),
  disciplineHead: memberShape.nullable(),
  members: z.array(memberShape),
  active: z.boolean(),
});
export type MeetingType = z.infer<typeof typeShape>;

export const typeSaveInput = z.object({
  id: z.number().int().positive().optional().describe('会议类型'),
  name: z.string().trim().min(2, { message: '会议类型名称至少 2 个字' }).max(30, { message: '会议类型名称不能超过 30 个字' }).describe('会议类型名称'),
  kind: z.enum(TYPE_KINDS, { message: '请选择记录形式' }).optional().describe('记录形式'),
  plannedPerYear: z.number({ message: '年度计划次数必须是数字' }).int({ message: '年度计划次数必须是整数' }).min(0, { message: '年度计划次数不能为负数' }).max(366, { message: '年度计划次数不能超过 366' }).default(0).describe('年度计划次数'),
  retention: z.enum(RETENTIONS, { message: '请选择保管期限' }).default('30年').describe('保管期限'),
  requiresReview: z.boolean().default(false).describe('议题须经审核'),
  reviewers: z
    .object({
      leaderId: optionalId('默认分管领导'),
      officeId: optionalId('默认办公室审核人'),
      secretaryId: optionalId('默认书记'),
    })
    .default({}),
  disciplineHead: z
    .object({ userId: optionalId('派驻纪检监察组组长（账号）'), name: optionalText('派驻纪检监察组组长姓名', 40).default('') })
    .default({ name: '' })
    .describe('派驻纪检监察组组长'),
  members: z.array(personWithPost('成员')).max(300, { message: '成员不能超过 300 人' }).default([]).describe('成员'),
  active: z.boolean().default(true).describe('启用'),
});
export type TypeSaveInput = z.input<typeof typeSaveInput>;

// ---- agenda items (议题) -----------------------------------------------------------------------

export const agendaFields = z.object({
  typeId: id('上会会议类型'),
  submittedOn: calendarDate('提交日期'),
  title: text('议题名称', 200),
  department: text('提出部门', 60),
  presenter: personRef('汇报人'),
  suggestedAttendees: optionalText('建议列席人员', 300).default(''),
  category: z.enum(CATEGORIES, { message: '请选择议题类别' }).describe('议题类别'),
  major: z.enum(['', ...MAJOR_KINDS], { message: '请选择三重一大类别' }).default('').describe('三重一大类别'),
  amount: fen('涉及金额').nullable().optional(),
  decisionSought: optionalText('提请决定事项', 2000).default(''),
  researchDone: z.boolean().default(false).describe('已开展调查研究'),
  researchNote: optionalText('调查研究情况', 500).default(''),
  consultationDone: z.boolean().default(false).describe('已征求意见'),
  consultationNote: optionalText('征求意见情况', 500).default(''),
  legalityRequired: z.boolean().default(false).describe('须经合法性审查'),
  legalityDone: z.boolean().default(false).describe('已经合法性审查'),
  legalityNote: optionalText('合法性审查意见', 500).default(''),
  attachments,
  reviewers: z
    .object({
      leaderId: optionalId('分管领导'),
      officeId: optionalId('办公室审核人'),
      secretaryId: optionalId('书记'),
    })
    .default({})
    .describe('审核人'),
});
export type AgendaFields = z.input<typeof agendaFields>;

export const agendaReviewShape = z.object({
  round: z.number(),
  step: z.enum(REVIEW_STEPS),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string(),
  mode: z.enum(['cosign', 'paper']),
  approverId: z.number(),
  approverName: z.string(),
  recordedByName: z.string(),
  decidedAt: z.string(),
  signedAt: z.string().nullable(),
  paperFilingNo: z.string().nullable(),
});

export const agendaRowShape = z.object({
  id: z.number(),
  year: z.number(),
  number: z.number(),
  label: z.string(),
  typeId: z.number(),
  typeName: z.string(),
  submittedOn: z.string(),
  title: z.string(),
  department: z.string(),
  presenterName: z.string(),
  category: z.enum(CATEGORIES),
  major: z.enum(['', ...MAJOR_KINDS]),
  amount: z.number().nullable(),
  legalityRequired: z.boolean(),
  legalityDone: z.boolean(),
  state: z.enum(AGENDA_STATES),
  reviewStep: z.enum(REVIEW_STEPS).nullable(),
  reviewRound: z.number(),
  /** Who must act next (a named reviewer), if the step has one. */
  waitingFor: z.string().nullable(),
  meetingId: z.number().nullable(),
  meetingLabel: z.string().nullable(),
  decisionId: z.number().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
});
export type AgendaRow = z.infer<typeof agendaRowShape>;

export const agendaDetailShape = agendaRowShape.extend({
  presenterId: z.number().nullable(),
  suggestedAttendees: z.string(),
  decisionSought: z.string(),
  researchDone: z.boolean(),
  researchNote: z.string(),
  consultationDone: z.boolean(),
  consultationNote: z.string(),
  legalityNote: z.string(),
  attachments: z.array(z.object({ name: z.string(), pages: z.number().nullable() })),
  /** Scans and documents uploaded to this record (the list above is what the paper record names). */
  files: z.array(attachmentShape),
  reviewers: z.object({ leader: memberShape.nullable(), office: memberShape.nullable(), secretary: memberShape.nullable() }),
  reviews: z.array(agendaReviewShape),
  approvedAt: z.string().nullable(),
  withdrawReason: z.string(),
  createdById: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  decision: z.string().nullable(),
});
export type AgendaDetail = z.infer<typeof agendaDetailShape>;

// ---- meeting records --------------------------------------------------------------------------

export const meetingItemInput = z.object({
  /** An existing item of this draft (keeps its decision id); absent for a new one. */
  id: z.number().int().positive().optional().describe('议题'),
  agendaId: optionalId('审核通过的议题'),
  title: text('议题名称', 200),
  presenter: personRef('汇报人').nullable().optional(),
  category: z.enum(CATEGORIES, { message: '请选择议题类别' }).default('decision').describe('议题类别'),
  major: z.enum(['', ...MAJOR_KINDS], { message: '请选择三重一大类别' }).default('').describe('三重一大类别'),
  amount: fen('涉及金额').nullable().optional(),
  attendees: z.array(personWithPost('列席人员')).max(50, { message: '列席人员不能超过 50 人' }).default([]).describe('本议题列席人员'),
  remarks: z
    .array(z.object({ speaker: personRef('发言人'), content: paragraph('发言内容', 10_000) }))
    .max(100, { message: '发言不能超过 100 条' })
    .default([])
    .describe('讨论发言'),
  voteFor: votes('同意票数'),
  voteAgainst: votes('反对票数'),
  voteAbstain: votes('弃权票数'),
  voteNote: optionalText('表决情况', 500).default(''),
  outcome: z.enum(OUTCOMES, { message: '请选择议定结果' }).default('passed').describe('议定结果'),
  decision: optionalText('决定事项', 5000).default(''),
  executor: optionalText('落实责任', 200).default(''),
});
export type MeetingItemInput = z.input<typeof meetingItemInput>;

const meetingMember = z.object({
  userId: optionalId('成员（账号）'),
  name: text('成员姓名', 40),
  post: optionalText('成员职务', 60).default(''),
  present: z.boolean().default(true).describe('出席'),
  absentReason: optionalText('缺席原因', 200).default(''),
});

const meetingBody = {
  date: calendarDate('会议日期'),
  startTime: hhmm('开始时间'),
  endTime: hhmm('结束时间'),
  place: text('会议地点', 100),
  host: personRef('主持人'),
  recorder: personRef('记录人'),
  topic: optionalText('会议主题', 200).default(''),
  form: optionalText('学习形式', 60).default(''),
  members: z.array(meetingMember).max(300, { message: '应到人员不能超过 300 人' }).default([]).describe('应到人员'),
  attendees: z.array(personWithPost('列席人员')).max(100, { message: '列席人员不能超过 100 人' }).default([]).describe('列席人员'),
  discipline: z
    .object({
      invited: z.boolean().default(false).describe('已邀请派驻纪检监察组组长'),
      attended: z.boolean().default(false).describe('派驻纪检监察组组长出席'),
      name: optionalText('派驻纪检监察组组长姓名', 40).default(''),
      reason: optionalText('未邀请或未出席的原因', 300).default(''),
    })
    .default({ invited: false, attended: false, name: '', reason: '' })
    .describe('派驻纪检监察组组长'),
  summary: optionalText('会议概况', 20_000).default(''),
  items: z.array(meetingItemInput).max(60, { message: '一次会议的议题不能超过 60 个' }).default([]).describe('议题'),
  attachments,
};

/** Rules that depend only on the input, so the form refuses them before the core does. */
function meetingRefine(v: { startTime: string; endTime: string; members: { present: boolean; absentReason: string }[]; discipline: { invited: boolean; attended: boolean }; items: { voteFor?: number | null; voteAgainst?: number | null; voteAbstain?: number | null }[] }, ctx: z.RefinementCtx) {
  if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间' });
  v.members.forEach((m, i) => {
    if (!m.present && !m.absentReason) ctx.addIssue({ code: 'custom', path: ['members', i, 'absentReason'], message: '缺席人员须填写缺席原因' });
  });
  if (v.discipline.attended && !v.discipline.invited) ctx.addIssue({ code: 'custom', path: ['discipline', 'invited'], message: '派驻纪检监察组组长出席的，应勾选“已邀请”' });
  const present = v.members.filter((m) => m.present).length;
  v.items.forEach((it, i) => {
    const sum = (it.voteFor ?? 0) + (it.voteAgainst ?? 0) + (it.voteAbstain ?? 0);
    if (v.members.length && sum > present) ctx.addIssue({ code: 'custom', path: ['items', i, 'voteFor'], message: `表决票数合计 ${sum} 超过实到人数 ${present}` });
  });
}

export const meetingCreateInput = z
  .object({
    typeId: id('会议类型'),
    /** The book to file it in; absent: the type's book of the meeting's year. */
    bookId: z.number().int().positive().optional().describe('记录本'),
    ...meetingBody,
  })
  .superRefine(meetingRefine);
export type MeetingCreateInput = z.input<typeof meetingCreateInput>;

export const meetingUpdateInput = z.object({ id: id('会议记录'), ...meetingBody }).superRefine(meetingRefine);
export type MeetingUpdateInput = z.input<typeof meetingUpdateInput>;

const talkBody = {
  date: calendarDate('谈话日期'),
  startTime: hhmm('开始时间'),
  endTime: hhmm('结束时间'),
  place: text('谈话地点', 100),
  talkKind: z.enum(TALK_KINDS, { message: '请选择谈话类型' }).describe('谈话类型'),
  speaker: personRef('谈话人'),
  recorder: personRef('记录人'),
  persons: z.array(personWithPost('谈话对象')).min(1, { message: '请填写谈话对象' }).max(200, { message: '谈话对象不能超过 200 人' }).describe('谈话对象'),
  content: paragraph('谈话内容', 20_000),
  response: optionalText('谈话对象表态', 10_000).default(''),
  attachments,
};
const talkRefine = (v: { startTime: string; endTime: string; talkKind: TalkKind; persons: unknown[] }, ctx: z.RefinementCtx) => {
  if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间应晚于开始时间' });
  if (v.talkKind !== 'collective' && v.persons.length > 1) ctx.addIssue({ code: 'custom', path: ['persons'], message: '多人同时谈话请选择“集体谈话”' });
};
export const talkCreateInput = z
  .object({ typeId: id('会议类型'), bookId: z.number().int().positive().optional().describe('记录本'), ...talkBody })
  .superRefine(talkRefine);
export type TalkCreateInput = z.input<typeof talkCreateInput>;
export const talkUpdateInput = z.object({ id: id('谈话记录'), ...talkBody }).superRefine(talkRefine);
export type TalkUpdateInput = z.input<typeof talkUpdateInput>;

export const checkShape = z.object({
  code: z.enum(CHECK_CODES),
  ok: z.boolean(),
  /** warning: must be acknowledged with a reason before finalising; info: shown and printed only. */
  severity: z.enum(['warning', 'info']),
  message: z.string(),
});
export type Check = z.infer<typeof checkShape>;

const personOut = z.object({ userId: z.number().nullable(), name: z.string() });

export const meetingRowShape = z.object({
  id: z.number(),
  typeId: z.number(),
  typeName: z.string(),
  kind: z.enum(TYPE_KINDS),
  bookId: z.number(),
  year: z.number(),
  number: z.number(),
  /** 2025年第7次 */
  label: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  hostName: z.string(),
  recorderName: z.string(),
  topic: z.string(),
  talkKind: z.enum(TALK_KINDS).nullable(),
  expected: z.number(),
  present: z.number(),
  itemCount: z.number(),
  majorCount: z.number(),
  titles: z.string(),
  state: z.enum(MEETING_STATES),
  flagged: z.boolean(),
  amendmentCount: z.number(),
});
export type MeetingRow = z.infer<typeof meetingRowShape>;

export const meetingItemShape = z.object({
  id: z.number(),
  seq: z.number(),
  agendaId: z.number().nullable(),
  agendaLabel: z.string().nullable(),
  title: z.string(),
  presenter: personOut.nullable(),
  category: z.enum(CATEGORIES),
  major: z.enum(['', ...MAJOR_KINDS]),
  amount: z.number().nullable(),
  attendees: z.array(memberShape),
  remarks: z.array(z.object({ speaker: personOut, content: z.string() })),
  voteFor: z.number().nullable(),
  voteAgainst: z.number().nullable(),
  voteAbstain: z.number().nullable(),
  voteNote: z.string(),
  outcome: z.enum(OUTCOMES),
  decision: z.string(),
  executor: z.string(),
});
export type MeetingItem = z.infer<typeof meetingItemShape>;

export const amendmentShape = z.object({
  id: z.number(),
  seq: z.number(),
  itemId: z.number().nullable(),
  itemSeq: z.number().nullable(),
  content: z.string(),
  reason: z.string(),
  signer: personOut,
  amendedAt: z.string(),
  recordedByName: z.string(),
});

export const meetingDetailShape = meetingRowShape.extend({
  typeCode: z.enum(TYPE_CODES).nullable(),
  retention: z.enum(RETENTIONS),
  requiresReview: z.boolean(),
  decidesMajor: z.boolean(),
  host: personOut,
  recorder: personOut,
  form: z.string(),
  members: z.array(memberShape.extend({ present: z.boolean(), absentReason: z.string() })),
  persons: z.array(memberShape),
  attendees: z.array(memberShape),
  discipline: z.object({ invited: z.boolean(), attended: z.boolean(), name: z.string(), reason: z.string() }),
  summary: z.string(),
  response: z.string(),
  items: z.array(meetingItemShape),
  attachments: z.array(z.object({ name: z.string(), pages: z.number().nullable() })),
  /** Scans and documents uploaded to this record (the list above is what the paper record names). */
  files: z.array(attachmentShape),
  /** Live checks for a draft; the checks recorded at finalising for a finalised record. */
  checks: z.array(checkShape),
  quorum: z.object({ expected: z.number(), present: z.number(), needed: z.number(), ok: z.boolean() }),
  ackReason: z.string(),
  finalisedAt: z.string().nullable(),
  finalisedByName: z.string().nullable(),
  voidReason: z.string(),
  voidedAt: z.string().nullable(),
  amendments: z.array(amendmentShape),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetailShape>;

// ---- decisions (referable from other registers) -----------------------------------------------

export const decisionShape = z.object({
  id: z.number(),
  meetingId: z.number(),
  finalised: z.boolean(),
  /** The meeting's state: a draft's decision is not yet a decision. */
  state: z.enum(MEETING_STATES),
  meetingType: z.string(),
  typeCode: z.enum(TYPE_CODES).nullable(),
  /** 党组会议 2025年第7次 议题2 */
  label: z.string(),
  date: z.string(),
  title: z.string(),
  major: z.enum(['', ...MAJOR_KINDS]),
  /** 分, of the item (三重一大 amount). */
  amount: z.number().nullable(),
  outcome: z.enum(OUTCOMES),
  decision: z.string(),
  executor: z.string(),
});
export type Decision = z.infer<typeof decisionShape>;

// ---- dashboard ----------------------------------------------------------------------------------

export const bookSummaryShape = z.object({
  typeId: z.number(),
  typeName: z.string(),
  typeCode: z.enum(TYPE_CODES).nullable(),
  kind: z.enum(TYPE_KINDS),
  retention: z.enum(RETENTIONS),
  bookId: z.number().nullable(),
  year: z.number(),
  /** Records in the book that are not voided. */
  held: z.number(),
  finalised: z.number(),
  drafts: z.number(),
  voided: z.number(),
  planned: z.number(),
  flagged: z.number(),
  /** When the book was bound (装订成册): nothing more is entered in it. */
  boundAt: z.string().nullable(),
});
export type BookSummary = z.infer<typeof bookSummaryShape>;

export const coverageShape = z.object({
  year: z.number(),
  /** Where the roster comes from: the 廉政谈话 type's member list, or every active account. */
  rosterSource: z.enum(['members', 'accounts']),
  total: z.number(),
  covered: z.number(),
  rows: z.array(z.object({ userId: z.number().nullable(), name: z.string(), post: z.string(), department: z.string(), talks: z.number(), lastDate: z.string().nullable() })),
});

export const dashboardShape = z.object({
  year: z.number(),
  books: z.array(bookSummaryShape),
  major: z.object({
    /** 三重一大 items on finalised records this year. */
    decided: z.number(),
    withDiscipline: z.number(),
    withoutDiscipline: z.number(),
    /** Finalised records whose checks failed and were acknowledged. */
    flaggedMeetings: z.number(),
  }),
  agenda: z.object({ leader: z.number(), office: z.number(), secretary: z.number(), returned: z.number(), approved: z.number() }),
  drafts: z.number(),
  talks: z.object({ total: z.number(), covered: z.number() }),
});
export type Dashboard = z.infer<typeof dashboardShape>;

// ---- methods ------------------------------------------------------------------------------------

const READ: readonly Role[] = ['clerk', 'approver', 'auditor'];
const WRITE: readonly Role[] = ['clerk'];

export const meetingListInput = listInput.extend({
  typeId: z.number().int().positive().optional().describe('会议类型'),
  bookId: z.number().int().positive().optional().describe('记录本'),
  personId: z.number().int().positive().optional().describe('人员'),
  major: z.boolean().optional().describe('含三重一大'),
  flagged: z.boolean().optional().describe('检查未通过'),
  sort: z.enum(['date_desc', 'date_asc', 'number']).default('date_desc').describe('排序'),
});

export const agendaListInput = listInput.extend({
  typeId: z.number().int().positive().optional().describe('会议类型'),
  major: z.boolean().optional().describe('三重一大'),
  /** Only items this approver is named for at their current step. */
  waitingForId: z.number().int().positive().optional().describe('待审核人'),
  sort: z.enum(['submitted_desc', 'submitted_asc', 'number']).default('submitted_desc').describe('排序'),
});

export const minutesMethods = defineMethods({
  // meeting types and books
  'minutes.types': {
    title: '会议类型',
    access: ['clerk', 'approver', 'auditor', 'admin'],
    kind: 'read',
    input: z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    output: z.array(typeShape),
  },
  'minutes.typeSave': {
    title: '设置会议类型',
    access: ['clerk', 'admin'],
    kind: 'write',
    input: typeSaveInput,
    output: typeShape,
  },
  'minutes.bookPlan': {
    title: '设置年度计划次数',
    access: WRITE,
    kind: 'write',
    input: z.object({ typeId: id('会议类型'), year, planned: z.number({ message: '年度计划次数必须是数字' }).int({ message: '年度计划次数必须是整数' }).min(0, { message: '年度计划次数不能为负数' }).max(366).describe('年度计划次数') }),
    output: bookSummaryShape,
  },
  'minutes.bookBind': {
    title: '记录本装订成册',
    access: WRITE,
    kind: 'write',
    input: z.object({ typeId: id('会议类型'), year }),
    output: bookSummaryShape,
  },
  'minutes.dashboard': {
    title: '会议记录概况',
    access: READ,
    kind: 'read',
    input: z.object({ year: year.optional() }).default({}),
    output: dashboardShape,
  },

  // meeting records
  'minutes.list': {
    title: '会议记录列表',
    access: READ,
    kind: 'read',
    input: meetingListInput,
    output: listOutput(meetingRowShape),
  },
  'minutes.get': {
    title: '查看会议记录',
    access: READ,
    kind: 'read',
    input: z.object({ id: id('会议记录') }),
    output: meetingDetailShape,
  },
  'minutes.book': {
    title: '年度会议记录本',
    access: READ,
    kind: 'read',
    // The records come a few at a time (a busy book is a hundred records): offset/limit.
    input: z.object({ typeId: id('会议类型'), year, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(20).default(10) }),
    output: z.object({ summary: bookSummaryShape, unitName: z.string(), total: z.number(), records: z.array(meetingDetailShape) }),
  },
  'minutes.create': {
    title: '新建会议记录',
    access: WRITE,
    kind: 'write',
    input: meetingCreateInput,
    output: meetingDetailShape,
  },
  'minutes.update': {
    title: '修改会议记录',
    access: WRITE,
    kind: 'write',
    input: meetingUpdateInput,
    output: meetingDetailShape,
  },
  'minutes.talkCreate': {
    title: '新建廉政谈话记录',
    access: WRITE,
    kind: 'write',
    input: talkCreateInput,
    output: meetingDetailShape,
  },
  'minutes.talkUpdate': {
    title: '修改廉政谈话记录',
    access: WRITE,
    kind: 'write',
    input: talkUpdateInput,
    output: meetingDetailShape,
  },
  'minutes.finalise': {
    title: '会议记录定稿',
    access: WRITE,
    kind: 'write',
    input: z.object({ id: id('会议记录'), acknowledgement: optionalText('确认说明', 500).default('') }),
    output: meetingDetailShape,
  },
  'minutes.void': {
    title: '作废会议记录',
    access: WRITE,
    kind: 'write',
    input: z.object({ id: id('会议记录'), reason: paragraph('作废原因', 300) }),
    output: meetingDetailShape,
  },
  'minutes.amend': {
    title: '追加更正记录',
    access: WRITE,
    kind: 'write',
    input: z.object({
      id: id('会议记录'),
      itemId: optionalId('更正的议题'),
      content: paragraph('更正内容', 5000),
      reason: paragraph('更正原因', 300),
      signer: personRef('签名人'),
    }),
    output: meetingDetailShape,
  },

  // decisions, for other registers
  'minutes.decision': {
    title: '查看会议决定事项',
    access: ['clerk', 'approver', 'auditor', 'admin'],
    kind: 'read',
    input: z.object({ id: id('会议决定') }),
    output: decisionShape,
  },
  'minutes.decisions': {
    title: '选择会议决定事项',
    access: ['clerk', 'approver', 'auditor', 'admin'],
    kind: 'read',
    input: z.object({
      q: z.string().trim().max(100).optional().describe('关键词'),
      finalisedOnly: z.boolean().default(true),
      majorOnly: z.boolean().default(false),
      typeCode: z.enum(TYPE_CODES).optional(),
      year: year.optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.array(decisionShape),
  },

  // 廉政谈话 coverage
  'minutes.talkCoverage': {
    title: '廉政谈话覆盖情况',
    access: READ,
    kind: 'read',
    input: z.object({ year: year.optional() }).default({}),
    output: coverageShape,
  },

  // agenda pre-review
  'minutes.agendaList': {
    title: '议题台账',
    access: READ,
    kind: 'read',
    input: agendaListInput,
    output: listOutput(agendaRowShape),
  },
  'minutes.agendaGet': {
    title: '查看议题',
    access: READ,
    kind: 'read',
    input: z.object({ id: id('议题') }),
    output: agendaDetailShape,
  },
  'minutes.agendaSubmit': {
    title: '提交议题审核',
    access: WRITE,
    kind: 'write',
    input: agendaFields,
    output: agendaDetailShape,
  },
  'minutes.agendaResubmit': {
    title: '修改后重新提交议题',
    access: WRITE,
    kind: 'write',
    input: agendaFields.extend({ id: id('议题') }),
    output: agendaDetailShape,
  },
  'minutes.agendaReview': {
    title: '审核议题',
    access: ['clerk', 'approver'],
    kind: 'write',
    input: z.object({ id: id('议题'), step: z.enum(REVIEW_STEPS, { message: '审核环节不正确' }).describe('审核环节'), approval: approvalInput }),
    output: agendaDetailShape,
  },
  'minutes.agendaWithdraw': {
    title: '撤回议题',
    access: WRITE,
    kind: 'write',
    input: z.object({ id: id('议题'), reason: paragraph('撤回原因', 300) }),
    output: agendaDetailShape,
  },

  // scans and documents of agenda items and meeting records
  ...attachmentMethods('minutes', [MINUTES_AGENDA_OBJECT, MINUTES_MEETING_OBJECT], { write: WRITE, read: READ }),
});

// ---- printed registers --------------------------------------------------------------------------

export const MEETINGS_REGISTER = 'minutes.meetings';
export const AGENDA_REGISTER = 'minutes.agenda';

/** Printable/exportable registers of this area (see registers.ts). */
export const minutesRegisterDefs: Record<string, RegisterDef> = {
  [MEETINGS_REGISTER]: {
    key: MEETINGS_REGISTER,
    title: '会议记录本',
    // One book per meeting type, titled by it: never 党组会议 and 局务会议 in one register.
    book: { key: 'typeName', title: (r, unitName) => bookTitle(unitName, (r._typeCode as TypeCode | null) ?? null, String(r.typeName)) },
    orientation: 'landscape',
    retention: '永久',
    readRoles: READ,
    columns: [
      { key: 'label', title: '编号', width: 10 },
      { key: 'typeName', title: '会议类型', width: 11, exportOnly: true },
      { key: 'when', title: '时间', width: 16, printOnly: true },
      { key: 'date', title: '日期', width: 10, kind: 'date', exportOnly: true },
      { key: 'time', title: '起止时间', width: 10, exportOnly: true },
      { key: 'place', title: '地点', width: 11 },
      { key: 'hostName', title: '主持人', width: 7 },
      { key: 'recorderName', title: '记录人', width: 7 },
      { key: 'attendance', title: '应到/实到', width: 7, align: 'center' },
      { key: 'titles', title: '议题/主题', width: 38 },
      { key: 'majorCount', title: '三重一大', width: 6, align: 'center', kind: 'int' },
      { key: 'discipline', title: '纪检组长', width: 8, align: 'center' },
      { key: 'stateLabel', title: '状态', width: 7, align: 'center' },
      { key: 'flags', title: '备注', width: 18 },
    ],
    states: MEETING_STATE_LABELS,
  },
  [AGENDA_REGISTER]: {
    key: AGENDA_REGISTER,
    title: '议题台账',
    orientation: 'landscape',
    retention: '永久',
    readRoles: READ,
    columns: [
      { key: 'label', title: '编号', width: 15 },
      { key: 'submittedOn', title: '提交日期', width: 10, kind: 'date' },
      { key: 'title', title: '议题名称', width: 30 },
      { key: 'source', title: '提出部门/汇报人', width: 12, printOnly: true },
      { key: 'department', title: '提出部门', width: 10, exportOnly: true },
      { key: 'presenterName', title: '汇报人', width: 7, exportOnly: true },
      { key: 'kindLabel', title: '类别', width: 11, printOnly: true },
      { key: 'categoryLabel', title: '议题类别', width: 7, exportOnly: true },
      { key: 'majorLabel', title: '三重一大', width: 10, exportOnly: true },
      { key: 'amount', title: '金额（元）', width: 11, align: 'right', kind: 'money' },
      { key: 'legality', title: '合法性审查', width: 7, align: 'center' },
      { key: 'reviews', title: '审核情况（分管领导／办公室／书记）', width: 24, printOnly: true },
      { key: 'leader', title: '分管领导意见', width: 16, exportOnly: true },
      { key: 'office', title: '办公室审核', width: 16, exportOnly: true },
      { key: 'secretary', title: '书记审批', width: 16, exportOnly: true },
      { key: 'stateLabel', title: '状态', width: 8, align: 'center' },
      { key: 'meetingLabel', title: '上会情况', width: 16 },
      { key: 'outcomeLabel', title: '议定结果', width: 8, exportOnly: true },
    ],
    states: AGENDA_STATE_LABELS,
  },
};

// ---- labels shared by the core and the renderer -------------------------------------------------

/** 2025年第7次 */
export const meetingLabel = (year: number, number: number) => `${year}年第${number}次`;
/** 议题〔2025〕第0003号 */
export const agendaLabel = (year: number, number: number) => `议题〔${year}〕第${String(number).padStart(4, '0')}号`;
