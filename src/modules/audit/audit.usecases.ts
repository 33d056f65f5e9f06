import type { Kysely } from 'kysely';
import type { Clock, DB, Secrets } from '../shared/index.ts';
import { walkAuditChain, type AuditVerification } from './audit-verifier.ts';
import {
  insertCheckpoint,
  latestCheckpoint,
  listAuditRows,
  readAuditHead,
  type AuditRow,
  type CheckpointRow,
} from './audit.repository.ts';
import { signCheckpoint } from './checkpoint-signature.ts';

export type { AuditVerification } from './audit-verifier.ts';
export type { AuditProblem, AuditProblemCode } from './audit-problems.ts';

/**
 * Walks the whole audit chain and reports what it finds: modified rows, gaps, rows removed from the tail, a chain
 * recomputed wholesale, forged checkpoints and modified check batches (docs/decisions/0004-audit-chain.md).
 */
export async function verifyAudit(deps: { db: Kysely<DB>; secrets: Secrets }): Promise<AuditVerification> {
  return walkAuditChain(deps);
}

export interface TakenCheckpoint {
  created: boolean;
  checkpoint: CheckpointRow | null;
}

/**
 * Signs the current chain head when it has moved past the last checkpoint. Several processes may race here: the
 * insert ignores a sequence number already signed, and only the process whose row landed reports `created`.
 */
export async function takeCheckpoint(deps: {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
}): Promise<TakenCheckpoint> {
  const { db, clock, secrets } = deps;
  const last = await latestCheckpoint(db);
  const head = await readAuditHead(db);
  if (head.audit_seq === 0n || (last !== null && head.audit_seq <= last.seq))
    return { created: false, checkpoint: last };
  const checkpoint: CheckpointRow = {
    seq: head.audit_seq,
    hash: head.audit_hash,
    signed_at: clock.now(),
    key_id: secrets.keyId,
    signature: signCheckpoint(secrets, head.audit_seq, head.audit_hash),
  };
  const created = await insertCheckpoint(db, checkpoint);
  return { created, checkpoint: created ? checkpoint : await latestCheckpoint(db) };
}

export const AUDIT_LOG_MAX_LIMIT = 1000;

/** A page of the audit log in sequence order; `nextAfterSeq` continues it, null at the end. */
export async function listAuditLog(
  deps: { db: Kysely<DB> },
  query: { afterSeq: bigint; limit: number },
): Promise<{ rows: AuditRow[]; nextAfterSeq: bigint | null }> {
  const limit = Math.min(Math.max(query.limit, 1), AUDIT_LOG_MAX_LIMIT);
  const rows = await listAuditRows(deps.db, query.afterSeq, limit);
  return { rows, nextAfterSeq: rows.length === limit ? rows.at(-1)!.seq : null };
}
