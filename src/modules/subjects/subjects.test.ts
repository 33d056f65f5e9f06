import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';
import { usccCheckCharacter } from '../shared/index.ts';

let t: TestApp;
let operator: TestUser;
let auditor: TestUser;

before(async () => {
  t = await createTestApp();
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
});
after(async () => {
  await t.close();
});

const create = (headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/subjects', headers, payload: payload as object });

test('an organization is registered with its legal representative, whose ID number appears only masked', async () => {
  const citizenId = makeCitizenId();
  const res = await create(operator.headers, {
    uscc: makeUscc(),
    name: '示例区主体测试有限公司',
    relatedPersons: [{ citizenId, name: '王法人', role: 'legalRepresentative' }],
  });
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.equal(body.kind, 'organization');
  assert.equal(body.relatedPersons.length, 1);
  assert.equal(body.relatedPersons[0].role, 'legalRepresentative');
  assert.equal(body.relatedPersons[0].citizenIdMasked, `${citizenId.slice(0, 4)}**********${citizenId.slice(-4)}`);
  assert.ok(!res.body.includes(citizenId));
  const identity = await t.ctx.db
    .selectFrom('subject_identities')
    .select('citizen_id')
    .where('subject_id', '=', body.relatedPersons[0].personId)
    .executeTakeFirstOrThrow();
  assert.equal(identity.citizen_id, citizenId, 'the number is kept in the restricted table only');
  const audit = await t.ctx.db.selectFrom('audit_log').select('details').execute();
  assert.ok(!JSON.stringify(audit).includes(citizenId), 'no audit row holds the number');
});

test('a code given twice names one subject, whatever the spacing and width of the input', async () => {
  const uscc = makeUscc();
  const first = (await create(operator.headers, { uscc, name: '示例区同一主体有限公司' })).json();
  const spaced = `${uscc.slice(0, 2)} ${uscc.slice(2)}`.toLowerCase();
  const second = (await create(operator.headers, { uscc: spaced, name: '示例区同一主体有限责任公司' })).json();
  assert.equal(second.id, first.id);
  assert.equal(second.name, '示例区同一主体有限公司', 'an existing subject keeps its recorded name');
});

test('registering a code already registered answers 200 with the existing subject, and only a new one 201', async () => {
  const uscc = makeUscc();
  const first = await create(operator.headers, { uscc, name: '示例区重复登记有限公司' });
  assert.equal(first.statusCode, 201, first.body);
  const again = await create(operator.headers, { uscc, name: '示例区重复登记有限责任公司' });
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().id, first.json().id);
  assert.equal(again.json().name, '示例区重复登记有限公司');
  const created = await t.ctx.db
    .selectFrom('events')
    .select('type')
    .where('stream', '=', 'subject')
    .where('stream_id', '=', first.json().id)
    .execute();
  assert.deepEqual(
    created.map((e) => e.type),
    ['subject.created'],
    'the second call created nothing',
  );

  const person = makeCitizenId();
  assert.equal((await create(operator.headers, { citizenId: person, name: '张重复' })).statusCode, 201);
  assert.equal((await create(operator.headers, { citizenId: person, name: '张重复' })).statusCode, 200);

  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const responses = doc.paths['/api/v1/subjects'].post.responses;
  assert.ok(responses['200'] && responses['201'], 'both answers are declared');
});

test('an individual business is recognized from its code', async () => {
  const body17 = '92370125MA3C0D0E1';
  const res = await create(operator.headers, { uscc: body17 + usccCheckCharacter(body17), name: '示例区小张便利店' });
  assert.equal(res.json().kind, 'individual_business');
});

test('subjects are found by a name written with other brackets, widths and legal-form variants', async () => {
  const uscc = makeUscc();
  await create(operator.headers, { uscc, name: '示例区（东城）恒信商贸有限责任公司' });
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/subjects?q=${encodeURIComponent('(东城) 恒信商贸有限公司')}`,
    headers: auditor.headers,
  });
  assert.equal(res.statusCode, 200);
  assert.ok(res.json().items.some((s: { uscc: string }) => s.uscc === uscc));
});

test('a person is registered by ID number and a legacy 15-digit number is upgraded', async () => {
  const res = await create(operator.headers, { citizenId: '110105491231002', name: '旧号码测试' });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().kind, 'person');
  assert.equal(res.json().citizenIdMasked, '1101**********002X');
});

test('an invalid code is refused naming the field, and a person cannot have related persons', async () => {
  const bad = await create(operator.headers, { citizenId: '36042619910102009X', name: '错号' });
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json().error.details.field, 'body.citizenId');
  assert.ok(!bad.body.includes('36042619910102009X'), 'the number is not echoed');
  const person = await create(operator.headers, {
    citizenId: makeCitizenId(),
    name: '自然人',
    relatedPersons: [{ citizenId: makeCitizenId(), name: '他人', role: 'principal' }],
  });
  assert.equal(person.statusCode, 422);
  assert.equal(person.json().error.code, 'subject.not_organization');
});

test('an auditor reads subjects but cannot register them, and an unknown id answers 404', async () => {
  assert.equal((await create(auditor.headers, { uscc: makeUscc(), name: '审计不可登记' })).statusCode, 403);
  const missing = await t.app.inject({
    method: 'GET',
    url: '/api/v1/subjects/01a2204c-6652-7220-b3ad-733d55995bb3',
    headers: auditor.headers,
  });
  assert.equal(missing.statusCode, 404);
});

test('a related person can be added to an existing organization', async () => {
  const org = (await create(operator.headers, { uscc: makeUscc(), name: '示例区关联测试有限公司' })).json();
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/subjects/${org.id}/related-persons`,
    headers: operator.headers,
    payload: { citizenId: makeCitizenId(), name: '赵负责人', role: 'principal' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().relatedPersons.map((p: { role: string }) => p.role),
    ['principal'],
  );
});

test('a related person whose ID number is malformed is told about the citizen ID number, not the credit code', async () => {
  // 1980-00-01 is no birth date: the number is no valid citizen ID, and it must not be judged as a USCC either.
  const res = await create(operator.headers, {
    uscc: makeUscc(),
    name: '示例区关联人员测试有限公司',
    relatedPersons: [{ citizenId: '370125198000010011', name: '李某', role: 'legalRepresentative' }],
  });
  assert.equal(res.statusCode, 422, res.body);
  const { error } = res.json();
  assert.equal(error.code, 'subject.invalid_code');
  assert.equal(error.details.field, 'relatedPersons[0].citizenId');
  assert.match(error.message, /公民身份号码/);
  assert.doesNotMatch(res.body, /统一社会信用代码/);
});

test('a person linked later with a malformed ID number is told about the citizen ID number', async () => {
  const organization = (
    await create(operator.headers, { uscc: makeUscc(), name: '示例区后补关联人员有限公司' })
  ).json();
  const citizenId = makeCitizenId();
  const wrongCheck = citizenId.slice(0, 17) + (citizenId[17] === '0' ? '1' : '0');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/subjects/${organization.id}/related-persons`,
    headers: operator.headers,
    payload: { citizenId: wrongCheck, name: '赵某', role: 'principal' },
  });
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().error.details.field, 'body.citizenId');
  assert.match(res.json().error.message, /公民身份号码第18位校验码错误/);
});

test('a credit code filled in as a citizen ID number is named as a credit code in the wrong field', async () => {
  const res = await create(operator.headers, { citizenId: makeUscc(), name: '填错栏目' });
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().error.code, 'subject.wrong_code_type');
  assert.match(res.json().error.message, /不是公民身份号码/);
});
