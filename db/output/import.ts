// Adopting an existing paper/Excel register: a template, a dry run that reports every problem by
// row and column in Chinese, then an all-or-nothing commit.
import ExcelJS from 'exceljs';
import { blankText, textProblem } from '../contract/common';
import type { ImportProblem } from '../contract/output';
import type { ImportColumnDef, RegisterDef } from '../contract/registers';
import type { Ctx } from '../core/context';
import { DomainError } from '../core/errors';
import type { Cell, RegisterImpl } from './registry';
import { dateProblem } from '../contract/time';

export const MAX_IMPORT_ROWS = 50_000;
/** The sheet of an export that carries its entries in the import template's columns. */
export const IMPORT_SHEET = '导入格式';

/** The header cells of the import template, with what each column takes as a note. */
export function writeImportHeader(row: ExcelJS.Row, cols: readonly ImportColumnDef[]) {
  cols.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.title;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.note = [c.required ? '必填' : '选填', c.kind === 'date' ? '日期，如 2025-03-01' : c.kind === 'datetime' ? '日期时间，如 2025-03-01 09:30' : c.kind === 'money' ? '金额（元），最多两位小数' : c.kind === 'int' ? '整数' : '', c.hint ?? ''].filter(Boolean).join('；');
  });
}

export async function importTemplate(def: RegisterDef): Promise<Buffer> {
  const cols = def.importColumns ?? [];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(def.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ key: c.key, width: Math.max(12, c.title.length * 3) }));
  writeImportHeader(ws.getRow(1), cols);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as the typed value its column expects, or a problem. */
function typedCell(raw: ExcelJS.CellValue, col: ImportColumnDef): { value: Cell; problem?: string } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    if ('formula' in raw || 'sharedFormula' in raw) return { value: null, problem: '不接受公式，请粘贴为数值后再导入' };
    if ('richText' in raw) raw = raw.richText.map((t) => t.text).join('');
    else if ('text' in raw) raw = String(raw.text);
    else if ('error' in raw) return { value: null, problem: '单元格有错误值' };
  }
  switch (col.kind) {
    case 'date': {
      if (raw instanceof Date) {
        const iso = `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`;
        return dateProblem(iso) ? { value: null, problem: dateProblem(iso)! } : { value: iso };
      }
      const s = String(raw).trim().replace(/[./年月]/g, '-').replace(/日$/, '');
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
      if (!m) return { value: null, problem: '日期格式不正确（应为 年-月-日）' };
      const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
      if (dateProblem(iso)) return { value: null, problem: dateProblem(iso)! };
      return { value: iso };
    }
    case 'datetime': {
      // Excel keeps a date-time as wall-clock time; exceljs hands it over as that time in UTC.
      if (raw instanceof Date) return { value: `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())} ${pad(raw.getUTCHours())}:${pad(raw.getUTCMinutes())}` };
      const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?[ T]+(\d{1,2})[:：](\d{2})$/.exec(String(raw).trim());
      if (!m) return { value: null, problem: '时间格式不正确（应为 年-月-日 时:分，如 2025-03-01 09:30）' };
      const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
      if (dateProblem(iso) === '不是有效日期' || Number(m[4]) > 23 || Number(m[5]) > 59) return { value: null, problem: '不是有效的日期时间' };
      if (dateProblem(iso)) return { value: null, problem: dateProblem(iso)! };
      return { value: `${iso} ${pad(Number(m[4]))}:${m[5]}` };
    }
    case 'int': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(n)) return { value: null, problem: '应为整数' };
      return { value: n };
    }
    case 'money': {
      const s = typeof raw === 'number' ? String(raw) : String(raw).trim().replace(/[,，¥￥元\s]/g, '');
      if (!/^\d+(\.\d{1,2})?$/.test(s)) return { value: null, problem: '金额应为非负数，最多两位小数' };
      const [yuan, frac = ''] = s.split('.');
      return { value: Number(yuan) * 100 + Number(frac.padEnd(2, '0')) };
    }
    default:
      // A date cell in a text column: Excel's calendar date, which exceljs hands over at 00:00 UTC.
      return { value: raw instanceof Date ? `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}` : String(raw).trim() };
  }
}

export interface ParsedImport<V> {
  /** The rows that parsed, each with its row number in the sheet. */
  values: { row: number; value: V }[];
  rows: number;
  problems: ImportProblem[];
}

export async function parseImport<V>(impl: RegisterImpl<V>, base64: string, ctx: Pick<Ctx, 'db' | 'core'>): Promise<ParsedImport<V>> {
  const def = impl.def;
  const importer = impl.importer;
  if (!importer || !def.importColumns) throw new DomainError('rule', `“${def.title}”不支持导入。`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('invalid_input', '无法读取该文件：请上传由模板填写的 .xlsx 文件。', 'base64');
  }
  // An export of this register carries its entries in the template's columns on a sheet of its own.
  const ws = wb.getWorksheet(IMPORT_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new DomainError('invalid_input', '文件中没有工作表。', 'base64');
  const problems: ImportProblem[] = [];
  // Headers are matched by title, so column order does not matter.
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, colNo) => header.set(String(cell.text).trim(), colNo));
  for (const c of def.importColumns) if (c.required && !header.has(c.title)) problems.push({ row: 1, column: c.title, message: `缺少必填列“${c.title}”` });
  const known = new Set(def.importColumns.map((c) => c.title));
  for (const h of header.keys()) if (h && !known.has(h)) problems.push({ row: 1, column: h, message: `模板中没有“${h}”列，请使用下载的模板` });
  if (problems.length) return { values: [], rows: 0, problems };
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS) throw new DomainError('rule', `一次最多导入 ${MAX_IMPORT_ROWS} 行。`);

  const values: { row: number; value: V }[] = [];
  const seen = new Map<string, number>();
  const existing = importer.existingKeys?.(ctx.db) ?? new Set<string>();
  let rows = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    rows++;
    const cells: Record<string, Cell> = {};
    let rowProblems = 0;
    for (const c of def.importColumns) {
      // An optional column may be left out of the sheet altogether.
      const col = header.get(c.title);
      const t: { value: Cell; problem?: string } = col ? typedCell(row.getCell(col).value, c) : { value: null };
      // Imported text is held to the form's rule: no control characters or bidi overrides, and a cell
      // of invisible characters only is an empty cell.
      if (typeof t.value === 'string') {
        t.problem ??= textProblem(t.value, false) ?? undefined;
        if (blankText(t.value)) t.value = '';
      }
      if (t.problem) {
        problems.push({ row: r, column: c.title, message: t.problem });
        rowProblems++;
      } else if (c.required && (t.value === null || t.value === '')) {
        problems.push({ row: r, column: c.title, message: `“${c.title}”不能为空` });
        rowProblems++;
      }
      cells[c.key] = t.value;
    }
    if (rowProblems) continue;
    const parsed = importer.parse(cells, r, ctx);
    problems.push(...parsed.problems);
    if (!parsed.value || parsed.problems.length) continue;
    const key = importer.key?.(parsed.value);
    if (key) {
      if (existing.has(key)) {
        problems.push({ row: r, column: '编号', message: `编号“${key}”已在登记簿中` });
        continue;
      }
      if (seen.has(key)) {
        problems.push({ row: r, column: '编号', message: `编号“${key}”与第 ${seen.get(key)} 行重复` });
        continue;
      }
      seen.set(key, r);
    }
    values.push({ row: r, value: parsed.value });
  }
  if (!rows) problems.push({ row: 2, column: '', message: '文件中没有数据行' });
  return { values, rows, problems };
}

/**
 * Store the parsed rows, each in its own savepoint, through the importer's `store` (the live rules).
 * The one code path of the dry run and of the commit: the dry run calls it and rolls back; the commit
 * keeps the result only when no problem was found, so both report the same problems, row by row.
 * A refused row names the entries stored before it in this import by their row in the file: none of
 * them will exist unless the whole file goes in.
 */
export function storeImport<V>(ctx: Ctx, impl: RegisterImpl<V>, parsed: ParsedImport<V>): { imported: number; problems: ImportProblem[] } {
  const importer = impl.importer!;
  const rows = importer.order ? [...parsed.values].sort((a, b) => importer.order!(a.value, b.value) || a.row - b.row) : parsed.values;
  const problems: ImportProblem[] = [...parsed.problems];
  const stored = new Map<string, number>();
  // A refusal names its field by the input's key; the report names the sheet's column.
  const columnOf = new Map((impl.def.importColumns ?? []).map((c) => [c.key, c.title]));
  let imported = 0;
  for (const { row, value } of rows) {
    ctx.db.exec('SAVEPOINT import_row');
    try {
      const number = importer.store(ctx, value);
      ctx.db.exec('RELEASE import_row');
      if (number) stored.set(number, row);
      imported++;
    } catch (e) {
      ctx.db.exec('ROLLBACK TO import_row');
      ctx.db.exec('RELEASE import_row');
      if (!(e instanceof DomainError)) throw e;
      problems.push({ row, column: columnOf.get(e.field ?? '') ?? '', message: e.message });
    }
  }
  if (problems.length && stored.size) {
    for (const p of problems) for (const [number, row] of stored) p.message = p.message.split(number).join(`本文件第 ${row} 行的登记`);
  }
  problems.sort((a, b) => a.row - b.row);
  return { imported, problems };
}

/** The dry run: the commit's own code in a savepoint that is always rolled back. */
export function dryRunImport<V>(ctx: Ctx, impl: RegisterImpl<V>, parsed: ParsedImport<V>): ImportProblem[] {
  if (ctx.core.readOnly) return parsed.problems;
  ctx.db.exec('SAVEPOINT import_dry_run');
  try {
    return storeImport(ctx, impl, parsed).problems;
  } finally {
    ctx.db.exec('ROLLBACK TO import_dry_run');
    ctx.db.exec('RELEASE import_dry_run');
  }
}
