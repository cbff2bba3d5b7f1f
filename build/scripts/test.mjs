#!/usr/bin/env node
// `npm test`: type check, import boundaries and the clock rule, unit/integration tests (vitest), then the renderer build and
// the end-to-end tests in Chromium (Playwright). Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(title, cmd, args, env = {}) {
  const t = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

const only = process.argv[2]; // `npm test -- unit` or `npm test -- e2e`

if (!only || only === 'unit') {
  run('Type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  run('Import boundaries (dependency-cruiser)', process.execPath, [join(root, 'build/scripts/check-deps.mjs')]);
  run('Clock rule', process.execPath, [join(root, 'build/scripts/check-clock.mjs')]);
  run('Core, hosts and desktop units (vitest)', bin('vitest'), ['run']);
}
if (!only || only === 'e2e') {
  const { findChromium } = await import('./find-chromium.mjs');
  const chromium = findChromium();
  if (!chromium) {
    console.error('找不到 Chromium：请安装 Debian 的 chromium 软件包（apt-get install chromium），或设置 CHROMIUM_PATH。');
    process.exit(1);
  }
  run('Renderer build (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
  run('End-to-end in Chromium (Playwright)', bin('playwright'), ['test'], { CHROMIUM_PATH: chromium });
}
console.log(existsSync(join(root, 'test-results')) ? '\nScreenshots and traces: test-results/' : '');
