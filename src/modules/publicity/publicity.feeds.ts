import type { PublicityItemBody } from './publicity.schemas.ts';

// The publicity lists as files: CSV for spreadsheets and an Atom feed for readers. Both are built from the items the
// JSON list gives (the disclosure presenter's fields), so they hold nothing the list does not, and an ID number only
// in its masked form.

const COLUMNS: [string, (i: PublicityItemBody) => unknown][] = [
  ['名单', (i) => i.listType.name],
  ['主体名称', (i) => i.fields.subjectName],
  ['统一社会信用代码', (i) => i.fields.uscc],
  ['公民身份号码（脱敏）', (i) => i.fields.citizenId],
  ['列入事由', (i) => i.fields.reason],
  ['法律依据', (i) => i.fields.legalBasis],
  ['决定书文号', (i) => i.fields.decisionDocumentNo],
  ['作出决定的部门', (i) => i.fields.departmentName],
  ['决定日期', (i) => i.decisionDate],
  ['起始日期', (i) => i.fields.startDate],
  ['截止日期', (i) => i.fields.endDate],
];

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function cell(value: unknown): string {
  let text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark: Excel on Windows reads Chinese text correctly only with it. */
export function toCsv(items: PublicityItemBody[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const item of items) lines.push(COLUMNS.map(([, get]) => cell(get(item))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (value: string) => value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

export interface FeedInfo {
  title: string;
  /** The site's origin, e.g. https://credit.example.gov.cn (feed readers need absolute links). */
  origin: string;
  /** The page the feed follows, e.g. /lists/black. */
  pagePath: string;
  feedPath: string;
}

const line = (label: string, value: unknown) => (typeof value === 'string' && value ? `${label}：${value}` : null);

const instant = (date: string) => `${date}T00:00:00+08:00`;

export function toAtom(items: PublicityItemBody[], info: FeedInfo): string {
  const updated = items[0] ? instant(items[0].decisionDate) : '2000-01-01T00:00:00+08:00';
  const entries = items.map((i) => {
    const name = i.subject.name ?? '（名称不公开）';
    const link = i.subject.path ? `${info.origin}${i.subject.path}` : `${info.origin}${info.pagePath}`;
    const summary = [
      line('列入事由', i.fields.reason),
      line('决定书文号', i.fields.decisionDocumentNo),
      line('作出决定的部门', i.fields.departmentName),
    ]
      .filter(Boolean)
      .join('；');
    return `<entry>
<id>urn:uuid:${xml(i.id)}</id>
<title>${xml(`${i.listType.name}：${name}`)}</title>
<updated>${instant(i.decisionDate)}</updated>
<link rel="alternate" type="text/html" href="${xml(link)}"/>
<summary>${xml(summary || i.listType.name)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${xml(`${info.origin}${info.feedPath}`)}</id>
<title>${xml(info.title)}</title>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${xml(`${info.origin}${info.feedPath}`)}"/>
<link rel="alternate" type="text/html" href="${xml(`${info.origin}${info.pagePath}`)}"/>
${entries.join('\n')}
</feed>
`;
}
