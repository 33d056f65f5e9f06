import { sql, type Insertable, type Selectable } from 'kysely';
import {
  type Executor,
  uuidv7,
  type WebhookAttemptsTable,
  type WebhookDeliveriesTable,
  type WebhooksTable,
} from '../shared/index.ts';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;

/** Deliveries give up 24 hours after their first attempt (reset then; see recordAttempt). */
export const GIVE_UP_MS = 24 * 3_600_000;

/**
 * One delivery per active webhook of the receiving department and new dispatch item, made in the dispatcher's
 * transaction; the dispatch id is the idempotency key the receiver deduplicates on.
 */
export async function createDeliveries(
  db: Executor,
  items: { id: string; department_id: string; event_version: bigint | string }[],
  now: Date,
): Promise<number> {
  if (items.length === 0) return 0;
  const departments = [...new Set(items.map((i) => i.department_id))];
  const hooks = await db
    .selectFrom('webhooks')
    .select(['id', 'department_id'])
    .where('department_id', 'in', departments)
    .where('disabled_at', 'is', null)
    .execute();
  if (hooks.length === 0) return 0;
  const rows: Insertable<WebhookDeliveriesTable>[] = [];
  for (const item of items) {
    for (const hook of hooks.filter((h) => h.department_id === item.department_id)) {
      rows.push({
        id: uuidv7(now.getTime()),
        webhook_id: hook.id,
        dispatch_id: item.id,
        event_version: item.event_version.toString(),
        idempotency_key: item.id,
        state: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_until: null,
        give_up_at: new Date(now.getTime() + GIVE_UP_MS),
        last_status: null,
        last_error: null,
        created_at: now,
        delivered_at: null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['webhook_id', 'dispatch_id']).doNothing())
      .execute();
  }
  return rows.length;
}

export const insertWebhook = (db: Executor, row: Insertable<WebhooksTable>) =>
  db.insertInto('webhooks').values(row).execute();

export const findWebhook = (db: Executor, id: string) =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();

/** The webhook of a delivery: a delivery's webhook is never deleted, so a missing one is a fault. */
export const webhookOfDelivery = (db: Executor, id: string) =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The dispatch item a delivery carries (the same: never deleted while a delivery names it). */
export const dispatchOfDelivery = (db: Executor, id: string) =>
  db.selectFrom('dispatches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const departmentExists = (db: Executor, id: string) =>
  db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();

/** Every department's id, code and name: webhooks are shown with their department. */

export const findWebhookForUpdate = (db: Executor, id: string) =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export function listWebhooks(db: Executor, departmentId?: string) {
  let q = db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id');
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.execute();
}

export async function disableWebhook(db: Executor, id: string, now: Date): Promise<number> {
  await db.updateTable('webhooks').set({ disabled_at: now }).where('id', '=', id).execute();
  // What was still waiting will not be sent: say so in the log instead of leaving it pending for ever.
  const failed = await db
    .updateTable('webhook_deliveries')
    .set({ state: 'failed', last_error: '订阅已停用，未再投递。', lease_until: null })
    .where('webhook_id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(failed.numUpdatedRows ?? 0n);
}

/** Code and name of the departments, by id (one query for a whole list). */
/** A page of a webhook's deliveries, newest event first, read as `limit + 1` rows after the cursor's (version, id). */
export function listDeliveries(
  db: Executor,
  webhookId: string,
  f: { state?: string; limit: number; after: { eventVersion: bigint; id: string } | null },
) {
  let q = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('event_version', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  const after = f.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('event_version', 'id'), '<', eb.tuple(after.eventVersion, after.id)));
  if (f.state) q = q.where('state', '=', f.state as 'pending');
  return q.execute();
}

export const findDelivery = (db: Executor, webhookId: string, id: string) =>
  db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();

export const findDeliveryForUpdate = (db: Executor, id: string) =>
  db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function attemptsOf(db: Executor, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('attempted_at')
    .orderBy('id')
    .execute();
}

export const insertAttempt = (db: Executor, row: Insertable<WebhookAttemptsTable>) =>
  db.insertInto('webhook_attempts').values(row).execute();

export const updateDelivery = (db: Executor, id: string, changes: Partial<Insertable<WebhookDeliveriesTable>>) =>
  db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();

/**
 * Claims due deliveries: of each webhook only its oldest pending delivery (the receiver sees changes in event
 * order; a later one waits), not leased by another process. SKIP LOCKED lets several workers claim at once.
 */
export async function claimDue(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<DeliveryRow[]> {
  const due = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select('d.id')
    .where('d.state', '=', 'pending')
    .where('w.disabled_at', 'is', null)
    .where('d.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as e')
            .select(sql`1`.as('one'))
            .whereRef('e.webhook_id', '=', 'd.webhook_id')
            .where('e.state', '=', 'pending')
            .whereRef('e.event_version', '<', 'd.event_version'),
        ),
      ),
    )
    .orderBy('d.next_attempt_at')
    .orderBy('d.event_version')
    .limit(limit)
    .forUpdate('d')
    .skipLocked()
    .execute();
  if (due.length === 0) return [];
  return db
    .updateTable('webhook_deliveries')
    .set({ lease_until: leaseUntil })
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .returningAll()
    .execute();
}
