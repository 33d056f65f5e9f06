import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { WEB_DIST_DIR } from './web.ts';

const SHELL = `<!doctype html><html lang="zh-CN"><head>
<meta name="credlink-site-name" content="__CREDLINK_SITE_NAME__" />
<title>在线服务 - __CREDLINK_SITE_NAME__</title>
<script type="module" crossorigin src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>`;

describe('a server with a built web app', () => {
  let t: TestApp;
  let dist: string;
  before(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'credlink-web-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), SHELL);
    await writeFile(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log("app");');
    await writeFile(path.join(dist, 'assets', 'index-AbC123.css'), 'body{color:#1f1f1f}');
    t = await createTestApp({ webDistDir: dist, config: { siteName: '济阳<信用>' } });
  });
  after(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  test('a service page answers the app shell with the configured site name in its title and meta, not cached', async () => {
    for (const url of ['/services', '/services/objection', '/services/tracking?no=YY2026000001']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.match(res.body, /<title>在线服务 - 济阳&lt;信用&gt;<\/title>/);
      assert.match(res.body, /<meta name="credlink-site-name" content="济阳&lt;信用&gt;" \/>/);
      assert.doesNotMatch(res.body, /__CREDLINK_SITE_NAME__/);
    }
  });

  test('hashed assets are served with their type and a year of immutable caching', async () => {
    const js = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    assert.equal(js.statusCode, 200);
    assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(js.headers['content-type'] as string, /^text\/javascript/);
    assert.equal(js.body, 'console.log("app");');
    const css = await t.app.inject({ method: 'GET', url: '/assets/index-AbC123.css' });
    assert.match(css.headers['content-type'] as string, /^text\/css/);
  });

  test('a missing asset or a path leaving the assets folder answers 404', async () => {
    for (const url of ['/assets/nothing-here.js', '/assets/../index.html', '/assets/%2e%2e/index.html']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.notEqual(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    }
  });

  test('the web routes stay out of the API document', async () => {
    const paths = Object.keys((t.app.swagger() as { paths: Record<string, unknown> }).paths);
    assert.ok(!paths.some((p) => p.startsWith('/services') || p.startsWith('/assets')));
  });
});

test('without a built web app, a service page answers a Chinese 503 page instead of failing', async () => {
  const t = await createTestApp({
    webDistDir: path.join(tmpdir(), 'credlink-web-never-built'),
    config: { siteName: '信用济阳' },
  });
  try {
    const res = await t.app.inject({ method: 'GET', url: '/services/objection' });
    assert.equal(res.statusCode, 503);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /在线服务暂不可用/);
    assert.match(res.body, /返回信用济阳首页/);
  } finally {
    await t.close();
  }
});

const built = fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'));
test(
  'the built app shell loads its code from /assets and holds no inline script (the CSP allows none)',
  { skip: built ? false : 'web/dist is not built (npm test builds it first: node scripts/build-web.mjs)' },
  async () => {
    const t = await createTestApp({ config: { siteName: '信用济阳' } });
    try {
      const shell = await t.app.inject({ method: 'GET', url: '/services/objection' });
      assert.equal(shell.statusCode, 200);
      assert.match(shell.body, /<title>在线服务 - 信用济阳<\/title>/);
      const scripts = [...shell.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0);
      for (const [, attributes, content] of scripts) {
        assert.match(attributes!, /src="\/assets\/[^"]+\.js"/, 'every script is a file under /assets');
        assert.equal(content!.trim(), '', 'no inline script');
      }
      assert.doesNotMatch(shell.body, /\son[a-z]+=/i, 'no inline event handler');
      const src = /src="(\/assets\/[^"]+\.js)"/.exec(shell.body)![1]!;
      const asset = await t.app.inject({ method: 'GET', url: src });
      assert.equal(asset.statusCode, 200);
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    } finally {
      await t.close();
    }
  },
);
