import type { Kysely } from 'kysely';
import { getApplication, listApplications, withRefs } from '../applications/index.ts';
import type { Actor, DB } from '../shared/index.ts';
import { OBJECTION } from './objections.states.ts';

export type { ApplicationDeps as ObjectionDeps, PublicDeps } from '../applications/index.ts';

type ReadDeps = { db: Kysely<DB>; actor: Actor };

/** One objection with what its view shows (department, files). */
export async function getObjection(deps: ReadDeps, id: string) {
  const row = await getApplication(deps, OBJECTION, id);
  return (await withRefs(deps.db, 'objection', [row]))[0]!;
}

/** A keyset page, its rows' departments and files loaded in one query each. */
export async function listObjections(
  deps: ReadDeps,
  query: { state?: string; origin?: string; limit: number; cursor?: string },
) {
  const page = await listApplications(deps, OBJECTION, query);
  return { items: await withRefs(deps.db, 'objection', page.rows), nextCursor: page.nextCursor };
}
