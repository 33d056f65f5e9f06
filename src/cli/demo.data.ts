// The demo data set: a fictional district's companies and people. Every name says 演示 and every code is
// computed, so nothing here names a real subject. Dates are fixed so the data set is the same on every run.
import { citizenIdCheckCharacter, usccCheckCharacter } from '../modules/shared/index.ts';

const uscc = (body9: string, kind = '91') => {
  const b = `${kind}370125${body9}`;
  return b + usccCheckCharacter(b);
};
const citizenId = (body17: string) => body17 + citizenIdCheckCharacter(body17);

export const DEMO_PASSWORD = 'Demo-2026-credlink';

/**
 * The day the demo data set is dated: its notices, decisions and periods are written in 2026 dates, so it is loaded
 * as of this instant (a clock that starts here and runs on), whatever the real date. A server started later brings
 * it up to date as it would any database: the expiry job ends what has run out, effective at each period's end.
 */
export const DEMO_AS_OF = '2026-11-28T02:00:00Z';

export const demoUsers = [
  ...['amr', 'tax', 'court', 'hrss', 'eco', 'emergency', 'civilization', 'prtc', 'approval', 'finance'].flatMap(
    (code) => [
      {
        username: `${code}_operator`,
        displayName: `${code} 经办人（演示）`,
        departmentCode: code,
        roles: ['operator'] as const,
      },
      {
        username: `${code}_reviewer`,
        displayName: `${code} 审核人（演示）`,
        departmentCode: code,
        roles: ['reviewer'] as const,
      },
    ],
  ),
  {
    username: 'credit_officer',
    displayName: '信用办工作人员（演示）',
    departmentCode: 'credit_office',
    roles: ['credit_office'] as const,
  },
  { username: 'auditor', displayName: '审计员（演示）', departmentCode: 'credit_office', roles: ['auditor'] as const },
];

export const demoApiKeyDepartments = ['prtc', 'approval', 'finance'];

export const demoCompanies = [
  { uscc: uscc('MA3C0D001'), name: '示例区鑫源建材有限公司（演示）' },
  { uscc: uscc('MA3C0D002'), name: '示例区恒达食品有限责任公司（演示）' },
  { uscc: uscc('MA3C0D003'), name: '示例区安顺化工股份有限公司（演示）' },
  { uscc: uscc('MA3C0D004'), name: '示例区诚达建筑工程有限公司（演示）' },
  { uscc: uscc('MA3C0D005'), name: '示例区青禾农业科技有限公司（演示）' },
  { uscc: uscc('MA3C0D006'), name: '示例区蓝海物流有限公司（演示）' },
  { uscc: uscc('MA3C0D007'), name: '示例区绿洲环保科技有限公司（演示）' },
  { uscc: uscc('MA3C0D008'), name: '示例区百川商贸有限公司（演示）' },
  { uscc: uscc('MA3C0D009'), name: '示例区明德教育咨询有限公司（演示）' },
  { uscc: uscc('MA3C0D010'), name: '示例区华信税务师事务所有限公司（演示）' },
  { uscc: uscc('MA3C0D011', '92'), name: '示例区老王家常菜馆（个体工商户，演示）' },
  { uscc: uscc('MA3C0D012'), name: '示例区远航劳务派遣有限公司（演示）' },
] as const;

export const demoPersons = [
  { citizenId: citizenId('37012519800101001'), name: '演示甲' },
  { citizenId: citizenId('37012519820202002'), name: '演示乙' },
  { citizenId: citizenId('37012519850303003'), name: '演示丙' },
  { citizenId: citizenId('37012519900404004'), name: '演示丁' },
  { citizenId: citizenId('37012519750505005'), name: '演示戊' },
] as const;
