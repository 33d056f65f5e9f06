import type { z } from 'zod';
import type { AuditVerification } from './audit-verifier.ts';
import type { AuditRow, CheckpointRow } from './audit.repository.ts';
import type { auditCheckpointSchema, auditRowSchema, auditVerificationSchema } from './audit.schemas.ts';

/** Audit rows hold no ID number in clear (redacted when written), so readers of the log see them as stored. */
export function presentAuditRow(row: AuditRow): z.infer<typeof auditRowSchema> {
  return {
    seq: row.seq.toString(),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details,
    hash: row.hash,
  };
}

export function presentVerification(result: AuditVerification): z.infer<typeof auditVerificationSchema> {
  return {
    ok: result.ok,
    rowsChecked: result.rowsChecked,
    lastSeq: result.lastSeq.toString(),
    checkpointsChecked: result.checkpointsChecked,
    lastCheckpointSeq: result.lastCheckpointSeq?.toString() ?? null,
    checkBatchesChecked: result.checkBatchesChecked,
    problems: result.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: p.message,
      seq: p.seq?.toString() ?? null,
    })),
    problemsOmitted: result.problemsOmitted,
  };
}

export function presentCheckpoint(cp: CheckpointRow): z.infer<typeof auditCheckpointSchema> {
  return { seq: cp.seq.toString(), hash: cp.hash, signedAt: cp.signed_at.toISOString(), keyId: cp.key_id };
}
