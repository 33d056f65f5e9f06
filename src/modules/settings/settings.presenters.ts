import type { DeadlineKey } from '../deadlines/index.ts';
import type { DeadlineSettingsTable } from '../shared/index.ts';

export const DEADLINE_LABELS: Record<DeadlineKey, string> = {
  feedback: '反馈期限',
  objection: '异议处理期限',
  withdrawal: '变更或撤销后撤下公示期限',
  repair_acceptance: '信用修复受理期限',
  repair_decision: '信用修复决定期限',
  tipoff: '举报办理期限',
  disclosure: '双公示期限',
  reminder_lead: '临期提醒提前量',
};

export function presentDeadlineSetting(row: DeadlineSettingsTable) {
  const key = row.key as DeadlineKey;
  return {
    key,
    label: DEADLINE_LABELS[key] ?? key,
    workingDays: row.working_days,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}
