import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminHeaders, createApiKey, createUser, departmentId } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const inject = (method: 'GET' | 'POST', url: string, headers?: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });

test('any signed-in user or department system lists the departments, the credit office among them', async () => {
  const user = await createUser(t, { roles: ['auditor'], departmentCode: 'tax' });
  const key = await createApiKey(t, 'court');
  for (const headers of [user.headers, key.headers]) {
    const res = await inject('GET', '/api/v1/departments', headers);
    assert.equal(res.statusCode, 200);
    const codes = res.json().items.map((d: { code: string }) => d.code);
    assert.ok(
      ['credit_office', 'amr', 'tax', 'court'].every((c) => codes.includes(c)),
      codes.join(),
    );
  }
  assert.equal((await inject('GET', '/api/v1/departments')).statusCode, 401);
});

test('one department is shown by id; an unknown id answers 404', async () => {
  const headers = await adminHeaders(t);
  const id = await departmentId(t, 'amr');
  const res = await inject('GET', `/api/v1/departments/${id}`, headers);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(Object.keys(res.json()).sort(), ['code', 'createdAt', 'id', 'kind', 'name']);
  assert.equal(res.json().kind, 'department');
  const missing = await inject('GET', '/api/v1/departments/019e80e8-c900-7c8c-ab33-e873ac1745c0', headers);
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'department.not_found');
});

test('an administrator adds a department, recorded as an event on stream department and in the audit log', async () => {
  const res = await inject('POST', '/api/v1/departments', await adminHeaders(t), {
    code: 'culture',
    name: '示例区文化和旅游局',
    kind: 'department',
  });
  assert.equal(res.statusCode, 201, res.body);
  const { id } = res.json();
  const event = await t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'department')
    .where('stream_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(event.type, 'department.created');
  assert.deepEqual(event.payload, { code: 'culture', name: '示例区文化和旅游局', kind: 'department' });
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('target', '=', `department:${id}`)
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['department.created'],
  );
});

test('a department code is unique, well formed, and there is only one credit office', async () => {
  const admin = await adminHeaders(t);
  const taken = await inject('POST', '/api/v1/departments', admin, { code: 'amr', name: '重复的部门' });
  assert.equal(taken.statusCode, 409);
  assert.equal(taken.json().error.details.field, 'code');
  const office = await inject('POST', '/api/v1/departments', admin, {
    code: 'office2',
    name: '第二个信用办',
    kind: 'credit_office',
  });
  assert.equal(office.statusCode, 409);
  assert.equal(office.json().error.code, 'department.credit_office_exists');
  assert.equal(
    (await inject('POST', '/api/v1/departments', admin, { code: 'Bad Code', name: '格式错误' })).statusCode,
    400,
  );
});

test('only administrators add departments', async () => {
  const officer = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  const key = await createApiKey(t, 'amr');
  for (const headers of [officer.headers, key.headers]) {
    const res = await inject('POST', '/api/v1/departments', headers, { code: 'sports', name: '示例区体育局' });
    assert.equal(res.statusCode, 403);
  }
});
