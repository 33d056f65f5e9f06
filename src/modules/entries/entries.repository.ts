import { departmentRefsByIds } from '../departments/index.ts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { EntriesTable, Executor } from '../shared/index.ts';

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
/** Entries in effect whose measures were lifted until a day before `today`, locked for the lifting-expiry job. */
export const entriesWithLiftingEndedBefore = (db: Executor, today: string, limit: number) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('state', '=', 'in_effect')
    .where('measures_lifted', 'is not', null)
    .where(sql<string>`measures_lifted->>'until'`, '<', today)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();

export const entriesOfSubject = (db: Executor, subjectId: string, kind: 'red' | 'black', states: string[]) =>
  db
    .selectFrom('entries')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .where('state', 'in', states)
    .execute();

/** A page of entries, newest first, read as `limit + 1` rows after the cursor's (created_at, id). */
export function listEntries(
  db: Executor,
  filter: {
    departmentId?: string;
    state?: string;
    kind?: 'red' | 'black';
    listTypeId?: string;
    subjectId?: string;
    limit: number;
    after: { createdAt: string; id: string } | null;
  },
) {
  let q = db
    .selectFrom('entries')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  const after = filter.after;
  if (after)
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after.createdAt), after.id)));
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.listTypeId) q = q.where('list_type_id', '=', filter.listTypeId);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  return q.execute();
}

/** The persons named by each of the entries (one query for the whole page). */
export const personsOfEntries = (db: Executor, entryIds: string[]) =>
  db
    .selectFrom('entry_persons')
    .innerJoin('subjects', 'subjects.id', 'entry_persons.person_id')
    .select([
      'entry_persons.entry_id',
      'entry_persons.role',
      'subjects.id',
      'subjects.name',
      'subjects.citizen_id_masked',
    ])
    .where('entry_persons.entry_id', 'in', entryIds)
    .execute();

/** The decided measures, each titled as in the version it was decided under, with the catalog's current version. */
export const measuresOfEntries = (db: Executor, entryIds: string[]) =>
  db
    .selectFrom('entry_measures')
    .innerJoin('measures', 'measures.id', 'entry_measures.measure_id')
    .leftJoin('measure_versions', (j) =>
      j
        .onRef('measure_versions.measure_id', '=', 'entry_measures.measure_id')
        .onRef('measure_versions.version', '=', 'entry_measures.measure_version'),
    )
    .select([
      'entry_measures.entry_id',
      'measures.id',
      'measures.code',
      'measures.kind',
      'entry_measures.measure_version',
      'measures.version as current_version',
    ])
    .select(sql<string>`coalesce(measure_versions.snapshot->>'title', measures.title)`.as('title'))
    .where('entry_measures.entry_id', 'in', entryIds)
    .orderBy('measures.code')
    .execute();

export const listTypesByIds = (db: Executor, ids: string[]) =>
  db.selectFrom('list_types').select(['id', 'code', 'name', 'kind']).where('id', 'in', ids).execute();

export const subjectsByIds = (db: Executor, ids: string[]) =>
  db.selectFrom('subjects').selectAll().where('id', 'in', ids).execute();

type Loaded<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** What the government view of an entry shows: the entry with its list type, subject, department, persons, measures. */
export interface EntryView {
  entry: EntryRow;
  listType: Loaded<typeof listTypesByIds>;
  subject: Loaded<typeof subjectsByIds>;
  department: { id: string; code: string; name: string };
  persons: Loaded<typeof personsOfEntries>[];
  measures: Loaded<typeof measuresOfEntries>[];
}

/**
 * The read models of a page of entries: one query per related table for the whole page, whatever its size, so a
 * list costs the same number of queries at 1 and at 200 entries.
 */
export async function entryViews(db: Executor, entries: EntryRow[]): Promise<EntryView[]> {
  if (entries.length === 0) return [];
  const distinct = (pick: (e: EntryRow) => string) => [...new Set(entries.map(pick))];
  const entryIds = entries.map((e) => e.id);
  const [listTypes, subjects, departments, persons, measures] = await Promise.all([
    listTypesByIds(
      db,
      distinct((e) => e.list_type_id),
    ),
    subjectsByIds(
      db,
      distinct((e) => e.subject_id),
    ),
    departmentRefsByIds(
      db,
      entries.map((e) => e.department_id),
    ),
    personsOfEntries(db, entryIds),
    measuresOfEntries(db, entryIds),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const byEntry = <T extends { entry_id: string }>(list: T[]) => {
    const groups = new Map<string, T[]>();
    for (const x of list) groups.set(x.entry_id, [...(groups.get(x.entry_id) ?? []), x]);
    return groups;
  };
  const [listTypeById, subjectById, departmentById] = [byId(listTypes), byId(subjects), departments];
  const [personsOf, measuresOf] = [byEntry(persons), byEntry(measures)];
  return entries.map((entry) => ({
    entry,
    listType: listTypeById.get(entry.list_type_id)!,
    subject: subjectById.get(entry.subject_id)!,
    department: departmentById.get(entry.department_id)!,
    persons: personsOf.get(entry.id) ?? [],
    measures: measuresOf.get(entry.id) ?? [],
  }));
}

export const eventsOfEntry = (db: Executor, entryId: string) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'entry')
    .where('stream_id', '=', entryId)
    .orderBy('version')
    .execute();
