import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { nextSerial } from './serials.repository.ts';
import type { Executor } from './ledger.ts';
import { chinaDate } from './working-days.ts';

/** Prefixes of application numbers: 异议 YY, 修复 XF, 举报 JB. */
export const FILING_PREFIX = { objection: 'YY', repair: 'XF', tipoff: 'JB' } as const;
export type FilingKind = keyof typeof FILING_PREFIX;

/** e.g. YY20261128000042: prefix, China date, a serial per prefix and day. */
export async function newApplicationNo(db: Executor, kind: FilingKind, now: Date): Promise<string> {
  const day = chinaDate(now).replaceAll('-', '');
  const serial = await nextSerial(db, `${FILING_PREFIX[kind]}${day}`);
  return `${FILING_PREFIX[kind]}${day}${serial.toString().padStart(6, '0')}`;
}

export function kindOfApplicationNo(no: string): FilingKind | null {
  const prefix = no.slice(0, 2);
  return (Object.keys(FILING_PREFIX) as FilingKind[]).find((k) => FILING_PREFIX[k] === prefix) ?? null;
}

/** A tracking secret: 160 random bits shown once to the filer; only its SHA-256 is stored. */
export function newTrackingSecret(): { secret: string; hash: string } {
  const secret = randomBytes(20).toString('base64url');
  return { secret, hash: hashTrackingSecret(secret) };
}

export const hashTrackingSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of a presented secret with a stored hash (a missing row compares against a dummy). */
export function trackingSecretMatches(presented: string, storedHash: string | null): boolean {
  const a = Buffer.from(hashTrackingSecret(presented), 'hex');
  const b = Buffer.from(storedHash ?? '0'.repeat(64), 'hex');
  return timingSafeEqual(a, b) && storedHash !== null;
}
