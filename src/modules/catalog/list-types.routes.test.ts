import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { adminHeaders, createApiKey, createUser, departmentId, type Headers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Headers;
let operator: Headers;

before(async () => {
  t = await createTestApp();
  office = (await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' })).headers;
  operator = (await createUser(t, { roles: ['operator'], departmentCode: 'amr' })).headers;
});
after(() => t.close());

const uniqueCode = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

async function blackListBody(overrides: Record<string, unknown> = {}) {
  return {
    code: uniqueCode('black_test'),
    kind: 'black',
    name: '测试领域严重失信主体名单',
    legalBasis: '《中华人民共和国测试法》第十条',
    basisLevel: 'law',
    identifyingDepartmentId: await departmentId(t, 'amr'),
    criteria: '受到较重行政处罚且情节严重的。',
    periodMonths: 36,
    earlyRemovalMonths: 12,
    removalConditions: '期限届满移出；满一年可申请提前移出。',
    removalProcedure: '向认定部门申请信用修复。',
    remedies: '可申请行政复议或提起行政诉讼。',
    disclosure: { public: true, fields: ['subjectName', 'uscc', 'reason'], personIdentifiers: 'masked' },
    sharing: { departments: ['credit_office', 'finance'] },
    sourceNote: '测试数据。',
    ...overrides,
  };
}

async function create(body: Record<string, unknown>, headers = office) {
  return t.app.inject({ method: 'POST', url: '/api/v1/list-types', headers, payload: body });
}

async function createOk(overrides: Record<string, unknown> = {}) {
  const response = await create(await blackListBody(overrides));
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const patch = (id: string, payload: Record<string, unknown>, headers = office) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/list-types/${id}`, headers, payload });

describe('reading list types', () => {
  it('any authenticated caller lists the list types, users and department systems alike', async () => {
    const key = await createApiKey(t, 'finance');
    for (const headers of [operator, key.headers]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/list-types', headers });
      assert.equal(response.statusCode, 200);
      const codes = response.json().items.map((l: { code: string }) => l.code);
      assert.ok(codes.includes('black_amr') && codes.includes('red_tax_a'));
    }
  });

  it('an anonymous caller is refused with 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/list-types' });
    assert.equal(response.statusCode, 401);
  });

  it('?kind=red lists only red list types', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/list-types?kind=red', headers: operator });
    const kinds = new Set(response.json().items.map((l: { kind: string }) => l.kind));
    assert.deepEqual([...kinds], ['red']);
  });

  it('a list type shows its current version with its departments as id, code and name', async () => {
    const created = await createOk();
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/list-types/${created.id}`, headers: operator });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.version, 1);
    assert.deepEqual(body.identifyingDepartment, {
      id: await departmentId(t, 'amr'),
      code: 'amr',
      name: '示例区市场监督管理局',
    });
    assert.deepEqual(
      body.sharing.departments.map((d: { code: string }) => d.code),
      ['credit_office', 'finance'],
    );
    assert.equal(body.sharing.departments[1].id, await departmentId(t, 'finance'));
    assert.equal(body.statementPeriodWorkingDays, 5);
    assert.equal(body.updatedAt, t.clock.now().toISOString());
  });

  it('an unknown list type answers 404', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/list-types/019e0000-0000-7000-8000-000000000000',
      headers: operator,
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'list_type.not_found');
  });
});

describe('creating and changing list types', () => {
  it('the credit office creates a list type, with an event and an audit row', async () => {
    const created = await createOk();
    assert.equal(created.version, 1);
    const events = await t.ctx.db.selectFrom('events').selectAll().where('stream_id', '=', created.id).execute();
    assert.deepEqual(
      events.map((e) => [e.stream, e.type, e.payload]),
      [['list_type', 'list_type.created', { code: created.code, version: 1 }]],
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', `list_type:${created.id}`)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['list_type.created'],
    );
  });

  it('a change makes version 2 and the version an entry was decided under stays readable', async () => {
    const created = await createOk();
    t.clock.advance(60_000);
    const changed = await patch(created.id, { periodMonths: 24, legalBasis: '《中华人民共和国测试法》第十一条' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().version, 2);
    assert.equal(changed.json().periodMonths, 24);

    const v1 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/list-types/${created.id}/versions/1`,
      headers: operator,
    });
    assert.equal(v1.statusCode, 200);
    assert.equal(v1.json().periodMonths, 36);
    assert.equal(v1.json().legalBasis, '《中华人民共和国测试法》第十条');
    assert.equal(v1.json().identifyingDepartment.code, 'amr');
    assert.match(v1.json().changedBy, /^user:/);
    const v2 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/list-types/${created.id}/versions/2`,
      headers: operator,
    });
    assert.equal(v2.json().periodMonths, 24);
    const v3 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/list-types/${created.id}/versions/3`,
      headers: operator,
    });
    assert.equal(v3.statusCode, 404);

    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('stream_id', '=', created.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ['list_type.created', 'list_type.changed'],
    );
    assert.deepEqual(events[1]!.payload, { code: created.code, version: 2 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', `list_type:${created.id}`)
      .orderBy('seq')
      .execute();
    assert.deepEqual(audit[1]!.details.changed, ['legalBasis', 'periodMonths']);
  });

  it('an edit that changes nothing keeps the version and records nothing', async () => {
    const created = await createOk();
    const response = await patch(created.id, { periodMonths: 36, name: created.name });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().version, 1);
    const events = await t.ctx.db.selectFrom('events').select('type').where('stream_id', '=', created.id).execute();
    assert.equal(events.length, 1);
  });

  it('concurrent edits get consecutive versions', async () => {
    const created = await createOk();
    const responses = await Promise.all(
      [13, 14, 15, 16, 17].map((months) => patch(created.id, { periodMonths: months })),
    );
    assert.deepEqual(
      responses.map((r) => r.statusCode),
      [200, 200, 200, 200, 200],
    );
    assert.deepEqual(responses.map((r) => r.json().version).sort(), [2, 3, 4, 5, 6]);
    const versions = await t.ctx.db
      .selectFrom('list_type_versions')
      .select('version')
      .where('list_type_id', '=', created.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it('every level of legal basis is accepted, a local regulation included', async () => {
    for (const basisLevel of ['law', 'regulation', 'central_policy', 'ministry_rule', 'local_regulation']) {
      const created = await createOk({ basisLevel });
      assert.equal(created.basisLevel, basisLevel);
    }
  });

  it('a red list type has no statement period by default', async () => {
    const created = await createOk({ kind: 'red', code: uniqueCode('red_test'), earlyRemovalMonths: null });
    assert.equal(created.statementPeriodWorkingDays, 0);
    assert.equal(created.earlyRemovalMonths, null);
  });
});

describe('refusals', () => {
  it('an operator may not create or change a list type (403)', async () => {
    assert.equal((await create(await blackListBody(), operator)).statusCode, 403);
    const created = await createOk();
    assert.equal((await patch(created.id, { periodMonths: 12 }, operator)).statusCode, 403);
  });

  it('a department system may not create a list type (403)', async () => {
    const key = await createApiKey(t, 'amr');
    assert.equal((await create(await blackListBody(), key.headers)).statusCode, 403);
  });

  it('a list type without a legal basis is refused with 422 naming legalBasis', async () => {
    const body = await blackListBody();
    delete (body as Record<string, unknown>).legalBasis;
    for (const payload of [body, { ...body, legalBasis: '' }, { ...body, legalBasis: '   ' }]) {
      const response = await create(payload);
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.code, 'catalog.legal_basis_required');
      assert.equal(response.json().error.details.field, 'legalBasis');
    }
  });

  it('removing the legal basis by a change is refused too', async () => {
    const created = await createOk();
    const response = await patch(created.id, { legalBasis: '' });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details.field, 'legalBasis');
  });

  it('sharing with an unknown department is refused with 422 naming the field', async () => {
    const response = await create(await blackListBody({ sharing: { departments: ['finance', 'no_such_department'] } }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'catalog.department_unknown');
    assert.equal(response.json().error.details.field, 'sharing.departments');
    assert.deepEqual(response.json().error.details.codes, ['no_such_department']);
  });

  it('an unknown identifying department is refused with 422', async () => {
    const response = await create(
      await blackListBody({ identifyingDepartmentId: '019e0000-0000-7000-8000-000000000000' }),
    );
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details.field, 'identifyingDepartmentId');
  });

  it('neither the kind nor the code of a list type can change (422)', async () => {
    const created = await createOk();
    const response = await patch(created.id, { kind: 'red' });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'catalog.kind_immutable');
    assert.equal(response.json().error.details.field, 'kind');
    const renamed = await patch(created.id, { code: uniqueCode('other') });
    assert.equal(renamed.statusCode, 422);
    assert.equal(renamed.json().error.details.field, 'code');
  });

  it('an early removal later than the period is refused (422)', async () => {
    const response = await create(await blackListBody({ periodMonths: 12, earlyRemovalMonths: 24 }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details.field, 'earlyRemovalMonths');
  });

  it('a code already in use answers 409', async () => {
    const response = await create(await blackListBody({ code: 'black_amr' }));
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error.code, 'catalog.code_taken');
  });

  it('of two concurrent creates with one code, one succeeds and the other answers 409', async () => {
    const body = await blackListBody();
    const statuses = (await Promise.all([create(body), create(body)])).map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 409]);
  });

  it('a change to an unknown list type answers 404', async () => {
    const response = await patch('019e0000-0000-7000-8000-000000000000', { periodMonths: 12 });
    assert.equal(response.statusCode, 404);
  });

  it('an unknown field is refused with 400', async () => {
    const created = await createOk();
    const response = await patch(created.id, { periodMonth: 12 });
    assert.equal(response.statusCode, 400);
  });

  it('the administrator may edit the catalog as well', async () => {
    const created = await createOk();
    const response = await patch(created.id, { criteria: '修订后的认定标准。' }, await adminHeaders(t));
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().version, 2);
  });
});
