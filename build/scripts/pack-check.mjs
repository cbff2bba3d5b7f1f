#!/usr/bin/env node
// Packaging proof that runs without the internet: packs the app with electron-builder (`--dir`,
// linux x64) against a placeholder Electron folder and checks the result — app.asar holds the
// bundles, the renderer and the migrations; the better-sqlite3 binding sits outside the archive in
// resources/native; the fuses were flipped. The placeholder "electron" is a small file carrying
// Electron's fuse wire, so electron-builder's fuse step really runs against it.
//   node build/scripts/pack-check.mjs [--real] [--keep] [--json]
// --real packs the real build/out/{desktop,renderer} (run the builds first) instead of stand-ins.
// Everything happens in a temp folder; nothing in the repository is written.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's FuseV1Options order; '0' disabled, '1' enabled — as in a stock binary.
const FUSES = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
];

/** Why this machine cannot run the check, or null when it can. */
export function packCheckUnavailable() {
  for (const id of ['electron-builder/package.json', '@electron/asar/package.json']) {
    try {
      require.resolve(id);
    } catch {
      return `${id.replace('/package.json', '')} is not installed (npm install)`;
    }
  }
  return null;
}

function copy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * node_modules for the staged project. Where `cp -al` works (Linux, same disk) it is the real tree
 * as hard links — seconds, no space — so electron-builder collects production dependencies from the
 * real lockfile and the `files` filter is proven against antd, react … Otherwise only
 * better-sqlite3's runtime part. better-sqlite3 itself is always a true copy: a hard-linked
 * binary could be rewritten in place by a rebuild, and node_modules must never change.
 */
async function stageNodeModules(dir) {
  const target = path.join(dir, 'node_modules');
  const linked = process.platform === 'linux' && (await run('cp', ['-al', path.join(ROOT, 'node_modules'), target], {})).code === 0;
  if (linked) {
    rmSync(path.join(target, 'better-sqlite3'), { recursive: true, force: true }); // unlinks only
  } else {
    rmSync(target, { recursive: true, force: true });
    for (const dep of ['bindings', 'file-uri-to-path']) copy(path.join(ROOT, 'node_modules', dep), path.join(target, dep));
  }
  copy(path.join(ROOT, 'node_modules/better-sqlite3/package.json'), path.join(target, 'better-sqlite3/package.json'));
  copy(path.join(ROOT, 'node_modules/better-sqlite3/lib'), path.join(target, 'better-sqlite3/lib'));
  // Stands for the Node-ABI build, which must NOT end up in the package.
  write(path.join(target, 'better-sqlite3/build/Release/better_sqlite3.node'), 'node-abi build (placeholder)');
  return linked ? 'real dependency tree (hard links)' : 'better-sqlite3 only';
}

/** A project folder shaped like the repository after a build, with only what packaging reads. */
async function stageProject(dir, { real, electronVersion }) {
  const betterSqlite3 = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8'));
  copy(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  if (existsSync(path.join(ROOT, 'package-lock.json'))) copy(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  const modules = await stageNodeModules(dir);

  for (const file of ['build/electron-builder.yml', 'build/icons/icon.png', 'build/scripts/before-pack.cjs', 'build/scripts/native-binding.mjs'])
    copy(path.join(ROOT, file), path.join(dir, file));
  copy(path.join(ROOT, 'db/migrations'), path.join(dir, 'db/migrations'));
  // A binding stamped for this Electron, so the before-pack hook finds it current and stays offline.
  const native = path.join(dir, 'build/native/linux-x64');
  write(path.join(native, 'better_sqlite3.node'), 'electron-abi build (placeholder)');
  write(
    path.join(native, 'binding.json'),
    JSON.stringify({ electron: electronVersion, betterSqlite3: betterSqlite3.version, platform: 'linux', arch: 'x64', how: 'placeholder' }),
  );

  if (real) {
    for (const part of ['build/out/desktop', 'build/out/renderer']) {
      if (!existsSync(path.join(ROOT, part))) throw new Error(`${part} is missing: build it first (--real packs the real output)`);
      copy(path.join(ROOT, part), path.join(dir, part));
    }
  } else {
    write(path.join(dir, 'build/out/desktop/main.cjs'), "require('electron');\n");
    write(path.join(dir, 'build/out/desktop/main.cjs.map'), '{}');
    write(path.join(dir, 'build/out/desktop/preload.cjs'), "require('electron');\n");
    write(path.join(dir, 'build/out/renderer/index.html'), '<!doctype html><title>办公室台账</title>');
    write(path.join(dir, 'build/out/renderer/assets/index.js'), 'export {};\n');
  }
  // Things that must stay out of the package even though they sit in the project.
  write(path.join(dir, 'electron/desktop/main.ts'), '// source, not shipped');
  write(path.join(dir, 'tests/x.test.ts'), '// not shipped');
  return { modules };
}

/** A stand-in for Electron's linux-x64 folder: named like it, carrying a stock fuse wire. */
function stageElectronDist(dir, electronVersion) {
  const wire = Buffer.from(FUSES.map(([, state]) => state).join(''), 'latin1');
  const exe = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "placeholder Electron: the real runtime could not be downloaded here" >&2\nexit 1\n'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    wire,
    Buffer.from('\n'),
  ]);
  write(path.join(dir, 'electron'), exe);
  write(path.join(dir, 'version'), electronVersion);
  write(path.join(dir, 'LICENSE'), 'placeholder');
}

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: -1, output: output + String(err) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function readFuses(file) {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(SENTINEL, 'latin1'));
  if (at < 0) return null;
  const length = bytes[at + SENTINEL.length + 1];
  const start = at + SENTINEL.length + 2;
  return Object.fromEntries(FUSES.slice(0, length).map(([name], i) => [name, String.fromCharCode(bytes[start + i])]));
}

/**
 * @param {{ real?: boolean, keep?: boolean }} [options]
 * @returns {Promise<{ ok: boolean, skipped?: string, checks: { name: string, ok: boolean, detail?: string }[], seconds: number, workDir?: string, log?: string }>}
 */
export async function packCheck(options = {}) {
  const started = Date.now();
  const unavailable = packCheckUnavailable();
  if (unavailable) return { ok: false, skipped: unavailable, checks: [], seconds: 0 };

  const electronVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
  const work = mkdtempSync(path.join(os.tmpdir(), 'office-pack-'));
  const project = path.join(work, 'project');
  const dist = path.join(work, 'electron-dist');
  const out = path.join(work, 'out');
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: Boolean(ok), ...(detail ? { detail } : {}) });
  try {
    const staged = await stageProject(project, { real: options.real ?? false, electronVersion });
    check(`staged project (${staged.modules})`, true);
    stageElectronDist(dist, electronVersion);

    const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
    const result = await run(
      process.execPath,
      [cli, '--linux', 'dir', '--x64', '--publish', 'never', '--projectDir', project,
        '--config', 'build/electron-builder.yml',
        `-c.electronDist=${dist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${out}`],
      {
        cwd: project,
        env: {
          ...process.env,
          // keep electron-builder's caches and any signing discovery out of the user's folders
          ELECTRON_BUILDER_CACHE: path.join(work, 'cache'),
          CSC_IDENTITY_AUTO_DISCOVERY: 'false',
          CI: 'true',
        },
      },
    );
    check('electron-builder --dir finished', result.code === 0, result.code === 0 ? undefined : result.output.slice(-3000));
    if (result.code !== 0) return { ok: false, checks, seconds: (Date.now() - started) / 1000, workDir: work, log: result.output };

    const appOut = path.join(out, 'linux-unpacked');
    const resources = path.join(appOut, 'resources');
    const asarFile = path.join(resources, 'app.asar');
    check('resources/app.asar exists', existsSync(asarFile));
    const asar = require('@electron/asar');
    const listed = new Set(asar.listPackage(asarFile, { isPack: false }).map((p) => p.replaceAll('\\', '/')));
    const has = (p) => listed.has(p);
    for (const p of ['/package.json', '/build/out/desktop/main.cjs', '/build/out/desktop/preload.cjs', '/build/out/renderer/index.html'])
      check(`app.asar holds ${p}`, has(p));
    const migrations = readdirSync(path.join(ROOT, 'db/migrations')).filter((f) => f.endsWith('.sql'));
    check('db/migrations has SQL files to ship', migrations.length > 0, migrations.join(', '));
    for (const m of migrations) check(`app.asar holds /db/migrations/${m}`, has(`/db/migrations/${m}`));
    check('app.asar holds better-sqlite3 lib', has('/node_modules/better-sqlite3/lib/index.js'));
    check('app.asar holds bindings', has('/node_modules/bindings/bindings.js'));
    check('no native module inside app.asar', ![...listed].some((p) => p.endsWith('.node')));
    check('no Node-ABI better-sqlite3 build anywhere in the package', !existsSync(path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build')) && !has('/node_modules/better-sqlite3/build'));
    const topModules = [...listed].filter((p) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(p)).map((p) => p.slice(14)).sort();
    check('node_modules in app.asar: only better-sqlite3 and its loader', JSON.stringify(topModules) === JSON.stringify(['better-sqlite3', 'bindings', 'file-uri-to-path']), topModules.join(', '));
    check('no sources, tests or source maps in app.asar', ![...listed].some((p) => /^\/(electron|tests|renderer|db\/core)\/|\.map$|\.ts$/.test(p)));
    const manifest = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
    check('package.json main points at the desktop bundle', manifest.main === 'build/out/desktop/main.cjs', manifest.main);

    const binding = path.join(resources, 'native', 'better_sqlite3.node');
    check('better_sqlite3.node is outside the asar in resources/native', existsSync(binding) && statSync(binding).size > 0);

    const exe = path.join(appOut, 'office-registers');
    check('executable is named office-registers', existsSync(exe));
    const fuses = existsSync(exe) ? readFuses(exe) : null;
    check('fuses were flipped', fuses !== null && fuses.runAsNode === '0' && fuses.enableNodeOptionsEnvironmentVariable === '0' &&
      fuses.enableNodeCliInspectArguments === '0' && fuses.onlyLoadAppFromAsar === '1' && fuses.grantFileProtocolExtraPrivileges === '0',
      JSON.stringify(fuses));
    return { ok: checks.every((c) => c.ok), checks, seconds: (Date.now() - started) / 1000, ...(options.keep ? { workDir: work } : {}) };
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await packCheck({ real: process.argv.includes('--real'), keep: process.argv.includes('--keep') });
  if (process.argv.includes('--json')) {
    const { log: _log, ...summary } = result;
    console.log(JSON.stringify(summary));
  } else if (result.skipped) {
    console.log(`pack-check skipped: ${result.skipped}`);
  } else {
    for (const c of result.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok || !c.detail ? '' : `\n${c.detail}`}`);
    console.log(`pack-check ${result.ok ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s${result.workDir ? ` (kept ${result.workDir})` : ''}`);
  }
  process.exit(result.skipped ? 0 : result.ok ? 0 : 1);
}
