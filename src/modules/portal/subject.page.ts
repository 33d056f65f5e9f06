import type { CreditProfileBody } from '../publicity/index.ts';
import { entryFacts, kindTag } from './components.ts';
import { html, type Html } from './html.ts';
import { page } from './layout.ts';

type Action = CreditProfileBody['entries'][number]['objection'];

function actions(objection: Action, repair: Action | null): Html {
  return html`<h4>可以办理</h4>
    <ul>
      <li>
        异议：${objection.note}${objection.available ? html` <a href="/services/objection">在线提出异议</a>` : ''}
      </li>
      ${
        repair
          ? html`<li>
              信用修复：${repair.note}${repair.available ? html` <a href="/services/repair">在线申请信用修复</a>` : ''}
            </li>`
          : ''
      }
    </ul>`;
}

export function subjectPage(siteName: string, p: CreditProfileBody): string {
  const s = p.subject;
  const red = p.entries.filter((e) => e.listType.kind === 'red');
  const black = p.entries.filter((e) => e.listType.kind === 'black');
  const entry = (e: CreditProfileBody['entries'][number]) =>
    html`<article class="card ${e.listType.kind}">
      <h3>${kindTag(e.listType.kind)} ${e.listType.name}</h3>
      ${entryFacts(e.fields, ['subjectName', 'uscc', 'citizenId', 'listTypeName'])}
      ${e.repairNoticeUrl ? html`<p><a href="${e.repairNoticeUrl}">信用修复告知书</a></p>` : ''}
      ${actions(e.objection, e.repair)}
    </article>`;
  const record = (r: CreditProfileBody['records'][number]) =>
    html`<article class="card black">
      <h3>${r.penaltyType}（失信程度：${r.severityLabel}）</h3>
      <dl class="facts">
        <dt>行政处罚决定书文号</dt>
        <dd>${r.decisionNo}</dd>
        <dt>决定日期</dt>
        <dd>${r.decisionDate}</dd>
        <dt>作出决定的部门</dt>
        <dd>${r.departmentName}</dd>
        <dt>领域</dt>
        <dd>${r.domainName}</dd>
        <dt>违法事实</dt>
        <dd>${r.facts}</dd>
        <dt>处罚依据</dt>
        <dd>${r.basis}</dd>
        ${
          r.amount
            ? html`<dt>金额（元）</dt>
                <dd>${r.amount}</dd>`
            : ''
        }
        <dt>公示期</dt>
        <dd>${r.decisionDate} 至 ${r.disclosureEnd}</dd>
      </dl>
      <p><a href="${r.repairNoticeUrl}">信用修复告知书</a></p>
      ${actions(r.objection, r.repair)}
    </article>`;
  const nothing = red.length === 0 && black.length === 0 && p.records.length === 0;
  return page({
    siteName,
    title: s.name,
    section: '/search',
    asOf: p,
    body: html`<section class="card" aria-label="主体信息">
        <dl class="facts">
          <dt>主体类型</dt>
          <dd>${s.kindLabel}</dd>
          ${
            s.uscc
              ? html`<dt>统一社会信用代码</dt>
                  <dd>${s.uscc}</dd>`
              : ''
          }
          ${
            s.status
              ? html`<dt>登记状态</dt>
                  <dd>${s.status === 'active' ? '存续' : `注销${s.statusDate ? `（${s.statusDate}）` : ''}`}</dd>`
              : ''
          }
          ${
            s.citizenIdMasked
              ? html`<dt>公民身份号码（脱敏）</dt>
                  <dd>${s.citizenIdMasked}</dd>`
              : ''
          }
        </dl>
      </section>
      ${nothing ? html`<p class="notice">该主体目前没有向社会公开的名单记录和失信信息。</p>` : ''}
      <section aria-labelledby="black-h">
        <h2 id="black-h">严重失信主体名单（黑名单）</h2>
        ${black.length > 0 ? black.map(entry) : html`<p class="muted">无。</p>`}
      </section>
      <section aria-labelledby="records-h">
        <h2 id="records-h">失信信息（行政处罚等）</h2>
        ${p.records.length > 0 ? p.records.map(record) : html`<p class="muted">无公示期内的失信信息。</p>`}
      </section>
      <section aria-labelledby="red-h">
        <h2 id="red-h">诚信典型名单（红名单）</h2>
        ${red.length > 0 ? red.map(entry) : html`<p class="muted">无。</p>`}
      </section>
      <p class="muted">只显示今天仍在公示期内、且依规定向社会公开的信息；已期满、已修复、已撤销的不再显示。</p>`,
  });
}
