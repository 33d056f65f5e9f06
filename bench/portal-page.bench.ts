// npm run bench:portal-page: what a phone on loopback pays for the portal's first pages: bytes transferred
// (compressed, scripts and styles included) and Largest Contentful Paint in headless Chromium at 375 CSS px.
// Prints JSON and writes bench/results/portal-page.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoCompanies } from '../src/cli/demo.data.ts';
import { launchBrowser, PHONE } from '../src/test/browser/browser.ts';
import { startPortalServer } from '../src/test/browser/portal-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 10);
const pages: [string, string][] = [
  ['home', '/'],
  ['subject', `/subjects/${demoCompanies[0].uscc}`],
  ['search', `/search?q=${encodeURIComponent('鑫源')}`],
  ['services-objection', '/services/objection'],
];

const built = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const server = await startPortalServer();
const browser = await launchBrowser();
const results: Record<string, { bytes: number; requests: number; lcpMs: number; lcpP95Ms: number }> = {};
try {
  for (const [name, url] of pages) {
    const bytes: number[] = [];
    const requests: number[] = [];
    const lcp: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A new context each run: an empty cache, as on a first visit.
      const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let transferred = 0;
      let count = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength;
        count++;
      });
      await page.goto(server.base + url, { waitUntil: 'networkidle' });
      const paint = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: 'largest-contentful-paint', buffered: true });
            setTimeout(() => resolve(-1), 3000);
          }),
      );
      bytes.push(transferred);
      requests.push(count);
      lcp.push(paint);
      await context.close();
    }
    const sorted = [...lcp].sort((a, b) => a - b);
    results[name] = {
      bytes: median(bytes),
      requests: median(requests),
      lcpMs: Math.round(median(lcp)),
      lcpP95Ms: Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!),
    };
  }
} finally {
  await browser.close();
  await server.stop();
}

const report = {
  bench: 'portal-page',
  viewport: PHONE,
  runs: RUNS,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  node: process.version,
  pages: results,
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/portal-page.json'), JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify(report, null, 2));
