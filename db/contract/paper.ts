// A register on paper, shared by its two painters (the print route's HTML and the core's PDF writer).
// How it fits the paper, decided before the browser lays anything out (so 1,000 rows cost a
// string scan, not a measuring pass): numbers, dates, amounts and plates get the width their longest
// value needs and never break; signature cells keep a pen's width; the text columns share what is
// left by their declared weights, and a long text is set smaller so it stays within two lines.
import type { ColumnDef, ColumnKind, RegisterDef } from './registers';
import { filterCaption, type RegisterFilter } from './output';
import { formatYuan } from './money';
import { shanghaiDateOf } from './time';

export const SEQ: ColumnDef = { key: '_seq', title: '序号', width: 8, kind: 'int', align: 'center' };

/** The printed columns: the declared ones, with a 序号 first unless the register numbers its rows itself. */
export function printedColumns(def: RegisterDef): ColumnDef[] {
  const cols = def.columns.filter((c) => !c.exportOnly);
  return cols.some((c) => c.title === '序号') ? cols : [SEQ, ...cols];
}

/** Between the margins of A4 (see print.css @page): landscape 297 − 2 × 12, portrait 210 − 2 × 14. */
export const CONTENT_MM = { landscape: 273, portrait: 182 } as const;
/** Cell text size and the sizes a long text may step down to. */
export const CELL_PT = 9.5;
const SMALLER_PT = [8.5, 7.5];
const MM_PER_PT = 25.4 / 72;
/** Left + right cell padding (1.2 mm each), the border, and a little in hand for glyph rounding. */
const PAD_MM = 3.4;
/** A signature cell is never narrower than this: a name written with a pen. */
export const SIGNATURE_MM = 16;
const MIN_TEXT_EM = 3;
/** A text this wide (in em) or less is a short one: a name, a status, a category. */
const SHORT_EM = 5;

/** Kinds whose values are read as one token: never broken over two lines. */
const ATOMIC_KINDS = new Set(['date', 'datetime', 'money', 'int', 'number']);
export const isAtomic = (c: ColumnDef) => !!c.nowrap || (!!c.kind && ATOMIC_KINDS.has(c.kind));

const WIDE = /[\u00d7\u00f7\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/;

/** The printed width of a text in em: CJK and full-width forms are 1 (× and ÷ too: Chinese fonts set them full width), the rest about half. */
export function widthEm(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 1 : ch === ' ' ? 0.3 : /[A-Z@#%&MW]/.test(ch) ? 0.68 : 0.56;
  return w;
}

/**
 * Runs that must stay on one line inside a text: a 公文文号 with its organ, year and serial
 * (×司发〔2025〕3号), the serial of our own numbers (第0001号, 第3次), and any run of Latin letters and
 * digits (a plate, an amount, a code).
 */
export const UNBREAKABLE = /[^\s（(，、；：:。]{0,8}〔\d{4}〕\d+号|第\d+[号次]|[\x21-\x7e\u00b7]{2,}/g;

/** The runs of a text that never break: 文号, 第N号, and runs of Latin letters and digits. */
export const unbreakableRuns = (s: string) => [...s.matchAll(UNBREAKABLE)].map((m) => m[0]);

/** The widest unbreakable run of a text, in em. */
export function longestRunEm(s: string): number {
  let w = 0;
  for (const m of s.matchAll(UNBREAKABLE)) w = Math.max(w, widthEm(m[0]));
  return w;
}

export interface PlannedColumn {
  col: ColumnDef;
  mm: number;
  atomic: boolean;
}

/**
 * Column widths in millimetres for the rows to print. `text` turns a row's value into what is printed.
 * Atomic columns take their widest value (or their header's widest word); signature columns their
 * declared width, at least SIGNATURE_MM; text columns share the rest by declared weight.
 */
export function planColumns(cols: ColumnDef[], rows: Record<string, unknown>[], text: (v: unknown, c: ColumnDef) => string, pageMm: number): PlannedColumn[] {
  const em = (pt: number) => pt * MM_PER_PT;
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  // Per column, the widths of its values, longest first.
  const widths = cols.map((c) => rows.map((r) => widthEm(text(r[c.key], c))).sort((a, b) => b - a));
  const widest = (i: number) => widths[i][0] ?? 0;
  // A long text column is sized for nearly all its values, so one odd remark cannot take the page.
  const typical = (i: number) => widths[i][Math.floor(widths[i].length * 0.05)] ?? 0;
  const fixed = cols.map((c, i) => {
    if (c.signature) return Math.max(SIGNATURE_MM, c.width);
    if (!isAtomic(c)) return 0;
    // The header may wrap, but not below two characters a line.
    return Math.max(widest(i), Math.min(widthEm(c.title), 2)) * em(CELL_PT) + PAD_MM;
  });
  const left = Math.max(0, pageMm - sum(fixed));
  const isText = cols.map((_, i) => !fixed[i]);
  // A text column is never narrower than its longest unbreakable run (at the smallest size).
  // (A loop, not Math.max(...rows): a year of the audit log is more rows than a call takes arguments.)
  const runs = cols.map((c, i) => (fixed[i] ? 0 : rows.reduce((w, r) => Math.max(w, longestRunEm(text(r[c.key], c))), 0)));
  const floorOf = (i: number) => Math.max(MIN_TEXT_EM * em(CELL_PT), runs[i] * em(SMALLER_PT[SMALLER_PT.length - 1])) + PAD_MM;
  const floor = MIN_TEXT_EM * em(CELL_PT) + PAD_MM;
  // One line at the normal size: what every text column would like.
  const oneLine = cols.map((c, i) => (isText[i] ? Math.max(floor, widest(i) * em(CELL_PT) + PAD_MM, Math.min(widthEm(c.title), 4) * em(CELL_PT) + PAD_MM) : 0));
  const short = oneLine.map((w, i) => isText[i] && w <= SHORT_EM * em(CELL_PT) + PAD_MM);
  const weight = cols.map((c, i) => (isText[i] ? c.width : 0));
  // What is left over goes first to the columns still short of one line (by weight), then to all.
  const spread = (base: number[]) => {
    const spare = left - sum(base);
    const deficit = base.map((w, i) => (isText[i] ? Math.max(0, oneLine[i] - w) : 0));
    if (sum(deficit) <= spare) {
      const rest = spare - sum(deficit);
      const weights = sum(weight);
      return base.map((w, i) => (isText[i] ? w + deficit[i] + (weights ? (rest * weight[i]) / weights : 0) : 0));
    }
    const fill = (t: number) => deficit.map((d, i) => Math.min(d, t * weight[i]));
    const add = fill(largestWithin((t) => sum(fill(t)), spare, pageMm));
    return base.map((w, i) => (isText[i] ? w + add[i] : 0));
  };
  if (sum(oneLine) <= left) return done(cols, fixed, spread(oneLine));
  // Otherwise short texts (names, a status) keep their line, and long ones are given two lines at the
  // largest size the page allows.
  for (const pt of [CELL_PT, ...SMALLER_PT]) {
    const base = oneLine.map((w, i) => (!isText[i] ? 0 : short[i] ? w : Math.max(floorOf(i), Math.min(w, (typical(i) / 2 + 1) * em(pt) + PAD_MM))));
    if (sum(base) <= left) return done(cols, fixed, spread(base));
  }
  // Past that, the long ones are capped alike by weight and wrap further.
  const take = (cap: number) => oneLine.map((w, i) => (!isText[i] ? 0 : Math.max(floorOf(i), Math.min(w, cap * weight[i]))));
  return done(cols, fixed, take(largestWithin((t) => sum(take(t)), left, pageMm)));
}

/** The largest t in [0, hi] whose total(t) stays within limit (total grows with t). */
function largestWithin(total: (t: number) => number, limit: number, hi: number): number {
  let lo = 0;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (total(mid) > limit) hi = mid;
    else lo = mid;
  }
  return lo;
}

const done = (cols: ColumnDef[], fixed: number[], given: number[]): PlannedColumn[] =>
  cols.map((c, i) => ({ col: c, atomic: fixed[i] > 0 && !c.signature, mm: fixed[i] || given[i] }));

/**
 * The size a text cell is set in so it stays within two lines of its column, stepping down twice at
 * most; past that it wraps on (nothing on paper is ever cut off).
 */
export function cellPt(s: string, mm: number): number {
  const w = widthEm(s);
  for (const pt of [CELL_PT, ...SMALLER_PT]) {
    const perLine = (mm - PAD_MM) / (pt * MM_PER_PT);
    // A line rarely fills to the last character; keep a character in hand.
    if (w <= 2 * Math.max(1, perLine - 1)) return pt;
  }
  return SMALLER_PT[SMALLER_PT.length - 1];
}

// Cell text for paper: dates and times in Asia/Shanghai, money in 元 with two decimals.
/** "2025-03-01T09:30:00.000+08:00" → "2025-03-01 09:30" in Shanghai time, whatever offset it was stored with. */
export function shanghaiDateTime(iso: string): string {
  if (/\+08:00$/.test(iso)) return iso.slice(0, 16).replace('T', ' ');
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatCell(v: unknown, kind: ColumnKind | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  switch (kind) {
    case 'money':
      return typeof v === 'number' ? formatYuan(v) : String(v);
    case 'datetime':
      return shanghaiDateTime(String(v));
    case 'date': {
      // The Shanghai day, also of a full timestamp stored with another offset (never its prefix).
      const s = String(v);
      return /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)) ? shanghaiDateOf(s) : s;
    }
    default:
      return String(v);
  }
}

/** The period a printed register covers, as a date range: 登记期间：2026-01-01 至 2026-12-31. */
export function periodOf(f: RegisterFilter): string {
  const from = f.from ?? (f.year ? `${f.year}-01-01` : null);
  const to = f.to ?? (f.year ? `${f.year}-12-31` : null);
  if (!from && !to) return '登记期间：全部';
  return `登记期间：${from ?? '最早'} 至 ${to ?? '最近'}`;
}

/** Under the title: the period, then what else narrows the rows (state, keyword). */
export function paperCaption(def: RegisterDef, f: RegisterFilter): string {
  return [periodOf(f), filterCaption({ ...f, from: undefined, to: undefined }, def.states, false)].filter(Boolean).join('　');
}

export type PaperRow = Record<string, string | number | boolean | null>;

/** The books a register's rows belong in (one, unless the register keeps several), each with its title. */
export function booksOf<R extends PaperRow>(def: RegisterDef, rows: R[], unitName: string, year?: number): { title: string; rows: R[] }[] {
  const suffix = year ? `（${year}年）` : '';
  const book = def.book;
  if (!book || !rows.length) return [{ title: `${unitName}${def.title}${suffix}`, rows }];
  const books = new Map<string, { title: string; rows: R[] }>();
  for (const r of rows) {
    const k = String(r[book.key]);
    let b = books.get(k);
    if (!b) books.set(k, (b = { title: `${book.title(r, unitName)}${suffix}`, rows: [] }));
    b.rows.push(r);
  }
  return [...books.values()];
}

/** The column a 补录 mark is printed under: the register's date. */
export const dateColumnKey = (cols: ColumnDef[]) => cols.find((c) => c.kind === 'date' || c.key === 'date')?.key;

/**
 * The size a text cell is set in: within two lines (cellPt), and smaller still, as far as the plan
 * allows, when one of its unbreakable runs would not fit the column at that size. `fits` measures a
 * run; by default with the em estimate the plan uses.
 */
export function textPt(s: string, mm: number, fits = (run: string, pt: number) => widthEm(run) * pt * MM_PER_PT <= mm - PAD_MM): number {
  let pt = cellPt(s, mm);
  const runs = unbreakableRuns(s);
  for (const smaller of SMALLER_PT) if (pt > smaller && runs.some((r) => !fits(r, pt))) pt = smaller;
  return pt;
}

/** Never at the start of a line (closing marks), never at its end (opening marks): 避头尾. */
const NO_START = /^[，。、；：！？）〕」』》〉】’”…·%,.;:!?)\]]/;
const NO_END = /[（〔「『《〈【‘“(\[]$/;

/**
 * A text broken into lines no wider than `max` (what `measure` reports), the way the print route's
 * CSS breaks it: between Chinese characters, never inside a 文号, a 第N号 or a run of Latin letters and
 * digits, never with a closing mark at the start of a line. A single token wider than the line is
 * broken between its characters (nothing is cut off).
 */
export function wrapText(s: string, max: number, measure: (t: string) => number): string[] {
  if (!s) return [''];
  const tokens: string[] = [];
  let at = 0;
  const pushChars = (t: string) => {
    for (const m of t.matchAll(/[\x21-\x7e\u00b7]+|\s+|./gsu)) tokens.push(m[0]);
  };
  for (const m of s.matchAll(UNBREAKABLE)) {
    if (m.index > at) pushChars(s.slice(at, m.index));
    tokens.push(m[0]);
    at = m.index + m[0].length;
  }
  if (at < s.length) pushChars(s.slice(at));
  // Glue closing marks to what precedes them and opening marks to what follows (unless the glued
  // whole could not fit a line of its own: then its pieces go on as they are).
  const glued: string[][] = [];
  for (const t of tokens) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (NO_START.test(t) || NO_END.test(prev[prev.length - 1]))) prev.push(t);
    else glued.push([t]);
  }
  const units = glued.flatMap((g) => (g.length > 1 && measure(g.join('')) > max ? g : [g.join('')]));
  const lines: string[] = [];
  let line = '';
  for (const t of units) {
    if (t === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (measure(line + t) <= max || !line) {
      line += t;
    } else {
      lines.push(line.trimEnd());
      line = t.trimStart();
    }
    // A token that cannot fit a line of its own is broken between its characters.
    while (measure(line) > max && [...line].length > 1) {
      const chars = [...line];
      let n = chars.length - 1;
      while (n > 1 && measure(chars.slice(0, n).join('')) > max) n--;
      lines.push(chars.slice(0, n).join(''));
      line = chars.slice(n).join('');
    }
  }
  lines.push(line.trimEnd());
  return lines;
}
