import type { Job } from './jobs.ts';
import { expiryJob } from '../modules/expiry/index.ts';
import { dispatchJob } from '../modules/dispatch/index.ts';
import { webhookDeliveryJob } from '../modules/webhooks/index.ts';
import { liftingExpiryJob } from '../modules/repairs/index.ts';
import { checkRetentionJob } from '../modules/checks/index.ts';

/**
 * Every scheduled job, in the order runAll() runs them: expiry first (it makes changes), then dispatch (it turns
 * changes into dispatch items), then webhook delivery; the removal of expired check records last.
 */
export const jobs: Job[] = [expiryJob, liftingExpiryJob, dispatchJob, webhookDeliveryJob, checkRetentionJob];
