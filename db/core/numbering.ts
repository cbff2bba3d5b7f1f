// Per-register, per-year gapless numbers. Call inside the transaction that inserts the numbered row:
// if that transaction rolls back, so does the increment, so numbers are never skipped or reused.
import type { Db } from './open';

export function nextNumber(db: Db, register: string, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO number_seq (register, year, last) VALUES (?, ?, 1)
       ON CONFLICT (register, year) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(register, year) as { last: number };
  return row.last;
}

/** Take a number given from outside (an imported paper entry): numbers handed out later continue after it. */
export function claimNumber(db: Db, register: string, year: number, n: number) {
  db.prepare('INSERT INTO number_seq (register, year, last) VALUES (?, ?, ?) ON CONFLICT (register, year) DO UPDATE SET last = max(last, excluded.last)').run(register, year, n);
}

/** 用印〔2025〕第0012号 — the paper style used by Chinese offices. */
export const formatNumber = (prefix: string, year: number, n: number) => `${prefix}〔${year}〕第${String(n).padStart(4, '0')}号`;
