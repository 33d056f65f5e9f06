// The web app's build (scripts/build-web.mjs runs it; `npx vite --config web/vite.config.ts` serves it while working
// on it, with /api proxied to a running server). Hashed files land in web/dist/assets, served by src/app/web.ts.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

// In the built shell the server puts the configured site name in place of this marker (src/app/web.ts); under
// `vite dev` there is no server in front, so the development server does it.
const SITE_NAME_MARKER = '__CREDLINK_SITE_NAME__';
const siteNameInDev: Plugin = {
  name: 'credlink-site-name',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replaceAll(SITE_NAME_MARKER, process.env.CREDLINK_SITE_NAME?.trim() || '信用信息公示平台'),
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), siteNameInDev],
  resolve: { alias: { '@': path.join(root, 'src') } },
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    // The manifest tells the build script which files each page loads (it reports their compressed size).
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': process.env.CREDLINK_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
