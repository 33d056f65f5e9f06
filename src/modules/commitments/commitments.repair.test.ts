import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeUscc, post } from '../../test/entry-fixtures.ts';
import { json } from '../shared/index.ts';

let t: TestApp;
let operator: TestUser, reviewer: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
});
after(async () => {
  await t.close();
});

/**
 * A general penalty record of the department that a credit repair ended, and the approved repair. Written straight
 * into the tables: records and repairs are other features' workflows; here only their end state matters.
 */
async function repairedRecord(uscc: string, options: { ended?: boolean } = {}) {
  const subject = await post(t, '/api/v1/subjects', operator.headers, { uscc, name: '示例区修复测试有限公司' });
  assert.equal(subject.statusCode < 300, true, subject.body);
  const now = t.clock.now();
  const recordId = randomUUID();
  const repairId = randomUUID();
  await t.ctx.db
    .insertInto('records')
    .values({
      id: recordId,
      subject_id: subject.json().id,
      department_id: operator.departmentId,
      domain: 'market_regulation',
      decision_no: `示市监罚〔2025〕${recordId.slice(0, 6)}号`,
      decision_date: '2025-12-01',
      facts: '未按规定公示年度报告',
      basis: '《企业信息公示暂行条例》',
      penalty_type: 'fine',
      amount: '5000.00',
      severity: 'general',
      rule: json({ ruleVersion: '2025-22', minMonths: 3, maxMonths: 12, disclosedByDefault: true }),
      disclosed: true,
      earliest_repair_date: '2026-03-01',
      disclosure_end: '2026-12-01',
      state: options.ended === false ? 'in_effect' : 'ended',
      ended_reason: options.ended === false ? null : 'repaired',
      ended_note: options.ended === false ? null : '信用修复申请已批准',
      ended_at: options.ended === false ? null : now,
      objection_pending: false,
      repair_id: options.ended === false ? null : repairId,
      source_commitment_id: null,
      created_by: `user:${reviewer.id}`,
      created_at: now,
      updated_at: now,
      last_version: '0',
    })
    .execute();
  await t.ctx.db
    .insertInto('repairs')
    .values({
      id: repairId,
      application_no: `XF20260302${recordId.slice(0, 6)}`,
      kind: 'repair',
      target_stream: 'record',
      target_id: recordId,
      department_id: operator.departmentId,
      origin: 'department',
      origin_ref: null,
      filed_by: `user:${operator.id}`,
      filed_department_id: operator.departmentId,
      party: json({ name: '示例区修复测试有限公司' }),
      proof: '已缴纳罚款并补报年度报告',
      commitment_text: '承诺今后按时公示年度报告',
      commitment_id: null,
      court_document_no: null,
      earliest_date: null,
      state: 'approved',
      decision: json({ approved: true }),
      accepted_at: now,
      decided_at: now,
      tracking_hash: null,
      due_from: '2026-03-02',
      due_days: 10,
      due_date: '2026-03-16',
      closed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { recordId, repairId, subjectId: subject.json().id as string };
}

const repairCommitment = (uscc: string, repairId: string) => ({
  subject: { uscc, name: '示例区修复测试有限公司' },
  type: 'repair',
  repairId,
  content: '本单位承诺今后按时公示年度报告，不再发生同类失信行为。',
  liability: '违反承诺的，恢复公示原失信信息，并依法承担相应责任。',
  term: { start: '2026-03-02', end: '2027-03-01' },
});

test('breaking a repair commitment restores the repaired record for its maximum period counted from the day of restoration', async () => {
  const uscc = makeUscc();
  const { recordId, repairId } = await repairedRecord(uscc);
  const created = await post(t, '/api/v1/commitments', operator.headers, repairCommitment(uscc, repairId));
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().repairId, repairId);

  t.clock.set('2026-05-15T03:00:00Z');
  const broken = await post(t, `/api/v1/commitments/${created.json().id}/fulfilment`, reviewer.headers, {
    result: 'unfulfilled',
    date: '2026-05-14',
    unperformed: '再次未按时公示年度报告',
    liabilityPursued: '恢复公示原失信信息',
  });
  assert.equal(broken.statusCode, 200, broken.body);
  assert.equal(broken.json().state, 'unfulfilled');
  assert.equal(broken.json().recordId, recordId);

  const record = await t.ctx.db.selectFrom('records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow();
  assert.equal(record.state, 'in_effect');
  assert.equal(record.ended_reason, null);
  assert.equal(record.ended_note, null);
  assert.equal(record.ended_at, null);
  assert.equal(record.disclosure_end, '2027-05-15', 'twelve months (its maximum period) from the day of restoration');
  assert.equal(record.decision_date, '2025-12-01', 'the decision date stays');
  const restored = await t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'record')
    .where('stream_id', '=', recordId)
    .executeTakeFirstOrThrow();
  assert.equal(restored.type, 'record.restored');
  assert.equal(restored.payload.commitmentId, created.json().id);
  assert.equal(String(record.last_version), String(restored.version));
  const newRecords = await t.ctx.db
    .selectFrom('records')
    .select('id')
    .where('source_commitment_id', '=', created.json().id)
    .execute();
  assert.equal(newRecords.length, 0, 'no second record is made');

  // Back in checks and on the public page, where the repair had taken it out.
  await t.sync();
  const checked = await post(t, '/api/v1/checks', operator.headers, { subjects: [{ uscc }] });
  assert.equal(checked.statusCode, 200, checked.body);
  assert.deepEqual(
    checked.json().results[0].records.map((r: { recordId: string }) => r.recordId),
    [recordId],
  );
  const disclosed = await t.app.inject({ method: 'GET', url: `/api/v1/public/disclosures?uscc=${uscc}` });
  assert.equal(disclosed.json().items[0].records[0].disclosureEnd, '2027-05-15');
  t.clock.set('2026-03-02T02:00:00Z');
});

test('a repair commitment whose record is not ended by repair becomes a proposed record when broken', async () => {
  const uscc = makeUscc();
  const { recordId, repairId } = await repairedRecord(uscc, { ended: false });
  const created = await post(t, '/api/v1/commitments', operator.headers, repairCommitment(uscc, repairId));
  assert.equal(created.statusCode, 201, created.body);
  const noDomain = await post(t, `/api/v1/commitments/${created.json().id}/fulfilment`, reviewer.headers, {
    result: 'unfulfilled',
    date: '2026-03-02',
    unperformed: '未按时公示',
    liabilityPursued: '记入信用记录',
  });
  assert.equal(noDomain.json().error.code, 'commitment.record_domain_required');
  const broken = await post(t, `/api/v1/commitments/${created.json().id}/fulfilment`, reviewer.headers, {
    result: 'unfulfilled',
    date: '2026-03-02',
    unperformed: '未按时公示',
    liabilityPursued: '记入信用记录',
    recordDomain: 'market_regulation',
  });
  assert.equal(broken.statusCode, 200, broken.body);
  assert.notEqual(broken.json().recordId, recordId);
  const original = await t.ctx.db
    .selectFrom('records')
    .select(['state', 'disclosure_end'])
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(original, { state: 'in_effect', disclosure_end: '2026-12-01' });
});

test('a repair commitment must name a repair of the department about the same subject', async () => {
  const { repairId } = await repairedRecord(makeUscc());
  const otherSubject = await post(t, '/api/v1/commitments', operator.headers, repairCommitment(makeUscc(), repairId));
  assert.equal(otherSubject.statusCode, 422);
  assert.equal(otherSubject.json().error.code, 'commitment.repair_subject_mismatch');
  const taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  const otherDepartment = await post(
    t,
    '/api/v1/commitments',
    taxOperator.headers,
    repairCommitment(makeUscc(), repairId),
  );
  assert.equal(otherDepartment.json().error.code, 'commitment.unknown_repair');
});
