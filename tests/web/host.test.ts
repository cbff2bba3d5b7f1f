// The loopback browser host over real HTTP (SECURITY.md "The loopback browser host",
// DESIGN.md "Names and contracts"): token, Host/Origin checks, no CORS, no state change on GET,
// body limits, CSP on every response, static serving without traversal, loopback-only binding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Core } from '../../db/core/core';
import { startWebHost, staticPath, type WebHost, type WebHostOptions } from '../../electron/web/server';
import { cleanup, makeCore, STRONG, tempDir } from '../helpers';

interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

/** Every response seen in this file, so the last test can check CORS/CSP across all of them. */
const seen: { what: string; headers: IncomingHttpHeaders }[] = [];

/**
 * Raw HTTP through node:http (fetch forbids setting Host and normalises paths).
 * `headers.host` overrides the Host header; `setHost: false` sends none.
 */
function http(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; setHost?: boolean; record?: boolean } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers ?? {}, setHost: opts.setHost ?? true, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          if (opts.record !== false) seen.push({ what: `${opts.method ?? 'GET'} ${opts.path ?? '/'} → ${res.statusCode}`, headers: res.headers });
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

interface Fixture {
  dir: string;
  core: Core;
  host: WebHost;
  /** How many times the host called into the core. */
  calls: () => number;
  /** POST /api/call with the right token (and a session when given). */
  call: (method: string, input: unknown, session?: string, extra?: Record<string, string>) => Promise<Res>;
}

const fixtures: Fixture[] = [];

/** A real core on a temp folder, wrapped to count calls, behind a real host. */
async function start(extra: Partial<WebHostOptions> = {}): Promise<Fixture> {
  const dir = tempDir('office-web-');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>办公室台账</title><div id="root">INDEX-SHELL</div>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("APP-JS");');
  // A file just outside the served folder: what traversal attempts would like to read.
  writeFileSync(join(dir, 'package.json'), '{"secret":"OUTSIDE-THE-RENDERER"}');
  mkdirSync(join(dir, 'renderer-secret'), { recursive: true });
  writeFileSync(join(dir, 'renderer-secret', 'package.json'), '{"secret":"SIBLING-FOLDER"}');
  const real = makeCore(join(dir, 'data'));
  let n = 0;
  const core: Core = {
    call: (s, m, i) => {
      n++;
      return real.call(s, m, i);
    },
    close: () => real.close(),
    dataDir: real.dataDir,
    state: real.state,
  };
  const host = await startWebHost({ core, appVersion: '9.8.7-test', rendererDir, ...extra });
  const f: Fixture = {
    dir,
    core: real,
    host,
    calls: () => n,
    call: (method, input, session, more = {}) =>
      http(host.port, {
        method: 'POST',
        path: '/api/call',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${host.token}`,
          ...(session ? { 'x-session': session } : {}),
          ...more,
        },
        body: JSON.stringify({ method, input }),
      }),
  };
  fixtures.push(f);
  return f;
}

afterAll(async () => {
  for (const f of fixtures) {
    await f.host.close();
    f.core.close();
    cleanup(f.dir);
  }
});

const SETUP = { unitName: '××区司法局', login: 'admin', password: STRONG, name: '周建国', roles: ['admin'] };

async function initialized(f: Fixture): Promise<boolean> {
  const r = await f.call('settings.publicInfo', {});
  expect(r.status).toBe(200);
  expect(r.json.ok).toBe(true);
  return r.json.data.initialized;
}

/** Same length as the token, differing in one character. */
const tamper = (t: string) => t.slice(0, -1) + (t.endsWith('0') ? '1' : '0');

describe('browser host: API, token and sessions', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await start();
  });

  it('GET /api/health answers without a token', async () => {
    const r = await http(f.host.port, { path: '/api/health' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json).toEqual({ ok: true, app: '办公室台账', version: '9.8.7-test', schemaVersion: expect.any(Number) });
    expect(r.json.schemaVersion).toBe(f.core.state.schemaVersion);
    expect(r.json.schemaVersion).toBeGreaterThan(0);
  });

  it('the per-launch token is 256 bits of random hex, different on every start', async () => {
    const other = await start();
    expect(f.host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(other.host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(other.host.token).not.toBe(f.host.token);
    expect(f.host.openUrl).toBe(`${f.host.url}#/?token=${f.host.token}`);
  });

  it('GET /api/methods needs the token and lists the method table', async () => {
    expect((await http(f.host.port, { path: '/api/methods' })).status).toBe(401);
    expect((await http(f.host.port, { path: '/api/methods', headers: { authorization: `Bearer ${tamper(f.host.token)}` } })).status).toBe(401);
    const r = await http(f.host.port, { path: '/api/methods', headers: { authorization: `Bearer ${f.host.token}` } });
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json)).toBe(true);
    for (const m of r.json) {
      expect(Object.keys(m).sort()).toEqual(['kind', 'name', 'roles', 'title']);
      expect(m.name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
      expect(['read', 'write']).toContain(m.kind);
      expect(typeof m.title).toBe('string');
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.roles === 'public' || m.roles === 'signedIn' || Array.isArray(m.roles)).toBe(true);
    }
    const names = r.json.map((m: { name: string }) => m.name);
    expect(names).toContain('accounts.signIn');
    expect(names).toContain('audit.verify');
    expect(r.json.find((m: { name: string }) => m.name === 'accounts.signIn')).toMatchObject({ kind: 'write', roles: 'public' });
  });

  it('POST /api/call without, with a wrong, or with a misplaced token → 401 and the core is never called', async () => {
    const before = f.calls();
    const body = JSON.stringify({ method: 'accounts.setup', input: SETUP });
    const post = (headers: Record<string, string>, path = '/api/call') =>
      http(f.host.port, { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body });
    const attempts: [string, Promise<Res>][] = [
      ['no token', post({})],
      ['wrong token, same length', post({ authorization: `Bearer ${tamper(f.host.token)}` })],
      ['wrong token, upper case', post({ authorization: `Bearer ${f.host.token.toUpperCase()}` })],
      ['wrong token, shorter', post({ authorization: `Bearer ${f.host.token.slice(0, 10)}` })],
      ['wrong token, longer', post({ authorization: `Bearer ${f.host.token}00` })],
      ['empty bearer', post({ authorization: 'Bearer ' })],
      ['other scheme', post({ authorization: `Basic ${f.host.token}` })],
      ['token as a cookie', post({ cookie: `token=${f.host.token}` })],
      ['token in the query', post({}, `/api/call?token=${f.host.token}`)],
    ];
    for (const [what, p] of attempts) {
      const r = await p;
      expect(r.status, what).toBe(401);
      expect(r.json, what).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(f.calls()).toBe(before);
    expect(await initialized(f)).toBe(false);
  });

  it('with the token: the envelope; public methods without a session, others need X-Session', async () => {
    const info = await f.call('settings.publicInfo', {});
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ ok: true, data: { initialized: false, appVersion: '0.0.0-test' } });

    const anon = await f.call('settings.get', {});
    expect(anon.status).toBe(200);
    expect(anon.json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const setup = await f.call('accounts.setup', SETUP);
    expect(setup.json.ok, JSON.stringify(setup.json)).toBe(true);
    expect(await initialized(f)).toBe(true);

    const wrong = await f.call('accounts.signIn', { login: 'admin', password: 'Wrong!Pass1' });
    expect(wrong.json.ok).toBe(false);

    const signIn = await f.call('accounts.signIn', { login: 'admin', password: STRONG });
    expect(signIn.json.ok, JSON.stringify(signIn.json)).toBe(true);
    const session: string = signIn.json.data.sessionId;
    expect(typeof session).toBe('string');
    expect(signIn.json.data.user).toMatchObject({ login: 'admin', roles: ['admin'] });

    const got = await f.call('settings.get', {}, session);
    expect(got.json.ok, JSON.stringify(got.json)).toBe(true);
    expect(got.json.data.settings).toBeDefined();

    const bogus = await f.call('settings.get', {}, 'not-a-session');
    expect(bogus.json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // The session is a header, the host token is separate: a session alone is not enough.
    const sessionOnly = await http(f.host.port, {
      method: 'POST',
      path: '/api/call',
      headers: { 'content-type': 'application/json', 'x-session': session },
      body: JSON.stringify({ method: 'settings.get', input: {} }),
    });
    expect(sessionOnly.status).toBe(401);
  });

  it('an unknown method is an envelope error, an unknown /api path is 404', async () => {
    const r = await f.call('nope.nothing', {});
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(false);
    const p = await http(f.host.port, { path: '/api/other', headers: { authorization: `Bearer ${f.host.token}` } });
    expect(p.status).toBe(404);
  });

  it('a method name that is not a string is refused, never coerced (["seals.list"] does not run seals.list)', async () => {
    const before = f.calls();
    for (const method of [['settings.publicInfo'], { toString: 'settings.publicInfo' }, 42, null]) {
      const r = await f.call(method as never, {});
      expect(r.json.ok).toBe(false);
      expect(r.json.error.code).toBe('unknown_method');
      expect(r.json.error.message).toBe('未知的操作');
    }
    expect(f.calls()).toBe(before);
    expect((await f.call('settings.publicInfo', {})).json.ok).toBe(true);
  });

  it('application/json with a charset is accepted', async () => {
    const r = await f.call('settings.publicInfo', {}, undefined, { 'content-type': 'application/json; charset=utf-8' });
    expect(r.json.ok).toBe(true);
  });
});

describe('browser host: Host and Origin (DNS rebinding, CSRF)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await start();
  });

  it('a foreign Host is refused with 421 before the core is called', async () => {
    const port = f.host.port;
    const otherPort = port === 65535 ? port - 1 : port + 1;
    const before = f.calls();
    for (const host of [`evil.example:${port}`, `127.0.0.1:${otherPort}`, 'evil.example', '127.0.0.1', `127.0.0.1.evil.example:${port}`, `[::1]:${port}`, `0.0.0.0:${port}`]) {
      const setup = await http(port, {
        method: 'POST',
        path: '/api/call',
        headers: { host, 'content-type': 'application/json', authorization: `Bearer ${f.host.token}` },
        body: JSON.stringify({ method: 'accounts.setup', input: SETUP }),
      });
      expect(setup.status, host).toBe(421);
      expect(setup.json, host).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Not even health, methods or the static shell answer to a rebinding name.
      expect((await http(port, { path: '/api/health', headers: { host } })).status, host).toBe(421);
      expect((await http(port, { path: '/api/methods', headers: { host, authorization: `Bearer ${f.host.token}` } })).status, host).toBe(421);
      const shell = await http(port, { path: '/', headers: { host } });
      expect(shell.status, host).toBe(421);
      expect(shell.text).not.toContain('INDEX-SHELL');
    }
    expect(f.calls()).toBe(before);
    expect(await initialized(f)).toBe(false);
  });

  it('a request without any Host header is refused', async () => {
    // Node's HTTP/1.1 parser may answer 400 itself before our handler runs (not recorded for the CSP check).
    const before = f.calls();
    const r = await http(f.host.port, { path: '/api/health', setHost: false, record: false });
    expect([400, 421]).toContain(r.status);
    expect(r.text).not.toContain('办公室台账');
    expect(f.calls()).toBe(before);
  });

  it('the loopback Host with the right port is accepted (127.0.0.1 and localhost)', async () => {
    for (const host of [`127.0.0.1:${f.host.port}`, `localhost:${f.host.port}`]) {
      expect((await http(f.host.port, { path: '/api/health', headers: { host } })).status, host).toBe(200);
    }
  });

  it('a foreign Origin is refused with 403 before the core is called', async () => {
    const port = f.host.port;
    const before = f.calls();
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null', `http://127.0.0.1:${port}.evil.example`]) {
      const r = await f.call('accounts.setup', SETUP, undefined, { origin });
      expect(r.status, origin).toBe(403);
      expect(r.json, origin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await http(port, { path: '/api/health', headers: { origin } })).status, origin).toBe(403);
    }
    expect(f.calls()).toBe(before);
    expect(await initialized(f)).toBe(false);
  });

  it('the host’s own Origin is accepted', async () => {
    for (const origin of [`http://127.0.0.1:${f.host.port}`, `http://localhost:${f.host.port}`]) {
      const r = await f.call('settings.publicInfo', {}, undefined, { origin });
      expect(r.status, origin).toBe(200);
      expect(r.json.ok, origin).toBe(true);
    }
  });
});

describe('browser host: methods, content types and sizes', () => {
  let f: Fixture;
  let small: Fixture;
  beforeAll(async () => {
    f = await start();
    small = await start({ maxBodyBytes: 1024 });
  });

  it('GET (and other verbs) on /api/call → 405, never a state change', async () => {
    const before = f.calls();
    const auth = { authorization: `Bearer ${f.host.token}` };
    const q = encodeURIComponent(JSON.stringify(SETUP));
    const get = await http(f.host.port, { path: `/api/call?method=accounts.setup&input=${q}`, headers: auth });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const r = await http(f.host.port, { method, path: '/api/call', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'accounts.setup', input: SETUP }) });
      expect(r.status, method).toBe(405);
    }
    expect((await http(f.host.port, { method: 'POST', path: '/api/methods', headers: auth })).status).toBe(405);
    expect((await http(f.host.port, { method: 'POST', path: '/api/health' })).status).toBe(405);
    expect(f.calls()).toBe(before);
    expect(await initialized(f)).toBe(false);
  });

  it('a body that is not declared JSON → 415 (a cross-site "simple" request cannot reach the core)', async () => {
    const before = f.calls();
    const body = JSON.stringify({ method: 'accounts.setup', input: SETUP });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const headers: Record<string, string> = { authorization: `Bearer ${f.host.token}` };
      if (type) headers['content-type'] = type;
      const r = await http(f.host.port, { method: 'POST', path: '/api/call', headers, body });
      expect(r.status, String(type)).toBe(415);
      expect(r.json, String(type)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(f.calls()).toBe(before);
    expect(await initialized(f)).toBe(false);
  });

  it('invalid JSON → 400', async () => {
    const before = f.calls();
    for (const body of ['{"method":', 'not json', '']) {
      const r = await http(f.host.port, { method: 'POST', path: '/api/call', headers: { authorization: `Bearer ${f.host.token}`, 'content-type': 'application/json' }, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json, JSON.stringify(body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(f.calls()).toBe(before);
  });

  it('a body over maxBodyBytes → 413 and the core is not called', async () => {
    const before = small.calls();
    const input = { ...SETUP, name: '周'.repeat(2000) }; // ~6 KB of UTF-8, limit is 1 KB
    const body = JSON.stringify({ method: 'accounts.setup', input });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024);
    const r = await http(small.host.port, {
      method: 'POST',
      path: '/api/call',
      headers: { authorization: `Bearer ${small.host.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(small.calls()).toBe(before);
    expect(await initialized(small)).toBe(false);
    // Under the limit the same host works.
    expect((await small.call('settings.publicInfo', {})).json.ok).toBe(true);
  });
});

describe('browser host: static files', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await start();
  });

  it('/ serves index.html; client-side routes fall back to it', async () => {
    for (const path of ['/', '/index.html', '/some/route', '/seals/requests', '/some/route?x=1']) {
      const r = await http(f.host.port, { path });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(/^text\/html/);
      expect(r.text, path).toContain('INDEX-SHELL');
    }
  });

  it('assets are served with their type; a missing asset is 404, not the shell', async () => {
    const js = await http(f.host.port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.text).toContain('APP-JS');
    const missing = await http(f.host.port, { path: '/assets/missing.js' });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('INDEX-SHELL');
  });

  it('a non-GET on a static path is 405', async () => {
    expect((await http(f.host.port, { method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
  });

  const TRAVERSALS = [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/..%2Fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/assets/..\\..\\package.json',
    '/assets/../../package.json',
    '/%2e%2e%2fpackage.json',
    '/..%252fpackage.json',
    '/../renderer-secret/package.json',
    '/..%2frenderer-secret%2fpackage.json',
    '/%00',
    '/index.html%00.js',
    '/%E0%A4%A',
  ];

  it('traversal attempts never return a file outside the renderer folder', async () => {
    for (const path of TRAVERSALS) {
      const r = await http(f.host.port, { path });
      expect([400, 404], `${path} → ${r.status}`).toContain(r.status);
      expect(r.text, path).not.toContain('OUTSIDE-THE-RENDERER');
      expect(r.text, path).not.toContain('SIBLING-FOLDER');
    }
  });

  it('staticPath refuses traversal, encoded dots and slashes, backslashes and NULs', () => {
    const root = join(f.dir, 'renderer');
    for (const p of TRAVERSALS) {
      const got = staticPath(root, p);
      // Either refused outright, or a path that stays inside the root.
      if (got !== null) expect(got.startsWith(root + sep) || got === root, `${p} → ${got}`).toBe(true);
    }
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/%00', '/assets/..\\..\\package.json', '/%E0%A4%A', '/../renderer-secret/package.json']) {
      expect(staticPath(root, p), p).toBeNull();
    }
    expect(staticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(staticPath(root, '/index.html?x=1#y')).toBe(join(root, 'index.html'));
    expect(staticPath(root + '/', '/index.html')).toBe(join(root, 'index.html'));
  });

  it('without a built renderer the shell says so (503), still with the security headers', async () => {
    const bare = await start();
    const { rmSync } = await import('node:fs');
    rmSync(join(bare.dir, 'renderer', 'index.html'));
    const r = await http(bare.host.port, { path: '/' });
    expect(r.status).toBe(503);
    expect(r.text).toContain('npm run build');
    expect(r.headers['content-security-policy']).toBeDefined();
  });
});

describe('browser host: binding', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await start();
  });

  const tryConnect = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const s = connect({ host, port });
      const done = (ok: boolean) => {
        s.destroy();
        resolve(ok);
      };
      s.setTimeout(2000, () => done(false));
      s.once('connect', () => done(true));
      s.once('error', () => done(false));
    });

  it('listens on 127.0.0.1 only', async () => {
    expect(f.host.url).toBe(`http://127.0.0.1:${f.host.port}/`);
    expect(f.host.url.startsWith('http://127.0.0.1:')).toBe(true);
    expect(await tryConnect('127.0.0.1', f.host.port)).toBe(true);
    // Other addresses of this machine: 127.0.0.2 (routed to lo on Linux), ::1, every real interface.
    const others = ['127.0.0.2', '::1'];
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) if (a.address !== '127.0.0.1' && !a.address.startsWith('fe80')) others.push(a.address);
    }
    for (const address of [...new Set(others)]) {
      expect(await tryConnect(address, f.host.port), `reachable on ${address}`).toBe(false);
    }
  });

  it('a chosen port is used as given', async () => {
    const probe = await start();
    const port = probe.host.port;
    await probe.host.close();
    fixtures.splice(fixtures.indexOf(probe), 1);
    probe.core.close();
    cleanup(probe.dir);
    const chosen = await start({ port });
    expect(chosen.host.port).toBe(port);
    expect(chosen.host.url).toBe(`http://127.0.0.1:${port}/`);
  });
});

describe('browser host: no CORS, CSP everywhere', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await start();
  });

  const checkHeaders = (what: string, h: IncomingHttpHeaders) => {
    expect(h['access-control-allow-origin'], what).toBeUndefined();
    expect(h['access-control-allow-credentials'], what).toBeUndefined();
    expect(h['access-control-allow-headers'], what).toBeUndefined();
    expect(h['access-control-allow-methods'], what).toBeUndefined();
    const csp = String(h['content-security-policy'] ?? '');
    expect(csp, what).not.toBe('');
    expect(csp, what).not.toContain('unsafe-eval');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v] as const));
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc, `${what}: script-src`).toBeDefined();
    expect(scriptSrc, what).not.toContain("'unsafe-inline'");
    expect(scriptSrc, what).not.toContain('*');
    expect(directives.get('default-src'), what).toEqual(["'self'"]);
    expect(h['x-content-type-options'], what).toBe('nosniff');
  };

  it('OPTIONS preflights get no CORS headers and never reach the core', async () => {
    const before = f.calls();
    const port = f.host.port;
    const pre = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-session' };
    const cases = [
      await http(port, { method: 'OPTIONS', path: '/api/call', headers: { origin: 'http://evil.example', ...pre } }),
      await http(port, { method: 'OPTIONS', path: '/api/call', headers: { origin: `http://127.0.0.1:${port}`, ...pre } }),
      await http(port, { method: 'OPTIONS', path: '/api/call', headers: { origin: `http://127.0.0.1:${port}`, authorization: `Bearer ${f.host.token}`, ...pre } }),
      await http(port, { method: 'OPTIONS', path: '/', headers: { origin: 'http://evil.example', ...pre } }),
      await http(port, { method: 'OPTIONS', path: '/' }),
    ];
    for (const r of cases) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      checkHeaders(`OPTIONS → ${r.status}`, r.headers);
    }
    expect(f.calls()).toBe(before);
  });

  it('responses of every kind carry the CSP and no CORS headers', async () => {
    const port = f.host.port;
    const auth = { authorization: `Bearer ${f.host.token}` };
    const samples = [
      await http(port, { path: '/api/health' }),
      await http(port, { path: '/api/health', headers: { origin: `http://127.0.0.1:${port}` } }),
      await http(port, { path: '/api/methods', headers: auth }),
      await http(port, { path: '/api/methods' }),
      await f.call('settings.publicInfo', {}, undefined, { origin: `http://127.0.0.1:${port}` }),
      await http(port, { path: '/' }),
      await http(port, { path: '/assets/app.js' }),
      await http(port, { path: '/assets/missing.js' }),
      await http(port, { path: '/%00' }),
      await http(port, { path: '/', headers: { host: 'evil.example' } }),
      await http(port, { path: '/', headers: { origin: 'http://evil.example' } }),
      await http(port, { method: 'HEAD', path: '/' }),
    ];
    for (const r of samples) checkHeaders(`sample → ${r.status}`, r.headers);
  });

  it('(all responses seen in this file) no Access-Control-Allow-Origin, CSP on each', () => {
    expect(seen.length).toBeGreaterThan(100);
    for (const s of seen) checkHeaders(s.what, s.headers);
  });
});
