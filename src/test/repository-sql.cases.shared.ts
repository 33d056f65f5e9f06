// SQL snapshot cases of the repositories in src/modules/shared (the rules are in repository-sql.cases.ts).
import type { Kysely, Transaction } from 'kysely';
import * as attachments from '../modules/shared/attachments.repository.ts';
import type { DB } from '../modules/shared/db.types.ts';
import * as ledger from '../modules/shared/ledger.repository.ts';
import * as serials from '../modules/shared/serials.repository.ts';
import { id, otherId, now } from './repository-sql.fixtures.ts';

// The ledger's functions take the open transaction; the recorder's handle compiles the same SQL outside one.
const tx = (db: Kysely<DB>) => db as Transaction<DB>;

export const casesShared: Record<string, (db: Kysely<DB>) => Promise<unknown>> = {
  'shared: reserve event and audit numbers': (db) => ledger.bumpLedgerHead(tx(db), 2, 1),
  'shared: insert events': (db) =>
    ledger.insertEvents(tx(db), [
      {
        version: '11',
        stream: 'entry',
        stream_id: id,
        type: 'entry.drafted',
        department_id: otherId,
        actor: 'user:alice',
        payload: '{}',
        occurred_at: now,
        effective_at: now,
      },
    ]),
  'shared: notify listeners of events': (db) => ledger.notifyEvents(tx(db), 'credlink_events', 11n),
  'shared: insert audit rows': (db) =>
    ledger.insertAuditRows(tx(db), [
      {
        seq: '5',
        at: now,
        actor: 'user:alice',
        action: 'entry.drafted',
        target: `entry:${id}`,
        details: '{}',
        prev_hash: 'p',
        hash: 'h',
      },
    ]),
  'shared: set the audit chain head': (db) => ledger.setAuditHash(tx(db), 'h'),
  'shared: next serial of a scope': (db) => serials.nextSerial(db, 'objection:20260601'),
  'shared: insert attachments': (db) =>
    attachments.insertAttachments(db, [
      {
        id,
        owner_stream: 'repair',
        owner_id: otherId,
        file_name: 'a.pdf',
        content_type: 'application/pdf',
        size: 5,
        sha256: 'h',
        content: Buffer.from('%PDF-'),
        sealed: false,
        key_id: null,
        created_at: now,
      },
    ]),
  'shared: attachments of an owner': (db) => attachments.listAttachmentRows(db, { stream: 'repair', id }),
  'shared: one attachment of an owner': (db) => attachments.readAttachment(db, { stream: 'repair', id }, otherId),
};
