// How long the subject page's server template takes to render with realistic data (docs/decisions/0017): no
// database, only the template, so the figure compares with rendering one React page. Prints JSON.
import { performance } from 'node:perf_hooks';
import type { CreditProfileBody } from '../src/modules/publicity/index.ts';
import { subjectPage } from '../src/modules/portal/subject.page.ts';

const action = (earliest: string | null) => ({
  available: earliest === null,
  earliestDate: earliest,
  note: earliest
    ? `尚未届满最短公示期限，最早可于 ${earliest} 申请信用修复（提前移出）。`
    : '认为该名单记录有误的，可以向作出决定的部门提出异议。',
});
const entry = (i: number, kind: 'red' | 'black'): CreditProfileBody['entries'][number] => ({
  id: `0190000${i}-0000-7000-8000-000000000001`,
  listType: { code: `${kind}_tax`, name: kind === 'black' ? '重大税收违法失信主体' : '纳税缴费信用A级纳税人', kind },
  fields: {
    subjectName: '济南鑫源商贸有限公司',
    uscc: '91370125MA3C0000X1',
    legalRepresentativeName: '王某某',
    relatedPersons: [
      { name: '王某某', role: 'legalRepresentative', roleLabel: '法定代表人', citizenIdMasked: '3701**********1234' },
    ],
    listTypeName: '重大税收违法失信主体',
    reason:
      '经税务机关检查，该公司2024年至2025年间采取虚假申报手段少缴税款共计人民币一百二十万元，占应纳税额百分之十五以上。',
    legalBasis: '《中华人民共和国税收征收管理法》第六十三条；《重大税收违法失信主体信息公布管理办法》第六条',
    basisDocumentNo: `济税稽罚〔2026〕${100 + i}号`,
    basisDocumentDate: '2026-03-12',
    decisionDate: '2026-04-02',
    startDate: '2026-04-02',
    endDate: '2029-03-12',
    departmentName: '示例区税务局',
  },
  repairNoticeUrl: kind === 'black' ? `/api/v1/public/repair-notices/entry/0190000${i}` : undefined,
  objection: action(null),
  repair: kind === 'black' ? action('2027-03-12') : null,
});
const record = (i: number): CreditProfileBody['records'][number] => ({
  id: `0190000${i}-0000-7000-8000-000000000002`,
  decisionNo: `济市监罚〔2026〕${200 + i}号`,
  decisionDate: '2026-02-01',
  departmentName: '示例区市场监督管理局',
  domainName: '市场监管',
  penaltyType: '罚款',
  facts: '经查，当事人销售不符合食品安全标准的食品，货值金额二万元，违法所得五千元。',
  basis: '《中华人民共和国食品安全法》第一百二十四条',
  amount: '100000',
  severityLabel: '一般',
  disclosureEnd: '2027-02-01',
  repairNoticeUrl: `/api/v1/public/repair-notices/record/0190000${i}`,
  objection: action(null),
  repair: action('2026-05-01'),
});
const profile: CreditProfileBody = {
  dataVersion: '123456',
  date: '2026-06-01',
  subject: {
    kind: 'organization',
    kindLabel: '法人和非法人组织',
    name: '济南鑫源商贸有限公司',
    uscc: '91370125MA3C0000X1',
  },
  entries: [entry(1, 'black'), entry(2, 'black'), entry(3, 'black'), entry(4, 'red')],
  records: [record(1), record(2)],
};

const runs = 5000;
for (let i = 0; i < 500; i++) subjectPage('信用示例区', profile); // warm up
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  bytes = subjectPage('信用示例区', profile).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => Number(times[Math.floor(q * (times.length - 1))]!.toFixed(3));
console.log(
  JSON.stringify({
    page: 'subject',
    entries: 4,
    records: 2,
    runs,
    htmlChars: bytes,
    ms: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
  }),
);
