import { citizenIdCheckCharacter, usccCheckCharacter } from '../src/modules/shared/identifiers.ts';

// Deterministic synthetic subjects for the check benchmark. Subject number i (0 ≤ i < entries) is the subject of
// entry i; the loader and the load generator derive the same codes from the same numbers, so the load generator
// knows which codes are loaded (hits) and which are not (misses) without reading the database.

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const DIVISION = '370125';

/** Every 10th subject is a person (a natural person on a black list); the others are organizations. */
export const isPersonSubject = (i: number) => i % 10 === 9;
/** One organization in 20 is an individual business (USCC 92…). */
export const isIndividualBusiness = (i: number) => i % 20 === 3;

/**
 * Numbers from MISS_BASE on are never loaded: codes built from them are valid but unknown to the server. The
 * citizen-ID space holds 20 million numbers per address code, so the miss range lies under another address code.
 */
export const MISS_BASE = 100_000_000;

/** GB 11714 check character of the 8-character organization code at USCC positions 9–16, so codes carry no warning. */
function organizationCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A valid USCC for number n: '91' (or '92') + division + 8 base-31 characters + organization-code check + check. */
export function usccFor(n: number, individualBusiness = false): string {
  let rest = n;
  let code8 = '';
  for (let i = 0; i < 8; i++) {
    code8 = USCC_CHARSET[rest % 31]! + code8;
    rest = Math.floor(rest / 31);
  }
  const body = `${individualBusiness ? '92' : '91'}${DIVISION}${code8}${organizationCodeCheck(code8)}`;
  return body + usccCheckCharacter(body);
}

const DAYS_PER_ADDRESS = 20_000; // 1950-01-01 plus about 54 years of birth dates
const BIRTH_EPOCH = Date.UTC(1950, 0, 1);

/** A valid 18-digit citizen ID for number n: address code, a real birth date from 1950 on, sequence, check. */
export function citizenIdFor(n: number): string {
  const seq = n % 1000;
  const dayNumber = Math.floor(n / 1000);
  const address = 370101 + Math.floor(dayNumber / DAYS_PER_ADDRESS);
  const birth = new Date(BIRTH_EPOCH + (dayNumber % DAYS_PER_ADDRESS) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const body = `${address}${birth}${String(seq).padStart(3, '0')}`;
  return body + citizenIdCheckCharacter(body);
}

export const organizationName = (i: number) =>
  isIndividualBusiness(i) ? `示例区样本${i}号商行` : `示例样本${i}号科技有限公司`;
export const personName = (i: number) => `样本人员${i}号`;

/** A 32-bit hash of (i, salt): reproducible choices per subject without keeping state. */
export function mix(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Whether the decision on organization i names its legal representative (principal for an individual business).
 * The rules require it for every organization (share 1); a smaller share gives a lighter data set. The named
 * person of organization i gets citizen ID number i (subject numbers of persons and organizations never overlap).
 */
export const isNamed = (i: number, share: number) => !isPersonSubject(i) && mix(i, 7) / 4294967296 < share;

/** Whether subject i also has a dishonesty record in effect (a general penalty record, shared with every department). */
export const hasRecord = (i: number, share: number) => mix(i, 11) / 4294967296 < share;

/** Pseudo-random but reproducible numbers (mulberry32), so two runs send the same requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
