// Time is an input (issue 23): the core lives in its injected clock, reads every date-time as an
// instant, stores it at +08:00 and compares Shanghai calendar dates — so it behaves the same at 00:30,
// at 23:59 and on 1 January as at noon.
import { afterEach, describe, expect, it } from 'vitest';
import { backEnteredOn, isCalendarDate, normaliseDateTime, shanghaiDateOf } from '../../db/contract/time';
import { businessSnapshot, cleanup, ok, pinnedClock, refused } from '../helpers';
import { bureau, request, type Bureau } from './seals/fixture';

let b: Bureau | null = null;
afterEach(() => {
  if (!b) return;
  const dir = b.core.state.dataDir;
  b.core.close();
  cleanup(dir);
  b = null;
});

const paper = (b: Bureau, signedAt: string) => ({ mode: 'paper' as const, decision: 'approved' as const, comment: '同意', signerId: b.chief.id, signedAt, filingNo: 'QP-001' });

describe('the Shanghai calendar', () => {
  it('a time with any offset falls on its Shanghai date; impossible dates and times are no dates', () => {
    expect(shanghaiDateOf('2026-03-09T16:31:00Z')).toBe('2026-03-10');
    expect(shanghaiDateOf('2026-03-09T15:59:00Z')).toBe('2026-03-09');
    expect(shanghaiDateOf('2026-12-31T16:30:00.000Z')).toBe('2027-01-01');
    expect(shanghaiDateOf('2026-03-10T00:31:00-05:00')).toBe('2026-03-10');
    expect(shanghaiDateOf('2026-03-10T23:59:00+08:00')).toBe('2026-03-10');
    expect(normaliseDateTime('2026-03-09T16:31:00Z')).toBe('2026-03-10T00:31:00+08:00');
    expect(normaliseDateTime('2026-03-09T16:31Z')).toBe('2026-03-10T00:31+08:00');
    for (const bad of ['2026-11-31T10:00:00+08:00', '2026-02-29T10:00:00+08:00', '2026-03-10T24:00:00+08:00', '2026-03-10T10:60:00+08:00', '0000-01-01T10:00:00+08:00', '2026-03-10T10:00:00+15:00']) {
      expect(normaliseDateTime(bad), bad).toBeNull();
    }
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-11-31', '2026-13-01', '2026-00-10', '0000-01-01', '1949-12-31', '2100-01-01']) expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('a paper signature keyed in after midnight', () => {
  it('given in UTC before 08:00 Shanghai, it counts on its Shanghai day and is stored at +08:00', async () => {
    const clock = pinnedClock('2026-03-10T00:45:00+08:00');
    b = await bureau({ clock });
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    expect(r.date).toBe('2026-03-10');
    // 16:31 UTC on the 9th is 00:31 on the 10th in Shanghai: the day it was applied for, not before it.
    const a = await ok(b.core, b.c, 'seals.approve', { id: r.id, approval: paper(b, '2026-03-09T16:31:00Z') });
    expect(a.approvedAt).toBe('2026-03-10T00:31:00.000+08:00');
    const row = b.core.state.db.prepare("SELECT paper_signed_at FROM approvals WHERE object_id = ? AND mode = 'paper'").get(r.id) as { paper_signed_at: string };
    expect(row.paper_signed_at).toBe('2026-03-10T00:31:00.000+08:00');
  });

  it('one minute before the Shanghai day of the application is refused, and so is a time ahead of the clock; nothing changes', async () => {
    const clock = pinnedClock('2026-03-10T00:45:00+08:00');
    b = await bureau({ clock });
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const before = businessSnapshot(b.core);
    const early = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: paper(b, '2026-03-09T15:59:00Z') });
    expect(early).toMatchObject({ field: 'approval.signedAt', message: '签批时间不能早于申请日期（2026-03-10）' });
    const ahead = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: paper(b, '2026-03-10T01:00:00+08:00') });
    expect(ahead).toMatchObject({ field: 'approval.signedAt', message: '签批时间不能晚于当前时间' });
    expect(businessSnapshot(b.core)).toBe(before);
  });
});

describe('补录: keyed in on a later Shanghai day', () => {
  it('compares Shanghai days, whatever offset the keying time was stored with', () => {
    // 00:30 Shanghai on 8 December is 16:30 UTC on the 7th: same day as an act of the 8th, later than one of the 7th.
    expect(backEnteredOn('2026-12-08', '2026-12-07T16:30:00Z')).toBeNull();
    expect(backEnteredOn('2026-12-07', '2026-12-07T16:30:00Z')).toBe('2026-12-08');
    // 23:59 Shanghai on the 7th: still the act's day.
    expect(backEnteredOn('2026-12-07', '2026-12-07T23:59:00+08:00')).toBeNull();
    expect(backEnteredOn('2026-12-07', '2026-12-07T15:59:00Z')).toBeNull();
    // 1 January, 00:30 Shanghai, for an act on New Year's Eve.
    expect(backEnteredOn('2026-12-31', '2027-01-01T00:30:00+08:00')).toBe('2027-01-01');
    expect(backEnteredOn('2026-12-31', '2026-12-31T16:30:00Z')).toBe('2027-01-01');
  });
});

describe('补录 on the printed register', () => {
  it('a use keyed in at 00:30 for the day before carries the keying day under its date; one of the same day does not', async () => {
    b = await bureau({ clock: pinnedClock('2026-12-08T00:30:00+08:00') });
    const late = await ok(b.core, b.c, 'seals.request', request(b, { appliedOn: '2026-12-07', documentTitle: '昨日用印' }));
    const same = await ok(b.core, b.c, 'seals.request', request(b, { appliedOn: '2026-12-08', documentTitle: '当日用印' }));
    const printed = await ok(b.core, b.c, 'output.rows', { register: 'seals.usage', filter: { year: 2026 } });
    const byNumber = new Map(printed.rows.map((r) => [r.number, r]));
    expect(byNumber.get(late.number)).toMatchObject({ date: '2026-12-07', _keyedOn: '2026-12-08' });
    expect(byNumber.get(same.number)).toMatchObject({ date: '2026-12-08', _keyedOn: null });
  });
});

describe('impossible dates and times', () => {
  it('are refused next to their field in Chinese, and nothing is stored', async () => {
    b = await bureau({ clock: pinnedClock('2026-12-07T10:00:00+08:00') });
    const before = businessSnapshot(b.core);
    for (const [appliedOn, message] of [['2026-02-30', '申请日期不是有效日期'], ['2026-11-31', '申请日期不是有效日期'], ['0000-01-01', '申请日期的年份应在 1950—2099 年之间'], ['1900-05-01', '申请日期的年份应在 1950—2099 年之间']]) {
      const e = await refused(b.core, b.c, 'seals.request', request(b, { appliedOn }));
      expect(e.field, appliedOn).toBe('appliedOn');
      expect(e.message, appliedOn).toBe(message);
    }
    expect(businessSnapshot(b.core)).toBe(before);
    const r = await ok(b.core, b.c, 'seals.request', request(b));
    const snap = businessSnapshot(b.core);
    for (const signedAt of ['2026-11-31T10:00:00+08:00', '2026-12-07T25:00:00+08:00', '0000-01-01T09:00:00+08:00']) {
      const e = await refused(b.core, b.c, 'seals.approve', { id: r.id, approval: paper(b, signedAt) });
      expect(e.field, signedAt).toBe('approval.signedAt');
      expect(e.message, signedAt).toMatch(/不是有效时间/);
    }
    expect(businessSnapshot(b.core)).toBe(snap);
  });
});

describe('the turn of the year, by the Shanghai clock', () => {
  it('numbers at 23:59 on 31 December belong to the old year, a minute later to the new one, from 0001', async () => {
    const clock = pinnedClock('2026-12-31T23:58:30+08:00');
    b = await bureau({ clock });
    clock.set('2026-12-31T23:59:40+08:00');
    const last = await ok(b.core, b.c, 'seals.request', request(b));
    expect(last.date).toBe('2026-12-31');
    expect(last.number).toMatch(/^用印〔2026〕第\d{4}号$/);
    // A minute on: the clerk's session is still open (no idle lock), but it is another year.
    clock.set('2027-01-01T00:00:40+08:00');
    const first = await ok(b.core, b.c, 'seals.request', request(b));
    expect(first.date).toBe('2027-01-01');
    expect(first.number).toBe('用印〔2027〕第0001号');
  });

  it('an export made at 00:30 on 1 January is named by the Shanghai date, not the UTC one', async () => {
    b = await bureau({ clock: pinnedClock('2027-01-01T00:30:00+08:00') });
    const job = await ok(b.core, b.c, 'output.exportStart', { register: 'seals.usage', filter: {} });
    for (let i = 0; i < 200; i++) {
      const j = await ok(b.core, b.c, 'output.exportStatus', { id: job.id });
      if (j.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const file = await ok(b.core, b.c, 'output.exportFetch', { id: job.id });
    expect(file.fileName).toMatch(/-2027-01-01\.xlsx$/);
  });
});
