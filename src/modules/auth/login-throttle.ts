/**
 * When a login attempt may be made (decision 0003). Pure rules over failure times the repository reads; the
 * caller holds the address's lock, so the counts cannot move under it.
 */

/** Failures of one (username, address) pair allowed before it must wait. */
export const PAIR_FREE_FAILURES = 5;
/** The longest a pair waits: 1 s after its 5th failure, doubling with each further one up to this. */
export const PAIR_MAX_DELAY_MS = 15 * 60_000;
/** How long a pair's failures are remembered: long enough that an attacker at the cap never earns free tries. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;
/** Failed logins one address may make across all usernames within ADDRESS_WINDOW_MS. */
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
/** An account with more failures than this within ACCOUNT_WARN_WINDOW_MS is logged at warn on each further one. */
export const ACCOUNT_WARN_FAILURES = 20;
export const ACCOUNT_WARN_WINDOW_MS = 60 * 60_000;

/** The wait a pair owes after `failures` failures, counted from its latest one. */
export function pairDelayMs(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  const doublings = failures - PAIR_FREE_FAILURES;
  // 2^10 s already passes the cap; stopping there keeps the arithmetic small for long streaks.
  return Math.min(1000 * 2 ** Math.min(doublings, 10), PAIR_MAX_DELAY_MS);
}

export interface FailureState {
  /** The pair's remembered failures and the latest of them. */
  pair: { failures: number; latest: Date | null };
  /** The address's most recent failures within the window, newest first (at most ADDRESS_MAX_FAILURES). */
  address: Date[];
}

export type Refusal = { scope: 'account' | 'address'; retryAfterSeconds: number };

/** Null when an attempt may be made now; otherwise which limit holds it back and for how many whole seconds. */
export function refusal(state: FailureState, now: Date): Refusal | null {
  const t = now.getTime();
  const pairFree = state.pair.latest ? state.pair.latest.getTime() + pairDelayMs(state.pair.failures) : t;
  const full = state.address.length >= ADDRESS_MAX_FAILURES;
  const addressFree = full ? state.address[ADDRESS_MAX_FAILURES - 1]!.getTime() + ADDRESS_WINDOW_MS : t;
  const freeAt = Math.max(pairFree, addressFree);
  if (freeAt <= t) return null;
  return { scope: addressFree >= pairFree ? 'address' : 'account', retryAfterSeconds: Math.ceil((freeAt - t) / 1000) };
}

/** Whole seconds or minutes, rounded up so that trying again at the time said is never too early. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
