import type { Executor } from '../shared/ledger.ts';

// Both queries claim up to `limit` rows whose period ended before `today` (China date), oldest period first.
// SKIP LOCKED: a row another process is ending is left to it; a row it has already ended no longer matches,
// because PostgreSQL re-evaluates the condition on the row's latest version when it takes the lock.

export const claimExpiredEntries = (db: Executor, today: string, limit: number) =>
  db.selectFrom('entries').select(['id', 'kind', 'department_id', 'state', 'end_date'])
    .where('state', '=', 'in_effect').where('end_date', '<', today)
    .orderBy('end_date').orderBy('id').limit(limit).forUpdate().skipLocked().execute();

export const claimExpiredRecords = (db: Executor, today: string, limit: number) =>
  db.selectFrom('records').select(['id', 'department_id', 'state', 'disclosure_end'])
    .where('state', '=', 'in_effect').where('disclosure_end', '<', today)
    .orderBy('disclosure_end').orderBy('id').limit(limit).forUpdate().skipLocked().execute();

export const endExpiredRecord = (db: Executor, id: string, endedAt: Date, now: Date) =>
  db.updateTable('records').set({ state: 'ended', ended_reason: 'expired', ended_note: null, ended_at: endedAt, updated_at: now })
    .where('id', '=', id).execute();
