import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createApiKey, createUser, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc, post } from '../../test/entry-fixtures.ts';

let t: TestApp;
let amrOperator: TestUser, amrReviewer: TestUser, taxOperator: TestUser, creditOffice: TestUser, auditor: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
});
after(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

function body(extra: Record<string, unknown> = {}) {
  return {
    subject: { uscc: makeUscc(), name: '示例区承诺测试有限公司' },
    type: 'approval_substitute',
    content: '本单位承诺所填报的经营场所信息真实有效，符合审批条件。',
    liability: '如有不实，愿意承担撤销许可、记入信用记录等责任。',
    term: { start: '2026-03-02', end: '2026-09-01' },
    matter: { name: '食品经营许可', number: 'SP2026-0001' },
    ...extra,
  };
}

async function record(extra: Record<string, unknown> = {}) {
  const res = await post(t, '/api/v1/commitments', amrOperator.headers, body(extra));
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

describe('recording commitments', () => {
  test('a department records a commitment under a 20-character code of division, China date and daily serial', async () => {
    t.clock.set('2026-03-02T17:00:00Z'); // already 3 March in China
    const first = await record();
    const second = await record();
    assert.match(first.code, /^37011520260303\d{6}$/);
    assert.equal(first.code.length, 20);
    assert.equal(Number(second.code.slice(14)), Number(first.code.slice(14)) + 1);
    assert.equal(first.state, 'open');
    assert.equal(first.typeLabel, '审批替代型');
    assert.deepEqual(first.term, { start: '2026-03-02', end: '2026-09-01' });
    assert.deepEqual(first.matter, { name: '食品经营许可', number: 'SP2026-0001' });
    assert.equal(first.department.code, 'amr');

    const byCode = await get(`/api/v1/commitments/by-code/${first.code}`, amrReviewer.headers);
    assert.equal(byCode.statusCode, 200, byCode.body);
    assert.equal(byCode.json().id, first.id);
    const events = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('stream', '=', 'commitment')
      .where('stream_id', '=', first.id)
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ['commitment.recorded'],
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', `commitment:${first.id}`)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['commitment.recorded'],
    );
    t.clock.set('2026-03-02T02:00:00Z');
  });

  test('a business system records commitments with its API key, and a person appears with the ID number masked', async () => {
    const key = await createApiKey(t, 'amr');
    const citizenId = makeCitizenId();
    const res = await post(
      t,
      '/api/v1/commitments',
      key.headers,
      body({ subject: { citizenId, name: '王承诺' }, type: 'certification' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().subject.citizenIdMasked.length, 18);
    assert.ok(!res.body.includes(citizenId), 'the ID number never leaves in clear');
  });

  test('departments see their own commitments, the credit office and auditors see all, filtered by subject, state and type', async () => {
    const uscc = makeUscc();
    const mine = await record({ subject: { uscc, name: '示例区筛选测试有限公司' }, type: 'self_discipline' });
    const other = await get(`/api/v1/commitments/${mine.id}`, taxOperator.headers);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'commitment.not_found');
    assert.equal((await get(`/api/v1/commitments/by-code/${mine.code}`, taxOperator.headers)).statusCode, 404);
    const taxList = await get(`/api/v1/commitments?uscc=${uscc}`, taxOperator.headers);
    assert.deepEqual(taxList.json().items, []);

    for (const who of [creditOffice, auditor, amrOperator]) {
      const list = await get(`/api/v1/commitments?uscc=${uscc}&state=open&type=self_discipline`, who.headers);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((c: { id: string }) => c.id),
        [mine.id],
      );
    }
    const bySubject = await get(`/api/v1/commitments?subjectId=${mine.subject.id}&type=repair`, creditOffice.headers);
    assert.deepEqual(bySubject.json().items, []);
  });

  test('auditors and the credit office cannot record commitments, and a term ending before it starts is refused', async () => {
    for (const who of [auditor, creditOffice]) {
      const res = await post(t, '/api/v1/commitments', who.headers, body());
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'commitment.forbidden');
    }
    const bad = await post(
      t,
      '/api/v1/commitments',
      amrOperator.headers,
      body({ term: { start: '2026-03-02', end: '2026-03-01' } }),
    );
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.details.field, 'term.end');
    const wrongType = await post(
      t,
      '/api/v1/commitments',
      amrOperator.headers,
      body({ repairId: '01900000-0000-7000-8000-000000000000' }),
    );
    assert.equal(wrongType.statusCode, 422);
    assert.equal(wrongType.json().error.code, 'commitment.repair_type_required');
  });
});

describe('fulfilment', () => {
  const fulfil = (id: string, who: TestUser, payload: Record<string, unknown>) =>
    post(t, `/api/v1/commitments/${id}/fulfilment`, who.headers, payload);

  test('the reviewer records a kept commitment, which closes it; a second fulfilment is refused naming the state', async () => {
    const c = await record();
    const res = await fulfil(c.id, amrReviewer, { result: 'fulfilled', date: '2026-03-02' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, 'fulfilled');
    assert.equal(res.json().stateLabel, '全部履行');
    assert.ok(res.json().closedAt);
    assert.equal(res.json().recordId, null);
    const again = await fulfil(c.id, amrReviewer, {
      result: 'unfulfilled',
      date: '2026-03-02',
      unperformed: 'x',
      liabilityPursued: 'y',
      recordDomain: 'market_regulation',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'commitment.not_open');
    assert.equal(again.json().error.details.state, 'fulfilled');
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', c.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ['commitment.recorded', 'commitment.fulfilled'],
    );
  });

  test('only a reviewer of the accepting department records fulfilment', async () => {
    const c = await record();
    const operator = await fulfil(c.id, amrOperator, { result: 'fulfilled', date: '2026-03-02' });
    assert.equal(operator.statusCode, 403);
    assert.equal(operator.json().error.code, 'commitment.reviewer_required');
    const office = await fulfil(c.id, creditOffice, { result: 'fulfilled', date: '2026-03-02' });
    assert.equal(office.statusCode, 403);
    assert.equal(office.json().error.code, 'commitment.other_department');
    const taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
    assert.equal((await fulfil(c.id, taxReviewer, { result: 'fulfilled', date: '2026-03-02' })).statusCode, 404);
    const future = await fulfil(c.id, amrReviewer, { result: 'fulfilled', date: '2026-03-03' });
    assert.equal(future.statusCode, 422);
    assert.equal(future.json().error.code, 'commitment.date_in_future');
  });

  test('a broken commitment needs what was not performed and the liability pursued, and becomes a proposed dishonesty record', async () => {
    const c = await record();
    const missing = await fulfil(c.id, amrReviewer, {
      result: 'partially_fulfilled',
      date: '2026-03-02',
      recordDomain: 'market_regulation',
    });
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().error.details.field, 'unperformed');
    const noLiability = await fulfil(c.id, amrReviewer, {
      result: 'unfulfilled',
      date: '2026-03-02',
      unperformed: '未按承诺整改',
      recordDomain: 'market_regulation',
    });
    assert.equal(noLiability.json().error.details.field, 'liabilityPursued');
    const noDomain = await fulfil(c.id, amrReviewer, {
      result: 'unfulfilled',
      date: '2026-03-02',
      unperformed: '未按承诺整改',
      liabilityPursued: '撤销许可',
    });
    assert.equal(noDomain.statusCode, 422);
    assert.equal(noDomain.json().error.code, 'commitment.record_domain_required');
    const unknownDomain = await fulfil(c.id, amrReviewer, {
      result: 'unfulfilled',
      date: '2026-03-02',
      unperformed: '未按承诺整改',
      liabilityPursued: '撤销许可',
      recordDomain: 'no_such_domain',
    });
    assert.equal(unknownDomain.json().error.code, 'commitment.unknown_domain');
    assert.equal(
      (await get(`/api/v1/commitments/${c.id}`, amrReviewer.headers)).json().state,
      'open',
      'refusals change nothing',
    );
    assert.equal(
      (await t.ctx.db.selectFrom('records').select('id').where('source_commitment_id', '=', c.id).execute()).length,
      0,
    );

    t.clock.set('2026-04-10T02:00:00Z');
    const broken = await fulfil(c.id, amrReviewer, {
      result: 'partially_fulfilled',
      date: '2026-04-09',
      unperformed: '经营场所面积与承诺不符，未在期限内整改',
      liabilityPursued: '撤销许可决定',
      recordDomain: 'market_regulation',
    });
    assert.equal(broken.statusCode, 200, broken.body);
    assert.equal(broken.json().state, 'partially_fulfilled');
    assert.equal(broken.json().fulfilment.unperformed, '经营场所面积与承诺不符，未在期限内整改');
    const recordId = broken.json().recordId;
    const row = await t.ctx.db.selectFrom('records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow();
    assert.equal(row.state, 'proposed');
    assert.equal(row.decision_no, c.code);
    assert.equal(row.decision_date, '2026-04-09');
    assert.equal(row.facts, '经营场所面积与承诺不符，未在期限内整改');
    assert.equal(row.basis, c.liability);
    assert.equal(row.penalty_type, 'commitment_breach');
    assert.equal(row.severity, 'general');
    assert.equal(row.disclosure_end, '2027-04-09');
    assert.equal(row.source_commitment_id, c.id);
    assert.equal(row.subject_id, c.subject.id);
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'stream', 'version'])
      .where('stream_id', 'in', [c.id, recordId])
      .orderBy('version')
      .execute();
    assert.deepEqual(
      events.map((e) => `${e.stream}:${e.type}`),
      ['commitment:commitment.recorded', 'record:record.proposed', 'commitment:commitment.broken'],
    );
    assert.equal(String(row.last_version), String(events[1]!.version));
    t.clock.set('2026-03-02T02:00:00Z');
  });
});
