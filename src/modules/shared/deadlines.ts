import { unprocessable } from './errors.ts';
import type { Executor } from './ledger.ts';
import type { WorkingCalendar } from './working-days.ts';

/** Deadline settings the credit office edits (table deadline_settings); each item copies its value when created. */
export const DEADLINE_KEYS = ['feedback', 'objection', 'withdrawal', 'repair_acceptance', 'repair_decision', 'tipoff', 'disclosure', 'reminder_lead'] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

export interface Due { due_from: string; due_days: number; due_date: string }

export async function deadlineDays(db: Executor, key: DeadlineKey): Promise<number> {
  const row = await db.selectFrom('deadline_settings').select('working_days').where('key', '=', key).executeTakeFirst();
  if (!row) throw unprocessable('deadline.unknown', `期限设置「${key}」不存在。`);
  return row.working_days;
}

/** Day 0 is `from`; the deadline ends at the end of the Nth following working day (rules.md §10). */
export function dueAfter(calendar: WorkingCalendar, from: string, days: number): Due {
  return { due_from: from, due_days: days, due_date: calendar.addWorkingDays(from, days) };
}

/** The deadline of a new item: the configured working days from `from`, stored on the item. */
export async function newDue(db: Executor, calendar: WorkingCalendar, key: DeadlineKey, from: string): Promise<Due> {
  return dueAfter(calendar, from, await deadlineDays(db, key));
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
