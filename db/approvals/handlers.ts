// Approvals across the registers: an item's approvals, and the paper approvals that wait for their
// signer's word (confirm or dispute), for the signer and for whoever keeps watch over them.
import type { PaperApproval } from '../contract/approvals';
import type { Ctx, PartialHandlers } from '../core/context';
import { APPROVAL_SELECT, approvalsFor } from '../core/approvals';
import { refuse } from '../core/errors';
import { stmt } from '../core/rows';
import { shanghaiMinute, toShanghaiIso } from '../core/time';

const DAY_MS = 86_400_000;

/** The instant before which an unconfirmed paper approval counts as overdue. */
const overdueBefore = (ctx: Pick<Ctx, 'now' | 'core'>) => toShanghaiIso(new Date(ctx.now.getTime() - ctx.core.settings().paperConfirmDays * DAY_MS));

type Row = Omit<PaperApproval, 'overdue'>;
const withOverdue = (r: Row, before: string): PaperApproval => ({ ...r, overdue: r.confirmation === 'pending' && r.decidedAt < before });

const whatWasSigned = (r: Row) => `${r.subject || r.step}（${r.step}，纸质审批单 ${r.paperFilingNo}，签批于 ${shanghaiMinute(r.paperSignedAt!)}）`;

export const approvalsHandlers: PartialHandlers<'approvals.forObject' | 'approvals.awaitingMe' | 'approvals.confirm' | 'approvals.unconfirmed'> = {
  'approvals.forObject': (ctx, input) => approvalsFor(ctx, input.objectType, input.objectId),

  'approvals.awaitingMe': (ctx) => {
    const before = overdueBefore(ctx);
    const rows = (stmt(ctx.db, `${APPROVAL_SELECT} WHERE a.id IN (SELECT approval_id FROM approval_awaiting WHERE approver_id = ?) ORDER BY a.id`).all(ctx.me().userId) as Row[]).map((r) =>
      withOverdue(r, before),
    );
    return { rows, total: rows.length };
  },

  'approvals.unconfirmed': (ctx, input) => {
    const before = overdueBefore(ctx);
    // The queue is small (what waits now), so counting and paging it costs nothing at ten years of data.
    const queue = `SELECT approval_id FROM approval_awaiting${input.overdueOnly ? ' WHERE since < ?' : ''}`;
    const args = input.overdueOnly ? [before] : [];
    const total = stmt(ctx.db, `SELECT count(*) FROM (${queue})`).pluck().get(...args) as number;
    const overdue = stmt(ctx.db, 'SELECT count(*) FROM approval_awaiting WHERE since < ?').pluck().get(before) as number;
    const rows = (stmt(ctx.db, `${APPROVAL_SELECT} WHERE a.id IN (${queue}) ORDER BY a.id LIMIT ? OFFSET ?`).all(...args, input.pageSize, (input.page - 1) * input.pageSize) as Row[]).map((r) => withOverdue(r, before));
    return { rows, total, overdue, days: ctx.core.settings().paperConfirmDays };
  },

  'approvals.confirm': (ctx, input) => {
    const me = ctx.me();
    const r = stmt(ctx.db, `${APPROVAL_SELECT} WHERE a.id = ?`).get(input.id) as Row | undefined;
    if (!r || r.mode !== 'paper') return refuse('没有这条纸质签批记录', 'id');
    if (r.approverId !== me.userId) refuse(`这条纸质签批的签批人是${r.approverName}，只有本人可以确认或提出异议`, 'id');
    if (r.recordedById === me.userId) refuse('这条纸质签批是您本人录入的，无需再确认', 'id');
    if (!r.confirmation) refuse('这条纸质签批录入于“本人确认”启用之前，不在待确认之列', 'id');
    if (r.confirmation !== 'pending') refuse(`这条纸质签批已于 ${shanghaiMinute(r.confirmedAt!)} ${r.confirmation === 'confirmed' ? '确认' : '提出异议'}，不能再改`, 'id');
    stmt(ctx.db, 'INSERT INTO approval_confirmations (approval_id, outcome, note, by_id, at) VALUES (?,?,?,?,?)').run(r.id, input.outcome, input.note.trim(), me.userId, ctx.nowIso);
    ctx.note({
      objectType: r.objectType,
      objectId: r.objectId,
      after: { approvalId: r.id, outcome: input.outcome, note: input.note.trim() },
      message:
        input.outcome === 'confirmed'
          ? `签批人确认纸质签批：${whatWasSigned(r)}，由${r.recordedByName}录入`
          : `签批人对纸质签批提出异议：${whatWasSigned(r)}，由${r.recordedByName}录入；理由：${input.note.trim()}`,
    });
    return withOverdue(stmt(ctx.db, `${APPROVAL_SELECT} WHERE a.id = ?`).get(r.id) as Row, overdueBefore(ctx));
  },
};
