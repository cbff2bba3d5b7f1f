// An asset disposal at or above the collective-decision threshold linked to a decision item of the
// minutes register: a finalised 党组会议 decision that passed is verified and the disposal can
// proceed; an item of a meeting still in draft is not a decision yet and is refused.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../../db/contract';
import { businessSnapshot, ok, refused } from '../../helpers';
import { approvedItem, bureau, cosign, partyMeeting, type Bureau } from '../minutes/fixture';
import { card } from './fixture';

// A decided item of a 党组会议 (as in tests/db/minutes/meetings.test.ts).
const decisionItem = (agendaId: number): NonNullable<Input<'minutes.create'>['items']>[number] => ({
  agendaId,
  title: '（取自审核表）',
  presenter: { name: '赵敏' },
  remarks: [
    { speaker: { name: '何平' }, content: '车辆已超过使用年限，建议按规定拍卖处置。' },
    { speaker: { name: '王志强' }, content: '同意，按国有资产处置程序办理。' },
  ],
  voteFor: 5,
  voteAgainst: 0,
  voteAbstain: 0,
  outcome: 'passed',
  decision: '同意将两辆超龄公务用车按规定公开拍卖处置。',
  executor: '办公室牵头，计财室配合',
});

/** A 党组会议 record with one passed decision item; finalised unless asked to stay a draft. */
async function meetingDecision(b: Bureau, finalise: boolean) {
  const a = await approvedItem(b, { title: '关于处置超龄公务用车的请示', major: 'decision', amount: 5_600_000, decisionSought: '同意公开拍卖两辆超龄公务用车' });
  const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { items: [decisionItem(a.id)] }));
  if (finalise) expect(await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id })).toMatchObject({ state: 'finalised' });
  return { meeting: m, decisionId: m.items[0].id };
}

/** Two cars, 28 000 元 each: 56 000 元 together, above the default 50 000 元 threshold. */
async function cars(b: Bureau) {
  const ids: number[] = [];
  for (let i = 0; i < 2; i++) {
    const c = await ok(b.core, b.clerk.session, 'assets.create', card(b as never, { name: '公务用车', category: '车辆', serialNo: `VIN-000${i}`, originalValue: 2_800_000 }));
    ids.push(c.card.id);
  }
  return ids;
}

describe('disposal linked to a minutes decision', () => {
  it('a finalised, passed 党组会议 decision is verified: not flagged 待集体决策核验, and the disposal proceeds', async () => {
    const b = await bureau();
    const { decisionId } = await meetingDecision(b, true);
    const ids = await cars(b);
    const d = await ok(b.core, b.clerk.session, 'assets.disposalCreate', { assetIds: ids, method: 'sale', reason: '车改后公开拍卖', decisionId });
    expect(d).toMatchObject({ decisionRequired: true, decisionId, decisionVerified: true, decisionPending: false, totalValue: 5_600_000 });
    expect(d.decisionLabel).toContain('党组会议');
    expect(d.decisionLabel).toContain('关于处置超龄公务用车的请示');
    expect((await ok(b.core, b.clerk.session, 'assets.list', { flag: 'decisionPending' })).total).toBe(0);
    expect((await ok(b.core, b.clerk.session, 'assets.get', { id: ids[0] })).card.decisionPending).toBe(false);
    // It can proceed: approval by a leader, then execution, still verified.
    const app = await ok(b.core, b.clerk.session, 'assets.disposalApprove', { id: d.id, approval: cosign('sec') });
    expect(app).toMatchObject({ state: 'approved', decisionVerified: true, decisionPending: false });
    const done = await ok(b.core, b.clerk.session, 'assets.disposalExecute', { id: d.id, note: '经公共资源交易中心拍卖', proceeds: 1_560_000 });
    expect(done).toMatchObject({ state: 'done', decisionVerified: true, decisionPending: false });
    expect((await ok(b.core, b.clerk.session, 'assets.get', { id: ids[1] })).card).toMatchObject({ status: 'scrapped', disposalId: d.id, decisionPending: false });
    // Once verified the link cannot be swapped.
    const e = await refused(b.core, b.clerk.session, 'assets.disposalDecision', { id: d.id, decisionRef: '党组会议 另一次 议题1' });
    expect(e).toMatchObject({ field: 'decisionId' });
    b.core.close();
  });

  it('an item of a meeting still in draft is refused as the decision, naming decisionId, and nothing changes', async () => {
    const b = await bureau();
    const { decisionId } = await meetingDecision(b, false);
    const ids = await cars(b);
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'assets.disposalCreate', { assetIds: ids, method: 'sale', reason: '车改后公开拍卖', decisionId });
    expect(e).toMatchObject({ field: 'decisionId' });
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(businessSnapshot(b.core)).toBe(before);
    // Nor can it be attached afterwards to a disposal that cites a paper reference.
    const d = await ok(b.core, b.clerk.session, 'assets.disposalCreate', { assetIds: ids, method: 'sale', reason: '车改后公开拍卖', decisionRef: '党组会议纪要（纸质）' });
    expect(d).toMatchObject({ decisionVerified: false, decisionPending: true });
    const before2 = businessSnapshot(b.core);
    const e2 = await refused(b.core, b.clerk.session, 'assets.disposalDecision', { id: d.id, decisionId, decisionRef: '' });
    expect(e2).toMatchObject({ field: 'decisionId' });
    expect(e2.message).toMatch(/[\u4e00-\u9fff]/);
    expect(businessSnapshot(b.core)).toBe(before2);
    b.core.close();
  });
});
