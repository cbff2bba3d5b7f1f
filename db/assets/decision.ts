// The link from a disposal to the collective decision (三重一大) in the minutes register. Called inside
// the disposal's own transaction, so the decision cannot change between the check and the write.
import type { Db } from '../core/open';
import { getDecision } from '../minutes/queries';

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
