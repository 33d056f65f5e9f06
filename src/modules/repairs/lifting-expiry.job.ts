import { chinaDate, type Job, type ModuleContext, write } from '../shared/index.ts';
import { endOfPeriod, entriesWithLiftingEndedBefore, type Lifting, restoreMeasures } from '../entries/index.ts';
import { findApplicationForUpdate, updateApplication } from '../applications/index.ts';

const BATCH = 100;

/**
 * A reorganization's lifting granted until a date ends by itself after that day: the measures apply again, with the
 * end of the lifting's last day as the effective time however late the run. Rows are claimed with SKIP LOCKED and
 * no longer match once restored, so several processes and repeated runs do each lifting once, and a run after
 * downtime catches up.
 */
export async function endExpiredLiftings(deps: Pick<ModuleContext, 'db' | 'clock' | 'log'>): Promise<number> {
  const today = chinaDate(deps.clock.now());
  let restored = 0;
  for (;;) {
    const { result } = await write(deps, 'system:lifting-expiry', async (w) => {
      const entries = await entriesWithLiftingEndedBefore(w.tx, today, BATCH);
      for (const entry of entries) {
        const lifting = entry.measures_lifted as unknown as Lifting;
        const endedAt = endOfPeriod(lifting.until!);
        await restoreMeasures(w, entry, {
          repairId: lifting.repairId,
          note: `暂停实施惩戒措施的期限已于 ${lifting.until} 届满`,
          effectiveAt: endedAt,
        });
        const repair = await findApplicationForUpdate(w.tx, 'repairs', lifting.repairId);
        const decision = repair?.decision as { lifting?: Record<string, unknown> } | null;
        if (repair && decision?.lifting) {
          await updateApplication(w.tx, 'repairs', repair.id, {
            decision: { ...decision, lifting: { ...decision.lifting, endedAt: endedAt.toISOString() } },
            updated_at: w.now,
          });
          const payload = { applicationNo: repair.application_no, note: 'until_reached' };
          w.event({
            stream: 'repair',
            streamId: repair.id,
            type: 'repair.lifting_ended',
            departmentId: repair.department_id,
            payload,
            effectiveAt: endedAt,
          });
          w.audit({ action: 'repair.lifting_ended', target: `repair:${repair.id}`, details: payload });
        }
      }
      return entries.length;
    });
    restored += result;
    if (result < BATCH) break;
  }
  if (restored > 0) deps.log.info({ job: 'lifting-expiry', restored }, 'liftings ended');
  return restored;
}

export const liftingExpiryJob: Job = {
  name: 'lifting-expiry',
  intervalMs: 5 * 60_000,
  run: (ctx) => endExpiredLiftings(ctx),
};
