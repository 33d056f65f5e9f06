import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { json, uuidv7 } from '../shared/index.ts';
import { walkAuditChain } from './audit-verifier.ts';
import { verifyAudit } from './audit.usecases.ts';
import { createDepartment, recordCheckBatch, useAuditFixture, writeAudits } from './audit.test-support.ts';

const fixture = useAuditFixture({ before, after, beforeEach });
const codes = (result: { problems: { code: string }[] }) => result.problems.map((p) => p.code);

test('check batches chained through one audit row each verify ok', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  await writeAudits(f, 2);
  await recordCheckBatch(f, department, 5);
  await writeAudits(f, 1, 3);
  await recordCheckBatch(f, department, 1);
  await f.checkpointer.checkpoint();
  const result = await verifyAudit(f);
  assert.deepEqual(result.problems, []);
  assert.equal(result.checkBatchesChecked, 2);
});

test('a modified check record is reported as check_batch_modified at its batch', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  await recordCheckBatch(f, department, 3);
  const batch = await recordCheckBatch(f, department, 4);
  await writeAudits(f, 1);
  await sql`update check_records set subjects = ${json([{ uscc: '91350100M000100Y43', hits: 0 }])}::jsonb where check_id = ${batch.checkIds[2]}`.execute(
    f.db,
  );
  const result = await verifyAudit(f);
  assert.deepEqual(codes(result), ['audit.check_batch_modified']);
  assert.equal(result.problems[0]!.seq, batch.seq);
});

test('a deleted check record changes its batch count', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  const batch = await recordCheckBatch(f, department, 3);
  await sql`delete from check_records where check_id = ${batch.checkIds[0]}`.execute(f.db);
  const result = await verifyAudit(f);
  assert.deepEqual(codes(result), ['audit.check_batch_modified']);
  assert.match(result.problems[0]!.message, /应有 3 条，现有 2 条/);
});

test('a check record slipped in under another audit row is reported', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  await writeAudits(f, 2);
  await recordCheckBatch(f, department, 2);
  await f.db
    .insertInto('check_records')
    .values({
      check_id: uuidv7(),
      checked_at: f.clock.now(),
      department_id: department,
      actor: 'api_key:x',
      scenario: null,
      data_version: '1',
      stale: false,
      subjects: json([]),
      audit_seq: '1',
    })
    .execute();
  const result = await verifyAudit(f);
  assert.deepEqual(codes(result), ['audit.check_batch_modified']);
  assert.equal(result.problems[0]!.seq, 1n);
  assert.match(result.problems[0]!.message, /不是核查批次记录/);
});

test('verification reads the chain page by page with the same findings', async () => {
  const f = fixture();
  const department = await createDepartment(f.db);
  for (let i = 0; i < 4; i++) {
    await writeAudits(f, 2, i * 2 + 1);
    await recordCheckBatch(f, department, 3);
    await f.checkpointer.checkpoint();
  }
  const clean = await walkAuditChain(f, 2);
  assert.deepEqual(clean.problems, []);
  assert.equal(clean.checkBatchesChecked, 4);
  assert.equal(clean.checkpointsChecked, 4);

  const batch = await recordCheckBatch(f, department, 7);
  await writeAudits(f, 2, 20);
  await sql`update check_records set stale = true where check_id = ${batch.checkIds[5]}`.execute(f.db);
  await sql`update audit_log set target = 'entry:changed' where seq = 5`.execute(f.db);
  const paged = await walkAuditChain(f, 2);
  const whole = await walkAuditChain(f, 5_000);
  assert.deepEqual(paged, whole);
  assert.deepEqual(codes(paged).sort(), ['audit.check_batch_modified', 'audit.row_modified']);
});
