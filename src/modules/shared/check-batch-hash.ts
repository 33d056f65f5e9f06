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
  return checkBatchJson(rows).rowsHash;
}

/**
 * The rows sorted by checkId as one JSON array, and its checkBatchHash: the recorder inserts the very string it
 * hashed, so each row is serialized once.
 */
export function checkBatchJson(rows: CheckRecordForHash[]): { json: string; rowsHash: string } {
  const json = `[${[...rows]
    .sort((a, b) => compareIds(a.checkId, b.checkId))
    .map(canonicalRowJson)
    .join(',')}]`;
  return { json, rowsHash: createHash('sha256').update(json).digest('hex') };
}

/**
 * stableStringify(row) for the fields hashed, written out in sorted key order: the same bytes, at a fraction of
 * the cost on the check path. A subject with a key or value of another kind than a recorder writes falls back to
 * stableStringify, so any row read back from the database hashes the same.
 */
export function canonicalRowJson(row: CheckRecordForHash): string {
  const q = JSON.stringify;
  return (
    `{"actor":${q(row.actor)},"checkId":${q(row.checkId)},"checkedAt":${q(row.checkedAt)},"dataVersion":${q(row.dataVersion)},` +
    `"departmentId":${q(row.departmentId)},"scenario":${q(row.scenario ?? null)},"stale":${q(row.stale)},` +
    `"subjects":${Array.isArray(row.subjects) ? `[${row.subjects.map(subjectJson).join(',')}]` : stableStringify(row.subjects)}}`
  );
}

// The keys of a recorded subject, in stableStringify's (code unit) order.
const SUBJECT_KEYS = [
  'candidate',
  'citizenIdDigest',
  'citizenIdMasked',
  'entryIds',
  'name',
  'subjectId',
  'uscc',
] as const;

function subjectJson(subject: unknown): string {
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) return stableStringify(subject);
  const s = subject as Record<string, unknown>;
  let defined = 0;
  for (const key in s) if (s[key] !== undefined) defined += 1;
  let out = '{';
  let written = 0;
  for (const key of SUBJECT_KEYS) {
    const value = s[key];
    if (value === undefined) continue;
    const plain =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!plain) return stableStringify(s);
    out += `${written === 0 ? '' : ','}"${key}":${JSON.stringify(value)}`;
    written += 1;
  }
  return written === defined ? `${out}}` : stableStringify(s);
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
    this.hash.update(canonicalRowJson(row));
    this.last = row.checkId;
    this.count += 1;
  }

  digest(): string {
    return this.hash.update(']').digest('hex');
  }
}

/** UUIDs in canonical lower-case form: code-unit order equals PostgreSQL's byte order for uuid. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
