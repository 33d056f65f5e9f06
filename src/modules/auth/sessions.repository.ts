import type { Executor } from '../shared/index.ts';
import type { UserRow } from './users.repository.ts';

export interface SessionWithUser {
  session_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user: Omit<UserRow, 'password_hash'>;
}

export async function insertSession(
  tx: Executor,
  session: { id: string; tokenHash: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto('sessions')
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findSessionByTokenHash(db: Executor, tokenHash: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'sessions.id as session_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.department_id',
      'departments.code as department_code',
      'departments.name as department_name',
      'users.roles',
      'users.must_change_password',
      'users.disabled_at',
      'users.created_at as user_created_at',
      'users.password_changed_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, created_at, last_seen_at, expires_at, revoked_at, user_created_at, ...user } = row;
  return {
    session_id,
    created_at,
    last_seen_at,
    expires_at,
    revoked_at,
    user: { ...user, roles: user.roles as UserRow['roles'], created_at: user_created_at },
  };
}

/** Bookkeeping for idle expiry, not a change anyone audits: written outside the ledger. */
export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', id)
    .where('last_seen_at', '<', now)
    .execute();
}

export async function revokeSession(tx: Executor, id: string, now: Date, reason: string): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every open session of a user (except `exceptId`); returns how many. */
export async function revokeUserSessions(
  tx: Executor,
  userId: string,
  now: Date,
  reason: string,
  exceptId?: string,
): Promise<number> {
  let query = tx
    .updateTable('sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
