// The output side of each register: how to count and read its rows for a filter, and (optionally)
// how to import rows. Printing, export and import are written once against this interface.
import type { ImportProblem, RegisterFilter } from '../contract/output';
import type { RegisterDef } from '../contract/registers';
import type { Ctx } from '../core/context';
import type { Db } from '../core/open';
import { auditRegister } from '../audit/register';
import { sealsRegisterImpls } from '../seals/register';
import { vehiclesRegisterImpls } from '../vehicles/register';
import { minutesRegisterImpls } from '../minutes/register';
import { suppliesRegisterImpls } from '../supplies/register';
import { assetsRegisterImpls } from '../assets/register';
import { expensesRegisterImpls } from '../expenses/register';

export type Cell = string | number | boolean | null;
export type OutputRow = Record<string, Cell>;

export interface Importer<V> {
  /** One spreadsheet row (values keyed by import column key, already typed) → a value or problems. */
  parse(cells: Record<string, Cell>, rowNo: number, ctx: Pick<Ctx, 'db' | 'core'>): { value?: V; problems: ImportProblem[] };
  /** A key that must be unique (e.g. an entry number); duplicates in the file or in the data are refused. */
  key?(v: V): string | null;
  existingKeys?(db: Db): Set<string>;
  /**
   * Store one parsed row through the same rule functions as the live workflow (a DomainError refuses
   * that row, and the import reports it next to its row). Runs inside the import's transaction, which
   * the dry run rolls back and the commit keeps only when no row was refused. Returns the entry number
   * the row was stored under, so messages about later rows can name the file's row instead.
   */
  store(ctx: Ctx, value: V): string | void;
  /** The order rows are stored in, when rules compare a row with the ones before it (odometers). */
  order?(a: V, b: V): number;
  /**
   * The register's entries as import rows (keyed by import column key), a page at a time: the export's
   * 导入格式 sheet, so an export can be taken into another data folder. Only entries the import can
   * store are listed (an application still awaiting approval cannot be imported as one).
   */
  rowsForImport?(db: Db, f: RegisterFilter, limit: number, offset: number, now: Date): Record<string, Cell>[];
}

export interface RegisterImpl<V = unknown> {
  def: RegisterDef;
  // `now` is the core's clock: registers that filter by "today" (overdue, this year) read it, never the system clock.
  count(db: Db, f: RegisterFilter, now: Date): number;
  rows(db: Db, f: RegisterFilter, limit: number, offset: number, now: Date): OutputRow[];
  /**
   * All rows in pages, for exports. Registers that grow to hundreds of thousands of rows page by key
   * (OFFSET re-reads every row it skips, so the last page of a large export costs as much as the whole).
   * No statement stays open between pages: other calls run while the export waits.
   */
  pages?(db: Db, f: RegisterFilter, pageSize: number, now: Date): Iterable<OutputRow[]>;
  importer?: Importer<V>;
}

/** Pages of a register: by key where it offers that, else by offset. */
export function* registerPages(impl: RegisterImpl, db: Db, f: RegisterFilter, pageSize: number, now: Date): Generator<OutputRow[]> {
  if (impl.pages) return yield* impl.pages(db, f, pageSize, now);
  for (let offset = 0; ; offset += pageSize) {
    const rows = impl.rows(db, f, pageSize, offset, now);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
  }
}

/** Each register module adds itself here (and to REGISTER_DEFS in the contract). */
export const registerImpls: Record<string, RegisterImpl<any>> = {
  audit: auditRegister,
  ...sealsRegisterImpls,
  ...vehiclesRegisterImpls,
  ...minutesRegisterImpls,
  ...suppliesRegisterImpls,
  ...assetsRegisterImpls,
  ...expensesRegisterImpls,
};
