import type { DepartmentsTable, Executor } from '../shared/index.ts';

export type DepartmentRow = DepartmentsTable;

export async function findDepartmentById(db: Executor, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDepartmentByCode(db: Executor, code: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The credit office: the seeded department with code credit_office first, else any of kind credit_office. */
export async function findCreditOffice(db: Executor): Promise<DepartmentRow | undefined> {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('kind', '=', 'credit_office')
    .orderBy((eb) => eb.case().when('code', '=', 'credit_office').then(0).else(1).end())
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function listDepartments(db: Executor): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().orderBy('kind').orderBy('code').execute();
}

export async function insertDepartment(tx: Executor, row: DepartmentRow): Promise<void> {
  await tx.insertInto('departments').values(row).execute();
}
