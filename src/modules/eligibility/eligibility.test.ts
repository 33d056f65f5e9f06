import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { adminHeaders, createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';

let t: TestApp;
let creditOffice: TestUser, operator: TestUser, reviewer: TestUser, auditor: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
});
after(async () => {
  await t.close();
});

const send = (method: 'POST' | 'PUT' | 'GET', url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const rule = (code: string) => ({
  code,
  name: '三年无失信记录的经营主体',
  kind: 'clean_record',
  params: { years: 3 },
  grants: ['green_channel', 'accept_with_commitment'],
  active: true,
});

test('the credit office creates, lists and changes eligibility rules, each change an event and an audit row', async () => {
  const created = await send('POST', '/api/v1/eligibility-rules', creditOffice.headers, rule('clean_three_years'));
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().code, 'clean_three_years');
  assert.deepEqual(created.json().grants, ['green_channel', 'accept_with_commitment']);
  assert.equal(created.json().updatedBy, `user:${creditOffice.id}`);

  const updated = await send('PUT', '/api/v1/eligibility-rules/clean_three_years', creditOffice.headers, {
    name: '红名单主体（纳税A级）',
    kind: 'red_list',
    params: { listTypeCodes: ['red_tax_a'] },
    grants: ['accept_with_commitment'],
    active: false,
  });
  assert.equal(updated.statusCode, 200, updated.body);
  assert.equal(updated.json().kind, 'red_list');
  assert.equal(updated.json().active, false);
  assert.equal(updated.json().id, created.json().id);

  const list = await send('GET', '/api/v1/eligibility-rules', operator.headers);
  assert.equal(list.statusCode, 200);
  const mine = list.json().items.find((r: { code: string }) => r.code === 'clean_three_years');
  assert.deepEqual(mine.params, { listTypeCodes: ['red_tax_a'] });

  const events = await t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'eligibility_rule')
    .where('stream_id', '=', created.json().id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    events.map((e) => e.type),
    ['eligibility_rule.created', 'eligibility_rule.updated'],
  );
  assert.equal((events[1]!.payload.previous as { kind: string }).kind, 'clean_record');
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('target', '=', `eligibility_rule:${created.json().id}`)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['eligibility_rule.created', 'eligibility_rule.updated'],
  );
});

test('only the credit office and administrators configure rules: department staff, auditors and API keys are refused', async () => {
  const key = await createApiKey(t, 'amr');
  for (const headers of [operator.headers, reviewer.headers, auditor.headers, key.headers]) {
    const created = await send('POST', '/api/v1/eligibility-rules', headers, rule('refused_rule'));
    assert.equal(created.statusCode, 403, created.body);
    assert.equal(created.json().error.code, 'eligibility_rule.forbidden');
  }
  const seeded = await send('POST', '/api/v1/eligibility-rules', await adminHeaders(t), rule('by_admin'));
  assert.equal(seeded.statusCode, 201, seeded.body);
  const changed = await send('PUT', '/api/v1/eligibility-rules/by_admin', operator.headers, {
    ...rule('x'),
    code: undefined,
  });
  assert.equal(changed.statusCode, 403);
  const rows = await t.ctx.db
    .selectFrom('eligibility_rules')
    .select('code')
    .where('code', '=', 'refused_rule')
    .execute();
  assert.equal(rows.length, 0);
});

test('a duplicate code, an unknown code and an unknown grant are refused and change nothing', async () => {
  assert.equal(
    (await send('POST', '/api/v1/eligibility-rules', creditOffice.headers, rule('dup_rule'))).statusCode,
    201,
  );
  const dup = await send('POST', '/api/v1/eligibility-rules', creditOffice.headers, {
    ...rule('dup_rule'),
    name: '另一个名称',
  });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'eligibility_rule.duplicate_code');
  const unknown = await send('PUT', '/api/v1/eligibility-rules/no_such_rule', creditOffice.headers, {
    ...rule('x'),
    code: undefined,
  });
  assert.equal(unknown.statusCode, 404);
  const badGrant = await send('POST', '/api/v1/eligibility-rules', creditOffice.headers, {
    ...rule('bad_grant'),
    grants: ['free_money'],
  });
  assert.equal(badGrant.statusCode, 400);
  assert.match(badGrant.json().error.message, /grants/);
  const list = await send('GET', '/api/v1/eligibility-rules', creditOffice.headers);
  assert.equal(
    list.json().items.filter((r: { code: string }) => r.code === 'dup_rule')[0].name,
    '三年无失信记录的经营主体',
  );
});

test('a red-list rule may only name red list types that exist', async () => {
  const bad = await send('POST', '/api/v1/eligibility-rules', creditOffice.headers, {
    ...rule('red_typo'),
    kind: 'red_list',
    params: { listTypeCodes: ['red_tax_a', 'black_tax', 'red_no_such'] },
  });
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json().error.code, 'eligibility_rule.unknown_list_type');
  assert.match(bad.json().error.message, /black_tax、red_no_such/);
  const notArray = await send('POST', '/api/v1/eligibility-rules', creditOffice.headers, {
    ...rule('red_bad'),
    kind: 'red_list',
    params: { listTypeCodes: 'red_tax_a' },
  });
  assert.equal(notArray.json().error.code, 'eligibility_rule.invalid_params');
});
