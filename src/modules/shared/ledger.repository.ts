import { sql, type Insertable, type Transaction } from 'kysely';
import type { AuditLogTable, DB, EventsTable } from './db.types.ts';

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
