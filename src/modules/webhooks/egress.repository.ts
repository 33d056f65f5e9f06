import type { Insertable } from 'kysely';
import type { EgressAllowlistTable, Executor } from '../shared/index.ts';
import { parseAllowPattern, type AllowPattern } from './egress.ts';

export const listAllowlist = (db: Executor) =>
  db.selectFrom('egress_allowlist').selectAll().orderBy('created_at').orderBy('id').execute();

/** The allow-list as patterns; an entry that no longer parses is ignored rather than widening anything. */
export async function loadAllowPatterns(db: Executor): Promise<AllowPattern[]> {
  const rows = await db.selectFrom('egress_allowlist').select('pattern').execute();
  return rows.map((r) => parseAllowPattern(r.pattern)).filter((p): p is AllowPattern => p !== null);
}

export const findAllowEntry = (db: Executor, id: string) =>
  db.selectFrom('egress_allowlist').selectAll().where('id', '=', id).executeTakeFirst();

export const findAllowPattern = (db: Executor, pattern: string) =>
  db.selectFrom('egress_allowlist').selectAll().where('pattern', '=', pattern).executeTakeFirst();

export const insertAllowEntry = (db: Executor, row: Insertable<EgressAllowlistTable>) =>
  db.insertInto('egress_allowlist').values(row).execute();

export const deleteAllowEntry = (db: Executor, id: string) =>
  db.deleteFrom('egress_allowlist').where('id', '=', id).execute();
