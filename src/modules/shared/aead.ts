import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) under a key ring. A sealed value is `v1.<keyId>.<iv>.<ciphertext+tag>`
 * (base64url): the key id lets old values be opened after a new key becomes current. `aad` binds the value to where
 * it belongs (e.g. `tipoff:<id>:reporter`), so a sealed value copied to another row does not open.
 */
export interface KeyRing {
  /** The key new values are sealed under. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class SealError extends Error {}

export function seal(ring: KeyRing, plaintext: Buffer | string, aad: string): string {
  const key = ring.keys.get(ring.currentId);
  if (!key) throw new SealError(`密钥 ${ring.currentId} 不在密钥环中。`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return ['v1', ring.currentId, iv.toString('base64url'), body.toString('base64url')].join('.');
}

export function open(ring: KeyRing, sealed: string, aad: string): Buffer {
  const [version, keyId, ivText, bodyText] = sealed.split('.');
  if (version !== 'v1' || !keyId || !ivText || !bodyText) throw new SealError('密文格式无效。');
  const key = ring.keys.get(keyId);
  if (!key) throw new SealError(`缺少密钥 ${keyId}，无法解密。`);
  const body = Buffer.from(bodyText, 'base64url');
  if (body.length < 16) throw new SealError('密文格式无效。');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    throw new SealError('密文校验失败：内容被改动，或不属于此处。');
  }
}

/** The key id of a sealed value, without opening it. */
export const sealedKeyId = (sealed: string) => sealed.split('.')[1] ?? null;

/** A one-key ring derived from the server key, for secrets the server itself must read back (webhook secrets). */
export function derivedRing(serverKey: Buffer, purpose: string): KeyRing {
  const key = createHash('sha256').update(serverKey).update('\n').update(purpose).digest();
  const id = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return { currentId: id, keys: new Map([[id, key]]) };
}
