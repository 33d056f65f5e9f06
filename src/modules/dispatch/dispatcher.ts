import type { Insertable, Kysely } from 'kysely';
import {
  chinaDate,
  type Clock,
  type DB,
  type DispatchesTable,
  type Job,
  json,
  uuidv7,
  write,
} from '../shared/index.ts';
import type { CalendarService } from '../catalog/index.ts';
import { deadlineDays, dueOrPending, missingCalendarYear } from '../deadlines/index.ts';
import { createDeliveries } from '../webhooks/index.ts';
import { DispatchPlanner } from './dispatch.receivers.ts';
import { advanceCursor, eventsAfter, insertDispatches, lockCursor } from './dispatch.repository.ts';

export const DISPATCH_CURSOR = 'dispatch';
const PAGE_SIZE = 500;

export interface DispatcherDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar: Pick<CalendarService, 'get'>;
  log: { warn(obj: object, msg: string): void };
}

export interface DispatchRun {
  events: number;
  items: number;
  through: bigint;
}

/**
 * Follows the event log from the 'dispatch' cursor and turns entry and record changes into dispatch items. Each
 * page runs in one transaction that locks the cursor row, inserts the items (and their webhook deliveries) and
 * advances the cursor: a crash loses nothing, several processes never dispatch twice, and a late start catches up.
 */
export async function runDispatcher(deps: DispatcherDeps, options: { pageSize?: number } = {}): Promise<DispatchRun> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const total: DispatchRun = { events: 0, items: 0, through: 0n };
  for (;;) {
    const page = await dispatchPage(deps, pageSize);
    total.events += page.events;
    total.items += page.items;
    total.through = page.through;
    if (page.events < pageSize) return total;
  }
}

async function dispatchPage(deps: DispatcherDeps, pageSize: number): Promise<DispatchRun> {
  const { result } = await write(deps, `system:${DISPATCH_CURSOR}`, async (w) => {
    const cursor = await lockCursor(w.tx, DISPATCH_CURSOR);
    const events = await eventsAfter(w.tx, cursor, pageSize);
    if (events.length === 0) return { events: 0, items: 0, through: cursor };
    const planner = new DispatchPlanner(w.tx);
    const today = chinaDate(w.now);
    let due: FeedbackDue | undefined;
    const rows: Insertable<DispatchesTable>[] = [];
    for (const e of events) {
      const version = BigInt(e.version);
      for (const item of await planner.plan({ ...e, version })) {
        if (item.feedbackRequired && due === undefined) due = await feedbackDue(deps, w.tx, today);
        const d = item.feedbackRequired ? due : undefined;
        rows.push({
          id: uuidv7(w.now.getTime()),
          department_id: item.departmentId,
          stream: e.stream as 'entry' | 'record',
          stream_id: e.stream_id,
          event_version: version.toString(),
          event_type: e.type,
          change: json(item.change),
          created_at: w.now,
          feedback_required: item.feedbackRequired,
          due_from: item.feedbackRequired ? today : null,
          due_days: d?.due_days ?? null,
          due_date: d?.due_date ?? null,
          // Items that only inform need nothing back: closed when made.
          closed_at: item.feedbackRequired ? null : w.now,
        });
      }
    }
    const inserted = await insertDispatches(w.tx, rows);
    const deliveries = await createDeliveries(w.tx, inserted, w.now);
    const through = BigInt(events.at(-1)!.version);
    await advanceCursor(w.tx, DISPATCH_CURSOR, through, w.now);
    if (inserted.length > 0) {
      w.audit({
        action: 'dispatch.batch',
        target: `job_cursor:${DISPATCH_CURSOR}`,
        details: {
          items: inserted.length,
          deliveries,
          fromVersion: (cursor + 1n).toString(),
          toVersion: through.toString(),
          departments: new Set(inserted.map((r) => r.department_id)).size,
        },
      });
    }
    return { events: events.length, items: inserted.length, through };
  });
  return result;
}

/**
 * The feedback deadline of items made today. A year without a calendar is not guessed: the item keeps day 0 and
 * the number of days, without a due date, until an administrator loads that year's calendar (which recomputes open items).
 */
interface FeedbackDue {
  due_days: number;
  due_date: string | null;
}

async function feedbackDue(
  deps: DispatcherDeps,
  tx: Parameters<typeof deadlineDays>[0],
  today: string,
): Promise<FeedbackDue> {
  const days = await deadlineDays(tx, 'feedback');
  const due = dueOrPending(deps.calendar.get(), today, days);
  if (due.due_date === null)
    deps.log.warn(
      { year: missingCalendarYear(deps.calendar.get(), today, days) },
      'feedback due dates wait for the working-day calendar',
    );
  return due;
}

export const dispatchJob: Job = {
  name: 'dispatch',
  intervalMs: 1000,
  run: (ctx) => runDispatcher(ctx),
};
