import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { adminHeaders } from '../test/fixtures.ts';

let t: TestApp;
const logLines: string[] = [];

before(async () => {
  const destination = new PassThrough();
  destination.on('data', (chunk) => logLines.push(...String(chunk).split('\n').filter(Boolean)));
  t = await createTestApp({
    log: { destination },
    extraRoutes: [
      (app) => {
        app.post(
          '/test/explode',
          { schema: { hide: true, body: z.object({ citizenId: z.string() }) } },
          async (req) => {
            throw new Error(`database said: duplicate key for ${req.body.citizenId} at /srv/credlink/src/x.ts:12`);
          },
        );
      },
    ],
  });
});
after(async () => {
  await t.close();
});

test('an unexpected failure answers 500 with the error envelope and no internals, and the log masks the ID number', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/test/explode',
    headers: await adminHeaders(t),
    payload: { citizenId: '11010519491231002X' },
  });
  assert.equal(res.statusCode, 500);
  assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message']);
  assert.equal(res.json().error.code, 'server.internal');
  assert.doesNotMatch(res.body, /duplicate key|srv|\.ts|11010519491231002X/);
  const logged = logLines.join('\n');
  assert.match(logged, /duplicate key/, 'the cause is logged for operators');
  assert.doesNotMatch(logged, /11010519491231002X/);
  assert.match(logged, /1101\*{10}002X/);
});

test('a body that is not JSON answers 400 in the envelope', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"username": ',
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'request.malformed_json');
});

test('a body that does not match the schema answers 400 naming the fields', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'request.invalid');
  assert.match(res.json().error.message, /password/);
});

test('an unknown route answers 404 in the envelope', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'route.not_found');
});

test('every non-public endpoint refuses a request without a token', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const refused: string[] = [];
  const open: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
    for (const method of Object.keys(methods)) {
      const url = path.replace(/\{[^}]+\}/g, (m) =>
        m === '{year}'
          ? '2026'
          : m === '{version}'
            ? '1'
            : m === '{code}'
              ? '91110000600037341L'
              : '01a2204c-6652-7220-b3ad-733d55995bb3',
      );
      const res = await t.app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        payload: method === 'get' ? undefined : {},
      });
      (res.statusCode === 401 ? refused : open).push(`${method.toUpperCase()} ${path} → ${res.statusCode}`);
    }
  }
  const expectedOpen = [
    'POST /api/v1/auth/login',
    'GET /api/v1/identifiers/{code}',
    'POST /api/v1/identifiers',
    'GET /healthz',
    'GET /readyz',
    // The rights of the parties and public disclosure: open to anyone, answering alike whatever exists.
    'POST /api/v1/public/objections',
    'POST /api/v1/public/repairs',
    'POST /api/v1/public/tracking',
    'POST /api/v1/public/tracking/withdrawal',
    'GET /api/v1/public/repair-notices/{stream}/{id}',
    'POST /api/v1/public/tipoffs',
    'GET /api/v1/public/disclosures',
    // The public portal's data (信用门户): what the disclosure scopes allow, as JSON, CSV and Atom.
    'GET /api/v1/public/overview',
    'GET /api/v1/public/credit-profiles/{key}',
    'GET /api/v1/public/lists/{kind}',
    'GET /api/v1/public/lists/{kind}/csv',
    'GET /api/v1/public/lists/{kind}/atom',
    'GET /api/v1/public/exposure',
    'GET /api/v1/public/policies',
    'GET /api/v1/public/subjects',
  ];
  assert.deepEqual(open.map((o) => o.split(' →')[0]).sort(), expectedOpen.sort(), open.join('\n'));
  assert.ok(refused.length > 20);
});

test('a filing too large for its endpoint is refused with 413 naming the limit', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/objections',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ content: 'x'.repeat(17 * 1024 * 1024) }),
  });
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().error.code, 'request.too_large');
  assert.match(res.json().error.message, /16 MiB 的上限/);
});
