// The real desktop entry (bundled exactly as for Electron) started under plain Node against a fake
// `electron` module: proves main.ts wires the real core, the app:// handler, the IPC checks and the
// window hardening together. No Electron runtime here; launch tests in Electron run where it exists.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDesktop } from '../../build/scripts/build-desktop.mjs';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';

const REPO = path.resolve(__dirname, '../..');
const RUN = path.join(__dirname, 'fixtures/run-main.cjs');
let work: string;
let mainFile: string;
let appPath: string;

interface Report {
  crashed?: string;
  errors: { title: string; message: string }[];
  calls: unknown[][];
  [key: string]: unknown;
}

function start(userData: string, hold: boolean) {
  const child = spawn(process.execPath, [RUN, mainFile, ...(hold ? ['--hold'] : [])], {
    env: { ...process.env, FAKE_APP_PATH: appPath, FAKE_USER_DATA: userData, OFFICE_DATA_DIR: '' },
  });
  const report = new Promise<Report>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line) as Report);
    });
    child.on('close', (code) => reject(new Error(`exited ${code} before reporting\n${out}\n${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child: child as ChildProcessWithoutNullStreams, report, exited };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'desktop-main-'));
  mainFile = (await buildDesktop({ outDir: path.join(work, 'desktop'), production: true })).main;
  // The app folder as Electron would see it: migrations and the renderer build.
  appPath = path.join(work, 'app');
  cpSync(path.join(REPO, 'db/migrations'), path.join(appPath, 'db/migrations'), { recursive: true });
  mkdirSync(path.join(appPath, 'build/out/renderer'), { recursive: true });
  writeFileSync(path.join(appPath, 'build/out/renderer/index.html'), '<!doctype html><title>办公室台账</title>');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('desktop main under a fake electron', () => {
  it('opens the core, hardens everything and moves calls', async () => {
    const run = start(path.join(work, 'user-data-1'), false);
    const r = await run.report;
    expect(r.crashed).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.calls).toContainEqual(['enableSandbox']);
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

    const win = r.window as { options: { webPreferences: Record<string, unknown>; width: number; height: number }; urls: string[] };
    expect(win.urls).toEqual(['app://office/index.html']);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect([win.options.width, win.options.height]).toEqual([1366, 728]);
    expect(r.menu).toEqual(['文件', '编辑', '视图', '帮助']);

    expect(r.permission).toEqual({ request: false, check: false, device: false });
    expect(r.network).toMatchObject({ cancelled: true });
    expect(r.contents).toEqual({
      navigateAway: true,
      navigateApp: false,
      redirectAway: true,
      webviewPrevented: true,
      openGov: { action: 'deny' },
      openEvil: { action: 'deny' },
    });
    expect(r.calls).toContainEqual(['openExternal', 'https://www.gov.cn/']);
    expect(r.calls).not.toContainEqual(['openExternal', 'https://evil.example/']);

    const ipc = r.ipc as Record<string, { ok: boolean; error?: { code: string }; data?: unknown; message?: string }> & { channels: string[] };
    expect(ipc.channels).toEqual(['office:call', 'office:print']);
    expect(ipc.publicCall).toMatchObject({ ok: true, data: { ok: false } });
    expect(ipc.needsSession).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(ipc.unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(ipc.untrusted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ipc.malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ipc.printUntrusted).toEqual({ ok: false, message: '拒绝来自未知页面的调用' });

    const protocol = r.protocol as { index: { status: number; csp: string; body: string }; traversal: number };
    expect(protocol.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>办公室台账</title>' });
    expect(protocol.traversal).toBe(404);
    expect(await run.exited).toBe(0);
  }, 60_000);

  it('a second process on the same data folder gets a Chinese error and quits without a window', async () => {
    const userData = path.join(work, 'user-data-2');
    const first = start(userData, true);
    expect((await first.report).errors).toEqual([]);
    try {
      const second = await start(userData, false).report;
      expect(second.errors).toHaveLength(1);
      expect(second.errors[0]!.title).toBe('办公室台账无法启动');
      // the core's own words for a folder in use (CoreOpenError 'locked'), then where the folder is
      expect(second.errors[0]!.message).toMatch(/^数据文件夹正被.*使用/);
      expect(second.errors[0]!.message).toContain(path.join(userData, 'data'));
      expect(second.calls).toContainEqual(['exit', 1]);
      expect(second.window).toBeUndefined();
    } finally {
      first.child.stdin.end();
    }
    expect(await first.exited).toBe(0);
  }, 60_000);
});
