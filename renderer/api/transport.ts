// The two ways a call reaches the core. The client above does not know which one it uses.
import type { Envelope } from '../../db/contract';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  send(method: string, input: unknown, session: string | null): Promise<Envelope>;
}

/**
 * The shape of `window.office` exposed by the desktop preload (electron/desktop/bridge.ts
 * OfficeBridge). Repeated here structurally because the renderer may import only db/contract.
 */
export interface OfficeBridgeLike {
  platform: 'desktop';
  call(req: { method: string; input: unknown; session: string | null }): Promise<Envelope>;
}

declare global {
  interface Window {
    office?: OfficeBridgeLike;
  }
}

export const ipcTransport = (bridge: OfficeBridgeLike): Transport => ({
  kind: 'ipc',
  send: (method, input, session) => bridge.call({ method, input, session }),
});

export const httpTransport = (token: string | null): Transport => ({
  kind: 'http',
  async send(method, input, session) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (session) headers['X-Session'] = session;
    const res = await fetch('./api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }), cache: 'no-store' });
    const body = (await res.json().catch(() => null)) as Envelope | null;
    if (body && typeof body === 'object' && 'ok' in body) return body;
    return { ok: false, error: { code: 'internal', message: `本机服务返回了无法识别的应答（HTTP ${res.status}）。` } };
  },
});
