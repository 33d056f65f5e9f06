import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { adminHeaders } from '../test/fixtures.ts';
import { probesOf, type ApiDocument, type Probe } from '../test/openapi-probes.ts';

let t: TestApp;
let admin: Record<string, string>;
let doc: ApiDocument;

before(async () => {
  t = await createTestApp();
  admin = await adminHeaders(t);
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
after(async () => {
  await t.close();
});

const probes = () => probesOf(doc, 'a\u0000b');

async function send(probe: Probe, headers: Record<string, string>) {
  return t.app.inject({
    method: probe.method.toUpperCase() as 'GET',
    url: probe.url,
    headers,
    ...(probe.payload === undefined ? {} : { payload: probe.payload as object }),
  });
}

test('a NUL character in any string of any path, query or body answers 400 naming the field, never 500', async () => {
  const list = probes();
  assert.ok(list.length > 300, `every string of the API document is probed (${list.length})`);
  const wrong: string[] = [];
  for (const probe of list) {
    const res = await send(probe, admin);
    const issues = (res.json().error?.details?.issues ?? []) as { field: string; message: string }[];
    const named = issues.some((i) => i.field === probe.field && /控制字符/.test(i.message));
    if (res.statusCode !== 400 || res.json().error.code !== 'request.invalid' || !named)
      wrong.push(`${probe.label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
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
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers: admin,
      ...(payload ? { payload: payload as object } : {}),
    });
    assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
    assert.deepEqual(
      res.json().error.details.issues.map((i: { field: string }) => i.field),
      [field],
    );
    assert.match(res.json().error.message, new RegExp(field));
  }
});

test('a field name holding a control character is refused too', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'x', 'evil\u0000': 1 },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'request.invalid');
});

test('line breaks are refused in names and codes but kept in free text, where CRLF becomes LF', async () => {
  const name = await t.app.inject({
    method: 'POST',
    url: '/api/v1/subjects',
    headers: admin,
    payload: { uscc: '91110000600037341L', name: '示例\n公司' },
  });
  assert.equal(name.statusCode, 400, name.body);
  assert.equal(name.json().error.details.issues[0].field, 'name');
  const tab = await t.app.inject({ method: 'GET', url: '/api/v1/subjects?q=%09', headers: admin });
  assert.equal(tab.statusCode, 400, 'a tab in a search key is refused');

  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/tipoffs',
    payload: {
      subject: { name: '示例区某某有限公司' },
      content: '第一行\r\n第二行\r第三行\t（附表）',
      anonymous: true,
    },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const stored = await t.ctx.db
    .selectFrom('tipoffs')
    .select('content')
    .where('application_no', '=', filed.json().applicationNo)
    .executeTakeFirstOrThrow();
  assert.equal(stored.content, '第一行\n第二行\n第三行\t（附表）');
  const bell = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public/tipoffs',
    payload: { subject: { name: '示例区某某有限公司' }, content: '响铃\u0007', anonymous: true },
  });
  assert.equal(bell.statusCode, 400, 'other control characters stay refused in free text');
  assert.equal(bell.json().error.details.issues[0].field, 'content');
});
