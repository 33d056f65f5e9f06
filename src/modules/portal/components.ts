import type { PublicityItemBody } from '../publicity/index.ts';
import { html, type Html } from './html.ts';

// Pieces several reading pages share: an entry's public fields, a publicity list, paging.

const FIELD_LABELS: Record<string, string> = {
  subjectName: '主体名称',
  uscc: '统一社会信用代码',
  citizenId: '公民身份号码（脱敏）',
  legalRepresentativeName: '法定代表人',
  listTypeName: '名单',
  reason: '列入事由',
  legalBasis: '法律依据',
  decisionDocumentNo: '决定书文号',
  basisDocumentNo: '据以认定的生效文书',
  basisDocumentDate: '生效文书日期',
  decisionDate: '决定日期',
  departmentName: '作出决定的部门',
  caseNumber: '案号',
};

type Person = { name: string; roleLabel: string; citizenIdMasked?: string };

/** An entry's public fields as a definition list: only what its list type discloses, in a fixed reading order. */
export function entryFacts(fields: Record<string, unknown>, skip: string[] = []): Html {
  const rows: Html[] = [];
  const start = fields.startDate as string | undefined;
  const end = fields.endDate as string | undefined;
  for (const [name, value] of Object.entries(fields)) {
    if (skip.includes(name) || name === 'startDate' || name === 'endDate' || name === 'relatedPersons') continue;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    rows.push(
      html`<dt>${FIELD_LABELS[name] ?? name}</dt>
        <dd>${value}</dd>`,
    );
  }
  if (start || end)
    rows.push(
      html`<dt>有效期</dt>
        <dd>${start ?? '—'} 至 ${end ?? '—'}</dd>`,
    );
  const persons = fields.relatedPersons as Person[] | undefined;
  if (persons && persons.length > 0)
    rows.push(
      html`<dt>相关人员</dt>
        <dd>
          ${persons.map(
            (p, i) =>
              html`${i > 0 ? '；' : ''}${p.roleLabel} ${p.name}${p.citizenIdMasked ? `（${p.citizenIdMasked}）` : ''}`,
          )}
        </dd>`,
    );
  return html`<dl class="facts">${rows}</dl>`;
}

export const kindTag = (kind: 'red' | 'black') =>
  html`<span class="tag ${kind}">${kind === 'red' ? '红名单' : '黑名单'}</span>`;

/** A publicity list: each entry with its subject (linked to its credit page) and its public facts. */
export function itemList(items: PublicityItemBody[], empty: string): Html {
  if (items.length === 0) return html`<p class="card">${empty}</p>`;
  return html`${items.map((i) => {
    const name = i.subject.name ?? '（名称不公开）';
    return html`<article class="card ${i.listType.kind}">
      <h3>${i.subject.path ? html`<a href="${i.subject.path}">${name}</a>` : name}</h3>
      <p>${kindTag(i.listType.kind)} ${i.listType.name}</p>
      ${entryFacts(i.fields, ['subjectName', 'listTypeName'])}
      ${i.repairNoticeUrl ? html`<p><a href="${i.repairNoticeUrl}">信用修复告知书</a></p>` : ''}
    </article>`;
  })}`;
}

/** The latest publications in one line each (the home page): the subject, its list, the date and the department. */
export function briefList(items: PublicityItemBody[], empty: string): Html {
  if (items.length === 0) return html`<p class="card">${empty}</p>`;
  return html`<ul class="plain card brief">
    ${items.map((i) => {
      const name = i.subject.name ?? '（名称不公开）';
      const department = typeof i.fields.departmentName === 'string' ? ` · ${i.fields.departmentName}` : '';
      return html`<li>
        ${kindTag(i.listType.kind)} ${i.subject.path ? html`<a href="${i.subject.path}">${name}</a>` : name}
        <br /><span class="muted">${i.listType.name} · ${i.decisionDate}${department}</span>
      </li>`;
    })}
  </ul>`;
}

/** Keyset paging: a link back to the first page and one to the next (no page numbers: the list moves). */
export function pager(firstHref: string | null, nextHref: string | null): Html {
  if (!firstHref && !nextHref) return html``;
  return html`<nav class="pager" aria-label="分页">
    ${firstHref ? html`<a href="${firstHref}">« 第一页</a>` : ''}${
      nextHref ? html`<a href="${nextHref}" rel="next">下一页 »</a>` : ''
    }
  </nav>`;
}
