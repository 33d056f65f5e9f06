import { departmentRefsByIds } from '../departments/index.ts';
import type { Kysely } from 'kysely';
import {
  type Actor,
  badRequest,
  type Clock,
  type DB,
  decodeCursor,
  hasRole,
  seesAllDepartments,
  toPage,
  uuidv7,
  write,
} from '../shared/index.ts';
import { EgressRefusedError, resolveTarget, type Resolver } from './egress.ts';
import { loadAllowPatterns } from './egress.repository.ts';
import { applyAttempt, sendDelivery } from './webhook-delivery.ts';
import { newSecret, sealSecret } from './webhook-secrets.ts';
import {
  deliveryNotFound,
  deliveryPending,
  notManager,
  otherDepartment,
  targetRefused,
  unknownDepartment,
  webhookDisabled,
  webhookNotFound,
} from './webhooks.errors.ts';
import * as repo from './webhooks.repository.ts';

export interface WebhookDeps {
  db: Kysely<DB>;
  clock: Clock;
  serverKey: Buffer;
  actor: Actor;
  log: { warn(obj: object, msg: string): void };
  resolve?: Resolver;
}

/** The department a caller may manage webhooks for: its own (operator, reviewer), or any (credit office, admin). */
function managedDepartment(actor: Actor, requested?: string): string {
  if (actor.kind === 'user' && hasRole(actor, 'admin', 'credit_office')) return requested ?? actor.departmentId;
  if (actor.kind !== 'user' || !hasRole(actor, 'operator', 'reviewer')) throw notManager();
  if (requested && requested !== actor.departmentId) throw otherDepartment();
  return actor.departmentId;
}

const canSee = (actor: Actor, hook: { department_id: string }) =>
  seesAllDepartments(actor) || hook.department_id === actor.departmentId;

/** Where the audit trail points: scheme, host and path, without a query string that may carry a token. */
const shownUrl = (url: string) => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
};

export async function registerWebhook(deps: WebhookDeps, input: { url: string; departmentId?: string }) {
  const departmentId = managedDepartment(deps.actor, input.departmentId);
  const department = await repo.departmentExists(deps.db, departmentId);
  if (!department) throw unknownDepartment();
  // Resolved and checked before the transaction: no network wait holds a database connection.
  try {
    await resolveTarget(input.url, await loadAllowPatterns(deps.db), deps.resolve);
  } catch (error) {
    if (error instanceof EgressRefusedError) throw targetRefused(error);
    throw error;
  }
  const secret = newSecret();
  const id = uuidv7(deps.clock.now().getTime());
  await write(deps, deps.actor.ref, async (w) => {
    await repo.insertWebhook(w.tx, {
      id,
      department_id: departmentId,
      url: input.url,
      secret_sealed: sealSecret(deps.serverKey, id, secret),
      created_by: deps.actor.ref,
      created_at: w.now,
      disabled_at: null,
    });
    const details = { departmentId, url: shownUrl(input.url) };
    w.event({ stream: 'webhook', streamId: id, type: 'webhook.registered', departmentId, payload: details });
    w.audit({ action: 'webhook.registered', target: `webhook:${id}`, details });
  });
  return { webhook: (await repo.findWebhook(deps.db, id))!, secret };
}

export async function listWebhooks(deps: { db: Kysely<DB>; actor: Actor }, query: { departmentId?: string }) {
  const departmentId = seesAllDepartments(deps.actor) ? query.departmentId : deps.actor.departmentId;
  return { webhooks: await webhookViews(deps.db, await repo.listWebhooks(deps.db, departmentId)) };
}

/** Webhooks with their departments: one query for the departments of the whole list. */
export async function webhookViews(db: Kysely<DB>, webhooks: repo.WebhookRow[]) {
  const departments = await departmentRefsByIds(db, [...new Set(webhooks.map((w) => w.department_id))]);
  return webhooks.map((webhook) => ({ webhook, department: departments.get(webhook.department_id)! }));
}

export async function getWebhook(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  const webhook = await repo.findWebhook(deps.db, id);
  if (!webhook || !canSee(deps.actor, webhook)) throw webhookNotFound();
  return { webhook };
}

/** Disables a webhook; deliveries still waiting are marked failed (the log says why). */
export async function disableWebhook(deps: WebhookDeps, id: string) {
  await write(deps, deps.actor.ref, async (w) => {
    const hook = await repo.findWebhookForUpdate(w.tx, id);
    if (!hook || !canSee(deps.actor, hook)) throw webhookNotFound();
    managedDepartment(deps.actor, hook.department_id);
    if (hook.disabled_at) throw webhookDisabled();
    const abandoned = await repo.disableWebhook(w.tx, id, w.now);
    const details = { departmentId: hook.department_id, abandonedDeliveries: abandoned };
    w.event({
      stream: 'webhook',
      streamId: id,
      type: 'webhook.disabled',
      departmentId: hook.department_id,
      payload: details,
    });
    w.audit({ action: 'webhook.disabled', target: `webhook:${id}`, details });
  });
  return getWebhook(deps, id);
}

export async function listDeliveries(
  deps: { db: Kysely<DB>; actor: Actor },
  id: string,
  query: { state?: string; limit: number; cursor?: string },
) {
  await getWebhook(deps, id);
  const after = decodeCursor(query.cursor, ['string', 'string'] as const);
  // A cursor is made by this list, so its version is digits; one that is not would otherwise fail as a 500.
  if (after && (!/^\d{1,19}$/.test(after[0]) || !UUID.test(after[1])))
    throw badRequest(
      'page.invalid_cursor',
      '分页游标 cursor 无效：请使用上一页返回的 nextCursor，或不传以从第一页开始。',
      {
        field: 'cursor',
      },
    );
  const rows = await repo.listDeliveries(deps.db, id, {
    state: query.state,
    limit: query.limit,
    after: after && { eventVersion: BigInt(after[0]), id: after[1] },
  });
  const page = toPage(rows, query.limit, (d) => [String(d.event_version), d.id]);
  return {
    deliveries: page.rows,
    attempts: await repo.attemptsOf(
      deps.db,
      page.rows.map((d) => d.id),
    ),
    nextCursor: page.nextCursor,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sends a delivered or failed delivery once more, now, with the same idempotency key (the receiver may have lost
 * it). A delivery still queued is refused: sending it out of turn would break the order the receiver relies on.
 */
export async function redeliver(deps: WebhookDeps, webhookId: string, deliveryId: string) {
  const { webhook } = await getWebhook(deps, webhookId);
  managedDepartment(deps.actor, webhook.department_id);
  if (webhook.disabled_at) throw webhookDisabled();
  const delivery = await repo.findDelivery(deps.db, webhookId, deliveryId);
  if (!delivery) throw deliveryNotFound();
  if (delivery.state === 'pending') throw deliveryPending();
  const outcome = await sendDelivery(deps, delivery);
  const { result: applied } = await write(deps, deps.actor.ref, async (w) => {
    const applied = await applyAttempt(w.tx, delivery.id, outcome, w.now, true);
    const details = {
      deliveryId,
      dispatchId: delivery.dispatch_id,
      status: outcome.status,
      delivered: outcome.error === null,
    };
    w.event({
      stream: 'webhook',
      streamId: webhookId,
      type: 'webhook.redelivered',
      departmentId: webhook.department_id,
      payload: details,
    });
    w.audit({ action: 'webhook.redelivered', target: `webhook:${webhookId}`, details });
    return applied;
  });
  const updated = (await repo.findDelivery(deps.db, webhookId, deliveryId))!;
  const attempts = await repo.attemptsOf(deps.db, [deliveryId]);
  const attempt = attempts.find((a) => a.id === applied?.attemptId)!;
  return { delivery: updated, attempts, attempt, delivered: outcome.error === null };
}
