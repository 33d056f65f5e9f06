import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { listTypeId, makeUscc, post, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { insertNewRecord } from '../records/index.ts';
import { write } from '../shared/index.ts';
import { resolveSubject } from '../subjects/index.ts';
import { createRecord } from './expiry.test-support.ts';
import { runExpiry, type ExpiryCounts } from './expiry.usecases.ts';

let t: TestApp;
let amrOperator: TestUser, amrReviewer: TestUser, taxOperator: TestUser, taxReviewer: TestUser;
let checker: Headers;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
  checker = (await createApiKey(t, 'approval')).headers;
});
after(() => t.close());

/** A month in which the job never ran (the server was down), then the first run. */
async function afterMonthOfDowntime(): Promise<ExpiryCounts> {
  t.clock.set('2026-04-20T01:30:00Z');
  return (await t.ctx.jobs.run('expiry')) as ExpiryCounts;
}

const endingEvents = (stream: string, id: string) =>
  t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', stream)
    .where('stream_id', '=', id)
    .where('type', '=', `${stream}.ended`)
    .execute();
const hits = async (uscc: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/checks',
    headers: checker,
    payload: { subjects: [{ uscc }] },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().results[0].hits as { entryId: string }[];
};

describe('expiry', () => {
  test('a black-list entry whose period ended during a month without runs ends, effective at the end of its period, and leaves checks', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const uscc = makeUscc();
    // Market-regulation list: 3 years from the basis document of 20 March 2023, so the last day is 20 March 2026.
    const entry = await publishBlackEntry(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      listTypeCode: 'black_amr',
      subject: { uscc, name: '示例区期满测试有限公司' },
      basisDate: '2023-03-20',
    });
    assert.equal(entry.period.endDate, '2026-03-20');
    await t.sync();
    assert.deepEqual(
      (await hits(uscc)).map((h) => h.entryId),
      [entry.id],
    );

    const counts = await afterMonthOfDowntime();
    assert.ok(counts.blackEntries >= 1);
    const ended = (
      await t.app.inject({ method: 'GET', url: `/api/v1/entries/${entry.id}`, headers: amrOperator.headers })
    ).json();
    assert.equal(ended.state, 'ended');
    assert.equal(ended.ended.reason, 'expired');

    const [event, ...more] = await endingEvents('entry', entry.id);
    assert.equal(more.length, 0);
    assert.equal(
      event!.effective_at.toISOString(),
      '2026-03-20T16:00:00.000Z',
      'the start of 21 March in China time, not the run time',
    );
    assert.equal(event!.occurred_at.toISOString(), '2026-04-20T01:30:00.000Z');
    assert.equal(event!.actor, 'system:expiry');
    assert.equal(event!.department_id, amrReviewer.departmentId);
    assert.deepEqual(event!.payload, { state: 'ended', reason: 'expired', note: null, previousState: 'in_effect' });
    const row = await t.ctx.db
      .selectFrom('entries')
      .select(['ended_at', 'last_version'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.ended_at!.toISOString(), '2026-03-20T16:00:00.000Z');
    assert.equal(BigInt(row.last_version), event!.version);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target', '=', `entry:${entry.id}`)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit, { action: 'entry.ended', actor: 'system:expiry' });

    await t.sync();
    assert.deepEqual(await hits(uscc), []);
    t.clock.set('2026-03-15T02:00:00Z');
    assert.deepEqual(await hits(uscc), [], 'gone from the check index itself, not only filtered by its end date');

    // Every department that received the publication receives the ending, carrying the period's end.
    t.clock.set('2026-04-20T01:31:00Z');
    await t.ctx.jobs.run('dispatch');
    const items = await t.ctx.db
      .selectFrom('dispatches')
      .select(['department_id', 'event_type', 'change'])
      .where('stream', '=', 'entry')
      .where('stream_id', '=', entry.id)
      .execute();
    const receivers = (type: string) =>
      items
        .filter((i) => i.event_type === type)
        .map((i) => i.department_id)
        .sort();
    assert.ok(receivers('entry.published').length > 0, 'the publication was dispatched');
    assert.deepEqual(receivers('entry.ended'), receivers('entry.published'));
    const ending = items.find((i) => i.event_type === 'entry.ended')!;
    assert.equal(
      JSON.stringify(ending.change).includes('2026-03-20T16:00:00.000Z'),
      true,
      'the ending effective at the end of the period',
    );
  });

  test('a red-list entry ends at the end of its validity', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const uscc = makeUscc();
    const nominated = await post(t, '/api/v1/entries', taxOperator.headers, {
      listTypeId: await listTypeId(t, 'red_tax_a'),
      subject: { uscc, name: '示例区诚信纳税测试有限公司' },
      reason: '纳税信用A级',
    });
    const id = nominated.json().id;
    // Twelve months from 25 March 2025: valid through 24 March 2026.
    const reviewed = await post(t, `/api/v1/entries/${id}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2025-03-25',
    });
    assert.equal(reviewed.json().period.endDate, '2026-03-24');
    assert.equal(
      (await post(t, `/api/v1/entries/${id}/publication`, taxReviewer.headers, {})).json().state,
      'in_effect',
    );

    const counts = await afterMonthOfDowntime();
    assert.ok(counts.redEntries >= 1);
    const [event] = await endingEvents('entry', id);
    assert.equal(event!.effective_at.toISOString(), '2026-03-24T16:00:00.000Z');
    assert.equal((event!.payload as { reason: string }).reason, 'expired');
    const row = await t.ctx.db
      .selectFrom('entries')
      .select(['state', 'ended_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { state: 'ended', ended_reason: 'expired' });
  });

  test('an entry reviewed but never published and a record proposed but never confirmed end with their period, and reach no department', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const uscc = makeUscc();
    const nominated = await post(t, '/api/v1/entries', taxOperator.headers, {
      listTypeId: await listTypeId(t, 'red_tax_a'),
      subject: { uscc, name: '示例区未发布测试有限公司' },
      reason: '纳税信用A级',
    });
    const entryId = nominated.json().id;
    const reviewed = await post(t, `/api/v1/entries/${entryId}/review`, taxReviewer.headers, {
      approved: true,
      opinion: '同意',
      validFrom: '2025-03-20',
    });
    assert.equal(reviewed.json().state, 'reviewed');
    const { result: recordId } = await write(t.ctx, `user:${amrReviewer.id}`, async (w) => {
      const subject = await resolveSubject(w, t.ctx, { uscc: makeUscc(), name: '示例区违诺测试有限公司' }, 'subject');
      return insertNewRecord(w, {
        subjectId: subject.id,
        departmentId: amrReviewer.departmentId,
        domain: 'market_regulation',
        decisionNo: `示承诺〔2025〕${uscc.slice(-6)}号`,
        decisionDate: '2025-03-12',
        facts: '未按承诺补交材料',
        basis: '承诺书违约条款',
        penaltyType: 'fine',
        state: 'proposed',
        createdBy: `user:${amrReviewer.id}`,
      });
    });

    t.clock.set('2026-04-20T01:30:00Z');
    const tooLate = await post(t, `/api/v1/records/${recordId}/confirmation`, amrReviewer.headers, {});
    assert.equal(
      tooLate.statusCode,
      422,
      'a proposed record past its maximum period cannot take effect, even before the job runs',
    );
    assert.equal(tooLate.json().error.code, 'record.period_already_over');
    assert.match(tooLate.json().error.message, /2026-03-12/);
    await afterMonthOfDowntime();
    const entry = await t.ctx.db
      .selectFrom('entries')
      .select(['state', 'ended_reason', 'ended_at'])
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(entry, {
      state: 'ended',
      ended_reason: 'expired',
      ended_at: new Date('2026-03-19T16:00:00.000Z'),
    });
    assert.equal(
      ((await endingEvents('entry', entryId))[0]!.payload as { previousState: string }).previousState,
      'reviewed',
    );
    const record = await t.ctx.db
      .selectFrom('records')
      .select(['state', 'ended_reason', 'ended_at'])
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(record, {
      state: 'ended',
      ended_reason: 'expired',
      ended_at: new Date('2026-03-12T16:00:00.000Z'),
    });
    const confirm = await post(t, `/api/v1/records/${recordId}/confirmation`, amrReviewer.headers, {});
    assert.equal(confirm.statusCode, 409, 'an ended record cannot be confirmed');

    await t.ctx.jobs.run('dispatch');
    const items = await t.ctx.db
      .selectFrom('dispatches')
      .select('id')
      .where('stream_id', 'in', [entryId, recordId])
      .execute();
    assert.equal(items.length, 0, 'neither was ever dispatched, so their ending is not either');
  });

  test('records stop disclosure and sharing at their maximum period, each effective at its own end; a record not yet due stays', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const minor = await createRecord(t, amrOperator, { decisionDate: '2025-12-10', penaltyType: 'warning' }); // 3 months → 10 March 2026
    const general = await createRecord(t, amrOperator, { decisionDate: '2025-03-15', penaltyType: 'fine' }); // 1 year → 15 March 2026
    const serious = await createRecord(t, amrOperator, { decisionDate: '2023-03-25', penaltyType: 'revocation' }); // 3 years → 25 March 2026
    const current = await createRecord(t, amrOperator, { decisionDate: '2025-06-01', penaltyType: 'fine' }); // → 1 June 2026

    const counts = await afterMonthOfDowntime();
    assert.ok(counts.records >= 3);
    const expected: [string, string][] = [
      [minor, '2026-03-10T16:00:00.000Z'],
      [general, '2026-03-15T16:00:00.000Z'],
      [serious, '2026-03-25T16:00:00.000Z'],
    ];
    for (const [id, at] of expected) {
      const row = await t.ctx.db
        .selectFrom('records')
        .select(['state', 'ended_reason', 'ended_at', 'last_version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'ended');
      assert.equal(row.ended_reason, 'expired');
      assert.equal(row.ended_at!.toISOString(), at);
      const [event, ...more] = await endingEvents('record', id);
      assert.equal(more.length, 0);
      assert.equal(event!.effective_at.toISOString(), at);
      assert.equal(event!.actor, 'system:expiry');
      assert.equal((event!.payload as { reason: string }).reason, 'expired');
      assert.equal(BigInt(row.last_version), event!.version);
    }
    const stays = await t.ctx.db
      .selectFrom('records')
      .select('state')
      .where('id', '=', current)
      .executeTakeFirstOrThrow();
    assert.equal(stays.state, 'in_effect');
    assert.equal((await endingEvents('record', current)).length, 0);
  });

  test('a second run finds nothing to do and writes nothing', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    await createRecord(t, amrOperator, { decisionDate: '2025-03-05', penaltyType: 'fine' });
    const first = await afterMonthOfDowntime();
    assert.ok(first.records >= 1);
    const head = await t.ctx.db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
    const second = await t.ctx.jobs.run('expiry');
    assert.deepEqual(second, { blackEntries: 0, redEntries: 0, records: 0, batches: 0 });
    assert.deepEqual(
      await t.ctx.db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow(),
      head,
      'no event, no audit row',
    );
  });

  test('a large backlog is ended in batches of its own transactions, with one log line per run', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(await createRecord(t, amrOperator, { decisionDate: `2025-03-0${i + 2}`, penaltyType: 'fine' }));
    t.clock.set('2026-04-20T01:30:00Z');
    const logged: { obj: object; msg?: string }[] = [];
    const counts = await runExpiry(
      { ...t.ctx, log: { info: (obj: object, msg?: string) => logged.push({ obj, msg }) } as never },
      { batchSize: 2 },
    );
    assert.deepEqual(counts, { blackEntries: 0, redEntries: 0, records: 5, batches: 3 });
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['version', 'stream_id', 'effective_at'])
      .where('type', '=', 'record.ended')
      .where('stream_id', 'in', ids)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      events.map((e) => e.stream_id),
      ids,
      'oldest period first',
    );
    assert.deepEqual(logged, [
      {
        obj: { job: 'expiry', today: '2026-04-20', blackEntries: 0, redEntries: 0, records: 5, batches: 3 },
        msg: 'expiry run',
      },
    ]);
  });
});
