import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { adminHeaders } from '../test/fixtures.ts';

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; additionalProperties?: JsonSchema | boolean; 'x-free-text'?: boolean };
interface Operation { parameters?: { in: string; name: string; schema?: JsonSchema & { enum?: string[]; format?: string } }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; security?: unknown[] }

let t: TestApp;
let admin: Record<string, string>;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };

before(async () => {
  t = await createTestApp();
  admin = await adminHeaders(t);
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
after(async () => { await t.close(); });

const SAMPLE_ID = '01a2204c-6652-7220-b3ad-733d55995bb3';
const NUL = 'a\u0000b';

function resolve(schema: JsonSchema): JsonSchema {
  return schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!]!) : schema;
}

/** Every string in a body schema, as [path, a body holding only a NUL string there]. */
function stringsOf(schema: JsonSchema, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; wrap: (leaf: unknown) => unknown }[] {
  const s = resolve(schema);
  if (depth > 8) return [];
  const options = s.anyOf ?? s.oneOf ?? s.allOf;
  if (options) return options.flatMap((option) => stringsOf(option, path, depth + 1));
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const found: { path: (string | number)[]; wrap: (leaf: unknown) => unknown }[] = [];
  if (types.includes('string')) found.push({ path, wrap: (leaf) => leaf });
  if (types.includes('object') || s.properties) {
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      for (const inner of stringsOf(child, [...path, key], depth + 1)) found.push({ path: inner.path, wrap: (leaf) => ({ [key]: inner.wrap(leaf) }) });
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      for (const inner of stringsOf(s.additionalProperties, [...path, 'k'], depth + 1)) found.push({ path: inner.path, wrap: (leaf) => ({ k: inner.wrap(leaf) }) });
    }
  }
  if (types.includes('array') && s.items) {
    for (const inner of stringsOf(s.items, [...path, 0], depth + 1)) found.push({ path: inner.path, wrap: (leaf) => [inner.wrap(leaf)] });
  }
  return found;
}

interface Probe { label: string; method: string; url: string; payload?: unknown; field: string; isPublic: boolean }

function probes(): Probe[] {
  const all: Probe[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      // The other path parameters get a value their own schema accepts, so that only the probed string is wrong.
      const sample = (name: string) => {
        const schema = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
        if (schema.enum) return schema.enum[0]!;
        if (schema.type === 'integer' || schema.type === 'number') return name === 'year' ? '2026' : '1';
        return schema.format === 'uuid' ? SAMPLE_ID : 'sample_code';
      };
      const url = (nul?: string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === nul ? '%00' : sample(name)));
      for (const name of params) all.push({ label: `${method} ${path} path ${name}`, method, url: url(name), field: name, isPublic });
      for (const p of (op.parameters ?? []).filter((q) => q.in === 'query')) {
        all.push({ label: `${method} ${path} query ${p.name}`, method, url: `${url()}?${p.name}=a%00b`, field: p.name, isPublic });
      }
      const body = op.requestBody?.content['application/json']?.schema;
      for (const s of body ? stringsOf(body) : []) {
        all.push({ label: `${method} ${path} body ${s.path.join('.')}`, method, url: url(), payload: s.wrap(NUL), field: s.path.join('.'), isPublic });
      }
    }
  }
  return all;
}

async function send(probe: Probe, headers: Record<string, string>) {
  return t.app.inject({ method: probe.method.toUpperCase() as 'GET', url: probe.url, headers, ...(probe.payload === undefined ? {} : { payload: probe.payload as object }) });
}

test('a NUL character in any string of any path, query or body answers 400 naming the field, never 500', async () => {
  const list = probes();
  assert.ok(list.length > 300, `every string of the API document is probed (${list.length})`);
  const wrong: string[] = [];
  for (const probe of list) {
    const res = await send(probe, admin);
    const issues = (res.json().error?.details?.issues ?? []) as { field: string; message: string }[];
    const named = issues.some((i) => i.field === probe.field && /控制字符/.test(i.message));
    if (res.statusCode !== 400 || res.json().error.code !== 'request.invalid' || !named) wrong.push(`${probe.label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
  }
  assert.deepEqual(wrong, []);
});

test('without a token, a NUL character answers 400 on public operations and 401 elsewhere, never 500', async () => {
  const wrong: string[] = [];
  for (const probe of probes()) {
    const res = await send(probe, {});
    const expected = probe.isPublic ? 400 : 401;
    if (res.statusCode !== expected) wrong.push(`${probe.label} → ${res.statusCode} (expected ${expected})`);
  }
  assert.deepEqual(wrong, []);
});

test('the reported attacks on public endpoints and searches answer 400 naming the field', async () => {
  const cases: [string, string, unknown, string][] = [
    ['POST', '/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' }, 'username'],
    ['POST', '/api/v1/public/tracking', { applicationNo: 'A\u0000', trackingSecret: 'x' }, 'applicationNo'],
    ['GET', '/api/v1/records?domain=%00', undefined, 'domain'],
    ['GET', '/api/v1/subjects?q=%00', undefined, 'q'],
    ['GET', '/api/v1/subjects?uscc=%00', undefined, 'uscc'],
    ['GET', '/api/v1/catalog/record-domains/%00', undefined, 'code'],
  ];
  for (const [method, url, payload, field] of cases) {
    const res = await t.app.inject({ method: method as 'GET', url, headers: admin, ...(payload ? { payload: payload as object } : {}) });
    assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
    assert.deepEqual(res.json().error.details.issues.map((i: { field: string }) => i.field), [field]);
    assert.match(res.json().error.message, new RegExp(field));
  }
});

test('a field name holding a control character is refused too', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'x', 'evil\u0000': 1 } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'request.invalid');
});

test('line breaks are refused in names and codes but kept in free text, where CRLF becomes LF', async () => {
  const name = await t.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: admin, payload: { uscc: '91110000600037341L', name: '示例\n公司' } });
  assert.equal(name.statusCode, 400, name.body);
  assert.equal(name.json().error.details.issues[0].field, 'name');
  const tab = await t.app.inject({ method: 'GET', url: '/api/v1/subjects?q=%09', headers: admin });
  assert.equal(tab.statusCode, 400, 'a tab in a search key is refused');

  const filed = await t.app.inject({
    method: 'POST', url: '/api/v1/public/tipoffs',
    payload: { subject: { name: '示例区某某有限公司' }, content: '第一行\r\n第二行\r第三行\t（附表）', anonymous: true },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const stored = await t.ctx.db.selectFrom('tipoffs').select('content').where('application_no', '=', filed.json().applicationNo).executeTakeFirstOrThrow();
  assert.equal(stored.content, '第一行\n第二行\n第三行\t（附表）');
  const bell = await t.app.inject({ method: 'POST', url: '/api/v1/public/tipoffs', payload: { subject: { name: '示例区某某有限公司' }, content: '响铃\u0007', anonymous: true } });
  assert.equal(bell.statusCode, 400, 'other control characters stay refused in free text');
  assert.equal(bell.json().error.details.issues[0].field, 'content');
});
