import type { Insertable } from 'kysely';
import type { AttachmentsTable } from './db.workflows.types.ts';
import type { Executor } from './ledger.ts';

// The SQL of attachments (attachments.ts): files are always read under their owner.

export interface AttachmentOwner {
  stream: AttachmentsTable['owner_stream'];
  id: string;
}

export const insertAttachments = (db: Executor, rows: Insertable<AttachmentsTable>[]) =>
  db.insertInto('attachments').values(rows).execute();

const META = ['id', 'file_name', 'content_type', 'size', 'sha256', 'created_at'] as const;

/** The metadata of an owner's files, in the order they were sent. */
export const listAttachmentRows = (db: Executor, owner: AttachmentOwner) =>
  db
    .selectFrom('attachments')
    .select(META)
    .where('owner_stream', '=', owner.stream)
    .where('owner_id', '=', owner.id)
    .orderBy('id')
    .execute();

/** One file with its content, only under its owner (an id of another owner's file answers undefined). */
export const readAttachment = (db: Executor, owner: AttachmentOwner, attachmentId: string) =>
  db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('owner_stream', '=', owner.stream)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();

/** Sealed attachments of a stream under another key than the current one, locked for resealing. */
export const sealedAttachmentsUnderOtherKeys = (
  db: Executor,
  stream: AttachmentsTable['owner_stream'],
  currentKeyId: string,
  limit: number,
) =>
  db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'content'])
    .where('owner_stream', '=', stream)
    .where('sealed', '=', true)
    .where('key_id', '!=', currentKeyId)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();

export const updateAttachmentSeal = (
  db: Executor,
  id: string,
  seal: { content: Buffer; key_id: string; sha256: string },
) => db.updateTable('attachments').set(seal).where('id', '=', id).execute();
