import type { Kysely } from 'kysely';
import {
  type Actor,
  badRequest,
  chinaDate,
  type Clock,
  type DB,
  decodeCursor,
  notFound,
  seesAllDepartments,
  toPage,
} from '../shared/index.ts';
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
    cursor?: string;
  },
) {
  const { cursor, ...filter } = query;
  const departmentId = seesAllDepartments(deps.actor) ? query.departmentId : deps.actor.departmentId;
  const today = chinaDate(deps.clock.now());
  const after = decodeCursor(cursor, ['string', 'string'] as const);
  // A cursor is made by this list, so its version is digits; one that is not would otherwise fail as a 500.
  if (after && !/^\d{1,19}$/.test(after[0]))
    throw badRequest(
      'page.invalid_cursor',
      '分页游标 cursor 无效：请使用上一页返回的 nextCursor，或不传以从第一页开始。',
      {
        field: 'cursor',
      },
    );
  const rows = await repo.listDispatches(deps.db, {
    ...filter,
    departmentId,
    today,
    after: after && { eventVersion: BigInt(after[0]), departmentId: after[1] },
  });
  const page = toPage(rows, query.limit, (d) => [String(d.event_version), d.department_id]);
  return { dispatches: await repo.dispatchViews(deps.db, page.rows), today, nextCursor: page.nextCursor };
}

export async function getDispatch(deps: ReadDeps, id: string) {
  const dispatch = await repo.findDispatch(deps.db, id);
  if (!dispatch || !canSeeDispatch(deps.actor, dispatch)) throw dispatchNotFound();
  return { dispatch: (await repo.dispatchViews(deps.db, [dispatch]))[0]!, today: chinaDate(deps.clock.now()) };
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
