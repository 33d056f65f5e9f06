import { sql } from 'kysely';
import type { Executor } from '../shared/index.ts';

export const EXPIRING_ENTRY_STATES: readonly string[] = ['in_effect', 'decided', 'reviewed'];
export const EXPIRING_RECORD_STATES: readonly string[] = ['in_effect', 'proposed'];
// Inlined as literals, the same as the predicates of the partial indexes entries_expiring and records_expiring
// (migration 0006), so the planner can use them whatever the plan.
const stateIn = (states: readonly string[]) => sql<boolean>`state in (${sql.join(states.map((s) => sql.lit(s)))})`;
const entryExpiring = stateIn(EXPIRING_ENTRY_STATES);
const recordExpiring = stateIn(EXPIRING_RECORD_STATES);

// Both queries claim up to `limit` rows whose period ended before `today` (China date), oldest period first: entries
// in effect and those decided or reviewed but never published; records in effect and those proposed but never
// confirmed (their period is over either way, so they can no longer take effect).
// SKIP LOCKED: a row another process is ending is left to it; a row it has already ended no longer matches,
// because PostgreSQL re-evaluates the condition on the row's latest version when it takes the lock.

export const claimExpiredEntries = (db: Executor, today: string, limit: number) =>
  db
    .selectFrom('entries')
    .select(['id', 'kind', 'department_id', 'state', 'end_date'])
    .where(entryExpiring)
    .where('end_date', '<', today)
    .orderBy('end_date')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();

export const claimExpiredRecords = (db: Executor, today: string, limit: number) =>
  db
    .selectFrom('records')
    .select(['id', 'department_id', 'state', 'disclosure_end'])
    .where(recordExpiring)
    .where('disclosure_end', '<', today)
    .orderBy('disclosure_end')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();

export const endExpiredRecord = (db: Executor, id: string, endedAt: Date, now: Date) =>
  db
    .updateTable('records')
    .set({ state: 'ended', ended_reason: 'expired', ended_note: null, ended_at: endedAt, updated_at: now })
    .where('id', '=', id)
    .execute();
