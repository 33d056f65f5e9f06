import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUuid, uuidv7 } from './ids.ts';

test('UUIDv7 ids carry the time, version 7 and the RFC variant, and sort by time', () => {
  const a = uuidv7(Date.UTC(2026, 5, 1));
  const b = uuidv7(Date.UTC(2026, 5, 1, 0, 0, 1));
  assert.ok(isUuid(a));
  assert.equal(a[14], '7');
  assert.match(a[19]!, /[89ab]/);
  assert.equal(parseInt(a.replace(/-/g, '').slice(0, 12), 16), Date.UTC(2026, 5, 1));
  assert.ok(a < b);
});

test('a thousand ids made in the same millisecond are all different', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_795_000_000_000)));
  assert.equal(ids.size, 1000);
});
