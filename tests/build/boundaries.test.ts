// The layering of DESIGN.md is kept by dependency-cruiser (.dependency-cruiser.cjs), not by memory:
// the project passes it, and a tree that breaks every rule is refused rule by rule.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const ROOT = resolve(__dirname, '../..');
const CRUISE = join(ROOT, 'node_modules/.bin/depcruise');

/** Rule names dependency-cruiser reports for the folders given, run in `cwd` with the project's rules. */
function violations(cwd: string, paths: string[]): { rule: string; from: string; to: string }[] {
  const r = spawnSync(CRUISE, [...paths, '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', '--no-progress'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return out.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('import boundaries (dependency-cruiser)', () => {
  it('the project keeps them', () => {
    // The same command `npm test` runs; it fails on any violation not in the known list.
    expect(() => execFileSync(process.execPath, [join(ROOT, 'build/scripts/check-deps.mjs')], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('a hostile tree breaks every rule, and each is reported', () => {
    const root = tempDir('boundaries-');
    const put = (p: string, text: string) => {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', allowImportingTsExtensions: true, noEmit: true } }));
    put('db/index.ts', "export { openCore } from './core/core';\n");
    put('db/core/core.ts', 'export const openCore = () => 1;\n');
    put('db/contract/index.ts', 'export const methods = {};\n');
    put('db/seals/register.ts', 'export const seals = 1;\n');
    put('electron/desktop/csp.ts', 'export const CSP = "";\n');
    put('electron/cli/main.ts', 'export const cli = 1;\n');
    // Each line below breaks one rule.
    put('renderer/app/core.tsx', "import { openCore } from '../../db/core/core';\nexport const a = openCore;\n");
    put('renderer/app/fs.tsx', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n");
    put('renderer/app/sqlite.tsx', "import Database from 'better-sqlite3';\nexport const c = Database;\n");
    put('db/contract/node.ts', "import { join } from 'node:path';\nexport const d = join;\n");
    put('db/contract/core.ts', "import { openCore } from '../core/core';\nexport const e = openCore;\n");
    put('db/core/ui.ts', "import { useState } from 'react';\nexport const f = useState;\n");
    put('electron/web/inside.ts', "import { openCore } from '../../db/core/core';\nexport const g = openCore;\n");
    put('electron/web/csp.ts', "import { CSP } from '../desktop/csp';\nexport const h = CSP;\n");
    put('electron/cli/desktop.ts', "import { CSP } from '../desktop/csp';\nexport const i = CSP;\n");
    put('electron/web/electron.ts', "import { app } from 'electron';\nexport const j = app;\n");
    put('db/expenses/reach.ts', "import { seals } from '../seals/register';\nexport const k = seals;\n");
    // And what is allowed: the renderer on the contract, a host on the public entry, an area on core.
    put('renderer/app/good.tsx', "import { methods } from '../../db/contract';\nexport const l = methods;\n");
    put('electron/web/good.ts', "import { openCore } from '../../db';\nexport const m = openCore;\n");
    put('db/seals/good.ts', "import { openCore } from '../core/core';\nimport { methods } from '../contract';\nexport const n = [openCore, methods];\n");
    const found = violations(root, ['renderer', 'db', 'electron']);
    const rules = new Set(found.map((v) => v.rule));
    for (const rule of [
      'renderer-only-contract',
      'renderer-no-node',
      'renderer-no-node-modules',
      'contract-no-node',
      'contract-pure',
      'core-no-ui-or-hosts',
      'hosts-public-entry',
      'hosts-independent',
      'cli-not-desktop',
      'electron-only-in-desktop',
      'area-isolation',
    ])
      expect(rules, rule).toContain(rule);
    expect(found.filter((v) => /good\.tsx?$/.test(v.from))).toEqual([]);
  });
});
