// The layering of DESIGN.md is enforced by a check, not by memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs build script without type declarations
import { check } from '../../build/scripts/check-imports.mjs';
import { tempDir } from '../helpers';

describe('import boundaries', () => {
  it('the project keeps them', () => {
    expect(check()).toEqual([]);
  });

  it('the check catches each kind of violation', () => {
    const root = tempDir('imports-');
    const put = (p: string, text: string) => {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    put('renderer/app/bad.tsx', "import { openCore } from '../../db/core/core';\n");
    put('db/seals/bad.ts', "import { app } from 'electron';\n");
    put('db/contract/bad.ts', "import { readFileSync } from 'node:fs';\n");
    put('electron/web/bad.ts', "const e = require('electron');\n");
    put('renderer/app/good.tsx', "import { methods } from '../../db/contract';\n");
    // The core reads "now" only through its injected clock.
    put('db/seals/clock.ts', "export const today = () => new Date().toISOString();\n");
    put('db/vehicles/clock.ts', "// Date.now() in a comment is fine\nexport const t = Date.now();\n");
    put('db/core/time.ts', "export const systemClock = { now: () => new Date() };\n");
    put('db/core/fine.ts', "export const d = new Date(Date.parse('2026-01-01T00:00:00+08:00'));\n");
    const problems: string[] = check(root);
    expect(problems.length).toBe(6);
    expect(problems.join('\n')).toMatch(/db\/seals\/clock\.ts:1: reads the system clock/);
    expect(problems.join('\n')).toMatch(/db\/vehicles\/clock\.ts:2: reads the system clock/);
    expect(problems.join('\n')).not.toMatch(/db\/core\/(time|fine)\.ts/);
    expect(problems.join('\n')).toMatch(/renderer\/app\/bad\.tsx/);
    expect(problems.join('\n')).not.toMatch(/good\.tsx/);
  });
});
