import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';
import { RecordCheckData } from '../records/record-check-data.test-support.ts';
import { createCheckKit, type CheckKit } from './check-test-kit.ts';

describe('green channel and 容缺受理 in checks', () => {
  let kit: CheckKit;
  let records: RecordCheckData;
  let dept: string, other: string, redA: string, redB: string, redHidden: string, black: string;
  let redBCode: string;

  before(async () => {
    kit = await createCheckKit();
    records = new RecordCheckData(kit);
    dept = await kit.data.department('e_dept');
    other = await kit.data.department('e_other');
    redA = await kit.data.listType({ departmentId: dept, kind: 'red', name: '纳税信用A级' });
    redB = await kit.data.listType({ departmentId: dept, kind: 'red', name: '诚信示范企业' });
    redHidden = await kit.data.listType({ departmentId: dept, kind: 'red', sharing: ['e_other'] });
    black = await kit.data.listType({ departmentId: dept, kind: 'black', sharing: ['e_other'] });
    redBCode = (await kit.db.selectFrom('list_types').select('code').where('id', '=', redB).executeTakeFirstOrThrow())
      .code;
  });
  after(() => kit.close());

  const eligibility = (subject: { uscc?: string; citizenId?: string; name?: string }, departmentId = dept) =>
    kit.check(departmentId, { subjects: [subject] }).results[0]!.eligibility;
  const red = async (name: string, listTypeId = redA) => {
    const uscc = makeUscc();
    const subjectId = await kit.data.organization(uscc, name);
    const entryId = await kit.data.entry({
      listTypeId,
      subjectId,
      kind: 'red',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    return { uscc, subjectId, entryId };
  };

  test('without rules, a red-list entry in effect grants both, naming the entry; nothing else does', async () => {
    const a = await red('红名单甲有限公司');
    await kit.refresh();
    assert.deepEqual(eligibility({ uscc: a.uscc }), {
      greenChannel: true,
      acceptWithCommitment: true,
      basis: [{ kind: 'red_list', entryId: a.entryId, name: '纳税信用A级' }],
    });
    assert.deepEqual(eligibility({ uscc: makeUscc() }), {
      greenChannel: false,
      acceptWithCommitment: false,
      basis: [],
    });
    assert.equal(eligibility({ name: '红名单甲有限公司' }).greenChannel, false, 'a name alone is not enough');
    assert.equal(eligibility({ uscc: a.uscc, name: '别的公司' }).greenChannel, false, 'nor a code whose name differs');
  });

  test('a red entry the caller may not see grants nothing to that caller', async () => {
    const h = await red('红名单不共享有限公司', redHidden);
    await kit.refresh();
    assert.equal(eligibility({ uscc: h.uscc }).greenChannel, false);
    assert.equal(eligibility({ uscc: h.uscc }, other).greenChannel, true);
  });

  test('a subject with a black entry in effect is never eligible, even one the caller cannot see or as a named person', async () => {
    const a = await red('红黑同在有限公司');
    await kit.data.entry({ listTypeId: black, subjectId: a.subjectId });
    const citizenId = makeCitizenId();
    const person = await kit.data.person(citizenId, '周责任');
    await kit.data.entry({ listTypeId: redA, subjectId: person, kind: 'red' });
    await kit.data.entry({
      listTypeId: black,
      subjectId: await kit.data.organization(makeUscc(), '周某任职有限公司'),
      persons: [{ personId: person, role: 'responsiblePerson' }],
    });
    await kit.refresh();
    assert.deepEqual(eligibility({ uscc: a.uscc }), { greenChannel: false, acceptWithCommitment: false, basis: [] });
    assert.equal(
      kit.check(dept, { subjects: [{ uscc: a.uscc }] }).results[0]!.hits.length,
      1,
      'the black entry is not shown to this caller',
    );
    assert.equal(eligibility({ citizenId }).greenChannel, false);
  });

  test('red-list rules choose the lists and what they grant; a clean-record rule covers subjects with nothing against them', async () => {
    const a = await red('规则甲有限公司', redA);
    const b = await red('规则乙有限公司', redB);
    const withRecord = makeUscc();
    await records.record({
      subjectId: await kit.data.organization(withRecord, '有处罚记录有限公司'),
      departmentId: other,
    });
    await records.eligibilityRule({
      code: 'red_b_green',
      kind: 'red_list',
      params: { listTypeCodes: [redBCode] },
      grants: ['green_channel'],
    });
    await kit.refresh();
    try {
      assert.equal(eligibility({ uscc: a.uscc }).greenChannel, false, 'the default gives way to the configured rule');
      assert.deepEqual(eligibility({ uscc: b.uscc }), {
        greenChannel: true,
        acceptWithCommitment: false,
        basis: [{ kind: 'red_list', entryId: b.entryId, ruleCode: 'red_b_green', name: '诚信示范企业' }],
      });

      await records.eligibilityRule({ code: 'clean', kind: 'clean_record', grants: ['accept_with_commitment'] });
      await kit.refresh();
      const clean = {
        greenChannel: false,
        acceptWithCommitment: true,
        basis: [{ kind: 'rule', ruleCode: 'clean', name: '规则 clean' }],
      };
      assert.deepEqual(eligibility({ uscc: makeUscc() }), clean, 'a subject the system knows nothing against');
      assert.deepEqual(eligibility({ uscc: a.uscc }), clean);
      assert.deepEqual(
        eligibility({ uscc: b.uscc }).basis.map((x) => x.kind),
        ['red_list', 'rule'],
      );
      assert.equal(eligibility({ uscc: b.uscc }).acceptWithCommitment, true);
      assert.equal(
        eligibility({ uscc: withRecord }).acceptWithCommitment,
        false,
        'a record in effect, even one not shared with the caller',
      );
      assert.equal(eligibility({ name: '规则甲有限公司' }).acceptWithCommitment, false);

      await records.eligibilityRule({
        code: 'clean',
        kind: 'clean_record',
        grants: ['accept_with_commitment'],
        active: false,
      });
      await kit.refresh();
      assert.equal(eligibility({ uscc: makeUscc() }).acceptWithCommitment, false, 'an inactive rule grants nothing');
    } finally {
      await records.eligibilityRule({
        code: 'red_b_green',
        kind: 'red_list',
        grants: ['green_channel'],
        active: false,
      });
      await kit.refresh();
    }
    assert.equal(
      eligibility({ uscc: a.uscc }).acceptWithCommitment,
      true,
      'no active red-list rule: the default again',
    );
  });
});
