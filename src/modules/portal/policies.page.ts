import type { PoliciesBody } from '../publicity/index.ts';
import { kindTag } from './components.ts';
import { html } from './html.ts';
import { page } from './layout.ts';

type ListType = PoliciesBody['listTypes'][number];

function measuresByDepartment(l: ListType) {
  if (l.measures.length === 0) return html`<p class="muted">目录中暂无适用的措施。</p>`;
  const departments = [...new Set(l.measures.map((m) => m.department))];
  return html`${departments.map(
    (d) =>
      html`<h4>${d}</h4>
        <ul>
          ${l.measures
            .filter((m) => m.department === d)
            .map((m) => html`<li><strong>${m.title}</strong>：${m.content}（依据：${m.legalBasis}）</li>`)}
        </ul>`,
  )}`;
}

const listType = (l: ListType) =>
  html`<details class="card ${l.kind}" id="${l.code}">
    <summary><strong>${l.name}</strong> ${kindTag(l.kind)}</summary>
    <dl class="facts">
      <dt>法律依据</dt>
      <dd>${l.legalBasis}</dd>
      <dt>认定部门</dt>
      <dd>${l.identifyingDepartment}</dd>
      <dt>认定标准</dt>
      <dd>${l.criteria}</dd>
      <dt>期限</dt>
      <dd>${l.periodMonths} 个月</dd>
      ${
        l.kind === 'black'
          ? html`<dt>陈述申辩期</dt>
              <dd>事前告知后 ${l.statementPeriodWorkingDays} 个工作日</dd>`
          : ''
      }
      <dt>提前移出（信用修复）</dt>
      <dd>${l.earlyRemovalMonths === null ? '不适用提前移出' : `满 ${l.earlyRemovalMonths} 个月后可以申请`}</dd>
      <dt>移出条件</dt>
      <dd>${l.removalConditions}</dd>
      <dt>移出程序</dt>
      <dd>${l.removalProcedure}</dd>
      <dt>救济途径</dt>
      <dd>${l.remedies}</dd>
    </dl>
    <h3>${l.kind === 'red' ? '激励措施' : '惩戒措施'}（按实施部门）</h3>
    ${measuresByDepartment(l)}
  </details>`;

export function policiesPage(siteName: string, p: PoliciesBody): string {
  const g = p.repairGuide;
  return page({
    siteName,
    title: '政策与指南',
    section: '/policies',
    asOf: p,
    body: html`<p>名单类型和奖惩措施来自本平台名单目录的当前版本；每项措施都有法律、法规或政策依据。</p>
      <nav class="card" aria-label="本页目录">
        <ul class="links plain">
          <li><a href="#red">红名单类型</a></li>
          <li><a href="#black">黑名单类型</a></li>
          <li><a href="#repair">信用修复指南</a></li>
          <li><a href="#objection">异议指南</a></li>
        </ul>
      </nav>
      <h2 id="red">红名单（诚信典型）类型</h2>
      ${p.listTypes.filter((l) => l.kind === 'red').map(listType)}
      <h2 id="black">黑名单（严重失信主体）类型</h2>
      ${p.listTypes.filter((l) => l.kind === 'black').map(listType)}
      <h2 id="repair">信用修复指南</h2>
      <section class="card">
        <p>信用修复由作出认定或处罚决定的部门办理（谁认定、谁修复），不收取任何费用。同时满足以下条件的，可以申请：</p>
        <ol>
          <li>已届满最短公示期限（黑名单见各名单类型的“提前移出”；轻微失信信息履行义务后即可申请）；</li>
          <li>已纠正失信行为，全部履行法定义务；</li>
          <li>公开作出信用承诺；</li>
          <li>符合法律、法规规定的其他条件。</li>
        </ol>
        <p>
          材料只需履行法定义务的证明和信用承诺书。部门在 ${g.acceptanceWorkingDays} 个工作日内决定是否受理，受理后
          ${g.decisionWorkingDays} 个工作日内作出决定。修复后停止公示和共享，相关措施解除。
        </p>
        <p>企业在人民法院批准的重整计划或和解协议执行期间，可以随时申请暂停实施惩戒措施。</p>
        <p><a class="button" href="/services/repair">在线申请信用修复</a></p>
      </section>
      <h2 id="objection">异议指南</h2>
      <section class="card">
        <p>
          认为公示的名单记录或失信信息有误的，可以向作出决定的部门提出异议，并提交证明材料。部门在
          ${g.objectionWorkingDays}
          个工作日内核查处理；异议期间相关措施不停止执行。对处理结果不服的，可以依法申请行政复议或者提起行政诉讼。
        </p>
        <p><a class="button" href="/services/objection">在线提出异议</a></p>
      </section>`,
  });
}
