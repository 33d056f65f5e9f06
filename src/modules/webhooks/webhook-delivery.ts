import type { Kysely } from 'kysely';
import { type Clock, type DB, type Executor, type Job, uuidv7 } from '../shared/index.ts';
import { EgressRefusedError, resolveTarget, type Resolver } from './egress.ts';
import { loadAllowPatterns } from './egress.repository.ts';
import { retryDelayMs } from './webhook-backoff.ts';
import { postSigned, type SendOutcome } from './webhook-sender.ts';
import { DELIVERY_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature.ts';
import { openSecret } from './webhook-secrets.ts';
import * as repo from './webhooks.repository.ts';

/** Longer than the 10-second answer limit: a delivery being sent is not claimed again by another process. */
const LEASE_MS = 60_000;
const CLAIM_BATCH = 20;
const MAX_ROUNDS = 1000;

export interface DeliveryDeps {
  db: Kysely<DB>;
  clock: Clock;
  serverKey: Buffer;
  log: { warn(obj: object, msg: string): void };
  /** Name resolution (tests may substitute one); the system resolver by default. */
  resolve?: Resolver;
}

/**
 * Sends every due delivery: claims a batch in a short transaction (lease set, committed), POSTs with no transaction
 * open, records each attempt in another short transaction; then claims again, since a success makes the webhook's
 * next delivery due at once. Deliveries waiting for a retry are left for a later run.
 */
export async function runDeliveries(deps: DeliveryDeps): Promise<{ attempted: number; delivered: number }> {
  let attempted = 0;
  let delivered = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const claimed = await deps.db
      .transaction()
      .execute((tx) => repo.claimDue(tx, now, new Date(now.getTime() + LEASE_MS), CLAIM_BATCH));
    if (claimed.length === 0) break;
    // Each claimed delivery belongs to a different webhook (only the oldest of each is due): send them side by side.
    const outcomes = await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await sendDelivery(deps, delivery).catch((error: Error) => {
          deps.log.warn(
            { deliveryId: delivery.id, err: { type: error?.name } },
            'webhook delivery could not be prepared',
          );
          return { status: null, error: '系统内部错误，未能发出。', durationMs: 0, attemptedAt: now };
        });
        await deps.db.transaction().execute((tx) => applyAttempt(tx, delivery.id, outcome, deps.clock.now(), false));
        return outcome;
      }),
    );
    attempted += outcomes.length;
    delivered += outcomes.filter((o) => o.error === null).length;
  }
  return { attempted, delivered };
}

/** Builds, signs and POSTs one delivery; the target is checked again now (the allow-list or DNS may have changed). */
export async function sendDelivery(
  deps: DeliveryDeps,
  delivery: repo.DeliveryRow,
): Promise<SendOutcome & { attemptedAt: Date }> {
  const attemptedAt = deps.clock.now();
  const [hook, dispatch, patterns] = await Promise.all([
    repo.webhookOfDelivery(deps.db, delivery.webhook_id),
    repo.dispatchOfDelivery(deps.db, delivery.dispatch_id),
    loadAllowPatterns(deps.db),
  ]);
  const body = JSON.stringify({
    id: delivery.id,
    idempotencyKey: delivery.idempotency_key,
    dataVersion: String(dispatch.event_version),
    type: dispatch.event_type,
    stream: dispatch.stream,
    streamId: dispatch.stream_id,
    change: dispatch.change,
    dispatchedAt: dispatch.created_at.toISOString(),
  });
  const timestamp = Math.floor(attemptedAt.getTime() / 1000).toString();
  const secret = openSecret(deps.serverKey, hook.id, hook.secret_sealed);
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'CredLink-Webhook/1',
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    'Idempotency-Key': delivery.idempotency_key,
    [DELIVERY_HEADER]: delivery.id,
  };
  try {
    const target = await resolveTarget(hook.url, patterns, deps.resolve);
    return { ...(await postSigned(target, headers, body)), attemptedAt };
  } catch (error) {
    if (!(error instanceof EgressRefusedError)) throw error;
    return { status: null, error: `目标地址不允许：${error.message}`, durationMs: 0, attemptedAt };
  }
}

/**
 * Records an attempt and moves the delivery on: delivered on a 2xx; otherwise the next try after the backoff, or
 * failed once the attempt was made at or after give_up_at (24 h after the first attempt, set when it is made).
 * A manual redelivery only records its outcome on a delivery that is already delivered or failed.
 */
export async function applyAttempt(
  tx: Executor,
  deliveryId: string,
  outcome: SendOutcome & { attemptedAt: Date },
  now: Date,
  manual: boolean,
) {
  const delivery = await repo.findDeliveryForUpdate(tx, deliveryId);
  if (!delivery) return null;
  const attemptId = uuidv7(now.getTime());
  await repo.insertAttempt(tx, {
    id: attemptId,
    delivery_id: delivery.id,
    attempted_at: outcome.attemptedAt,
    status: outcome.status,
    error: outcome.error,
    duration_ms: outcome.durationMs,
    manual,
  });
  const attempts = delivery.attempts + 1;
  const giveUpAt =
    delivery.attempts === 0 && !manual
      ? new Date(outcome.attemptedAt.getTime() + repo.GIVE_UP_MS)
      : delivery.give_up_at;
  const base = { attempts, last_status: outcome.status, last_error: outcome.error, lease_until: null };
  if (outcome.error === null) {
    await repo.updateDelivery(tx, delivery.id, {
      ...base,
      state: 'delivered',
      delivered_at: now,
      give_up_at: giveUpAt,
    });
    return { attemptId, state: 'delivered' as const };
  }
  if (manual || delivery.state !== 'pending') {
    await repo.updateDelivery(tx, delivery.id, base);
    return { attemptId, state: delivery.state };
  }
  if (outcome.attemptedAt.getTime() >= giveUpAt.getTime()) {
    await repo.updateDelivery(tx, delivery.id, { ...base, state: 'failed', give_up_at: giveUpAt });
    return { attemptId, state: 'failed' as const };
  }
  const next = Math.min(now.getTime() + retryDelayMs(delivery.id, attempts), giveUpAt.getTime());
  await repo.updateDelivery(tx, delivery.id, { ...base, next_attempt_at: new Date(next), give_up_at: giveUpAt });
  return { attemptId, state: 'pending' as const };
}

export const webhookDeliveryJob: Job = {
  name: 'webhook-delivery',
  intervalMs: 2000,
  run: (ctx) => runDeliveries(ctx),
};
