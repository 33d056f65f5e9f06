import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../app/logger.ts';
import type { Database } from '../../app/database.ts';
import { openTestDatabase } from '../../test/database.ts';
import { Outage } from '../../test/outage.ts';
import { checkBatchHash, checkRecordForHash, createSecrets, ManualClock, uuidv7 } from '../shared/index.ts';
import { CheckData } from './check-fixtures.ts';
import { verifyAudit } from '../audit/index.ts';
import { CheckRecorder, type CheckRecordInput } from './check-recorder.ts';

const log = createLogger('silent');

describe('writing check records in batches', () => {
  let database: Database;
  const clock = new ManualClock();
  let departmentId: string;

  before(async () => {
    database = await openTestDatabase();
    departmentId = await new CheckData({
      db: database.db,
      clock,
      secrets: createSecrets(randomBytes(32)),
    }).department();
  });
  after(() => database.close());

  const row = (): CheckRecordInput => ({
    checkId: uuidv7(),
    checkedAt: clock.now(),
    departmentId,
    actor: 'api_key:test',
    scenario: null,
    dataVersion: 7n,
    stale: false,
    subjects: [{ uscc: '91370125MA3C12345X', subjectId: null, entryIds: [], candidate: false }],
  });

  const batchesSince = (seq: bigint) =>
    database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'check.batch')
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  const auditHead = async () =>
    (await database.db.selectFrom('ledger_head').select('audit_seq').executeTakeFirstOrThrow()).audit_seq;

  test('1,000 waiting rows are written at once, as one batch chained by one audit link', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 10_000, intervalMs: 60_000 });
    const seq = await auditHead();
    recorder.start();
    try {
      const rows = Array.from({ length: 1000 }, row);
      for (const r of rows) assert.notEqual(recorder.record(r), false);
      const until = Date.now() + 10_000;
      while (recorder.pending > 0 && Date.now() < until) await sleep(10);
      assert.equal(recorder.pending, 0, 'the batch was written without waiting for the timer');

      const [batch, ...others] = await batchesSince(seq);
      assert.equal(others.length, 0);
      assert.equal(batch!.actor, 'system:checks');
      const stored = await database.db
        .selectFrom('check_records')
        .selectAll()
        .where('audit_seq', '=', batch!.seq)
        .orderBy('check_id')
        .execute();
      assert.equal(stored.length, 1000);
      const ids = rows.map((r) => r.checkId).sort();
      assert.deepEqual(batch!.details, {
        count: 1000,
        firstCheckId: ids[0],
        lastCheckId: ids[999],
        rowsHash: checkBatchHash(stored.map(checkRecordForHash)),
      });
    } finally {
      await recorder.stop();
    }
  });

  test('a flush writes what waits in batches of at most 1,000, oldest first', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 10_000 });
    const seq = await auditHead();
    const rows = Array.from({ length: 2500 }, row);
    for (const r of rows) assert.notEqual(recorder.record(r), false);
    await recorder.flush();
    const batches = await batchesSince(seq);
    assert.deepEqual(
      batches.map((b) => b.details.count),
      [1000, 1000, 500],
    );
    const first = await database.db
      .selectFrom('check_records')
      .select('check_id')
      .where('audit_seq', '=', batches[0]!.seq)
      .execute();
    assert.deepEqual(
      first.map((r) => r.check_id).sort(),
      rows
        .slice(0, 1000)
        .map((r) => r.checkId)
        .sort(),
    );
  });

  test('while the database is down rows wait in order, up to the limit, and are written when it is back', async () => {
    const outage = new Outage();
    const recorder = new CheckRecorder({ db: database.db.withPlugin(outage), clock, log, limit: 5 });
    const rows = Array.from({ length: 6 }, row);
    outage.down = true;
    for (const r of rows.slice(0, 3)) assert.notEqual(recorder.record(r), false);
    await assert.rejects(recorder.flush(), /ECONNREFUSED/);
    assert.equal(recorder.pending, 3);
    assert.notEqual(recorder.record(rows[3]!), false);
    assert.notEqual(recorder.record(rows[4]!), false);
    assert.equal(recorder.record(rows[5]!), false, 'the buffer is full');
    outage.down = false;
    const seq = await auditHead();
    await recorder.flush();
    assert.equal(recorder.pending, 0);
    const [batch] = await batchesSince(seq);
    assert.equal(batch!.details.count, 5);
    const stored = await database.db
      .selectFrom('check_records')
      .select('check_id')
      .where('audit_seq', '=', batch!.seq)
      .execute();
    assert.deepEqual(
      stored.map((r) => r.check_id).sort(),
      rows
        .slice(0, 5)
        .map((r) => r.checkId)
        .sort(),
    );
  });

  test('stopping writes what is left', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 100 });
    recorder.start();
    const r = row();
    assert.notEqual(recorder.record(r), false);
    await recorder.stop();
    assert.ok(
      await database.db
        .selectFrom('check_records')
        .select('check_id')
        .where('check_id', '=', r.checkId)
        .executeTakeFirst(),
    );
  });

  test('a record the database refuses is set aside in the audit log with its error, and the others are written', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 100 });
    const seq = await auditHead();
    const rows = Array.from({ length: 7 }, row);
    // PostgreSQL refuses NUL in text and jsonb: this record can never be written as it is.
    rows[4]!.subjects = [{ name: '示例\u0000区', subjectId: null, entryIds: [], candidate: false }];
    for (const r of rows) assert.notEqual(recorder.record(r), false);
    await recorder.flush();
    assert.equal(recorder.pending, 0, 'nothing waits behind the poisoned record');

    const stored = await database.db
      .selectFrom('check_records')
      .select('check_id')
      .where(
        'check_id',
        'in',
        rows.map((r) => r.checkId),
      )
      .execute();
    assert.deepEqual(
      stored.map((r) => r.check_id).sort(),
      rows
        .filter((_, i) => i !== 4)
        .map((r) => r.checkId)
        .sort(),
    );
    const [setAside, ...more] = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'check.set_aside')
      .where('seq', '>', seq)
      .execute();
    assert.equal(more.length, 0);
    assert.equal(setAside!.target, rows[4]!.checkId);
    const details = setAside!.details as {
      checkId: string;
      error: { code: string; message: string };
      record: { subjects: { name: string }[] };
    };
    assert.equal(details.checkId, rows[4]!.checkId);
    assert.match(details.error.code, /^22/);
    assert.equal(details.record.subjects[0]!.name, '示例\uFFFD区');

    const status = recorder.status();
    assert.equal(status.setAside, 1);
    assert.equal(status.lastSetAsideAt, clock.now().toISOString());
    assert.equal(status.failingSince, null);

    // The next checks are recorded as usual, and the chain accounts for every batch and the record set aside.
    const next = row();
    assert.notEqual(recorder.record(next), false);
    await recorder.flush();
    assert.ok(
      await database.db
        .selectFrom('check_records')
        .select('check_id')
        .where('check_id', '=', next.checkId)
        .executeTakeFirst(),
    );
    const verification = await verifyAudit({ db: database.db, secrets: createSecrets(randomBytes(32)) });
    assert.deepEqual(
      verification.problems.filter((p) => p.code !== 'audit.checkpoint_other_key'),
      [],
    );
  });

  test('a poisoned record never fills the buffer: checks go on being accepted', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 3 });
    const poisoned = row();
    poisoned.actor = 'api_key:\u0000';
    assert.notEqual(recorder.record(poisoned), false);
    await recorder.flush();
    for (let i = 0; i < 10; i++) {
      assert.notEqual(recorder.record(row()), false, `check ${i} accepted`);
      await recorder.flush();
    }
    assert.equal(recorder.pending, 0);
  });

  test('replaying rows already written records nothing twice', async () => {
    const recorder = new CheckRecorder({ db: database.db, clock, log, limit: 100 });
    const rows = Array.from({ length: 4 }, row);
    rows[1]!.subjects = [{ name: 'x\u0000', subjectId: null, entryIds: [], candidate: false }];
    for (const r of rows.slice(0, 2)) assert.notEqual(recorder.record(r), false);
    await recorder.flush();
    const seq = await auditHead();
    assert.deepEqual(await recorder.replay(rows), { written: 2, skipped: 2 });
    assert.deepEqual(await recorder.replay(rows), { written: 0, skipped: 4 });
    const ids = rows.map((r) => r.checkId);
    const stored = await database.db
      .selectFrom('check_records')
      .select('check_id')
      .where('check_id', 'in', ids)
      .execute();
    assert.equal(stored.length, 3);
    const setAside = await database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'check.set_aside')
      .where('target', 'in', ids)
      .execute();
    assert.equal(setAside.length, 1);
    assert.ok((await auditHead()) > seq);
  });
});
