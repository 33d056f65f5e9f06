// The front of the jobs module: what other modules may use. Everything else in this folder is its own.
export { claimJob, finishJob, registerJob } from './jobs.repository.ts';
export { jobsRoutes } from './jobs.routes.ts';
