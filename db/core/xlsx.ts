// Spreadsheet output shared by every export: neutralised text cells, a title row, frozen header.
import ExcelJS from 'exceljs';

/** Cells that a spreadsheet would run as a formula (=, +, -, @, and tab/CR tricks) are prefixed with a quote. */
export function neutralise(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface XlsxColumn<T> {
  title: string;
  width: number;
  value: (row: T) => string | number | Date | null;
  /** 'money' values are 分 and are written as 元 with two decimals. */
  kind?: 'text' | 'money' | 'date' | 'datetime' | 'int' | 'number';
}

/** A small workbook in memory (audit exports, templates). Large register exports stream instead. */
export async function workbookBuffer<T>(sheetName: string, title: string, columns: XlsxColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '办公室台账';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.title;
    header.getCell(i + 1).font = { bold: true };
    ws.getColumn(i + 1).width = c.width;
    if (c.kind === 'money') ws.getColumn(i + 1).numFmt = '#,##0.00';
    if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.kind === 'datetime') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd hh:mm';
  });
  for (const r of rows) {
    ws.addRow(columns.map((c) => cellValue(c, r)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function cellValue<T>(c: XlsxColumn<T>, r: T): unknown {
  const v = c.value(r);
  if (v === null || v === undefined) return null;
  if (c.kind === 'money' && typeof v === 'number') return v / 100;
  if ((c.kind === 'date' || c.kind === 'datetime') && typeof v === 'string' && v) {
    // Stored with +08:00; spreadsheets have no time zones, so write the Shanghai wall-clock time.
    const wall = v.length === 10 ? `${v}T00:00:00Z` : `${v.slice(0, 19)}Z`;
    const d = new Date(wall);
    return Number.isNaN(d.getTime()) ? v : d;
  }
  return neutralise(v);
}
