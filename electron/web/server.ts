// The loopback browser host: serves the built renderer and moves {method, input} to the core.
// Loopback only, a per-launch token on every API call (a header, never a cookie), Host and Origin
// checked against DNS rebinding and cross-site requests, no CORS, no state change on GET.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { type Core, APP_NAME } from '../../db';
import { methods } from '../../db/contract';
import { SECURITY_HEADERS } from '../shared/csp';

export interface WebHostOptions {
  core: Core;
  appVersion: string;
  /** Folder with the built renderer (index.html + assets). */
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); normally a fresh 256-bit random one per launch. */
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  /** The URL with the token in its fragment: opens the app directly, the token never reaches a server log. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json',
};

/** Map a URL path to a file inside `root`, refusing traversal, encoded dots, backslashes and NULs. */
export function staticPath(root: string, urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (p.includes('\0') || p.includes('\\') || p.split('/').includes('..')) return null;
  const full = normalize(join(root, p));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) || full === normalize(root) ? full : null;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    // Past the limit, keep draining without storing: destroying the socket here would
    // lose the 413 (the client sees "socket hang up" instead).
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > limit) reject(Object.assign(new Error('too large'), { status: 413 }));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const maxBody = opts.maxBodyBytes ?? 40 * 1024 * 1024;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      // DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host.
      if (!allowedHosts().has(String(req.headers.host ?? ''))) return send(res, 421, { ok: false, error: { code: 'forbidden', message: '拒绝：主机名不是本机回环地址' } });
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, { ok: false, error: { code: 'forbidden', message: '拒绝：跨站请求' } });
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname === '/api/health') {
        if (req.method !== 'GET') return send(res, 405, { ok: false }, { Allow: 'GET' });
        const info = (await opts.core.call(null, 'settings.publicInfo', {})) as { ok: boolean };
        return send(res, 200, { ok: info.ok, app: APP_NAME, version: opts.appVersion, schemaVersion: opts.core.state.schemaVersion });
      }
      if (url.pathname.startsWith('/api/')) {
        const auth = String(req.headers.authorization ?? '');
        if (!auth.startsWith('Bearer ') || !safeEqual(auth.slice(7), token)) {
          return send(res, 401, { ok: false, error: { code: 'unauthenticated', message: '缺少或错误的访问令牌' } });
        }
        if (url.pathname === '/api/methods') {
          if (req.method !== 'GET') return send(res, 405, { ok: false }, { Allow: 'GET' });
          return send(res, 200, Object.entries(methods).map(([name, m]) => ({ name, title: m.title, kind: m.kind, roles: m.access })));
        }
        if (url.pathname === '/api/call') {
          if (req.method !== 'POST') return send(res, 405, { ok: false }, { Allow: 'POST' });
          if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
            return send(res, 415, { ok: false, error: { code: 'invalid_input', message: '请求必须是 JSON' } });
          }
          if (Number(req.headers['content-length'] ?? 0) > maxBody) {
            return send(res, 413, { ok: false, error: { code: 'invalid_input', message: '请求内容过大' } }, { Connection: 'close' });
          }
          let body: { method?: unknown; input?: unknown };
          try {
            body = JSON.parse(await readBody(req, maxBody));
          } catch (e) {
            const status = (e as { status?: number }).status ?? 400;
            return send(res, status, { ok: false, error: { code: 'invalid_input', message: status === 413 ? '请求内容过大' : '请求不是有效的 JSON' } });
          }
          // The method name must be a string as sent: String(['seals.list']) would otherwise run seals.list.
          if (typeof body?.method !== 'string') return send(res, 200, { ok: false, error: { code: 'unknown_method', message: '未知的操作' } });
          const session = req.headers['x-session'];
          const result = await opts.core.call(typeof session === 'string' && session ? session : null, body.method, body?.input);
          return send(res, 200, result);
        }
        return send(res, 404, { ok: false, error: { code: 'unknown_method', message: '未知的接口' } });
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false }, { Allow: 'GET' });
      let file = staticPath(opts.rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
      if (!file) return send(res, 400, { ok: false });
      if (!existsSync(file) || !statSync(file).isFile()) {
        // Client-side routes fall back to the shell; missing assets stay 404.
        if (extname(url.pathname)) return send(res, 404, { ok: false });
        file = join(opts.rendererDir, 'index.html');
        if (!existsSync(file)) {
          res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
          return res.end('界面尚未构建：请先运行 npm run build');
        }
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const immutable = file.includes(`${sep}assets${sep}`);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      console.error('[web-host] request failed', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: '抱歉，服务出错，请重试。' } });
      else res.end();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}

export const readPackageVersion = (root: string) => (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
