import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../app/config.ts';
import { createUser } from '../../test/fixtures.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../test/harness.ts';
import { pairDelayMs } from './login-throttle.ts';

const MINUTE = 60_000;
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const attempt = (
  app: TestApp,
  remoteAddress: string,
  username: string,
  password: string,
  headers?: Record<string, string>,
) =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { username, password },
    ...(headers ? { headers } : {}),
  });

describe('login throttle per username and address', () => {
  test('five wrong passwords from one address do not lock the administrator out from another', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await attempt(t, '203.0.113.10', 'admin', `guess-${i}-Aa1`)).statusCode, 401);
    const held = await attempt(t, '203.0.113.10', 'admin', TEST_ADMIN_PASSWORD);
    assert.equal(held.statusCode, 429, 'the attacking address waits, even with the right password');
    const other = await attempt(t, '198.51.100.20', 'admin', TEST_ADMIN_PASSWORD);
    assert.equal(other.statusCode, 200, other.body);
    // The success elsewhere does not lift the attacker's wait.
    assert.equal((await attempt(t, '203.0.113.10', 'admin', TEST_ADMIN_PASSWORD)).statusCode, 429);
  });

  test('after five failures the waits double, 1 s, 2 s, 4 s …, and never exceed 15 minutes', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
    for (let i = 0; i < 5; i++)
      assert.equal((await attempt(t, '203.0.113.11', user.username, `wrong-${i}`)).statusCode, 401);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const held = await attempt(t, '203.0.113.11', user.username, user.password);
      assert.equal(held.statusCode, 429);
      const seconds = Number(held.headers['retry-after']);
      assert.equal(held.json().error.details.retryAfterSeconds, seconds);
      waits.push(seconds);
      t.clock.advance(seconds * 1000 - 1);
      assert.equal(
        (await attempt(t, '203.0.113.11', user.username, user.password)).statusCode,
        429,
        'one millisecond early is too early',
      );
      t.clock.advance(1);
      assert.equal((await attempt(t, '203.0.113.11', user.username, `wrong-again-${i}`)).statusCode, 401);
    }
    assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    const capped = await attempt(t, '203.0.113.11', user.username, user.password);
    assert.equal(capped.json().error.message, '登录失败次数过多，请在 15 分钟后再试。');
    t.clock.advance(15 * MINUTE);
    assert.equal(
      (await attempt(t, '203.0.113.11', user.username, user.password)).statusCode,
      200,
      'the right password after the wait',
    );
    assert.equal(
      (await attempt(t, '203.0.113.11', user.username, 'wrong-after-success')).statusCode,
      401,
      'a success ends the streak',
    );
  });

  test('wrong current passwords in a password change count like failed logins of that address, with Retry-After', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'housing' });
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: '203.0.113.14',
        headers: user.headers,
        payload: { currentPassword, newPassword: 'Another-pass-77' },
      });
    for (let i = 0; i < 5; i++) assert.equal((await change(`Wrong-current-${i}`)).statusCode, 422);
    const held = await change(user.password);
    assert.equal(held.statusCode, 429);
    assert.equal(held.headers['retry-after'], '1');
    assert.equal(
      (await attempt(t, '198.51.100.22', user.username, user.password)).statusCode,
      200,
      'other addresses still log in',
    );
  });

  test('the delay doubles from one second after the fifth failure up to the 15-minute cap', () => {
    assert.deepEqual(
      [0, 4, 5, 6, 7, 14, 15, 16, 1000].map(pairDelayMs),
      [0, 0, 1000, 2000, 4000, 512_000, 900_000, 900_000, 900_000],
    );
  });
});

describe('login throttle per address', () => {
  test('spraying one password over 21 usernames from one address gets 429 on the 21st, and other addresses are not affected', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'eco' });
    for (let i = 0; i < 20; i++) {
      const res = await attempt(t, '203.0.113.12', `sprayed-${i}`, 'Spring-2026');
      assert.equal(res.statusCode, 401, `username ${i + 1}`);
      t.clock.advance(10_000);
    }
    const refused = await attempt(t, '203.0.113.12', 'sprayed-20', 'Spring-2026');
    assert.equal(refused.statusCode, 429);
    // The first of the twenty failures was 200 s ago: the address may try again when it is 15 minutes old.
    assert.equal(refused.headers['retry-after'], String(15 * 60 - 200));
    assert.equal(refused.json().error.message, '本网络地址登录失败次数过多，请在 12 分钟后再试。');
    assert.equal(
      (await attempt(t, '203.0.113.12', user.username, user.password)).statusCode,
      429,
      'even a right password from there',
    );
    assert.equal((await attempt(t, '198.51.100.21', user.username, user.password)).statusCode, 200);
    t.clock.advance((15 * 60 - 200) * 1000);
    assert.equal(
      (await attempt(t, '203.0.113.12', user.username, user.password)).statusCode,
      200,
      'once the oldest failure leaves the window',
    );
  });

  test('thirty usernames sprayed at once from one address get exactly twenty password checks, also on PostgreSQL', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(t, '203.0.113.13', `parallel-spray-${i}`, 'Spring-2026')),
    );
    const counts = results.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }),
      {},
    );
    assert.deepEqual(counts, { 401: 20, 429: 10 });
  });
});

describe('client address behind a reverse proxy', () => {
  const lines: string[] = [];
  let proxied: TestApp;
  before(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    proxied = await createTestApp({ config: { trustProxy: ['10.0.0.5'] }, log: { destination, level: 'warn' } });
  });
  after(async () => {
    await proxied.close();
  });
  const via = (client: string) => ({ 'x-forwarded-for': client });

  test('X-Forwarded-For is ignored when the proxy is not trusted: rotating it does not escape the wait', async () => {
    const user = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    for (let i = 0; i < 5; i++) {
      assert.equal((await attempt(t, '10.0.0.5', user.username, `wrong-${i}`, via(`198.18.0.${i}`))).statusCode, 401);
    }
    assert.equal((await attempt(t, '10.0.0.5', user.username, user.password, via('198.18.0.99'))).statusCode, 429);
  });

  test('behind a trusted proxy each forwarded client has its own limits, and a client reaching the server directly cannot forge one', async () => {
    const user = await createUser(proxied, { roles: ['operator'], departmentCode: 'amr' });
    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await attempt(proxied, '10.0.0.5', user.username, `wrong-${i}`, via('198.18.1.1'))).statusCode,
        401,
      );
    }
    assert.equal((await attempt(proxied, '10.0.0.5', user.username, user.password, via('198.18.1.1'))).statusCode, 429);
    assert.equal((await attempt(proxied, '10.0.0.5', user.username, user.password, via('198.18.1.2'))).statusCode, 200);

    // 10.0.0.9 is not a trusted proxy: its X-Forwarded-For is not believed, so rotating it does not help.
    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await attempt(proxied, '10.0.0.9', user.username, `wrong-${i}`, via(`198.18.2.${i}`))).statusCode,
        401,
      );
    }
    assert.equal(
      (await attempt(proxied, '10.0.0.9', user.username, user.password, via('198.18.2.99'))).statusCode,
      429,
    );
  });

  test('an account with more than 20 failures in an hour is logged at warn with its username, never the password', async () => {
    const user = await createUser(proxied, { roles: ['reviewer'], departmentCode: 'tax' });
    lines.length = 0;
    for (let i = 0; i < 20; i++) {
      await attempt(proxied, '10.0.0.5', user.username, `Leaky-Secret-${i}`, via(`198.18.3.${i}`));
      proxied.clock.advance(MINUTE);
    }
    assert.deepEqual(
      lines.filter((l) => l.includes('many failed logins')),
      [],
      'twenty are not yet too many',
    );
    await attempt(proxied, '10.0.0.5', user.username, 'Leaky-Secret-20', via('198.18.3.20'));
    const warned = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'many failed logins on one account');
    assert.equal(warned.length, 1);
    assert.equal(warned[0].level, 40);
    assert.equal(warned[0].username, user.username);
    assert.equal(warned[0].failuresLastHour, 21);
    assert.ok(!lines.join('\n').includes('Leaky-Secret'), 'no password in the log');

    // Unknown usernames may be passwords typed into the wrong field: they are never logged.
    for (let i = 0; i < 25; i++) await attempt(proxied, '10.0.0.5', 'Typed-Password-77', 'x', via(`198.18.4.${i}`));
    assert.ok(!lines.join('\n').toLowerCase().includes('typed-password-77'));
  });
});

test('CREDLINK_TRUST_PROXY takes proxy addresses and CIDRs, and refuses anything that would trust every client', () => {
  assert.deepEqual(loadConfig({}).trustProxy, []);
  assert.deepEqual(loadConfig({ CREDLINK_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy, [
    '10.0.0.5',
    '192.168.0.0/16',
    '::1',
    'fd00::/8',
    'loopback',
  ]);
  for (const bad of ['true', '*', '1', '10.0.0.0/33', 'proxy.example']) {
    assert.throws(() => loadConfig({ CREDLINK_TRUST_PROXY: bad }), /CREDLINK_TRUST_PROXY/, bad);
  }
});
