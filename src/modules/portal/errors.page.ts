import { AppError } from '../shared/index.ts';
import { html } from './html.ts';
import { page } from './layout.ts';
import { searchForm } from './home.page.ts';

// What a browser sees when a page cannot be shown: a Chinese page in the site's layout, never a stack trace or a
// JSON envelope. The API keeps its JSON answers (src/app/server.ts chooses by path).

const TITLES: Record<number, string> = {
  400: '请求有误',
  404: '页面不存在',
  422: '无法处理该请求',
  429: '访问过于频繁',
  500: '服务暂时不可用',
  503: '服务暂时不可用',
};

export function messagePage(siteName: string, status: number, message: string): string {
  return page({
    siteName,
    title: TITLES[status] ?? '请求未能完成',
    noindex: true,
    body: html`<div class="notice${status >= 500 || status === 429 ? '' : ' error'}" role="alert">
        <p>${message}</p>
      </div>
      ${
        status === 404
          ? html`<section class="card">
              <h2>查找主体</h2>
              ${searchForm()}
            </section>`
          : ''
      }
      <p class="links"><a href="/">返回首页</a><a href="/search">信用查询</a></p>`,
  });
}

export const notFoundMessage = '您访问的页面不存在，或该主体目前没有向社会公开的信用信息。';

/** The status and Chinese message of a page's error (the JSON envelope's, in words for a reader). */
export function pageError(error: unknown): { status: number; message: string } {
  if (error instanceof AppError) {
    if (error.status === 404) return { status: 404, message: notFoundMessage };
    return { status: error.status, message: error.message };
  }
  const e = error as { statusCode?: number; validation?: unknown };
  if (e.validation !== undefined)
    return {
      status: 400,
      message: '查询条件不符合要求：请检查输入的内容（不能包含控制字符；日期应为 YYYY-MM-DD 格式），然后重新查询。',
    };
  if (e.statusCode === 429) return { status: 429, message: '访问过于频繁，请稍后再试。' };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { status: e.statusCode, message: '请求无效。' };
  return { status: 500, message: '服务器暂时无法显示该页面，请稍后重试。' };
}
