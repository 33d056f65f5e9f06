import type { Executor } from '../shared/ledger.ts';
import { attachmentCounts, type TipoffView } from './tipoffs.repository.ts';
import { STATE_LABELS } from './tipoffs.states.ts';

/** Staff view of tip-offs: never the reporter, only whether there is one (sealed) or none (anonymous). */
export async function presentTipoffs(db: Executor, rows: TipoffView[]) {
  const ids = rows.map((r) => r.id);
  const counts = await attachmentCounts(db, ids);
  const departmentIds = [...new Set(rows.map((r) => r.department_id))];
  const handlerIds = [...new Set(rows.map((r) => r.handler_id).filter((id): id is string => id !== null))];
  const departments = new Map(
    departmentIds.length === 0
      ? []
      : (
          await db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', departmentIds).execute()
        ).map((d) => [d.id, d]),
  );
  const handlers = new Map(
    handlerIds.length === 0
      ? []
      : (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', handlerIds).execute()).map(
          (u) => [u.id, { id: u.id, name: u.display_name }],
        ),
  );
  return rows.map((r) => {
    const subject = r.subject as { name: string; uscc?: string | null };
    return {
      id: r.id,
      applicationNo: r.application_no,
      subject: { name: subject.name, uscc: subject.uscc ?? null, subjectId: r.subject_id },
      department: departments.get(r.department_id)!,
      handler: r.handler_id ? (handlers.get(r.handler_id) ?? null) : null,
      reporter: r.anonymous ? ('anonymous' as const) : ('sealed' as const),
      content: r.content,
      attachmentCount: counts.get(r.id) ?? 0,
      state: r.state,
      stateLabel: STATE_LABELS[r.state],
      result: r.result,
      due: { from: r.due_from, days: r.due_days, date: r.due_date },
      closedAt: r.closed_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

export const presentTipoff = async (db: Executor, row: TipoffView) => (await presentTipoffs(db, [row]))[0]!;
