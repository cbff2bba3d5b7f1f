// Reading one row of an import sheet, shared by the registers' importers.
import type { ImportProblem } from '../contract/output';
import type { Cell } from './registry';

/** One import row being read: its cells as trimmed text, its problems by column, length limits checked. */
export function readImportRow(cells: Record<string, Cell>, row: number, limits: readonly (readonly [key: string, title: string, max: number])[]) {
  const problems: ImportProblem[] = [];
  const bad = (column: string, message: string) => void problems.push({ row, column, message });
  const s = (k: string) => (cells[k] === null || cells[k] === undefined ? '' : String(cells[k]).trim());
  for (const [k, title, max] of limits) if (s(k).length > max) bad(title, `不能超过 ${max} 个字`);
  return { problems, bad, s };
}
