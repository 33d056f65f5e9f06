import type { Kysely } from 'kysely';
import { seesAllDepartments, type Actor } from '../shared/actor.ts';
import type { DB } from '../shared/db.types.ts';
import { notFound } from '../shared/errors.ts';
import { canSee, type PublicDeps } from '../objections/objections.usecases.ts';
import * as repo from './repairs.repository.ts';

/** Repairs record the applicant's commitment, whose code starts with the deployment's division. */
export interface RepairPublicDeps extends PublicDeps {
  config: { divisionCode: string };
}
export interface RepairDeps extends RepairPublicDeps {
  actor: Actor;
}

/** Same visibility as objections: deciding department, filing department, and those who see all. */
export async function getRepair(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  const repair = await repo.findRepair(deps.db, id);
  if (!repair || !canSee(deps.actor, repair)) throw notFound('信用修复申请', 'repair.not_found');
  return { repair };
}

export async function listRepairs(
  deps: { db: Kysely<DB>; actor: Actor },
  query: { state?: string; kind?: string; origin?: string; limit: number; offset: number },
) {
  const departmentId = seesAllDepartments(deps.actor) ? undefined : deps.actor.departmentId;
  return { repairs: await repo.listRepairs(deps.db, { ...query, departmentId }) };
}
