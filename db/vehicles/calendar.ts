// Weekends, public holidays and make-up workdays (调休): the editable calendar decides which days are off.
import type { Db } from '../core/open';
import { addDays } from '../core/time';

export interface OffDay {
  date: string;
  kind: 'weekend' | 'holiday';
  name: string;
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Most days a trip may span and still be checked day by day. */
const MAX_DAYS = 400;

const addDay = (date: string) => addDays(date, 1);

/** The off days (holidays, and weekends that are not make-up workdays) from one Shanghai date to another, inclusive. */
export function offDaysBetween(db: Db, fromDate: string, toDate: string): OffDay[] {
  const overrides = new Map(
    (db.prepare('SELECT date, kind, name FROM vehicle_calendar WHERE date >= ? AND date <= ?').all(fromDate, toDate) as { date: string; kind: 'holiday' | 'workday'; name: string }[]).map((r) => [r.date, r]),
  );
  const out: OffDay[] = [];
  let d = fromDate;
  for (let i = 0; d <= toDate && i < MAX_DAYS; i++, d = addDay(d)) {
    const o = overrides.get(d);
    if (o?.kind === 'holiday') out.push({ date: d, kind: 'holiday', name: o.name || '法定节假日' });
    else if (!o) {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) out.push({ date: d, kind: 'weekend', name: WEEKDAY[wd] });
    }
  }
  return out;
}

/** 2025-10-01（国庆节）、2025-10-04（周六） and 3 more days. */
export function describeOffDays(days: OffDay[]): string {
  const shown = days.slice(0, 3).map((d) => `${d.date}（${d.name}）`);
  return days.length > 3 ? `${shown.join('、')}等 ${days.length} 天` : shown.join('、');
}
