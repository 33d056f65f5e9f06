import { createHmac, timingSafeEqual } from 'node:crypto';

// The signature scheme of webhook deliveries (docs/webhooks.md): HMAC-SHA256 under the webhook's secret over
// `<timestamp>.<raw body>`, sent as `X-CredLink-Signature: v1=<hex>` with `X-CredLink-Timestamp: <unix seconds>`.
// The timestamp is inside the signed text, so a captured delivery cannot be replayed later with a new timestamp.

export const SIGNATURE_HEADER = 'X-CredLink-Signature';
export const TIMESTAMP_HEADER = 'X-CredLink-Timestamp';
export const DELIVERY_HEADER = 'X-CredLink-Delivery';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver runs on each delivery: true when one of the `v1=` signatures matches the raw body and the
 * timestamp is within the tolerance (default 5 minutes) of `now`. Compare the raw body as received, before parsing.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string | number;
  body: string | Buffer;
  signature: string;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const timestamp = String(input.timestamp).trim();
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(input.now.getTime() / 1000 - Number(timestamp)) > tolerance) return false;
  const expected = createHmac('sha256', input.secret).update(`${timestamp}.`).update(input.body).digest();
  // Several signatures may be sent side by side (e.g. while a secret is being replaced): any one may match.
  return input.signature.split(/[,\s]+/).some((part) => {
    const match = /^v1=([0-9a-f]{64})$/i.exec(part.trim());
    return match !== null && timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
  });
}
