import { json } from '../shared/json.ts';
import type { Write } from '../shared/ledger.ts';
import { partyDeadlineEnd } from '../shared/periods.ts';
import type { WorkingCalendar } from '../shared/working-days.ts';
import { recordChange } from './entries.usecases.ts';

/**
 * A calendar edit moves the open statement deadlines it touches (rules.md §10): each entry still waiting for a
 * statement gets its due date recomputed from the notice's service date, with an event and an audit row.
 */
export async function recomputeStatementDeadlines(w: Write, calendar: WorkingCalendar): Promise<{ entryId: string; from: string; to: string }[]> {
  const open = await w.tx.selectFrom('entries').select(['id', 'department_id', 'notice']).where('state', '=', 'notice_served').forUpdate().execute();
  const moved: { entryId: string; from: string; to: string }[] = [];
  for (const entry of open) {
    const notice = entry.notice as { servedDate: string; statementPeriodWorkingDays: number; statementDue: string };
    const due = partyDeadlineEnd(calendar.addWorkingDays(notice.servedDate, notice.statementPeriodWorkingDays), calendar);
    if (due === notice.statementDue) continue;
    await w.tx.updateTable('entries').set({ notice: json({ ...notice, statementDue: due }), updated_at: w.now }).where('id', '=', entry.id).execute();
    recordChange(w, entry, 'entry.deadline_recomputed', { deadline: 'statementDue', from: notice.statementDue, to: due, cause: 'calendar' });
    moved.push({ entryId: entry.id, from: notice.statementDue, to: due });
  }
  return moved;
}
