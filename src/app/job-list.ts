import type { Job } from './jobs.ts';

/**
 * Every scheduled job, in the order runAll() runs them: expiry first (it makes changes), then dispatch (it turns
 * changes into dispatch items), then webhook delivery.
 */
export const jobs: Job[] = [
];
