import type { Selectable } from 'kysely';
import type { EgressAllowlistTable } from '../shared/index.ts';
import type { AttemptRow, DeliveryRow, WebhookRow } from './webhooks.repository.ts';

type DepartmentRef = { id: string; code: string; name: string };

export const presentWebhook = (w: WebhookRow, department: DepartmentRef) => ({
  id: w.id,
  department,
  url: w.url,
  active: w.disabled_at === null,
  createdAt: w.created_at.toISOString(),
  disabledAt: w.disabled_at?.toISOString() ?? null,
});

export const presentAttempt = (a: AttemptRow) => ({
  attemptedAt: a.attempted_at.toISOString(),
  status: a.status,
  error: a.error,
  durationMs: a.duration_ms,
  manual: a.manual,
});

export const presentDelivery = (d: DeliveryRow, attempts: AttemptRow[]) => ({
  id: d.id,
  dispatchId: d.dispatch_id,
  idempotencyKey: d.idempotency_key,
  dataVersion: String(d.event_version),
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.state === 'pending' ? d.next_attempt_at.toISOString() : null,
  giveUpAt: d.give_up_at.toISOString(),
  lastStatus: d.last_status,
  lastError: d.last_error,
  createdAt: d.created_at.toISOString(),
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  attemptLog: attempts.filter((a) => a.delivery_id === d.id).map(presentAttempt),
});

export const presentAllowEntry = (e: Selectable<EgressAllowlistTable>) => ({
  id: e.id,
  pattern: e.pattern,
  note: e.note,
  createdBy: e.created_by,
  createdAt: e.created_at.toISOString(),
});
