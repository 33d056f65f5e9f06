import { type Actor, type ModuleContext, uuidv7, write } from '../shared/index.ts';
import type { ApiKeyCache } from './api-key-cache.ts';
import {
  invalidCredentials,
  passwordUnchanged,
  sessionRequired,
  userDisabled,
  userNotFound,
  weakPassword,
  wrongCurrentPassword,
} from './auth.errors.ts';
import { dummyPasswordHash, hashPassword, isStrongEnough, verifyPassword } from './passwords.ts';
import { attemptOf, endStreak, noteFailure, reserveAttempt, type Attempt } from './login-throttle.usecases.ts';
import {
  findSessionByTokenHash,
  insertSession,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from './sessions.repository.ts';
import { bearerToken, newSessionToken, sha256Hex, API_KEY_PREFIX, SESSION_TOKEN_PREFIX } from './tokens.ts';
import { findUserById, findUserByUsername, updateUser, type UserRow } from './users.repository.ts';

const TOUCH_EVERY_MS = 60_000;

type Deps = Pick<ModuleContext, 'db' | 'clock' | 'config' | 'log'> & { keys: ApiKeyCache };

/**
 * The actor behind an `Authorization: Bearer` header, or null. API keys are checked in memory (no database
 * query: the check path must not wait on it); session tokens are looked up by their SHA-256.
 */
export async function authenticateRequest(ctx: Deps, header: string | string[] | undefined): Promise<Actor | null> {
  const token = bearerToken(header);
  if (!token) return null;
  if (token.startsWith(API_KEY_PREFIX)) return ctx.keys.authenticate(token);
  if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
  const found = await findSessionByTokenHash(ctx.db, sha256Hex(token));
  if (!found || found.revoked_at || found.user.disabled_at) return null;
  const now = ctx.clock.now().getTime();
  if (now >= found.expires_at.getTime()) return null;
  const idle = now - found.last_seen_at.getTime();
  if (idle >= ctx.config.sessionIdleMinutes * 60_000) return null;
  if (idle >= TOUCH_EVERY_MS) await touchSession(ctx.db, found.session_id, new Date(now));
  const { user } = found;
  return {
    kind: 'user',
    id: user.id,
    ref: `user:${user.id}`,
    departmentId: user.department_id,
    roles: user.roles,
    username: user.username,
    mustChangePassword: user.must_change_password,
    sessionId: found.session_id,
  };
}

/** The attempt already counts (a row in login_attempts); the failure is audited without the attempted username. */
async function failLogin(ctx: Deps, attempt: Attempt, user: UserRow | undefined): Promise<never> {
  await noteFailure(ctx, attempt, Boolean(user));
  await write(ctx, 'anonymous', async (w) => {
    // An unknown "username" is often a password typed in the wrong field: it does not go into the audit log.
    w.audit({
      action: 'session.login_failed',
      target: user ? `user:${user.id}` : null,
      details: { knownUser: Boolean(user) },
    });
  });
  throw invalidCredentials();
}

/** `ip` is the client's address as the server determined it (the socket, or a trusted proxy's X-Forwarded-For). */
export async function login(ctx: Deps, input: { username: string; password: string; ip: string | undefined }) {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const attempt = attemptOf(username, input.ip, now);
  await reserveAttempt(ctx, attempt);
  const user = await findUserByUsername(ctx.db, username);
  // Verify even when the user is unknown, so both cases take the same time.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok) return failLogin(ctx, attempt, user);
  if (user.disabled_at) throw userDisabled();

  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionAbsoluteMinutes * 60_000);
  const sessionId = uuidv7(now.getTime());
  await write(ctx, `user:${user.id}`, async (w) => {
    await insertSession(w.tx, { id: sessionId, tokenHash, userId: user.id, now, expiresAt });
    await endStreak(w.tx, attempt);
    w.audit({
      action: 'session.created',
      target: `user:${user.id}`,
      details: { sessionId, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt, user };
}

function requireSession(actor: Actor): { userId: string; sessionId: string } {
  if (actor.kind !== 'user' || !actor.sessionId) throw sessionRequired();
  return { userId: actor.id, sessionId: actor.sessionId };
}

export async function currentUser(ctx: Deps, actor: Actor): Promise<{ user: UserRow }> {
  const { userId } = requireSession(actor);
  const user = await findUserById(ctx.db, userId);
  if (!user) throw userNotFound();
  return { user };
}

export async function logout(ctx: Deps, actor: Actor): Promise<void> {
  const { userId, sessionId } = requireSession(actor);
  await write(ctx, actor.ref, async (w) => {
    await revokeSession(w.tx, sessionId, w.now, 'logout');
    w.audit({ action: 'session.revoked', target: `user:${userId}`, details: { sessionId, reason: 'logout' } });
  });
}

/** Changes the caller's own password; every other session of the user ends, this one stays. */
export async function changePassword(
  ctx: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; ip: string | undefined },
): Promise<void> {
  const { userId, sessionId } = requireSession(actor);
  const { user } = await currentUser(ctx, actor);
  // Counted like a login attempt, so a stolen session cannot be used to guess the password.
  const attempt = attemptOf(user.username, input.ip, ctx.clock.now());
  await reserveAttempt(ctx, attempt);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await noteFailure(ctx, attempt, true);
    await write(ctx, actor.ref, async (w) => {
      w.audit({ action: 'user.password_change_failed', target: `user:${userId}`, details: {} });
    });
    throw wrongCurrentPassword();
  }
  // The right current password, as a successful login, clears the count (a weak new password is not a guess).
  await endStreak(ctx.db, attempt);
  if (!isStrongEnough(input.newPassword)) throw weakPassword('newPassword');
  if (input.newPassword === input.currentPassword) throw passwordUnchanged();
  const passwordHash = await hashPassword(input.newPassword);
  await write(ctx, actor.ref, async (w) => {
    await updateUser(w.tx, userId, { passwordHash, mustChangePassword: false, passwordChangedAt: w.now });
    const revoked = await revokeUserSessions(w.tx, userId, w.now, 'password_changed', sessionId);
    await endStreak(w.tx, attempt);
    w.audit({ action: 'user.password_changed', target: `user:${userId}`, details: { revokedSessions: revoked } });
  });
}
