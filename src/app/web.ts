// The web app's files (web/dist, built by scripts/build-web.mjs): hashed assets under /assets with a year of
// immutable caching, and the app's HTML shell for the pages it renders, with the configured site name written in.
// Why the build happens at start and test time: docs/decisions/0018-web-app-build.md.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { escapeHtml, notFound, type RoutePlugin } from '../modules/shared/index.ts';
import type { AppContext } from './context.ts';

export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/** The page trees the app renders in the browser; every other page is the server's. */
export const WEB_APP_PATHS = ['/services', '/services/*'];

const SITE_NAME_MARKER = '__CREDLINK_SITE_NAME__';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
};
// One or more plain path segments: no '..', no backslashes, nothing that leaves the assets folder.
const ASSET_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
// Pages take whatever query the app reads (e.g. /services/tracking?no=…); the API's strict query rule is for the API.
const route = { config: { public: true }, schema: { hide: true, querystring: z.looseObject({}) } };

export function webRoutes(options: { distDir?: string } = {}): RoutePlugin<AppContext> {
  const distDir = options.distDir ?? WEB_DIST_DIR;
  const assetsDir = path.join(distDir, 'assets');
  // Assets never change under their hashed names; the shell is re-read when a new build replaced it.
  const assets = new Map<string, { body: Buffer; type: string }>();
  let shell: { mtimeMs: number; html: string } | null = null;

  const readShell = async (siteName: string): Promise<string | null> => {
    const file = path.join(distDir, 'index.html');
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) return null;
    if (shell?.mtimeMs !== stat.mtimeMs) shell = { mtimeMs: stat.mtimeMs, html: await fs.readFile(file, 'utf8') };
    return shell.html.replaceAll(SITE_NAME_MARKER, escapeHtml(siteName));
  };

  return (app, ctx) => {
    app.get('/assets/*', route, async (req, reply) => {
      const name = (req.params as { '*': string })['*'];
      let asset = assets.get(name);
      if (!asset && ASSET_PATH.test(name)) {
        const body = await fs.readFile(path.join(assetsDir, name)).catch(() => null);
        if (body) {
          asset = { body, type: TYPES[path.extname(name)] ?? 'application/octet-stream' };
          assets.set(name, asset);
        }
      }
      if (!asset) throw notFound('文件', 'asset.not_found');
      return reply.header('cache-control', IMMUTABLE).type(asset.type).send(asset.body);
    });

    const sendShell = async (_req: unknown, reply: FastifyReply) => {
      const html = await readShell(ctx.site.name());
      if (html === null) {
        return reply
          .code(503)
          .header('cache-control', 'no-store')
          .header('retry-after', '60')
          .type('text/html; charset=utf-8')
          .send(notBuiltPage(ctx.site.name()));
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    };
    for (const url of WEB_APP_PATHS) app.get(url, route, sendShell);
  };
}

/** What a browser gets when web/dist was never built (e.g. installed without development packages). */
function notBuiltPage(siteName: string): string {
  const name = escapeHtml(siteName);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>在线服务暂不可用 - ${name}</title></head>
<body style="font-family:'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.6;color:#1f1f1f">
<h1>在线服务暂不可用</h1>
<p>在线服务页面的文件尚未构建，请稍后再试。</p>
<p>系统管理员：运行 <code>npm start</code>（启动时自动构建）或 <code>node scripts/build-web.mjs</code> 后刷新本页。</p>
<p><a href="/">返回${name}首页</a></p>
</body>
</html>
`;
}
