import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeCitizenId, makeUscc, post, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord } from '../records/records.test-support.ts';

const search = (t: TestApp, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/public/disclosures?${query}` });

describe('penalty records over time, in public and in checks', () => {
  let t: TestApp;
  let amrOperator: TestUser, amrReviewer: TestUser;
  // A user's session rather than an API key: keys expire within the years the clock moves.
  let taxUser: { headers: Headers };
  const subjects: Record<string, { uscc: string; name: string; id?: string }> = {};

  before(async () => {
    t = await createTestApp({
      config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
      now: '2026-03-02T02:00:00Z',
    });
    amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
    taxUser = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
    const cases = {
      minor: ['warning', false],
      minorDisclosed: ['warning', true],
      general: ['fine', false],
      serious: ['suspension', false],
    } as const;
    for (const [key, [penaltyType, discloseMinor]] of Object.entries(cases)) {
      const s = { uscc: makeUscc(), name: `示例区${key}处罚有限公司` };
      const r = await createRecord(t, amrOperator.headers, {
        subject: s,
        penaltyType,
        discloseMinor,
        decisionDate: '2026-03-02',
      });
      subjects[key] = { ...s, id: r.id };
    }
    await t.sync();
  });
  after(() => t.close());

  const publicRecords = async (key: string) => {
    const res = await search(t, `uscc=${subjects[key]!.uscc}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.flatMap((i: { records: unknown[] }) => i.records);
  };
  const shared = async (key: string) => {
    const res = await post(t, '/api/v1/checks', taxUser.headers, { subjects: [{ uscc: subjects[key]!.uscc }] });
    assert.equal(res.statusCode, 200, res.body);
    const [r] = res.json().results;
    assert.deepEqual(r.measures, [], 'a record never brings measures');
    assert.deepEqual(r.hits, [], 'a record is not a list hit');
    return r.records.length;
  };
  const at = (iso: string) => t.clock.set(iso);

  test('on the decision day general and serious records are public; a minor one only when the department decided so; all are shared', async () => {
    const general = await publicRecords('general');
    assert.equal(general.length, 1);
    assert.deepEqual(
      { ...general[0], decisionNo: undefined, repairNoticeUrl: undefined },
      {
        decisionNo: undefined,
        decisionDate: '2026-03-02',
        departmentName: '示例区市场监督管理局',
        domainName: '市场监管',
        penaltyType: '罚款',
        facts: '未按规定公示年度报告',
        basis: '《企业信息公示暂行条例》第十八条',
        amount: '5000.00',
        severityLabel: '一般',
        disclosureEnd: '2027-03-02',
        repairNoticeUrl: undefined,
      },
    );
    assert.equal((await publicRecords('serious'))[0].severityLabel, '严重');
    assert.equal((await publicRecords('minorDisclosed')).length, 1);
    assert.equal((await publicRecords('minor')).length, 0);
    for (const key of ['minor', 'minorDisclosed', 'general', 'serious']) assert.equal(await shared(key), 1, key);
  });

  test('a search that finds only what is not public answers exactly as a search that finds nothing', async () => {
    const hidden = await search(t, `uscc=${subjects.minor!.uscc}`);
    const nothing = await search(t, `uscc=${makeUscc()}`);
    assert.equal(hidden.body, nothing.body);
    assert.equal(hidden.body, '{"date":"2026-03-02","items":[]}');
    assert.equal(
      (await search(t, `name=${encodeURIComponent(subjects.minor!.name)}`)).body,
      (await search(t, 'name=无此主体有限公司')).body,
    );
    assert.equal(hidden.headers['cache-control'], 'no-store');
  });

  test('a minor record stops being public and shared after its 3 months', async () => {
    at('2026-06-02T15:59:00Z');
    assert.equal((await publicRecords('minorDisclosed')).length, 1);
    assert.equal(await shared('minor'), 1);
    at('2026-06-02T16:00:00Z');
    assert.equal((await publicRecords('minorDisclosed')).length, 0);
    assert.equal(await shared('minor'), 0);
    assert.equal(await shared('minorDisclosed'), 0);
    assert.equal((await publicRecords('general')).length, 1);
  });

  test('a general record is public until 2027-03-02 inclusive and gone the next day', async () => {
    at('2027-03-02T15:59:00Z');
    assert.equal((await publicRecords('general')).length, 1);
    assert.equal(await shared('general'), 1);
    at('2027-03-02T16:00:00Z');
    assert.equal((await publicRecords('general')).length, 0);
    assert.equal(await shared('general'), 0);
    assert.equal((await publicRecords('serious')).length, 1);
  });

  test('a serious record is public until 2029-03-02 inclusive and gone the next day', async () => {
    at('2029-03-02T15:59:00Z');
    assert.equal((await publicRecords('serious')).length, 1);
    assert.equal(await shared('serious'), 1);
    at('2029-03-02T16:00:00Z');
    assert.equal((await publicRecords('serious')).length, 0);
    assert.equal(await shared('serious'), 0);
  });

  test('a revoked record disappears from public disclosure and from checks at once', async () => {
    at('2026-04-01T02:00:00Z');
    const s = { uscc: makeUscc(), name: '示例区撤销处罚有限公司' };
    const r = await createRecord(t, amrOperator.headers, {
      subject: s,
      penaltyType: 'fine',
      decisionDate: '2026-03-30',
    });
    await t.sync();
    subjects.revoked = s;
    assert.equal((await publicRecords('revoked')).length, 1);
    assert.equal(await shared('revoked'), 1);
    const revoked = await post(t, `/api/v1/records/${r.id}/revocation`, amrReviewer.headers, { note: '复议撤销' });
    assert.equal(revoked.statusCode, 200, revoked.body);
    await t.sync();
    assert.equal((await publicRecords('revoked')).length, 0);
    assert.equal(await shared('revoked'), 0);
  });
});

describe('list entries in public', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({
      config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
      now: '2026-06-01T02:00:00Z',
    });
  });
  after(() => t.close());

  test('an entry in effect on a public list shows only the fields its list type discloses, with ID numbers masked', async () => {
    const operator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
    const reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
    const uscc = makeUscc();
    const lr = makeCitizenId();
    await publishBlackEntry(t, {
      operator,
      reviewer,
      listTypeCode: 'black_tax',
      subject: { uscc, name: '示例区偷税有限公司' },
      relatedPersons: [{ citizenId: lr, name: '吴法人', role: 'legalRepresentative' }],
    });
    const res = await search(t, `name=${encodeURIComponent('示例区偷税有限公司')}`);
    assert.equal(res.statusCode, 200, res.body);
    const [item] = res.json().items;
    assert.deepEqual(item.subject, { kind: 'organization', name: '示例区偷税有限公司', uscc });
    assert.deepEqual(item.records, []);
    const entry = item.entries[0];
    assert.equal(entry.listType.code, 'black_tax');
    const listType = await t.ctx.db
      .selectFrom('list_types')
      .select('disclosure')
      .where('code', '=', 'black_tax')
      .executeTakeFirstOrThrow();
    for (const field of Object.keys(entry.fields)) assert.ok(listType.disclosure.fields.includes(field), field);
    assert.equal(entry.fields.legalRepresentativeName, '吴法人');
    assert.equal(entry.fields.relatedPersons[0].roleLabel, '法定代表人');
    assert.match(entry.fields.relatedPersons[0].citizenIdMasked, /^\d{4}\*{10}[\dX]{4}$/);
    assert.ok(!res.body.includes(lr));
    assert.equal(entry.fields.listTypeName, '重大税收违法失信主体');
  });

  test('an entry on a list not disclosed to the public is never shown', async () => {
    const operator = await createUser(t, { roles: ['operator'], departmentCode: 'military' });
    const reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'military' });
    const citizenId = makeCitizenId();
    await publishBlackEntry(t, {
      operator,
      reviewer,
      listTypeCode: 'black_defence',
      subject: { citizenId, name: '郑拒服' },
    });
    const hidden = await search(t, `name=${encodeURIComponent('郑拒服')}`);
    const nothing = await search(t, `name=${encodeURIComponent('郑无人')}`);
    assert.equal(hidden.statusCode, 200);
    assert.equal(hidden.body, nothing.body);
  });

  test('a search needs a valid code or a whole name', async () => {
    for (const [query, field] of [
      ['', 'uscc'],
      ['uscc=91370125XXXXXXXXX1', 'uscc'],
      ['name=a', 'name'],
    ] as const) {
      const res = await search(t, query);
      assert.equal(res.statusCode, 422, query);
      assert.equal(res.json().error.details.field, field);
    }
  });
});
