#!/usr/bin/env node
// Produces build/native/<platform>-<arch>/better_sqlite3.node for the pinned Electron, the binding the
// desktop host passes to better-sqlite3 as `nativeBinding` (DESIGN.md "Native module").
// It works on a throw-away copy of better-sqlite3 in the temp folder and never writes to
// node_modules: node_modules keeps the Node build the tests load.
//   node build/scripts/native-binding.mjs [--platform linux|win32|darwin] [--arch x64|arm64] [--force]
// First the published prebuild for Electron (prebuild-install, from GitHub); failing that, and only
// for this machine's own platform, a compile against Electron's headers (node-gyp, electronjs.org).
// Both need the internet; offline it says so in one line and exits 1.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STAMP = 'binding.json';
const NETWORK_ERROR =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network|proxy|certificate/i;

export class NativeBindingError extends Error {}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export function pinnedElectronVersion(root = ROOT) {
  return readJson(path.join(root, 'node_modules/electron/package.json')).version;
}

export function bindingDir(root, platform, arch) {
  return path.join(root, 'build', 'native', `${platform}-${arch}`);
}

/** The binding in `dir` was built for exactly this Electron and this better-sqlite3? */
export function isBindingCurrent(dir, want) {
  try {
    const stamp = readJson(path.join(dir, STAMP));
    return (
      existsSync(path.join(dir, 'better_sqlite3.node')) &&
      stamp.electron === want.electron &&
      stamp.betterSqlite3 === want.betterSqlite3
    );
  } catch {
    return false;
  }
}

function run(command, args, { cwd, env, timeoutMs, log }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => (output += String(err)));
    child.on('close', (code) => {
      clearTimeout(timer);
      log(`$ ${[command, ...args].join(' ')}\n${output}\n(exit ${code})\n`);
      resolve({ ok: code === 0, output });
    });
  });
}

/**
 * @param {{ root?: string, platform?: string, arch?: string, electronVersion?: string, force?: boolean }} [options]
 * @returns {Promise<{ file: string, built: boolean, how?: string }>}
 */
export async function buildNativeBinding(options = {}) {
  const root = options.root ?? ROOT;
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const electron = options.electronVersion ?? pinnedElectronVersion(root);
  const source = path.join(root, 'node_modules/better-sqlite3');
  const betterSqlite3 = readJson(path.join(source, 'package.json')).version;
  const outDir = bindingDir(root, platform, arch);
  const outFile = path.join(outDir, 'better_sqlite3.node');
  if (!options.force && isBindingCurrent(outDir, { electron, betterSqlite3 })) return { file: outFile, built: false };

  const logFile = path.join(os.tmpdir(), `office-native-binding-${platform}-${arch}.log`);
  writeFileSync(logFile, `better-sqlite3 ${betterSqlite3} for Electron ${electron} (${platform}-${arch})\n`);
  const log = (text) => writeFileSync(logFile, text, { flag: 'a' });

  // Both tools arrive with the dev dependencies (better-sqlite3 → prebuild-install,
  // electron-builder → node-gyp); resolved, not assumed hoisted.
  const tool = (id) => {
    try {
      return createRequire(path.join(root, 'package.json')).resolve(id);
    } catch {
      throw new NativeBindingError(`native-binding: ${id.split('/')[0]} is not installed; run npm install first`);
    }
  };
  const prebuildInstall = tool('prebuild-install/bin.js');
  const nodeGyp = tool('node-gyp/bin/node-gyp.js');

  const work = mkdtempSync(path.join(os.tmpdir(), 'office-bsql-'));
  try {
    // Only what a build needs; the copy's build/ starts empty so nothing of the Node build leaks in.
    for (const part of ['package.json', 'binding.gyp', 'lib', 'src', 'deps'])
      cpSync(path.join(source, part), path.join(work, part), { recursive: true });

    const env = { ...process.env };
    // npm's nodedir would make node-gyp compile against Node's headers: the wrong ABI, silently.
    for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|arch|disturl)$/i.test(key)) delete env[key];

    let how = 'prebuild-install';
    let result = await run(
      process.execPath,
      [prebuildInstall, '--runtime', 'electron', '--target', electron,
        '--platform', platform, '--arch', arch, '--verbose'],
      { cwd: work, env, timeoutMs: 180_000, log },
    );
    if (!result.ok && platform === process.platform) {
      how = 'node-gyp';
      result = await run(
        process.execPath,
        [nodeGyp, 'rebuild', '--release', `--target=${electron}`,
          `--arch=${arch}`, '--dist-url=https://electronjs.org/headers',
          `--devdir=${path.join(os.homedir(), '.electron-gyp')}`],
        { cwd: work, env, timeoutMs: 900_000, log },
      );
    }
    const built = path.join(work, 'build/Release/better_sqlite3.node');
    if (!result.ok || !existsSync(built)) {
      const all = readFileSync(logFile, 'utf8');
      throw new NativeBindingError(
        NETWORK_ERROR.test(all)
          ? `native-binding: needs internet (github.com prebuilds or electronjs.org headers) to build better-sqlite3 for Electron ${electron} ${platform}-${arch}; details in ${logFile}`
          : `native-binding: could not build better-sqlite3 for Electron ${electron} ${platform}-${arch}; details in ${logFile}`,
      );
    }
    mkdirSync(outDir, { recursive: true });
    cpSync(built, outFile);
    writeFileSync(path.join(outDir, STAMP), `${JSON.stringify({ electron, betterSqlite3, platform, arch, how }, null, 2)}\n`);
    return { file: outFile, built: true, how };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const result = await buildNativeBinding({
      platform: argValue('--platform'),
      arch: argValue('--arch'),
      force: process.argv.includes('--force'),
    });
    console.log(
      result.built
        ? `native-binding: ${path.relative(ROOT, result.file)} (${result.how})`
        : `native-binding: ${path.relative(ROOT, result.file)} is current`,
    );
  } catch (err) {
    console.error(err instanceof NativeBindingError ? err.message : `native-binding: ${err?.stack ?? err}`);
    process.exit(1);
  }
}
