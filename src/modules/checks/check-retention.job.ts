import { type Job, type ModuleContext, write } from '../shared/index.ts';
import { deleteCheckRecordsThrough, lockRetention, oldestCheckBatches } from './check-retention.repository.ts';

/** Check batches removed per transaction: up to 50,000 records at the recorder's 1,000 per batch. */
export const RETENTION_BATCHES_PER_STEP = 50;

export interface RetentionResult {
  batches: number;
  records: number;
  throughSeq: bigint | null;
}

/**
 * Removes check records older than the retention period (config.checkRecordRetentionMonths), whole check batches
 * at a time and oldest first, stopping at the first batch holding a check that is still within the period. The
 * batches' audit rows stay, with their hashes: each step appends one 'check.records_purged' audit row saying up to
 * which batch the records were removed, in the same transaction as the removal, so the verifier knows those
 * batches are empty on purpose and still finds records removed any other way (docs/decisions/0004-audit-chain.md).
 */
export async function removeExpiredCheckRecords(
  deps: Pick<ModuleContext, 'db' | 'clock' | 'log' | 'config'>,
): Promise<RetentionResult> {
  const months = deps.config.checkRecordRetentionMonths;
  const total: RetentionResult = { batches: 0, records: 0, throughSeq: null };
  if (months <= 0) return total;
  const before = monthsBefore(deps.clock.now(), months);
  for (;;) {
    const { result: step } = await write(deps, 'system:check-retention', async (w) => {
      await lockRetention(w.tx);
      const batches = await oldestCheckBatches(w.tx, RETENTION_BATCHES_PER_STEP);
      const expired = [];
      for (const batch of batches) {
        if (batch.newest >= before) break;
        expired.push(batch);
      }
      if (expired.length === 0) return null;
      const through = expired.at(-1)!.auditSeq;
      const records = await deleteCheckRecordsThrough(w.tx, through);
      w.audit({
        action: 'check.records_purged',
        details: {
          fromSeq: expired[0]!.auditSeq.toString(),
          throughSeq: through.toString(),
          batches: expired.length,
          records,
          checkedBefore: before.toISOString(),
          retentionMonths: months,
        },
      });
      return {
        batches: expired.length,
        records,
        throughSeq: through,
        full: expired.length === batches.length && batches.length === RETENTION_BATCHES_PER_STEP,
      };
    });
    if (step === null) break;
    total.batches += step.batches;
    total.records += step.records;
    total.throughSeq = step.throughSeq;
    if (!step.full) break;
  }
  if (total.records > 0)
    deps.log.info(
      { job: 'check-retention', ...total, throughSeq: total.throughSeq?.toString() },
      'expired check records removed',
    );
  return total;
}

/** The same instant `months` calendar months earlier (UTC), on the month's last day where the day does not exist. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export const checkRetentionJob: Job = {
  name: 'check-retention',
  intervalMs: 60 * 60_000,
  run: (ctx) => removeExpiredCheckRecords(ctx),
};
