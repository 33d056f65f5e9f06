import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from './clock.ts';
import type { DB } from './db.types.ts';
import { redactIdentifiersInText } from './identifiers.ts';
import { json, stableStringify } from './json.ts';
import * as repo from './ledger.repository.ts';

/** A repository function runs on the handle it is given: the open transaction, or the database outside one. */
export type Executor = Kysely<DB> | Transaction<DB>;

export const EVENTS_CHANNEL = 'credlink_events';

export interface NewEvent {
  stream: string;
  streamId: string;
  type: string;
  departmentId?: string | null;
  payload: Record<string, unknown>;
  /** When the change takes effect in the world (e.g. a period's end); defaults to now. */
  effectiveAt?: Date;
}

export interface NewAudit {
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface AppendedEvent extends NewEvent {
  version: bigint;
  occurredAt: Date;
}

/** An event as read back from the log (what the sync loop hands to subscribers). */
export interface EventRow {
  version: bigint;
  stream: string;
  streamId: string;
  type: string;
  departmentId: string | null;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  effectiveAt: Date;
}

/** The writes of one transaction: state changes plus the events and audit rows that describe them. */
export interface Write {
  tx: Transaction<DB>;
  now: Date;
  actor: string;
  event(event: NewEvent): void;
  audit(audit: NewAudit): void;
  /** Runs inside the transaction once versions are assigned (e.g. to store an entry's last data version). */
  afterAppend(callback: (events: AppendedEvent[]) => Promise<void>): void;
}

export interface WriteResult<T> {
  result: T;
  events: AppendedEvent[];
  dataVersion: bigint | null;
}

/**
 * Runs `work` in a transaction and, as its last step, appends its events and audit rows under the lock of the
 * single ledger_head row. Holding that lock until commit serializes version assignment: versions become visible
 * in commit order with no gaps (docs/decisions/0002-data-versions.md).
 */
export async function write<T>(
  deps: { db: Kysely<DB>; clock: Clock },
  actor: string,
  work: (w: Write) => Promise<T>,
): Promise<WriteResult<T>> {
  return deps.db.transaction().execute(async (tx) => {
    const events: NewEvent[] = [];
    const audits: NewAudit[] = [];
    const callbacks: ((events: AppendedEvent[]) => Promise<void>)[] = [];
    const now = deps.clock.now();
    const result = await work({
      tx,
      now,
      actor,
      event: (e) => events.push(e),
      audit: (a) => audits.push(a),
      afterAppend: (cb) => callbacks.push(cb),
    });
    const appended = await appendToLedger(tx, { now, actor, events, audits });
    for (const callback of callbacks) await callback(appended);
    return { result, events: appended, dataVersion: appended.at(-1)?.version ?? null };
  });
}

export async function appendToLedger(
  tx: Transaction<DB>,
  input: { now: Date; actor: string; events: NewEvent[]; audits: NewAudit[] },
): Promise<AppendedEvent[]> {
  const { now, actor, events, audits } = input;
  if (events.length === 0 && audits.length === 0) return [];
  const head = await repo.bumpLedgerHead(tx, events.length, audits.length);

  const firstVersion = BigInt(head.data_version) - BigInt(events.length) + 1n;
  const appended = events.map((e, i) => ({ ...e, version: firstVersion + BigInt(i), occurredAt: now }));
  if (appended.length > 0) {
    await repo.insertEvents(
      tx,
      appended.map((e) => ({
        version: e.version.toString(),
        stream: e.stream,
        stream_id: e.streamId,
        type: e.type,
        department_id: e.departmentId ?? null,
        actor,
        payload: json(redact(e.payload)),
        occurred_at: now,
        effective_at: e.effectiveAt ?? now,
      })),
    );
    await repo.notifyEvents(tx, EVENTS_CHANNEL, BigInt(head.data_version));
  }

  if (audits.length > 0) {
    let prevHash = head.audit_hash;
    let seq = BigInt(head.audit_seq) - BigInt(audits.length);
    const rows = audits.map((a) => {
      seq += 1n;
      const row = { seq, at: now, actor, action: a.action, target: a.target ?? null, details: redact(a.details ?? {}) };
      const hash = auditHash(prevHash, row);
      const out = { ...row, seq: seq.toString(), details: json(row.details), prev_hash: prevHash, hash };
      prevHash = hash;
      return out;
    });
    await repo.insertAuditRows(tx, rows);
    await repo.setAuditHash(tx, prevHash);
  }
  return appended;
}

export interface AuditRowContent {
  seq: bigint;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The chain link: each row's hash covers its content and the previous row's hash. */
export function auditHash(prevHash: string, row: AuditRowContent): string {
  const body = stableStringify({ ...row, seq: row.seq.toString(), at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Audit rows and events are read by many: no ID number goes into them in clear. */
function redact(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(redactIdentifiersInText(json(value)));
}
