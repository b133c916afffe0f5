// Builds the three Electron bundles (main, preload, renderer) into out/.
// The browser shell serves the same out/renderer.
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The core reads its SQL migrations from disk, next to the bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'hims-copy-migrations',
    writeBundle() {
      cpSync(resolve('main/db/migrations'), resolve('out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      // better-sqlite3 is native: load it from node_modules (or the
      // Electron-ABI copy), never bundle it.
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS: keep it so even if the package
      // turns into an ES module one day.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/bridge.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // Smaller for a thin-client counter loading the page over the LAN;
      // Electron reads it from disk either way.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
