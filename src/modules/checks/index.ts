// The front of the checks module: what other modules may use. Everything else in this folder is its own.
export { CheckIndex } from './check-index.ts';
export { JournalReplayer } from './check-journal-replay.ts';
export { CheckJournal, journalScope } from './check-journal.ts';
export { CheckRecorder } from './check-recorder.ts';
export { checkRetentionJob } from './check-retention.job.ts';
export type { SubjectMatch } from './check-rules.ts';
export { checksRoutes } from './checks.routes.ts';
export { acknowledgedCheck } from './checks.usecases.ts';
export type { CheckDeps } from './checks.usecases.ts';
