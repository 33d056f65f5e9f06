import type { Executor } from '../shared/index.ts';

// What the public may see today, read straight from the tables (the portal is not the check path): records in
// effect and disclosed within their window, and entries in effect on list types disclosed to the public.

const MAX_SUBJECTS = 50;

export const subjectsByUscc = (db: Executor, uscc: string) =>
  db
    .selectFrom('subjects')
    .select(['id', 'kind', 'name', 'uscc', 'citizen_id_masked', 'status', 'status_date'])
    .where('uscc', '=', uscc)
    .execute();

export const subjectsByName = (db: Executor, nameKey: string) =>
  db
    .selectFrom('subjects')
    .select(['id', 'kind', 'name', 'uscc', 'citizen_id_masked', 'status', 'status_date'])
    .where('name_key', '=', nameKey)
    .orderBy('id')
    .limit(MAX_SUBJECTS)
    .execute();

export const subjectById = (db: Executor, id: string) =>
  db
    .selectFrom('subjects')
    .select(['id', 'kind', 'name', 'uscc', 'citizen_id_masked', 'status', 'status_date'])
    .where('id', '=', id)
    .executeTakeFirst();

export type PublicSubjectRow = Awaited<ReturnType<typeof subjectsByUscc>>[number];

export const disclosedRecords = (db: Executor, subjectIds: string[], today: string) =>
  db
    .selectFrom('records')
    .innerJoin('departments', 'departments.id', 'records.department_id')
    .innerJoin('record_domains', 'record_domains.code', 'records.domain')
    .select([
      'records.id',
      'records.subject_id',
      'records.decision_no',
      'records.decision_date',
      'records.facts',
      'records.basis',
      'records.penalty_type',
      'records.amount',
      'records.severity',
      'records.disclosure_end',
      'records.earliest_repair_date',
      'records.objection_pending',
      'departments.name as department_name',
      'record_domains.name as domain_name',
    ])
    .where('records.subject_id', 'in', subjectIds)
    .where('records.state', '=', 'in_effect')
    .where('records.disclosed', '=', true)
    .where('records.decision_date', '<=', today)
    .where('records.disclosure_end', '>=', today)
    .orderBy('records.decision_date', 'desc')
    .orderBy('records.id')
    .execute();

export type DisclosedRecordRow = Awaited<ReturnType<typeof disclosedRecords>>[number];

/** What the public presenter needs of an entry in effect (entries ⋈ list_types ⋈ departments); publicity's lists too. */
export const DISCLOSED_ENTRY_COLUMNS = [
  'entries.id',
  'entries.subject_id',
  'entries.reason',
  'entries.decision',
  'entries.review',
  'entries.decision_date',
  'entries.document_no',
  'entries.basis_document_no',
  'entries.basis_document_date',
  'entries.start_date',
  'entries.end_date',
  'entries.period_rule',
  'entries.objection_pending',
  'list_types.code as list_type_code',
  'list_types.name as list_type_name',
  'list_types.kind as list_type_kind',
  'list_types.legal_basis',
  'list_types.disclosure',
  'departments.name as department_name',
] as const;

export const disclosedEntries = (db: Executor, subjectIds: string[], today: string) =>
  db
    .selectFrom('entries')
    .innerJoin('list_types', 'list_types.id', 'entries.list_type_id')
    .innerJoin('departments', 'departments.id', 'entries.department_id')
    .select(DISCLOSED_ENTRY_COLUMNS)
    .where('entries.subject_id', 'in', subjectIds)
    .where('entries.state', '=', 'in_effect')
    .where((eb) => eb.or([eb('entries.end_date', 'is', null), eb('entries.end_date', '>=', today)]))
    .where((eb) => eb.or([eb('entries.start_date', 'is', null), eb('entries.start_date', '<=', today)]))
    .orderBy('entries.start_date', 'desc')
    .orderBy('entries.id')
    .execute();

export type DisclosedEntryRow = Awaited<ReturnType<typeof disclosedEntries>>[number];

export const personsOfEntries = (db: Executor, entryIds: string[]) =>
  db
    .selectFrom('entry_persons')
    .innerJoin('subjects', 'subjects.id', 'entry_persons.person_id')
    .select(['entry_persons.entry_id', 'entry_persons.role', 'subjects.name', 'subjects.citizen_id_masked'])
    .where('entry_persons.entry_id', 'in', entryIds)
    .orderBy('entry_persons.role')
    .orderBy('subjects.name')
    .execute();

export type EntryPersonRow = Awaited<ReturnType<typeof personsOfEntries>>[number];
