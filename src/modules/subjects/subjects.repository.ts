import { sql, type Selectable } from 'kysely';
import type { Executor, SubjectsTable } from '../shared/index.ts';

export type SubjectRow = Selectable<SubjectsTable>;

export const findSubject = (db: Executor, id: string) =>
  db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();

export const findSubjectByUscc = (db: Executor, uscc: string) =>
  db.selectFrom('subjects').selectAll().where('uscc', '=', uscc).executeTakeFirst();

export const findSubjectByDigest = (db: Executor, digest: string) =>
  db.selectFrom('subjects').selectAll().where('citizen_id_digest', '=', digest).executeTakeFirst();

/** The per-subject lock: list-membership rules (black excludes red) are checked while holding it. */
export const lockSubject = (db: Executor, id: string) =>
  db.selectFrom('subjects').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

export async function insertSubject(db: Executor, row: SubjectRow, citizenId: string | null) {
  // Concurrent creators of one subject: the unique code decides, the loser reads the winner's row.
  const inserted = await db
    .insertInto('subjects')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted && citizenId)
    await db.insertInto('subject_identities').values({ subject_id: row.id, citizen_id: citizenId }).execute();
  return inserted;
}

/**
 * A page of subjects in name order, read as `limit + 1` rows after the cursor's subject. The cursor holds only the
 * id (a normalized name may be longer than a cursor value may be); its (name_key, id) is read in the same query.
 */
export function searchSubjects(
  db: Executor,
  filter: {
    nameKey?: string;
    uscc?: string;
    digest?: string;
    limit: number;
    afterId: string | null;
  },
) {
  let q = db
    .selectFrom('subjects')
    .selectAll()
    .orderBy('name_key')
    .orderBy('id')
    .limit(filter.limit + 1);
  if (filter.afterId)
    q = q.where(
      sql<boolean>`(name_key, id) > (select c.name_key, c.id from subjects c where c.id = ${filter.afterId})`,
    );
  if (filter.uscc) q = q.where('uscc', '=', filter.uscc);
  if (filter.digest) q = q.where('citizen_id_digest', '=', filter.digest);
  if (filter.nameKey) q = q.where('name_key', 'like', `%${filter.nameKey.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.execute();
}

export const relatedPersonsOf = (db: Executor, organizationId: string) =>
  db
    .selectFrom('related_persons')
    .innerJoin('subjects', 'subjects.id', 'related_persons.person_id')
    .select([
      'related_persons.role',
      'related_persons.created_at',
      'subjects.id',
      'subjects.name',
      'subjects.citizen_id_masked',
    ])
    .where('related_persons.organization_id', '=', organizationId)
    .orderBy('related_persons.created_at')
    .execute();

export async function linkRelatedPerson(
  db: Executor,
  row: { organization_id: string; person_id: string; role: string; created_at: Date },
) {
  const inserted = await db
    .insertInto('related_persons')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('role')
    .executeTakeFirst();
  return inserted !== undefined;
}
