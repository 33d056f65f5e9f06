import { STYLESHEET } from './assets.ts';
import { html, type Html, type Interpolation } from './html.ts';

// The one layout of the reading pages: header with the site name and navigation, main content, footer. The
// service pages (React) draw the same header and footer from the same tokens (docs/portal.md).

export const NAV = [
  ['/', '首页'],
  ['/search', '信用查询'],
  ['/lists/red', '红名单'],
  ['/lists/black', '黑名单'],
  ['/exposure', '曝光台'],
  ['/policies', '政策与指南'],
  ['/services', '在线服务'],
] as const;

export interface PageFrame {
  siteName: string;
  /** The page's own title (the h1); the document title adds the site name. */
  title: string;
  /** The navigation entry to mark as current. */
  section?: (typeof NAV)[number][0];
  /** When the data shown was current: the date and the data version. */
  asOf?: { date: string; dataVersion: string };
  /** Extra <head> links (e.g. an Atom feed). */
  head?: Interpolation;
  /** A robots directive for pages that should not be indexed (errors, search results). */
  noindex?: boolean;
  body: Interpolation;
}

export function asOfLine(asOf: { date: string; dataVersion: string }): Html {
  return html`<p class="asof">数据截至 ${asOf.date}（北京时间），数据版本 ${asOf.dataVersion}。</p>`;
}

export function page(f: PageFrame): string {
  const nav = NAV.map(
    ([href, label]) =>
      html`<li><a href="${href}" ${f.section === href ? html` aria-current="page"` : ''}>${label}</a></li>`,
  );
  return `<!DOCTYPE html>\n${
    html`<html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${f.title === f.siteName ? f.siteName : `${f.title} - ${f.siteName}`}</title>
        ${f.noindex ? html`<meta name="robots" content="noindex" />` : ''}
        <link rel="stylesheet" href="${STYLESHEET.path}" />
        ${f.head ?? ''}
      </head>
      <body>
        <a class="skip" href="#main">跳到主要内容</a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">${f.siteName}</a>
            <nav class="main" aria-label="主导航">
              <ul>
                ${nav}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex="-1">
          <div class="wrap">
            <h1>${f.title}</h1>
            ${f.body} ${f.asOf ? asOfLine(f.asOf) : ''}
          </div>
        </main>
        <footer class="site">
          <div class="wrap">
            <p><strong>${f.siteName}</strong></p>
            <p>
              本平台公示信息依据《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》及相关规定公开，个人信息依法脱敏。
            </p>
            <p class="links"><a href="/policies">政策与指南</a><a href="/services/tracking">办理进度查询</a></p>
          </div>
        </footer>
      </body>
    </html>`.value
  }\n`;
}
