import { sql, type Insertable, type Selectable } from 'kysely';
import type { EntriesTable } from '../shared/db.types.ts';
import type { Executor } from '../shared/ledger.ts';

export type EntryRow = Selectable<EntriesTable>;

export const findEntry = (db: Executor, id: string) =>
  db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the entry: of two concurrent transitions the second sees the first's state and is refused. */
export const subjectOfEntry = async (db: Executor, id: string) =>
  (await db.selectFrom('entries').select('subject_id').where('id', '=', id).executeTakeFirst())?.subject_id;

export const findEntryForUpdate = (db: Executor, id: string) =>
  db.selectFrom('entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertEntry = (db: Executor, row: Insertable<EntriesTable>) =>
  db.insertInto('entries').values(row).execute();

export const updateEntry = (db: Executor, id: string, changes: Partial<Record<keyof EntryRow, unknown>>) =>
  db
    .updateTable('entries')
    .set(changes as never)
    .where('id', '=', id)
    .execute();

export const setLastVersion = (db: Executor, id: string, version: bigint) =>
  db.updateTable('entries').set({ last_version: version.toString() }).where('id', '=', id).execute();

/** A subject's entries in the given states (under the subject lock when deciding list membership). */
export const entriesOfSubject = (db: Executor, subjectId: string, kind: 'red' | 'black', states: string[]) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .where('state', 'in', states)
    .execute();

export function listEntries(
  db: Executor,
  filter: {
    departmentId?: string;
    state?: string;
    kind?: 'red' | 'black';
    listTypeId?: string;
    subjectId?: string;
    limit: number;
    offset: number;
  },
) {
  let q = db
    .selectFrom('entries')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.listTypeId) q = q.where('list_type_id', '=', filter.listTypeId);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  return q.execute();
}

export const personsOfEntry = (db: Executor, entryId: string) =>
  db
    .selectFrom('entry_persons')
    .innerJoin('subjects', 'subjects.id', 'entry_persons.person_id')
    .select(['entry_persons.role', 'subjects.id', 'subjects.name', 'subjects.citizen_id_masked'])
    .where('entry_persons.entry_id', '=', entryId)
    .execute();

/** The decided measures, each titled as in the version it was decided under, with the catalog's current version. */
export const measuresOfEntry = (db: Executor, entryId: string) =>
  db
    .selectFrom('entry_measures')
    .innerJoin('measures', 'measures.id', 'entry_measures.measure_id')
    .leftJoin('measure_versions', (j) =>
      j
        .onRef('measure_versions.measure_id', '=', 'entry_measures.measure_id')
        .onRef('measure_versions.version', '=', 'entry_measures.measure_version'),
    )
    .select([
      'measures.id',
      'measures.code',
      'measures.kind',
      'entry_measures.measure_version',
      'measures.version as current_version',
    ])
    .select(sql<string>`coalesce(measure_versions.snapshot->>'title', measures.title)`.as('title'))
    .where('entry_measures.entry_id', '=', entryId)
    .orderBy('measures.code')
    .execute();

export const eventsOfEntry = (db: Executor, entryId: string) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'entry')
    .where('stream_id', '=', entryId)
    .orderBy('version')
    .execute();
