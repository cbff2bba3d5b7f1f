#!/usr/bin/env node
// Import rules (DESIGN.md): renderer → db/contract only; db → never electron, react or the hosts;
// db/contract → pure (no node:*, no better-sqlite3); only electron/desktop imports electron.
// And one clock (issue 23): in db/, "now" is read only through the core's injected clock, so no file
// but the clock module calls `new Date()` or `Date.now()` (durations use performance.now()).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'out') return [];
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx|mts|cts)$/.test(f) ? [p] : [];
  });

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}


const rules = [
  { from: 'renderer/', bad: (t) => t.startsWith('db/') && !t.startsWith('db/contract'), why: 'renderer may import only db/contract' },
  { from: 'renderer/', bad: (t) => t === 'electron' || t.startsWith('node:') || t === 'better-sqlite3', why: 'renderer runs in a sandboxed page' },
  { from: 'db/', bad: (t) => t === 'electron' || t.startsWith('electron/') || t.startsWith('react') || t === 'antd', why: 'the core never imports electron or UI code' },
  { from: 'db/contract/', bad: (t) => t.startsWith('node:') || t === 'better-sqlite3' || t === 'exceljs' || (t.startsWith('db/') && !t.startsWith('db/contract')), why: 'db/contract must stay pure (the renderer imports it)' },
  { from: 'electron/web/', bad: (t) => t === 'electron', why: 'only electron/desktop imports electron' },
  { from: 'electron/cli/', bad: (t) => t === 'electron', why: 'only electron/desktop imports electron' },
];

const CLOCK_MODULE = 'db/core/time.ts';
const SYSTEM_NOW = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

export function check(base = root) {
  const rel = (p) => relative(base, p).split(sep).join('/');
  const target = (file, spec) => (spec.startsWith('.') ? rel(resolve(dirname(file), spec)) : spec);
  const problems = [];
  for (const dir of ['renderer', 'db', 'electron']) {
    let files = [];
    try {
      files = walk(join(base, dir));
    } catch {
      continue;
    }
    for (const f of files) {
      const r = rel(f);
      if (r.startsWith('db/') && r !== CLOCK_MODULE) {
        const lines = readFileSync(f, 'utf8').split('\n');
        lines.forEach((line, i) => {
          if (SYSTEM_NOW.test(line) && !/^\s*(\/\/|\*)/.test(line)) problems.push(`${r}:${i + 1}: reads the system clock — use the core's clock (ctx.now, state.clock.now())`);
        });
      }
      for (const spec of importsOf(f)) {
        const t = target(f, spec);
        for (const rule of rules) if (r.startsWith(rule.from) && rule.bad(t)) problems.push(`${r}: imports ${spec} — ${rule.why}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = check();
  if (problems.length) {
    console.error(`Import or clock rules broken:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('Import and clock rules: ok');
}
