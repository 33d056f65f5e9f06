import { sql } from 'kysely';
import type { Executor } from './ledger.ts';

/** The next number in a scope (e.g. one per day), counted in the database so every process draws from one series. */
export async function nextSerial(db: Executor, scope: string): Promise<bigint> {
  const row = await db
    .insertInto('serials')
    .values({ scope, last: '1' })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ last: sql`serials.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return BigInt(row.last);
}
