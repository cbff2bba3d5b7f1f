// Shanghai time, shared by the core and the renderer. PURE. Asia/Shanghai has no DST, so a fixed
// +08:00 offset is exact for every date the registers hold.
const SHANGHAI_OFFSET_MIN = 8 * 60;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 in Asia/Shanghai with offset, millisecond precision: 2025-03-01T09:30:00.123+08:00 */
export function toShanghaiIso(d: Date): string {
  const t = new Date(d.getTime() + SHANGHAI_OFFSET_MIN * 60_000);
  return (
    `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}+08:00`
  );
}

/** The Shanghai calendar date of an instant, YYYY-MM-DD. */
export const shanghaiDate = (d: Date) => toShanghaiIso(d).slice(0, 10);
export const shanghaiYear = (d: Date) => Number(toShanghaiIso(d).slice(0, 4));

/** Years a register entry may carry: from the founding of the records the office keeps to a sane future. */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2099;

/** A real calendar date (2026-02-30 and 2026-11-31 are not), year within bounds. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** What is wrong with a date, in the words a user reads next to the field; null when it is fine. */
export function dateProblem(s: string): string | null {
  if (isCalendarDate(s)) return null;
  const y = Number(s.slice(0, 4));
  const real = /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  return real && (y < MIN_YEAR || y > MAX_YEAR) ? `年份应在 ${MIN_YEAR}—${MAX_YEAR} 年之间` : '不是有效日期';
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Read a date-time with an explicit offset and give it back in the one stored form, +08:00, keeping
 * the precision it was given in. Every stored time then has one offset, so its first ten characters
 * are its Shanghai date and two stored times compare as strings. Returns null for an impossible time.
 */
export function normaliseDateTime(s: string): string | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [, date, hh, mm, ss, frac, off] = m;
  if (!isCalendarDate(date) || Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) return null;
  if (off !== 'Z' && (Number(off.slice(1, 3)) > 14 || Number(off.slice(4)) > 59)) return null;
  if (off === '+08:00') return s;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const iso = toShanghaiIso(new Date(t));
  if (!isCalendarDate(iso.slice(0, 10))) return null;
  // Keep the precision the caller used: minutes, seconds, or milliseconds.
  const body = ss === undefined ? iso.slice(0, 16) : frac === undefined ? iso.slice(0, 19) : iso.slice(0, 23);
  return `${body}+08:00`;
}

/**
 * The Shanghai calendar date of a date-time (any offset) or of a date: the one way to ask which day
 * a time falls on. Never a prefix of a timestamp with another offset (before 08:00 a `Z` time's first
 * ten characters are the day before).
 */
export function shanghaiDateOf(s: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) || s.endsWith('+08:00')) return s.slice(0, 10);
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new RangeError(`not a date-time: ${s}`);
  return shanghaiDate(new Date(t));
}

/**
 * 补录: the Shanghai day a record was keyed in, when that is after the day its act happened (a paper
 * register written up later); null when it was kept the same day. Screens and printed forms mark it.
 */
export function backEnteredOn(actDate: string, createdAt: string): string | null {
  const keyed = shanghaiDateOf(createdAt);
  return keyed > shanghaiDateOf(actDate) ? keyed : null;
}

/** A date-time as the office reads it: `2026-03-01 09:30`, Shanghai time. */
export function shanghaiMinute(s: string): string {
  const iso = s.endsWith('+08:00') ? s : toShanghaiIso(new Date(s));
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A calendar date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
