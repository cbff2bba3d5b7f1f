#!/usr/bin/env node
// Bundles the desktop host (electron/desktop/main.ts + preload.ts, and the core they import) into
// build/out/desktop/{main,preload}.cjs for Electron. electron and better-sqlite3 stay outside:
// electron is the runtime itself, better-sqlite3 loads its native binding from disk.
//   node build/scripts/build-desktop.mjs [--production]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {{ production?: boolean, outDir?: string, root?: string }} [options] */
export async function buildDesktop(options = {}) {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? path.join(root, 'build/out/desktop');
  const production = options.production ?? false;
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 41 ships Node 24; node20 keeps the output loadable by the Node used for tests too.
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
    sourcemap: production ? false : 'linked',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: path.join(root, 'electron/desktop/main.ts') },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      // The core may read import.meta.url for its default migrations folder. In a CJS bundle that
      // would be undefined; main passes migrationsDir explicitly, this only keeps the code valid.
      define: { 'import.meta.url': '__bundleFileUrl' },
      banner: { js: `const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;` },
    }),
    build({
      ...common,
      // A sandboxed preload may require only 'electron' and a few polyfilled modules: bundle all else.
      entryPoints: { preload: path.join(root, 'electron/desktop/preload.ts') },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      platform: 'browser',
      external: ['electron'],
    }),
  ]);
  return { main: path.join(outDir, 'main.cjs'), preload: path.join(outDir, 'preload.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildDesktop({ production: process.argv.includes('--production') });
  console.log(`desktop bundle: ${path.relative(ROOT, out.main)}, ${path.relative(ROOT, out.preload)}`);
}
