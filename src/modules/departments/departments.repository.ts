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

/** Departments by id (id, code, name), one query for any number of ids: what read models show beside a row. */
export async function departmentRefsByIds(db: Executor, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { id: string; code: string; name: string }>();
  const rows = await db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((d) => [d.id, d]));
}
