import type { Insertable, Selectable } from 'kysely';
import type { ObjectionsTable } from '../shared/db.workflows.types.ts';
import { json } from '../shared/json.ts';
import type { Executor } from '../shared/ledger.ts';

export type ObjectionRow = Selectable<ObjectionsTable>;

export const insertObjection = (db: Executor, row: Insertable<ObjectionsTable>) =>
  db.insertInto('objections').values(row).execute();

export const findObjection = (db: Executor, id: string) =>
  db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();

export const findObjectionForUpdate = (db: Executor, id: string) =>
  db.selectFrom('objections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findObjectionByApplicationNo = (db: Executor, applicationNo: string) =>
  db.selectFrom('objections').selectAll().where('application_no', '=', applicationNo).executeTakeFirst();

export function updateObjection(
  db: Executor,
  id: string,
  changes: Partial<Omit<ObjectionRow, 'decision' | 'party'>> & { decision?: Record<string, unknown> | null },
) {
  const { decision, ...rest } = changes;
  return db
    .updateTable('objections')
    .set({ ...rest, ...(decision !== undefined ? { decision: decision === null ? null : json(decision) } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Whether another objection on the same target is still open (the pending flag then stays). */
export async function otherOpenObjection(
  db: Executor,
  target: { stream: 'entry' | 'record'; id: string },
  exceptId: string,
) {
  const row = await db
    .selectFrom('objections')
    .select('id')
    .where('target_stream', '=', target.stream)
    .where('target_id', '=', target.id)
    .where('state', '=', 'received')
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export function listObjections(
  db: Executor,
  filter: { departmentId?: string; state?: string; origin?: string; limit: number; offset: number },
) {
  let q = db
    .selectFrom('objections')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.departmentId) {
    const dept = filter.departmentId;
    q = q.where((eb) => eb.or([eb('department_id', '=', dept), eb('filed_department_id', '=', dept)]));
  }
  if (filter.state) q = q.where('state', '=', filter.state as ObjectionRow['state']);
  if (filter.origin) q = q.where('origin', '=', filter.origin as ObjectionRow['origin']);
  return q.execute();
}

export const creditOfficeDepartmentId = async (db: Executor) =>
  (
    await db
      .selectFrom('departments')
      .select('id')
      .where('kind', '=', 'credit_office')
      .orderBy('created_at')
      .executeTakeFirstOrThrow()
  ).id;
