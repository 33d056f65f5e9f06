import type { Kysely } from 'kysely';
import { seesAllDepartments, type Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import type { DB } from '../shared/db.types.ts';
import { badRequest, notFound } from '../shared/errors.ts';
import { chinaDate } from '../shared/working-days.ts';
import { DISPATCH_CURSOR } from './dispatcher.ts';
import * as repo from './dispatch.repository.ts';

interface ReadDeps {
  db: Kysely<DB>;
  clock: Clock;
  actor: Actor;
}

export const dispatchNotFound = () => notFound('推送事项', 'dispatch.not_found');

export const canSeeDispatch = (actor: Actor, d: { department_id: string }) =>
  seesAllDepartments(actor) || d.department_id === actor.departmentId;

/** The inbox: the caller's department's items; the credit office, administrators and auditors see every department's. */
export async function listInbox(
  deps: ReadDeps,
  query: {
    departmentId?: string;
    open?: boolean;
    overdue?: boolean;
    feedbackRequired?: boolean;
    limit: number;
    offset: number;
  },
) {
  const departmentId = seesAllDepartments(deps.actor) ? query.departmentId : deps.actor.departmentId;
  const today = chinaDate(deps.clock.now());
  const rows = await repo.listDispatches(deps.db, { ...query, departmentId, today, limit: query.limit + 1 });
  const dispatches = rows.slice(0, query.limit);
  return {
    dispatches,
    today,
    feedbackCounts: await repo.feedbackCounts(
      deps.db,
      dispatches.map((d) => d.id),
    ),
    nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
  };
}

export async function getDispatch(deps: ReadDeps, id: string) {
  const dispatch = await repo.findDispatch(deps.db, id);
  if (!dispatch || !canSeeDispatch(deps.actor, dispatch)) throw dispatchNotFound();
  return { dispatch, today: chinaDate(deps.clock.now()), feedbackCounts: await repo.feedbackCounts(deps.db, [id]) };
}

/** A data version as the feed's `since`: a non-negative integer of at most 19 digits. */
export function parseSince(raw: string | undefined): bigint {
  const text = (raw ?? '0').trim();
  if (!/^\d{1,19}$/.test(text) || BigInt(text) > 9_223_372_036_854_775_807n) {
    throw badRequest(
      'changes.invalid_since',
      'since 应为数据版本号（非负整数），首次调用传 0，之后传上次答复的 nextSince。',
      { field: 'since' },
    );
  }
  return BigInt(text);
}

/**
 * The change feed of the caller's department. The cursor is read before the items: every item at or below it is
 * committed (items are inserted with the cursor's advance, one page at a time), so answering nextSince =
 * dispatchedThrough when no item is left never skips one that commits later.
 */
export async function changesSince(deps: ReadDeps, query: { since?: string; limit: number }) {
  const since = parseSince(query.since);
  const dispatchedThrough = await repo.readCursor(deps.db, DISPATCH_CURSOR);
  const rows = await repo.dispatchesAfter(deps.db, deps.actor.departmentId, since, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  const last = items.length > 0 ? BigInt(items.at(-1)!.event_version) : since;
  const nextSince = hasMore ? last : [last, dispatchedThrough, since].reduce((a, b) => (b > a ? b : a));
  return { items, hasMore, nextSince, dispatchedThrough };
}
