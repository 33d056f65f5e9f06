import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { createDepartment, recordCheckBatch, useAuditFixture } from '../audit/audit.test-support.ts';
import { verifyAudit } from '../audit/index.ts';
import { monthsBefore, removeExpiredCheckRecords, RETENTION_BATCHES_PER_STEP } from './check-retention.job.ts';

const fixture = useAuditFixture({ before, after, beforeEach });
const log = { info() {}, warn() {}, error() {}, debug() {} } as never;
const deps = (months = 36) => ({ ...fixture(), log, config: { checkRecordRetentionMonths: months } as never });
const count = async () =>
  Number(
    (
      await fixture()
        .db.selectFrom('check_records')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('check records older than the retention period are removed and the audit chain still verifies, batch hashes included', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  f.clock.set('2023-01-10T02:00:00.000Z');
  const old1 = await recordCheckBatch(f, department, 4);
  const old2 = await recordCheckBatch(f, department, 3);
  f.clock.set('2025-06-01T02:00:00.000Z');
  const recent = await recordCheckBatch(f, department, 2);
  await f.checkpointer.checkpoint();
  f.clock.set('2026-06-01T02:00:00.000Z');

  const result = await removeExpiredCheckRecords(deps());
  assert.deepEqual(result, { batches: 2, records: 7, throughSeq: old2.seq });
  assert.equal(await count(), 2, 'the checks within 36 months stay');
  const batchRows = await f.db
    .selectFrom('audit_log')
    .select(['seq', 'details'])
    .where('action', '=', 'check.batch')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    batchRows.map((r) => r.seq),
    [old1.seq, old2.seq, recent.seq],
    'every batch keeps its audit row',
  );
  assert.ok(
    batchRows.every((r) => typeof (r.details as { rowsHash?: unknown }).rowsHash === 'string'),
    'and its hash',
  );

  await f.checkpointer.checkpoint();
  const verified = await verifyAudit(f);
  assert.deepEqual(verified.problems, []);
  assert.equal(verified.checkBatchesChecked, 3);
  assert.equal(verified.checkBatchesPurged, 2);
  assert.deepEqual(
    await removeExpiredCheckRecords(deps()),
    { batches: 0, records: 0, throughSeq: null },
    'a second run removes nothing',
  );
});

test('a batch holding one check still within the period stops the removal there, and 0 months keeps everything', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  f.clock.set('2023-01-10T02:00:00.000Z');
  await recordCheckBatch(f, department, 2);
  f.clock.set('2023-07-01T02:00:00.000Z');
  await recordCheckBatch(f, department, 2);
  f.clock.set('2023-01-11T02:00:00.000Z');
  await recordCheckBatch(f, department, 2);
  f.clock.set('2026-06-01T02:00:00.000Z');
  assert.equal((await removeExpiredCheckRecords(deps(0))).records, 0);
  const result = await removeExpiredCheckRecords(deps());
  assert.equal(
    result.batches,
    1,
    'the third batch is old too, but comes after one that is not: removal keeps the audit order',
  );
  assert.equal(await count(), 4);
  assert.deepEqual((await verifyAudit(f)).problems, []);
});

test('records removed without the retention job are still found, even next to removed ones', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  f.clock.set('2023-01-10T02:00:00.000Z');
  await recordCheckBatch(f, department, 2);
  f.clock.set('2026-05-01T02:00:00.000Z');
  const recent = await recordCheckBatch(f, department, 3);
  f.clock.set('2026-06-01T02:00:00.000Z');
  await removeExpiredCheckRecords(deps());
  await sql`delete from check_records where audit_seq = ${recent.seq.toString()}`.execute(f.db);
  const verified = await verifyAudit(f);
  assert.deepEqual(
    verified.problems.map((p) => [p.code, p.seq]),
    [['audit.check_batch_modified', recent.seq]],
  );
});

test('many expired batches are removed in steps of a bounded size, each step chained into the audit log', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  f.clock.set('2022-01-10T02:00:00.000Z');
  for (let i = 0; i < RETENTION_BATCHES_PER_STEP + 3; i++) await recordCheckBatch(f, department, 1);
  f.clock.set('2026-06-01T02:00:00.000Z');
  const result = await removeExpiredCheckRecords(deps());
  assert.equal(result.batches, RETENTION_BATCHES_PER_STEP + 3);
  const purges = await f.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'check.records_purged')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    purges.map((p) => (p.details as { batches: number }).batches),
    [RETENTION_BATCHES_PER_STEP, 3],
  );
  assert.deepEqual((await verifyAudit(f)).problems, []);
});

test('the retention period counts calendar months back from now', () => {
  assert.equal(monthsBefore(new Date('2026-05-31T10:00:00Z'), 36).toISOString(), '2023-05-31T10:00:00.000Z');
  assert.equal(monthsBefore(new Date('2027-03-31T10:00:00Z'), 1).toISOString(), '2027-02-28T10:00:00.000Z');
});
