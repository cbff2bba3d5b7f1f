// Issue 27: a book reads in date order. A record entered after a later-dated one (补录) keeps its number,
// takes its place by date in the book and its 目录 and carries the day it was entered; once the year's
// book is bound (装订成册) nothing more goes into it.
import { describe, expect, it } from 'vitest';
import { backEnteredOn } from '../../../db/contract/time';
import { businessSnapshot, ok, pinnedClock, refused, STRONG } from '../../helpers';
import { bureau, talk, type Bureau } from './fixture';

const talkOn = (b: Bureau, date: string, person: string) => talk(b, { date, persons: [{ userId: null, name: person, post: '科员' }] });

describe('the order of a book', () => {
  it('back-entered 任前谈话 take their place by date, keep their numbers and say when they were entered; a bound book takes no more', async () => {
    const clock = pinnedClock('2024-09-02T09:00:00+08:00');
    const b = await bureau({ clock });
    clock.set('2024-12-11T16:00:00+08:00');
    const signIn = async () => (b.clerk.session = (await ok(b.core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId);
    await signIn();
    const dec = await ok(b.core, b.clerk.session, 'minutes.talkCreate', talkOn(b, '2024-12-11', '甲'));
    // Written up from paper in January: dated October, entered after December's.
    clock.set('2025-01-06T10:00:00+08:00');
    await signIn();
    const oct = [];
    for (const [date, who] of [['2024-10-15', '乙'], ['2024-10-15', '丙'], ['2024-10-16', '丁']] as const) oct.push(await ok(b.core, b.clerk.session, 'minutes.talkCreate', talkOn(b, date, who)));
    expect(oct.map((t) => t.number)).toEqual([2, 3, 4]);
    const book = await ok(b.core, b.clerk.session, 'minutes.book', { typeId: b.integrity.id, year: 2024 });
    expect(book.records.map((r) => [r.number, r.date])).toEqual([
      [2, '2024-10-15'],
      [3, '2024-10-15'],
      [4, '2024-10-16'],
      [1, '2024-12-11'],
    ]);
    expect(book.records.map((r) => backEnteredOn(r.date, r.createdAt))).toEqual(['2025-01-06', '2025-01-06', '2025-01-06', null]);

    // Binding: not while a record is a draft, not for the current year.
    expect(await refused(b.core, b.clerk.session, 'minutes.bookBind', { typeId: b.integrity.id, year: 2024 })).toMatchObject({ code: 'rule', message: expect.stringContaining('4 份未定稿') });
    for (const t of [dec, ...oct]) await ok(b.core, b.clerk.session, 'minutes.finalise', { id: t.id });
    await ok(b.core, b.clerk.session, 'minutes.talkCreate', talkOn(b, '2025-01-06', '戊'));
    expect(await refused(b.core, b.clerk.session, 'minutes.bookBind', { typeId: b.integrity.id, year: 2025 })).toMatchObject({ message: expect.stringContaining('尚未结束') });
    const bound = await ok(b.core, b.clerk.session, 'minutes.bookBind', { typeId: b.integrity.id, year: 2024 });
    expect(bound.boundAt).toMatch(/^2025-01-06T10:00/);

    // After binding: refused with the reason, nothing changed — through the method and in the database.
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.talkCreate', talkOn(b, '2024-11-20', '己'));
    expect(e).toMatchObject({ code: 'rule', field: 'date', message: '2024年廉政谈话记录本已于 2025-01-06 装订成册，不能再记入' });
    expect(await refused(b.core, b.clerk.session, 'minutes.bookBind', { typeId: b.integrity.id, year: 2024 })).toMatchObject({ message: expect.stringContaining('已于 2025-01-06 装订成册') });
    expect(businessSnapshot(b.core)).toBe(before);
    expect(() => b.core.state.db.prepare('UPDATE minutes_books SET bound_at = NULL WHERE id = ?').run(bound.bookId)).toThrow(/不可撤销/);
    b.core.close();
  });
});
