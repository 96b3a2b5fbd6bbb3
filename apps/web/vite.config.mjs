// Builds the page into dist/web, which the API serves at `/` (apps/api/src/bootstrap.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // vega is most of the bundle; one chunk for it keeps the page's own code small to reload.
    chunkSizeWarningLimit: 2000,
  },
});
