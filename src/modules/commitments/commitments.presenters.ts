import { presentSubject } from '../subjects/index.ts';
import type { CommitmentView } from './commitments.repository.ts';
import { STATE_LABELS, TYPE_LABELS } from './commitments.states.ts';

/** The government view of a commitment (the subject's ID number masked). */
export function presentCommitment({ commitment: c, subject, department }: CommitmentView) {
  return {
    id: c.id,
    code: c.code,
    subject: presentSubject(subject),
    department,
    type: c.type,
    typeLabel: TYPE_LABELS[c.type],
    content: c.content,
    liability: c.liability,
    term: { start: c.term_start, end: c.term_end },
    matter: c.matter,
    state: c.state,
    stateLabel: STATE_LABELS[c.state],
    fulfilment: c.fulfilment,
    recordId: c.record_id,
    repairId: c.repair_id,
    due:
      c.due_from && c.due_days !== null && c.due_date ? { from: c.due_from, days: c.due_days, date: c.due_date } : null,
    closedAt: c.closed_at?.toISOString() ?? null,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  };
}
