import type { Executor } from '../shared/index.ts';

// The SQL of what an entry's decision or review links to (entries.black.usecases.ts, entries.red.usecases.ts) and
// of the serious records that keep a subject off red lists (entries.usecases.ts).

export const measuresByIds = (db: Executor, ids: readonly string[]) =>
  db.selectFrom('measures').selectAll().where('id', 'in', ids).execute();

/** The incentive measures in force; the caller keeps those of the entry's list type. */
export const activeIncentiveMeasures = (db: Executor) =>
  db
    .selectFrom('measures')
    .select(['id', 'version', 'list_type_ids', 'kind', 'active'])
    .where('kind', '=', 'incentive')
    .where('active', '=', true)
    .execute();

/** Links a related person to an entry in a role, once. */
export const linkEntryPerson = (db: Executor, entryId: string, personId: string, role: string) =>
  db
    .insertInto('entry_persons')
    .values({ entry_id: entryId, person_id: personId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();

/** The measures an entry applies, each at the version in force when it was decided. */
export const insertEntryMeasures = (
  db: Executor,
  entryId: string,
  measures: readonly { id: string; version: number }[],
) =>
  db
    .insertInto('entry_measures')
    .values(measures.map((m) => ({ entry_id: entryId, measure_id: m.id, measure_version: m.version })))
    .execute();

/** A serious record of the subject whose disclosure has not ended by `today` (a China date). */
export const seriousRecordInEffect = (db: Executor, subjectId: string, today: string) =>
  db
    .selectFrom('records')
    .select(['id', 'decision_no'])
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'in_effect')
    .where('severity', '=', 'serious')
    .where('disclosure_end', '>=', today)
    .executeTakeFirst();
