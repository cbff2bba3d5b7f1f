// Measured pagination for paper records. CSS cannot put "本记录共 X 页" in the body of the last page,
// restart the page count for each record of a bound book, or print page numbers in a table of
// contents (Chromium has no target-counter), so the record is laid out into A4 sheets here: every
// block is measured at the sheet's width, long paragraphs are split by characters, and each sheet
// is an exact 210×297 mm box that prints as one page (named @page with zero margin).
import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface RenderCtx {
  /** Pages of this record (a placeholder while measuring; heights never depend on it). */
  pageCount: number;
  /** First page of each document in the volume (for a table of contents). */
  startPages: number[];
  totalPages: number;
}

export type Block =
  /** keepWithPrevious: never alone at the top of a sheet (the closing signatures take the last lines with them). */
  | { key: string; kind: 'node'; render: (c: RenderCtx) => ReactNode; keepWithNext?: boolean; keepWithPrevious?: boolean }
  /** A paragraph that may be split across pages; `prefix` (e.g. the speaker's name) prints only on the first part. */
  | { key: string; kind: 'text'; text: string; prefix?: string; className?: string; keepWithNext?: boolean };

export interface PagedDoc {
  key: string;
  blocks: Block[];
  /** Running header and footer of each sheet of this document. */
  head?: (page: number, pages: number, c: RenderCtx) => ReactNode;
  foot?: (page: number, pages: number, volumePage: number, c: RenderCtx) => ReactNode;
  /** A sheet laid out by itself (a cover): one page, no header/footer, never split. */
  single?: boolean;
}

type Piece = { block: Block; text?: string; first: boolean; h: number };
type Layout = { docs: { pages: Piece[][] }[] };

const MEASURING: RenderCtx = { pageCount: 88, startPages: [], totalPages: 888 };
/** What a sheet's body may hold, less a little for rounding between screen and print. */
const SLACK_PX = 6;

function TextBlock({ b, text, first }: { b: Extract<Block, { kind: 'text' }>; text: string; first: boolean }) {
  return (
    <p className={`mp-text ${b.className ?? ''} ${first ? '' : 'mp-cont'}`.trim()}>
      {first && b.prefix ? <strong>{b.prefix}</strong> : null}
      {text}
    </p>
  );
}

function renderPiece(p: Piece, c: RenderCtx) {
  return p.block.kind === 'node' ? p.block.render(c) : <TextBlock b={p.block} text={p.text ?? p.block.text} first={p.first} />;
}

/** Lay out the documents, then render every sheet; `onReady` once the final sheets are in the page. */
export function Paged({ docs, onReady }: { docs: PagedDoc[]; onReady?: (totalPages: number) => void }) {
  const measure = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLDivElement>(null);
  const [made, setLayout] = useState<(Layout & { sig: string }) | null>(null);
  const sig = docs.map((d) => `${d.key}:${d.blocks.length}`).join('|');
  // A layout belongs to the documents it was measured for: moving from one book to another in the
  // same tab renders the new documents once before the effect below measures them again.
  const layout = made && made.sig === sig ? made : null;

  useLayoutEffect(() => {
    let cancelled = false;
    setLayout(null);
    void document.fonts.ready.then(() => {
      if (cancelled || !measure.current || !probe.current) return;
      setLayout({ ...paginate(docs, measure.current, probe.current.getBoundingClientRect().height - SLACK_PX), sig });
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sig]);

  const counts = layout?.docs.map((d) => d.pages.length) ?? [];
  const startPages: number[] = [];
  let total = 0;
  for (const n of counts) {
    startPages.push(total + 1);
    total += n;
  }
  useLayoutEffect(() => {
    if (layout) onReady?.(total);
  }, [layout, total, onReady]);

  if (!layout) {
    return (
      <div className="mp-measure-root" aria-hidden>
        <div className="mp-page mp-probe-page">
          <div className="mp-head" />
          <div className="mp-body" ref={probe} />
        </div>
        <div className="mp-measure" ref={measure}>
          {docs.map((d) => (
            <div key={d.key} data-doc={d.key}>
              {d.blocks.map((b) => (
                <div key={b.key} className="mp-block" data-block={b.key}>
                  {b.kind === 'node' ? b.render(MEASURING) : <TextBlock b={b} text={b.text} first />}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
    );
  }

  let volumePage = 0;
  return (
    <div className="mp-pages">
      {docs.map((d, di) => {
        const pages = layout.docs[di].pages;
        const c: RenderCtx = { pageCount: pages.length, startPages, totalPages: total };
        return (
          <Fragment key={d.key}>
            {pages.map((pieces, pi) => {
              volumePage += 1;
              return (
                <section key={pi} className={`mp-page${d.single ? ' mp-single' : ''}`} data-doc={d.key} data-page={pi + 1}>
                  {d.single ? null : <div className="mp-head">{d.head?.(pi + 1, pages.length, c)}</div>}
                  <div className="mp-body">
                    {pieces.map((p, k) => (
                      <div key={`${p.block.key}-${k}`} className="mp-block">
                        {renderPiece(p, c)}
                      </div>
                    ))}
                  </div>
                  {d.single ? null : <div className="mp-foot">{d.foot?.(pi + 1, pages.length, volumePage, c)}</div>}
                </section>
              );
            })}
          </Fragment>
        );
      })}
    </div>
  );
}

/** Assign blocks to sheets. Runs against the hidden measuring copy; returns the pieces of each sheet. */
function paginate(docs: PagedDoc[], root: HTMLElement, bodyHeight: number): Layout {
  const height = (el: Element) => (el as HTMLElement).getBoundingClientRect().height;
  return {
    docs: docs.map((d) => {
      const container = root.querySelector(`[data-doc="${CSS.escape(d.key)}"]`)!;
      const els = Array.from(container.children) as HTMLElement[];
      if (d.single) return { pages: [d.blocks.map((b) => ({ block: b, first: true, h: 0 }))] };
      const pages: Piece[][] = [[]];
      let remaining = bodyHeight;
      const newPage = () => {
        pages.push([]);
        remaining = bodyHeight;
      };
      const current = () => pages[pages.length - 1];
      d.blocks.forEach((b, i) => {
        let el = els[i];
        let h = height(el);
        const nextH = b.keepWithNext && els[i + 1] ? Math.min(height(els[i + 1]), lineHeight(els[i + 1])) : 0;
        if (h + nextH <= remaining) {
          current().push({ block: b, first: true, h });
          remaining -= h;
          return;
        }
        if (b.kind === 'node' || b.keepWithNext) {
          const carried: Piece[] = [];
          if (b.kind === 'node' && b.keepWithPrevious && current().length > 1) carried.push(current().pop()!);
          if (current().length) newPage();
          for (const c of carried) {
            current().push(c);
            remaining -= c.h;
          }
          current().push({ block: b, first: true, h });
          remaining -= h;
          return;
        }
        // A paragraph: fill what is left of this sheet, continue on the next ones. Measured on a
        // detached copy so React's own nodes are never touched.
        let text = b.text;
        let first = true;
        const copy = el.cloneNode(true) as HTMLElement;
        container.appendChild(copy);
        el = copy;
        const p = copy.firstElementChild as HTMLElement;
        while (text.length) {
          h = measureText(el, p, b, text, first);
          if (h <= remaining) {
            current().push({ block: b, text, first, h });
            remaining -= h;
            break;
          }
          const n = fitChars(el, p, b, text, first, remaining);
          if (n === 0) {
            if (!current().length) {
              // Not even one line fits an empty sheet (cannot happen with A4 text); place it anyway.
              current().push({ block: b, text, first, h });
              break;
            }
            newPage();
            continue;
          }
          current().push({ block: b, text: text.slice(0, n), first, h: measureText(el, p, b, text.slice(0, n), first) });
          text = text.slice(n);
          first = false;
          newPage();
        }
        copy.remove();
      });
      if (!current().length && pages.length > 1) pages.pop();
      return { pages };
    }),
  };
}

function lineHeight(el: HTMLElement) {
  const p = (el.firstElementChild as HTMLElement | null) ?? el;
  const lh = parseFloat(getComputedStyle(p).lineHeight);
  return Number.isFinite(lh) ? lh + 2 : 24;
}

/** Height of the wrapper when its paragraph holds `text` (with the prefix on the first part only). */
function measureText(wrapper: HTMLElement, p: HTMLElement, b: Extract<Block, { kind: 'text' }>, text: string, first: boolean) {
  p.replaceChildren();
  p.classList.toggle('mp-cont', !first);
  if (first && b.prefix) {
    const s = document.createElement('strong');
    s.textContent = b.prefix;
    p.appendChild(s);
  }
  p.appendChild(document.createTextNode(text));
  return wrapper.getBoundingClientRect().height;
}

/** The most characters of `text` that fit in `room` (never splitting a surrogate pair). */
function fitChars(wrapper: HTMLElement, p: HTMLElement, b: Extract<Block, { kind: 'text' }>, text: string, first: boolean, room: number) {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measureText(wrapper, p, b, text.slice(0, mid), first) <= room) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0 && lo < text.length && /[\uD800-\uDBFF]/.test(text[lo - 1])) lo -= 1;
  return lo;
}
