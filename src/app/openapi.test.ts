import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { OPENAPI_PATH, renderOpenApi } from './openapi.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

test('the committed OpenAPI document matches the routes (run `npm run openapi` after changing a schema)', () => {
  const committed = fs.readFileSync(OPENAPI_PATH, 'utf8');
  assert.equal(committed, renderOpenApi(t.app), `${OPENAPI_PATH} is stale: run npm run openapi and commit it`);
});

test('the API document is served at /openapi.json as OpenAPI 3.1 without a token', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().openapi, '3.1.0');
  assert.ok(res.json().paths['/api/v1/checks'], 'the check endpoint is documented');
});

test('a readable docs page is served at /docs', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /swagger-ui/i);
});
