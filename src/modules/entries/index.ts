// The front of the entries module: what other modules may use. Everything else in this folder is its own.
export { decide, recordStatement, serveNotice } from './entries.black.usecases.ts';
export { publish, review } from './entries.red.usecases.ts';
export { entriesWithLiftingEndedBefore, findEntry } from './entries.repository.ts';
export type { EntryRow } from './entries.repository.ts';
export { entriesRoutes } from './entries.routes.ts';
export { STATE_LABELS } from './entries.states.ts';
export type { EntryState } from './entries.states.ts';
export { canSee, createEntry, endEntry, endOfPeriod, recordChange } from './entries.usecases.ts';
export {
  closeObjection,
  correctEntry,
  endEntryBy,
  expireEntry,
  leaveRedLists,
  liftMeasures,
  lockEntry,
  openObjection,
  restoreMeasures,
} from './entries.workflow.ts';
export type { Lifting } from './entries.workflow.ts';
