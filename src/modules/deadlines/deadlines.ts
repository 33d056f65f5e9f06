import { CalendarYearMissingError, type Executor, unprocessable, type WorkingCalendar } from '../shared/index.ts';
import { findDeadlineDays } from './deadlines.repository.ts';

/** Deadline settings the credit office edits (table deadline_settings); each item copies its value when created. */
export const DEADLINE_KEYS = [
  'feedback',
  'objection',
  'withdrawal',
  'repair_acceptance',
  'repair_decision',
  'tipoff',
  'disclosure',
  'reminder_lead',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** A deadline as stored: day 0, the working days, and the last day (null while that year has no calendar). */
export interface Due {
  due_from: string;
  due_days: number;
  due_date: string | null;
}

export async function deadlineDays(db: Executor, key: DeadlineKey): Promise<number> {
  const row = await findDeadlineDays(db, key);
  if (!row) throw unprocessable('deadline.unknown', `期限设置「${key}」不存在。`);
  return row.working_days;
}

/** Day 0 is `from`; the deadline ends at the end of the Nth following working day (docs/domain/rules.md §10). */
export function dueAfter(calendar: WorkingCalendar, from: string, days: number): Due & { due_date: string } {
  return { due_from: from, due_days: days, due_date: calendar.addWorkingDays(from, days) };
}

/**
 * A deadline that may fall in a year with no calendar yet: then it is not guessed (docs/domain/rules.md §10) but kept
 * as day 0 and the number of days, without a date, until an administrator loads that year, which recomputes it.
 * Reminders show such items to their department and the credit office. Used where refusing would cost a party a right
 * (a filing in late December) or stop a department's work.
 */
export function dueOrPending(calendar: WorkingCalendar, from: string, days: number): Due {
  return { due_from: from, due_days: days, due_date: workingDaysAhead(calendar, from, days).date };
}

/** The year whose missing calendar holds a pending deadline back, or null once it can be computed. */
export function missingCalendarYear(calendar: WorkingCalendar, from: string, days: number): number | null {
  return workingDaysAhead(calendar, from, days).missingYear;
}

/** The Nth working day after `from`, or the year with no calendar that keeps it from being computed. */
function workingDaysAhead(
  calendar: WorkingCalendar,
  from: string,
  days: number,
): { date: string; missingYear: null } | { date: null; missingYear: number } {
  try {
    return { date: calendar.addWorkingDays(from, days), missingYear: null };
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
    return { date: null, missingYear: error.year };
  }
}

/** The deadline of a new item: the configured working days from `from`, stored on the item. */
export async function newDue(db: Executor, calendar: WorkingCalendar, key: DeadlineKey, from: string): Promise<Due> {
  return dueOrPending(calendar, from, await deadlineDays(db, key));
}

/**
 * Every table whose rows carry a deadline in the due_* columns, with the label shown in inboxes. A calendar edit
 * recomputes the open rows of each (closed_at is null); reminders read them.
 */
export const DUE_TABLES = {
  dispatches: { label: '反馈', stream: 'dispatch' },
  objections: { label: '异议处理', stream: 'objection' },
  repairs: { label: '信用修复', stream: 'repair' },
  commitments: { label: '承诺履行', stream: 'commitment' },
  tipoffs: { label: '举报办理', stream: 'tipoff' },
} as const;
export type DueTable = keyof typeof DUE_TABLES;
