// The pure modules must load under plain Node (no Electron runtime here, none in CI): electron may
// appear in them only as `import type`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(__dirname, '../../electron/desktop');
const PURE = ['window.ts', 'urls.ts', 'bridge.ts', 'ipc.ts', 'menu.ts', 'paths.ts', 'app-protocol.ts'];

describe('pure desktop modules', () => {
  it.each(PURE)('%s imports electron only as a type', (file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    const runtimeImports = source.match(/^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]/gm) ?? [];
    expect(runtimeImports).toEqual([]);
    expect(source).not.toMatch(/require\(\s*['"]electron['"]\s*\)/);
  });

  it('the shared csp.ts imports nothing at all, so both hosts and the renderer can share it', () => {
    expect(readFileSync(path.resolve(DIR, '../shared/csp.ts'), 'utf8')).not.toMatch(/^\s*import\s/m);
  });

  it('the preload exposes one object and never ipcRenderer itself', () => {
    const source = readFileSync(path.join(DIR, 'preload.ts'), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\('office', office\)/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(source).not.toMatch(/ipcRenderer\.(on|send|sendSync|postMessage)\b/);
  });
});
