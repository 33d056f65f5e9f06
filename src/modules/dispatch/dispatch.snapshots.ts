import { type Executor, redactIdentifiersInText } from '../shared/index.ts';
import * as repo from './dispatch-sources.repository.ts';

// What a receiving department is sent about an entry or a record: the row as it stands when dispatched, presented
// for government sharing (ID numbers only masked), with the measures that department itself implements.

export interface EventInfo {
  version: bigint;
  type: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  effective_at: Date;
}

export interface EntrySource {
  stream: 'entry';
  initiatingDepartmentId: string;
  /** Departments implementing at least one of the entry's decided measures. */
  implementers: Set<string>;
  change(departmentId: string, event: EventInfo): Record<string, unknown>;
}

export interface RecordSource {
  stream: 'record';
  decidingDepartmentId: string;
  /** Department codes in the domain's sharing scope, or 'all'. */
  sharing: 'all' | string[];
  change(departmentId: string, event: EventInfo): Record<string, unknown>;
}

/** Free text a department typed may hold an ID number: masked before it travels to other departments. */
const text = (value: string | null) => (value === null ? null : redactIdentifiersInText(value));

const department = (d: { id: string; code: string; name: string }) => ({ id: d.id, code: d.code, name: d.name });

async function subjectOf(db: Executor, id: string) {
  const s = await repo.sharedSubject(db, id);
  // Only the masked ID number exists in this table; the clear one never leaves subject_identities.
  return { id: s.id, kind: s.kind, name: s.name, uscc: s.uscc, citizenIdMasked: s.citizen_id_masked };
}

const eventOf = (e: EventInfo) => ({
  type: e.type,
  occurredAt: e.occurred_at.toISOString(),
  effectiveAt: e.effective_at.toISOString(),
  payload: e.payload,
});

export async function loadEntrySource(db: Executor, entryId: string): Promise<EntrySource | null> {
  const entry = await repo.findEntryRow(db, entryId);
  if (!entry) return null;
  const [listType, subject, initiating, measures] = await Promise.all([
    repo.listTypeRef(db, entry.list_type_id),
    subjectOf(db, entry.subject_id),
    repo.departmentRef(db, entry.department_id),
    repo.entryMeasures(db, entry.id),
  ]);
  return {
    stream: 'entry',
    initiatingDepartmentId: entry.department_id,
    implementers: new Set(measures.map((m) => m.implementing_department_id)),
    change: (departmentId, event) => ({
      stream: 'entry',
      id: entry.id,
      kind: entry.kind,
      listType,
      state: entry.state,
      objectionPending: entry.objection_pending,
      measuresLifted: entry.measures_lifted,
      subject,
      initiatingDepartment: department(initiating),
      reason: text(entry.reason),
      decisionDocumentNo: entry.document_no,
      decisionDate: entry.decision_date,
      startDate: entry.start_date,
      endDate: entry.end_date,
      ended: entry.ended_reason
        ? {
            reason: entry.ended_reason,
            note: text(entry.ended_note),
            at: (entry.ended_at ?? entry.updated_at).toISOString(),
          }
        : null,
      measures: measures
        .filter((m) => m.implementing_department_id === departmentId)
        .map((m) => ({
          id: m.id,
          code: m.code,
          kind: m.kind,
          title: m.title,
          content: m.content,
          legalBasis: m.legal_basis,
          version: m.measure_version,
        })),
      event: eventOf(event),
      dataVersion: event.version.toString(),
    }),
  };
}

export async function loadRecordSource(db: Executor, recordId: string): Promise<RecordSource | null> {
  const record = await repo.findRecordRow(db, recordId);
  if (!record) return null;
  const [domain, subject, deciding] = await Promise.all([
    repo.domainSharing(db, record.domain),
    subjectOf(db, record.subject_id),
    repo.departmentRef(db, record.department_id),
  ]);
  return {
    stream: 'record',
    decidingDepartmentId: record.department_id,
    sharing: domain.sharing?.departments ?? [],
    change: (_departmentId, event) => ({
      stream: 'record',
      id: record.id,
      domain: { code: domain.code, name: domain.name },
      severity: record.severity,
      state: record.state,
      objectionPending: record.objection_pending,
      subject,
      decidingDepartment: department(deciding),
      decisionNo: record.decision_no,
      decisionDate: record.decision_date,
      penaltyType: record.penalty_type,
      amount: record.amount,
      disclosed: record.disclosed,
      disclosureEnd: record.disclosure_end,
      ended: record.ended_reason
        ? {
            reason: record.ended_reason,
            note: text(record.ended_note),
            at: (record.ended_at ?? record.updated_at).toISOString(),
          }
        : null,
      measures: [],
      event: eventOf(event),
      dataVersion: event.version.toString(),
    }),
  };
}
