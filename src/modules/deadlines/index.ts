// The deadlines module's front: working-day deadlines as items store them (due_from, due_days, due_date), the
// settings they are drawn from, and the recompute a calendar edit runs over every open one (docs/domain/rules.md §10).
export {
  DEADLINE_KEYS,
  DUE_TABLES,
  deadlineDays,
  dueAfter,
  dueOrPending,
  missingCalendarYear,
  newDue,
  type DeadlineKey,
  type Due,
  type DueTable,
} from './deadlines.ts';
export { recomputeOpenDeadlines, type RecomputedCounts } from './deadlines.recompute.ts';
