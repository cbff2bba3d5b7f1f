// Storage keeps ISO strings with an explicit +08:00 offset; the office works in Asia/Shanghai (no DST).
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

/** Today's date in Shanghai, YYYY-MM-DD. */
export const shanghaiDate = (d: Date) => toShanghaiIso(d).slice(0, 10);
export const shanghaiYear = (d: Date) => Number(toShanghaiIso(d).slice(0, 4));

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
