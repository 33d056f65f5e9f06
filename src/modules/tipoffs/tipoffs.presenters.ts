import type { TipoffReadModel } from './tipoffs.usecases.ts';
import { TIPOFF } from './tipoffs.states.ts';

/** Staff view of a tip-off: never the reporter, only whether there is one (sealed) or none (anonymous). */
export function presentTipoff({ row: r, department, handler, attachmentCount }: TipoffReadModel) {
  const subject = r.subject as { name: string; uscc?: string | null };
  return {
    id: r.id,
    applicationNo: r.application_no,
    subject: { name: subject.name, uscc: subject.uscc ?? null, subjectId: r.subject_id },
    department,
    handler,
    reporter: r.anonymous ? ('anonymous' as const) : ('sealed' as const),
    content: r.content,
    attachmentCount,
    state: r.state,
    stateLabel: TIPOFF.label(r.state),
    result: r.result,
    due: { from: r.due_from, days: r.due_days, date: r.due_date },
    closedAt: r.closed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
