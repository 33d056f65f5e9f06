import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import {
  CheckBatchHasher,
  checkBatchHash,
  checkBatchJson,
  checkRecordForHash,
  type CheckRecordForHash,
} from './check-batch-hash.ts';
import { stableStringify } from './json.ts';

const row = (checkId: string, extra: Partial<CheckRecordForHash> = {}): CheckRecordForHash => ({
  checkId,
  checkedAt: '2026-06-01T02:00:00.000Z',
  departmentId: '0190a000-0000-7000-8000-0000000000d1',
  actor: 'api_key:k1',
  scenario: null,
  dataVersion: '7',
  stale: false,
  subjects: [{ uscc: '91350100M000100Y43' }],
  ...extra,
});

test('a batch hash is the sha256 of the rows sorted by check id, whatever order they come in', () => {
  const a = row('0190a000-0000-7000-8000-00000000000a');
  const b = row('0190a000-0000-7000-8000-00000000000b', { stale: true });
  const expected = createHash('sha256')
    .update(stableStringify([a, b]))
    .digest('hex');
  assert.equal(checkBatchHash([b, a]), expected);
  assert.equal(checkBatchHash([a, b]), expected);
});

test('any changed field changes the batch hash', () => {
  const base = [row('0190a000-0000-7000-8000-00000000000a')];
  const hash = checkBatchHash(base);
  for (const change of [
    { stale: true },
    { dataVersion: '8' },
    { scenario: 'x' },
    { subjects: [] },
    { actor: 'api_key:k2' },
  ]) {
    assert.notEqual(checkBatchHash([{ ...base[0]!, ...change }]), hash);
  }
});

test('extra fields and an absent scenario do not change the batch hash', () => {
  const plain = row('0190a000-0000-7000-8000-00000000000a');
  const { scenario: _omitted, ...withoutScenario } = plain;
  assert.equal(checkBatchHash([{ ...plain, extra: 1 } as CheckRecordForHash]), checkBatchHash([plain]));
  assert.equal(checkBatchHash([withoutScenario as CheckRecordForHash]), checkBatchHash([plain]));
});

test('a database row maps to the hashed shape with ISO time and a string data version', () => {
  assert.deepEqual(
    checkRecordForHash({
      check_id: '0190a000-0000-7000-8000-00000000000a',
      checked_at: new Date('2026-06-01T02:00:00Z'),
      department_id: '0190a000-0000-7000-8000-0000000000d1',
      actor: 'api_key:k1',
      scenario: null,
      data_version: 7n,
      stale: false,
      subjects: [{ uscc: '91350100M000100Y43' }],
    }),
    row('0190a000-0000-7000-8000-00000000000a'),
  );
});

test('the streaming hasher refuses rows out of order', () => {
  const hasher = new CheckBatchHasher();
  hasher.add(row('0190a000-0000-7000-8000-00000000000b'));
  assert.throws(() => hasher.add(row('0190a000-0000-7000-8000-00000000000a')));
});

test('an empty batch has a fixed hash', () => {
  assert.equal(checkBatchHash([]), createHash('sha256').update('[]').digest('hex'));
});

test('the fast serialization writes exactly the bytes of the sorted-key form, for every shape a subject takes', () => {
  const subjects: unknown[] = [
    { uscc: '91350100M000100Y43', name: '示例"引号"\\有限公司', subjectId: null, entryIds: [], candidate: false },
    {
      citizenIdDigest: 'ab'.repeat(32),
      citizenIdMasked: '3701**********0019',
      subjectId: '0190a000-0000-7000-8000-0000000000e1',
      entryIds: ['0190a000-0000-7000-8000-0000000000e2', '0190a000-0000-7000-8000-0000000000e3'],
      candidate: true,
    },
    { name: '仅名称', subjectId: null, entryIds: [], candidate: true, uscc: undefined },
    { candidate: false, entryIds: [], subjectId: null, extra: { nested: [1, 'two', { b: 1, a: 2 }] } },
    { uscc: 7, candidate: false },
    'not an object',
    null,
    [],
  ];
  for (const s of subjects) {
    const r = row('0190a000-0000-7000-8000-00000000000a', { subjects: [s], scenario: 'administrative_licensing' });
    const { json, rowsHash } = checkBatchJson([r]);
    assert.equal(json, stableStringify([r]), JSON.stringify(s));
    assert.equal(rowsHash, checkBatchHash([r]));
  }
  const many = [
    row('0190a000-0000-7000-8000-00000000000c'),
    row('0190a000-0000-7000-8000-00000000000a', { stale: true }),
  ];
  assert.equal(checkBatchJson(many).json, stableStringify([many[1], many[0]]), 'sorted by check id');
  assert.equal(checkBatchJson(many).rowsHash, checkBatchHash(many));
});
