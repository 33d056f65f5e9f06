import { readAttachment } from '../shared/index.ts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor, TipoffsTable } from '../shared/index.ts';

export type TipoffRow = Selectable<TipoffsTable>;

// Queries never select reporter_sealed except where the handler opens it (findSealedReporter).
const COLUMNS = [
  'id',
  'application_no',
  'subject',
  'subject_id',
  'department_id',
  'handler_id',
  'anonymous',
  'content',
  'state',
  'result',
  'due_from',
  'due_days',
  'due_date',
  'closed_at',
  'created_at',
  'updated_at',
] as const;
export type TipoffView = Pick<TipoffRow, (typeof COLUMNS)[number]>;

export const insertTipoff = (db: Executor, row: Insertable<TipoffsTable>) =>
  db.insertInto('tipoffs').values(row).execute();

export const findTipoff = (db: Executor, id: string) =>
  db.selectFrom('tipoffs').select(COLUMNS).where('id', '=', id).executeTakeFirst();

/** Locks the tip-off: steps, assignments and transfers of one tip-off happen one after another. */
export const findTipoffForUpdate = (db: Executor, id: string) =>
  db.selectFrom('tipoffs').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();

/** Tip-offs whose reporter is sealed under another key than the current one, locked for resealing. */
export const tipoffsSealedUnderOtherKeys = (db: Executor, currentKeyId: string, limit: number) =>
  db
    .selectFrom('tipoffs')
    .select(['id', 'reporter_sealed'])
    .where('reporter_sealed', 'is not', null)
    .where('key_id', '!=', currentKeyId)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();

export const findSealedReporter = (db: Executor, id: string) =>
  db.selectFrom('tipoffs').select(['anonymous', 'reporter_sealed']).where('id', '=', id).executeTakeFirstOrThrow();

export const updateTipoff = (db: Executor, id: string, changes: Partial<Insertable<TipoffsTable>>) =>
  db.updateTable('tipoffs').set(changes).where('id', '=', id).execute();

/** One page, newest first, by keyset (created_at, id); reads limit + 1 rows to learn whether another follows. */
export function listTipoffs(
  db: Executor,
  filter: { departmentId?: string; state?: string; limit: number; after: readonly [string, string] | null },
) {
  let q = db
    .selectFrom('tipoffs')
    .select(COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  const { after } = filter;
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.state) q = q.where('state', '=', filter.state as TipoffRow['state']);
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after[0]), after[1])));
  return q.execute();
}

/** Handlers' names by id, in one query. */
export async function handlerNames(db: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((u) => [u.id, { id: u.id, name: u.display_name }]));
}

/** The sealed files of a tip-off; stored as 附件1 … 附件5, so by name is the order they were filed in. */
export const filesOfTipoff = (db: Executor, id: string) =>
  db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_stream', '=', 'tipoff')
    .where('owner_id', '=', id)
    .orderBy('file_name')
    .execute();

/** One sealed file of a tip-off, only under that tip-off. */
export const fileOfTipoff = (db: Executor, id: string, attachmentId: string) =>
  readAttachment(db, { stream: 'tipoff', id }, attachmentId);

export async function attachmentCounts(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('attachments')
    .select(['owner_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('owner_stream', '=', 'tipoff')
    .where('owner_id', 'in', ids)
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}

export const findDepartmentByCode = (db: Executor, code: string) =>
  db.selectFrom('departments').select(['id', 'code', 'name', 'kind']).where('code', '=', code).executeTakeFirst();

export const creditOfficeDepartment = (db: Executor) =>
  db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'kind'])
    .where('kind', '=', 'credit_office')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();

export const findUser = (db: Executor, id: string) =>
  db
    .selectFrom('users')
    .select(['id', 'display_name', 'department_id', 'roles', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
