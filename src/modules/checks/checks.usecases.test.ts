import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError, maskCitizenId } from '../shared/index.ts';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';
import { createCheckKit, type CheckKit } from './check-test-kit.ts';

describe('the joint check rules', () => {
  let kit: CheckKit;
  // A black list shared with everyone; its entry decides three measures of two departments.
  let tax: string,
    amr: string,
    lt: string,
    ownMeasure: string,
    lrMeasure: string,
    taxMeasure: string,
    inspection: string;
  let orgUscc: string, orgId: string, lrCitizenId: string, lrId: string, entryId: string;

  before(async () => {
    kit = await createCheckKit();
    const d = kit.data;
    await d.scenario('administrative_licensing');
    await d.scenario('routine_inspection');
    tax = await d.department('t_tax');
    amr = await d.department('t_amr');
    lt = await d.listType({ departmentId: amr });
    ownMeasure = await d.measure({ departmentId: amr, listTypeIds: [lt], roles: ['organization'], code: 'M01' });
    lrMeasure = await d.measure({ departmentId: amr, listTypeIds: [lt], roles: ['legalRepresentative'], code: 'M02' });
    taxMeasure = await d.measure({
      departmentId: tax,
      listTypeIds: [lt],
      roles: ['organization', 'legalRepresentative'],
      code: 'M03',
    });
    inspection = await d.measure({
      departmentId: amr,
      listTypeIds: [lt],
      roles: ['organization'],
      code: 'M04',
      scenarios: ['routine_inspection'],
    });
    orgUscc = makeUscc();
    lrCitizenId = makeCitizenId();
    orgId = await d.organization(orgUscc, '示例（济阳）建材有限责任公司');
    lrId = await d.person(lrCitizenId, '王测试');
    entryId = await d.entry({
      listTypeId: lt,
      subjectId: orgId,
      documentNo: '示市监认〔2026〕7号',
      reason: '拖欠农民工工资',
      persons: [{ personId: lrId, role: 'legalRepresentative' }],
      measureIds: [ownMeasure, lrMeasure, taxMeasure, inspection],
    });
    await kit.refresh();
  });
  after(() => kit.close());

  test('a code match returns the hit and the measures for an organization, the caller’s department first', () => {
    const answer = kit.check(tax, {
      subjects: [{ uscc: orgUscc.toLowerCase() }],
      scenario: 'administrative_licensing',
    });
    const [r] = answer.results;
    assert.equal(r!.matched, true);
    assert.equal(r!.candidate, false);
    assert.deepEqual(r!.subject, {
      id: orgId,
      kind: 'organization',
      name: '示例（济阳）建材有限责任公司',
      uscc: orgUscc,
    });
    assert.equal(r!.hits.length, 1);
    assert.deepEqual(
      { ...r!.hits[0]!, listType: r!.hits[0]!.listType.id },
      {
        entryId,
        listType: lt,
        role: 'subject',
        reason: '拖欠农民工工资',
        decisionDocumentNo: '示市监认〔2026〕7号',
        startDate: '2026-04-20',
        endDate: '2029-04-20',
        state: 'in_effect',
        candidate: false,
      },
    );
    assert.deepEqual(
      r!.measures.map((g) => [g.department.id, g.measures.map((m) => m.code)]),
      [
        [tax, ['M03']],
        [amr, ['M01']],
      ],
    );
    assert.deepEqual(r!.measures[0]!.measures[0]!.entryIds, [entryId]);
    assert.match(answer.checkId, /^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  test('the name given with a code is compared in normalized form', () => {
    const [r] = kit.check(tax, { subjects: [{ uscc: orgUscc, name: '示例(济阳)建材 有限公司' }] }).results;
    assert.equal(r!.candidate, false);
    assert.ok(r!.measures.length > 0);
  });

  test('a code match whose name differs is a candidate without measures', () => {
    const [r] = kit.check(tax, { subjects: [{ uscc: orgUscc, name: '另一家公司' }] }).results;
    assert.equal(r!.matched, true);
    assert.equal(r!.candidate, true);
    assert.equal(r!.hits[0]!.candidate, true);
    assert.deepEqual(r!.measures, []);
  });

  test('a name-only match is a candidate without measures', () => {
    const [r] = kit.check(amr, { subjects: [{ name: '示例（济阳）建材有限公司' }] }).results;
    assert.equal(r!.matched, true);
    assert.equal(r!.candidate, true);
    assert.equal(r!.subject!.id, orgId);
    assert.deepEqual(r!.measures, []);
    assert.deepEqual(r!.query, { name: '示例（济阳）建材有限公司' });
  });

  test('a person named in a decision gets a hit with that role and only the measures naming that role', () => {
    const [r] = kit.check(amr, {
      subjects: [{ citizenId: lrCitizenId, name: '王测试' }],
      scenario: 'administrative_licensing',
    }).results;
    assert.equal(r!.matched, true);
    assert.deepEqual(r!.query, { citizenIdMasked: maskCitizenId(lrCitizenId), name: '王测试' });
    assert.deepEqual(r!.subject, {
      id: lrId,
      kind: 'person',
      name: '王测试',
      citizenIdMasked: maskCitizenId(lrCitizenId),
    });
    assert.deepEqual(
      r!.hits.map((h) => [h.entryId, h.role]),
      [[entryId, 'legalRepresentative']],
    );
    assert.deepEqual(
      r!.measures.map((g) => g.measures.map((m) => m.code)),
      [['M02'], ['M03']],
    );
    assert.ok(!JSON.stringify(r).includes(lrCitizenId));
  });

  test('a scenario keeps only the measures that apply in it', () => {
    const [r] = kit.check(amr, { subjects: [{ uscc: orgUscc }], scenario: 'routine_inspection' }).results;
    assert.deepEqual(
      r!.measures.map((g) => g.measures.map((m) => m.code)),
      [['M04']],
    );
    const [all] = kit.check(amr, { subjects: [{ uscc: orgUscc }] }).results;
    assert.deepEqual(
      all!.measures.map((g) => g.measures.map((m) => m.code)),
      [['M01', 'M04'], ['M03']],
    );
  });

  test('an unknown scenario is refused naming the field', () => {
    assert.throws(
      () => kit.check(amr, { subjects: [{ uscc: orgUscc }], scenario: 'no_such_scenario' }),
      (e: AppError) => e.status === 422 && e.code === 'check.unknown_scenario' && e.details?.field === 'scenario',
    );
  });

  test('a subject not on any list is not matched', () => {
    const [r] = kit.check(amr, { subjects: [{ uscc: makeUscc(), name: '示例（济阳）建材有限公司' }] }).results;
    assert.deepEqual(
      { matched: r!.matched, hits: r!.hits, measures: r!.measures, candidate: r!.candidate, subject: r!.subject },
      { matched: false, hits: [], measures: [], candidate: false, subject: undefined },
    );
  });

  test('one malformed code in a batch gets its own problems and no hits, and every other subject is answered', () => {
    const bad = lrCitizenId.slice(0, 17) + (lrCitizenId[17] === '1' ? '2' : '1');
    const answer = kit.check(amr, {
      subjects: [{ uscc: orgUscc }, { citizenId: bad, name: '王测试' }, { citizenId: lrCitizenId }],
    });
    const [org, typo, person] = answer.results;
    assert.equal(org!.matched, true);
    assert.equal(org!.problems, undefined);
    assert.equal(person!.hits[0]!.entryId, entryId);
    assert.deepEqual(
      {
        matched: typo!.matched,
        hits: typo!.hits,
        measures: typo!.measures,
        candidate: typo!.candidate,
        subject: typo!.subject,
      },
      { matched: false, hits: [], measures: [], candidate: false, subject: undefined },
      'the name alone is not looked up for a subject whose code is wrong',
    );
    assert.equal(typo!.eligibility.greenChannel, false);
    assert.equal(typo!.problems![0]!.field, 'subjects[1].citizenId');
    assert.match(typo!.problems!.map((p) => p.message).join(''), /校验码/);
    assert.equal(typo!.query.citizenIdMasked, maskCitizenId(bad));
    assert.ok(!JSON.stringify(answer).includes(bad), 'the wrong number is shown masked only');
  });

  test('a citizen ID given as a USCC gets a hint to the right field', () => {
    const [r] = kit.check(amr, { subjects: [{ uscc: lrCitizenId }] }).results;
    assert.equal(r!.problems![0]!.field, 'subjects[0].uscc');
    assert.ok(r!.problems!.some((p) => p.code === 'check.wrong_field' && /citizenId/.test(p.message)));
    assert.ok(!JSON.stringify(r).includes(lrCitizenId));
  });

  test('a subject with neither code nor name, or with both codes, gets its problem and the others are answered', () => {
    const [org, empty] = kit.check(amr, { subjects: [{ uscc: orgUscc }, { name: '  ' }] }).results;
    assert.equal(org!.matched, true);
    assert.deepEqual(
      empty!.problems!.map((p) => [p.field, p.code]),
      [['subjects[1]', 'check.empty_subject']],
    );
    const [both] = kit.check(amr, { subjects: [{ uscc: orgUscc, citizenId: lrCitizenId }] }).results;
    assert.deepEqual(
      both!.problems!.map((p) => p.code),
      ['check.ambiguous_subject'],
    );
    assert.deepEqual(both!.hits, []);
    assert.ok(!JSON.stringify(both).includes(lrCitizenId));
  });

  test('the check record says which subjects were not checked, and why', async () => {
    const answer = kit.check(amr, {
      subjects: [{ uscc: orgUscc }, { uscc: orgUscc.slice(0, 17) + (orgUscc[17] === '0' ? '1' : '0') }],
    });
    await kit.recorder.flush();
    const row = await kit.db
      .selectFrom('check_records')
      .select('subjects')
      .where('check_id', '=', answer.checkId)
      .executeTakeFirstOrThrow();
    const [checked, unchecked] = row.subjects as Record<string, unknown>[];
    assert.equal(checked!.answered, undefined);
    assert.equal(checked!.subjectId, orgId);
    assert.equal(unchecked!.answered, false);
    assert.deepEqual(unchecked!.entryIds, []);
    assert.deepEqual(
      unchecked!.problems,
      answer.results[1]!.problems!.map((p) => p.code),
    );
  });

  test('the check record holds the ID digest and mask, never the number', async () => {
    const answer = kit.check(amr, { subjects: [{ citizenId: lrCitizenId }, { uscc: orgUscc, name: '别名' }] });
    await kit.recorder.flush();
    const row = await kit.db
      .selectFrom('check_records')
      .selectAll()
      .where('check_id', '=', answer.checkId)
      .executeTakeFirstOrThrow();
    assert.equal(row.department_id, amr);
    assert.equal(row.actor, 'api_key:k1');
    assert.equal(row.data_version, BigInt(answer.dataVersion));
    assert.deepEqual(row.subjects, [
      {
        citizenIdDigest: kit.secrets.digestCitizenId(lrCitizenId),
        citizenIdMasked: maskCitizenId(lrCitizenId),
        subjectId: lrId,
        entryIds: [entryId],
        candidate: false,
      },
      { uscc: orgUscc, name: '别名', subjectId: orgId, entryIds: [entryId], candidate: true },
    ]);
    assert.ok(!JSON.stringify(row.subjects).includes(lrCitizenId));
  });
});

describe('what a department may see', () => {
  let kit: CheckKit;
  before(async () => {
    kit = await createCheckKit();
  });
  after(() => kit.close());

  test('an entry whose list type is not shared with the caller’s department is invisible', async () => {
    const owner = await kit.data.department('t_share_a');
    const other = await kit.data.department('t_share_b');
    const lt = await kit.data.listType({ departmentId: owner, sharing: ['t_share_a'] });
    const uscc = makeUscc();
    await kit.data.entry({ listTypeId: lt, subjectId: await kit.data.organization(uscc, '共享范围测试有限公司') });
    await kit.refresh();
    assert.equal(kit.check(owner, { subjects: [{ uscc }] }).results[0]!.matched, true);
    const [hidden] = kit.check(other, { subjects: [{ uscc }] }).results;
    assert.equal(hidden!.matched, false);
    assert.equal(hidden!.subject, undefined);
  });

  test('an entry past its end date in China time is excluded before the expiry job runs', async () => {
    const dept = await kit.data.department();
    const lt = await kit.data.listType({ departmentId: dept });
    const endsToday = makeUscc();
    const endedYesterday = makeUscc();
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(endsToday, '今日届满有限公司'),
      endDate: '2026-06-01',
    });
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(endedYesterday, '昨日届满有限公司'),
      endDate: '2026-05-31',
    });
    await kit.refresh();
    kit.clock.set('2026-05-31T15:59:00.000Z'); // 23:59 on 31 May in Beijing
    assert.equal(kit.check(dept, { subjects: [{ uscc: endedYesterday }] }).results[0]!.matched, true);
    kit.clock.set('2026-05-31T16:00:00.000Z'); // 00:00 on 1 June in Beijing
    assert.equal(kit.check(dept, { subjects: [{ uscc: endedYesterday }] }).results[0]!.matched, false);
    assert.equal(kit.check(dept, { subjects: [{ uscc: endsToday }] }).results[0]!.matched, true);
  });

  test('an entry with an objection pending is a hit in state objection_pending, with its measures', async () => {
    const dept = await kit.data.department();
    const lt = await kit.data.listType({ departmentId: dept });
    const m = await kit.data.measure({ departmentId: dept, listTypeIds: [lt], roles: ['organization'] });
    const uscc = makeUscc();
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(uscc, '异议处理中有限公司'),
      objectionPending: true,
      measureIds: [m],
    });
    await kit.refresh();
    const [r] = kit.check(dept, { subjects: [{ uscc }] }).results;
    assert.equal(r!.hits[0]!.state, 'objection_pending');
    assert.equal(r!.measures[0]!.measures[0]!.id, m);
  });

  test('a name shared by two listed subjects matches both as candidates without naming one', async () => {
    const dept = await kit.data.department();
    const lt = await kit.data.listType({ departmentId: dept });
    await kit.data.entry({ listTypeId: lt, subjectId: await kit.data.person(makeCitizenId(), '李重名') });
    await kit.data.entry({ listTypeId: lt, subjectId: await kit.data.person(makeCitizenId(), '李重名') });
    await kit.refresh();
    const [r] = kit.check(dept, { subjects: [{ name: '李重名' }] }).results;
    assert.equal(r!.matched, true);
    assert.equal(r!.candidate, true);
    assert.equal(r!.hits.length, 2);
    assert.equal(r!.subject, undefined);
  });
});
