import { sql } from 'kysely';
import type { Executor } from '../shared/index.ts';

/** Serializes login attempts from one client address until the transaction ends, in any number of processes. */
export async function lockAddress(tx: Executor, address: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(7254033, hashtext(${address}))`.execute(tx);
}

/** How many failures the (username, address) pair has had since `since`, and when the latest was. */
export async function pairFailures(
  db: Executor,
  username: string,
  address: string,
  since: Date,
): Promise<{ failures: number; latest: Date | null }> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<string>().as('failures'), eb.fn.max('attempted_at').as('latest')])
    .where('username', '=', username)
    .where('address', '=', address)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), latest: row.latest ? new Date(row.latest) : null };
}

/** Times of an address's most recent failures since `since`, newest first. */
export async function addressFailures(db: Executor, address: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('attempted_at')
    .where('address', '=', address)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.attempted_at);
}

/** Failures of a username since `since`, from every address. */
export async function accountFailures(db: Executor, username: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('username', '=', username)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailure(tx: Executor, username: string, address: string, at: Date): Promise<void> {
  await tx.insertInto('login_attempts').values({ username, address, attempted_at: at }).execute();
}

/**
 * Drops failures no limit needs any more: an unknown "username" is often a password typed into the wrong field, so
 * it is kept no longer than the throttle needs it.
 */
export async function forgetFailures(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('attempted_at', '<=', before).execute();
}

/** A success ends the pair's streak; other addresses' failures on the same account stay. */
export async function clearPairFailures(tx: Executor, username: string, address: string): Promise<void> {
  await tx.deleteFrom('login_attempts').where('username', '=', username).where('address', '=', address).execute();
}
