// How a recorded approval prints on a form: its verdict and comment, when it was signed (for paper,
// the time written on the paper, never when it was keyed in) and how it was given — 本机会签, or 纸质签批
// with its filing number, the day it was keyed in when later, and whether its signer has confirmed it.
import type { Approval } from '../../db/contract/approvals';
import type { SignatureStep } from './FormSheet';
import { shanghaiDateTime } from '../../db/contract/paper';

export type PrintedApproval = Pick<Approval, 'decision' | 'comment' | 'approverName' | 'mode' | 'paperFilingNo' | 'paperSignedAt' | 'decidedAt'> &
  Partial<Pick<Approval, 'confirmation'>>;

const CONFIRMATION_WORDS = { pending: '待签批人确认', confirmed: '签批人已确认', disputed: '签批人有异议' } as const;

/** When the approval was given: the paper's own time for paper, the co-signature's time otherwise. */
export const signedAt = (a: PrintedApproval) => (a.mode === 'paper' ? (a.paperSignedAt ?? a.decidedAt) : a.decidedAt);

/** （本机会签 2024-10-12 09:30） or （纸质签批，归档号 …，2026-12-07 补录，待签批人确认）. */
export function howSigned(a: PrintedApproval): string {
  if (a.mode === 'cosign') return `（本机会签 ${shanghaiDateTime(a.decidedAt)}）`;
  const signedDay = shanghaiDateTime(signedAt(a)).slice(0, 10);
  const keyedDay = shanghaiDateTime(a.decidedAt).slice(0, 10);
  const parts = [`纸质签批，归档号 ${a.paperFilingNo ?? ''}`];
  if (keyedDay > signedDay) parts.push(`${keyedDay} 补录`);
  if (a.confirmation) parts.push(CONFIRMATION_WORDS[a.confirmation]);
  return `（${parts.join('，')}）`;
}

/** A signature block for a recorded approval (or a blank one for the pen when there is none yet). */
export function approvalStep(label: string, a: PrintedApproval | null | undefined, verdicts: { approved: string; rejected: string } = { approved: '同意', rejected: '不同意' }): SignatureStep {
  if (!a) return { label };
  const verdict = verdicts[a.decision];
  // A comment that only repeats the verdict (同意) is not printed twice.
  const comment = a.comment && a.comment.replace(/[。.！!]$/, '') !== verdict ? `。${a.comment}` : '';
  return { label, text: `${verdict}${comment}${howSigned(a)}`, name: a.approverName, at: signedAt(a) };
}
