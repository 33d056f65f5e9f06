import type { Job } from './jobs.ts';
import { expiryJob } from '../modules/expiry/expiry.job.ts';
import { dispatchJob } from '../modules/dispatch/dispatcher.ts';
import { webhookDeliveryJob } from '../modules/webhooks/webhook-delivery.ts';
import { liftingExpiryJob } from '../modules/repairs/lifting-expiry.job.ts';

/**
 * Every scheduled job, in the order runAll() runs them: expiry first (it makes changes), then dispatch (it turns
 * changes into dispatch items), then webhook delivery.
 */
export const jobs: Job[] = [
  expiryJob,
  liftingExpiryJob,
  dispatchJob,
  webhookDeliveryJob,
];
