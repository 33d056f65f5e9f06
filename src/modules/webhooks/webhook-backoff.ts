import { createHash } from 'node:crypto';

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;
/** Up to this share of the delay is added, so receivers that were down together are not hit together on return. */
export const JITTER_SHARE = 0.1;

/**
 * The wait after the nth failed attempt (n ≥ 1): 30 s doubling, capped at 1 h, plus jitter. The jitter comes from a
 * hash of the delivery id and attempt number rather than a random draw: retries of different deliveries spread
 * out, and the same delivery always waits the same (tests can predict it; a restart does not change it).
 */
export function retryDelayMs(deliveryId: string, failedAttempts: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(Math.max(failedAttempts, 1) - 1, 20));
  const unit = createHash('sha256').update(`${deliveryId}:${failedAttempts}`).digest().readUInt32BE(0) / 0x1_0000_0000;
  return base + Math.floor(base * JITTER_SHARE * unit);
}
