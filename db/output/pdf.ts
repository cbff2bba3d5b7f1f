// A printed register written straight to PDF by the core: the same paper as the print route (columns
// planned by db/contract/paper.ts, title and period and header row on every page, 序号, 补录 marks,
// the footer with the audit checkpoint, 第 X 页 共 Y 页, the sign-off after the last row), without a
// browser's layout engine in between. Chromium spends seconds paginating a long table; this writes the
// same 1,000 rows in well under one (`npm run bench -- --only print`). The print route stays what the
// screen shows and what the print dialog prints.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import type { RegisterFilter } from '../contract/output';
import type { ColumnDef, RegisterDef } from '../contract/registers';
import { CELL_PT, CONTENT_MM, SEQ, booksOf, textPt, dateColumnKey, formatCell, paperCaption, planColumns, printedColumns, shanghaiDateTime, wrapText, type PaperRow, type PlannedColumn } from '../contract/paper';
import type { CoreState } from '../core/context';
import { shanghaiDate } from '../core/time';
import { startJob, type ExportJob } from './export';
import type { PaperFont, PaperFonts } from './paper-fonts';
import { registerPages, type RegisterImpl } from './registry';

const MM = 72 / 25.4;
/** The page margins of print.css's @page rules, in millimetres. */
const MARGIN_MM = { landscape: { top: 14, right: 12, bottom: 16, left: 12 }, portrait: { top: 16, right: 14, bottom: 18, left: 14 } } as const;
const LINE = 1.2;
const PAD_X = 1.2 * MM;
const PAD_Y = 0.8 * MM;
/** Room for a pen: a row with signature cells is at least this tall. */
const SIGNATURE_ROW = 9 * MM;
const RULE = 0.6;
const RED = '#c00000';

/** What pdfkit 0.20's embedded font exposes inside (pinned in package.json; tests/db/output/pdf.test.ts reads the text back). */
interface EmbeddedFont {
  scale: number;
  font: { glyphForCodePoint(cp: number): { advanceWidth: number }; hasGlyphForCodePoint(cp: number): boolean };
  layoutRun(text: string): unknown;
}

/**
 * Glyphs straight from the font's character map. Chinese, digits and Latin on a register need no
 * OpenType substitution, and shaping every cell's text through it was most of the writing time.
 */
function mapGlyphsDirectly(font: EmbeddedFont) {
  font.layoutRun = (text: string) => {
    const glyphs = [];
    const positions = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const g = font.font.glyphForCodePoint(ch.codePointAt(0)!);
      const a = g.advanceWidth * font.scale;
      glyphs.push(g);
      positions.push({ xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a });
      advanceWidth += a;
    }
    return { glyphs, positions, advanceWidth };
  };
}

export interface PaperMeta {
  unitName: string;
  preparedBy: string;
  generatedAt: string;
  checkpoint: { seq: number; short: string };
}
export interface PaperBook {
  title: string;
  rows: PaperRow[];
}

type Face = 'body' | 'heading';
interface Cell {
  lines: { text: string; pt: number; face: Face }[];
  align: 'left' | 'center' | 'right';
}

/** The characters of a text that a font must have (not spaces or line breaks). */
const charsOf = (s: string) => [...new Set(s)].filter((ch) => ch.trim()).map((ch) => ch.codePointAt(0)!);

/** Write the books of a register to `file`; resolves with the number of pages. */
export async function writeRegisterPdf(
  file: string,
  p: { def: RegisterDef; books: PaperBook[]; caption: string; meta: PaperMeta; fonts: PaperFonts; onRows?: (n: number) => void },
): Promise<{ pages: number }> {
  const orientation = p.def.orientation;
  const margin = MARGIN_MM[orientation];
  // font: null — no standard (Helvetica) font is loaded: pdfkit finds those by a require the desktop's
  // bundle cannot follow, and the register is set in the Chinese fonts alone.
  const pdf = new PDFDocument({ font: null as unknown as string, size: 'A4', layout: orientation, margin: 0, autoFirstPage: false, bufferPages: true, info: { Title: p.books[0]?.title ?? p.def.title, Creator: '办公室台账' } });
  const out = createWriteStream(file);
  pdf.pipe(out);
  // The body font, or the first fallback that has every character of the register (a name's 喆 is not
  // in 仿宋_GB2312); headings fall back to the body font when they lack one of theirs.
  const bookText = (b: PaperBook) => b.title + JSON.stringify(b.rows);
  const bodyChars = charsOf([p.caption, p.meta.preparedBy, ...p.books.map(bookText)].join(''));
  const headChars = charsOf([...p.books.map((b) => b.title), ...p.def.columns.map((c) => c.title), '保管人负责人签字日期年月'].join(''));
  const faceOf: Record<Face, string> = { body: 'body', heading: 'heading' };
  // Read off the event loop (the fonts are tens of megabytes); only their parsing runs on it.
  const load = async (key: string, f: PaperFont) => {
    pdf.registerFont(key, await readFile(f.file), f.face);
    const font = (pdf.font(key) as unknown as { _font: EmbeddedFont })._font;
    mapGlyphsDirectly(font);
    return font;
  };
  const missing = (font: EmbeddedFont, chars: number[]) => chars.filter((cp) => !font.font.hasGlyphForCodePoint(cp)).length;
  let best = { key: 'body', missing: missing(await load('body', p.fonts.body), bodyChars) };
  for (const [i, f] of p.fonts.fallbacks.entries()) {
    if (!best.missing) break;
    const n = missing(await load(`fallback${i}`, f), bodyChars);
    if (n < best.missing) best = { key: `fallback${i}`, missing: n };
  }
  faceOf.body = best.key;
  if (missing(await load('heading', p.fonts.heading), headChars)) faceOf.heading = faceOf.body;

  // Glyph advances measured once per character and face: thousands of cells, a few hundred characters.
  const advance: Record<Face, Map<string, number>> = { body: new Map(), heading: new Map() };
  let current: Face | null = null;
  const use = (face: Face, pt: number) => {
    if (current !== face) pdf.font(faceOf[face]);
    current = face;
    pdf.fontSize(pt);
  };
  const measure = (face: Face, pt: number) => (s: string) => {
    let w = 0;
    for (const ch of s) {
      let a = advance[face].get(ch);
      if (a === undefined) {
        pdf.font(faceOf[face]).fontSize(1);
        current = face;
        a = pdf.widthOfString(ch);
        advance[face].set(ch, a);
      }
      w += a;
    }
    return w * pt;
  };

  const pageW = orientation === 'landscape' ? 841.89 : 595.28;
  const pageH = orientation === 'landscape' ? 595.28 : 841.89;
  const left = margin.left * MM;
  const width = CONTENT_MM[orientation] * MM;
  const bottom = pageH - margin.bottom * MM;
  const footerH = 1.5 * MM + 8.5 * LINE;

  const text = (s: string, x: number, y: number, face: Face, pt: number, color = 'black') => {
    use(face, pt);
    pdf.fillColor(color).text(s, x, y, { lineBreak: false });
  };
  const centred = (s: string, y: number, face: Face, pt: number) => text(s, left + (width - measure(face, pt)(s)) / 2, y, face, pt);

  const footer = (y: number) => {
    const parts = [`制表人：${p.meta.preparedBy}`, '审核人：＿＿＿＿＿＿', `打印时间：${shanghaiDateTime(p.meta.generatedAt)}`, `审计检查点：#${p.meta.checkpoint.seq} ${p.meta.checkpoint.short}`];
    const ws = parts.map(measure('body', 8.5));
    const gap = (width - ws.reduce((a, b) => a + b, 0)) / (parts.length - 1);
    let x = left;
    parts.forEach((s, i) => {
      text(s, x, y + 1.5 * MM, 'body', 8.5);
      x += ws[i] + gap;
    });
  };

  const rulesFor = (xs: number[], top: number, h: number, withTop: boolean) => {
    if (withTop) pdf.moveTo(left, top).lineTo(left + width, top);
    pdf.moveTo(left, top + h).lineTo(left + width, top + h);
    for (const x of xs) pdf.moveTo(x, top).lineTo(x, top + h);
    pdf.stroke();
  };

  const cellHeight = (c: Cell) => c.lines.reduce((h, l) => h + l.pt * LINE, 0);
  const drawCells = (cells: Cell[], xs: number[], top: number, h: number, color = 'black') => {
    cells.forEach((c, i) => {
      const x0 = xs[i];
      const w = xs[i + 1] - x0;
      let y = top + (h - cellHeight(c)) / 2;
      for (const l of c.lines) {
        if (l.text) {
          const lw = measure(l.face, l.pt)(l.text);
          const x = c.align === 'center' ? x0 + (w - lw) / 2 : c.align === 'right' ? x0 + w - PAD_X - lw : x0 + PAD_X;
          text(l.text, x, y + (l.pt * (LINE - 1)) / 2, l.face, l.pt, color);
        }
        y += l.pt * LINE;
      }
    });
  };

  let rowsDone = 0;
  for (const book of p.books) {
    const cols = printedColumns(p.def);
    const rows: PaperRow[] = cols[0] === SEQ ? book.rows.map((r, i) => ({ ...r, _seq: i + 1 })) : book.rows;
    const value = (v: unknown, c: ColumnDef) => formatCell(v, c.kind);
    const plan: PlannedColumn[] = planColumns(cols, rows, value, CONTENT_MM[orientation]);
    const total = plan.reduce((n, c) => n + c.mm, 0);
    const xs = [left];
    for (const c of plan) xs.push(xs[xs.length - 1] + (c.mm / total) * width);
    const inner = (i: number) => xs[i + 1] - xs[i] - 2 * PAD_X;
    const hasSignature = cols.some((c) => c.signature);
    const dateKey = dateColumnKey(cols);

    const headCells: Cell[] = cols.map((c, i) => ({ align: 'center', lines: wrapText(c.title, inner(i), measure('heading', CELL_PT)).map((t) => ({ text: t, pt: CELL_PT, face: 'heading' as Face })) }));
    const headH = Math.max(...headCells.map(cellHeight)) + 2 * PAD_Y;

    const rowCells = (r: PaperRow): Cell[] =>
      plan.map(({ col: c, mm, atomic }, i) => {
        const align = c.align ?? 'left';
        if (c.signature) return { align, lines: [] };
        const s = value(r[c.key], c);
        let lines: Cell['lines'];
        if (atomic) {
          // One token, one line: set smaller rather than broken if the plan's estimate fell short.
          const w = measure('body', CELL_PT)(s);
          lines = [{ text: s, pt: w > inner(i) ? Math.max(6, (CELL_PT * inner(i)) / w) : CELL_PT, face: 'body' }];
        } else {
          const pt = textPt(s, mm, (run, at) => measure('body', at)(run) <= inner(i));
          lines = wrapText(s, inner(i), measure('body', pt)).map((t) => ({ text: t, pt, face: 'body' as Face }));
        }
        if (c.key === dateKey && typeof r._keyedOn === 'string') lines.push({ text: `${r._keyedOn} 补录`, pt: CELL_PT * 0.85, face: 'body' });
        return { align, lines };
      });

    let y = 0;
    const newPage = () => {
      pdf.addPage();
      current = null;
      pdf.lineWidth(RULE);
      y = margin.top * MM;
      centred(book.title, y, 'heading', 15);
      y += 15 * LINE + 1 * MM;
      if (p.caption) {
        centred(p.caption, y, 'body', CELL_PT);
        y += CELL_PT * LINE;
      }
      y += 1.5 * MM;
      rulesFor(xs.slice(0, -1).concat(left + width), y, headH, true);
      drawCells(headCells, xs, y, headH);
      y += headH;
    };
    newPage();
    if (!rows.length) {
      const h = 20 * MM + CELL_PT * LINE;
      pdf.moveTo(left, y).lineTo(left, y + h).moveTo(left + width, y).lineTo(left + width, y + h).moveTo(left, y + h).lineTo(left + width, y + h).stroke();
      centred('（本期无登记）', y + 10 * MM, 'body', CELL_PT);
      y += h;
    }
    for (const r of rows) {
      const cells = rowCells(r);
      const h = Math.max(hasSignature ? SIGNATURE_ROW : 0, Math.max(...cells.map(cellHeight)) + 2 * PAD_Y);
      if (y + h + footerH > bottom) {
        footer(y);
        newPage();
      }
      rulesFor(xs.slice(0, -1).concat(left + width), y, h, false);
      drawCells(cells, xs, y, h, r._flag ? RED : 'black');
      y += h;
      rowsDone += 1;
      // Let other calls in between pages' worth of rows.
      if (rowsDone % 50 === 0) {
        p.onRows?.(rowsDone);
        await new Promise((res) => setImmediate(res));
      }
    }
    // The sign-off after the last row: who keeps the register and who answers for it.
    const signH = 6 * MM + 10.5 * LINE;
    if (y + signH + footerH > bottom) {
      footer(y);
      newPage();
    }
    let x = left;
    for (const s of [...(p.def.signOff ?? ['保管人', '负责人']).map((who) => `${who}（签字）：＿＿＿＿＿＿`), '日期：＿＿＿＿年＿＿月＿＿日']) {
      text(s, x, y + 6 * MM, 'body', 10.5);
      x += measure('body', 10.5)(s) + 14 * MM;
    }
    y += signH;
    footer(y);
  }
  p.onRows?.(rowsDone);

  // 第 X 页 共 Y 页 in the bottom margin, once the number of pages is known.
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    current = null;
    const s = `第 ${i + 1} 页 共 ${count} 页`;
    text(s, pageW - margin.right * MM - measure('body', 9)(s), pageH - (margin.bottom * MM) / 2 - 4.5, 'body', 9);
  }
  pdf.end();
  await once(out, 'finish');
  return { pages: count };
}

/** Write a register's PDF in the background (rows read in pages, the event loop let in between); the caller polls the job. */
export function startRegisterPdf(state: CoreState, impl: RegisterImpl, f: RegisterFilter, userId: number, meta: PaperMeta, fonts: PaperFonts): ExportJob {
  const name = `${meta.unitName}${impl.def.title}${f.year ? `（${f.year}年）` : ''}-${shanghaiDate(state.clock.now())}.pdf`;
  return startJob(state, userId, name, 'pdf', async (job) => {
    const now = state.clock.now();
    const total = Math.max(1, impl.count(state.db, f, now));
    const rows: PaperRow[] = [];
    for (const page of registerPages(impl, state.db, f, 2000, now)) {
      rows.push(...(page as PaperRow[]));
      job.percent = Math.round((rows.length / total) * 10);
      await new Promise((res) => setImmediate(res));
    }
    await writeRegisterPdf(job.file, {
      def: impl.def,
      books: booksOf(impl.def, rows, meta.unitName, f.year),
      caption: paperCaption(impl.def, f),
      meta,
      fonts,
      onRows: (n) => {
        job.rows = n;
        job.percent = Math.min(99, 10 + Math.round((n / total) * 89));
      },
    });
  });
}
