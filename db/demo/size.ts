// The bench's counts at a size: 1 is a busy office's ten years; the unit tests seed the bench at a
// small size so that a rule change that refuses what the bench generates fails `npm test`.
import { shanghaiDateOf, toShanghaiIso } from '../core/time';

/** A bench count at a size: never below `min`, so every kind of entry still appears. */
export const sized = (n: number, size: number, min = 1) => Math.max(min, Math.round(n * size));

/**
 * A paper signature "given just now" for something dated today: a minute before now, but never on the
 * day before — just after midnight, a minute ago is yesterday, before the item it signs.
 */
export function signedJustNow(now: Date, today: string): string {
  const t = toShanghaiIso(new Date(now.getTime() - 60_000));
  return shanghaiDateOf(t) < today ? `${today}T00:00:00.000+08:00` : t;
}
