// Query-string state of a list page: filters survive a reload and can be linked from the home tile.
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';

/** Returns `set(changes, keepPage?)`: empty values remove their key, and any change but paging goes back to page 1. */
export function useListParams(params: URLSearchParams, setParams: (p: URLSearchParams, o?: { replace?: boolean }) => void) {
  return (changes: Record<string, string | number | boolean | null | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };
}

/** A whole number from the query string, or undefined. */
export const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** What useListParams returns. */
export type ListParamsSetter = ReturnType<typeof useListParams>;

/**
 * The filters every register list has, from the query string: the year (this year unless
 * `year=all`), state, free text and page, with `set` to change them and `params` for the rest.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const thisYear = dayjs().year();
  return {
    params,
    set,
    thisYear,
    year: params.get('year') === 'all' ? undefined : (num(params.get('year')) ?? thisYear),
    state: params.get('state') ?? undefined,
    q: params.get('q') ?? undefined,
    page: num(params.get('page')) ?? 1,
  };
}
