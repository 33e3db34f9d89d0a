/**
 * The operator console's build (`npm run build:web` → web/dist, served by the hub at /console)
 * and its development server (`npm run dev:web`, proxying the API to a hub on port 4000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything is a file of its own: the Content-Security-Policy allows no inline script or style.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/graphql': { target: process.env.HUB_URL ?? 'http://localhost:4000', ws: true } },
  },
});
