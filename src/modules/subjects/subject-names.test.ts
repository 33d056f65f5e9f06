import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';

let t: TestApp;
let office: TestUser;
let operator: TestUser;

before(async () => {
  t = await createTestApp();
  office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
});
after(async () => {
  await t.close();
});

const register = async (name: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/subjects',
    headers: operator.headers,
    payload: { uscc: makeUscc(), name },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
};
const rename = (id: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/subjects/${id}/names`, headers, payload: payload as object });
const setStatus = (id: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/subjects/${id}/status`, headers, payload: payload as object });
const search = (q: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/public/subjects?q=${encodeURIComponent(q)}` });

test('a renamed subject shows its new name and keeps the old one as a former name with its dates', async () => {
  const id = await register('示例区旧名称商贸有限公司');
  const first = await rename(id, office.headers, { name: '示例区新名称科技有限公司', validFrom: '2026-03-01' });
  assert.equal(first.statusCode, 200, first.body);
  const second = await rename(id, office.headers, { name: '示例区第三名称有限公司', validFrom: '2026-05-10' });
  assert.equal(second.statusCode, 200, second.body);
  const detail = (
    await t.app.inject({ method: 'GET', url: `/api/v1/subjects/${id}`, headers: operator.headers })
  ).json();
  assert.equal(detail.name, '示例区第三名称有限公司');
  assert.deepEqual(detail.formerNames, [
    { name: '示例区新名称科技有限公司', validFrom: '2026-03-01', validTo: '2026-05-09' },
    { name: '示例区旧名称商贸有限公司', validFrom: null, validTo: '2026-02-28' },
  ]);
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('target', '=', `subject:${id}`)
    .where('action', '=', 'subject.renamed')
    .execute();
  assert.equal(audit.length, 2, 'each change is audited');
  assert.deepEqual(audit[0]!.details, {
    from: '示例区旧名称商贸有限公司',
    to: '示例区新名称科技有限公司',
    validFrom: '2026-03-01',
  });

  const byOld = (await search('旧名称商贸')).json();
  assert.equal(byOld.items[0].id, id, 'the subject is still found by its first name');
  assert.equal(byOld.items[0].matchedFormerName, '示例区旧名称商贸有限公司');
  assert.equal(byOld.items[0].name, '示例区第三名称有限公司');
  const byNew = (await search('第三名称')).json();
  assert.equal(byNew.items[0].matchedFormerName, null);
});

test('a rename that breaks a rule answers in Chinese beside its field and changes nothing', async () => {
  const id = await register('示例区规则检查有限公司');
  await rename(id, office.headers, { name: '示例区规则检查二号有限公司', validFrom: '2026-04-01' });
  const cases: [unknown, string, string][] = [
    [{ name: '示例区规则检查二号有限责任公司', validFrom: '2026-05-01' }, 'subject.name_unchanged', 'name'],
    [{ name: '示例区规则检查三号有限公司', validFrom: '2026-03-01' }, 'subject.name_date_order', 'validFrom'],
    [{ name: '示例区规则检查三号有限公司', validFrom: '2027-01-01' }, 'subject.date_in_future', 'validFrom'],
  ];
  for (const [payload, code, field] of cases) {
    const res = await rename(id, office.headers, payload);
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, code);
    assert.equal(res.json().error.details.field, field);
    assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
  }
  const malformed = await rename(id, office.headers, { name: '示例区规则检查三号有限公司', validFrom: '2026-13-01' });
  assert.equal(malformed.statusCode, 400);
  const names = await t.ctx.db.selectFrom('subject_names').select('name').where('subject_id', '=', id).execute();
  assert.equal(names.length, 2, 'no refused change left a name behind');
  assert.equal((await search('规则检查三号')).json().total, 0);
});

test('only the credit office and administrators change names and status', async () => {
  const id = await register('示例区权限检查有限公司');
  const res = await rename(id, operator.headers, { name: '示例区权限检查二号有限公司', validFrom: '2026-04-01' });
  assert.equal(res.statusCode, 403);
  assert.equal((await setStatus(id, operator.headers, { status: 'deregistered', date: '2026-04-01' })).statusCode, 403);
  assert.equal(
    (
      await rename('0190a1b2-0000-7000-8000-000000000000', office.headers, {
        name: '某某有限公司',
        validFrom: '2026-04-01',
      })
    ).statusCode,
    404,
  );
});

test('a deregistered company shows 注销 with its date in its detail and in search, and can be restored', async () => {
  const id = await register('示例区注销检查有限公司');
  const res = await setStatus(id, office.headers, { status: 'deregistered', date: '2026-05-20' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'deregistered');
  assert.equal(res.json().statusDate, '2026-05-20');
  assert.equal((await search('注销检查')).json().items[0].status, 'deregistered');
  const again = await setStatus(id, office.headers, { status: 'deregistered', date: '2026-05-21' });
  assert.equal(again.json().error.code, 'subject.status_unchanged');
  assert.equal((await setStatus(id, office.headers, { status: 'active', date: '2026-05-30' })).json().status, 'active');
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('target', '=', `subject:${id}`)
    .where('action', '=', 'subject.status_changed')
    .execute();
  assert.equal(audit.length, 2);
});

test('a natural person has no registration status to change', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/subjects',
    headers: operator.headers,
    payload: { citizenId: makeCitizenId(), name: '李状态' },
  });
  const answer = await setStatus(res.json().id, office.headers, { status: 'deregistered', date: '2026-05-20' });
  assert.equal(answer.statusCode, 422);
  assert.equal(answer.json().error.code, 'subject.status_not_applicable');
});
