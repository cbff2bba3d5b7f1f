// Money in the core: 分 as integers, 元 only in words for messages.
import { formatYuan } from '../contract/money';

export const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** round(a × b ÷ c), half up, exact for any sizes the registers meet (BigInt in between). */
export function mulDiv(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d;
  const r = n % d;
  return Number(2n * r >= d ? q + 1n : q);
}
