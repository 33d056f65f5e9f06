// Seed catalog of the fictional demo district 示例区: scenarios, departments, list types and measures.
// Every item traces to the seed document (济阳信用办〔2020〕8号, items 二.(一)1–6, 二.(二)1–7, 三.(一)9–13,
// 三.(二)14–18) and to a national legal basis. Numbers that could not be confirmed from an official full text are
// configurable defaults and say so in sourceNote (docs/domain/rules.md: "configurable").
import type { DepartmentSeed, ScenarioSeed } from './catalog.types.ts';

export const scenarios: readonly ScenarioSeed[] = [
  { code: 'administrative_licensing', name: '行政许可' },
  { code: 'fiscal_funds', name: '财政资金' },
  { code: 'public_resource_trading', name: '公共资源交易' },
  { code: 'commendation', name: '评先评优' },
  { code: 'routine_inspection', name: '日常检查' },
  { code: 'public_services', name: '公共服务' },
  { code: 'financing', name: '融资信贷' },
  { code: 'market_access', name: '市场准入/行业禁入' },
  { code: 'honours', name: '荣誉称号' },
  { code: 'consumption', name: '高消费' },
  { code: 'publicity', name: '信用公示与宣传推介' },
  { code: 'exit_entry', name: '出境管理' },
  { code: 'employment', name: '招录聘用' },
  { code: 'industry_self_regulation', name: '行业自律' },
  { code: 'social_supervision', name: '社会监督' },
];

export const departments: readonly DepartmentSeed[] = [
  { code: 'credit_office', name: '示例区社会信用体系建设工作领导小组办公室', kind: 'credit_office' },
  { code: 'ndrc', name: '示例区发展和改革局', kind: 'department' },
  { code: 'amr', name: '示例区市场监督管理局', kind: 'department' },
  { code: 'tax', name: '国家税务总局示例区税务局', kind: 'department' },
  { code: 'court', name: '示例区人民法院（执行联络）', kind: 'department' },
  { code: 'eco', name: '示例区生态环境局', kind: 'department' },
  { code: 'housing', name: '示例区住房和城乡建设局', kind: 'department' },
  { code: 'hrss', name: '示例区人力资源和社会保障局', kind: 'department' },
  { code: 'finance', name: '示例区财政局', kind: 'department' },
  { code: 'prtc', name: '示例区公共资源交易中心', kind: 'department' },
  { code: 'emergency', name: '示例区应急管理局', kind: 'department' },
  { code: 'approval', name: '示例区行政审批服务局', kind: 'department' },
  { code: 'civil', name: '示例区民政局', kind: 'department' },
  { code: 'fin_office', name: '示例区地方金融工作办公室', kind: 'department' },
  { code: 'civilization', name: '示例区精神文明建设委员会办公室', kind: 'department' },
  { code: 'youth_league', name: '共青团示例区委员会', kind: 'department' },
  { code: 'military', name: '示例区人民政府征兵办公室', kind: 'department' },
];

/**
 * Which seed departments record dishonesty records in which seed domain (migration 0004 creates the domains): each
 * regulator in its own field; market regulation also covers food and drugs. 交通运输 has no department in the demo
 * district: the credit office names one (PUT /api/v1/catalog/record-domains/transport/recording-departments).
 */
export const recordDomainHolders: Readonly<Record<string, readonly string[]>> = {
  market_regulation: ['amr'],
  food_drug: ['amr'],
  tax: ['tax'],
  ecology_environment: ['eco'],
  work_safety: ['emergency'],
  housing_construction: ['housing'],
  human_resources: ['hrss'],
};

export { listTypes } from './catalog.seed.list-types.ts';
import { listTypes } from './catalog.seed.list-types.ts';
export { measures } from './catalog.seed.measures.ts';
import { measures } from './catalog.seed.measures.ts';

export const catalogSeed = { scenarios, departments, listTypes, measures, recordDomainHolders } as const;
