// Who is at the keyboard: first run, signed out, signed in (maybe locked). The core owns the
// session; this only remembers its id (sessionStorage) and reacts to what the core says about it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Output, Role } from '../../db/contract';
import { api, isApiError, toApiError, type ApiError } from '../api';
import { applyLanguage } from '../i18n';

export type Me = Output<'accounts.me'>;
export type PublicInfo = Output<'settings.publicInfo'>;

export type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; error: ApiError }
  | { kind: 'setup' }
  /** No data, but the folder has a history (the file deleted or replaced): never a first-run screen. */
  | { kind: 'noData'; reason: string }
  | { kind: 'signedOut'; notice?: 'sessionEnded' }
  | { kind: 'signedIn'; me: Me; locked: boolean }
  /** Reloaded while the session was locked: the core will not say who it is until it is unlocked. */
  | { kind: 'lockedUnknown' };

interface SessionApi {
  phase: Phase;
  info: PublicInfo | null;
  start: () => void;
  refreshInfo: () => Promise<void>;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  lock: () => Promise<void>;
  refreshMe: () => Promise<void>;
}

const Ctx = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const c = useContext(Ctx);
  if (!c) throw new Error('useSession outside SessionProvider');
  return c;
}

/** The signed-in person (only inside the shell). */
export function useMe(): Me {
  const { phase } = useSession();
  if (phase.kind !== 'signedIn') throw new Error('useMe outside a signed-in shell');
  return phase.me;
}

export const hasRole = (me: Me, roles: readonly Role[] | 'any') => roles === 'any' || roles.some((r) => me.user.roles.includes(r));

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [info, setInfo] = useState<PublicInfo | null>(null);

  const refreshInfo = useCallback(async () => {
    const i = await api.call('settings.publicInfo', {});
    setInfo(i);
    applyLanguage(i.language);
  }, []);

  const start = useCallback(() => {
    setPhase({ kind: 'loading' });
    void (async () => {
      try {
        const i = await api.call('settings.publicInfo', {});
        setInfo(i);
        applyLanguage(i.language);
        if (!i.initialized) return setPhase(i.readOnly ? { kind: 'noData', reason: i.readOnlyReason ?? '' } : { kind: 'setup' });
        if (!api.session) return setPhase({ kind: 'signedOut' });
        try {
          const me = await api.call('accounts.me', {});
          setPhase({ kind: 'signedIn', me, locked: false });
        } catch (e) {
          if (isApiError(e) && e.code === 'session_locked') return setPhase({ kind: 'lockedUnknown' });
          api.setSession(null);
          setPhase({ kind: 'signedOut' });
        }
      } catch (e) {
        setPhase({ kind: 'unreachable', error: toApiError(e) });
      }
    })();
  }, []);

  useEffect(start, [start]);

  useEffect(
    () =>
      api.onSessionProblem((e) => {
        if (e.code === 'session_locked') {
          setPhase((p) => (p.kind === 'signedIn' ? { ...p, locked: true } : p.kind === 'lockedUnknown' ? p : { kind: 'lockedUnknown' }));
        } else {
          api.setSession(null);
          qc.clear();
          setPhase({ kind: 'signedOut', notice: 'sessionEnded' });
        }
      }),
    [qc],
  );

  const signedIn = useCallback((me: Me) => {
    api.setSession(me.sessionId);
    setPhase({ kind: 'signedIn', me, locked: false });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.call('accounts.signOut', {});
    } catch {
      /* the session may already be gone; signing out locally is what matters */
    }
    api.setSession(null);
    qc.clear();
    setPhase({ kind: 'signedOut' });
  }, [qc]);

  const lock = useCallback(async () => {
    try {
      await api.call('accounts.lock', {});
    } catch (e) {
      // Already locked by the core (idle on its side) is the same outcome; anything else is not.
      if (!(isApiError(e) && e.code === 'session_locked')) throw e;
    }
    setPhase((p) => (p.kind === 'signedIn' ? { ...p, locked: true } : p));
  }, []);

  const refreshMe = useCallback(async () => {
    const me = await api.call('accounts.me', {});
    setPhase((p) => (p.kind === 'signedIn' ? { ...p, me } : { kind: 'signedIn', me, locked: false }));
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ phase, info, start, refreshInfo, signedIn, signOut, lock, refreshMe }),
    [phase, info, start, refreshInfo, signedIn, signOut, lock, refreshMe],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
