import { createHash, type Hash } from 'node:crypto';
import { stableStringify } from './json.ts';

/**
 * One check record as the audit chain sees it. A batch of check records is chained through ONE audit row
 * (action 'check.batch', details { count, firstCheckId, lastCheckId, rowsHash }); rowsHash is checkBatchHash of
 * the batch's rows, so changing, adding or removing a check record breaks that link.
 */
export interface CheckRecordForHash {
  checkId: string;
  /** ISO 8601 instant. */
  checkedAt: string;
  departmentId: string;
  actor: string;
  scenario: string | null;
  /** The data version the answer reflected, as a decimal string. */
  dataVersion: string;
  stale: boolean;
  subjects: unknown[];
}

/** A check_records row as read from the database. */
export interface CheckRecordRow {
  check_id: string;
  checked_at: Date;
  department_id: string;
  actor: string;
  scenario: string | null;
  data_version: bigint | string;
  stale: boolean;
  subjects: unknown[];
}

export function checkRecordForHash(row: CheckRecordRow): CheckRecordForHash {
  return {
    checkId: row.check_id,
    checkedAt: row.checked_at.toISOString(),
    departmentId: row.department_id,
    actor: row.actor,
    scenario: row.scenario,
    dataVersion: row.data_version.toString(),
    stale: row.stale,
    subjects: row.subjects,
  };
}

/** sha256 hex of stableStringify(rows sorted by checkId). */
export function checkBatchHash(rows: CheckRecordForHash[]): string {
  const hasher = new CheckBatchHasher();
  for (const row of [...rows].sort((a, b) => compareIds(a.checkId, b.checkId))) hasher.add(row);
  return hasher.digest();
}

/**
 * Computes the same digest as checkBatchHash from rows fed one at a time in checkId order (as the database
 * returns them ordered by check_id), so verification never holds a whole batch in memory. The bytes hashed are
 * exactly those of stableStringify(array): '[' + rows joined by ',' + ']'.
 */
export class CheckBatchHasher {
  private readonly hash: Hash = createHash('sha256').update('[');
  private last: string | null = null;
  count = 0;

  add(row: CheckRecordForHash): void {
    if (this.last !== null && compareIds(this.last, row.checkId) > 0) {
      throw new Error('CheckBatchHasher: rows must arrive sorted by checkId');
    }
    if (this.count > 0) this.hash.update(',');
    this.hash.update(stableStringify(shape(row)));
    this.last = row.checkId;
    this.count += 1;
  }

  digest(): string {
    return this.hash.update(']').digest('hex');
  }
}

/** Only the named fields are hashed, whatever else a caller's object carries; an absent scenario reads back as null. */
function shape(row: CheckRecordForHash): CheckRecordForHash {
  const { checkId, checkedAt, departmentId, actor, scenario, dataVersion, stale, subjects } = row;
  return { checkId, checkedAt, departmentId, actor, scenario: scenario ?? null, dataVersion, stale, subjects };
}

/** UUIDs in canonical lower-case form: code-unit order equals PostgreSQL's byte order for uuid. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
