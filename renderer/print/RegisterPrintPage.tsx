// `#/print/register/<key>?f=<filter>` — any declared register as its paper 登记簿, and
// `#/print/archive/<key>?f={"year":2025}` — the year-end archive: a cover page, then the year's register.
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { REGISTER_DEFS, type RegisterDef } from '../../db/contract/registers';
import { filterCaption, type RegisterFilter } from '../../db/contract/output';
import { decodeFilter } from './route';
import { PrintToolbar, recordPrint } from './PrintToolbar';
import { RegisterTable, type PrintRow } from './RegisterTable';
import { useRegisterRows } from './useRegisterRows';
import { usePrintReady } from './usePrintReady';

/** The period a printed register covers, as a date range: 登记期间：2026-01-01 至 2026-12-31. */
function periodOf(f: RegisterFilter): string {
  const from = f.from ?? (f.year ? `${f.year}-01-01` : null);
  const to = f.to ?? (f.year ? `${f.year}-12-31` : null);
  if (!from && !to) return '登记期间：全部';
  return `登记期间：${from ?? '最早'} 至 ${to ?? '最近'}`;
}

/** The books a register's rows belong in (one, unless the register keeps several), each with its title. */
function booksOf(def: RegisterDef, rows: PrintRow[], unitName: string, title: string): { title: string; rows: PrintRow[] }[] {
  const book = def.book;
  if (!book || !rows.length) return [{ title, rows }];
  const books = new Map<string, { title: string; rows: PrintRow[] }>();
  for (const r of rows) {
    const k = String(r[book.key]);
    let b = books.get(k);
    if (!b) books.set(k, (b = { title: book.title(r, unitName), rows: [] }));
    b.rows.push(r);
  }
  return [...books.values()];
}

export function RegisterPrintPage({ archive = false }: { archive?: boolean }) {
  const { key = '' } = useParams();
  const [search] = useSearchParams();
  const filter = decodeFilter(search);
  const def = Object.prototype.hasOwnProperty.call(REGISTER_DEFS, key) ? REGISTER_DEFS[key] : undefined;
  const { rows, meta, error, done } = useRegisterRows(key, filter);
  const record = search.get('record');
  const [recorded, setRecorded] = useState(!record);
  const once = useRef(false);
  const layout = archive ? 'archive' : 'register';
  useEffect(() => {
    if (!done || !record || once.current || !def) return;
    once.current = true;
    void recordPrint({ register: key, layout, filter }, record === 'pdf' ? 'pdf' : 'print').finally(() => setRecorded(true));
  }, [done, record, key, layout, filter, def]);
  usePrintReady(done && recorded && !!meta);

  if (!def) return <Alert type="error" title={`没有名为“${key}”的登记簿`} />;
  if (error) return <Alert type="error" title={error} />;
  if (!meta) return null;
  const year = filter.year;
  const title = `${meta.unitName}${def.title}`;
  // The period says the dates; the caption adds what else narrows the rows (state, keyword).
  const caption = filterCaption({ ...filter, from: undefined, to: undefined }, def.states, false);
  const landscape = def.orientation === 'landscape';
  return (
    <>
      <PrintToolbar title={`${title}${year ? `（${year}年）` : ''}`} audit={{ register: key, layout, filter }} />
      {archive ? (
        <div className="paper paper-cover">
          <div className="cover-unit">{meta.unitName}</div>
          <div className="cover-title">{def.title}</div>
          <table>
            <tbody>
              <tr>
                <td>年　　度：</td>
                <td>{year ? `${year}年` : '全部'}</td>
              </tr>
              <tr>
                <td>保管期限：</td>
                <td>{def.retention}</td>
              </tr>
              <tr>
                <td>登记条数：</td>
                <td>{rows.length} 条</td>
              </tr>
              <tr>
                <td>归档日期：</td>
                <td>{meta.generatedAt.slice(0, 10)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      {booksOf(def, rows, meta.unitName, title).map((b) => (
        <div key={b.title} className={`paper paper-page paper-book${landscape ? ' paper-landscape' : ''}`}>
          <RegisterTable def={def} rows={b.rows} meta={meta} title={`${b.title}${year ? `（${year}年）` : ''}`} period={[periodOf(filter), caption].filter(Boolean).join('　')} />
        </div>
      ))}
    </>
  );
}
