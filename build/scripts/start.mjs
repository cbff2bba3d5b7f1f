#!/usr/bin/env node
// `npm start`: the desktop app where the Electron runtime exists; otherwise one line saying so and
// the browser host on the default data folder. Either way a fresh clone opens a working app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronRuntimeStatus, tryDownloadElectronOnce } from './electron-check.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Newest modification time under a folder, to rebuild the renderer only when its sources changed. */
function newest(dir) {
  let t = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    t = Math.max(t, f.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function buildRendererIfStale() {
  const index = join(root, 'build/out/renderer/index.html');
  const stale = !existsSync(index) || Math.max(newest(join(root, 'renderer')), newest(join(root, 'db/contract'))) > statSync(index).mtimeMs;
  if (!stale) return;
  console.log('正在构建界面（首次启动约需半分钟）…');
  const r = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function runBrowserHost() {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli/main.ts'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
  const stop = (sig) => child.kill(sig);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function runDesktop(executable) {
  const r = spawnSync(process.execPath, [join(root, 'build/scripts/build-desktop.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const child = spawn(executable, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildRendererIfStale();
let status = electronRuntimeStatus(root);
if (!status.installed && process.env.OFFICE_NO_ELECTRON !== '1') {
  if (await tryDownloadElectronOnce({ root, timeoutMs: 60_000 })) status = electronRuntimeStatus(root);
}
if (status.installed && process.env.OFFICE_NO_ELECTRON !== '1') runDesktop(status.executable);
else {
  console.log(`未找到 Electron 运行环境（${status.reason}），改为在浏览器中运行。`);
  runBrowserHost();
}
