import type { Executor } from '../shared/index.ts';

// The SQL of what a receiving department is sent (dispatch.snapshots.ts, dispatch.receivers.ts): the entry or record
// as it stands when dispatched, with what it names.

export const findEntryRow = (db: Executor, id: string) =>
  db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();

export const findRecordRow = (db: Executor, id: string) =>
  db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();

/** The subject as other departments see it: only the masked ID number exists in this table. */
export const sharedSubject = (db: Executor, id: string) =>
  db
    .selectFrom('subjects')
    .select(['id', 'kind', 'name', 'uscc', 'citizen_id_masked'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

export const listTypeRef = (db: Executor, id: string) =>
  db.selectFrom('list_types').select(['id', 'code', 'name', 'kind']).where('id', '=', id).executeTakeFirstOrThrow();

export const departmentRef = (db: Executor, id: string) =>
  db.selectFrom('departments').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow();

/** The measures of an entry at the versions it was decided with, by measure code. */
export const entryMeasures = (db: Executor, entryId: string) =>
  db
    .selectFrom('entry_measures')
    .innerJoin('measures', 'measures.id', 'entry_measures.measure_id')
    .select([
      'measures.id',
      'measures.code',
      'measures.kind',
      'measures.title',
      'measures.content',
      'measures.legal_basis',
      'measures.implementing_department_id',
      'entry_measures.measure_version',
    ])
    .where('entry_measures.entry_id', '=', entryId)
    .orderBy('measures.code')
    .execute();

export const domainSharing = (db: Executor, code: string) =>
  db
    .selectFrom('record_domains')
    .select(['code', 'name', 'sharing'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

/** Every department with its kind: a sharing scope of 'all' means every department of kind 'department'. */
export const departmentKinds = (db: Executor) => db.selectFrom('departments').select(['id', 'code', 'kind']).execute();
