// Is the Electron runtime on this machine? npm start asks before choosing between the desktop app
// and the browser host (DESIGN.md "Native module, Electron runtime and this machine").
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {string} [root]
 * @returns {{ installed: boolean, version: string | null, executable: string | null, reason: string | null }}
 */
export function electronRuntimeStatus(root = ROOT) {
  const dir = path.join(root, 'node_modules', 'electron');
  let version = null;
  try {
    version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return { installed: false, version, executable: null, reason: 'node_modules/electron is not installed (run npm install)' };
  }
  let relative;
  try {
    relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return { installed: false, version, executable: null, reason: `the Electron ${version} binary was not downloaded (no node_modules/electron/path.txt)` };
  }
  // Same rule as node_modules/electron/index.js, so we agree with what `require('electron')` returns.
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const executable = path.join(distDir, relative);
  if (!existsSync(executable)) {
    return { installed: false, version, executable: null, reason: `the Electron binary is missing at ${executable}` };
  }
  return { installed: true, version, executable, reason: null };
}

/**
 * Runs Electron's own download (node_modules/electron/install.js) once, for at most `timeoutMs`.
 * Resolves true only if the runtime is usable afterwards; never throws, never retries.
 * @param {{ root?: string, timeoutMs?: number, onOutput?: (text: string) => void }} [options]
 * @returns {Promise<boolean>}
 */
export function tryDownloadElectronOnce(options = {}) {
  const root = options.root ?? ROOT;
  const script = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(script)) return Promise.resolve(false);
  const env = { ...process.env };
  // install.js exits 0 without doing anything when this is set; we are asking it to try.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.npm_config_electron_skip_binary_download;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: path.dirname(script),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // own process group, so the timeout can end the download and anything it started
      detached: process.platform !== 'win32',
    });
    const collect = (chunk) => options.onOutput?.(String(chunk));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(electronRuntimeStatus(root).installed);
    };
    const timer = setTimeout(() => {
      try {
        if (process.platform === 'win32') child.kill();
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      finish();
    }, options.timeoutMs ?? 60_000);
    child.on('error', finish);
    child.on('close', finish);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const status = electronRuntimeStatus();
  console.log(status.installed ? `electron ${status.version}: ${status.executable}` : `electron: ${status.reason}`);
  process.exit(status.installed ? 0 : 1);
}
