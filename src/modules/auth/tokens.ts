import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Bearer tokens are opaque random strings whose first characters say what they are, so a request is routed to
// the right check without a database query, and a leaked token is recognizable in a secret scanner.
export const SESSION_TOKEN_PREFIX = 'cls_';
export const API_KEY_PREFIX = 'clk_';
const LOOKUP_PREFIX_LENGTH = 8;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Constant-time comparison of two SHA-256 hex digests. */
export function sameDigest(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, 'hex');
  const b = Buffer.from(bHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}

/** `cls_` + 32 random bytes (base64url); only its SHA-256 is stored. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256Hex(token) };
}

/**
 * `clk_<prefix>_<secret>`: an 8-character lookup prefix (40 random bits, base32, no '_') and a secret of 256
 * random bits (base64url). Stored: the prefix and the SHA-256 of the secret.
 */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = base32(randomBytes(5));
  const secret = randomBytes(32).toString('base64url');
  return { key: `${API_KEY_PREFIX}${prefix}_${secret}`, prefix, secretHash: sha256Hex(secret) };
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  if (!token.startsWith(API_KEY_PREFIX)) return null;
  const prefix = token.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + LOOKUP_PREFIX_LENGTH);
  const separator = token[API_KEY_PREFIX.length + LOOKUP_PREFIX_LENGTH];
  const secret = token.slice(API_KEY_PREFIX.length + LOOKUP_PREFIX_LENGTH + 1);
  if (prefix.length !== LOOKUP_PREFIX_LENGTH || separator !== '_' || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { prefix, secret };
}

/** The token of an `Authorization: Bearer <token>` header; null for anything else (including repeated headers). */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? match[1]! : null;
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
