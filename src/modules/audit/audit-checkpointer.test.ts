import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, test } from 'node:test';
import { AuditCheckpointer } from './audit-checkpointer.ts';
import { auditVerifyCommand } from './audit.cli.ts';
import { checkpointSignatureValid } from './checkpoint-signature.ts';
import { headSeq, silentLog, useAuditFixture, writeAudits } from './audit.test-support.ts';

const fixture = useAuditFixture({ before, after, beforeEach });

test('no checkpoint is taken while the audit log is empty', async () => {
  assert.equal(await fixture().checkpointer.checkpoint(), null);
});

test('a checkpoint signs the chain head once, and again only after it moves', async () => {
  const f = fixture();
  await writeAudits(f, 3);
  const head = await f.db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
  const first = await f.checkpointer.checkpoint();
  assert.deepEqual(first, { seq: BigInt(head.audit_seq), hash: head.audit_hash });
  assert.equal(await f.checkpointer.checkpoint(), null);

  await writeAudits(f, 1, 4);
  const second = await f.checkpointer.checkpoint();
  assert.equal(second?.seq, await headSeq(f.db));
  const stored = await f.db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  assert.deepEqual(
    stored.map((c) => c.seq),
    [first!.seq, second!.seq],
  );
  assert.equal(stored[1]!.key_id, f.secrets.keyId);
  assert.equal(stored[1]!.signed_at.toISOString(), f.clock.now().toISOString());
  assert.ok(stored.every((c) => checkpointSignatureValid(f.secrets, c)));
});

test('several processes checkpointing at once store one checkpoint', async () => {
  const f = fixture();
  await writeAudits(f, 2);
  const others = [1, 2, 3].map(
    () => new AuditCheckpointer({ db: f.db, clock: f.clock, log: silentLog, secrets: f.secrets }),
  );
  const results = await Promise.all([f.checkpointer, ...others].map((c) => c.checkpoint()));
  assert.ok(results.filter((r) => r !== null).length >= 1);
  const stored = await f.db.selectFrom('audit_checkpoints').select('seq').execute();
  assert.equal(stored.length, 1);
});

test('a started checkpointer signs periodically and once more when stopped', async () => {
  const f = fixture();
  const checkpointer = new AuditCheckpointer({
    db: f.db,
    clock: f.clock,
    log: silentLog,
    secrets: f.secrets,
    intervalMs: 20,
  });
  await writeAudits(f, 1);
  checkpointer.start();
  try {
    for (let i = 0; i < 200 && (await f.db.selectFrom('audit_checkpoints').select('seq').execute()).length === 0; i++)
      await sleep(20);
    assert.equal((await f.db.selectFrom('audit_checkpoints').select('seq').execute()).length, 1);
  } finally {
    await writeAudits(f, 1, 2);
    await checkpointer.stop();
  }
  const last = await f.db
    .selectFrom('audit_checkpoints')
    .select('seq')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(last.seq, await headSeq(f.db));
});

test('a checkpointer that was never started takes no checkpoint when stopped', async () => {
  const f = fixture();
  await writeAudits(f, 1);
  await f.checkpointer.stop();
  assert.equal((await f.db.selectFrom('audit_checkpoints').select('seq').execute()).length, 0);
});

test('the verify command prints a Chinese report and exits 0 for a sound chain, 2 for a tampered one', async () => {
  const f = fixture();
  await writeAudits(f, 3);
  await f.checkpointer.checkpoint();
  const lines: string[] = [];
  assert.equal(await auditVerifyCommand(f, (l) => lines.push(l)), 0);
  assert.match(lines.join('\n'), /审计链完整/);

  await f.db.deleteFrom('audit_log').where('seq', '=', 2n).execute();
  lines.length = 0;
  assert.equal(await auditVerifyCommand(f, (l) => lines.push(l)), 2);
  const report = lines.join('\n');
  assert.match(report, /\[audit\.gap\] 序号 2：审计记录缺失第 2 条/);
  assert.match(report, /存在问题/);
});
