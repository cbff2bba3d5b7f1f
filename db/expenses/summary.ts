// 费用分类月度汇总: what was paid out per category and month of a year (by the date it was paid).
import type { Db } from '../core/open';
import type { ExpenseMonthly } from '../contract/expenses';
import { categories } from './queries';

export function monthlySummary(db: Db, year: number): ExpenseMonthly {
  const sums = db
    .prepare(
      // A 红字冲销 counts in red in the month it was made; the month the claim was paid stays as printed.
      `SELECT c, m, sum(s) AS s, sum(n) AS n FROM (
         SELECT category_id AS c, CAST(substr(paid_on, 6, 2) AS INTEGER) AS m, total_fen AS s, 1 AS n
         FROM expense_claims WHERE state = 'paid' AND paid_on BETWEEN ? AND ?
         UNION ALL
         SELECT k.category_id, CAST(substr(r.reversed_on, 6, 2) AS INTEGER), -k.total_fen, 0
         FROM expense_claim_reversals r JOIN expense_claims k ON k.id = r.claim_id WHERE r.reversed_on BETWEEN ? AND ?
       ) GROUP BY c, m`,
    )
    .all(`${year}-01-01`, `${year}-12-31`, `${year}-01-01`, `${year}-12-31`) as { c: number; m: number; s: number; n: number }[];
  const used = new Set(sums.map((x) => x.c));
  const rows = categories(db, true)
    .filter((c) => c.active || used.has(c.id))
    .map((c) => {
      const months = Array.from({ length: 12 }, () => 0);
      let claims = 0;
      for (const x of sums) {
        if (x.c !== c.id) continue;
        months[x.m - 1] += x.s;
        claims += x.n;
      }
      return { categoryId: c.id, categoryName: c.name, months, totalFen: months.reduce((a, b) => a + b, 0), claims };
    });
  const months = Array.from({ length: 12 }, (_, i) => rows.reduce((a, r) => a + r.months[i], 0));
  return { year, rows, months, totalFen: months.reduce((a, b) => a + b, 0) };
}
