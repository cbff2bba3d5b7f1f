// The shared approval mechanism: co-sign or paper, never by the applicant or the recorder.
import { describe, expect, it } from 'vitest';
import { recordApproval, verifyCosigner, approvalsFor } from '../../db/core/approvals';
import type { Ctx } from '../../db/core/context';
import type { ApprovalInput } from '../../db/contract/approvals';
import { DomainError } from '../../db/core/errors';
import { toShanghaiIso } from '../../db/core/time';
import { STRONG, addUser, makeCore, ok, setupAdmin } from '../helpers';
import type { Core } from '../../db/core/core';

async function approve(core: Core, recorderSession: string, applicantId: number, input: ApprovalInput) {
  const cosign = input.mode === 'cosign' ? await verifyCosigner(core.state, input, core.state.sessions.get(recorderSession)!, new Date()) : null;
  const now = new Date();
  const ctx = {
    db: core.state.db,
    core: core.state,
    session: core.state.sessions.get(recorderSession)!,
    now,
    nowIso: toShanghaiIso(now),
    prepared: undefined,
    cosign,
    note: () => {},
    me: () => core.state.sessions.get(recorderSession)!,
  } satisfies Ctx;
  return core.state.db.transaction(() =>
    recordApproval(ctx, { objectType: 'test', objectId: 1, step: '审批', excludedUserIds: [applicantId, ctx.me().userId], input }),
  ).immediate();
}

async function people() {
  const core = makeCore();
  const admin = await setupAdmin(core);
  const clerk = await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
  const leader = await addUser(core, admin, 'leader1', ['approver'], '王志强');
  const dual = await addUser(core, admin, 'dual1', ['clerk', 'approver'], '何平');
  return { core, admin, clerk, leader, dual };
}

describe('approvals', () => {
  it('co-sign: the approver types their own password; the session at the keyboard does not change', async () => {
    const { core, clerk, leader } = await people();
    const r = await approve(core, clerk.session, clerk.id, { mode: 'cosign', decision: 'approved', comment: '同意', login: 'leader1', password: STRONG });
    expect(r).toMatchObject({ approverId: leader.id, approverName: '王志强', decision: 'approved' });
    expect((await ok(core, clerk.session, 'accounts.me', {})).user.login).toBe('clerk1');
    const list = await ok(core, clerk.session, 'approvals.forObject', { objectType: 'test', objectId: 1 });
    expect(list[0]).toMatchObject({ mode: 'cosign', approverName: '王志强', recordedByName: '李晓梅', comment: '同意' });
    core.close();
  });

  it('a wrong co-sign password is refused and audited', async () => {
    const { core, clerk } = await people();
    await expect(approve(core, clerk.session, clerk.id, { mode: 'cosign', decision: 'approved', comment: '', login: 'leader1', password: 'wrong' })).rejects.toThrow('密码不正确');
    expect(approvalsFor(core.state, 'test', 1)).toEqual([]);
    core.close();
  });

  it('nobody approves an item they applied for or recorded', async () => {
    const { core, dual, clerk } = await people();
    // dual1 applies and records, then tries to approve with their own password.
    await expect(approve(core, dual.session, dual.id, { mode: 'cosign', decision: 'approved', comment: '', login: 'dual1', password: STRONG })).rejects.toThrow('不相容岗位分离');
    // the clerk records dual1's application; dual1 cannot approve it either.
    await expect(approve(core, clerk.session, dual.id, { mode: 'cosign', decision: 'approved', comment: '', login: 'dual1', password: STRONG })).rejects.toThrow('不相容岗位分离');
    core.close();
  });

  it('an approver needs the approver role', async () => {
    const { core, clerk, admin } = await people();
    const other = await addUser(core, admin, 'clerk2', ['clerk'], '赵敏');
    await expect(approve(core, clerk.session, other.id, { mode: 'cosign', decision: 'approved', comment: '', login: 'clerk2', password: STRONG })).rejects.toThrow(DomainError);
    core.close();
  });

  it('paper: who signed, when, and the filing number of the signed sheet', async () => {
    const { core, clerk, leader } = await people();
    await approve(core, clerk.session, clerk.id, { mode: 'paper', decision: 'rejected', comment: '材料不全', signerId: leader.id, signedAt: '2025-03-01T09:30:00+08:00', filingNo: '纸审〔2025〕3号' });
    const [a] = approvalsFor(core.state, 'test', 1);
    expect(a).toMatchObject({ mode: 'paper', decision: 'rejected', approverId: leader.id, paperFilingNo: '纸审〔2025〕3号' });
    expect(() => core.state.db.prepare('UPDATE approvals SET decision = ? WHERE id = ?').run('approved', a.id)).toThrow('不可修改');
    core.close();
  });
});
