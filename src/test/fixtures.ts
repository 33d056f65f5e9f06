// Shared test fixtures: an administrator session, users with usable sessions, API keys, department ids.
// Everything goes through the HTTP API (as a client would), except the department lookup.
import { randomBytes } from 'node:crypto';
import type { Role } from '../modules/shared/actor.ts';
import { TEST_ADMIN_PASSWORD, type TestApp } from './harness.ts';

export type Headers = Record<string, string>;

const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });

function expectStatus(what: string, response: { statusCode: number; body: string }, status: number) {
  if (response.statusCode !== status)
    throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
}

export async function login(t: TestApp, username: string, password: string): Promise<Headers> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  expectStatus(`login as ${username}`, response, 200);
  return bearer(response.json().token);
}

/** A fresh session of the bootstrap administrator. */
export async function adminHeaders(t: TestApp): Promise<Headers> {
  return login(t, 'admin', TEST_ADMIN_PASSWORD);
}

export async function departmentId(t: TestApp, code: string): Promise<string> {
  const row = await t.ctx.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`no department with code ${code}`);
  return row.id;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  headers: Headers;
  departmentId: string;
}

/** Creates a user through the admin API, logs in and makes the required password change: ready to act. */
export async function createUser(
  t: TestApp,
  options: { roles: Role[]; departmentCode: string; username?: string },
): Promise<TestUser> {
  const dept = await departmentId(t, options.departmentCode);
  const username = options.username ?? `u${randomBytes(5).toString('hex')}`;
  const temporary = `Temp-${randomBytes(6).toString('hex')}1`;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: await adminHeaders(t),
    payload: {
      username,
      displayName: `测试用户 ${username}`,
      departmentId: dept,
      roles: options.roles,
      password: temporary,
    },
  });
  expectStatus(`create user ${username}`, created, 201);
  const headers = await login(t, username, temporary);
  const password = `Pass-${randomBytes(6).toString('hex')}2`;
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers,
    payload: { currentPassword: temporary, newPassword: password },
  });
  expectStatus(`change password of ${username}`, changed, 204);
  return { id: created.json().id, username, password, headers, departmentId: dept };
}

/** An API key of the department, usable at once in this process. */
export async function createApiKey(
  t: TestApp,
  departmentCode: string,
): Promise<{ key: string; headers: Headers; id: string; departmentId: string }> {
  const dept = await departmentId(t, departmentCode);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: await adminHeaders(t),
    payload: { name: `${departmentCode} 业务系统`, departmentId: dept },
  });
  expectStatus(`create API key for ${departmentCode}`, response, 201);
  const { key, id } = response.json();
  return { key, headers: bearer(key), id, departmentId: dept };
}
