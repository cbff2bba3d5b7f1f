// The office's status quo, for the print comparison: the same register rows laid out as a print-ready
// spreadsheet (A4 in the register's orientation, fit to one page wide, title and header row repeated
// on every page), turned into PDF by LibreOffice the way a spreadsheet user prints it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import type { RegisterFilter } from '../db/contract/output';
import { registerImpls } from '../db/output/registry';
import { formatCell } from '../db/contract/paper';
import { printedColumns } from '../db/contract/paper';

/** LibreOffice's command, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const c of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** Write the register's rows for the filter as a print-ready xlsx; returns its path. */
export async function printReadyXlsx(db: Database.Database, register: string, filter: RegisterFilter, title: string, outDir: string): Promise<string> {
  const impl = registerImpls[register];
  const cols = printedColumns(impl.def);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${register}.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(impl.def.title, {
    pageSetup: {
      paperSize: 9,
      orientation: impl.def.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
      horizontalCentered: true,
      margins: { left: 0.47, right: 0.47, top: 0.55, bottom: 0.63, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  ws.columns = cols.map((c) => ({ key: c.key, width: Math.max(5, Math.round(c.width * (impl.def.orientation === 'landscape' ? 0.6 : 0.9))) }));
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, cols.length);
  ws.addRow(cols.map((c) => c.title)).font = { bold: true };
  const border = { style: 'thin' as const };
  let n = 0;
  for (let offset = 0; ; offset += 2000) {
    const rows = impl.rows(db, filter, 2000, offset, new Date());
    for (const r of rows) {
      n += 1;
      const row = ws.addRow(cols.map((c) => (c.key === '_seq' ? n : c.signature ? '' : formatCell(r[c.key], c.kind))));
      row.alignment = { wrapText: true, vertical: 'middle' };
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: border, left: border, bottom: border, right: border }));
    }
    if (rows.length < 2000) break;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** Seconds LibreOffice takes from its command to the PDF, and the pages it made. */
export function libreOfficeToPdf(soffice: string, xlsx: string, outDir: string): { seconds: number; pages: number } {
  const profile = join(outDir, 'lo-profile');
  // A first run creates LibreOffice's profile; the office's own machine has one already.
  if (!existsSync(profile)) execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { stdio: 'ignore' });
  const pdf = join(outDir, basename(xlsx).replace(/\.xlsx$/, '.pdf'));
  rmSync(pdf, { force: true });
  const t = performance.now();
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { stdio: 'ignore' });
  const seconds = (performance.now() - t) / 1000;
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
  return { seconds, pages };
}
