import { z } from 'zod';

const INT8_MAX = 9223372036854775807n;
const DIGITS = /^\d{1,19}$/;
// zod runs the refinement even after the pattern failed, so it must not assume digits.
const seqString = z
  .string()
  .regex(DIGITS)
  .refine((v) => !DIGITS.test(v) || BigInt(v) <= INT8_MAX, '序号超出范围');

export const auditLogQuerySchema = z.object({
  /** Returns rows with a sequence number greater than this (a page's `nextAfterSeq`); default 0. */
  afterSeq: seqString.optional(),
  /** Rows per page, 1–1000; default 100. */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const auditRowSchema = z.object({
  /** Position in the chain, from 1 (int8 as a string). */
  seq: z.string(),
  at: z.string(),
  /** 'user:<id>', 'api_key:<id>' or 'system:<job>'. */
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** sha256 over the previous row's hash and this row's content. */
  hash: z.string(),
});

export const auditLogPageSchema = z.object({
  items: z.array(auditRowSchema),
  /** Pass as `afterSeq` for the next page; null when this page reached the end. */
  nextAfterSeq: z.string().nullable(),
});

export const auditProblemSchema = z.object({
  /** Stable code, e.g. audit.row_modified, audit.tail_removed, audit.chain_recomputed. */
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  seq: z.string().nullable(),
});

export const auditVerificationSchema = z.object({
  /** True when no problem of severity error was found. */
  ok: z.boolean(),
  rowsChecked: z.number().int(),
  lastSeq: z.string(),
  checkpointsChecked: z.number().int(),
  /** The highest checkpoint whose signature verified under the current server key. */
  lastCheckpointSeq: z.string().nullable(),
  checkBatchesChecked: z.number().int(),
  problems: z.array(auditProblemSchema),
  /** Problems beyond the per-code limit, counted but not listed. */
  problemsOmitted: z.number().int(),
});

export const auditCheckpointSchema = z.object({
  seq: z.string(),
  hash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
});

export const takeCheckpointResultSchema = z.object({
  /** False when the chain head had not moved since the last checkpoint. */
  created: z.boolean(),
  /** The checkpoint now covering the head; null when the log is empty. */
  checkpoint: auditCheckpointSchema.nullable(),
});
