#!/usr/bin/env node
// One clock (issue 23): in db/, "now" is read only through the core's injected clock, so no file but
// the clock module calls `new Date()` or `Date.now()` (durations use performance.now()). The import
// boundaries are dependency-cruiser's (build/scripts/check-deps.mjs).
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

const CLOCK_MODULE = 'db/core/time.ts';
const SYSTEM_NOW = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

export function check(base = root) {
  const rel = (p) => relative(base, p).split(sep).join('/');
  const problems = [];
  for (const dir of ['db']) {
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
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = check();
  if (problems.length) {
    console.error(`Clock rule broken:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('Clock rule: ok');
}
