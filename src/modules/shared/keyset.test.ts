import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from './errors.ts';
import { decodeCursor, encodeCursor, toPage } from './keyset.ts';

test('a page of limit rows read as limit + 1 says where the next page starts, and the last page says none', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ at: `2026-06-0${n}`, id: `id${n}` }));
  const first = toPage(rows, 3, (r) => [r.at, r.id]);
  assert.deepEqual(
    first.rows.map((r) => r.id),
    ['id1', 'id2', 'id3'],
  );
  assert.deepEqual(decodeCursor(first.nextCursor ?? undefined, ['string', 'string'] as const), ['2026-06-03', 'id3']);
  assert.equal(toPage(rows.slice(3), 3, (r) => [r.at, r.id]).nextCursor, null);
});

test('no cursor means the first page', () => {
  assert.equal(decodeCursor(undefined, ['string'] as const), null);
  assert.equal(decodeCursor('', ['string'] as const), null);
});

test('a cursor another list made, or made up, is refused with a Chinese message naming the cursor', () => {
  for (const bad of [
    'not-base64-json',
    encodeCursor(['a']),
    encodeCursor([1, 'x']),
    encodeCursor(['x'.repeat(101), 'y']),
  ]) {
    assert.throws(
      () => decodeCursor(bad, ['string', 'string'] as const),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'page.invalid_cursor' &&
        error.status === 400 &&
        /cursor/.test(error.message),
    );
  }
});
