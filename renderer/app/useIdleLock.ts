// Idle lock from real user activity (mouse, keyboard, touch, wheel), never from background polling.
// The core also locks a session whose last call is older than idleMinutes, so while the person is
// active but the page makes no calls, one light call per minute tells the core they are still here.
import { useEffect, useRef } from 'react';
import { api } from '../api';

const EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'pointerdown'] as const;
const KEEPALIVE_MS = 60_000;

export function useIdleLock(idleMinutes: number, active: boolean, onIdle: () => void) {
  const lastActivity = useRef(Date.now());
  const lastCall = useRef(Date.now());
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => api.onSuccess(() => (lastCall.current = Date.now())), []);

  useEffect(() => {
    if (!active) return;
    const idleMs = Math.max(1, idleMinutes) * 60_000;
    lastActivity.current = Date.now();
    let timer: ReturnType<typeof setTimeout>;

    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(tick, Math.max(1000, ms));
    };
    const tick = () => {
      const idleFor = Date.now() - lastActivity.current;
      if (idleFor >= idleMs) onIdleRef.current();
      else schedule(idleMs - idleFor);
    };
    const seen = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastCall.current > KEEPALIVE_MS) {
        lastCall.current = now;
        // Errors here (locked, signed out) reach the shell through the client's session listeners.
        api.call('accounts.me', {}).catch(() => undefined);
      }
    };

    for (const e of EVENTS) window.addEventListener(e, seen, { passive: true, capture: true });
    schedule(idleMs);
    return () => {
      clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, seen, { capture: true });
    };
  }, [idleMinutes, active]);
}
