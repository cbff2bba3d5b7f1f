// All rows of a register for a filter, fetched in pages (a year of a busy register is thousands).
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { RegisterFilter } from '../../db/contract/output';
import type { PrintMeta, PrintRow } from './RegisterTable';

const PAGE = 2000;

export function useRegisterRows(register: string, filter: RegisterFilter) {
  const [state, setState] = useState<{ for: string; rows: PrintRow[]; meta: PrintMeta | null; error: string | null; done: boolean }>({ for: '', rows: [], meta: null, error: null, done: false });
  const key = JSON.stringify([register, filter]);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const rows: PrintRow[] = [];
      let meta: PrintMeta | null = null;
      for (let offset = 0; ; offset += PAGE) {
        const r = await api.call('output.rows', { register, filter, offset, limit: PAGE });
        meta ??= { unitName: r.unitName, preparedBy: r.preparedBy, generatedAt: r.generatedAt, checkpoint: r.checkpoint };
        rows.push(...(r.rows as PrintRow[]));
        if (cancelled) return;
        if (rows.length >= r.total || r.rows.length < PAGE) break;
      }
      // The bench reads where print time goes: data fetched here, page ready in usePrintReady.
      performance.mark('print:data');
      if (!cancelled) setState({ for: key, rows, meta, error: null, done: true });
    })().catch((e: Error) => !cancelled && setState({ for: key, rows: [], meta: null, error: e.message, done: true }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [register, key]);
  // Rows fetched for another register or filter (the tab moved on) are never shown as this one's.
  return state.for === key ? state : { for: key, rows: [], meta: null, error: null, done: false };
}
