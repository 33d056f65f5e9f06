// npm run screenshots: every portal page at 1280 and 375 CSS px, from the demo data, into docs/screenshots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, launchBrowser, PHONE } from '../src/test/browser/browser.ts';
import { PORTAL_PAGES } from '../src/test/browser/portal-pages.ts';
import { startPortalServer } from '../src/test/browser/portal-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots');

const built = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await startPortalServer();
const browser = await launchBrowser();
try {
  fs.mkdirSync(out, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, url] of PORTAL_PAGES) {
      await page.goto(server.base + url, { waitUntil: 'networkidle' });
      const file = path.join(out, `${name}-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(root, file));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
