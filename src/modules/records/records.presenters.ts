import type { Selectable } from 'kysely';
import type { EventsTable } from '../shared/db.types.ts';
import type { RecordRule } from '../shared/db.workflows.types.ts';
import type { Executor } from '../shared/ledger.ts';
import { presentSubject } from '../subjects/subjects.presenters.ts';
import type { RecordRow } from './records.repository.ts';
import {
  END_REASON_LABELS,
  penaltyTypeName,
  SEVERITY_LABELS,
  STATE_LABELS,
  type RecordEndReason,
} from './records.states.ts';

/** The government view of records (ID numbers masked), with the names of their subjects, departments and domains. */
export async function presentRecords(db: Executor, rows: RecordRow[]) {
  if (rows.length === 0) return [];
  const ids = (pick: (r: RecordRow) => string) => [...new Set(rows.map(pick))];
  const [subjects, departments, domains] = await Promise.all([
    db
      .selectFrom('subjects')
      .selectAll()
      .where(
        'id',
        'in',
        ids((r) => r.subject_id),
      )
      .execute(),
    db
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where(
        'id',
        'in',
        ids((r) => r.department_id),
      )
      .execute(),
    db
      .selectFrom('record_domains')
      .select(['code', 'name'])
      .where(
        'code',
        'in',
        ids((r) => r.domain),
      )
      .execute(),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const subjectById = byId(subjects);
  const departmentById = byId(departments);
  const domainByCode = new Map(domains.map((d) => [d.code, d]));
  return rows.map((r) => {
    const rule = r.rule as RecordRule;
    return {
      id: r.id,
      subject: presentSubject(subjectById.get(r.subject_id)!),
      department: departmentById.get(r.department_id)!,
      domain: domainByCode.get(r.domain) ?? { code: r.domain, name: r.domain },
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
  });
}

export async function presentRecord(db: Executor, row: RecordRow) {
  return (await presentRecords(db, [row]))[0]!;
}

export const presentRecordEvent = (e: Selectable<EventsTable>) => ({
  dataVersion: String(e.version),
  type: e.type,
  actor: e.actor,
  occurredAt: e.occurred_at.toISOString(),
  effectiveAt: e.effective_at.toISOString(),
  payload: e.payload,
});
