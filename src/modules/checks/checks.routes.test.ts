import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventSync } from '../../app/sync.ts';
import { makeCitizenId, makeUscc, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { createApiKey, createUser, type Headers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { Outage } from '../../test/outage.ts';
import { maskCitizenId } from '../shared/index.ts';

describe('POST /api/v1/checks', () => {
  let t: TestApp;
  let taxSystem: { headers: Headers; departmentId: string };
  let uscc: string, legalRepresentative: string, entryId: string;

  const check = (headers: Headers, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/checks', headers, payload: payload as object });

  before(async () => {
    // Publishing moves the clock past the statement period: sessions must outlive that.
    t = await createTestApp({ config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 } });
    const operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    const reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
    uscc = makeUscc();
    legalRepresentative = makeCitizenId();
    const entry = await publishBlackEntry(t, {
      operator,
      reviewer,
      listTypeCode: 'black_amr',
      subject: { uscc, name: '示例区核查接口测试有限公司' },
      relatedPersons: [{ citizenId: legalRepresentative, name: '钱法人', role: 'legalRepresentative' }],
    });
    entryId = entry.id;
    taxSystem = await createApiKey(t, 'tax');
    await t.sync();
  });
  after(() => t.close());

  test('a department system finds a published entry and the measures it must apply', async () => {
    const res = await check(taxSystem.headers, { subjects: [{ uscc, name: '示例区核查接口测试有限公司' }] });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.match(body.checkId, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    assert.equal(body.dataVersion, t.ctx.sync.status().dataVersion.toString());
    assert.equal(body.stale, false);
    const [r] = body.results;
    assert.equal(r.matched, true);
    assert.equal(r.candidate, false);
    assert.deepEqual(
      r.hits.map((h: { entryId: string; role: string; state: string }) => [h.entryId, h.role, h.state]),
      [[entryId, 'subject', 'in_effect']],
    );
    assert.equal(r.hits[0].listType.code, 'black_amr');
    assert.ok(r.measures.length > 0, 'the decided sanctions for an organization');
  });

  test('the legal representative named in the decision is found by ID number, shown masked', async () => {
    const res = await check(taxSystem.headers, { subjects: [{ citizenId: legalRepresentative }] });
    assert.equal(res.statusCode, 200, res.body);
    const [r] = res.json().results;
    assert.equal(r.hits[0].role, 'legalRepresentative');
    assert.equal(r.subject.citizenIdMasked, maskCitizenId(legalRepresentative));
    assert.ok(!res.body.includes(legalRepresentative));
  });

  test('every check is recorded once the recorder flushes', async () => {
    const res = await check(taxSystem.headers, {
      subjects: [{ uscc }, { name: '无此主体' }],
      scenario: 'administrative_licensing',
    });
    await t.ctx.recorder.flush();
    const row = await t.ctx.db
      .selectFrom('check_records')
      .selectAll()
      .where('check_id', '=', res.json().checkId)
      .executeTakeFirstOrThrow();
    assert.equal(row.department_id, taxSystem.departmentId);
    assert.equal(row.scenario, 'administrative_licensing');
    assert.equal(row.subjects.length, 2);
  });

  test('a signed-in user of any role may check; an anonymous caller may not', async () => {
    const auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'tax' });
    assert.equal((await check(auditor.headers, { subjects: [{ uscc }] })).statusCode, 200);
    assert.equal((await check({}, { subjects: [{ uscc }] })).statusCode, 401);
  });

  test('a malformed body is a 400; an invalid code is answered in its own result with the field and the value masked', async () => {
    const empty = await check(taxSystem.headers, { subjects: [] });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error.code, 'request.invalid');
    const bad = legalRepresentative.slice(0, 17) + (legalRepresentative[17] === '1' ? '2' : '1');
    const res = await check(taxSystem.headers, { subjects: [{ uscc }, { citizenId: bad }] });
    assert.equal(res.statusCode, 200);
    const [first, second] = res.json().results;
    assert.equal(first.problems, undefined);
    assert.equal(second.problems[0].field, 'subjects[1].citizenId');
    assert.deepEqual(second.hits, []);
    assert.ok(!res.body.includes(bad));
    const tooMany = await check(taxSystem.headers, { subjects: Array.from({ length: 1001 }, () => ({ uscc })) });
    assert.equal(tooMany.statusCode, 400);
  });

  test('the API document describes the check with its response schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/api/v1/checks'].post;
    assert.ok(op.responses['200'].content['application/json'].schema);
    assert.ok(doc.components.schemas.CheckResponse);
  });
});

describe('checks while the database is unreachable', () => {
  test('checks keep being answered, marked stale after 5 s, and refused with 503 only when the record buffer is full', async () => {
    const t = await createTestApp({ config: { checkRecordBufferLimit: 2 } });
    try {
      const system = await createApiKey(t, 'amr');
      const outage = new Outage();
      const sync = new EventSync({
        database: t.ctx.database,
        db: t.ctx.db.withPlugin(outage),
        clock: t.clock,
        log: t.ctx.log,
        intervalMs: 60_000,
        staleAfterMs: 5000,
      });
      await sync.initialize(async () => {});
      t.ctx.sync = sync;
      outage.down = true;
      t.clock.advance(5000);
      await sync.pollOnce();

      const ask = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/checks',
          headers: system.headers,
          payload: { subjects: [{ uscc: makeUscc() }] },
        });
      const first = await ask();
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().stale, true);
      assert.equal((await ask()).statusCode, 200);
      const refused = await ask();
      assert.equal(refused.statusCode, 503);
      assert.equal(refused.json().error.code, 'check.unrecorded');
      assert.match(refused.json().error.message, /核查记录/);

      await t.ctx.recorder.flush();
      assert.equal((await ask()).statusCode, 200);
    } finally {
      await t.close();
    }
  });
});
