// Per-tab memory of the host token and the session id. sessionStorage, not localStorage: closing the
// tab ends access, and another tab has to sign in on its own.
const TOKEN_KEY = 'office.hostToken';
const SESSION_KEY = 'office.session';

const safe = <T>(f: () => T, fallback: T): T => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

export const sessionStore = {
  get: (): string | null => safe(() => sessionStorage.getItem(SESSION_KEY), null),
  set: (id: string | null) =>
    safe(() => (id ? sessionStorage.setItem(SESSION_KEY, id) : sessionStorage.removeItem(SESSION_KEY)), undefined),
};

/**
 * The browser host puts its token in the URL fragment (`#/?token=…`) so it never reaches a server log.
 * Take it once, keep it for this tab, and take it out of the address bar so it is not shared by
 * copying the URL or left in the history.
 */
export function takeHostToken(): string | null {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  if (q >= 0) {
    const params = new URLSearchParams(hash.slice(q + 1));
    const token = params.get('token');
    if (token) {
      safe(() => sessionStorage.setItem(TOKEN_KEY, token), undefined);
      params.delete('token');
      const rest = params.toString();
      const clean = hash.slice(0, q) + (rest ? `?${rest}` : '');
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${clean || '#/'}`);
    }
  }
  return safe(() => sessionStorage.getItem(TOKEN_KEY), null);
}

/**
 * The desktop prints in a hidden window of its own, which has no sessionStorage of the window that
 * asked: the print route carries `session=` once, and it is taken out of the address at start.
 */
export function takeSessionHandoff(): void {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  if (q < 0) return;
  const params = new URLSearchParams(hash.slice(q + 1));
  const session = params.get('session');
  if (!session) return;
  sessionStore.set(session);
  params.delete('session');
  const rest = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash.slice(0, q)}${rest ? `?${rest}` : ''}`);
}
