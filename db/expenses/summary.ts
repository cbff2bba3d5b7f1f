// 费用分类月度汇总: what was paid out per category and month of a year (by the date it was paid).
import type { Db } from '../core/open';
import type { ExpenseMonthly } from '../contract/expenses';
import { categories } from './queries';

export function monthlySummary(db: Db, year: number): ExpenseMonthly {
  const sums = db
    .prepare(
      `SELECT category_id AS c, CAST(substr(paid_on, 6, 2) AS INTEGER) AS m, sum(total_fen) AS s, count(*) AS n
       FROM expense_claims WHERE state = 'paid' AND paid_on BETWEEN ? AND ? GROUP BY category_id, m`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as { c: number; m: number; s: number; n: number }[];
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
