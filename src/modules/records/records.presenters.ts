import type { Selectable } from 'kysely';
import type { EventsTable, RecordRule } from '../shared/index.ts';
import { presentSubject } from '../subjects/index.ts';
import type { RecordView } from './records.repository.ts';
import {
  END_REASON_LABELS,
  penaltyTypeName,
  SEVERITY_LABELS,
  STATE_LABELS,
  type RecordEndReason,
} from './records.states.ts';

/** The government view of a record (ID numbers masked), with the names of its subject, department and domain. */
export function presentRecord({ record: r, subject, department, domain }: RecordView) {
  const rule = r.rule as RecordRule;
  return {
    id: r.id,
    subject: presentSubject(subject),
    department,
    domain,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    facts: r.facts,
    basis: r.basis,
    penaltyType: { code: r.penalty_type, name: penaltyTypeName(r.penalty_type) },
    amount: r.amount === null ? null : String(r.amount),
    severity: r.severity,
    severityLabel: SEVERITY_LABELS[r.severity],
    ruleVersion: rule.ruleVersion,
    rule: { minMonths: rule.minMonths, maxMonths: rule.maxMonths, disclosedByDefault: rule.disclosedByDefault },
    publication: rule.publication ?? null,
    disclosed: r.disclosed,
    earliestRepairDate: r.earliest_repair_date,
    disclosureEnd: r.disclosure_end,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    ended:
      r.state === 'ended' && r.ended_reason
        ? {
            reason: r.ended_reason,
            reasonLabel: END_REASON_LABELS[r.ended_reason as RecordEndReason],
            note: r.ended_note,
            at: (r.ended_at ?? r.updated_at).toISOString(),
          }
        : null,
    objectionPending: r.objection_pending,
    sourceCommitmentId: r.source_commitment_id,
    dataVersion: String(r.last_version),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const presentRecordEvent = (e: Selectable<EventsTable>) => ({
  dataVersion: String(e.version),
  type: e.type,
  actor: e.actor,
  occurredAt: e.occurred_at.toISOString(),
  effectiveAt: e.effective_at.toISOString(),
  payload: e.payload,
});
