// The link from a disposal to the collective decision (三重一大) in the minutes register.
//
// The minutes register is built alongside this one. Its documented way for other registers to check
// a decision is `decisionLink(db, id)` in db/minutes/links.ts; until that lands this adapter uses
// the minutes queries' `getDecision` when present, and otherwise reports `unavailable` — the
// disposal then keeps the reference text and is flagged 待集体决策核验.
import type { Db } from '../core/open';
import * as minutesQueries from '../minutes/queries';

export type DecisionCheck =
  | { status: 'unavailable' }
  | { status: 'missing' }
  | { status: 'found'; finalised: boolean; passed: boolean; label: string; title: string; outcome: string };

interface MinutesDecision {
  finalised: boolean;
  label: string;
  title: string;
  outcome: string;
}

const PASSED = new Set(['passed', 'amended']);

export function checkDecision(db: Db, id: number): DecisionCheck {
  const get = (minutesQueries as unknown as { getDecision?: (db: Db, id: number) => MinutesDecision | null }).getDecision;
  if (typeof get !== 'function') return { status: 'unavailable' };
  let d: MinutesDecision | null;
  try {
    d = get(db, id);
  } catch {
    return { status: 'unavailable' };
  }
  if (!d) return { status: 'missing' };
  return { status: 'found', finalised: !!d.finalised, passed: PASSED.has(d.outcome), label: d.label, title: d.title, outcome: d.outcome };
}
