import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listTypeId, makeCitizenId, makeUscc, post } from '../../test/entry-fixtures.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, proposeRecord, publishRedEntry, recordBody } from './records.test-support.ts';

let t: TestApp;
let amrOperator: TestUser,
  amrReviewer: TestUser,
  taxOperator: TestUser,
  taxReviewer: TestUser,
  creditOffice: TestUser,
  auditor: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
});
after(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const countRecords = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('recording a penalty decision', () => {
  test('the severity class, rule version and periods come from the catalog mapping of domain and penalty type', async () => {
    const cases = [
      { penaltyType: 'warning', severity: 'minor', label: '轻微', disclosed: false, earliest: null, end: '2026-06-02' },
      {
        penaltyType: 'fine',
        severity: 'general',
        label: '一般',
        disclosed: true,
        earliest: '2026-06-02',
        end: '2027-03-02',
      },
      {
        penaltyType: 'revocation',
        severity: 'serious',
        label: '严重',
        disclosed: true,
        earliest: '2027-03-02',
        end: '2029-03-02',
      },
    ];
    for (const c of cases) {
      const res = await post(t, '/api/v1/records', amrOperator.headers, recordBody({ penaltyType: c.penaltyType }));
      assert.equal(res.statusCode, 201, res.body);
      const r = res.json();
      assert.equal(r.state, 'in_effect');
      assert.equal(r.severity, c.severity);
      assert.equal(r.severityLabel, c.label);
      assert.equal(r.ruleVersion, '2025-22');
      assert.equal(r.disclosed, c.disclosed);
      assert.equal(r.earliestRepairDate, c.earliest);
      assert.equal(r.disclosureEnd, c.end);
      assert.equal(r.department.code, 'amr');
      assert.equal(r.domain.name, '市场监管');
      assert.equal(r.objectionPending, false);
      assert.equal(r.amount, '5000.00');
    }
  });

  test("a decision recorded after its domain's 双公示 working days is marked late, and the credit office can list those", async () => {
    // Tax: 7 working days. Decided Monday 5 January 2026: due Wednesday 14 January; recorded 2 March.
    const late = await createRecord(t, taxOperator.headers, {
      domain: 'tax',
      decisionDate: '2026-01-05',
      decisionNo: '示税罚〔2026〕105号',
    });
    assert.deepEqual(late.publication, { workingDays: 7, dueDate: '2026-01-14', late: true });
    // Market regulation: 20 working days, decided the day it is recorded.
    const onTime = await createRecord(t, amrOperator.headers, { decisionDate: '2026-03-02' });
    assert.deepEqual(onTime.publication, { workingDays: 20, dueDate: '2026-03-30', late: false });

    const lateIds = (await get('/api/v1/records?publicationLate=true&limit=200', creditOffice.headers))
      .json()
      .items.map((r: { id: string }) => r.id);
    assert.ok(lateIds.includes(late.id));
    assert.ok(!lateIds.includes(onTime.id));
    const onTimeIds = (await get('/api/v1/records?publicationLate=false&limit=200', creditOffice.headers))
      .json()
      .items.map((r: { id: string }) => r.id);
    assert.ok(onTimeIds.includes(onTime.id) && !onTimeIds.includes(late.id));
  });

  test('the record, its event and its audit row are written together', async () => {
    const r = await createRecord(t, amrOperator.headers, { penaltyType: 'fine' });
    const events = (await get(`/api/v1/records/${r.id}/events`, amrOperator.headers)).json().items;
    assert.deepEqual(
      events.map((e: { type: string }) => e.type),
      ['record.created'],
    );
    assert.equal(events[0].payload.severity, 'general');
    assert.equal(r.dataVersion, events[0].dataVersion);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `record:${r.id}`)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['record.created'],
    );
  });

  test('a minor record the department decides to disclose is disclosed', async () => {
    const r = await createRecord(t, amrOperator.headers, { penaltyType: 'warning', discloseMinor: true });
    assert.equal(r.severity, 'minor');
    assert.equal(r.disclosed, true);
  });

  test('a person’s ID number appears only masked in the record and its event', async () => {
    const citizenId = makeCitizenId();
    const r = await createRecord(t, amrOperator.headers, { subject: { citizenId, name: '孙个人' } });
    assert.equal(r.subject.kind, 'person');
    assert.match(r.subject.citizenIdMasked, /\*{10}/);
    assert.ok(!(await get(`/api/v1/records/${r.id}`, amrOperator.headers)).body.includes(citizenId));
    assert.ok(!(await get(`/api/v1/records/${r.id}/events`, amrOperator.headers)).body.includes(citizenId));
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('target', 'like', 'subject:%')
      .execute();
    assert.ok(!JSON.stringify(audit).includes(citizenId));
  });

  test('bad input is refused naming the field, and writes nothing', async () => {
    const before = await countRecords();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ domain: 'no_such_domain' }, 422, 'record.unknown_domain', 'domain'],
      [{ penaltyType: 'detention' }, 422, 'record.unclassified', 'penaltyType'],
      [{ subject: { uscc: '91370125MA3C00000X', name: '无效代码公司' } }, 422, 'subject.invalid_code', 'subject.uscc'],
      [{ decisionDate: '2026-03-03' }, 422, 'record.date_in_future', 'decisionDate'],
    ];
    for (const [overrides, status, code, field] of cases) {
      const res = await post(t, '/api/v1/records', amrOperator.headers, recordBody(overrides));
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code);
      assert.equal(res.json().error.details.field, field);
    }
    const malformed = await post(t, '/api/v1/records', amrOperator.headers, { ...recordBody(), amount: '12.345' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(await countRecords(), before);
  });

  test('a decision number already recorded by the department is a conflict; another department may use it', async () => {
    const first = await createRecord(t, amrOperator.headers);
    const again = await post(t, '/api/v1/records', amrReviewer.headers, recordBody({ decisionNo: first.decisionNo }));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'record.duplicate_decision_no');
    const tax = await post(
      t,
      '/api/v1/records',
      taxOperator.headers,
      recordBody({ decisionNo: first.decisionNo, domain: 'tax' }),
    );
    assert.equal(tax.statusCode, 201, tax.body);
  });

  test("a department records only in the domains the credit office gave it: another regulator's domain answers 403 and writes nothing", async () => {
    const before = await countRecords();
    const intruding = await post(
      t,
      '/api/v1/records',
      taxOperator.headers,
      recordBody({ domain: 'market_regulation' }),
    );
    assert.equal(intruding.statusCode, 403, intruding.body);
    assert.equal(intruding.json().error.code, 'record.domain_not_held');
    assert.match(intruding.json().error.message, /「市场监管」领域/);
    assert.equal(await countRecords(), before);

    // A department may hold several domains: the credit office gives tax a second one, and the first still works.
    const given = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/catalog/record-domains/market_regulation/recording-departments',
      headers: creditOffice.headers,
      payload: { departments: ['amr', 'tax'] },
    });
    assert.equal(given.statusCode, 200, given.body);
    assert.equal(
      (await post(t, '/api/v1/records', taxOperator.headers, recordBody({ domain: 'market_regulation' }))).statusCode,
      201,
    );
    assert.equal(
      (await post(t, '/api/v1/records', taxOperator.headers, recordBody({ domain: 'tax' }))).statusCode,
      201,
    );
    assert.equal(
      (await post(t, '/api/v1/records', amrOperator.headers, recordBody({ domain: 'tax' }))).statusCode,
      403,
    );
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/catalog/record-domains/market_regulation/recording-departments',
      headers: creditOffice.headers,
      payload: { departments: ['amr'] },
    });
    assert.equal(
      (await post(t, '/api/v1/records', taxOperator.headers, recordBody({ domain: 'market_regulation' }))).statusCode,
      403,
      'taken back',
    );
  });

  test('only department operators and reviewers record; the credit office and auditors may not', async () => {
    for (const user of [creditOffice, auditor]) {
      const res = await post(t, '/api/v1/records', user.headers, recordBody());
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'record.forbidden');
    }
  });

  test('a serious record takes the subject off every red list at once', async () => {
    const uscc = makeUscc();
    const red = await publishRedEntry(t, {
      operator: taxOperator,
      reviewer: taxReviewer,
      listTypeCode: 'red_tax_a',
      subject: { uscc, name: '示例区红转黑有限公司' },
      validFrom: '2026-03-01',
    });
    assert.equal(red.state, 'in_effect');
    await createRecord(t, amrOperator.headers, {
      subject: { uscc, name: '示例区红转黑有限公司' },
      penaltyType: 'fine',
    });
    assert.equal(
      (await get(`/api/v1/entries/${red.id}`, taxReviewer.headers)).json().state,
      'in_effect',
      'a general record leaves red lists alone',
    );
    const serious = await createRecord(t, amrOperator.headers, {
      subject: { uscc, name: '示例区红转黑有限公司' },
      penaltyType: 'suspension',
    });
    const ended = (await get(`/api/v1/entries/${red.id}`, taxReviewer.headers)).json();
    assert.equal(ended.state, 'ended');
    assert.equal(ended.ended.reason, 'superseded_by_black');
    assert.match(ended.ended.note, new RegExp(serious.id));
  });

  test('a subject with a serious record in effect cannot be nominated to a red list', async () => {
    const uscc = makeUscc();
    await createRecord(t, amrOperator.headers, {
      subject: { uscc, name: '示例区严重失信有限公司' },
      penaltyType: 'revocation',
    });
    const res = await post(t, '/api/v1/entries', taxOperator.headers, {
      listTypeId: await listTypeId(t, 'red_tax_a'),
      subject: { uscc, name: '示例区严重失信有限公司' },
      reason: '纳税信用 A 级',
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'entry.subject_has_serious_record');
  });
});

describe('who sees which records', () => {
  let amrRecord: { id: string; subject: { id: string } };
  before(async () => {
    amrRecord = await createRecord(t, amrOperator.headers, { penaltyType: 'suspension' });
  });

  test('a department lists its own records; the credit office and auditors see every department’s', async () => {
    const ids = async (user: TestUser, query = '') =>
      (await get(`/api/v1/records?limit=200${query}`, user.headers)).json().items.map((r: { id: string }) => r.id);
    assert.ok((await ids(amrOperator)).includes(amrRecord.id));
    assert.ok(!(await ids(taxOperator)).includes(amrRecord.id));
    assert.ok((await ids(creditOffice)).includes(amrRecord.id));
    assert.ok((await ids(auditor)).includes(amrRecord.id));
    assert.deepEqual(await ids(amrOperator, `&subjectId=${amrRecord.subject.id}`), [amrRecord.id]);
    assert.ok(!(await ids(amrOperator, '&severity=minor')).includes(amrRecord.id));
    assert.ok((await ids(amrOperator, '&severity=serious&state=in_effect')).includes(amrRecord.id));
  });

  test('another department gets 404 for a record and its events', async () => {
    assert.equal((await get(`/api/v1/records/${amrRecord.id}`, taxOperator.headers)).statusCode, 404);
    assert.equal((await get(`/api/v1/records/${amrRecord.id}/events`, taxOperator.headers)).statusCode, 404);
    assert.equal((await get(`/api/v1/records/${amrRecord.id}`, auditor.headers)).statusCode, 200);
  });
});

describe('reviewer decisions on a record', () => {
  test('the reviewer discloses a minor record and withdraws it again, each an event', async () => {
    const r = await createRecord(t, amrOperator.headers, { penaltyType: 'warning' });
    const shown = await post(t, `/api/v1/records/${r.id}/disclosure`, amrReviewer.headers, {
      disclosed: true,
      note: '社会影响较大，决定公示',
    });
    assert.equal(shown.statusCode, 200, shown.body);
    assert.equal(shown.json().disclosed, true);
    const hidden = await post(t, `/api/v1/records/${r.id}/disclosure`, amrReviewer.headers, {
      disclosed: false,
      note: '撤下公示',
    });
    assert.equal(hidden.json().disclosed, false);
    const types = (await get(`/api/v1/records/${r.id}/events`, amrReviewer.headers))
      .json()
      .items.map((e: { type: string }) => e.type);
    assert.deepEqual(types, ['record.created', 'record.disclosure_changed', 'record.disclosure_changed']);
  });

  test('a general record cannot be withdrawn from disclosure', async () => {
    const r = await createRecord(t, amrOperator.headers, { penaltyType: 'fine' });
    const res = await post(t, `/api/v1/records/${r.id}/disclosure`, amrReviewer.headers, {
      disclosed: false,
      note: '撤下',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'record.disclosure_required');
  });

  test('the wrong role, the wrong department and the wrong state are refused', async () => {
    const r = await createRecord(t, amrOperator.headers, { penaltyType: 'warning' });
    const disclose = (user: TestUser) =>
      post(t, `/api/v1/records/${r.id}/disclosure`, user.headers, { disclosed: true, note: '公示' });
    const operator = await disclose(amrOperator);
    assert.equal(operator.statusCode, 403);
    assert.equal(operator.json().error.code, 'record.reviewer_required');
    assert.equal(
      operator.json().error.message,
      '只有本部门的审核人员可以变更失信信息的公示决定。',
      'the refusal names the step',
    );
    const revokedByOperator = await post(t, `/api/v1/records/${r.id}/revocation`, amrOperator.headers, {
      note: '撤销',
    });
    assert.equal(revokedByOperator.json().error.message, '只有本部门的审核人员可以撤销失信信息。');
    assert.equal((await disclose(taxReviewer)).statusCode, 404, 'a department that cannot see it');
    const office = await disclose(creditOffice);
    assert.equal(office.statusCode, 403, 'the credit office sees it but did not decide it');
    assert.equal(office.json().error.code, 'record.other_department');

    const revoked = await post(t, `/api/v1/records/${r.id}/revocation`, amrReviewer.headers, {
      note: '处罚决定被复议机关撤销',
    });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().state, 'ended');
    assert.equal(revoked.json().ended.reason, 'revoked');
    for (const path of ['disclosure', 'revocation', 'confirmation', 'dismissal']) {
      const res = await post(
        t,
        `/api/v1/records/${r.id}/${path}`,
        amrReviewer.headers,
        path === 'disclosure' ? { disclosed: true, note: '再次' } : { note: '再次' },
      );
      assert.equal(res.statusCode, 409, path);
      assert.equal(res.json().error.code, 'record.invalid_state');
      assert.equal(res.json().error.details.state, 'ended');
      assert.match(res.json().error.message, /已终止/);
    }
  });

  test('a record proposed from a broken commitment is confirmed or dismissed by the reviewer', async () => {
    const subject = await createRecord(t, amrOperator.headers);
    const toConfirm = await proposeRecord(t, 'amr', { subjectId: subject.subject.id });
    const toDismiss = await proposeRecord(t, 'amr', { subjectId: subject.subject.id });
    const proposed = (await get(`/api/v1/records/${toConfirm}`, amrReviewer.headers)).json();
    assert.equal(proposed.state, 'proposed');
    assert.equal(proposed.severity, 'general');

    assert.equal(
      (await post(t, `/api/v1/records/${toConfirm}/revocation`, amrReviewer.headers, { note: '撤销' })).statusCode,
      409,
    );
    assert.equal((await post(t, `/api/v1/records/${toConfirm}/confirmation`, amrOperator.headers, {})).statusCode, 403);
    const confirmed = await post(t, `/api/v1/records/${toConfirm}/confirmation`, amrReviewer.headers, {
      note: '经核实未履行承诺',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().state, 'in_effect');
    const dismissed = await post(t, `/api/v1/records/${toDismiss}/dismissal`, amrReviewer.headers, {
      note: '已补正，不予记录',
    });
    assert.equal(dismissed.json().state, 'dismissed');
    const types = async (id: string) =>
      (await get(`/api/v1/records/${id}/events`, amrReviewer.headers))
        .json()
        .items.map((e: { type: string }) => e.type);
    assert.deepEqual(await types(toConfirm), ['record.proposed', 'record.confirmed']);
    assert.deepEqual(await types(toDismiss), ['record.proposed', 'record.dismissed']);
    assert.equal((await post(t, `/api/v1/records/${toDismiss}/confirmation`, amrReviewer.headers, {})).statusCode, 409);
  });
});
