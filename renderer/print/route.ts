// Print routes and how to open them: the desktop prints a route in a hidden window; a browser opens
// it in a new tab and uses its own print dialog. Filters travel in the query string.
import type { RegisterFilter } from '../../db/contract/output';
import { api } from '../api';

export type PrintFormat = 'print' | 'pdf';

export function encodeFilter(f: RegisterFilter): string {
  return encodeURIComponent(JSON.stringify(f));
}

export function decodeFilter(search: URLSearchParams): RegisterFilter {
  try {
    const raw = search.get('f');
    return raw ? (JSON.parse(raw) as RegisterFilter) : {};
  } catch {
    return {};
  }
}

export const registerPrintRoute = (register: string, f: RegisterFilter = {}) => `/print/register/${encodeURIComponent(register)}?f=${encodeFilter(f)}`;
export const archivePrintRoute = (register: string, year: number) => `/print/archive/${encodeURIComponent(register)}?f=${encodeFilter({ year })}`;

/** Open a print route: the desktop's own print pipeline where it exists, else a new browser tab. */
export async function openPrint(route: string, opts: { landscape?: boolean; suggestedName?: string; mode?: 'preview' | PrintFormat } = {}) {
  const office = (window as { office?: { print?: (r: { route: string; mode: 'preview' | 'print' | 'pdf'; landscape?: boolean; suggestedName?: string }) => Promise<unknown> } }).office;
  if (office?.print) {
    const mode = opts.mode ?? 'preview';
    const params = new URLSearchParams({ session: api.session ?? '' });
    if (mode !== 'preview') params.set('record', mode);
    const sep = route.includes('?') ? '&' : '?';
    return office.print({ route: `${route}${sep}${params.toString()}`, mode, landscape: opts.landscape, suggestedName: opts.suggestedName });
  }
  window.open(`${window.location.pathname}#${route}`, '_blank', 'noopener=no');
  return undefined;
}
