import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { JobRunner } from '../../app/jobs.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeUscc, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { expiryJob } from './expiry.job.ts';
import { createRecord } from './expiry.test-support.ts';
import { runExpiry, type ExpiryCounts } from './expiry.usecases.ts';

// Several server processes run the job at once: on PostgreSQL these runs overlap for real (a pool of connections),
// on PGlite they take turns on its one connection. Either way each item ends exactly once.
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
after(() => t.close());

async function backlog(records: number, entries: number): Promise<string[]> {
  t.clock.set('2026-03-02T02:00:00Z');
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const entry = await publishBlackEntry(t, {
      operator,
      reviewer,
      listTypeCode: 'black_amr',
      subject: { uscc: makeUscc(), name: '示例区并发测试有限公司' },
      basisDate: '2023-03-20',
    });
    ids.push(entry.id);
    t.clock.set('2026-03-02T02:00:00Z');
  }
  for (let i = 0; i < records; i++)
    ids.push(
      await createRecord(t, operator, {
        decisionDate: `2025-03-${String(2 + (i % 8)).padStart(2, '0')}`,
        penaltyType: 'fine',
      }),
    );
  t.clock.set('2026-04-20T01:30:00Z');
  return ids;
}

async function endingsPerItem(ids: string[]) {
  const rows = await t.ctx.db
    .selectFrom('events')
    .select(['stream_id'])
    .where('type', 'in', ['entry.ended', 'record.ended'])
    .where('stream_id', 'in', ids)
    .execute();
  const per = new Map<string, number>();
  for (const r of rows) per.set(r.stream_id, (per.get(r.stream_id) ?? 0) + 1);
  return ids.map((id) => per.get(id) ?? 0);
}

const total = (runs: ExpiryCounts[]) => runs.reduce((sum, c) => sum + c.blackEntries + c.redEntries + c.records, 0);

test('two processes running the job at the same time end each item exactly once', async () => {
  const ids = await backlog(20, 1);
  const runners = [new JobRunner(t.ctx, [expiryJob]), new JobRunner(t.ctx, [expiryJob])];
  const runs = (await Promise.all(runners.map((r) => r.run('expiry')))) as ExpiryCounts[];
  assert.equal(total(runs), ids.length);
  assert.deepEqual(
    await endingsPerItem(ids),
    ids.map(() => 1),
  );
});

test('runs interleaving batch by batch still end each item exactly once', async () => {
  const ids = await backlog(16, 0);
  const quiet = { ...t.ctx, log: { info() {} } as never };
  const runs = await Promise.all([1, 2, 3].map(() => runExpiry(quiet, { batchSize: 1 })));
  assert.equal(total(runs), ids.length);
  assert.deepEqual(
    await endingsPerItem(ids),
    ids.map(() => 1),
  );
  const states = await t.ctx.db.selectFrom('records').select('state').where('id', 'in', ids).execute();
  assert.ok(states.every((r) => r.state === 'ended'));
});
