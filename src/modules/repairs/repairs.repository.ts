import type { Insertable, Selectable } from 'kysely';
import type { RepairsTable } from '../shared/db.workflows.types.ts';
import { json } from '../shared/json.ts';
import type { Executor } from '../shared/ledger.ts';

export type RepairRow = Selectable<RepairsTable>;

export const insertRepair = (db: Executor, row: Insertable<RepairsTable>) =>
  db.insertInto('repairs').values(row).execute();

export const findRepair = (db: Executor, id: string) =>
  db.selectFrom('repairs').selectAll().where('id', '=', id).executeTakeFirst();

export const findRepairForUpdate = (db: Executor, id: string) =>
  db.selectFrom('repairs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findRepairByApplicationNo = (db: Executor, applicationNo: string) =>
  db.selectFrom('repairs').selectAll().where('application_no', '=', applicationNo).executeTakeFirst();

export function updateRepair(
  db: Executor,
  id: string,
  changes: Partial<Omit<RepairRow, 'decision' | 'party'>> & { decision?: Record<string, unknown> | null },
) {
  const { decision, ...rest } = changes;
  return db
    .updateTable('repairs')
    .set({ ...rest, ...(decision !== undefined ? { decision: decision === null ? null : json(decision) } : {}) })
    .where('id', '=', id)
    .execute();
}

/** An application still being handled for the same target (one at a time). */
export const openRepairOf = (db: Executor, target: { stream: 'entry' | 'record'; id: string }) =>
  db
    .selectFrom('repairs')
    .select(['id', 'state'])
    .where('target_stream', '=', target.stream)
    .where('target_id', '=', target.id)
    .where('state', 'in', ['received', 'accepted'])
    .executeTakeFirst();

export function listRepairs(
  db: Executor,
  filter: { departmentId?: string; state?: string; kind?: string; origin?: string; limit: number; offset: number },
) {
  let q = db
    .selectFrom('repairs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.departmentId) {
    const dept = filter.departmentId;
    q = q.where((eb) => eb.or([eb('department_id', '=', dept), eb('filed_department_id', '=', dept)]));
  }
  if (filter.state) q = q.where('state', '=', filter.state as RepairRow['state']);
  if (filter.kind) q = q.where('kind', '=', filter.kind as RepairRow['kind']);
  if (filter.origin) q = q.where('origin', '=', filter.origin as RepairRow['origin']);
  return q.execute();
}
