import { timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../shared/index.ts';

/** What a checkpoint signs: the chain head at one sequence number. */
export const checkpointMessage = (seq: bigint, hash: string) => `credlink-audit-checkpoint:${seq}:${hash}`;

export const signCheckpoint = (secrets: Secrets, seq: bigint, hash: string) =>
  secrets.sign(checkpointMessage(seq, hash));

export function checkpointSignatureValid(
  secrets: Secrets,
  checkpoint: { seq: bigint; hash: string; signature: string },
): boolean {
  const expected = Buffer.from(signCheckpoint(secrets, checkpoint.seq, checkpoint.hash), 'utf8');
  const actual = Buffer.from(checkpoint.signature, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
