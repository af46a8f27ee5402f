// The customer portal's build: `vite build --config apps/portal/vite.config.mjs` (npm run build, npm start).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    // The API serves this directory at the site root (apps/api/src/portal); `--outDir` overrides it (the tests build into a temp dir).
    outDir: here('../../dist/portal'),
    emptyOutDir: true,
    // Served by the API process, whose Content-Security-Policy allows scripts from 'self' only: no inline module preload.
    modulePreload: { polyfill: false },
  },
});
