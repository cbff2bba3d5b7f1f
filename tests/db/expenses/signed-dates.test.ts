// Issue 27: a paper signature made on 2024-10-12 and keyed in today prints 2024-10-12, with how it was
// given (纸质签批, its filing number, the day it was keyed in); a co-signature prints when it was given.
import { describe, expect, it } from 'vitest';
import { ok, pinnedClock, STRONG } from '../../helpers';
import { CHAIN, acceptedApp, invoiceNo, office } from './fixture';

describe('signing dates on the expense forms', () => {
  it('a claim back-entered today from paper signed in October 2024 carries the paper’s dates, not today’s', async () => {
    const clock = pinnedClock('2024-10-08T09:00:00+08:00');
    const o = await office({ clock });
    const a = await acceptedApp(o);
    clock.set('2026-12-07T10:15:00+08:00');
    o.s = (await ok(o.core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
    const ids: Record<string, number> = { pres: o.presenter.id, clerk2: o.clerk2.id, office: o.office.id, lead: o.leader.id, fin: o.fin.id, sec: o.secretary.id };
    let k = await ok(o.core, o.s, 'expenses.claim', {
      applicationId: a.id,
      paymentMethod: 'card',
      claimedOn: '2024-10-12',
      lines: [{ invoiceNo: invoiceNo('back'), invoiceDate: '2024-10-11', description: '硒鼓', amountFen: 60_000 }],
    });
    await ok(o.core, o.s, 'expenses.attach', { objectType: 'expense_claim', objectId: k.id, kind: 'receipt', name: '发票.png', dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64') });
    let n = 0;
    while (k.state === 'signing') {
      k = await ok(o.core, o.s, 'expenses.sign', {
        id: k.id,
        approval: { mode: 'paper', decision: 'approved', comment: '同意', signerId: ids[CHAIN[k.nextStep!]], signedAt: `2024-10-12T${String(9 + n++).padStart(2, '0')}:00:00+08:00`, filingNo: `BX-2024-${n}` },
      });
    }
    const d = await ok(o.core, o.s, 'expenses.get', { id: k.id });
    expect(d.signatures.length).toBeGreaterThan(3);
    for (const s of d.signatures) {
      expect(s.at!.slice(0, 10)).toBe('2024-10-12');
      expect(s.approval).toMatchObject({ mode: 'paper', paperSignedAt: expect.stringMatching(/^2024-10-12T/), decidedAt: expect.stringMatching(/^2026-12-07T/) });
    }
    o.core.close();
  });
});
