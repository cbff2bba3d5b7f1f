// Demo data for the minutes register, made through the core's own methods so every rule applies:
// meeting types configured (members, reviewers, the 派驻纪检监察组组长), agenda items taken through
// 分管领导 → 办公室 → 书记 (paper signatures dated before the meeting), 党组会议 deciding them with the
// 三重一大 checks, 局务会议, 中心组学习 against its plan, 廉政谈话, drafts, a voided record, an
// acknowledged failed check and an amendment.
import type { Core } from '../core/core';
import { shanghaiDate } from '../core/time';
import { sized } from './size';

interface Person {
  id: number;
  name: string;
  department: string;
  post: string;
}

type Seeds = { admin: string; clerk: string; leaderLogin: string; password: string };

class MinutesSeedError extends Error {}

const DEPARTMENTS = ['办公室', '政工室', '计财室', '法律援助中心', '社区矫正科', '人民调解科', '普法与依法治理科', '公共法律服务科'];

const FUND_ITEMS: [string, number][] = [
  ['关于购置社区矫正监管执法车辆的请示', 35_000_000],
  ['关于法律援助中心办公用房维修改造项目的请示', 48_000_000],
  ['关于采购智慧矫正系统运维服务的请示', 26_000_000],
  ['关于拨付人民调解“以奖代补”经费的请示', 22_600_000],
  ['关于年度普法宣传专项经费使用方案的请示', 31_500_000],
  ['关于公共法律服务中心设备采购的请示', 27_800_000],
];
const DECISION_ITEMS = ['关于修订《局机关财务管理制度》的议题', '关于印发年度法治政府建设工作要点的议题', '关于调整局机关内设机构职责分工的议题', '关于制定公务用车管理办法的议题', '关于报废处置一批办公设备的议题'];
const APPOINTMENT_ITEMS = ['关于推荐科级干部人选的议题', '关于干部轮岗交流的议题', '关于确定年度考核优秀等次人员的议题'];
const PROJECT_ITEMS: [string, number][] = [
  ['关于司法所规范化建设项目的议题', 120_000_000],
  ['关于“智慧司法”信息化建设项目的议题', 86_000_000],
];
const REPORT_ITEMS = ['关于上半年全局工作情况的通报', '关于巡察整改工作进展情况的汇报', '关于信访维稳工作情况的汇报', '关于意识形态工作情况的汇报', '关于党风廉政建设责任制落实情况的汇报'];
const LEARNING_ITEMS = ['传达学习习近平总书记重要讲话精神', '学习《中国共产党纪律处分条例》', '传达学习全市司法行政工作会议精神', '学习《中国共产党党组工作条例》'];
const BUREAU_ITEMS = ['研究部署本月重点工作', '通报各科室工作完成情况', '安排节日期间值班及安全生产工作', '研究公共法律服务体系建设推进事项', '研究年度目标考核迎检准备工作', '通报法律援助案件质量评查情况'];
const STUDY_TOPICS = ['学习贯彻党的二十届三中全会精神', '学习《习近平法治思想学习纲要》', '专题学习党的纪律建设', '学习贯彻中央八项规定精神', '学习总体国家安全观', '学习《中国共产党章程》', '专题研讨优化法治化营商环境', '学习习近平总书记关于调查研究的重要论述', '学习全面从严治党新要求', '专题学习意识形态工作责任制'];
const STUDY_FORMS = ['集中学习', '专题研讨', '辅导报告', '交流研讨'];
const PLACES = ['局机关三楼会议室', '局机关五楼党员活动室', '局机关一楼小会议室'];
const REMARKS = [
  '同意该事项，请相关科室严格按照程序办理，确保资金使用规范。',
  '建议进一步细化实施方案，明确时间节点和责任人。',
  '此事关系群众切身利益，要做好风险评估和舆情应对。',
  '同意。要加强过程监督，办理结果及时向党组报告。',
  '原则同意，请计财室把好预算关，严格执行政府采购规定。',
];
const TALK_CONTENT = [
  '结合岗位廉政风险点，提醒严格执行中央八项规定及其实施细则精神，严守工作纪律，不得利用职务便利为他人谋取利益。',
  '针对近期群众反映的办事效率问题进行提醒谈话，要求端正工作作风，提高服务质量。',
  '就任职后的廉洁从政要求进行谈话，强调要带头遵守各项纪律规定，管好身边人。',
  '围绕节日期间廉洁自律要求进行集体谈话，重申“十严禁”纪律要求。',
];

/** Deterministic pseudo-random numbers, so the same seed gives the same data. */
function rng(seed = 20250101) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const addDays = (date: string, days: number) => shanghaiDate(new Date(Date.parse(`${date}T12:00:00+08:00`) + days * 86_400_000));

export async function seedMinutes(core: Core, s: Seeds, scale: 'small' | 'bench', log: (l: string) => void, size = 1): Promise<void> {
  const call = async <T = unknown>(method: string, input: unknown, session = s.clerk): Promise<T> => {
    const r = await core.call(session, method, input);
    if (!r.ok) throw new MinutesSeedError(`${method} 失败：${r.error.message}${r.error.field ? `（${r.error.field}）` : ''}`);
    return r.data as T;
  };
  const existing = await call<{ total: number }>('minutes.list', { pageSize: 1 });
  if (existing.total > 0) {
    log('会议记录已有数据，跳过');
    return;
  }
  const rand = rng();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

  const people = await call<Person[]>('accounts.people', { limit: 200 });
  const byName = (name: string) => people.find((p) => p.name === name);
  const need = (name: string, fallbackIndex: number) => byName(name) ?? people[fallbackIndex % people.length];
  const me = await call<{ user: { id: number; name: string } }>('accounts.me', {});
  const leaderSelf = await call<Person[]>('accounts.people', { q: '', role: 'approver', limit: 200 });
  const secretary = leaderSelf.find((p) => p.post.includes('局长') && !p.post.includes('副')) ?? leaderSelf[0];
  const deputy = byName('何平') ?? leaderSelf.find((p) => p.id !== secretary.id)!;
  const office = byName('刘洋') ?? leaderSelf.find((p) => p.id !== secretary.id && p.id !== deputy.id)!;
  const member3 = byName('马骏') ?? leaderSelf.find((p) => ![secretary.id, deputy.id, office.id].includes(p.id)) ?? deputy;
  const discipline = byName('陈静');
  const recorder = { userId: me.user.id, name: me.user.name };
  const presenters = people.filter((p) => ![secretary.id, deputy.id, office.id].includes(p.id) && p.id !== me.user.id && p.department !== '派驻纪检监察组');

  // ---- types ----
  const types = await call<{ id: number; code: string | null; name: string; kind: string; members: unknown[] }[]>('minutes.types', {});
  const T = (code: string) => types.find((t) => t.code === code)!;
  const partyMembers = [
    { userId: secretary.id, name: secretary.name, post: '党组书记、局长' },
    { userId: deputy.id, name: deputy.name, post: '党组成员、副局长' },
    { userId: member3.id, name: member3.name, post: '党组成员、政治部主任' },
    { name: '张卫东', post: '党组成员、副局长' },
    { name: '李红', post: '党组成员、副局长' },
  ];
  const party = await call<{ id: number; members: { userId: number | null; name: string; post: string }[] }>('minutes.typeSave', {
    id: T('party_group').id,
    name: '党组会议',
    kind: 'meeting',
    plannedPerYear: 24,
    retention: '永久',
    requiresReview: true,
    reviewers: { leaderId: deputy.id, officeId: office.id, secretaryId: secretary.id },
    disciplineHead: discipline ? { userId: discipline.id } : { name: '陈静' },
    members: partyMembers,
  });
  const bureauMembers = [...partyMembers, ...people.filter((p) => p.post.includes('主任') || p.post.includes('科长')).map((p) => ({ userId: p.id, name: p.name, post: `${p.department}${p.post}` }))];
  const bureau = await call<{ id: number; members: { userId: number | null; name: string; post: string }[] }>('minutes.typeSave', {
    id: T('bureau').id,
    name: '局务会议',
    kind: 'meeting',
    plannedPerYear: 12,
    retention: '永久',
    members: bureauMembers.filter((m, i, a) => a.findIndex((x) => (x.userId ?? x.name) === (m.userId ?? m.name)) === i),
  });
  const study = await call<{ id: number; members: { userId: number | null; name: string; post: string }[] }>('minutes.typeSave', {
    id: T('study_group').id,
    name: '理论学习中心组学习',
    kind: 'study',
    plannedPerYear: 10,
    retention: '30年',
    members: partyMembers,
  });
  const staff = people.filter((p) => p.department !== '派驻纪检监察组');
  await call('minutes.typeSave', { id: T('integrity').id, name: '廉政谈话', kind: 'talk', plannedPerYear: 0, retention: '30年', members: staff.map((p) => ({ userId: p.id, name: p.name, post: p.post })) });
  const branch = await call<{ id: number; members: { userId: number | null; name: string; post: string }[] }>('minutes.typeSave', {
    id: T('branch_committee').id,
    name: '党支部委员会',
    kind: 'meeting',
    plannedPerYear: 12,
    retention: '30年',
    members: staff.slice(0, 5).map((p) => ({ userId: p.id, name: p.name, post: p.post })),
  });
  const partyMembersType = T('party_members');
  log('会议类型已设置：党组成员、审核人、派驻纪检监察组组长、廉政谈话名单');

  const allPresent = (ms: { userId: number | null; name: string; post: string }[]) => ms.map((m) => ({ ...m, present: true, absentReason: '' }));
  const today = shanghaiDate(core.state.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const years = scale === 'bench' ? Array.from({ length: 10 }, (_, i) => thisYear - 9 + i) : [thisYear - 1, thisYear];

  /** Dates spread over a year, never after today. */
  const datesIn = (year: number, n: number, weekdayOnly = true) => {
    const end = year === thisYear ? today : `${year}-12-28`;
    const start = `${year}-01-06`;
    const span = Math.max(1, Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000));
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let d = addDays(start, Math.floor(((i + 0.5) * span) / n));
      if (weekdayOnly) {
        const wd = new Date(`${d}T12:00:00+08:00`).getUTCDay();
        if (wd === 6) d = addDays(d, -1);
        if (wd === 0) d = addDays(d, -2);
      }
      if (d > today) d = today;
      if (!d.startsWith(String(year))) d = `${year}-01-06`;
      out.push(d);
    }
    return out;
  };

  let filing = 0;
  /** Submit an agenda item and take it through the three paper signatures, all before `meetingDate`. */
  const reviewedItem = async (meetingDate: string, kind: 'fund' | 'decision' | 'appointment' | 'project' | 'report' | 'learning', opts: { stopAt?: 'leader' | 'office' | 'secretary'; reject?: boolean } = {}) => {
    const submittedOn = addDays(meetingDate, -12);
    const presenter = pick(presenters);
    let title: string;
    let amount: number | null = null;
    let major = '';
    let category = 'decision';
    if (kind === 'fund') [title, amount] = pick(FUND_ITEMS);
    else if (kind === 'project') [title, amount] = pick(PROJECT_ITEMS);
    else if (kind === 'decision') title = pick(DECISION_ITEMS);
    else if (kind === 'appointment') title = pick(APPOINTMENT_ITEMS);
    else if (kind === 'report') {
      title = pick(REPORT_ITEMS);
      category = 'report';
    } else {
      title = pick(LEARNING_ITEMS);
      category = 'learning';
    }
    if (kind === 'fund' || kind === 'project' || kind === 'decision' || kind === 'appointment') major = kind;
    if (kind === 'decision' && rand() < 0.4) major = '';
    const legality = major === 'fund' || major === 'project' || major === 'decision';
    const a = await call<{ id: number }>('minutes.agendaSubmit', {
      typeId: party.id,
      submittedOn,
      title,
      department: presenter.department || pick(DEPARTMENTS),
      presenter: { userId: presenter.id, name: presenter.name },
      suggestedAttendees: major ? '计财室负责人' : '',
      category,
      major,
      amount,
      decisionSought: category === 'decision' ? `提请党组会议研究${title.replace(/^关于/, '').replace(/的(请示|议题)$/, '')}事项` : '',
      researchDone: category === 'decision',
      researchNote: category === 'decision' ? '已开展专题调研' : '',
      consultationDone: category === 'decision',
      consultationNote: category === 'decision' ? '已征求相关科室和分管领导意见' : '',
      legalityRequired: legality,
      legalityDone: legality,
      legalityNote: legality ? '经法制审核科审查，符合有关法律法规和政策规定' : '',
      attachments: category === 'decision' ? [{ name: '相关方案', pages: 2 + Math.floor(rand() * 6) }] : [],
    });
    const steps: ['leader' | 'office' | 'secretary', number, number][] = [
      ['leader', deputy.id, -9],
      ['office', office.id, -7],
      ['secretary', secretary.id, -5],
    ];
    for (const [step, signerId, offset] of steps) {
      if (opts.stopAt === step) break;
      filing++;
      const rejected = opts.reject && step === 'office';
      await call('minutes.agendaReview', {
        id: a.id,
        step,
        approval: {
          mode: 'paper',
          decision: rejected ? 'rejected' : 'approved',
          comment: rejected ? '请补充预算测算依据后再报' : step === 'secretary' ? '同意提交党组会议研究' : '同意',
          signerId,
          signedAt: `${addDays(meetingDate, offset)}T10:00:00+08:00`,
          filingNo: `议审〔${submittedOn.slice(0, 4)}〕${filing}号`,
        },
      });
      if (rejected) break;
    }
    return { id: a.id, title, major, amount, category };
  };

  const itemFor = (a: { id: number; title: string; major: string; category: string }, present: number, seq: number) => ({
    agendaId: a.id,
    title: a.title,
    presenter: null,
    remarks:
      a.category === 'learning'
        ? [{ speaker: { userId: secretary.id, name: secretary.name }, content: '要深刻领会精神实质，结合司法行政工作抓好贯彻落实。' }]
        : [
            { speaker: { userId: deputy.id, name: deputy.name }, content: pick(REMARKS) },
            { speaker: { userId: member3.id, name: member3.name }, content: pick(REMARKS) },
            { speaker: { userId: secretary.id, name: secretary.name }, content: pick(REMARKS) },
          ],
    voteFor: a.category === 'decision' ? present : null,
    voteAgainst: a.category === 'decision' ? 0 : null,
    voteAbstain: a.category === 'decision' ? 0 : null,
    voteNote: a.category === 'decision' ? '举手表决' : '',
    outcome: a.category === 'decision' ? 'passed' : 'noted',
    decision: a.category === 'decision' ? `会议同意${a.title.replace(/^关于/, '').replace(/的(请示|议题)$/, '')}，由相关科室按程序抓好落实。` : seq === 1 ? '会议要求各科室认真传达学习，抓好贯彻落实。' : '',
    executor: a.category === 'decision' ? '提出科室牵头，计财室、办公室配合' : '',
  });

  let meetings = 0;
  let agendaCount = 0;
  // bench: ten years of 300 records a year (3,000) with about 15,000 agenda items, 3,600 of them reviewed
  const perYear = scale === 'bench' ? { party: sized(60, size, 2), bureau: sized(80, size, 2), study: sized(12, size, 2), branch: sized(48, size, 2), members: sized(20, size, 2), talks: sized(80, size, 2) } : { party: 6, bureau: 4, study: 10, branch: 3, members: 2, talks: 6 };
  const itemsPerMeeting = scale === 'bench' ? 6 : 3;
  const bureauItems = scale === 'bench' ? 12 : 3;

  for (const year of years) {
    const current = year === thisYear;
    // ---- 党组会议 ----
    const partyDates = datesIn(year, perYear.party);
    for (const [i, date] of partyDates.entries()) {
      const kinds: ('fund' | 'decision' | 'appointment' | 'project' | 'report' | 'learning')[] = ['learning'];
      const pool = ['fund', 'decision', 'report', 'decision', 'appointment', 'project', 'report'] as const;
      while (kinds.length < itemsPerMeeting) kinds.push(pick(pool));
      const absent = scale === 'small' && current && i === 1 ? { 张卫东: '参加市局培训', 李红: '病假', [deputy.name]: '外出招商' } : rand() < 0.3 ? { 李红: '出差' } : {};
      const members = party.members.map((m) => ({ ...m, present: !(m.name in absent), absentReason: (absent as Record<string, string>)[m.name] ?? '' }));
      const present = members.filter((m) => m.present).length;
      const items = [];
      for (const [seq, k] of kinds.entries()) {
        const a = await reviewedItem(date, k);
        agendaCount++;
        items.push(itemFor(a, present, seq + 1));
      }
      const disciplineAbsent = scale === 'small' && current && i === 2;
      const last = current && i === partyDates.length - 1;
      const m = await call<{ id: number; checks: { ok: boolean; severity: string }[] }>('minutes.create', {
        typeId: party.id,
        date,
        startTime: '09:00',
        endTime: rand() < 0.5 ? '11:30' : '12:00',
        place: PLACES[0],
        host: { userId: secretary.id, name: secretary.name },
        recorder,
        members,
        attendees: [{ userId: office.id, name: office.name, post: '政工室主任' }],
        discipline: { invited: true, attended: !disciplineAbsent, name: '', reason: disciplineAbsent ? '在市纪委参加集中办案' : '' },
        summary: '',
        items,
      });
      meetings++;
      if (last && scale === 'small') continue; // leave the latest one as a draft
      const failing = m.checks.some((c) => !c.ok && c.severity === 'warning');
      await call('minutes.finalise', { id: m.id, acknowledgement: failing ? '事项时限紧迫，会后已向缺席党组成员通报并征得同意，报派驻纪检监察组备案' : '' });
      if (scale === 'small' && !current && i === 0) {
        await call('minutes.amend', {
          id: m.id,
          content: '第 1 项议题的落实责任单位补记为“办公室”。',
          reason: '会议记录遗漏，经主持人核对后补记',
          signer: { userId: secretary.id, name: secretary.name },
        });
      }
    }
    // ---- 局务会议 ----
    for (const [i, date] of datesIn(year, perYear.bureau).entries()) {
      const items = Array.from({ length: bureauItems }, (_, k) => {
        const p = pick(presenters);
        return {
        title: pick(BUREAU_ITEMS),
        presenter: { userId: p.id, name: p.name },
        category: k === 0 ? 'report' : 'decision',
        remarks: [{ speaker: { userId: deputy.id, name: deputy.name }, content: pick(REMARKS) }],
        outcome: k === 0 ? 'noted' : 'passed',
        decision: k === 0 ? '' : '会议研究同意，请相关科室抓好落实。',
        executor: k === 0 ? '' : pick(DEPARTMENTS),
        };
      });
      const m = await call<{ id: number }>('minutes.create', {
        typeId: bureau.id,
        date,
        startTime: '14:30',
        endTime: '16:30',
        place: PLACES[0],
        host: { userId: secretary.id, name: secretary.name },
        recorder,
        members: allPresent(bureau.members),
        items,
      });
      meetings++;
      if (scale === 'small' && current && i === 0) await call('minutes.void', { id: m.id, reason: '与第2次会议重复登记' });
      else await call('minutes.finalise', { id: m.id });
    }
    // ---- 理论学习中心组学习: 7 of 10 this year ----
    const studyCount = current && scale === 'small' ? 7 : perYear.study;
    for (const [i, date] of datesIn(year, studyCount).entries()) {
      const m = await call<{ id: number }>('minutes.create', {
        typeId: study.id,
        date,
        startTime: '14:30',
        endTime: '17:00',
        place: PLACES[1],
        host: { userId: secretary.id, name: secretary.name },
        recorder,
        topic: STUDY_TOPICS[i % STUDY_TOPICS.length],
        form: pick(STUDY_FORMS),
        members: allPresent(study.members),
        items: [
          {
            title: STUDY_TOPICS[i % STUDY_TOPICS.length],
            category: 'learning',
            presenter: { userId: secretary.id, name: secretary.name },
            remarks: [
              { speaker: { userId: deputy.id, name: deputy.name }, content: '结合分管工作谈学习体会：要把学习成果转化为推动工作的实际成效。' },
              { speaker: { userId: member3.id, name: member3.name }, content: '要坚持学用结合，着力解决群众急难愁盼问题。' },
            ],
            outcome: 'noted',
          },
        ],
        summary: '中心组成员围绕学习主题进行了交流研讨。',
      });
      meetings++;
      await call('minutes.finalise', { id: m.id });
    }
    // ---- 党支部委员会 / 党员大会 ----
    for (const [typeId, n, ms] of [
      [branch.id, perYear.branch, branch.members],
      [partyMembersType.id, perYear.members, [] as { userId: number | null; name: string; post: string }[]],
    ] as const) {
      for (const date of datesIn(year, n)) {
        const m = await call<{ id: number }>('minutes.create', {
          typeId,
          date,
          startTime: '16:00',
          endTime: '17:30',
          place: PLACES[1],
          host: { userId: staff[0].id, name: staff[0].name },
          recorder,
          members: allPresent(ms),
          items: [{ title: pick(['学习党章党规', '研究发展党员工作', '开展主题党日活动', '收缴党费情况通报']), category: 'report', outcome: 'noted' }],
          summary: '会议按议程进行。',
        });
        meetings++;
        await call('minutes.finalise', { id: m.id });
      }
    }
    // ---- 廉政谈话 ----
    const talkDates = datesIn(year, perYear.talks);
    for (const [i, date] of talkDates.entries()) {
      const collective = i % 5 === 4;
      const person = staff[(i * 3 + year) % staff.length];
      const persons = collective ? staff.slice(0, 4).filter((p) => p.id !== secretary.id).map((p) => ({ userId: p.id, name: p.name, post: p.post })) : [{ userId: person.id, name: person.name, post: person.post }];
      const speaker = persons.some((p) => p.userId === secretary.id) ? deputy : secretary;
      const m = await call<{ id: number }>('minutes.talkCreate', {
        typeId: T('integrity').id,
        date,
        startTime: '15:00',
        endTime: '15:40',
        place: '书记办公室',
        talkKind: collective ? 'collective' : pick(['routine', 'reminder', 'preappointment', 'special'] as const),
        speaker: { userId: speaker.id, name: speaker.name },
        recorder,
        persons: persons.filter((p) => p.userId !== speaker.id),
        content: pick(TALK_CONTENT),
        response: '表示将认真对照检查，严格遵守各项纪律规定。',
      });
      meetings++;
      await call('minutes.finalise', { id: m.id });
    }
    log(`会议记录：${year} 年已生成（累计 ${meetings} 份记录、${agendaCount} 个审核议题）`);
  }

  // ---- agenda items waiting at each step, and one returned (signatures so far dated in the past) ----
  await reviewedItem(today, 'fund', { stopAt: 'leader' });
  await reviewedItem(today, 'decision', { stopAt: 'office' });
  await reviewedItem(today, 'project', { stopAt: 'secretary' });
  await reviewedItem(today, 'fund', { reject: true });
  await reviewedItem(today, 'report');
  log(`会议记录已就绪：${meetings} 份记录、${agendaCount} 个已上会议题，另有待审核、已退回的议题`);
}
