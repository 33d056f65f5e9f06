import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../app/logger.ts';
import type { Database } from '../../app/database.ts';
import { openTestDatabase } from '../../test/database.ts';
import { Outage } from '../../test/outage.ts';
import { checkBatchHash, checkRecordForHash } from '../shared/check-batch-hash.ts';
import { ManualClock } from '../shared/clock.ts';
import { uuidv7 } from '../shared/ids.ts';
import { createSecrets } from '../shared/secrets.ts';
import { CheckData } from './check-fixtures.ts';
import { CheckRecorder, type CheckRecordInput } from './check-recorder.ts';

const log = createLogger('silent');

describe('writing check records in batches', () => {
  let database: Database;
  const clock = new ManualClock();
  let departmentId: string;

  before(async () => {
    database = await openTestDatabase();
    departmentId = await new CheckData({ db: database.db, clock, secrets: createSecrets(randomBytes(32)) }).department();
  });
  after(() => database.close());

  const row = (): CheckRecordInput => ({
    checkId: uuidv7(), checkedAt: clock.now(), departmentId, actor: 'api_key:test', scenario: null, dataVersion: 7n, stale: false,
    subjects: [{ uscc: '91370125MA3C12345X', subjectId: null, entryIds: [], candidate: false }],
  });

  const batchesSince = (seq: bigint) => database.db.selectFrom('audit_log').selectAll()
    .where('action', '=', 'check.batch').where('seq', '>', seq).orderBy('seq').execute();
  const auditHead = async () => (await database.db.selectFrom('ledger_head').select('audit_seq').executeTakeFirstOrThrow()).audit_seq;

  test('1,000 waiting rows are written at once, as one batch chained by one audit link', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 10_000, intervalMs: 60_000 });
    const seq = await auditHead();
    recorder.start();
    try {
      const rows = Array.from({ length: 1000 }, row);
      for (const r of rows) assert.equal(recorder.record(r), true);
      const until = Date.now() + 10_000;
      while (recorder.pending > 0 && Date.now() < until) await sleep(10);
      assert.equal(recorder.pending, 0, 'the batch was written without waiting for the timer');

      const [batch, ...others] = await batchesSince(seq);
      assert.equal(others.length, 0);
      assert.equal(batch!.actor, 'system:checks');
      const stored = await database.db.selectFrom('check_records').selectAll().where('audit_seq', '=', batch!.seq).orderBy('check_id').execute();
      assert.equal(stored.length, 1000);
      const ids = rows.map((r) => r.checkId).sort();
      assert.deepEqual(batch!.details, {
        count: 1000, firstCheckId: ids[0], lastCheckId: ids[999], rowsHash: checkBatchHash(stored.map(checkRecordForHash)),
      });
    } finally {
      await recorder.stop();
    }
  });

  test('a flush writes what waits in batches of at most 1,000, oldest first', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 10_000 });
    const seq = await auditHead();
    const rows = Array.from({ length: 2500 }, row);
    for (const r of rows) recorder.record(r);
    await recorder.flush();
    const batches = await batchesSince(seq);
    assert.deepEqual(batches.map((b) => b.details.count), [1000, 1000, 500]);
    const first = await database.db.selectFrom('check_records').select('check_id').where('audit_seq', '=', batches[0]!.seq).execute();
    assert.deepEqual(first.map((r) => r.check_id).sort(), rows.slice(0, 1000).map((r) => r.checkId).sort());
  });

  test('while the database is down rows wait in order, up to the limit, and are written when it is back', async () => {
    const outage = new Outage();
    const recorder = new CheckRecorder({ db: database.db.withPlugin(outage), clock, log, limit: 5 });
    const rows = Array.from({ length: 6 }, row);
    outage.down = true;
    for (const r of rows.slice(0, 3)) assert.equal(recorder.record(r), true);
    await assert.rejects(recorder.flush(), /ECONNREFUSED/);
    assert.equal(recorder.pending, 3);
    assert.equal(recorder.record(rows[3]!), true);
    assert.equal(recorder.record(rows[4]!), true);
    assert.equal(recorder.record(rows[5]!), false, 'the buffer is full');
    outage.down = false;
    const seq = await auditHead();
    await recorder.flush();
    assert.equal(recorder.pending, 0);
    const [batch] = await batchesSince(seq);
    assert.equal(batch!.details.count, 5);
    const stored = await database.db.selectFrom('check_records').select('check_id').where('audit_seq', '=', batch!.seq).execute();
    assert.deepEqual(stored.map((r) => r.check_id).sort(), rows.slice(0, 5).map((r) => r.checkId).sort());
  });

  test('stopping writes what is left', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 100 });
    recorder.start();
    const r = row();
    recorder.record(r);
    await recorder.stop();
    assert.ok(await database.db.selectFrom('check_records').select('check_id').where('check_id', '=', r.checkId).executeTakeFirst());
  });
});
