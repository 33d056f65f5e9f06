import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { AuditLogTable, DB, EventsTable } from './db.types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

// The SQL of the ledger (ledger.ts): the single ledger_head row that numbers events and audit rows, and the two logs.

/** Reserves the numbers of a write's events and audit rows; the row stays locked until the transaction ends. */
export const bumpLedgerHead = (tx: Transaction<DB>, events: number, audits: number) =>
  tx
    .updateTable('ledger_head')
    .set({ data_version: sql`data_version + ${events}`, audit_seq: sql`audit_seq + ${audits}` })
    .where('id', '=', 1)
    .returning(['data_version', 'audit_seq', 'audit_hash'])
    .executeTakeFirstOrThrow();

export const insertEvents = (tx: Transaction<DB>, rows: Insertable<EventsTable>[]) =>
  tx.insertInto('events').values(rows).execute();

/** Wakes the processes listening on the channel (the sync loop) with the new data version. */
export const notifyEvents = (tx: Transaction<DB>, channel: string, dataVersion: bigint) =>
  sql`select pg_notify(${channel}, ${dataVersion.toString()})`.execute(tx);

export const insertAuditRows = (tx: Transaction<DB>, rows: Insertable<AuditLogTable>[]) =>
  tx.insertInto('audit_log').values(rows).execute();

export const setAuditHash = (tx: Transaction<DB>, hash: string) =>
  tx.updateTable('ledger_head').set({ audit_hash: hash }).where('id', '=', 1).execute();

/** The last data version committed (the sync reads it before loading the in-memory views). */
export const currentDataVersion = (db: Executor) =>
  db.selectFrom('ledger_head').select('data_version').where('id', '=', 1).executeTakeFirstOrThrow();

/** The events after a version, in version order: what the sync feeds the in-memory views. */
export const eventsAfter = (db: Executor, version: bigint, limit: number) =>
  db
    .selectFrom('events')
    .select([
      'version',
      'stream',
      'stream_id',
      'type',
      'department_id',
      'actor',
      'payload',
      'occurred_at',
      'effective_at',
    ])
    .where('version', '>', version)
    .orderBy('version')
    .limit(limit)
    .execute();

/** A notification on the events channel outside a write (the sync's ping proving its listener still hears). */
export const sendNotification = (db: Executor, channel: string, payload: string) =>
  sql`select pg_notify(${channel}, ${payload})`.execute(db);
