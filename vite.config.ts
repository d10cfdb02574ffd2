import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = import.meta.dirname;
/** The API server `npm run dev` starts beside Vite; the dev server forwards API calls to it. */
const apiTarget = process.env.CLOSER_API_URL ?? 'http://127.0.0.1:3000';
/** Lets several people run browser tests in one checkout at once, each building into their own folder. */
const outDir = process.env.CLOSER_WEB_OUT_DIR ?? 'dist/web';

export default defineConfig({
  root: resolve(projectRoot, 'src/web'),
  plugins: [react()],
  build: {
    outDir: resolve(projectRoot, outDir),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Budget: React + router (about 100 kB gzipped) load once and stay cached across releases;
    // each area is its own lazily loaded chunk, so no page's code slows the first load of another.
    // Observable Plot with its d3 modules (about 380 kB, 125 kB gzipped) is the largest chunk; only pages with
    // charts load it, after their own code.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/ }],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
