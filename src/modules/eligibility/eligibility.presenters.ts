import type { EligibilityRuleRow } from './eligibility.repository.ts';

export const presentRule = (r: EligibilityRuleRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  params: r.params,
  grants: r.grants,
  active: r.active,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at.toISOString(),
});
