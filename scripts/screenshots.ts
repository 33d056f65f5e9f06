// npm run screenshots: every portal page at 1280 and 375 CSS px, from the demo data, into docs/screenshots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { demoCompanies } from '../src/cli/demo.data.ts';
import { DESKTOP, launchBrowser, PHONE } from '../src/test/browser/browser.ts';
import { startPortalServer } from '../src/test/browser/portal-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots');

const pages: [name: string, url: string][] = [
  ['home', '/'],
  ['search', `/search?q=${encodeURIComponent('鑫源建')}`],
  ['search-malformed-code', `/search?q=91370125MA3C0D0010`],
  ['subject', `/subjects/${demoCompanies[0].uscc}`],
  ['lists-red', '/lists/red'],
  ['lists-black', '/lists/black'],
  ['exposure', '/exposure'],
  ['policies', '/policies'],
  ['services', '/services'],
  ['services-objection', '/services/objection'],
  ['services-repair', '/services/repair'],
  ['services-tipoff', '/services/tipoff'],
  ['services-tracking', '/services/tracking'],
  ['services-identifier', '/services/identifier'],
];

const built = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await startPortalServer();
const browser = await launchBrowser();
try {
  fs.mkdirSync(out, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, url] of pages) {
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
