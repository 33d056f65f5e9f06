import type { CheckRecordInput, RecordedSubject } from './check-recorder.ts';

// C0 controls but tab, LF and CR: PostgreSQL refuses NUL in text and jsonb, and the others are never meant.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** The value with every control character shown as U+FFFD, so that the set-aside record itself can be stored. */
export function cleanText(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL, '\uFFFD');
  if (Array.isArray(value)) return value.map(cleanText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k) as string, cleanText(v)]));
  }
  return value;
}

/** One row as a line of the journal (and as the record set aside): JSON, the instant in ISO form, the version as a string. */
export function journalLine(row: CheckRecordInput): string {
  return JSON.stringify({
    checkId: row.checkId,
    checkedAt: row.checkedAt.toISOString(),
    departmentId: row.departmentId,
    actor: row.actor,
    scenario: row.scenario,
    dataVersion: row.dataVersion.toString(),
    stale: row.stale,
    subjects: row.subjects,
  });
}

/** The row a journal line holds; null for a line that is not one (a write torn by the crash). */
export function parseJournalLine(line: string): CheckRecordInput | null {
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    if (
      typeof o.checkId !== 'string' ||
      typeof o.checkedAt !== 'string' ||
      typeof o.departmentId !== 'string' ||
      typeof o.actor !== 'string' ||
      typeof o.dataVersion !== 'string' ||
      !Array.isArray(o.subjects)
    )
      return null;
    return {
      checkId: o.checkId,
      checkedAt: new Date(o.checkedAt),
      departmentId: o.departmentId,
      actor: o.actor,
      scenario: typeof o.scenario === 'string' ? o.scenario : null,
      dataVersion: BigInt(o.dataVersion),
      stale: o.stale === true,
      subjects: o.subjects as RecordedSubject[],
    };
  } catch {
    return null;
  }
}
