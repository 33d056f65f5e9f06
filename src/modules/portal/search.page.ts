import { SUBJECT_KIND_LABELS } from '../publicity/index.ts';
import { searchForm } from './home.page.ts';
import { html, queryString } from './html.ts';
import { page } from './layout.ts';
import type { Refusal, SubjectHit, SubjectSearch } from './search.ts';

const STATUS = { active: '存续', deregistered: '注销' } as const;

const hitPath = (h: SubjectHit) => (h.kind === 'person' ? `/subjects/${h.id}` : h.uscc ? `/subjects/${h.uscc}` : null);

function hit(h: SubjectHit) {
  const path = hitPath(h);
  return html`<li>
    ${path ? html`<a href="${path}">${h.name}</a>` : h.name}
    <span class="muted"
      >${SUBJECT_KIND_LABELS[h.kind]}${h.uscc ? ` · ${h.uscc}` : ''}${h.citizenIdMasked ? ` · ${h.citizenIdMasked}` : ''}${
        h.status ? ` · ${STATUS[h.status]}` : ''
      }</span
    >${h.matchedFormerName ? html`<br /><span class="muted">曾用名：${h.matchedFormerName}</span>` : ''}
  </li>`;
}

export type SearchView = { q: string; refusal?: Refusal; result?: SubjectSearch };

/** The search page: the form, and a refusal (never echoing an ID number), a code's answer, or names found. */
export function searchPage(siteName: string, v: SearchView, asOf?: { date: string; dataVersion: string }): string {
  // An ID number is never written back, not even into the search box.
  const shown =
    v.refusal?.code === 'search.citizen_id_refused' || v.refusal?.code === 'search.control_characters' ? '' : v.q;
  let body = html``;
  if (v.refusal) {
    body = html`<div class="notice error" role="alert">
      <p>${v.refusal.message}</p>
      ${
        v.refusal.problems?.length
          ? html`<ul>
              ${v.refusal.problems.map((p) => html`<li>${p}</li>`)}
            </ul>`
          : ''
      }
    </div>`;
  } else if (v.result?.kind === 'code') {
    body = v.result.subject
      ? html`<ul class="plain card">
          ${hit(v.result.subject)}
        </ul>`
      : html`<p class="notice">统一社会信用代码 ${v.result.uscc} 格式正确，但本平台没有该主体的登记信息。</p>`;
  } else if (v.result?.kind === 'names') {
    const r = v.result;
    const more = r.page * r.pageSize < r.total;
    body = html`<h2>查询结果</h2>
      <p>
        ${r.total === 0 ? '没有找到名称包含该关键字的主体。' : `找到 ${r.total}${r.capped ? ' 个以上' : ' 个'}主体${r.capped ? '，请输入更完整的名称缩小范围' : ''}。`}
      </p>
      ${
        r.items.length > 0
          ? html`<ul class="plain card">
              ${r.items.map(hit)}
            </ul>`
          : ''
      }
      <nav class="pager" aria-label="分页">
        ${r.page > 1 ? html`<a href="/search${queryString({ q: r.q, page: r.page - 1 })}">上一页</a>` : ''}${
          more ? html`<a href="/search${queryString({ q: r.q, page: r.page + 1 })}" rel="next">下一页</a>` : ''
        }
      </nav>`;
  }
  return page({
    siteName,
    title: '信用查询',
    section: '/search',
    noindex: v.q !== '',
    ...(asOf ? { asOf } : {}),
    body: html`<section class="card">${searchForm(shown)}</section>
      ${body}`,
  });
}
