// The typed client: api.call('accounts.signIn', {...}) → the method's output, or a thrown ApiError.
import { methods, type Input, type MethodName, type Output } from '../../db/contract';
import { ApiError, toApiError } from './errors';
import { sessionStore, takeHostToken, takeSessionHandoff } from './storage';
import { httpTransport, ipcTransport, type Transport } from './transport';

type Listener = (e: ApiError, method: string) => void;

function chooseTransport(): Transport {
  if (typeof window !== 'undefined' && window.office && typeof window.office.call === 'function') return ipcTransport(window.office);
  return httpTransport(takeHostToken());
}

/** Calls that report a session problem to the shell, which then shows the unlock dialog or sign-in. */
const sessionListeners = new Set<Listener>();
/** Called after every successful call: the core counts that as activity, so the shell need not ping it. */
const activityListeners = new Set<() => void>();

let transport: Transport | null = null;

export const api = {
  /** Choose the transport now; in a browser this takes the host token out of the address bar before the router reads it. */
  init() {
    takeSessionHandoff();
    transport ??= chooseTransport();
    return transport.kind;
  },

  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    transport ??= chooseTransport();
    const session = sessionStore.get();
    let envelope;
    try {
      envelope = await transport.send(method, input, session);
    } catch (e) {
      throw toApiError(e);
    }
    if (envelope.ok) {
      for (const l of activityListeners) l();
      return envelope.data as Output<M>;
    }
    const err = new ApiError(envelope.error);
    // Only a call that needs a session can tell us that session is locked or gone. A wrong password
    // at sign-in (public) or at unlock is also `unauthenticated` and must stay on its form.
    const needsSession = methods[method].access !== 'public' && method !== 'accounts.unlock';
    if (session && needsSession && (err.code === 'session_locked' || err.code === 'unauthenticated')) {
      for (const l of sessionListeners) l(err, method);
    }
    throw err;
  },

  setSession(id: string | null) {
    sessionStore.set(id);
  },
  get session() {
    return sessionStore.get();
  },

  onSessionProblem(l: Listener) {
    sessionListeners.add(l);
    return () => void sessionListeners.delete(l);
  },
  onSuccess(l: () => void) {
    activityListeners.add(l);
    return () => void activityListeners.delete(l);
  },
};
