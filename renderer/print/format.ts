// Cell text for paper: dates and times in Asia/Shanghai, money in 元 with two decimals.
import { formatYuan } from '../../db/contract/money';
import type { ColumnKind } from '../../db/contract/registers';

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
    case 'date':
      return String(v).slice(0, 10);
    default:
      return String(v);
  }
}
