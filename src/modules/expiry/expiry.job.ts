import type { Job } from '../shared/index.ts';
import { runExpiry } from './expiry.usecases.ts';

/**
 * Periods end at midnight China time; the effective time of each ending is the period's end whatever the run's
 * time, and checks already exclude entries past their end date, so a run every five minutes is ample.
 */
export const expiryJob: Job = {
  name: 'expiry',
  intervalMs: 5 * 60_000,
  run: (ctx) => runExpiry(ctx),
};
