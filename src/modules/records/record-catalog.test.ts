import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { post } from '../../test/entry-fixtures.ts';
import { adminHeaders, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { catalogStreamId } from './record-catalog.streams.ts';
import { createRecord } from './records.test-support.ts';

let t: TestApp;
let amrOperator: TestUser, amrReviewer: TestUser, creditOffice: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
});
after(() => t.close());

const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
const put = (url: string, headers: Headers, payload: object) => t.app.inject({ method: 'PUT', url, headers, payload });
const streamTypes = async (stream: string, key: string) =>
  (
    await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream', '=', stream)
      .where('stream_id', '=', catalogStreamId(stream as 'severity_rule', key))
      .orderBy('version')
      .execute()
  ).map((e) => e.type);

describe('the catalog of dishonesty records', () => {
  test('everyone signed in reads the severity rules, the domains and the mapping, with Chinese names', async () => {
    const rules = (await get('/api/v1/catalog/severity-rules', amrOperator.headers)).json().items;
    assert.deepEqual(
      rules.map((r: { severity: string; severityLabel: string; minMonths: number | null; maxMonths: number }) => [
        r.severity,
        r.severityLabel,
        r.minMonths,
        r.maxMonths,
      ]),
      [
        ['minor', '轻微', null, 3],
        ['general', '一般', 3, 12],
        ['serious', '严重', 12, 36],
      ],
    );
    const domains = (await get('/api/v1/catalog/record-domains', amrOperator.headers)).json().items;
    const amr = domains.find((d: { code: string }) => d.code === 'market_regulation');
    assert.deepEqual(
      { name: amr.name, days: amr.disclosureWorkingDays, sharing: amr.sharing },
      { name: '市场监管', days: 20, sharing: { departments: 'all' } },
    );
    assert.equal(domains.find((d: { code: string }) => d.code === 'tax').disclosureWorkingDays, 7);
    const classes = (await get('/api/v1/catalog/penalty-classes?domain=tax', amrOperator.headers)).json().items;
    const byType = Object.fromEntries(
      classes.map((c: { penaltyType: { code: string; name: string }; severity: string }) => [
        c.penaltyType.code,
        [c.penaltyType.name, c.severity],
      ]),
    );
    assert.deepEqual(byType.warning, ['警告、通报批评', 'minor']);
    assert.deepEqual(byType.fine, ['罚款', 'general']);
    assert.deepEqual(byType.confiscation[1], 'general');
    assert.deepEqual(byType.revocation, ['吊销许可证件、责令关闭', 'serious']);
    assert.deepEqual(byType.suspension[1], 'serious');
    assert.deepEqual(byType.restriction[1], 'serious');
    assert.equal((await get('/api/v1/catalog/severity-rules', {})).statusCode, 401);
  });

  test('new periods get a new rule version and apply only to records made afterwards', async () => {
    const before = await createRecord(t, amrOperator.headers, { penaltyType: 'fine' });
    const res = await put('/api/v1/catalog/severity-rules/general', creditOffice.headers, {
      minMonths: 6,
      maxMonths: 24,
      disclosedByDefault: true,
      source: '地方性法规示例',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().ruleVersion, '2026-03-02');
    assert.equal(res.json().maxMonths, 24);
    const after = await createRecord(t, amrOperator.headers, { penaltyType: 'fine' });
    assert.deepEqual(
      [after.ruleVersion, after.disclosureEnd, after.earliestRepairDate],
      ['2026-03-02', '2028-03-02', '2026-09-02'],
    );
    const kept = (await get(`/api/v1/records/${before.id}`, amrOperator.headers)).json();
    assert.deepEqual(
      [kept.ruleVersion, kept.disclosureEnd, kept.earliestRepairDate],
      ['2025-22', '2027-03-02', '2026-06-02'],
    );

    const second = await put('/api/v1/catalog/severity-rules/general', creditOffice.headers, {
      minMonths: 3,
      maxMonths: 12,
      disclosedByDefault: true,
      source: '国办发〔2025〕22号',
    });
    assert.equal(second.json().ruleVersion, '2026-03-02.2', 'a second change on one day');
    const same = await put('/api/v1/catalog/severity-rules/general', creditOffice.headers, {
      minMonths: 3,
      maxMonths: 12,
      disclosedByDefault: true,
      source: '国办发〔2025〕22号',
    });
    assert.equal(same.json().ruleVersion, '2026-03-02.2', 'an edit that changes nothing');
    assert.deepEqual(await streamTypes('severity_rule', 'general'), ['severity_rule.changed', 'severity_rule.changed']);
  });

  test('a minimum period longer than the maximum is refused naming the field', async () => {
    const res = await put('/api/v1/catalog/severity-rules/serious', creditOffice.headers, {
      minMonths: 40,
      maxMonths: 36,
      disclosedByDefault: true,
      source: 'x',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.details.field, 'minMonths');
  });

  test('the mapping of a penalty type changes the class of new records only', async () => {
    const before = await createRecord(t, amrOperator.headers, { penaltyType: 'confiscation' });
    const res = await put('/api/v1/catalog/penalty-classes/market_regulation/confiscation', creditOffice.headers, {
      severity: 'serious',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().severityLabel, '严重');
    assert.equal((await createRecord(t, amrOperator.headers, { penaltyType: 'confiscation' })).severity, 'serious');
    assert.equal((await get(`/api/v1/records/${before.id}`, amrOperator.headers)).json().severity, 'general');
    assert.deepEqual(await streamTypes('penalty_class', 'market_regulation/confiscation'), ['penalty_class.set']);

    const added = await put(
      '/api/v1/catalog/penalty-classes/market_regulation/detention_notice',
      creditOffice.headers,
      { severity: 'minor' },
    );
    assert.equal(added.statusCode, 200, added.body);
    assert.equal((await createRecord(t, amrOperator.headers, { penaltyType: 'detention_notice' })).severity, 'minor');
    assert.equal(
      (await put('/api/v1/catalog/penalty-classes/no_domain/fine', creditOffice.headers, { severity: 'minor' }))
        .statusCode,
      404,
    );
  });

  test('the seeded domains name the departments that record in them, and only the credit office changes that', async () => {
    const domains = (await get('/api/v1/catalog/record-domains', amrOperator.headers)).json().items;
    const holders = Object.fromEntries(
      domains.map((d: { code: string; recordingDepartments: { code: string }[] }) => [
        d.code,
        d.recordingDepartments.map((r) => r.code),
      ]),
    );
    assert.deepEqual(holders.market_regulation, ['amr']);
    assert.deepEqual(holders.food_drug, ['amr'], 'one department holds several domains');
    assert.deepEqual(holders.tax, ['tax']);

    const url = '/api/v1/catalog/record-domains/work_safety/recording-departments';
    assert.equal((await put(url, amrReviewer.headers, { departments: ['amr'] })).statusCode, 403);
    const unknown = await put(url, creditOffice.headers, { departments: ['emergency', 'nowhere'] });
    assert.equal(unknown.statusCode, 422);
    assert.deepEqual(
      [unknown.json().error.code, unknown.json().error.details.field],
      ['record_domain.unknown_department', 'departments[1]'],
    );
    assert.equal(
      (
        await put('/api/v1/catalog/record-domains/nowhere/recording-departments', creditOffice.headers, {
          departments: [],
        })
      ).statusCode,
      404,
    );

    const set = await put(url, creditOffice.headers, { departments: ['emergency', 'housing', 'emergency'] });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(
      set.json().recordingDepartments.map((d: { code: string }) => d.code),
      ['emergency', 'housing'],
    );
    assert.deepEqual(
      (await get('/api/v1/catalog/record-domains/work_safety', amrOperator.headers))
        .json()
        .recordingDepartments.map((d: { code: string }) => d.code),
      ['emergency', 'housing'],
    );
    assert.deepEqual(await streamTypes('record_domain', 'work_safety'), ['record_domain.recording_departments_set']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'record_domain.recording_departments_set')
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, {
      code: 'work_safety',
      recordingDepartments: ['emergency', 'housing'],
      previous: ['emergency'],
    });
    assert.equal((await put(url, creditOffice.headers, { departments: ['housing', 'emergency'] })).statusCode, 200);
    assert.equal((await streamTypes('record_domain', 'work_safety')).length, 1, 'the same set again is no change');

    const created = await post(t, '/api/v1/catalog/record-domains', creditOffice.headers, {
      code: 'urban_management',
      name: '综合行政执法',
      sharing: { departments: 'all' },
      disclosureWorkingDays: 7,
      recordingDepartments: ['housing'],
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(
      created.json().recordingDepartments.map((d: { code: string }) => d.code),
      ['housing'],
    );
  });

  test('the credit office adds and changes domains; sharing names existing departments', async () => {
    const created = await post(t, '/api/v1/catalog/record-domains', creditOffice.headers, {
      code: 'culture_tourism',
      name: '文化旅游',
      sharing: { departments: 'all' },
      disclosureWorkingDays: 7,
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(
      (
        await post(t, '/api/v1/catalog/record-domains', creditOffice.headers, {
          code: 'culture_tourism',
          name: '重复',
          sharing: { departments: 'all' },
          disclosureWorkingDays: 7,
        })
      ).statusCode,
      409,
    );
    const bad = await put('/api/v1/catalog/record-domains/culture_tourism', creditOffice.headers, {
      name: '文化旅游',
      sharing: { departments: ['amr', 'nowhere'] },
      disclosureWorkingDays: 7,
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.details.field, 'sharing.departments[1]');
    const amrId = (
      await t.ctx.db.selectFrom('departments').select('id').where('code', '=', 'amr').executeTakeFirstOrThrow()
    ).id;
    const changed = await put('/api/v1/catalog/record-domains/culture_tourism', creditOffice.headers, {
      name: '文化和旅游',
      sharing: { departments: [amrId, 'tax'] },
      disclosureWorkingDays: 10,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().sharing, { departments: ['amr', 'tax'] }, 'stored by code');
    assert.deepEqual(await streamTypes('record_domain', 'culture_tourism'), [
      'record_domain.created',
      'record_domain.changed',
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', 'record_domain:culture_tourism')
      .execute();
    assert.equal(audit.length, 2);
    assert.equal(
      (
        await put('/api/v1/catalog/record-domains/nowhere', creditOffice.headers, {
          name: 'x',
          sharing: { departments: 'all' },
          disclosureWorkingDays: 1,
        })
      ).statusCode,
      404,
    );
  });

  test('only the credit office and administrators change the catalog', async () => {
    for (const user of [amrOperator, amrReviewer]) {
      assert.equal(
        (
          await put('/api/v1/catalog/severity-rules/minor', user.headers, {
            minMonths: null,
            maxMonths: 6,
            disclosedByDefault: false,
            source: 'x',
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (await put('/api/v1/catalog/penalty-classes/tax/fine', user.headers, { severity: 'serious' })).statusCode,
        403,
      );
      assert.equal(
        (
          await post(t, '/api/v1/catalog/record-domains', user.headers, {
            code: 'sports',
            name: '体育',
            sharing: { departments: 'all' },
            disclosureWorkingDays: 7,
          })
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await put('/api/v1/catalog/record-domains/tax', user.headers, {
            name: '税务',
            sharing: { departments: ['tax'] },
            disclosureWorkingDays: 7,
          })
        ).statusCode,
        403,
      );
    }
    const admin = await adminHeaders(t);
    assert.equal(
      (await put('/api/v1/catalog/penalty-classes/tax/warning', admin, { severity: 'minor' })).statusCode,
      200,
    );
    assert.equal((await get('/api/v1/catalog/severity-rules/minor', amrOperator.headers)).json().maxMonths, 3);
  });
});
