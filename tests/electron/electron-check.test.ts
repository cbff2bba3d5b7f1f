import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronRuntimeStatus, tryDownloadElectronOnce } from '../../build/scripts/electron-check.mjs';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fake project whose node_modules/electron is in the given state. */
function project(state: 'absent' | 'no-binary' | 'no-dist' | 'installed', install = 'process.exit(3)'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'electron-check-'));
  made.push(root);
  if (state === 'absent') return root;
  const dir = path.join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version: '41.7.1' }));
  writeFileSync(path.join(dir, 'install.js'), install);
  if (state === 'no-binary') return root;
  writeFileSync(path.join(dir, 'path.txt'), 'electron');
  if (state === 'no-dist') return root;
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'electron'), '');
  return root;
}

describe('electron runtime check', () => {
  it('reports each missing piece in one line', () => {
    expect(electronRuntimeStatus(project('absent'))).toMatchObject({ installed: false, version: null });
    const noBinary = electronRuntimeStatus(project('no-binary'));
    expect(noBinary).toMatchObject({ installed: false, version: '41.7.1' });
    expect(noBinary.reason).toMatch(/not downloaded/);
    expect(noBinary.reason).not.toContain('\n');
    expect(electronRuntimeStatus(project('no-dist')).reason).toMatch(/missing/);
  });

  it('finds an installed runtime the way electron/index.js does', () => {
    const root = project('installed');
    expect(electronRuntimeStatus(root)).toEqual({
      installed: true,
      version: '41.7.1',
      executable: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
      reason: null,
    });
  });

  it('a failed download resolves false', async () => {
    expect(await tryDownloadElectronOnce({ root: project('no-binary') })).toBe(false);
    expect(await tryDownloadElectronOnce({ root: project('absent') })).toBe(false);
  });

  it('a download that hangs is cut off at the timeout', async () => {
    const started = Date.now();
    expect(await tryDownloadElectronOnce({ root: project('no-binary', 'setInterval(() => {}, 1000)'), timeoutMs: 500 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a download that succeeds resolves true', async () => {
    const install = `const fs=require('fs');fs.writeFileSync('path.txt','electron');fs.mkdirSync('dist');fs.writeFileSync('dist/electron','')`;
    expect(await tryDownloadElectronOnce({ root: project('no-binary', install) })).toBe(true);
  });
});
