// The output side of the seal registers: rows for 用印登记簿, 印章登记表 and 印章交接登记表, and the
// import that adopts a paper usage log (imported entries are marked and keep their original numbers).
import type { RegisterFilter } from '../contract/output';
import type { OutputRow, RegisterImpl } from '../output/registry';
import { personNamed, readImportRow } from '../output/import-row';
import { claimNumber } from '../core/numbering';
import type { Db } from '../core/open';
import type { Ctx } from '../core/context';
import { refuse } from '../core/errors';
import { backEnteredOn, shanghaiDate, shanghaiDateOf } from '../core/time';
import {
  BLANK_TITLE,
  SEAL_KIND_LABELS,
  SEAL_REGISTER_CATALOGUE,
  SEAL_REGISTER_HANDOVERS,
  SEAL_REGISTER_USAGE,
  SEAL_STATUS_LABELS,
  SEAL_USE_OBJECT,
  USE_STATE_LABELS,
  sealsRegisterDefs,
  type SealKind,
  type SealStatus,
  type UseState,
} from '../contract/seals';
import { likePattern } from '../core/sql';
import { USAGE_SEQ, USE_SELECT, isOverdue, isReturnedLate, ruleText, sealRow, stmt, useWhere, type UseDbRow, type UseFilter } from './queries';
import { approversFor } from './rules';
import { requireSeparate } from '../core/segregation';
import { requireSigner } from '../core/signers';
import { recordBeganOn } from '../core/audit';
import { CONFIRMATION_MARKS, confirmationMarks } from '../core/approvals';

const todayNow = (now: Date) => shanghaiDate(now);
const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export const useFilterOf = (f: RegisterFilter): UseFilter => ({
  year: f.year,
  from: f.from,
  to: f.to,
  state: f.state,
  q: f.q,
  sealId: num(f.extra?.sealId),
  applicantId: num(f.extra?.applicantId),
  department: str(f.extra?.department),
  flag: str(f.extra?.flag),
});

const day = (iso: string | null) => (iso ? shanghaiDateOf(iso) : '');
const md = (d: string | null) => (d ? `${Number(d.slice(5, 7))}.${Number(d.slice(8, 10))}` : '');

/** The 外带及归还 cell: planned window, when it went out, when and to whom it came back. */
export function takeOutText(r: UseDbRow, today: string): string {
  if (!r.take_out) return '';
  const parts = [`外带 ${md(r.planned_out)}—${md(r.planned_return)}`];
  if (r.out_at) parts.push(`${md(day(r.out_at))} 借出`);
  if (r.returned_at) parts.push(`${md(day(r.returned_at))} 归还（${r.return_confirmed_name}确认）${isReturnedLate(r) ? '，逾期' : ''}`);
  else if (r.state === 'out') parts.push(isOverdue(r, today) ? '逾期未还' : '未还');
  return parts.join('；');
}

export function remarksText(r: UseDbRow): string {
  const parts: string[] = [];
  if (r.emergency) {
    const status = r.approval_decision === null ? '电话同意，待补批' : r.approval_decision === 'rejected' ? '补批未同意' : '已补批';
    parts.push(`【事后补批】${r.emergency_reason ?? ''}（${r.phone_approver_name}${status}）`);
  }
  if (r.state === 'void') parts.push(`作废：${r.void_reason}`);
  else if (r.state === 'rejected') parts.push('已驳回');
  else if (r.state === 'pending') parts.push('待审批');
  else if (r.state === 'approved') parts.push('已批准，待用印');
  if (r.stamped_count !== null && r.stamped_count < r.copies) parts.push(`批准 ${r.copies} 份，实用 ${r.stamped_count} 份`);
  if (r.amend_count > 0) parts.push('已更正');
  if (r.paper_gap) parts.push('补录：纸质登记簿未记审批人，无审批记录');
  else if (r.imported) parts.push('据纸质登记簿导入');
  if (r.remarks) parts.push(r.remarks);
  return parts.join('；');
}

export function usageCells(r: UseDbRow, today: string): OutputRow {
  return {
    number: r.number,
    date: r.entry_date,
    seal: r.seal_name,
    reason: r.reason,
    document: r.doc_no ? `${r.doc_title}（${r.doc_no}）` : r.doc_title,
    copies: r.stamped_count ?? r.copies,
    applicant: r.applicant_name,
    approver: r.approver_name ?? (r.emergency ? r.phone_approver_name : '') ?? '',
    supervisor: r.supervisor_name ?? '',
    takeOut: takeOutText(r, today),
    remarks: remarksText(r),
    state: USE_STATE_LABELS[r.state],
    department: r.department,
    stampedAt: r.stamped_at,
    approvedAt: r.approved_at,
    emergency: r.emergency ? '是' : '',
    imported: r.imported ? '是' : '',
    paperGap: r.paper_gap ? '是' : '',
    /** The print layout prints flagged rows in red: 事后补批 rows (DOMAIN.md, issue 5). */
    // 补录: keyed in after the day of the use (an import says so in 备注 instead).
    _keyedOn: r.imported ? null : backEnteredOn(r.entry_date, r.created_at),
    _flag: r.emergency ? (r.approval_decision === 'approved' ? 'emergency' : 'emergencyPending') : r.paper_gap ? 'paperGap' : null,
    _id: r.id,
  };
}

// ---- import ----

interface ImportedUse {
  row: number;
  number: string;
  year: number;
  seq: number | null;
  sealId: number;
  date: string;
  reason: string;
  documentTitle: string;
  documentNo: string;
  copies: number;
  applicant: string;
  department: string;
  approver: string | null;
  /** 补录: a paper entry from before this folder's record began that names no approver. */
  paperGap: boolean;
  supervisor: string | null;
  takeOut: boolean;
  plannedReturn: string | null;
  returnedOn: string | null;
  confirmedBy: string | null;
  voidReason: string | null;
  remarks: string;
}

const NUMBER_RE = /^用印〔(\d{4})〕第(\d{1,6})号$/;
const LIMITS: [string, string, number][] = [
  ['number', '编号', 40],
  ['reason', '用印事由', 300],
  ['documentTitle', '文件名称', 200],
  ['documentNo', '文号', 60],
  ['applicant', '申请人', 40],
  ['department', '申请部门', 60],
  ['approver', '审批人', 40],
  ['supervisor', '监印人', 40],
  ['returnConfirmedBy', '归还确认人', 40],
  ['voidReason', '作废原因', 300],
  ['remarks', '备注', 500],
];

/**
 * A paper entry meets the rules of the live workflow, on its own date: the seal was in use that day,
 * and the approver is the person the seal's approval rule names (an approver, never the applicant).
 */
function checkImportedUse(ctx: Ctx, v: ImportedUse) {
  const seal = sealRow(ctx.db, v.sealId)!;
  if (v.date < seal.enabled_on) refuse(`印章“${seal.name}”于 ${seal.enabled_on} 启用，不能有此前的用印登记`, 'date');
  if ((seal.status === 'sealed' || seal.status === 'destroyed') && seal.retired_on && seal.retired_on <= v.date) {
    refuse(`印章“${seal.name}”已于 ${seal.retired_on} ${SEAL_STATUS_LABELS[seal.status]}，不能有此后的用印登记`, 'date');
  }
  if (v.voidReason) return;
  requireSeparate({ as: '监印人', name: v.supervisor }, [{ as: '申请人', name: v.applicant }], 'supervisor');
  if (v.paperGap) return; // 补录: the paper names no approver, so there is none to check; stored as unapproved
  const bad = (column: string, message: string) => refuse(message, column === '审批人' ? 'approver' : 'applicant');
  const approver = personNamed(ctx.db, v.approver!, '审批人', bad)!;
  requireSigner(ctx.db, approver, ['approver'], v.date, 'approver');
  requireSeparate({ as: '审批人', id: approver.id, name: approver.name }, [{ as: '申请人', name: v.applicant }], 'approver');
  const appr = approversFor(ctx.db, seal, v.department, { past: true });
  if (appr.problem) refuse(appr.problem, 'approver');
  if (!appr.people.some((p) => p.id === approver.id)) {
    refuse(`${approver.name}不是印章“${seal.name}”的审批人（应由${appr.people.map((p) => p.name).join('、')}审批）`, 'approver');
  }
}

const usageImporter: NonNullable<RegisterImpl<ImportedUse>['importer']> = {
  parse(c, row, ctx) {
    const { problems, bad, s } = readImportRow(c, row, LIMITS);
    const date = s('date');
    const today = todayNow(ctx.core.clock.now());
    if (date > today) bad('日期', '日期不能晚于今天');
    const seal = stmt(ctx.db, 'SELECT id FROM seals WHERE name = ?').get(s('seal')) as { id: number } | undefined;
    if (!seal) bad('印章', `印章目录中没有“${s('seal')}”，请先登记该印章`);
    if (BLANK_TITLE.test(s('documentTitle'))) bad('文件名称', '不得在空白纸张上用印：请填写具体的文件名称');
    const copies = c.copies as number;
    if (!(copies >= 1 && copies <= 10_000)) bad('份数', '份数必须在 1 到 10000 之间');
    const voidReason = s('voidReason') || null;
    const takeOutRaw = s('takeOut');
    if (takeOutRaw && !['是', '否', '外带', ''].includes(takeOutRaw)) bad('外带', '请填写“是”或“否”');
    const takeOut = takeOutRaw === '是' || takeOutRaw === '外带';
    const plannedReturn = s('plannedReturn') || null;
    const returnedOn = s('returnedOn') || null;
    const paperGap = !voidReason && !s('approver');
    if (paperGap) {
      // Only the paper era may lack an approver: from the day this folder's record began, every use
      // goes through an approval here, so a blank approver then would be a use nobody approved.
      const began = recordBeganOn(ctx.db) ?? today;
      if (date >= began) bad('审批人', `已用印的登记须填写审批人：本系统自 ${began} 起记录用印，此后的用印须经审批；此前的纸质登记未记审批人的，可留空作为“补录”导入`);
    }
    if (!voidReason) {
      if (!s('supervisor')) bad('监印人', '已用印的登记须填写监印人');
      if (takeOut && !plannedReturn) bad('应还日期', '外带的登记须填写应还日期');
      if (plannedReturn && plannedReturn < date) bad('应还日期', '应还日期不能早于日期');
      if (!takeOut && (plannedReturn || returnedOn)) bad('外带', '填写了应还或归还日期，外带应为“是”');
      if (returnedOn && returnedOn < date) bad('归还日期', '归还日期不能早于借出日期');
      if (returnedOn && returnedOn > today) bad('归还日期', '归还日期不能晚于今天');
      if (returnedOn && !s('returnConfirmedBy')) bad('归还确认人', '有归还日期时须填写归还确认人');
    }
    const number = s('number');
    const m = NUMBER_RE.exec(number);
    const year = Number(date.slice(0, 4));
    if (m && Number(m[1]) !== year) bad('编号', `编号的年度（${m[1]}）与日期的年度（${year}）不一致`);
    if (problems.length) return { problems };
    return {
      problems,
      value: {
        row,
        number,
        year,
        seq: m ? Number(m[2]) : null,
        sealId: seal!.id,
        date,
        reason: s('reason'),
        documentTitle: s('documentTitle'),
        documentNo: s('documentNo'),
        copies,
        applicant: s('applicant'),
        department: s('department'),
        approver: s('approver') || null,
        paperGap,
        supervisor: s('supervisor') || null,
        takeOut,
        plannedReturn,
        returnedOn,
        confirmedBy: s('returnConfirmedBy') || null,
        voidReason,
        remarks: s('remarks'),
      },
    };
  },
  key: (v) => v.number,
  existingKeys: (db) => new Set((db.prepare('SELECT number FROM seal_uses').pluck().all() as string[])),
  // Finished entries only: an application awaiting approval or stamping, a rejected one and a
  // 先用印后补批 still awaiting its approval are not what a paper log records.
  rowsForImport(db, f, limit, offset, now) {
    const w = useWhere(useFilterOf(f), todayNow(now));
    const finished = "u.state IN ('stamped', 'out', 'returned', 'void') AND NOT (u.emergency = 1 AND u.approval_decision IS NULL AND u.state <> 'void')";
    const sql = `${USE_SELECT} ${w.sql ? `${w.sql} AND` : 'WHERE'} ${finished} ORDER BY u.entry_date, u.id LIMIT ? OFFSET ?`;
    return (stmt(db, sql).all(...w.args, limit, offset) as UseDbRow[]).map((r) => {
      const notes = [
        r.emergency && r.state !== 'void' ? `【事后补批】${r.emergency_reason ?? ''}（${r.phone_approver_name}电话同意）` : '',
        r.stamped_count !== null && r.stamped_count < r.copies ? `批准 ${r.copies} 份，实用 ${r.stamped_count} 份` : '',
        r.remarks,
      ];
      return {
        number: r.number,
        date: r.entry_date,
        seal: r.seal_name,
        reason: r.reason,
        documentTitle: r.doc_title,
        documentNo: r.doc_no,
        copies: r.stamped_count ?? r.copies,
        applicant: r.applicant_name,
        department: r.department,
        approver: r.approver_name,
        supervisor: r.supervisor_name,
        takeOut: r.take_out ? '是' : '否',
        plannedReturn: r.take_out ? r.planned_return : null,
        returnedOn: r.returned_at ? shanghaiDateOf(r.returned_at) : null,
        returnConfirmedBy: r.return_confirmed_name,
        voidReason: r.void_reason,
        remarks: notes.filter(Boolean).join('；'),
      };
    });
  },
  store(ctx: Ctx, v) {
    const me = ctx.me();
    const ins = stmt(
      ctx.db,
      `INSERT INTO seal_uses (year, seq, number, imported, seal_id, entry_date, reason, doc_title, doc_no, copies, applicant_name, department,
         take_out, planned_out, planned_return, state, approval_decision, approval_mode, approver_name, approved_at,
         stamped_at, stamped_count, supervisor_name, out_at, returned_at, return_confirmed_name, void_reason, voided_at, voided_by_id,
         remarks, recorded_by_id, created_at, updated_at, paper_gap)
       VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    {
      checkImportedUse(ctx, v);
      const t = (d: string) => `${d}T00:00:00.000+08:00`;
      let state: UseState;
      if (v.voidReason) state = 'void';
      else if (v.takeOut) state = v.returnedOn ? 'returned' : 'out';
      else state = 'stamped';
      if (state === 'out' && stmt(ctx.db, "SELECT 1 FROM seal_uses WHERE seal_id = ? AND state = 'out'").get(v.sealId)) {
        refuse('该印章已有一条未归还的外带登记，同一枚印章不能同时外带两处', 'takeOut');
      }
      if (v.seq !== null) {
        const taken = stmt(ctx.db, 'SELECT number FROM seal_uses WHERE year = ? AND seq = ?').get(v.year, v.seq) as { number: string } | undefined;
        if (taken) refuse(`编号“${v.number}”与已有的“${taken.number}”序号相同`, 'number');
        claimNumber(ctx.db, USAGE_SEQ, v.year, v.seq);
      }
      const done = state !== 'void';
      const approved = done && !v.paperGap;
      ins.run(
        v.year,
        v.seq,
        v.number,
        v.sealId,
        v.date,
        v.reason,
        v.documentTitle,
        v.documentNo,
        v.copies,
        v.applicant,
        v.department,
        v.takeOut ? 1 : 0,
        v.takeOut ? v.date : null,
        v.takeOut ? v.plannedReturn : null,
        state,
        approved ? 'approved' : null,
        approved ? 'imported' : null,
        approved ? v.approver : null,
        approved ? t(v.date) : null,
        done ? t(v.date) : null,
        done ? v.copies : null,
        done ? v.supervisor : null,
        done && v.takeOut ? t(v.date) : null,
        done && v.returnedOn ? t(v.returnedOn) : null,
        done && v.returnedOn ? v.confirmedBy : null,
        v.voidReason,
        v.voidReason ? ctx.nowIso : null,
        v.voidReason ? me.userId : null,
        v.remarks,
        me.userId,
        ctx.nowIso,
        ctx.nowIso,
        v.paperGap ? 1 : 0,
      );
    }
    return v.number;
  },
};

// ---- the registers ----

const usage: RegisterImpl<ImportedUse> = {
  def: sealsRegisterDefs[SEAL_REGISTER_USAGE],
  count(db: Db, f, now) {
    const w = useWhere(useFilterOf(f), todayNow(now));
    return (stmt(db, `SELECT count(*) AS n FROM seal_uses u ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db: Db, f, limit, offset, now) {
    const today = todayNow(now);
    const w = useWhere(useFilterOf(f), today);
    const rows = stmt(db, `${USE_SELECT} ${w.sql} ORDER BY u.entry_date, u.id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as UseDbRow[];
    const marks = confirmationMarks(db, SEAL_USE_OBJECT, rows.map((r) => r.id));
    return rows.map((r) => {
      const cells = usageCells(r, today);
      const mark = marks.get(r.id);
      if (!mark) return cells;
      return { ...cells, remarks: [CONFIRMATION_MARKS[mark], cells.remarks].filter(Boolean).join('；'), _flag: cells._flag ?? (mark === 'disputed' ? 'disputed' : null) };
    });
  },
  importer: usageImporter,
};

interface CatalogueDbRow {
  id: number;
  name: string;
  kind: SealKind;
  status: SealStatus;
  enabled_on: string;
  custodian_name: string | null;
  custodian_since: string | null;
  approver_rule: 'person' | 'post' | 'deptLeader';
  approver_name: string | null;
  approver_post: string | null;
  retired_on: string | null;
  retire_method: string | null;
  retire_witnesses: string | null;
  last_change: string | null;
  remarks: string;
}

function catalogueWhere(f: RegisterFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  if (f.state) {
    w.push('s.status = ?');
    args.push(f.state);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(s.name LIKE ? ESCAPE '\\' OR uc.name LIKE ? ESCAPE '\\')");
    args.push(p, p);
  }
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

const catalogue: RegisterImpl = {
  def: sealsRegisterDefs[SEAL_REGISTER_CATALOGUE],
  count(db, f) {
    const w = catalogueWhere(f);
    return (stmt(db, `SELECT count(*) AS n FROM seals s LEFT JOIN users uc ON uc.id = s.custodian_id ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = catalogueWhere(f);
    const rows = stmt(
      db,
      `SELECT s.id, s.name, s.kind, s.status, s.enabled_on, uc.name AS custodian_name,
              (SELECT h.handed_on FROM seal_handovers h WHERE h.seal_id = s.id ORDER BY h.id DESC LIMIT 1) AS custodian_since,
              s.approver_rule, ua.name AS approver_name, s.approver_post, s.retired_on, s.retire_method, s.retire_witnesses, s.remarks,
              (SELECT l.on_date || ' ' || l.reason FROM seal_status_log l WHERE l.seal_id = s.id AND l.to_status = 'suspended' ORDER BY l.id DESC LIMIT 1) AS last_change
       FROM seals s LEFT JOIN users uc ON uc.id = s.custodian_id LEFT JOIN users ua ON ua.id = s.approver_id
       ${w.sql} ORDER BY s.id LIMIT ? OFFSET ?`,
    ).all(...w.args, limit, offset) as CatalogueDbRow[];
    return rows.map((r, i) => ({
      index: offset + i + 1,
      name: r.name,
      kind: SEAL_KIND_LABELS[r.kind],
      status: SEAL_STATUS_LABELS[r.status],
      enabledOn: r.enabled_on,
      custodian: r.custodian_name ?? '（未指定）',
      custodianSince: r.custodian_since,
      approver: ruleText(r),
      retirement:
        r.status === 'sealed' || r.status === 'destroyed'
          ? `${r.retired_on} ${SEAL_STATUS_LABELS[r.status]}；${r.retire_method}；见证人：${r.retire_witnesses}`
          : r.status === 'suspended' && r.last_change
            ? `停用：${r.last_change}`
            : '',
      remarks: r.remarks,
      _id: r.id,
    }));
  },
};

function handoverWhere(f: RegisterFilter) {
  const w: string[] = [];
  const args: unknown[] = [];
  let from = f.from;
  let to = f.to;
  if (f.year) {
    from = from && from > `${f.year}-01-01` ? from : `${f.year}-01-01`;
    to = to && to < `${f.year}-12-31` ? to : `${f.year}-12-31`;
  }
  if (from) {
    w.push('h.handed_on >= ?');
    args.push(from);
  }
  if (to) {
    w.push('h.handed_on <= ?');
    args.push(to);
  }
  const sealId = num(f.extra?.sealId);
  if (sealId) {
    w.push('h.seal_id = ?');
    args.push(sealId);
  }
  if (f.q) {
    const p = likePattern(f.q);
    w.push("(s.name LIKE ? ESCAPE '\\' OR h.from_name LIKE ? ESCAPE '\\' OR h.to_name LIKE ? ESCAPE '\\' OR h.number LIKE ? ESCAPE '\\')");
    args.push(p, p, p, p);
  }
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', args };
}

const handovers: RegisterImpl = {
  def: sealsRegisterDefs[SEAL_REGISTER_HANDOVERS],
  count(db, f) {
    const w = handoverWhere(f);
    return (stmt(db, `SELECT count(*) AS n FROM seal_handovers h JOIN seals s ON s.id = h.seal_id ${w.sql}`).get(...w.args) as { n: number }).n;
  },
  rows(db, f, limit, offset) {
    const w = handoverWhere(f);
    return stmt(
      db,
      `SELECT h.number, h.handed_on AS date, s.name AS seal, coalesce(h.from_name, '（首次指定）') AS "from", h.to_name AS "to",
              coalesce(h.witness_name, '') AS witness, h.note, h.id AS _id
       FROM seal_handovers h JOIN seals s ON s.id = h.seal_id ${w.sql} ORDER BY h.handed_on, h.id LIMIT ? OFFSET ?`,
    ).all(...w.args, limit, offset) as OutputRow[];
  },
};

/** The output side (print rows, export, import) of this area's registers, keyed like sealsRegisterDefs. */
export const sealsRegisterImpls: Record<string, RegisterImpl<any>> = {
  [SEAL_REGISTER_USAGE]: usage,
  [SEAL_REGISTER_CATALOGUE]: catalogue,
  [SEAL_REGISTER_HANDOVERS]: handovers,
};
