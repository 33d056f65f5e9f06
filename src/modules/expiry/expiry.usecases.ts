// Expiry (issue 3 item 6, docs/domain/rules.md §3): entries whose period is over and red-list entries at the end of
// their validity leave their list, and records stop being disclosed and shared at their maximum period. Each event
// carries the period's end as its effective time, so a run after downtime records when things really ended.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { chinaDate, type Clock, type DB, systemActor, write, type Write } from '../shared/index.ts';
import { endOfPeriod, expireEntry } from '../entries/index.ts';
import { recordChange as changeRecord } from '../records/index.ts';
import {
  claimExpiredEntries,
  claimExpiredRecords,
  endExpiredRecord,
  EXPIRING_ENTRY_STATES,
  EXPIRING_RECORD_STATES,
} from './expiry.repository.ts';

export interface ExpiryDeps {
  db: Kysely<DB>;
  clock: Clock;
  log: Pick<FastifyBaseLogger, 'info'>;
}
export interface ExpiryCounts {
  blackEntries: number;
  redEntries: number;
  records: number;
  batches: number;
}

/** The job's actor; its ref ('system:expiry') does not depend on the department it acts in. */
const ACTOR_REF = systemActor('expiry', 'all').ref;

/**
 * Ends everything whose period ended before today (China time), in batches of `batchSize` rows per transaction so a
 * long backlog never holds one huge transaction. Safe to run in several processes at once: each batch claims its
 * rows with FOR UPDATE SKIP LOCKED and re-checks them under the lock; a second run finds nothing left to do.
 */
export async function runExpiry(deps: ExpiryDeps, options: { batchSize?: number } = {}): Promise<ExpiryCounts> {
  const batchSize = options.batchSize ?? 200;
  const today = chinaDate(deps.clock.now());
  const counts: ExpiryCounts = { blackEntries: 0, redEntries: 0, records: 0, batches: 0 };

  await inBatches(deps, counts, async (w) => {
    const ended = { blackEntries: 0, redEntries: 0 };
    for (const row of await claimExpiredEntries(w.tx, today, batchSize)) {
      if (!EXPIRING_ENTRY_STATES.includes(row.state) || !row.end_date || row.end_date >= today) continue;
      const endedAt = endOfPeriod(row.end_date);
      await expireEntry(w, row, endedAt);
      ended[row.kind === 'black' ? 'blackEntries' : 'redEntries']++;
    }
    return ended;
  });

  await inBatches(deps, counts, async (w) => {
    const ended = { records: 0 };
    for (const row of await claimExpiredRecords(w.tx, today, batchSize)) {
      if (!EXPIRING_RECORD_STATES.includes(row.state) || row.disclosure_end >= today) continue;
      const endedAt = endOfPeriod(row.disclosure_end);
      await endExpiredRecord(w.tx, row.id, endedAt, w.now);
      changeRecord(
        w,
        row,
        'record.ended',
        { state: 'ended', reason: 'expired', note: null, previousState: row.state },
        endedAt,
      );
      ended.records++;
    }
    return ended;
  });

  deps.log.info({ job: 'expiry', today, ...counts }, 'expiry run');
  return counts;
}

/**
 * Runs one batch per transaction until a batch ends nothing (nothing due, or the rest claimed by another process),
 * adding each committed batch's counts.
 */
async function inBatches(
  deps: ExpiryDeps,
  counts: ExpiryCounts,
  batch: (w: Write) => Promise<Partial<ExpiryCounts>>,
): Promise<void> {
  for (;;) {
    const { result } = await write(deps, ACTOR_REF, batch);
    const ended = Object.values(result).reduce((sum, n) => sum + (n ?? 0), 0);
    if (ended === 0) return;
    for (const [key, n] of Object.entries(result) as [keyof ExpiryCounts, number][]) counts[key] += n;
    counts.batches++;
  }
}
