import { addMonthsCivil, type Executor, type RecordRule, type Severity, unprocessable } from '../shared/index.ts';
import { findPenaltyClass, severityRuleOf } from './record-catalog.repository.ts';

export interface RecordTerms {
  severity: Severity;
  rule: RecordRule;
  /** Whether the public sees it: general and serious always, minor only when the department decides so. */
  disclosed: boolean;
  /** Null for minor records: repair as soon as the obligation is fulfilled. */
  earliestRepairDate: string | null;
  /** Last day of disclosure and sharing: the maximum period from the decision date (docs/domain/rules.md §3). */
  disclosureEnd: string;
}

/**
 * The severity class and periods of a dishonesty record, from the catalog mapping (domain, penalty type) → class
 * and the severity rules in force (docs/domain/rules.md §3). Periods run from the decision's date.
 */
export async function recordTerms(
  db: Executor,
  input: { domain: string; penaltyType: string; decisionDate: string; discloseMinor?: boolean },
): Promise<RecordTerms> {
  const mapping = await findPenaltyClass(db, input.domain, input.penaltyType);
  if (!mapping) {
    throw unprocessable(
      'record.unclassified',
      `领域「${input.domain}」的处罚种类「${input.penaltyType}」尚未在目录中确定失信程度，请信用办先维护对应关系。`,
      { field: 'penaltyType' },
    );
  }
  const rule = await severityRuleOf(db, mapping.severity);
  return termsFor(
    mapping.severity,
    {
      ruleVersion: rule.rule_version,
      minMonths: rule.min_months,
      maxMonths: rule.max_months,
      disclosedByDefault: rule.disclosed_by_default,
    },
    input.decisionDate,
    input.discloseMinor ?? false,
  );
}

export function termsFor(
  severity: Severity,
  rule: RecordRule,
  decisionDate: string,
  discloseMinor: boolean,
): RecordTerms {
  return {
    severity,
    rule,
    disclosed: rule.disclosedByDefault || discloseMinor,
    earliestRepairDate: rule.minMonths === null ? null : addMonthsCivil(decisionDate, rule.minMonths),
    disclosureEnd: addMonthsCivil(decisionDate, rule.maxMonths),
  };
}
