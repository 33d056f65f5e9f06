import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createApiKey, createUser, departmentId, type Headers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let office: Headers;
let operator: Headers;
const listTypeIds = new Map<string, string>();

before(async () => {
  t = await createTestApp();
  office = (await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' })).headers;
  operator = (await createUser(t, { roles: ['operator'], departmentCode: 'finance' })).headers;
  for (const l of await t.ctx.db.selectFrom('list_types').select(['id', 'code']).execute())
    listTypeIds.set(l.code, l.id);
});
after(() => t.close());

const lt = (code: string) => listTypeIds.get(code)!;

async function sanctionBody(overrides: Record<string, unknown> = {}) {
  return {
    code: `san_test_${randomBytes(4).toString('hex')}`,
    kind: 'sanction',
    title: '限制申请测试补贴',
    content: '在测试补贴审批中从严审核。',
    legalBasis:
      '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）',
    implementingDepartmentId: await departmentId(t, 'finance'),
    listTypeIds: [lt('black_amr'), lt('black_tax')],
    subjectRoles: ['organization', 'legalRepresentative'],
    scenarios: ['fiscal_funds'],
    ...overrides,
  };
}

const create = (payload: Record<string, unknown>, headers = office) =>
  t.app.inject({ method: 'POST', url: '/api/v1/measures', headers, payload });

async function createOk(overrides: Record<string, unknown> = {}) {
  const response = await create(await sanctionBody(overrides));
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

const patch = (id: string, payload: Record<string, unknown>, headers = office) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/measures/${id}`, headers, payload });

const getJson = async (url: string, headers = operator) => {
  const response = await t.app.inject({ method: 'GET', url, headers });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
};

describe('reading measures', () => {
  it('the measure catalog holds the seed incentives and sanctions, readable by a department system', async () => {
    const key = await createApiKey(t, 'prtc');
    const { items: measures } = await getJson('/api/v1/measures', key.headers);
    const kinds = new Set(measures.map((m: { kind: string }) => m.kind));
    assert.deepEqual([...kinds].sort(), ['incentive', 'sanction']);
    assert.ok(measures.every((m: { legalBasis: string }) => m.legalBasis.length > 0));
  });

  it('filters by kind, list type and scenario', async () => {
    const sanctions = (await getJson('/api/v1/measures?kind=sanction')).items;
    assert.ok(sanctions.length > 0 && sanctions.every((m: { kind: string }) => m.kind === 'sanction'));

    const forAmr = (await getJson(`/api/v1/measures?listTypeId=${lt('black_amr')}`)).items;
    assert.ok(forAmr.length > 0);
    assert.ok(forAmr.every((m: { listTypes: { code: string }[] }) => m.listTypes.some((l) => l.code === 'black_amr')));

    const trading = (await getJson('/api/v1/measures?scenario=public_resource_trading&kind=incentive')).items;
    assert.ok(trading.length > 0);
    assert.ok(
      trading.every(
        (m: { scenarios: string[]; kind: string }) =>
          m.scenarios.includes('public_resource_trading') && m.kind === 'incentive',
      ),
    );
  });

  it('a measure shows its implementing department and its list types as id, code and name', async () => {
    const created = await createOk();
    const body = await getJson(`/api/v1/measures/${created.id}`);
    assert.deepEqual(body.implementingDepartment, {
      id: await departmentId(t, 'finance'),
      code: 'finance',
      name: '示例区财政局',
    });
    assert.deepEqual(
      body.listTypes.map((l: { id: string; code: string; name: string }) => [l.id, l.code, l.name]),
      [
        [lt('black_amr'), 'black_amr', '市场监督管理严重违法失信名单'],
        [lt('black_tax'), 'black_tax', '重大税收违法失信主体'],
      ],
    );
    assert.equal(body.version, 1);
    assert.equal(body.active, true);
  });

  it('an unknown measure answers 404', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/measures/019e0000-0000-7000-8000-000000000000',
      headers: operator,
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'measure.not_found');
  });

  it('the scenarios are listed with their Chinese names', async () => {
    const { items: scenarios } = await getJson('/api/v1/scenarios');
    assert.ok(
      scenarios.some(
        (s: { code: string; name: string }) => s.code === 'administrative_licensing' && s.name === '行政许可',
      ),
    );
  });
});

describe('creating and changing measures', () => {
  it('a change makes version 2, keeps version 1 readable, and is recorded', async () => {
    const created = await createOk();
    const changed = await patch(created.id, { scenarios: ['fiscal_funds', 'administrative_licensing'], active: false });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().version, 2);
    assert.equal(changed.json().active, false);

    const v1 = await getJson(`/api/v1/measures/${created.id}/versions/1`);
    assert.deepEqual(v1.scenarios, ['fiscal_funds']);
    assert.equal(v1.active, true);
    assert.equal((await getJson(`/api/v1/measures/${created.id}/versions/2`)).active, false);
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/v1/measures/${created.id}/versions/3`,
      headers: operator,
    });
    assert.equal(missing.statusCode, 404);

    const events = await t.ctx.db
      .selectFrom('events')
      .select(['stream', 'type', 'payload'])
      .where('stream_id', '=', created.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.stream, e.type, e.payload]),
      [
        ['measure', 'measure.created', { code: created.code, version: 1 }],
        ['measure', 'measure.changed', { code: created.code, version: 2 }],
      ],
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `measure:${created.id}`)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['measure.created', 'measure.changed'],
    );
  });

  it('an incentive may apply to red list types', async () => {
    const created = await createOk({
      kind: 'incentive',
      code: `inc_test_${randomBytes(4).toString('hex')}`,
      listTypeIds: [lt('red_tax_a')],
    });
    assert.equal(created.kind, 'incentive');
  });
});

describe('refusals', () => {
  it('an operator may not create or change a measure (403)', async () => {
    assert.equal((await create(await sanctionBody(), operator)).statusCode, 403);
    const created = await createOk();
    assert.equal((await patch(created.id, { title: '改名' }, operator)).statusCode, 403);
  });

  it('a measure without a legal basis is refused with 422 naming legalBasis', async () => {
    const body = await sanctionBody();
    delete (body as Record<string, unknown>).legalBasis;
    for (const payload of [body, { ...body, legalBasis: ' ' }]) {
      const response = await create(payload);
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.details.field, 'legalBasis');
    }
  });

  it('an incentive on a black list type is refused with 422', async () => {
    const response = await create(
      await sanctionBody({ kind: 'incentive', listTypeIds: [lt('red_tax_a'), lt('black_amr')] }),
    );
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'catalog.measure_list_kind_mismatch');
    assert.equal(response.json().error.details.field, 'listTypeIds');
    assert.deepEqual(response.json().error.details.codes, ['black_amr']);
  });

  it('a sanction on a red list type is refused with 422, also by a change', async () => {
    assert.equal((await create(await sanctionBody({ listTypeIds: [lt('red_tax_a')] }))).statusCode, 422);
    const created = await createOk();
    const response = await patch(created.id, { listTypeIds: [lt('red_labor_a')] });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'catalog.measure_list_kind_mismatch');
  });

  it('unknown list types, scenarios and departments are refused with 422 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ listTypeIds: ['019e0000-0000-7000-8000-000000000000'] }, 'listTypeIds'],
      [{ scenarios: ['fiscal_funds', 'no_such_scenario'] }, 'scenarios'],
      [{ implementingDepartmentId: '019e0000-0000-7000-8000-000000000000' }, 'implementingDepartmentId'],
    ];
    for (const [overrides, field] of cases) {
      const response = await create(await sanctionBody(overrides));
      assert.equal(response.statusCode, 422, field);
      assert.equal(response.json().error.details.field, field);
    }
  });

  it('the kind of a measure cannot change (422)', async () => {
    const created = await createOk();
    const response = await patch(created.id, { kind: 'incentive' });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.details.field, 'kind');
  });

  it('an unknown subject role is refused with 400', async () => {
    const response = await create(await sanctionBody({ subjectRoles: ['shareholder'] }));
    assert.equal(response.statusCode, 400);
  });

  it('a change to an unknown measure answers 404', async () => {
    const response = await patch('019e0000-0000-7000-8000-000000000000', { title: '改名' });
    assert.equal(response.statusCode, 404);
  });
});
