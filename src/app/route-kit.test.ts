import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { adminHeaders } from '../test/fixtures.ts';

interface Operation {
  security?: unknown[];
  parameters?: { in: string; name: string; schema: { type?: string } }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

let t: TestApp;
let admin: Record<string, string>;
let doc: { paths: Record<string, Record<string, Operation>>; security: unknown[] };

before(async () => {
  t = await createTestApp();
  admin = await adminHeaders(t);
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
after(async () => {
  await t.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

test('every operation documents its error answers with the one error envelope', () => {
  const missing: string[] = [];
  for (const { path, method, op } of operations()) {
    const isPublic = Array.isArray(op.security) && op.security.length === 0;
    const expected = [400, 500];
    if (!isPublic) expected.push(401, 403);
    if (path.includes('{')) expected.push(404);
    if (method !== 'get') expected.push(409, 422);
    if (op.requestBody) expected.push(413, 415);
    for (const status of expected) {
      const schema = op.responses[status]?.content?.['application/json']?.schema;
      if (schema?.$ref !== '#/components/schemas/ErrorEnvelope')
        missing.push(`${method.toUpperCase()} ${path} ${status}`);
    }
  }
  assert.ok(operations().length > 100);
  assert.deepEqual(missing, []);
});

test('the public operations declare that they need no token, and they are exactly the ones open without one', async () => {
  const declared = operations()
    .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
    .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
    .sort();
  for (const open of [
    'GET /healthz',
    'GET /readyz',
    'GET /api/v1/public/disclosures',
    'POST /api/v1/public/tipoffs',
    'POST /api/v1/auth/login',
  ]) {
    assert.ok(declared.includes(open), `${open} declares security: []`);
  }
  for (const name of declared) {
    const [method, path] = name.split(' ') as [string, string];
    const url = path.replace(/\{[^}]+\}/g, (m) =>
      m === '{stream}' ? 'entry' : m === '{code}' ? '91110000600037341L' : '01a2204c-6652-7220-b3ad-733d55995bb3',
    );
    const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) });
    assert.notEqual(res.statusCode, 401, `${name} is declared public and must not ask for a token`);
  }
  assert.deepEqual(doc.security, [{ bearer: [] }], 'every other operation needs the bearer token');
});

test('the change feed documents since as the integer it accepts', async () => {
  const since = doc.paths['/api/v1/changes']!.get!.parameters!.find((p) => p.name === 'since')!;
  assert.equal(since.schema.type, 'integer');
  const bad = await t.app.inject({ method: 'GET', url: '/api/v1/changes?since=abc', headers: admin });
  assert.equal(bad.statusCode, 400);
});

test('unknown query parameters are refused, naming the parameter, like unknown body fields', async () => {
  for (const url of [
    '/api/v1/audit-log?afterSeq=0&limt=5',
    '/api/v1/inbox?dayz=3',
    '/api/v1/overdue?x=1',
    '/api/v1/departments?x=1',
  ]) {
    const res = await t.app.inject({ method: 'GET', url, headers: admin });
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.equal(res.json().error.code, 'request.invalid');
    const unknown = [...new URLSearchParams(url.split('?')[1]).keys()].filter((k) => k !== 'afterSeq');
    assert.deepEqual(
      res.json().error.details.issues.map((i: { field: string }) => i.field),
      unknown,
      url,
    );
    assert.match(res.json().error.message, new RegExp(unknown[0]!));
  }
  const known = await t.app.inject({ method: 'GET', url: '/api/v1/audit-log?afterSeq=0&limit=5', headers: admin });
  assert.equal(known.statusCode, 200, known.body);
  const healthz = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(healthz.statusCode, 200);
});

test('an error answered on a documented status matches the envelope it declares', async () => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/subjects/01a2204c-6652-7220-b3ad-733d55995bb3',
    headers: admin,
  });
  assert.equal(res.statusCode, 404);
  assert.deepEqual(Object.keys(res.json()), ['error']);
  assert.equal(typeof res.json().error.code, 'string');
  assert.equal(typeof res.json().error.message, 'string');
});

test('unknown body fields are refused at every depth, naming the field, instead of being dropped in silence', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/subjects',
    headers: admin,
    payload: {
      uscc: '91110000600037341L',
      name: '示例区未知字段有限公司',
      relatedPersons: [{ citizenId: '11010519491231002X', name: '王某', role: 'principal', rol: 'x' }],
      nmae: 'x',
    },
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(
    res
      .json()
      .error.details.issues.map((i: { field: string }) => i.field)
      .sort(),
    ['nmae', 'relatedPersons.0.rol'],
  );
  const count = await t.ctx.db
    .selectFrom('subjects')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('name', '=', '示例区未知字段有限公司')
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0, 'nothing was written');
});

test('routes that throttle, withhold or compute on a read declare those answers too', () => {
  const declared = (method: string, path: string) => Object.keys(doc.paths[path]![method]!.responses);
  assert.ok(declared('post', '/api/v1/auth/login').includes('429'));
  assert.ok(declared('post', '/api/v1/public/tracking').includes('429'));
  assert.ok(declared('post', '/api/v1/checks').includes('503'));
  assert.ok(declared('get', '/api/v1/calendar/working-days').includes('422'));
  assert.ok(declared('get', '/api/v1/public/disclosures').includes('422'));
});
