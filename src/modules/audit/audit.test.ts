import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { createSecrets, json } from '../shared/index.ts';
import type { AuditVerification } from './audit-verifier.ts';
import { verifyAudit } from './audit.usecases.ts';
import { signCheckpoint } from './checkpoint-signature.ts';
import { headSeq, recomputeWholeChain, useAuditFixture, writeAudits, type AuditFixture } from './audit.test-support.ts';

const fixture = useAuditFixture({ before, after, beforeEach });
const withChain = (run: (f: AuditFixture) => Promise<void>) => () => run(fixture());

const codes = (result: AuditVerification) => result.problems.map((p) => p.code);
const problem = (result: AuditVerification, code: string) => result.problems.find((p) => p.code === code);

test(
  'an untampered chain with checkpoints verifies ok',
  withChain(async (f) => {
    await writeAudits(f, 4);
    assert.ok(await f.checkpointer.checkpoint());
    await writeAudits(f, 3, 5);
    await f.checkpointer.checkpoint();
    const result = await verifyAudit(f);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    assert.equal(result.lastSeq, await headSeq(f.db));
    assert.equal(result.rowsChecked, Number(result.lastSeq));
    assert.equal(result.checkpointsChecked, 2);
    assert.equal(result.lastCheckpointSeq, result.lastSeq);
  }),
);

test(
  'an empty audit log verifies ok',
  withChain(async (f) => {
    const result = await verifyAudit(f);
    assert.equal(result.ok, true);
    assert.equal(result.rowsChecked, 0);
    assert.equal(result.lastSeq, 0n);
    assert.equal(result.lastCheckpointSeq, null);
  }),
);

test(
  'a modified details column is reported as row_modified at that row',
  withChain(async (f) => {
    await writeAudits(f, 5);
    await f.checkpointer.checkpoint();
    await sql`update audit_log set details = ${json({ i: 3, note: '改过的内容' })}::jsonb where seq = 4`.execute(f.db);
    const result = await verifyAudit(f);
    assert.equal(result.ok, false);
    assert.deepEqual(codes(result), ['audit.row_modified']);
    assert.equal(problem(result, 'audit.row_modified')!.seq, 4n);
    assert.match(problem(result, 'audit.row_modified')!.message, /第 4 条/);
  }),
);

test(
  'only the first modified row is named, with a count of the others',
  withChain(async (f) => {
    await writeAudits(f, 5);
    await sql`update audit_log set actor = 'user:someone-else' where seq in (2, 6)`.execute(f.db);
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.row_modified']);
    assert.equal(result.problems[0]!.seq, 2n);
    assert.match(result.problems[0]!.message, /另有 1 条/);
  }),
);

test(
  'a row whose own hash was recomputed breaks the link to the next row',
  withChain(async (f) => {
    await writeAudits(f, 4);
    await sql`update audit_log set target = 'entry:x', hash = repeat('a', 64) where seq = 2`.execute(f.db);
    const result = await verifyAudit(f);
    assert.equal(problem(result, 'audit.row_modified')!.seq, 2n);
  }),
);

test(
  'a row deleted from the middle is reported as a gap',
  withChain(async (f) => {
    await writeAudits(f, 5);
    await sql`delete from audit_log where seq in (3, 4)`.execute(f.db);
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.gap']);
    assert.equal(result.problems[0]!.seq, 3n);
    assert.match(result.problems[0]!.message, /第 3–4 条/);
  }),
);

test(
  'rows deleted from the tail are reported while the chain head still counts them',
  withChain(async (f) => {
    await writeAudits(f, 5);
    const last = await headSeq(f.db);
    await sql`delete from audit_log where seq > ${last - 2n}`.execute(f.db);
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.tail_removed']);
    assert.equal(result.problems[0]!.seq, last - 1n);
    assert.equal(result.lastSeq, last - 2n);
  }),
);

test(
  'rows deleted from the tail are reported from a signed checkpoint even with the chain head rolled back',
  withChain(async (f) => {
    await writeAudits(f, 5);
    const signed = await f.checkpointer.checkpoint();
    assert.ok(signed);
    const keep = signed.seq - 3n;
    await sql`delete from audit_log where seq > ${keep}`.execute(f.db);
    await sql`update ledger_head set audit_seq = ${keep}, audit_hash = (select hash from audit_log where seq = ${keep}) where id = 1`.execute(
      f.db,
    );
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.tail_removed']);
    assert.match(result.problems[0]!.message, new RegExp(`检查点记到第 ${signed.seq} 条`));
  }),
);

test(
  'a chain recomputed wholesale after a modification is caught by the checkpoint',
  withChain(async (f) => {
    await writeAudits(f, 3);
    const early = await f.checkpointer.checkpoint();
    await writeAudits(f, 3, 4);
    const late = await f.checkpointer.checkpoint();
    assert.ok(early && late);
    await sql`update audit_log set details = ${json({ i: 5, note: '篡改' })}::jsonb where seq = ${early.seq + 2n}`.execute(
      f.db,
    );
    await recomputeWholeChain(f.db);
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.chain_recomputed']);
    assert.equal(result.problems[0]!.seq, late.seq);
    assert.match(result.problems[0]!.message, new RegExp(`第 ${early.seq + 1n}–${late.seq} 条`));
  }),
);

test(
  'a recomputed chain without a later checkpoint still shows against the chain head',
  withChain(async (f) => {
    await writeAudits(f, 3);
    await sql`update audit_log set actor = 'user:x' where seq = 2`.execute(f.db);
    const head = await f.db.selectFrom('ledger_head').select('audit_hash').executeTakeFirstOrThrow();
    await recomputeWholeChain(f.db);
    await sql`update ledger_head set audit_hash = ${head.audit_hash} where id = 1`.execute(f.db);
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.head_mismatch']);
  }),
);

test(
  'a checkpoint whose signature does not verify is reported as forged',
  withChain(async (f) => {
    await writeAudits(f, 3);
    const seq = await headSeq(f.db);
    const head = await f.db.selectFrom('ledger_head').select('audit_hash').executeTakeFirstOrThrow();
    await f.db
      .insertInto('audit_checkpoints')
      .values({
        seq: seq.toString(),
        hash: head.audit_hash,
        signed_at: f.clock.now(),
        key_id: f.secrets.keyId,
        signature: 'f'.repeat(64),
      })
      .execute();
    const result = await verifyAudit(f);
    assert.deepEqual(codes(result), ['audit.checkpoint_forged']);
    assert.equal(result.problems[0]!.seq, seq);
    assert.equal(result.lastCheckpointSeq, null);
  }),
);

test(
  'a checkpoint whose hash was changed no longer verifies',
  withChain(async (f) => {
    await writeAudits(f, 3);
    const cp = await f.checkpointer.checkpoint();
    await sql`update audit_checkpoints set hash = repeat('b', 64) where seq = ${cp!.seq}`.execute(f.db);
    assert.deepEqual(codes(await verifyAudit(f)), ['audit.checkpoint_forged']);
  }),
);

test(
  'a checkpoint signed with another key is a warning and not used as an anchor',
  withChain(async (f) => {
    await writeAudits(f, 3);
    const other = createSecrets(randomBytes(32));
    const seq = await headSeq(f.db);
    const head = await f.db.selectFrom('ledger_head').select('audit_hash').executeTakeFirstOrThrow();
    await f.db
      .insertInto('audit_checkpoints')
      .values({
        seq: seq.toString(),
        hash: head.audit_hash,
        signed_at: f.clock.now(),
        key_id: other.keyId,
        signature: signCheckpoint(other, seq, head.audit_hash),
      })
      .execute();
    const result = await verifyAudit(f);
    assert.equal(result.ok, true);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.severity]),
      [['audit.checkpoint_other_key', 'warning']],
    );
    assert.match(result.problems[0]!.message, new RegExp(other.keyId));
  }),
);

test(
  'verification sees a tail removal even when rows were written after the checkpoint',
  withChain(async (f) => {
    await writeAudits(f, 4);
    const cp = await f.checkpointer.checkpoint();
    await writeAudits(f, 2, 5);
    await sql`delete from audit_log where seq > ${cp!.seq - 1n}`.execute(f.db);
    await sql`update ledger_head set audit_seq = ${cp!.seq - 1n}, audit_hash = (select hash from audit_log where seq = ${cp!.seq - 1n}) where id = 1`.execute(
      f.db,
    );
    assert.deepEqual(codes(await verifyAudit(f)), ['audit.tail_removed']);
  }),
);
