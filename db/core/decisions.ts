// Collective decisions (集体决策): the decided items of meetings in the minutes register, as other
// registers see them — a large payment or an asset disposal names the decision that allowed it. One
// shared service (issue 29) instead of registers reading one another: minutes writes the items, this
// reads them; expenses and assets call it, inside their own transaction so a decision cannot change
// between the check and the write.
import type { Db } from './open';
import { stmt } from './rows';
import { likePattern } from './sql';
import { meetingLabel, type Decision, type MajorKind, type MeetingState, type Outcome, type TypeCode } from '../contract/minutes';

const one = <T>(db: Db, sql: string, ...args: unknown[]) => stmt(db, sql).get(...args) as T | undefined;
const majorOf = (s: string) => (s === '' ? '' : (s as MajorKind));

interface DecisionDbRow {
  id: number;
  meeting_id: number;
  seq: number;
  title: string;
  major: string;
  amount: number | null;
  outcome: Outcome;
  decision: string;
  executor: string;
  state: MeetingState;
  year: number;
  number: number;
  date: string;
  type_name: string;
  type_code: TypeCode | null;
}

const DECISION_SELECT = `SELECT i.id, i.meeting_id, i.seq, i.title, i.major, i.amount, i.outcome, i.decision, i.executor,
       m.state, m.year, m.number, m.date, t.name AS type_name, t.code AS type_code
  FROM minutes_items i JOIN minutes_meetings m ON m.id = i.meeting_id JOIN minutes_types t ON t.id = m.type_id`;

const toDecision = (r: DecisionDbRow): Decision => ({
  id: r.id,
  meetingId: r.meeting_id,
  finalised: r.state === 'finalised',
  state: r.state,
  meetingType: r.type_name,
  typeCode: r.type_code,
  label: `${r.type_name} ${meetingLabel(r.year, r.number)} 议题${r.seq}`,
  date: r.date,
  title: r.title,
  major: majorOf(r.major),
  amount: r.amount,
  outcome: r.outcome,
  decision: r.decision,
  executor: r.executor,
});

/**
 * A meeting decision by its stable id, for other registers (asset disposal, large payments): they
 * should accept it only when `finalised` and, for 三重一大, `typeCode === 'party_group'` and an
 * outcome of passed/amended. Returns null when there is no such decision.
 */
export function getDecision(db: Db, id: number): Decision | null {
  const r = one<DecisionDbRow>(db, `${DECISION_SELECT} WHERE i.id = ?`, id);
  return r ? toDecision(r) : null;
}

export function findDecisions(db: Db, f: { q?: string; finalisedOnly: boolean; majorOnly: boolean; typeCode?: TypeCode; year?: number; limit: number }): Decision[] {
  const w: string[] = [];
  const args: Record<string, unknown> = { limit: f.limit };
  if (f.finalisedOnly) w.push("m.state = 'finalised'");
  else w.push("m.state <> 'voided'");
  if (f.majorOnly) w.push("i.major <> ''");
  if (f.typeCode) {
    w.push('t.code = @code');
    args.code = f.typeCode;
  }
  if (f.year !== undefined) {
    w.push('m.year = @year');
    args.year = f.year;
  }
  if (f.q) {
    w.push("(i.title LIKE @q ESCAPE '\\' OR i.decision LIKE @q ESCAPE '\\')");
    args.q = likePattern(f.q);
  }
  return (db.prepare(`${DECISION_SELECT} WHERE ${w.join(' AND ')} ORDER BY m.date DESC, i.meeting_id DESC, i.seq LIMIT @limit`).all(args) as DecisionDbRow[]).map(toDecision);
}


export type DecisionCheck =
  | { status: 'unavailable' }
  | { status: 'missing' }
  | { status: 'found'; finalised: boolean; passed: boolean; partyGroup: boolean; label: string; title: string; outcome: string };

const PASSED = new Set(['passed', 'amended']);

export function checkDecision(db: Db, id: number): DecisionCheck {
  const d = getDecision(db, id);
  if (!d) return { status: 'missing' };
  return { status: 'found', finalised: d.finalised, passed: PASSED.has(d.outcome), partyGroup: d.typeCode === 'party_group', label: d.label, title: d.title, outcome: d.outcome };
}
