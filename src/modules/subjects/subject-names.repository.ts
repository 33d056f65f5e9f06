import type { Selectable } from 'kysely';
import type { Executor, SubjectNamesTable } from '../shared/index.ts';
import { bigrams, characters } from './name-grams.ts';

export type SubjectNameRow = Selectable<SubjectNamesTable>;

/** Adds a name and its search postings; the name is current when validTo is null. */
export async function insertName(db: Executor, row: SubjectNameRow, person: boolean): Promise<void> {
  await db.insertInto('subject_names').values(row).execute();
  const grams = bigrams(row.search_key);
  if (grams.length === 0) return;
  const nameLength = characters(row.search_key).length;
  await db
    .insertInto('subject_name_grams')
    .values(
      grams.map((gram) => ({
        gram,
        name_length: nameLength,
        name_id: row.id,
        subject_id: row.subject_id,
        search_key: row.search_key,
        person,
      })),
    )
    .execute();
}

export const namesOf = (db: Executor, subjectId: string) =>
  db
    .selectFrom('subject_names')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('valid_to', (ob) => ob.desc().nullsFirst())
    .orderBy('created_at', 'desc')
    .execute();

/** Ends the current name on the day before its successor begins. */
export const closeCurrentName = (db: Executor, subjectId: string, validTo: string) =>
  db
    .updateTable('subject_names')
    .set({ valid_to: validTo })
    .where('subject_id', '=', subjectId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();

export const setSubjectName = (db: Executor, id: string, name: string, nameKey: string, now: Date) =>
  db.updateTable('subjects').set({ name, name_key: nameKey, updated_at: now }).where('id', '=', id).execute();

export const setSubjectStatus = (
  db: Executor,
  id: string,
  status: 'active' | 'deregistered',
  statusDate: string | null,
  now: Date,
) =>
  db.updateTable('subjects').set({ status, status_date: statusDate, updated_at: now }).where('id', '=', id).execute();
