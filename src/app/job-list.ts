import type { Job } from './jobs.ts';
import { expiryJob } from '../modules/expiry/expiry.job.ts';
import { dispatchJob } from '../modules/dispatch/dispatcher.ts';
import { webhookDeliveryJob } from '../modules/webhooks/webhook-delivery.ts';
import { liftingExpiryJob } from '../modules/repairs/lifting-expiry.job.ts';
import { checkRetentionJob } from '../modules/checks/check-retention.job.ts';

/**
 * Every scheduled job, in the order runAll() runs them: expiry first (it makes changes), then dispatch (it turns
 * changes into dispatch items), then webhook delivery; the removal of expired check records last.
 */
export const jobs: Job[] = [expiryJob, liftingExpiryJob, dispatchJob, webhookDeliveryJob, checkRetentionJob];
