// `#/print/register/<key>?f=<filter>` — any declared register as its paper 登记簿, and
// `#/print/archive/<key>?f={"year":2025}` — the year-end archive: a cover page, then the year's register.
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { REGISTER_DEFS } from '../../db/contract/registers';
import { booksOf, paperCaption } from '../../db/contract/paper';
import { decodeFilter } from './route';
import { PrintToolbar, recordPrint } from './PrintToolbar';
import { RegisterTable } from './RegisterTable';
import { useRegisterRows } from './useRegisterRows';
import { usePrintReady } from './usePrintReady';

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
  const landscape = def.orientation === 'landscape';
  return (
    <>
      <PrintToolbar title={`${title}${year ? `（${year}年）` : ''}`} audit={{ register: key, layout, filter }} pdf={archive ? undefined : { register: key, filter }} />
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
      {booksOf(def, rows, meta.unitName, year).map((b) => (
        <div key={b.title} className={`paper paper-page paper-book${landscape ? ' paper-landscape' : ''}`}>
          <RegisterTable def={def} rows={b.rows} meta={meta} title={b.title} period={paperCaption(def, filter)} />
        </div>
      ))}
    </>
  );
}
