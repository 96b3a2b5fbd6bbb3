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
    // Never empty dist/web: a page already open (or a browser test running while someone rebuilds) may still
    // load its hashed chunks, vega's among them, after the next build. Old hashed files are small and harmless.
    emptyOutDir: false,
    // vega (loaded only for a metric chart) is one chunk of about 850 kB; the page itself is about 90 kB.
    chunkSizeWarningLimit: 2000,
  },
});
