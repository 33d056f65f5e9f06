import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelayMs } from './webhook-backoff.ts';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

const secret = 'a'.repeat(64);
const body = '{"id":"x","type":"entry.published"}';
const now = new Date('2026-03-02T02:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

test('a signature verifies over the timestamp and the raw body, within five minutes', () => {
  const signature = signWebhook(secret, ts, body);
  assert.match(signature, /^v1=[0-9a-f]{64}$/);
  assert.equal(verifyWebhookSignature({ secret, timestamp: ts, body, signature, now }), true);
  assert.equal(
    verifyWebhookSignature({
      secret,
      timestamp: String(ts),
      body: Buffer.from(body),
      signature,
      now: new Date(now.getTime() + 299_000),
    }),
    true,
  );
  assert.equal(
    verifyWebhookSignature({ secret, timestamp: ts, body, signature, now: new Date(now.getTime() + 301_000) }),
    false,
    'too old',
  );
  assert.equal(
    verifyWebhookSignature({ secret, timestamp: ts, body, signature, now: new Date(now.getTime() - 301_000) }),
    false,
    'from the future',
  );
  assert.equal(
    verifyWebhookSignature({ secret, timestamp: ts, body: body.replace('x', 'y'), signature, now }),
    false,
    'body changed',
  );
  assert.equal(verifyWebhookSignature({ secret, timestamp: ts + 1, body, signature, now }), false, 'timestamp changed');
  assert.equal(
    verifyWebhookSignature({ secret: 'b'.repeat(64), timestamp: ts, body, signature, now }),
    false,
    'other secret',
  );
  assert.equal(verifyWebhookSignature({ secret, timestamp: 'soon', body, signature, now }), false);
  assert.equal(verifyWebhookSignature({ secret, timestamp: ts, body, signature: 'v1=zz', now }), false);
  assert.equal(
    verifyWebhookSignature({ secret, timestamp: ts, body, signature: `v1=${'0'.repeat(64)}, ${signature}`, now }),
    true,
    'any of several',
  );
  assert.equal(
    verifyWebhookSignature({
      secret,
      timestamp: ts,
      body,
      signature,
      now: new Date(now.getTime() + 3_600_000),
      toleranceSeconds: 3600,
    }),
    true,
  );
});

test('retries wait 30 seconds doubling up to an hour, with at most a tenth more as jitter, the same for the same delivery', () => {
  const id = '0195f000-0000-7000-8000-000000000001';
  const bases = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600].map((s) => s * 1000);
  bases.forEach((base, i) => {
    const delay = retryDelayMs(id, i + 1);
    assert.ok(delay >= base && delay <= base * 1.1, `attempt ${i + 1}: ${delay}`);
    assert.equal(retryDelayMs(id, i + 1), delay, 'deterministic');
  });
  const others = new Set(
    Array.from({ length: 20 }, (_, i) => retryDelayMs(`${id.slice(0, -2)}${String(i).padStart(2, '0')}`, 1)),
  );
  assert.ok(others.size > 10, 'different deliveries spread out');
});
