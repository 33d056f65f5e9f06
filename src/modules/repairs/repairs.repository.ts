import type { Selectable } from 'kysely';
import type { Executor, RepairsTable } from '../shared/index.ts';

// The queries repairs share with objections live in applications/applications.repository.ts; here only their own.

export type RepairRow = Selectable<RepairsTable>;

/** The registered commitments of many repairs in one query (their 20-character codes). */
export async function commitmentCodes(db: Executor, ids: (string | null)[]) {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map<string, { id: string; code: string }>();
  const rows = await db.selectFrom('commitments').select(['id', 'code']).where('id', 'in', wanted).execute();
  return new Map(rows.map((c) => [c.id, c]));
}

/** A reorganization applies to organizations only. */
export const subjectKind = async (db: Executor, subjectId: string) =>
  (await db.selectFrom('subjects').select('kind').where('id', '=', subjectId).executeTakeFirstOrThrow()).kind;

export const listTypeName = async (db: Executor, listTypeId: string) =>
  (await db.selectFrom('list_types').select('name').where('id', '=', listTypeId).executeTakeFirstOrThrow()).name;
