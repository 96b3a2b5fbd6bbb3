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
    // vega (loaded only for a metric chart) is one chunk of about 850 kB; the page itself is about 90 kB.
    chunkSizeWarningLimit: 2000,
  },
});
