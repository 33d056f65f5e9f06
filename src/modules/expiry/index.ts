// The front of the expiry module: what other modules may use. Everything else in this folder is its own.
export { expiryJob } from './expiry.job.ts';
