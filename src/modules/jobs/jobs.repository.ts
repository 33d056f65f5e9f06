import { sql, type Selectable } from 'kysely';
import { type Executor, type JobsTable, json } from '../shared/index.ts';

// The jobs table (migration 0007). Scheduling uses the database's clock (now()), so every process agrees on when a
// job is due and when a lease has run out, whatever its own clock (and tests' manual clocks) say.

export type JobRow = Selectable<JobsTable>;

/** Registers a job (or updates its interval); a new one is due at once. */
export const registerJob = (db: Executor, name: string, intervalMs: number) =>
  db
    .insertInto('jobs')
    .values({ name, interval_ms: intervalMs, next_run_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('name').doUpdateSet({ interval_ms: intervalMs }))
    .execute();

/**
 * Claims a due job whose lease is free or has run out. SKIP LOCKED: a process claiming it at the same moment wins
 * and this one gets nothing, without waiting.
 */
export const claimJob = (db: Executor, name: string, owner: string, leaseMs: number) =>
  db
    .updateTable('jobs')
    .set({
      lease_owner: owner,
      lease_until: sql<Date>`now() + interval '1 millisecond' * ${leaseMs}::float8`,
      last_started_at: sql<Date>`now()`,
    })
    .where('name', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('name')
        .where('name', '=', name)
        .where('next_run_at', '<=', sql<Date>`now()`)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', sql<Date>`now()`)]))
        .forUpdate()
        .skipLocked(),
    )
    .returning(['name', 'last_started_at'])
    .executeTakeFirst();

/** Records how the run ended and when the job is next due; only the lease holder may. */
export const finishJob = (
  db: Executor,
  name: string,
  owner: string,
  outcome: { error: string | null; result: unknown },
) =>
  db
    .updateTable('jobs')
    .set((eb) => ({
      lease_owner: null,
      lease_until: null,
      next_run_at: sql<Date>`now() + interval '1 millisecond' * ${eb.ref('interval_ms')}`,
      last_finished_at: sql<Date>`now()`,
      last_duration_ms: sql<number>`(extract(epoch from now() - ${eb.ref('last_started_at')}) * 1000)::int`,
      last_error: outcome.error,
      last_result: outcome.result === undefined ? null : json(outcome.result),
      runs: sql<bigint>`${eb.ref('runs')} + 1`,
      failures: sql<bigint>`${eb.ref('failures')} + ${outcome.error === null ? 0 : 1}`,
    }))
    .where('name', '=', name)
    .where('lease_owner', '=', owner)
    .execute();

export const listJobs = (db: Executor) =>
  db
    .selectFrom('jobs')
    .selectAll()
    .select(sql<Date>`now()`.as('db_now'))
    .orderBy('name')
    .execute();
