import type { PublicityPageBody } from '../publicity/index.ts';
import { itemList, pager } from './components.ts';
import { html, queryString } from './html.ts';
import { page } from './layout.ts';

export interface ListFilters {
  listType?: string;
  department?: string;
  from?: string;
  to?: string;
}

export interface FilterOptions {
  listTypes: { code: string; name: string; kind: 'red' | 'black'; exposed: boolean }[];
  departments: { code: string; name: string }[];
}

const INTRO = {
  red: '诚信典型名单（红名单）：依法认定的守信激励对象，向社会公开的部分。',
  black: '严重失信主体名单（黑名单）：依法认定的严重失信主体，向社会公开的部分；期满、修复或撤销后不再公示。',
} as const;

function filterForm(action: string, f: ListFilters, options: FilterOptions, kind: 'red' | 'black') {
  const option = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}" ${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form class="card" action="${action}" method="get" aria-label="筛选条件">
    <div class="filters">
      <div>
        <label for="f-type">名单类型</label
        ><select id="f-type" name="listType">
          ${option('', '全部', f.listType)}${options.listTypes
            .filter((l) => l.kind === kind)
            .map((l) => option(l.code, l.name, f.listType))}
        </select>
      </div>
      <div>
        <label for="f-dept">作出决定的部门</label
        ><select id="f-dept" name="department">
          ${option('', '全部', f.department)}${options.departments.map((d) => option(d.code, d.name, f.department))}
        </select>
      </div>
      <div>
        <label for="f-from">决定日期从</label><input id="f-from" name="from" type="date" value="${f.from ?? ''}" />
      </div>
      <div><label for="f-to">决定日期至</label><input id="f-to" name="to" type="date" value="${f.to ?? ''}" /></div>
      <div><button type="submit">筛选</button></div>
    </div>
  </form>`;
}

export function listPage(
  siteName: string,
  kind: 'red' | 'black',
  f: ListFilters,
  cursor: string | undefined,
  options: FilterOptions,
  data: PublicityPageBody,
): string {
  const path = `/lists/${kind}`;
  const filters = queryString({ ...f });
  const title = kind === 'red' ? '红名单公示' : '黑名单公示';
  const feed = `/api/v1/public/lists/${kind}/atom${filters}`;
  return page({
    siteName,
    title,
    section: path as '/lists/red' | '/lists/black',
    asOf: data,
    head: html`<link rel="alternate" type="application/atom+xml" title="${title}（Atom）" href="${feed}" />`,
    body: html`<p>${INTRO[kind]}</p>
      ${filterForm(path, f, options, kind)}
      <p class="links">
        <a href="/api/v1/public/lists/${kind}/csv${filters}" download>下载 CSV（当前筛选条件）</a
        ><a href="${feed}">Atom 订阅</a>
      </p>
      <section aria-label="公示结果">${itemList(data.items, '没有符合条件的记录。')}</section>
      ${pager(cursor ? `${path}${filters}` : null, data.nextCursor ? `${path}${queryString({ ...f, cursor: data.nextCursor })}` : null)}`,
  });
}

export function exposurePage(
  siteName: string,
  cursor: string | undefined,
  exposed: FilterOptions['listTypes'],
  data: PublicityPageBody,
): string {
  return page({
    siteName,
    title: '曝光台',
    section: '/exposure',
    asOf: data,
    body: html`<p>
        依法向社会公开的严重失信案例。曝光的名单类型由信用办确定：${
          exposed.length > 0 ? exposed.map((l, i) => html`${i > 0 ? '、' : ''}「${l.name}」`) : '目前没有'
        }。
      </p>
      <section aria-label="曝光案例">${itemList(data.items, '目前没有曝光的案例。')}</section>
      ${pager(cursor ? '/exposure' : null, data.nextCursor ? `/exposure${queryString({ cursor: data.nextCursor })}` : null)}`,
  });
}
