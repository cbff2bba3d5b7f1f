// The CI's second unit run lives at 00:30 Shanghai on 1 January (issue 23): the setup file must move
// the clock of the test process and of every Node process a test starts, and let it run on.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const setup = fileURLToPath(new URL('../setup/pinned-clock.mjs', import.meta.url));
const probe = `
const a = Date.now(); const t0 = performance.now(); while (performance.now() - t0 < 30) {}
const child = require('node:child_process').execFileSync(process.execPath, ['-e', 'process.stdout.write(new Date().toISOString())']).toString();
process.stdout.write(JSON.stringify({ first: new Date(a).toISOString(), later: Date.now() - a, child, parsed: new Date('2025-05-01T00:00:00Z').toISOString(), text: typeof Date() }));
`;

describe('the pinned clock of OFFICE_TEST_NOW', () => {
  it('starts this process and its children at the pinned instant and lets time run on; dates given explicitly are untouched', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['--import', setup, '-e', probe], { env: { ...process.env, NODE_OPTIONS: '', OFFICE_TEST_NOW: '2027-01-01T00:30:00+08:00' } }).toString());
    expect(out.first).toMatch(/^2026-12-31T16:30:0/);
    expect(out.later).toBeGreaterThanOrEqual(25);
    expect(out.child).toMatch(/^2026-12-31T16:3/);
    expect(out.parsed).toBe('2025-05-01T00:00:00.000Z');
    expect(out.text).toBe('string');
  });

  it('does nothing without the variable: the clock agrees with the file system', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete env.OFFICE_TEST_NOW;
    // A file's modification time comes from the kernel, which no pinning touches.
    const skew = `const f = require('node:path').join(require('node:os').tmpdir(), 'clock-' + process.pid); require('node:fs').writeFileSync(f, ''); process.stdout.write(String(Math.abs(require('node:fs').statSync(f).mtimeMs - Date.now()))); require('node:fs').rmSync(f);`;
    expect(Number(execFileSync(process.execPath, ['--import', setup, '-e', skew], { env }).toString())).toBeLessThan(5_000);
    const pinned = Number(execFileSync(process.execPath, ['--import', setup, '-e', skew], { env: { ...env, OFFICE_TEST_NOW: '2027-01-01T00:30:00+08:00' } }).toString());
    expect(pinned).toBeGreaterThan(5_000);
  });
});
