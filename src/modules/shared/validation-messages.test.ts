import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { adminHeaders } from '../../test/fixtures.ts';
import './validation-messages.ts';

const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH_WORDS = /\b(Invalid|expected|received|Too|must|Unrecognized|instanceof|string|object|undefined)\b/;

let t: TestApp;
let admin: Record<string, string>;
before(async () => {
  t = await createTestApp();
  admin = await adminHeaders(t);
});
after(async () => {
  await t.close();
});

test('every kind of schema failure is explained in Chinese', () => {
  const schema = z.strictObject({
    name: z.string().min(2).max(3),
    count: z.int().min(1).max(5),
    when: z.iso.date(),
    at: z.iso.datetime(),
    id: z.uuid(),
    mail: z.email(),
    kind: z.enum(['red', 'black']),
    flag: z.boolean(),
    list: z.array(z.string()).min(1).max(1),
    exact: z.literal('x'),
    either: z.union([z.string(), z.number()]),
    code: z.string().regex(/^[a-z]+$/),
  });
  const bad = {
    name: 'abcd',
    count: 9,
    when: '2026-13-01',
    at: 'noon',
    id: 'x',
    mail: 'x',
    kind: 'green',
    flag: 'yes',
    list: [],
    exact: 'y',
    either: true,
    code: 'A',
    extra: 1,
  };
  const issues = schema.safeParse(bad).error!.issues;
  assert.ok(issues.length >= 13, 'each field fails');
  for (const issue of issues) {
    assert.match(issue.message, CHINESE, `${issue.path.join('.')}: ${issue.message}`);
    assert.doesNotMatch(issue.message, ENGLISH_WORDS, `${issue.path.join('.')}: ${issue.message}`);
  }
  assert.equal(z.object({ a: z.string() }).safeParse({}).error!.issues[0]!.message, '必须填写');
  assert.equal(z.string().max(3).safeParse('abcd').error!.issues[0]!.message, '不能超过 3 个字符');
});

test('the details of a 400 name each field with a Chinese message', async () => {
  const requests = [
    { method: 'POST', url: '/api/v1/auth/login', payload: {} },
    { method: 'POST', url: '/api/v1/subjects', payload: { uscc: 5, name: '', relatedPersons: [{ role: 'boss' }] } },
    { method: 'GET', url: '/api/v1/records?limit=abc' },
    { method: 'GET', url: '/api/v1/calendar/working-days?from=tomorrow&days=-1' },
  ] as const;
  for (const request of requests) {
    const res = await t.app.inject({
      method: request.method,
      url: request.url,
      headers: admin,
      ...('payload' in request ? { payload: request.payload } : {}),
    });
    assert.equal(res.statusCode, 400, res.body);
    const issues = res.json().error.details.issues as { field: string; message: string }[];
    assert.ok(issues.length > 0);
    for (const issue of issues) {
      assert.ok(issue.field, `${request.url}: every issue names its field`);
      assert.match(issue.message, CHINESE, `${request.url} ${issue.field}: ${issue.message}`);
      assert.doesNotMatch(issue.message, ENGLISH_WORDS, `${request.url} ${issue.field}: ${issue.message}`);
    }
  }
});
