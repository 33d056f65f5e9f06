import type { Insertable } from 'kysely';
import type { DepartmentsTable, Executor, RecordDomainDepartmentsTable, ScenariosTable } from '../shared/index.ts';

// The SQL of the first start's seed (catalog.bootstrap.ts) beyond what the catalog's own repositories write.

/** Any department at all: a database with one has been seeded. */
export const anyDepartment = (db: Executor) => db.selectFrom('departments').select('id').limit(1).executeTakeFirst();

export const insertSeedDepartment = (db: Executor, row: Insertable<DepartmentsTable>) =>
  db.insertInto('departments').values(row).execute();

export const insertScenarios = (db: Executor, rows: Insertable<ScenariosTable>[]) =>
  db.insertInto('scenarios').values(rows).execute();

export const insertRecordDomainHolders = (db: Executor, rows: Insertable<RecordDomainDepartmentsTable>[]) =>
  db.insertInto('record_domain_departments').values(rows).execute();
