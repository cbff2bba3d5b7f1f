#!/usr/bin/env node
// `npm run check:deps` (part of `npm test`): the import boundaries of DESIGN.md, checked by
// dependency-cruiser with the rules in .dependency-cruiser.cjs. The violations recorded in
// .dependency-cruiser-known-violations.json are the ones still being removed (issue 29: registers that
// reach into another register); any violation not on that list fails. When one is removed, shrink the
// list with `npm run check:deps -- --baseline`.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cruise = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'depcruise.cmd' : 'depcruise');
const known = '.dependency-cruiser-known-violations.json';
const common = ['renderer', 'db', 'electron', '--config', '.dependency-cruiser.cjs', '--no-progress'];
const args = process.argv.includes('--baseline') ? [...common, '--output-type', 'baseline', '--output-to', known] : [...common, '--ignore-known', known, '--output-type', 'err'];
const r = spawnSync(cruise, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
