// Builds the renderer into build/out/renderer, served by the desktop app:// protocol and the browser host.
// base './' because app:// and the loopback host serve the same files from different origins.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./build/out/renderer'),
    emptyOutDir: true,
    // The strict CSP (no inline anything) forbids data: scripts and inline module preload helpers.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
});
