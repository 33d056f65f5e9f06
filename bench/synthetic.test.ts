import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectIdentifier, validateCitizenId, validateUscc } from '../src/modules/shared/identifiers.ts';
import { citizenIdFor, isNamed, isPersonSubject, MISS_BASE, usccFor } from './synthetic.ts';

test('synthetic organization codes are valid USCCs without warnings and are detected as USCCs', () => {
  for (const n of [0, 1, 30, 31, 999_999, MISS_BASE, MISS_BASE + 123_456]) {
    for (const individual of [false, true]) {
      const code = usccFor(n, individual);
      const result = validateUscc(code);
      assert.equal(result.valid, true, code);
      assert.deepEqual(result.problems, [], code);
      assert.equal(inspectIdentifier(code).type, 'uscc', code);
    }
  }
});

test('synthetic citizen IDs are valid 18-digit numbers with real birth dates', () => {
  for (const n of [0, 1, 999, 1000, 999_999, 19_999_999, MISS_BASE, MISS_BASE + 5]) {
    const id = citizenIdFor(n);
    assert.equal(validateCitizenId(id, { today: '2026-01-01' }).valid, true, id);
    assert.equal(inspectIdentifier(id).type, 'citizen_id', id);
  }
});

test('loaded codes and miss codes never collide', () => {
  const loaded = new Set<string>();
  for (let n = 0; n < 20_000; n++) {
    loaded.add(usccFor(n));
    loaded.add(citizenIdFor(n));
  }
  assert.equal(loaded.size, 40_000);
  for (let k = 0; k < 20_000; k++) {
    assert.equal(loaded.has(usccFor(MISS_BASE + k)), false);
    assert.equal(loaded.has(citizenIdFor(MISS_BASE + k)), false);
  }
});

test('a share of 1 names a person for every organization and none for person subjects', () => {
  for (let i = 0; i < 1000; i++) assert.equal(isNamed(i, 1), !isPersonSubject(i));
  const some = Array.from({ length: 10_000 }, (_, i) => isNamed(i, 0.3)).filter(Boolean).length;
  assert.ok(some > 2400 && some < 3000, String(some));
});
