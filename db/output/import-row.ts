// Reading one row of an import sheet, shared by the registers' importers.
import type { ImportProblem } from '../contract/output';
import type { Db } from '../core/open';
import { stmt } from '../core/rows';
import type { Cell } from './registry';

/** One import row being read: its cells as trimmed text, its problems by column, length limits checked. */
export function readImportRow(cells: Record<string, Cell>, row: number, limits: readonly (readonly [key: string, title: string, max: number])[]) {
  const problems: ImportProblem[] = [];
  const bad = (column: string, message: string) => void problems.push({ row, column, message });
  const s = (k: string) => (cells[k] === null || cells[k] === undefined ? '' : String(cells[k]).trim());
  for (const [k, title, max] of limits) if (s(k).length > max) bad(title, `不能超过 ${max} 个字`);
  return { problems, bad, s };
}

/**
 * The one person a sheet names: paper registers write names, ours point at accounts. Nobody by that
 * name, or two people who share it, is a problem of the row.
 */
export function personNamed(db: Db, name: string, column: string, bad: (column: string, message: string) => void, opts: { activeOnly?: boolean } = {}) {
  const found = stmt(db, `SELECT id, name, department FROM users WHERE name = ?${opts.activeOnly ? ' AND active = 1' : ''}`).all(name) as { id: number; name: string; department: string }[];
  if (found.length === 1) return found[0];
  if (found.length) bad(column, `有 ${found.length} 位同名人员“${name}”，无法确定是哪一位，请在系统中区分姓名后再导入`);
  else bad(column, opts.activeOnly ? `系统中没有名为“${name}”的在用账号` : `系统中没有名为“${name}”的人员，请先在“人员与账号”中登记（离职人员可登记后停用）`);
  return undefined;
}
