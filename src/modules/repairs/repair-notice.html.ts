// The repair notice (信用修复告知书) as one printable HTML file: no script, no external resource, every value escaped.
import { escapeHtml } from '../shared/index.ts';

export interface NoticeData {
  noticeNo: string;
  issuedDate: string;
  party: { name: string; code: string | null; codeLabel: string };
  /** Rows describing the decision or record: [label, value]. */
  subjectMatter: { title: string; rows: [string, string][] };
  earliest: string;
  periodEnd: string;
  department: string;
  acceptanceDays: number;
  decisionDays: number;
  reorganization: boolean;
}

const STYLE = `
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; max-width: 760px; margin: 2em auto; padding: 0 1.5em; line-height: 1.8; color: #000; }
h1 { text-align: center; font-size: 1.6em; letter-spacing: 0.2em; margin-bottom: 0.2em; }
.no { text-align: center; margin-top: 0; }
h2 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { width: 30%; background: #f2f2f2; font-weight: normal; }
.sign { text-align: right; margin-top: 2.5em; }
@media print { body { margin: 0; } }`;

const row = ([label, value]: [string, string]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
const list = (items: string[]) => `<ol>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`;

export function renderRepairNotice(d: NoticeData): string {
  const e = escapeHtml;
  const party = d.party.code ? `${d.party.name}（${d.party.codeLabel}：${d.party.code}）` : d.party.name;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>信用修复告知书 ${e(d.noticeNo)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>信用修复告知书</h1>
<p class="no">${e(d.noticeNo)}</p>
<p>${e(party)}：</p>
<p>本机关依法作出下列${e(d.subjectMatter.title)}，现将信用修复的有关事项告知如下（本告知书与决定书同时送达）。</p>
<h2>一、${e(d.subjectMatter.title)}</h2>
<table>${d.subjectMatter.rows.map(row).join('')}</table>
<h2>二、可以申请信用修复的时间</h2>
<p>${e(d.earliest)}</p>
<p>${e(d.periodEnd)}</p>
<h2>三、信用修复的条件</h2>
${list([
  '已届满最短公示期限（见第二项）；',
  '已纠正失信行为，全部履行法定义务；',
  '公开作出信用承诺；',
  '符合法律、法规规定的其他条件。',
])}
${d.reorganization ? `<p>${e('企业进入人民法院批准的重整计划或者认可的和解协议执行期间的，可以凭法院裁定书申请暂停实施惩戒措施。')}</p>` : ''}
<h2>四、申请材料</h2>
<p>申请材料仅限于：</p>
${list(['履行法定义务、纠正失信行为的证明材料；', '信用承诺书（违背承诺的，失信信息按最长公示期限重新公示，并依法承担相应责任）。'])}
<p>除上述材料外，不要求提供其他材料。</p>
<h2>五、受理和办理</h2>
<p>${e(`信用修复申请由作出认定的${d.department}受理和办理（谁认定、谁修复）。自收到申请之日起 ${d.acceptanceDays} 个工作日内决定是否受理；受理后 ${d.decisionDays} 个工作日内作出决定。准予修复的，停止公示和共享，解除相关惩戒措施，并推送至已接收该信息的部门。`)}</p>
<p><strong>信用修复不收取任何费用。</strong>任何机构或者个人以信用修复名义收取费用的，均属违规，可以向信用主管部门举报。</p>
<h2>六、申请渠道</h2>
${list([
  '本系统公开申请：通过信用信息门户“信用修复”栏目提交，凭申请编号和查询密码查询办理进度和结果；',
  '“信用中国”网站（www.creditchina.gov.cn）信用修复栏目；',
  `直接向${d.department}提出。`,
])}
<p class="sign">${e(d.department)}<br>${e(d.issuedDate)}</p>
</body>
</html>
`;
}

/** A document number as a file name: path and reserved characters replaced. */
export const noticeFileName = (noticeNo: string) => `信用修复告知书-${noticeNo.replace(/[\\/:*?"<>|\s]+/g, '_')}.html`;
