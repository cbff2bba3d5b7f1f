import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../electron/desktop/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>办公室台账</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppRequestHandler(root)({ url, method });

describe('app:// request handler', () => {
  it('serves index.html for the bare origin, with the CSP and nosniff', async () => {
    const res = await get('app://office/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('办公室台账');
  });

  it('serves assets with their type', async () => {
    const res = await get('app://office/assets/app.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers 404 (with the CSP) for missing files and traversal', async () => {
    for (const url of ['app://office/missing.js', 'app://office/../secret.txt', 'app://office/%2e%2e/secret.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('do not serve');
    }
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get('app://office/index.html', 'POST')).status).toBe(405);
    const head = await get('app://office/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
