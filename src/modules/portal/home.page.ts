import type { OverviewBody } from '../publicity/index.ts';
import { briefList } from './components.ts';
import { html } from './html.ts';
import { page } from './layout.ts';

export const searchForm = (q = '') =>
  html`<form class="search" action="/search" method="get" role="search">
      <div class="field">
        <label for="q">主体名称或统一社会信用代码</label>
        <input
          id="q"
          name="q"
          type="search"
          value="${q}"
          maxlength="100"
          autocomplete="off"
          placeholder="例如：鑫源，或 18 位统一社会信用代码"
        />
      </div>
      <button type="submit">查询</button>
    </form>
    <p class="muted">不能使用公民身份号码查询。自然人只在名单公开范围内按姓名查到，身份号码始终脱敏。</p>`;

const SERVICES = [
  ['/services/objection', '提出异议'],
  ['/services/repair', '申请信用修复'],
  ['/services/tipoff', '举报失信行为'],
  ['/services/tracking', '办理进度查询'],
  ['/services/identifier', '代码和号码校验'],
] as const;

export function homePage(siteName: string, o: OverviewBody): string {
  return page({
    siteName,
    title: siteName,
    section: '/',
    asOf: o,
    body: html`<section class="card" aria-labelledby="search-h">
        <h2 id="search-h">信用查询</h2>
        ${searchForm()}
      </section>
      <section aria-labelledby="stats-h">
        <h2 id="stats-h">公示概况</h2>
        <div class="stats">
          <p class="stat red"><strong>${o.counts.red}</strong>红名单（诚信典型）记录</p>
          <p class="stat black"><strong>${o.counts.black}</strong>黑名单（严重失信主体）记录</p>
          <p class="stat"><strong>${o.counts.records}</strong>公示期内的失信信息</p>
        </div>
      </section>
      <section aria-labelledby="latest-h">
        <h2 id="latest-h">最新公布</h2>
        ${briefList(o.latest, '暂无公布的名单记录。')}
        <p class="links">
          <a href="/lists/red">全部红名单</a><a href="/lists/black">全部黑名单</a><a href="/exposure">曝光台</a>
        </p>
      </section>
      <section aria-labelledby="services-h">
        <h2 id="services-h">在线服务</h2>
        <ul class="links plain">
          ${SERVICES.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}
        </ul>
      </section>`,
  });
}
