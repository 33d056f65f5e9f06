import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminHeaders, createUser, departmentId, login } from '../../test/fixtures.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
const me = (headers: Record<string, string>) => inject('GET', '/api/v1/auth/me', headers);
const MINUTE = 60_000;

describe('login', () => {
  test('the administrator logs in and gets a bearer token, its expiry and who they are', async () => {
    const res = await inject('POST', '/api/v1/auth/login', undefined, {
      username: 'Admin ',
      password: TEST_ADMIN_PASSWORD,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.match(body.token, /^cls_[A-Za-z0-9_-]{43}$/);
    assert.equal(
      body.expiresAt,
      new Date(t.clock.now().getTime() + t.ctx.config.sessionAbsoluteMinutes * MINUTE).toISOString(),
    );
    assert.equal(body.user.username, 'admin');
    assert.deepEqual(body.user.roles, ['admin']);
    assert.equal(body.user.mustChangePassword, false);
    assert.equal(body.user.department.code, 'credit_office');
    const stored = await t.ctx.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(
      stored.every((s) => s.token_hash !== body.token),
      'only the hash of the token is stored',
    );
    assert.equal((await me({ authorization: `Bearer ${body.token}` })).json().username, 'admin');
  });

  test('a wrong password and an unknown user get the same 401 answer', async () => {
    const wrong = await inject('POST', '/api/v1/auth/login', undefined, {
      username: 'admin',
      password: 'not-the-password1',
    });
    const unknown = await inject('POST', '/api/v1/auth/login', undefined, {
      username: 'nobody-here',
      password: 'whatever123',
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.code, 'auth.invalid_credentials');
    assert.deepEqual(wrong.json(), unknown.json());
  });

  test('after five failures from one address the next login from there waits a second, even with the right password', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    const from = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { username: user.username, password },
      });
    for (let i = 0; i < 5; i++) {
      assert.equal((await from('192.0.2.41', `wrong-password-${i}`)).statusCode, 401);
      t.clock.advance(MINUTE);
    }
    t.clock.advance(-MINUTE);
    const locked = await from('192.0.2.41', user.password);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'auth.too_many_attempts');
    assert.equal(locked.json().error.message, '登录失败次数过多，请在 1 秒后再试。');
    assert.equal(locked.headers['retry-after'], '1');

    t.clock.advance(1000);
    const again = await from('192.0.2.41', user.password);
    assert.equal(again.statusCode, 200, again.body);
  });

  test('ten wrong passwords sent at once from one address get five password checks, then 429, also on PostgreSQL with many connections', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    const from = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { username: user.username, password },
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => from('192.0.2.42', `parallel-guess-${i}`)));
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const locked = await from('192.0.2.42', user.password);
    assert.equal(locked.statusCode, 429, 'the right password is refused too until the pair has waited');
    assert.equal((await from('192.0.2.43', user.password)).statusCode, 200, 'another address is not held back');
  });

  test('failed logins are audited without the attempted password or an unknown username', async () => {
    await inject('POST', '/api/v1/auth/login', undefined, {
      username: 'Secret-Typed-Here-77',
      password: 'Leaky-Password-77',
    });
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'session.login_failed')
      .execute();
    assert.ok(rows.length > 0);
    const text = JSON.stringify(rows).toLowerCase();
    assert.ok(!text.includes('leaky-password-77') && !text.includes('secret-typed-here-77'));
  });
});

describe('sessions', () => {
  test('a session ends after the idle limit, and using it keeps it alive', async () => {
    const headers = await adminHeaders(t);
    const idle = t.ctx.config.sessionIdleMinutes * MINUTE;
    t.clock.advance(idle - MINUTE);
    assert.equal((await me(headers)).statusCode, 200);
    t.clock.advance(idle - MINUTE);
    assert.equal((await me(headers)).statusCode, 200);
    t.clock.advance(idle);
    const res = await me(headers);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.unauthenticated');
  });

  test('a session ends at its absolute expiry even while in use', async () => {
    const headers = await adminHeaders(t);
    const step = (t.ctx.config.sessionIdleMinutes - 5) * MINUTE;
    const absolute = t.ctx.config.sessionAbsoluteMinutes * MINUTE;
    let elapsed = 0;
    while (elapsed + step < absolute) {
      t.clock.advance(step);
      elapsed += step;
      assert.equal((await me(headers)).statusCode, 200, `still valid after ${elapsed / MINUTE} minutes`);
    }
    t.clock.advance(absolute - elapsed);
    assert.equal((await me(headers)).statusCode, 401);
  });

  test('logout revokes the token', async () => {
    const headers = await adminHeaders(t);
    assert.equal((await inject('POST', '/api/v1/auth/logout', headers)).statusCode, 204);
    assert.equal((await me(headers)).statusCode, 401);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'session.revoked')
      .execute();
    assert.ok(audit.length > 0);
  });

  test('changing the password ends the other sessions, keeps this one and replaces the old password', async () => {
    const user = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
    const other = await login(t, user.username, user.password);
    const res = await inject('POST', '/api/v1/auth/password', user.headers, {
      currentPassword: user.password,
      newPassword: 'Brand-new-pass-9',
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await me(user.headers)).statusCode, 200);
    assert.equal((await me(other)).statusCode, 401);
    const old = await inject('POST', '/api/v1/auth/login', undefined, {
      username: user.username,
      password: user.password,
    });
    assert.equal(old.statusCode, 401);
    await login(t, user.username, 'Brand-new-pass-9');
  });

  test('a new password must be long enough with letters and digits, and the current one must be right', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'eco' });
    const weak = await inject('POST', '/api/v1/auth/password', user.headers, {
      currentPassword: user.password,
      newPassword: 'onlyletters',
    });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().error.code, 'auth.weak_password');
    assert.equal(weak.json().error.details.field, 'newPassword');
    const wrong = await inject('POST', '/api/v1/auth/password', user.headers, {
      currentPassword: 'Not-my-password-1',
      newPassword: 'Good-password-123',
    });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().error.details.field, 'currentPassword');
  });

  test('a user who must change the password may only see themselves, change it or log out', async () => {
    const admin = await adminHeaders(t);
    const created = await inject('POST', '/api/v1/users', admin, {
      username: 'first-login',
      displayName: '首次登录',
      departmentId: await departmentId(t, 'housing'),
      roles: ['operator'],
      password: 'Temporary-123',
    });
    assert.equal(created.statusCode, 201, created.body);
    const headers = await login(t, 'first-login', 'Temporary-123');
    const meRes = await me(headers);
    assert.equal(meRes.statusCode, 200);
    assert.equal(meRes.json().mustChangePassword, true);
    const refused = await inject('GET', '/api/v1/departments', headers);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'auth.password_change_required');
    const changed = await inject('POST', '/api/v1/auth/password', headers, {
      currentPassword: 'Temporary-123',
      newPassword: 'Chosen-by-me-42',
    });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await inject('GET', '/api/v1/departments', headers)).statusCode, 200);
    assert.equal((await me(headers)).json().mustChangePassword, false);
  });

  test('a disabled user is refused: open sessions end and login answers 403', async () => {
    const user = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
    const res = await inject('PATCH', `/api/v1/users/${user.id}`, await adminHeaders(t), { disabled: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await me(user.headers)).statusCode, 401);
    const again = await inject('POST', '/api/v1/auth/login', undefined, {
      username: user.username,
      password: user.password,
    });
    assert.equal(again.statusCode, 403);
    assert.equal(again.json().error.code, 'auth.user_disabled');
  });
});

describe('tokens', () => {
  test('every non-public endpoint answers 401 without a token or with a bad one', async () => {
    const id = '019e80e8-c900-7c8c-ab33-e873ac1745c0';
    const endpoints: ['GET' | 'POST' | 'PATCH', string][] = [
      ['POST', '/api/v1/auth/logout'],
      ['GET', '/api/v1/auth/me'],
      ['POST', '/api/v1/auth/password'],
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['PATCH', `/api/v1/users/${id}`],
      ['POST', `/api/v1/users/${id}/password-reset`],
      ['GET', '/api/v1/departments'],
      ['GET', `/api/v1/departments/${id}`],
      ['POST', '/api/v1/departments'],
      ['GET', '/api/v1/api-keys'],
      ['POST', '/api/v1/api-keys'],
      ['POST', `/api/v1/api-keys/${id}/revocation`],
    ];
    const bad = [
      undefined,
      'Bearer',
      'Bearer cls_nope',
      `Bearer cls_${'A'.repeat(43)}`,
      `Bearer clk_abcdefgh_${'A'.repeat(43)}`,
      'Basic YWRtaW46eA==',
    ];
    for (const [method, url] of endpoints) {
      for (const authorization of bad) {
        const res = await inject(
          method,
          url,
          authorization ? { authorization } : undefined,
          method === 'GET' ? undefined : {},
        );
        assert.equal(res.statusCode, 401, `${method} ${url} with ${authorization}`);
        assert.equal(res.json().error.code, 'auth.unauthenticated');
      }
    }
  });

  test('an API key cannot use the endpoints of a logged-in user', async () => {
    const admin = await adminHeaders(t);
    const created = await inject('POST', '/api/v1/api-keys', admin, {
      name: '测试系统',
      departmentId: await departmentId(t, 'amr'),
    });
    const res = await me({ authorization: `Bearer ${created.json().key}` });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.session_required');
  });
});
