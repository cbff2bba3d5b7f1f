import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../db/contract/common';
import type { PrintRequest } from '../../electron/desktop/bridge';
import { createCallHandler, createPrintHandler, FORBIDDEN_MESSAGE, safePdfName, type CoreLike } from '../../electron/desktop/ipc';

function fakeCore(result: Envelope = { ok: true, data: { hello: '世界' } }) {
  const calls: [string | null, string, unknown][] = [];
  const core: CoreLike = {
    call(session, method, input) {
      calls.push([session, method, input]);
      return Promise.resolve(result);
    },
  };
  return { core, calls };
}

const trusted = { senderFrame: { url: 'app://office/index.html#/home' } };

describe('office:call handler', () => {
  it('forwards a well-formed call from our page to the core', async () => {
    const { core, calls } = fakeCore();
    const handle = createCallHandler(core);
    const res = await handle(trusted, { method: 'settings.get', input: { a: 1 }, session: 's-1' });
    expect(res).toEqual({ ok: true, data: { hello: '世界' } });
    expect(calls).toEqual([['s-1', 'settings.get', { a: 1 }]]);
  });

  it('passes a null session and a missing input through unchanged', async () => {
    const { core, calls } = fakeCore();
    await createCallHandler(core)(trusted, { method: 'accounts.signIn', session: null });
    expect(calls).toEqual([[null, 'accounts.signIn', undefined]]);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a look-alike origin', { senderFrame: { url: 'app://office.evil/index.html' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/x.html' } }],
    ['about:blank', { senderFrame: { url: 'about:blank' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s without touching the core', async (_name, event) => {
    const { core, calls } = fakeCore();
    const res = await createCallHandler(core)(event, { method: 'settings.get', input: {}, session: null });
    expect(res).toEqual({ ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGE } });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'settings.get'],
    ['an array', ['settings.get', {}, null]],
    ['no method', { input: {}, session: null }],
    ['an empty method', { method: '', input: {}, session: null }],
    ['a numeric method', { method: 42, input: {}, session: null }],
    ['a huge method name', { method: 'x'.repeat(1000), input: {}, session: null }],
    ['no session key', { method: 'settings.get', input: {} }],
    ['a numeric session', { method: 'settings.get', input: {}, session: 7 }],
    ['an extra key', { method: 'settings.get', input: {}, session: null, admin: true }],
  ])('refuses a malformed request (%s)', async (_name, request) => {
    const { core, calls } = fakeCore();
    const res = await createCallHandler(core)(trusted, request);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('invalid_input');
    expect(calls).toHaveLength(0);
  });

  it('turns a throwing core into an envelope', async () => {
    const core: CoreLike = {
      call() {
        throw new Error('boom');
      },
    };
    const res = await createCallHandler(core)(trusted, { method: 'x.y', input: null, session: null });
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('uses the sender check it is given', async () => {
    const { core, calls } = fakeCore();
    const res = await createCallHandler(core, () => false)(trusted, { method: 'x.y', input: null, session: null });
    expect(res.ok).toBe(false);
    expect(calls).toHaveLength(0);
  });
});

describe('office:print handler', () => {
  const recorder = () => {
    const seen: PrintRequest[] = [];
    const handle = createPrintHandler(async (req) => {
      seen.push(req);
      return { ok: true, path: '/tmp/x.pdf' };
    });
    return { seen, handle };
  };

  it('passes a valid print request on', async () => {
    const { seen, handle } = recorder();
    const req = { route: '/print/seals/register?year=2025', mode: 'pdf', landscape: true, suggestedName: '用印登记簿' };
    expect(await handle(trusted, req)).toEqual({ ok: true, path: '/tmp/x.pdf' });
    expect(seen).toEqual([req]);
  });

  it('refuses untrusted senders and anything outside #/print/', async () => {
    const { seen, handle } = recorder();
    expect(await handle({ senderFrame: { url: 'https://evil/' } }, { route: '/print/x', mode: 'print' })).toEqual({
      ok: false,
      message: FORBIDDEN_MESSAGE,
    });
    for (const bad of [
      { route: '/settings', mode: 'print' },
      { route: 'https://evil/print/', mode: 'print' },
      { route: '/print/x#y', mode: 'print' },
      { route: '/print/x y', mode: 'print' },
      { route: '/print/x', mode: 'fax' },
      { route: '/print/x', mode: 'pdf', landscape: 'yes' },
      { route: '/print/x', mode: 'pdf', extra: 1 },
    ])
      expect((await handle(trusted, bad)).ok, JSON.stringify(bad)).toBe(false);
    expect(seen).toHaveLength(0);
  });

  it('makes safe PDF file names', () => {
    expect(safePdfName('用印登记簿 2025')).toBe('用印登记簿 2025.pdf');
    expect(safePdfName('a.PDF')).toBe('a.pdf');
    expect(safePdfName('../../etc/passwd')).toBe('etcpasswd.pdf');
    expect(safePdfName('C:\\Windows\\x')).toBe('CWindowsx.pdf');
    expect(safePdfName('...')).toBe('台账.pdf');
    expect(safePdfName(undefined)).toBe('台账.pdf');
    expect(safePdfName('a'.repeat(500)).length).toBeLessThanOrEqual(104);
  });
});
