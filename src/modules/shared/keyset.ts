import { z } from 'zod';
import { badRequest } from './errors.ts';

/**
 * Keyset paging for every list endpoint: a page is "the next `limit` rows after this position in the list's order",
 * so the 50th page costs what the first does (an offset makes the database read and drop every row before it).
 * The position travels as an opaque cursor: the sort key values of the last row of the previous page.
 */

/** A cursor's values: the list's sort key of one row, e.g. [createdAt, id]. */
export type CursorValues = readonly (string | number)[];

/** Query parameters of a paged list; spread into the list's query schema. */
export const pageParams = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数（1–200）'),
  cursor: z.string().max(400).optional().describe('上一页返回的 nextCursor；不传则从第一页开始'),
};

/** The answer of a paged list: the items and the cursor of the next page (null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('下一页的游标；为 null 时已是最后一页'),
  });

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * The sort key values a cursor holds, checked against the list's key: `kinds` gives each value's type in order.
 * A cursor that was not made by this list answers 400 `page.invalid_cursor`.
 */
export function decodeCursor<K extends readonly ('string' | 'number')[]>(
  cursor: string | undefined,
  kinds: K,
): { [I in keyof K]: K[I] extends 'number' ? number : string } | null {
  if (cursor === undefined || cursor === '') return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const fits =
    Array.isArray(values) &&
    values.length === kinds.length &&
    values.every((v, i) => typeof v === kinds[i] && (typeof v !== 'string' || v.length <= 100));
  if (!fits) {
    throw badRequest(
      'page.invalid_cursor',
      '分页游标 cursor 无效：请使用上一页返回的 nextCursor，或不传以从第一页开始。',
      {
        field: 'cursor',
      },
    );
  }
  return values as { [I in keyof K]: K[I] extends 'number' ? number : string };
}

/**
 * Cuts the rows a repository read (it reads `limit + 1` to learn whether another page follows) into a page.
 * `keyOf` gives the sort key of a row, in the order of the list's ORDER BY.
 */
export function toPage<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorValues,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  return { rows: kept, nextCursor: encodeCursor(keyOf(kept[kept.length - 1] as Row)) };
}

/** Lists ordered newest first (`created_at desc, id desc`): the position a cursor holds, and a row's sort key. */
export const byCreation = {
  after(cursor: string | undefined): { createdAt: string; id: string } | null {
    const values = decodeCursor(cursor, ['string', 'string'] as const);
    return values && { createdAt: values[0], id: values[1] };
  },
  key: (row: { created_at: Date; id: string }): CursorValues => [row.created_at.toISOString(), row.id],
};
