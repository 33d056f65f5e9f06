import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttleKey } from './client-address.ts';

test('IPv4 addresses are throttled one by one, also when written IPv4-mapped', () => {
  assert.equal(throttleKey('203.0.113.7'), '203.0.113.7');
  assert.equal(throttleKey('::ffff:203.0.113.7'), '203.0.113.7');
});

test('IPv6 addresses of one /64 are throttled together, however they are written', () => {
  const key = throttleKey('2001:db8:1:2::1');
  assert.equal(key, '2001:db8:1:2::/64');
  assert.equal(throttleKey('2001:0db8:0001:0002:ffff:0:0:9'), key);
  assert.equal(throttleKey('2001:db8:1:2:a:b:c:d%eth0'), key);
  assert.notEqual(throttleKey('2001:db8:1:3::1'), key);
  assert.equal(throttleKey('::1'), '0:0:0:0::/64');
});

test('a missing or malformed address shares one key instead of escaping the limits', () => {
  assert.equal(throttleKey(undefined), 'unknown');
  assert.equal(throttleKey('not-an-address'), 'unknown');
});
