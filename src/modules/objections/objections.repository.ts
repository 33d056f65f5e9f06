import type { Selectable } from 'kysely';
import type { Executor, ObjectionsTable } from '../shared/index.ts';

// The queries objections share with repairs live in applications/applications.repository.ts; here only their own.

export type ObjectionRow = Selectable<ObjectionsTable>;

/** The remedies a list type names beside the general ones (docs/domain/rules.md §5). */
export const listTypeRemedies = async (db: Executor, listTypeId: string) =>
  (await db.selectFrom('list_types').select('remedies').where('id', '=', listTypeId).executeTakeFirst())?.remedies;
