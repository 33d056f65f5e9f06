import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminHeaders, departmentId, login } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('a user who must change the password is told how: the endpoint and the body to send', async () => {
  const admin = await adminHeaders(t);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: {
      username: 'newcomer',
      displayName: '新同事',
      departmentId: await departmentId(t, 'housing'),
      roles: ['operator'],
      password: 'Temporary-123',
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const headers = await login(t, 'newcomer', 'Temporary-123');
  const refused = await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers });
  assert.equal(refused.statusCode, 403);
  const { code, message } = refused.json().error;
  assert.equal(code, 'auth.password_change_required');
  assert.match(message, /POST \/api\/v1\/auth\/password/);
  assert.match(message, /currentPassword/);
  assert.match(message, /newPassword/);
});
