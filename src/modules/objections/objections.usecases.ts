import type { Kysely } from 'kysely';
import { seesAllDepartments, type Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import type { DB } from '../shared/db.types.ts';
import { notFound } from '../shared/errors.ts';
import type { Secrets } from '../shared/secrets.ts';
import type { WorkingCalendar } from '../shared/working-days.ts';
import * as repo from './objections.repository.ts';

/** What the public routes need: no actor. */
export interface PublicDeps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
  calendar: { get(): WorkingCalendar };
}
export interface ObjectionDeps extends PublicDeps {
  actor: Actor;
}

/**
 * The deciding department sees its objections, the department that took one in sees it too; the credit office,
 * administrators and auditors see all. Anyone else gets "not found".
 */
export function canSee(actor: Actor, o: { department_id: string; filed_department_id: string | null }): boolean {
  return (
    seesAllDepartments(actor) || actor.departmentId === o.department_id || actor.departmentId === o.filed_department_id
  );
}

export async function getObjection(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  const objection = await repo.findObjection(deps.db, id);
  if (!objection || !canSee(deps.actor, objection)) throw notFound('异议申请', 'objection.not_found');
  return { objection };
}

export async function listObjections(
  deps: { db: Kysely<DB>; actor: Actor },
  query: { state?: string; origin?: string; limit: number; offset: number },
) {
  const departmentId = seesAllDepartments(deps.actor) ? undefined : deps.actor.departmentId;
  return { objections: await repo.listObjections(deps.db, { ...query, departmentId }) };
}
