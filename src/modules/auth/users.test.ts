import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminHeaders, createApiKey, createUser, departmentId, login } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { json } from '../shared/index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const me = (headers: Record<string, string>) => inject('GET', '/api/v1/auth/me', headers);

async function newUserBody(overrides: Record<string, unknown> = {}) {
  return {
    username: `user${Math.random().toString(36).slice(2, 8)}`,
    displayName: '张三',
    departmentId: await departmentId(t, 'amr'),
    roles: ['operator'],
    password: 'Temporary-1234',
    ...overrides,
  };
}

test('an administrator creates a user with a temporary password that must be changed', async () => {
  const body = await newUserBody({ username: 'Li.Si', roles: ['operator', 'reviewer', 'operator'] });
  const res = await inject('POST', '/api/v1/users', await adminHeaders(t), body);
  assert.equal(res.statusCode, 201, res.body);
  const user = res.json();
  assert.equal(user.username, 'li.si');
  assert.deepEqual(user.roles, ['operator', 'reviewer']);
  assert.equal(user.mustChangePassword, true);
  assert.equal(user.department.code, 'amr');
  assert.equal(user.disabled, false);
  assert.equal('password' in user || 'passwordHash' in user, false);
  const row = await t.ctx.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  assert.match(row.password_hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]+$/);
});

test('creating a user refuses a taken username, an unknown department, a weak password and a misplaced role', async () => {
  const admin = await adminHeaders(t);
  const body = await newUserBody();
  assert.equal((await inject('POST', '/api/v1/users', admin, body)).statusCode, 201);
  const cases: [Record<string, unknown>, number, string, string | undefined][] = [
    [body, 409, 'user.username_taken', 'username'],
    [
      await newUserBody({ departmentId: '019e80e8-c900-7c8c-ab33-e873ac1745c0' }),
      422,
      'department.unknown',
      'departmentId',
    ],
    [await newUserBody({ password: 'short1' }), 422, 'auth.weak_password', 'password'],
    [await newUserBody({ password: '1234567890123' }), 422, 'auth.weak_password', 'password'],
    [await newUserBody({ roles: ['credit_office'] }), 422, 'user.role_not_allowed', 'roles'],
    [await newUserBody({ roles: ['system'] }), 400, 'request.invalid', undefined],
    [await newUserBody({ roles: [] }), 400, 'request.invalid', undefined],
    [await newUserBody({ username: 'x' }), 400, 'request.invalid', undefined],
  ];
  for (const [payload, status, code, field] of cases) {
    const res = await inject('POST', '/api/v1/users', admin, payload);
    assert.equal(res.statusCode, status, `${JSON.stringify(payload)} → ${res.body}`);
    assert.equal(res.json().error.code, code);
    if (field) assert.equal(res.json().error.details.field, field);
  }
});

test('only administrators manage users', async () => {
  const officer = await createUser(t, { roles: ['credit_office', 'auditor'], departmentCode: 'credit_office' });
  const key = await createApiKey(t, 'amr');
  for (const headers of [officer.headers, key.headers]) {
    assert.equal((await inject('GET', '/api/v1/users', headers)).statusCode, 403);
    assert.equal((await inject('POST', '/api/v1/users', headers, await newUserBody())).statusCode, 403);
    const patch = await inject('PATCH', `/api/v1/users/${officer.id}`, headers, { roles: ['admin'] });
    assert.equal(patch.statusCode, 403);
    assert.equal(patch.json().error.code, 'auth.forbidden');
  }
});

test('administrators list users, optionally of one department', async () => {
  const admin = await adminHeaders(t);
  const inHrss = await createUser(t, { roles: ['operator'], departmentCode: 'hrss' });
  const all = (await inject('GET', '/api/v1/users', admin)).json().items;
  assert.ok(all.some((u: { username: string }) => u.username === 'admin'));
  const hrss = (await inject('GET', `/api/v1/users?departmentId=${inHrss.departmentId}`, admin)).json().items;
  assert.deepEqual(
    hrss.map((u: { id: string }) => u.id),
    [inHrss.id],
  );
});

test("a role change ends the user's sessions; a new display name does not", async () => {
  const admin = await adminHeaders(t);
  const user = await createUser(t, { roles: ['operator'], departmentCode: 'finance' });
  const renamed = await inject('PATCH', `/api/v1/users/${user.id}`, admin, { displayName: '李四' });
  assert.equal(renamed.json().displayName, '李四');
  assert.equal((await me(user.headers)).statusCode, 200);
  const promoted = await inject('PATCH', `/api/v1/users/${user.id}`, admin, { roles: ['reviewer'] });
  assert.deepEqual(promoted.json().roles, ['reviewer']);
  assert.equal((await me(user.headers)).statusCode, 401);
  const again = await login(t, user.username, user.password);
  assert.deepEqual((await me(again)).json().roles, ['reviewer']);
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'user.updated')
    .where('target', '=', `user:${user.id}`)
    .execute();
  assert.equal(audit.length, 2);
});

test('a disabled user can be enabled again and log in', async () => {
  const admin = await adminHeaders(t);
  const user = await createUser(t, { roles: ['operator'], departmentCode: 'prtc' });
  assert.equal((await inject('PATCH', `/api/v1/users/${user.id}`, admin, { disabled: true })).json().disabled, true);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password: user.password },
      })
    ).statusCode,
    403,
  );
  assert.equal((await inject('PATCH', `/api/v1/users/${user.id}`, admin, { disabled: false })).json().disabled, false);
  await login(t, user.username, user.password);
});

test('an administrator cannot disable their own account or drop their own admin role', async () => {
  const admin = await adminHeaders(t);
  const self = (await me(admin)).json();
  for (const [payload, field] of [
    [{ disabled: true }, 'disabled'],
    [{ roles: ['auditor'] }, 'roles'],
  ] as const) {
    const res = await inject('PATCH', `/api/v1/users/${self.id}`, admin, payload);
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.details.field, field);
  }
});

test("a password reset ends the user's sessions and requires a new change", async () => {
  const admin = await adminHeaders(t);
  const user = await createUser(t, { roles: ['operator'], departmentCode: 'court' });
  const res = await inject('POST', `/api/v1/users/${user.id}/password-reset`, admin, { password: 'Reset-by-admin-7' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().mustChangePassword, true);
  assert.equal((await me(user.headers)).statusCode, 401);
  const headers = await login(t, user.username, 'Reset-by-admin-7');
  assert.equal(
    (await inject('GET', '/api/v1/departments', headers)).json().error.code,
    'auth.password_change_required',
  );
});

test('an unknown user answers 404', async () => {
  const admin = await adminHeaders(t);
  const id = '019e80e8-c900-7c8c-ab33-e873ac1745c0';
  assert.equal((await inject('PATCH', `/api/v1/users/${id}`, admin, { displayName: '无' })).statusCode, 404);
  assert.equal(
    (await inject('POST', `/api/v1/users/${id}/password-reset`, admin, { password: 'Whatever-1234' })).json().error
      .code,
    'user.not_found',
  );
});

test('no password or token ever reaches the audit log or the event log', async () => {
  const admin = await adminHeaders(t);
  const user = await createUser(t, { roles: ['operator'], departmentCode: 'emergency' });
  await inject('POST', `/api/v1/users/${user.id}/password-reset`, admin, { password: 'Reset-secret-9876' });
  const audit = json(await t.ctx.db.selectFrom('audit_log').selectAll().execute());
  const events = json(await t.ctx.db.selectFrom('events').selectAll().execute());
  for (const secret of [
    user.password,
    'Reset-secret-9876',
    admin.authorization!.slice(7),
    user.headers.authorization!.slice(7),
    'scrypt$',
  ]) {
    assert.ok(!audit.includes(secret) && !events.includes(secret), `${secret.slice(0, 8)}… leaked`);
  }
  assert.ok(
    audit.includes('"user.created"') && audit.includes('"session.created"') && audit.includes('"user.password_reset"'),
  );
});
