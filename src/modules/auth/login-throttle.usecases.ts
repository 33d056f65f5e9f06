import type { Executor, ModuleContext } from '../shared/index.ts';
import { tooManyAttempts } from './auth.errors.ts';
import { throttleKey } from './client-address.ts';
import {
  accountFailures,
  addressFailures,
  clearPairFailures,
  forgetFailures,
  lockAddress,
  pairFailures,
  recordFailure,
} from './login-attempts.repository.ts';
import {
  ACCOUNT_WARN_FAILURES,
  ACCOUNT_WARN_WINDOW_MS,
  ADDRESS_MAX_FAILURES,
  ADDRESS_WINDOW_MS,
  FAILURE_MEMORY_MS,
  refusal,
} from './login-throttle.ts';

type Deps = Pick<ModuleContext, 'db' | 'log'>;

/** A password attempt by one client address on one username, as the throttle sees it. */
export interface Attempt {
  username: string;
  address: string;
  at: Date;
}

export function attemptOf(username: string, ip: string | undefined, at: Date): Attempt {
  return { username, address: throttleKey(ip), at };
}

const before = (at: Date, ms: number) => new Date(at.getTime() - ms);

/**
 * Counts this attempt as a failure before the password is checked, or throws 429 with the seconds until one more
 * attempt is allowed. Attempts from one address are serialized by an advisory lock, so parallel guesses, from one
 * process or several, get no more checks than the pair's and the address's limits allow.
 */
export async function reserveAttempt(ctx: Deps, attempt: Attempt): Promise<void> {
  const { username, address, at } = attempt;
  await ctx.db.transaction().execute(async (tx) => {
    await lockAddress(tx, address);
    const refused = refusal(
      {
        pair: await pairFailures(tx, username, address, before(at, FAILURE_MEMORY_MS)),
        address: await addressFailures(tx, address, before(at, ADDRESS_WINDOW_MS), ADDRESS_MAX_FAILURES),
      },
      at,
    );
    if (refused) throw tooManyAttempts(refused.retryAfterSeconds, refused.scope);
    await recordFailure(tx, username, address, at);
  });
}

/**
 * The attempt failed (its row stays). Warns when an existing account is under attack from however many addresses;
 * only for accounts, since an unknown "username" may be a password typed into the wrong field.
 */
export async function noteFailure(ctx: Deps, attempt: Attempt, isAccount: boolean): Promise<void> {
  await forgetFailures(ctx.db, before(attempt.at, FAILURE_MEMORY_MS));
  if (!isAccount) return;
  const failures = await accountFailures(ctx.db, attempt.username, before(attempt.at, ACCOUNT_WARN_WINDOW_MS));
  if (failures > ACCOUNT_WARN_FAILURES) {
    ctx.log.warn(
      { username: attempt.username, failuresLastHour: failures, address: attempt.address },
      'many failed logins on one account',
    );
  }
}

/** The right password ends this pair's streak; failures from other addresses still count. */
export async function endStreak(tx: Executor, attempt: Attempt): Promise<void> {
  await clearPairFailures(tx, attempt.username, attempt.address);
}
