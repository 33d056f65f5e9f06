import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { compose } from '../../app/compose.ts';
import { createLogger } from '../../app/logger.ts';
import { adminHeaders, createApiKey, createUser, departmentId } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { json } from '../shared/index.ts';
import { ApiKeyCache } from './api-key-cache.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const departments = (headers: Record<string, string>) => inject('GET', '/api/v1/departments', headers);
const DAY = 86_400_000;

test('a new API key is shown once, stored only as the SHA-256 of its secret, and works as a bearer token', async () => {
  const admin = await adminHeaders(t);
  const amr = await departmentId(t, 'amr');
  const res = await inject('POST', '/api/v1/api-keys', admin, { name: '市场监管审批系统', departmentId: amr });
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json();
  assert.match(created.key, /^clk_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
  assert.equal(created.key.slice(4, 12), created.prefix);
  assert.equal(created.department.code, 'amr');
  assert.equal(created.expiresAt, new Date(t.clock.now().getTime() + 365 * DAY).toISOString());
  assert.equal(created.revokedAt, null);

  const row = await t.ctx.db.selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
  assert.equal(row.secret_hash, createHash('sha256').update(created.key.slice(13)).digest('hex'));
  assert.ok(!json(row).includes(created.key.slice(13)));

  const listed = (await inject('GET', '/api/v1/api-keys', admin))
    .json()
    .items.find((k: { id: string }) => k.id === created.id);
  assert.deepEqual(Object.keys(listed).sort(), [
    'createdAt',
    'department',
    'expiresAt',
    'id',
    'name',
    'prefix',
    'revokedAt',
  ]);

  const viaKey = await departments({ authorization: `Bearer ${created.key}` });
  assert.equal(viaKey.statusCode, 200);
});

test("a key acts as its department's system, not as a person", async () => {
  const key = await createApiKey(t, 'tax');
  assert.deepEqual(t.ctx.keys.authenticate(key.key), {
    kind: 'api_key',
    id: key.id,
    ref: `api_key:${key.id}`,
    departmentId: key.departmentId,
    roles: ['system'],
  });
  assert.equal((await inject('GET', '/api/v1/api-keys', key.headers)).statusCode, 403);
  assert.equal(
    (await inject('POST', '/api/v1/api-keys', key.headers, { name: 'x', departmentId: key.departmentId })).statusCode,
    403,
  );
});

test('the credit office manages keys for any department; other roles may not', async () => {
  const officer = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  const housing = await departmentId(t, 'housing');
  const made = await inject('POST', '/api/v1/api-keys', officer.headers, {
    name: '住建系统',
    departmentId: housing,
    expiresInDays: 30,
  });
  assert.equal(made.statusCode, 201, made.body);
  for (const roles of [['operator'], ['reviewer'], ['auditor']] as const) {
    const user = await createUser(t, { roles: [...roles], departmentCode: 'housing' });
    const res = await inject('POST', '/api/v1/api-keys', user.headers, { name: '自建', departmentId: housing });
    assert.equal(res.statusCode, 403, roles.join());
    assert.equal((await inject('GET', '/api/v1/api-keys', user.headers)).statusCode, 403);
    assert.equal((await inject('POST', `/api/v1/api-keys/${made.json().id}/revocation`, user.headers)).statusCode, 403);
  }
});

test('a key with a right prefix but a wrong secret is refused', async () => {
  const key = await createApiKey(t, 'eco');
  const forged = `${key.key.slice(0, 13)}${randomBytes(32).toString('base64url')}`;
  assert.equal((await departments({ authorization: `Bearer ${forged}` })).statusCode, 401);
});

test('an expired key is refused', async () => {
  const admin = await adminHeaders(t);
  const res = await inject('POST', '/api/v1/api-keys', admin, {
    name: '短期',
    departmentId: await departmentId(t, 'finance'),
    expiresInDays: 1,
  });
  const headers = { authorization: `Bearer ${res.json().key}` };
  t.clock.advance(DAY - 1000);
  assert.equal((await departments(headers)).statusCode, 200);
  t.clock.advance(1000);
  assert.equal((await departments(headers)).statusCode, 401);
});

test('expiry must be between 1 and 730 days and the department must exist', async () => {
  const admin = await adminHeaders(t);
  const amr = await departmentId(t, 'amr');
  for (const expiresInDays of [0, 731, 1.5]) {
    assert.equal(
      (await inject('POST', '/api/v1/api-keys', admin, { name: 'x', departmentId: amr, expiresInDays })).statusCode,
      400,
    );
  }
  const res = await inject('POST', '/api/v1/api-keys', admin, {
    name: 'x',
    departmentId: '019e80e8-c900-7c8c-ab33-e873ac1745c0',
  });
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.details.field, 'departmentId');
});

test('revocation is refused at once here and in another process once it has applied the revocation event', async () => {
  const other = await compose({
    config: t.ctx.config,
    database: t.ctx.database,
    clock: t.clock,
    log: createLogger('silent'),
    secretKey: randomBytes(32),
    tipoffKeys: t.ctx.tipoffKeys,
    background: false,
  });
  try {
    const key = await createApiKey(t, 'prtc');
    await other.ctx.sync.pollOnce();
    assert.equal(
      (await other.app.inject({ method: 'GET', url: '/api/v1/departments', headers: key.headers })).statusCode,
      200,
    );

    const res = await inject('POST', `/api/v1/api-keys/${key.id}/revocation`, await adminHeaders(t));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().revokedAt, t.clock.now().toISOString());
    assert.equal((await departments(key.headers)).statusCode, 401);

    // The other process holds keys in memory and learns of the revocation from the event log.
    assert.ok(other.ctx.keys.authenticate(key.key));
    await other.ctx.sync.pollOnce();
    assert.equal(other.ctx.keys.authenticate(key.key), null);
    assert.equal(
      (await other.app.inject({ method: 'GET', url: '/api/v1/departments', headers: key.headers })).statusCode,
      401,
    );
    await t.sync();
    assert.equal((await departments(key.headers)).statusCode, 401);
  } finally {
    await other.stop();
  }
});

test('a key created in another process works here after the sync', async () => {
  const key = await createApiKey(t, 'ndrc');
  const fresh = new ApiKeyCache({ db: t.ctx.db, clock: t.clock, log: t.ctx.log });
  assert.equal(fresh.authenticate(key.key), null);
  const events = await t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'api_key')
    .where('stream_id', '=', key.id)
    .execute();
  await fresh.apply(
    events.map((e) => ({
      version: e.version,
      stream: e.stream,
      streamId: e.stream_id,
      type: e.type,
      departmentId: e.department_id,
      actor: e.actor,
      payload: e.payload,
      occurredAt: e.occurred_at,
      effectiveAt: e.effective_at,
    })),
  );
  assert.equal(fresh.authenticate(key.key)?.id, key.id);
});

test('creation and revocation are events on stream api_key and audit rows, without the secret', async () => {
  const key = await createApiKey(t, 'hrss');
  await inject('POST', `/api/v1/api-keys/${key.id}/revocation`, await adminHeaders(t));
  const events = await t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'api_key')
    .where('stream_id', '=', key.id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    events.map((e) => e.type),
    ['api_key.created', 'api_key.revoked'],
  );
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target', '=', `api_key:${key.id}`)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['api_key.created', 'api_key.revoked'],
  );
  const secret = key.key.slice(13);
  const hash = createHash('sha256').update(secret).digest('hex');
  for (const text of [json(events), json(audit)]) assert.ok(!text.includes(secret) && !text.includes(hash));
});

test('revoking twice answers 409 and an unknown key 404', async () => {
  const admin = await adminHeaders(t);
  const key = await createApiKey(t, 'civil');
  assert.equal((await inject('POST', `/api/v1/api-keys/${key.id}/revocation`, admin)).statusCode, 200);
  const twice = await inject('POST', `/api/v1/api-keys/${key.id}/revocation`, admin);
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'api_key.already_revoked');
  const unknown = await inject('POST', '/api/v1/api-keys/019e80e8-c900-7c8c-ab33-e873ac1745c0/revocation', admin);
  assert.equal(unknown.statusCode, 404);
});
