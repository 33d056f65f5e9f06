import type { Kysely } from 'kysely';
import {
  type ApplicationRowOf,
  getApplication,
  listApplications,
  type PublicDeps,
  withRefs,
} from '../applications/index.ts';
import type { Actor, DB } from '../shared/index.ts';
import { commitmentCodes } from './repairs.repository.ts';
import { REPAIR } from './repairs.states.ts';

/** Repairs record the applicant's commitment, whose code starts with the deployment's division. */
export interface RepairPublicDeps extends PublicDeps {
  config: { divisionCode: string };
}
export interface RepairDeps extends RepairPublicDeps {
  actor: Actor;
}

type ReadDeps = { db: Kysely<DB>; actor: Actor };

/** Repairs with what their views show: department, files and the registered commitment, batch-loaded. */
async function readModels(db: Kysely<DB>, rows: ApplicationRowOf<'repairs'>[]) {
  const [refs, commitments] = await Promise.all([
    withRefs(db, 'repair', rows),
    commitmentCodes(
      db,
      rows.map((r) => r.commitment_id),
    ),
  ]);
  return refs.map((r) => ({
    ...r,
    commitment: r.row.commitment_id ? commitments.get(r.row.commitment_id) : undefined,
  }));
}
export type RepairView = Awaited<ReturnType<typeof readModels>>[number];

/** Same visibility as objections: deciding department, filing department, and those who see all. */
export async function getRepair(deps: ReadDeps, id: string) {
  const row = await getApplication(deps, REPAIR, id);
  return (await readModels(deps.db, [row]))[0]!;
}

export async function listRepairs(
  deps: ReadDeps,
  query: { state?: string; kind?: string; origin?: string; limit: number; cursor?: string },
) {
  const page = await listApplications(deps, REPAIR, query);
  return { items: await readModels(deps.db, page.rows), nextCursor: page.nextCursor };
}
