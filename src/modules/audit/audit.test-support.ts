// Helpers for the audit tests: build a real chain through write()/appendToLedger, then tamper with it in raw SQL.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../app/database.ts';
import { openTestDatabase } from '../../test/database.ts';
import {
  appendToLedger,
  auditHash,
  checkBatchHash,
  checkRecordForHash,
  type CheckRecordRow,
  createSecrets,
  type DB,
  json,
  ManualClock,
  type Secrets,
  uuidv7,
  write,
} from '../shared/index.ts';
import { AuditCheckpointer } from './audit-checkpointer.ts';

export const silentLog = { info() {}, warn() {}, debug() {} };

export interface AuditFixture {
  database: Database;
  db: Kysely<DB>;
  clock: ManualClock;
  secrets: Secrets;
  checkpointer: AuditCheckpointer;
  close(): Promise<void>;
}

export async function openAuditFixture(): Promise<AuditFixture> {
  const database = await openTestDatabase();
  const clock = new ManualClock();
  const secrets = createSecrets(randomBytes(32));
  const checkpointer = new AuditCheckpointer({ db: database.db, clock, log: silentLog, secrets });
  return { database, db: database.db, clock, secrets, checkpointer, close: () => database.close() };
}

/**
 * One database per test file (opening one costs seconds); each test starts from an empty chain. The chain is
 * global state, so tests in a file run one after another (node:test's default within a file).
 */
export function useAuditFixture(hooks: {
  before: (fn: () => Promise<void>) => void;
  after: (fn: () => Promise<void>) => void;
  beforeEach: (fn: () => Promise<void>) => void;
}): () => AuditFixture {
  let fixture: AuditFixture | null = null;
  hooks.before(async () => {
    fixture = await openAuditFixture();
  });
  hooks.after(async () => {
    await fixture?.close();
  });
  hooks.beforeEach(async () => resetAuditChain(fixture!));
  return () => fixture!;
}

export async function resetAuditChain(f: AuditFixture): Promise<void> {
  await sql`delete from check_records`.execute(f.db);
  await sql`delete from audit_checkpoints`.execute(f.db);
  await sql`delete from audit_log`.execute(f.db);
  await sql`update ledger_head set audit_seq = 0, audit_hash = ${'0'.repeat(64)} where id = 1`.execute(f.db);
  f.clock.set('2026-06-01T02:00:00.000Z');
}

/** `count` writes; every other write appends two audit rows, as a write touching two records does. */
export async function writeAudits(f: AuditFixture, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i++) {
    f.clock.advance(1000);
    await write(f, 'user:0190a000-0000-7000-8000-000000000001', async (w) => {
      w.audit({ action: 'entry.update', target: `entry:${i}`, details: { i, note: `第 ${i} 次修改` } });
      if (i % 2 === 0)
        w.audit({ action: 'entry.event', target: `entry:${i}`, details: { i, nested: { b: 2, a: [1, 'x'] } } });
    });
  }
}

export async function headSeq(db: Kysely<DB>): Promise<bigint> {
  const head = await db.selectFrom('ledger_head').select('audit_seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return BigInt(head.audit_seq);
}

export async function createDepartment(db: Kysely<DB>): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('departments')
    .values({
      id,
      code: `D${id.slice(-8)}`,
      name: '测试部门',
      kind: 'department',
      created_at: new Date('2026-01-01T00:00:00Z'),
    })
    .execute();
  return id;
}

/** One batch of check records chained by one 'check.batch' audit row, as the check recorder writes it. */
export async function recordCheckBatch(
  f: AuditFixture,
  departmentId: string,
  count: number,
): Promise<{ seq: bigint; checkIds: string[] }> {
  f.clock.advance(1000);
  const now = f.clock.now();
  const rows: CheckRecordRow[] = Array.from({ length: count }, (_, i) => ({
    check_id: uuidv7(now.getTime() - i),
    checked_at: new Date(now.getTime() - i),
    department_id: departmentId,
    actor: 'api_key:0190a000-0000-7000-8000-0000000000aa',
    scenario: i % 2 === 0 ? 'administrative_licensing' : null,
    data_version: 42n,
    stale: false,
    subjects: [{ uscc: '91350100M000100Y43', hits: i % 3 }],
  }));
  const rowsHash = checkBatchHash(rows.map(checkRecordForHash));
  return f.db.transaction().execute(async (tx) => {
    await appendToLedger(tx, {
      now,
      actor: 'system:check-recorder',
      events: [],
      audits: [
        {
          action: 'check.batch',
          details: { count, firstCheckId: rows.at(-1)!.check_id, lastCheckId: rows[0]!.check_id, rowsHash },
        },
      ],
    });
    const { audit_seq: seq } = await tx
      .selectFrom('ledger_head')
      .select('audit_seq')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('check_records')
      .values(
        rows.map((r) => ({
          ...r,
          data_version: r.data_version.toString(),
          subjects: json(r.subjects),
          audit_seq: seq.toString(),
        })),
      )
      .execute();
    return { seq: BigInt(seq), checkIds: rows.map((r) => r.check_id) };
  });
}

/** What an attacker with database access but without the server key can do: rewrite every hash from the start. */
export async function recomputeWholeChain(db: Kysely<DB>): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = '0'.repeat(64);
  for (const row of rows) {
    const hash = auditHash(prev, {
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: row.details,
    });
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(db);
    prev = hash;
  }
  await sql`update ledger_head set audit_hash = ${prev} where id = 1`.execute(db);
}
