import type { Selectable } from 'kysely';
import type { EventsTable } from '../shared/index.ts';
import { presentSubject } from '../subjects/index.ts';
import type { EntryView } from './entries.repository.ts';
import { END_REASON_LABELS, STATE_LABELS, type EndReason, type EntryState } from './entries.states.ts';

/** The government view of an entry (ID numbers masked), with its list type version, persons and measures. */
export function presentEntry({ entry, listType, subject, department, persons, measures }: EntryView) {
  const rule = entry.period_rule as {
    periodMonths: number;
    earliestRemovalDate: string | null;
    listTypeVersion: number;
  } | null;
  return {
    id: entry.id,
    kind: entry.kind,
    listType: { ...listType, version: entry.list_type_version },
    subject: presentSubject(subject),
    department,
    state: entry.state as EntryState,
    stateLabel: STATE_LABELS[entry.state as EntryState] ?? entry.state,
    reason: entry.reason,
    notice: entry.notice,
    statement: entry.statement,
    decision: entry.decision,
    review: entry.review,
    basisDocument:
      entry.basis_document_no && entry.basis_document_date
        ? { documentNo: entry.basis_document_no, date: entry.basis_document_date }
        : null,
    period:
      entry.start_date && entry.end_date && rule
        ? {
            startDate: entry.start_date,
            endDate: entry.end_date,
            periodMonths: rule.periodMonths,
            earliestRemovalDate: rule.earliestRemovalDate,
            listTypeVersion: rule.listTypeVersion,
          }
        : null,
    relatedPersons: persons.map((p) => ({
      personId: p.id,
      name: p.name,
      citizenIdMasked: p.citizen_id_masked,
      role: p.role,
    })),
    measures: measures.map((m) => ({
      id: m.id,
      code: m.code,
      kind: m.kind,
      title: m.title,
      version: m.measure_version,
      currentVersion: m.current_version,
    })),
    ended: entry.ended_reason
      ? {
          reason: entry.ended_reason as EndReason,
          reasonLabel: END_REASON_LABELS[entry.ended_reason as EndReason],
          note: entry.ended_note,
          at: (entry.ended_at ?? entry.updated_at).toISOString(),
        }
      : null,
    objectionPending: entry.objection_pending,
    measuresLifted:
      (entry.measures_lifted as { from: string; until: string | null; repairId: string; reason: string } | null) ??
      null,
    dataVersion: String(entry.last_version),
    createdAt: entry.created_at.toISOString(),
    updatedAt: entry.updated_at.toISOString(),
  };
}

export const presentEvent = (e: Selectable<EventsTable>) => ({
  dataVersion: String(e.version),
  type: e.type,
  actor: e.actor,
  occurredAt: e.occurred_at.toISOString(),
  effectiveAt: e.effective_at.toISOString(),
  payload: e.payload,
});
