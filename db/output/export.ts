// Streaming xlsx export: rows are read in pages and written straight to a file, so 100,000 rows
// never sit in memory at once and the event loop gets a turn between pages.
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { filterCaption, type RegisterFilter } from '../contract/output';
import type { ColumnDef } from '../contract/registers';
import type { CoreState } from '../core/context';
import { cellValue } from '../core/xlsx';
import { registerPages, type RegisterImpl } from './registry';
import { shanghaiDate } from '../core/time';
import { IMPORT_SHEET, writeImportHeader } from './import';

export interface ExportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  percent: number;
  rows: number;
  fileName: string;
  file: string;
  error: string | null;
  userId: number;
  finishedAt: number;
}

const jobsByCore = new WeakMap<CoreState, Map<string, ExportJob>>();
export function jobs(state: CoreState) {
  let m = jobsByCore.get(state);
  if (!m) jobsByCore.set(state, (m = new Map()));
  return m;
}

const PAGE = 2000;
const KEEP_MS = 30 * 60_000;

const exportColumns = (cols: ColumnDef[]) => cols.filter((c) => !c.signature && !c.printOnly);

/**
 * A file written in the background under the data folder's exports/, which the caller polls and then
 * fetches (xlsx exports, register PDFs). Finished jobs are kept half an hour.
 */
export function startJob(state: CoreState, userId: number, fileName: string, ext: string, work: (job: ExportJob) => Promise<void>): ExportJob {
  const all = jobs(state);
  for (const [id, j] of all) if (j.state !== 'running' && performance.now() - j.finishedAt > KEEP_MS) (rmSync(j.file, { force: true }), all.delete(id));
  const dir = join(state.dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const id = randomBytes(12).toString('hex');
  const job: ExportJob = { id, state: 'running', percent: 0, rows: 0, fileName, file: join(dir, `${id}.${ext}`), error: null, userId, finishedAt: 0 };
  all.set(id, job);
  void work(job).then(
    () => {
      job.state = 'done';
      job.percent = 100;
      job.finishedAt = performance.now();
    },
    (e) => {
      job.state = 'failed';
      job.error = (e as Error).message;
      job.finishedAt = performance.now();
      rmSync(job.file, { force: true });
    },
  );
  return job;
}

/** Start writing the export in the background; the caller polls the job. */
export function startExport(state: CoreState, impl: RegisterImpl, f: RegisterFilter, userId: number, title: string): ExportJob {
  // The file is named by the office's date, not UTC's (before 08:00 those differ).
  const date = shanghaiDate(state.clock.now());
  return startJob(state, userId, `${title}-${date}.xlsx`, 'xlsx', (job) => writeExport(state, impl, f, job, title));
}

/** What exceljs pipes a worksheet into (readable-stream v2: no public writableLength). */
const sheetPipes = (ws: unknown) => ((ws as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? []) as (NodeJS.EventEmitter & { _writableState: { length: number } })[];

async function writeExport(state: CoreState, impl: RegisterImpl, f: RegisterFilter, job: ExportJob, title: string) {
  const cols = exportColumns(impl.def.columns);
  const now = state.clock.now();
  const total = impl.count(state.db, f, now);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: job.file, useStyles: true, useSharedStrings: false });
  wb.creator = '办公室台账';
  const ws = wb.addWorksheet(impl.def.title, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = cols.map((c) => ({ key: c.key, width: Math.max(6, Math.round(c.width * 1.2)) }));
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, cols.length);
  titleRow.getCell(1).alignment = { horizontal: 'center' };
  titleRow.commit();
  const caption = ws.addRow([filterCaption(f, impl.def.states)]);
  ws.mergeCells(2, 1, 2, cols.length);
  caption.commit();
  const header = ws.addRow(cols.map((c) => c.title));
  header.font = { bold: true };
  header.commit();
  const fmt = (c: ColumnDef) => (c.kind === 'money' ? '#,##0.00' : c.kind === 'date' ? 'yyyy-mm-dd' : c.kind === 'datetime' ? 'yyyy-mm-dd hh:mm' : undefined);
  const formats = cols.map(fmt);
  for (const rows of registerPages(impl, state.db, f, PAGE, now)) {
    for (const r of rows) {
      const row = ws.addRow(cols.map((c) => cellValue({ title: c.title, width: c.width, kind: c.kind, value: () => r[c.key] as never }, r)));
      formats.forEach((nf, i) => {
        if (nf) row.getCell(i + 1).numFmt = nf;
      });
      row.commit();
    }
    job.rows += rows.length;
    job.percent = Math.min(99, Math.round((job.rows / Math.max(1, total)) * 100));
    // Let other calls in between pages, and let the zip catch up with the rows: exceljs pushes the
    // sheet into the compressor without heeding backpressure, so a fast producer would pile the whole
    // uncompressed sheet up in memory. Wait until the compressor's input has drained.
    await new Promise((r) => setImmediate(r));
    for (const p of sheetPipes(ws)) if (p._writableState.length > 1024 * 1024) await once(p, 'drain');
  }
  ws.commit();
  const importer = impl.importer;
  if (importer?.rowsForImport && impl.def.importColumns) {
    // The same entries in the import template's columns, so the file can be taken into another data folder.
    const cols = impl.def.importColumns;
    const sheet = wb.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = cols.map((c) => ({ key: c.key, width: Math.max(12, c.title.length * 3) }));
    const header = sheet.getRow(1);
    writeImportHeader(header, cols);
    header.commit();
    for (let offset = 0; ; offset += PAGE) {
      const rows = importer.rowsForImport(state.db, f, PAGE, offset, now);
      for (const r of rows) sheet.addRow(cols.map((c) => r[c.key] ?? null)).commit();
      await new Promise((r) => setImmediate(r));
      for (const p of sheetPipes(sheet)) if (p._writableState.length > 1024 * 1024) await once(p, 'drain');
      if (rows.length < PAGE) break;
    }
    sheet.commit();
  }
  await wb.commit();
}

export const readExport = (job: ExportJob) => readFileSync(job.file);
