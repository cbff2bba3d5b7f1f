// Serves the renderer build over app://office. PURE of electron: it maps a Request to a Response
// (globals in Node 20 and Electron), so tests run it under plain Node; main.ts hands it to
// protocol.handle('app', …).
import { readFile as fsReadFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../shared/csp';
import { mimeType, resolveAppPath } from './urls';

export type ReadFile = (file: string) => Promise<Uint8Array>;

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export function createAppRequestHandler(
  root: string,
  readFile: ReadFile = fsReadFile,
): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    // The renderer only ever reads its own files; nothing may be posted to this scheme.
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = resolveAppPath(root, request.url);
    if (file === null) return plain(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not Found');
    }
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': mimeType(file),
      // Local files gain nothing from caching, and a stale page after an update would confuse.
      'Cache-Control': 'no-cache',
    };
    // A Uint8Array copy keeps Response from holding onto a pooled Buffer's whole backing store.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
