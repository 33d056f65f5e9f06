import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventRow } from '../shared/index.ts';
import { makeCitizenId, makeUscc } from '../../test/entry-fixtures.ts';
import { streamInEffect } from './check-index.repository.ts';
import { createCheckKit, type CheckKit } from './check-test-kit.ts';

describe('loading and following the check index', () => {
  let kit: CheckKit;
  let dept: string, lt: string, measure: string;

  before(async () => {
    kit = await createCheckKit({ pageSize: 3 });
    await kit.data.scenario('administrative_licensing');
    await kit.data.scenario('routine_inspection');
    dept = await kit.data.department();
    lt = await kit.data.listType({ departmentId: dept });
    measure = await kit.data.measure({
      departmentId: dept,
      listTypeIds: [lt],
      roles: ['organization', 'principal'],
      code: 'L01',
    });
  });
  after(() => kit.close());

  const matched = (uscc: string) => kit.check(dept, { subjects: [{ uscc }] }).results[0]!.matched;

  test('the load reads every entry in effect, page by page, and nothing else', async () => {
    const inEffect: string[] = [];
    for (let i = 0; i < 7; i++) {
      const uscc = makeUscc();
      inEffect.push(uscc);
      const principal = await kit.data.person(makeCitizenId(), `负责人${i}`);
      await kit.data.entry({
        listTypeId: lt,
        subjectId: await kit.data.organization(uscc, `分页测试${i}有限公司`),
        measureIds: [measure],
        persons: [{ personId: principal, role: 'principal' }],
      });
    }
    const draft = makeUscc();
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(draft, '草稿有限公司'),
      state: 'draft',
    });
    const ended = makeUscc();
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(ended, '已结束有限公司'),
      state: 'ended',
    });

    await kit.refresh();
    assert.equal(kit.index.loaded, true);
    assert.equal(kit.index.size, 7);
    for (const uscc of inEffect) {
      const [r] = kit.check(dept, { subjects: [{ uscc }] }).results;
      assert.equal(r!.matched, true);
      assert.deepEqual(
        r!.measures.flatMap((g) => g.measures.map((m) => m.code)),
        ['L01'],
      );
    }
    assert.equal(matched(draft), false);
    assert.equal(matched(ended), false);
    const [person] = kit.check(dept, { subjects: [{ name: '负责人6' }] }).results;
    assert.equal(person!.hits[0]!.role, 'principal');
    assert.equal(
      kit.sync.status().dataVersion,
      (await kit.db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow()).data_version,
    );
  });

  test('events add new entries and remove those that leave effect', async () => {
    const uscc = makeUscc();
    const entry = await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(uscc, '后来列入有限公司'),
      state: 'decided',
    });
    await kit.refresh();
    assert.equal(matched(uscc), false);
    await kit.data.updateEntry(entry, { state: 'in_effect' });
    await kit.refresh();
    assert.equal(matched(uscc), true);
    await kit.data.updateEntry(entry, { objectionPending: true });
    await kit.refresh();
    assert.equal(kit.check(dept, { subjects: [{ uscc }] }).results[0]!.hits[0]!.state, 'objection_pending');
    await kit.data.updateEntry(entry, { state: 'ended' });
    await kit.refresh();
    assert.equal(matched(uscc), false);
  });

  test('a person named only by an entry that ends is no longer found', async () => {
    const citizenId = makeCitizenId();
    const person = await kit.data.person(citizenId, '赵直接责任');
    const entry = await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(makeUscc(), '责任人测试有限公司'),
      persons: [{ personId: person, role: 'responsiblePerson' }],
    });
    await kit.refresh();
    assert.equal(kit.check(dept, { subjects: [{ citizenId }] }).results[0]!.hits[0]!.role, 'responsiblePerson');
    await kit.data.updateEntry(entry, { state: 'ended' });
    await kit.refresh();
    assert.equal(kit.check(dept, { subjects: [{ citizenId }] }).results[0]!.matched, false);
    assert.equal(kit.check(dept, { subjects: [{ name: '赵直接责任' }] }).results[0]!.matched, false);
  });

  test('a person named by three entries keeps the hits of those still in effect as each one ends', async () => {
    const citizenId = makeCitizenId();
    const person = await kit.data.person(citizenId, '钱多家法人');
    const entries: string[] = [];
    for (const n of [1, 2, 3]) {
      entries.push(
        await kit.data.entry({
          listTypeId: lt,
          subjectId: await kit.data.organization(makeUscc(), `多家任职测试${n}有限公司`),
          persons: [{ personId: person, role: 'principal' }],
        }),
      );
    }
    await kit.refresh();
    const hitEntries = () =>
      kit
        .check(dept, { subjects: [{ citizenId }] })
        .results[0]!.hits.map((h) => h.entryId)
        .sort();
    assert.deepEqual(hitEntries(), [...entries].sort());
    for (let i = 0; i < entries.length; i++) {
      await kit.data.updateEntry(entries[i]!, { state: 'ended' });
      await kit.refresh();
      assert.deepEqual(hitEntries(), entries.slice(i + 1).sort(), `after ${i + 1} ended`);
    }
    assert.equal(kit.check(dept, { subjects: [{ citizenId }] }).results[0]!.matched, false);
  });

  test('a subject event brings its new name into the index', async () => {
    const uscc = makeUscc();
    const subject = await kit.data.organization(uscc, '旧名称有限公司');
    await kit.data.entry({ listTypeId: lt, subjectId: subject });
    await kit.refresh();
    await kit.data.renameSubject(subject, '新名称有限公司');
    await kit.refresh();
    assert.equal(kit.check(dept, { subjects: [{ name: '旧名称有限公司' }] }).results[0]!.matched, false);
    assert.equal(kit.check(dept, { subjects: [{ name: '新名称有限公司' }] }).results[0]!.subject?.id, subject);
    assert.equal(kit.check(dept, { subjects: [{ uscc, name: '新名称有限公司' }] }).results[0]!.candidate, false);
  });

  test('a catalog event brings changed measures into the index', async () => {
    const uscc = makeUscc();
    const m = await kit.data.measure({
      departmentId: dept,
      listTypeIds: [lt],
      roles: ['organization'],
      code: 'L02',
      scenarios: ['administrative_licensing'],
    });
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(uscc, '场景变更有限公司'),
      measureIds: [m],
    });
    await kit.refresh();
    const codes = () =>
      kit
        .check(dept, { subjects: [{ uscc }], scenario: 'routine_inspection' })
        .results[0]!.measures.flatMap((g) => g.measures.map((x) => x.code));
    assert.deepEqual(codes(), []);
    await kit.data.setMeasureScenarios(m, ['routine_inspection']);
    await kit.refresh();
    assert.deepEqual(codes(), ['L02']);
  });

  test('each entry gets exactly the measures decided for it, after a full load and after an event', async () => {
    const m3 = await kit.data.measure({ departmentId: dept, listTypeIds: [lt], roles: ['organization'], code: 'L03' });
    const m4 = await kit.data.measure({ departmentId: dept, listTypeIds: [lt], roles: ['organization'], code: 'L04' });
    const sets: Record<string, string[]> = { both: [m4, m3], one: [m3], other: [m4], none: [] };
    const codes = (uscc: string) =>
      kit
        .check(dept, { subjects: [{ uscc }] })
        .results[0]!.measures.flatMap((g) => g.measures.map((x) => x.code))
        .sort();
    const expected = { both: ['L03', 'L04'], one: ['L03'], other: ['L04'], none: [] };
    const load = async () => {
      const usccs: Record<string, string> = {};
      for (const [name, ids] of Object.entries(sets)) {
        usccs[name] = makeUscc();
        await kit.data.entry({
          listTypeId: lt,
          subjectId: await kit.data.organization(usccs[name]!, `措施组合${name}有限公司`),
          measureIds: ids,
        });
      }
      return usccs;
    };
    const byEvent = await load();
    await kit.refresh();
    for (const name of Object.keys(sets))
      assert.deepEqual(codes(byEvent[name]!), expected[name as keyof typeof expected], name);

    const fresh = await createCheckKit({ pageSize: 2 });
    try {
      const d = await fresh.data.department();
      const l = await fresh.data.listType({ departmentId: d });
      const [a, b] = [
        await fresh.data.measure({ departmentId: d, listTypeIds: [l], roles: ['organization'], code: 'L03' }),
        await fresh.data.measure({ departmentId: d, listTypeIds: [l], roles: ['organization'], code: 'L04' }),
      ];
      const loaded: Record<string, string> = {};
      for (const [name, ids] of Object.entries({ both: [b, a], one: [a], other: [b], none: [] })) {
        loaded[name] = makeUscc();
        await fresh.data.entry({
          listTypeId: l,
          subjectId: await fresh.data.organization(loaded[name]!, `全量加载${name}有限公司`),
          measureIds: ids,
        });
      }
      await fresh.refresh();
      for (const name of Object.keys(sets)) {
        const got = fresh
          .check(d, { subjects: [{ uscc: loaded[name]! }] })
          .results[0]!.measures.flatMap((g) => g.measures.map((x) => x.code))
          .sort();
        assert.deepEqual(got, expected[name as keyof typeof expected], name);
      }
    } finally {
      await fresh.close();
    }
  });

  test('a red entry whose validity starts later applies from 00:00 of its first day in China time, with no write', async () => {
    const red = await kit.data.listType({ departmentId: dept, kind: 'red', name: '诚信示范企业' });
    const incentive = await kit.data.measure({
      departmentId: dept,
      listTypeIds: [red],
      roles: ['organization'],
      kind: 'incentive',
      code: 'R01',
    });
    const uscc = makeUscc();
    await kit.data.entry({
      listTypeId: red,
      kind: 'red',
      subjectId: await kit.data.organization(uscc, '将来生效有限公司'),
      startDate: '2026-08-01',
      endDate: '2027-07-31',
      measureIds: [incentive],
    });
    kit.clock.set('2026-07-31T15:59:00.000Z'); // 23:59 on 31 July in Beijing
    await kit.refresh();
    const before = kit.check(dept, { subjects: [{ uscc }] }).results[0]!;
    assert.equal(before.matched, false, 'no hit before the first day');
    assert.deepEqual(before.measures, []);
    assert.equal(
      before.eligibility.basis.some((b) => b.kind === 'red_list'),
      false,
      'no green channel from an entry not yet valid',
    );
    const version = kit.sync.status().dataVersion;

    kit.clock.set('2026-07-31T16:00:00.000Z'); // 00:00 on 1 August in Beijing
    const after = kit.check(dept, { subjects: [{ uscc }] }).results[0]!;
    assert.equal(after.matched, true);
    assert.equal(after.hits[0]!.startDate, '2026-08-01');
    assert.deepEqual(
      after.measures.flatMap((g) => g.measures.map((m) => m.code)),
      ['R01'],
    );
    assert.deepEqual(after.eligibility, {
      greenChannel: true,
      acceptWithCommitment: true,
      basis: [{ kind: 'red_list', entryId: after.hits[0]!.entryId, name: '诚信示范企业' }],
    });
    assert.equal(kit.sync.status().dataVersion, version, 'the start took effect without any write');

    kit.clock.set('2027-07-31T16:00:00.000Z'); // 00:00 on 1 August 2027: the day after the last
    assert.equal(kit.check(dept, { subjects: [{ uscc }] }).results[0]!.matched, false);
    kit.clock.set('2026-06-01T02:00:00.000Z');
  });

  test('a load whose reading fails stops with the error, whether it fails on the entries or after them', async () => {
    const person = await kit.data.person(makeCitizenId(), '孙读取失败');
    await kit.data.entry({
      listTypeId: lt,
      subjectId: await kit.data.organization(makeUscc(), '读取失败测试有限公司'),
      measureIds: [measure],
      persons: [{ personId: person, role: 'principal' }],
    });
    const parallel = kit.database.kind === 'postgres';
    const fail = () => {
      throw new Error('索引构建失败（测试）');
    };
    const ignore = () => {};
    await assert.rejects(
      streamInEffect(kit.db, 2, '2026-06-01', { entries: fail, persons: ignore, records: ignore }, { parallel }),
      /索引构建失败/,
    );
    await assert.rejects(
      streamInEffect(kit.db, 2, '2026-06-01', { entries: ignore, persons: fail, records: ignore }, { parallel }),
      /索引构建失败/,
    );
    // Both transactions ended and gave their connections back: a full load still works.
    await kit.index.load();
    assert.ok(kit.index.size > 0);
  });

  test('applying the same events again leaves the same index', async () => {
    const rows = await kit.db.selectFrom('events').selectAll().orderBy('version').execute();
    const events: EventRow[] = rows.map((r) => ({
      version: r.version,
      stream: r.stream,
      streamId: r.stream_id,
      type: r.type,
      departmentId: r.department_id,
      actor: r.actor,
      payload: r.payload,
      occurredAt: r.occurred_at,
      effectiveAt: r.effective_at,
    }));
    const everyone = [
      ...new Set(
        (await kit.db.selectFrom('subjects').select('uscc').where('uscc', 'is not', null).execute()).map(
          (r) => r.uscc!,
        ),
      ),
    ];
    const before = JSON.stringify(everyone.map((uscc) => kit.check(dept, { subjects: [{ uscc }] }).results));
    const size = kit.index.size;
    await kit.index.apply(events);
    await kit.index.apply(events);
    assert.equal(kit.index.size, size);
    assert.equal(JSON.stringify(everyone.map((uscc) => kit.check(dept, { subjects: [{ uscc }] }).results)), before);
  });
});
