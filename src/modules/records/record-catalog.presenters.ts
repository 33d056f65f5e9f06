import type { Selectable } from 'kysely';
import type { PenaltyClassesTable, RecordDomainsTable, SeverityRulesTable } from '../shared/index.ts';
import type { DepartmentRef } from './record-domain-departments.ts';
import { penaltyTypeName, SEVERITY_LABELS } from './records.states.ts';

export const presentSeverityRule = (r: Selectable<SeverityRulesTable>) => ({
  severity: r.severity,
  severityLabel: SEVERITY_LABELS[r.severity],
  minMonths: r.min_months,
  maxMonths: r.max_months,
  disclosedByDefault: r.disclosed_by_default,
  ruleVersion: r.rule_version,
  source: r.source,
  updatedAt: r.updated_at.toISOString(),
});

export const presentRecordDomain = (
  d: Selectable<RecordDomainsTable>,
  recordingDepartments: readonly DepartmentRef[],
) => ({
  code: d.code,
  name: d.name,
  sharing: d.sharing,
  recordingDepartments: recordingDepartments.map((r) => ({ id: r.id, code: r.code, name: r.name })),
  disclosureWorkingDays: d.disclosure_working_days,
  updatedAt: d.updated_at.toISOString(),
});

export const presentPenaltyClass = (c: Selectable<PenaltyClassesTable> & { domain_name: string }) => ({
  domain: { code: c.domain, name: c.domain_name },
  penaltyType: { code: c.penalty_type, name: penaltyTypeName(c.penalty_type) },
  severity: c.severity,
  severityLabel: SEVERITY_LABELS[c.severity],
  updatedBy: c.updated_by,
  updatedAt: c.updated_at.toISOString(),
});
