// One clock: in db/, "now" is read only through the core's injected clock (build/scripts/check-clock.mjs).
// The import boundaries are dependency-cruiser's (tests/build/boundaries.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs build script without type declarations
import { check } from '../../build/scripts/check-clock.mjs';
import { tempDir } from '../helpers';

describe('one clock', () => {
  it('the project keeps it', () => {
    expect(check()).toEqual([]);
  });

  it('the check catches the system clock read in db/, outside the clock module and comments', () => {
    const root = tempDir('clock-');
    const put = (p: string, text: string) => {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    put('db/seals/clock.ts', "export const today = () => new Date().toISOString();\n");
    put('db/vehicles/clock.ts', "// Date.now() in a comment is fine\nexport const t = Date.now();\n");
    put('db/core/time.ts', "export const systemClock = { now: () => new Date() };\n");
    put('db/core/fine.ts', "export const d = new Date(Date.parse('2026-01-01T00:00:00+08:00'));\n");
    const problems: string[] = check(root);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/db\/seals\/clock\.ts:1: reads the system clock/);
    expect(problems.join('\n')).toMatch(/db\/vehicles\/clock\.ts:2: reads the system clock/);
  });
});
