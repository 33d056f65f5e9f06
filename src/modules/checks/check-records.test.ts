import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';
import { RecordCheckData } from '../records/record-check-data.test-support.ts';
import type { Role } from '../shared/index.ts';
import { createCheckKit, type CheckKit } from './check-test-kit.ts';
import { presentCheck } from './checks.presenters.ts';
import type { CheckBodyInput } from './checks.schemas.ts';
import { runCheck } from './checks.usecases.ts';

describe('dishonesty records in checks', () => {
  let kit: CheckKit;
  let records: RecordCheckData;
  let amr: string, tax: string, eco: string, lt: string, measure: string;

  before(async () => {
    kit = await createCheckKit({ pageSize: 2 });
    records = new RecordCheckData(kit);
    amr = await kit.data.department('r_amr', '示例区市场监督管理局');
    tax = await kit.data.department('r_tax');
    eco = await kit.data.department('r_eco');
    lt = await kit.data.listType({ departmentId: amr });
    measure = await kit.data.measure({ departmentId: amr, listTypeIds: [lt], roles: ['organization'], code: 'R01' });
  });
  after(() => kit.close());

  const checkAs = (roles: Role[], departmentId: string, body: CheckBodyInput) =>
    presentCheck(
      runCheck(
        { index: kit.index, recorder: kit.recorder, sync: kit.sync, clock: kit.clock, secrets: kit.secrets },
        { kind: 'user', id: 'u1', ref: 'user:u1', departmentId, roles },
        body,
      ).outcome,
    );
  const one = (departmentId: string, subject: CheckBodyInput['subjects'][number]) =>
    kit.check(departmentId, { subjects: [subject] }).results[0]!;

  test('a subject known only through a record is found by its code, with the record as information: no hit, no measures', async () => {
    const uscc = makeUscc();
    const subjectId = await kit.data.organization(uscc, '只有处罚记录有限公司');
    const recordId = await records.record({
      subjectId,
      departmentId: amr,
      severity: 'serious',
      penaltyType: 'revocation',
      decisionDate: '2026-05-01',
      disclosureEnd: '2029-05-01',
    });
    await kit.refresh();
    const r = one(tax, { uscc, name: '只有处罚记录有限公司' });
    assert.equal(r.matched, true);
    assert.equal(r.subject?.id, subjectId);
    assert.deepEqual(r.hits, []);
    assert.deepEqual(r.measures, []);
    assert.equal(r.records.length, 1);
    const { department, decisionNo, ...rest } = r.records[0]!;
    assert.deepEqual(department, { id: amr, code: 'r_amr', name: '示例区市场监督管理局' });
    assert.match(decisionNo, /^罚/);
    assert.deepEqual(rest, {
      recordId,
      domain: 'market_regulation',
      decisionDate: '2026-05-01',
      severity: 'serious',
      penaltyType: 'revocation',
      state: 'in_effect',
      disclosureEnd: '2029-05-01',
    });
    assert.equal(
      one(tax, { name: '只有处罚记录有限公司' }).matched,
      false,
      'a name alone does not identify the subject of a record',
    );
    assert.deepEqual(one(tax, { uscc, name: '另一个名称' }).records, [], 'nor does a code whose name differs');
  });

  test('a record with a list hit adds no measures of its own', async () => {
    const uscc = makeUscc();
    const subjectId = await kit.data.organization(uscc, '名单加处罚有限公司');
    await kit.data.entry({ listTypeId: lt, subjectId, measureIds: [measure] });
    await records.record({ subjectId, departmentId: amr });
    await kit.refresh();
    const r = one(tax, { uscc });
    assert.equal(r.hits.length, 1);
    assert.equal(r.records.length, 1);
    assert.deepEqual(
      r.measures.flatMap((g) => g.measures.map((m) => m.code)),
      ['R01'],
    );
  });

  test('a record is shared until its disclosure end in China time, and leaves the index when it ends', async () => {
    const uscc = makeUscc();
    const subjectId = await kit.data.organization(uscc, '共享期满有限公司');
    const recordId = await records.record({
      subjectId,
      departmentId: amr,
      decisionDate: '2025-06-01',
      disclosureEnd: '2026-06-01',
    });
    await kit.refresh();
    const held = kit.index.recordCount;
    try {
      kit.clock.set('2026-06-01T15:59:00.000Z');
      assert.equal(one(tax, { uscc }).records.length, 1, 'the last day is shared');
      kit.clock.set('2026-06-01T16:00:00.000Z');
      assert.equal(one(tax, { uscc }).matched, false, 'the next day it is not, before any job runs');
    } finally {
      kit.clock.set('2026-06-01T02:00:00.000Z');
    }
    await records.updateRecord(recordId, { state: 'ended' });
    await kit.refresh();
    assert.equal(kit.index.recordCount, held - 1);
    assert.equal(one(tax, { uscc }).matched, false);
  });

  test('a record with an objection pending is shown in state objection_pending', async () => {
    const uscc = makeUscc();
    const recordId = await records.record({
      subjectId: await kit.data.organization(uscc, '记录异议有限公司'),
      departmentId: amr,
    });
    await records.updateRecord(recordId, { objectionPending: true });
    await kit.refresh();
    assert.equal(one(tax, { uscc }).records[0]!.state, 'objection_pending');
  });

  test('records follow their domain’s sharing scope; the deciding department, the credit office and administrators always see them', async () => {
    const citizenId = makeCitizenId();
    const subjectId = await kit.data.person(citizenId, '钱共享');
    await records.record({ subjectId, departmentId: amr, domain: 'transport' });
    await records.domainSharing('transport', ['r_tax']);
    await kit.refresh();
    try {
      assert.equal(one(tax, { citizenId }).records.length, 1, 'named in the scope');
      assert.equal(one(eco, { citizenId }).matched, false, 'not named: the subject is not revealed');
      assert.equal(one(amr, { citizenId }).records.length, 1, 'the deciding department');
      assert.equal(checkAs(['credit_office'], eco, { subjects: [{ citizenId }] }).results[0]!.records.length, 1);
      assert.equal(checkAs(['admin'], eco, { subjects: [{ citizenId }] }).results[0]!.records.length, 1);
      assert.equal(checkAs(['auditor', 'reviewer'], eco, { subjects: [{ citizenId }] }).results[0]!.records.length, 0);
      await records.domainSharing('transport', [eco]);
      await kit.refresh();
      assert.equal(
        one(eco, { citizenId }).records.length,
        1,
        'a scope may name a department by id, and follows its event',
      );
      assert.equal(one(tax, { citizenId }).records.length, 0);
    } finally {
      await records.domainSharing('transport', 'all');
    }
  });

  test('records that are proposed, dismissed or ended are never shared', async () => {
    const uscc = makeUscc();
    const subjectId = await kit.data.organization(uscc, '未生效记录有限公司');
    for (const state of ['proposed', 'dismissed', 'ended'] as const)
      await records.record({ subjectId, departmentId: amr, state });
    await kit.refresh();
    assert.equal(one(tax, { uscc }).matched, false);
  });

  test('a subject event brings the new name of a subject known only through a record', async () => {
    const uscc = makeUscc();
    const subjectId = await kit.data.organization(uscc, '改名前有限公司');
    await records.record({ subjectId, departmentId: amr });
    await kit.refresh();
    await kit.data.renameSubject(subjectId, '改名后有限公司');
    await kit.refresh();
    const r = one(tax, { uscc, name: '改名后有限公司' });
    assert.equal(r.candidate, false);
    assert.equal(r.subject?.name, '改名后有限公司');
  });
});

describe('measures lifted under a reorganization plan', () => {
  let kit: CheckKit;
  let records: RecordCheckData;
  before(async () => {
    kit = await createCheckKit();
    records = new RecordCheckData(kit);
  });
  after(() => kit.close());

  test('the hit shows measures_lifted and applies no measures while the lifting lasts; restoring brings them back', async () => {
    const dept = await kit.data.department();
    const lt = await kit.data.listType({ departmentId: dept });
    const m = await kit.data.measure({ departmentId: dept, listTypeIds: [lt], roles: ['organization'] });
    const uscc = makeUscc();
    const entryId = await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(uscc, '重整中有限公司'),
      measureIds: [m],
      objectionPending: true,
    });
    const state = () => {
      const r = kit.check(dept, { subjects: [{ uscc }] }).results[0]!;
      return [r.hits[0]!.state, r.measures.length];
    };
    await kit.refresh();
    assert.deepEqual(state(), ['objection_pending', 1], 'an objection keeps the measures');

    await records.liftMeasures(entryId, { from: '2026-05-20', until: '2026-12-31' });
    await kit.refresh();
    assert.deepEqual(state(), ['measures_lifted', 0]);
    await records.liftMeasures(entryId, { from: '2026-05-20', until: '2026-05-31' });
    await kit.refresh();
    assert.deepEqual(state(), ['objection_pending', 1], 'a lifting whose last day has passed lifts nothing');
    await records.liftMeasures(entryId, { from: '2026-05-20', until: null });
    await kit.refresh();
    assert.deepEqual(state(), ['measures_lifted', 0]);
    await records.liftMeasures(entryId, null);
    await kit.refresh();
    assert.deepEqual(state(), ['objection_pending', 1]);
  });
});
