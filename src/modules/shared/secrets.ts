import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server key: signs audit checkpoints and keys the digests by which persons are found. It lives outside the
 * database (environment, or a key file in the key directory named after the data directory), so a database copy alone can neither forge a
 * checkpoint nor reverse a digest.
 */
export interface Secrets {
  keyId: string;
  sign(message: string): string;
  /** Keyed digest of a normalized citizen ID: how persons are indexed without holding the number. */
  digestCitizenId(normalized: string): string;
}

export function createSecrets(key: Buffer): Secrets {
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  const digestKey = createHmac('sha256', key).update('citizen-id-digest').digest();
  const signKey = createHmac('sha256', key).update('audit-checkpoint').digest();
  return {
    keyId,
    sign: (message) => createHmac('sha256', signKey).update(message).digest('hex'),
    digestCitizenId: (normalized) => createHmac('sha256', digestKey).update(normalized).digest('hex'),
  };
}

export class SecretKeyMissingError extends Error {}

/**
 * From CREDLINK_SECRET_KEY (hex or base64, ≥ 32 bytes), else the key file, created with mode 0600 (in a directory
 * of mode 0700) on first start. With `create: false` a missing key is an error naming the file: a database that
 * exists already, and every read-only command, must never get a new key.
 */
export function loadSecretKey(
  options: { secretKey: string | null; secretKeyFile: string },
  { create = true }: { create?: boolean } = {},
): { key: Buffer; created: boolean } {
  if (options.secretKey) return { key: decodeKey(options.secretKey), created: false };
  if (fs.existsSync(options.secretKeyFile))
    return { key: decodeKey(fs.readFileSync(options.secretKeyFile, 'utf8').trim()), created: false };
  if (!create) {
    throw new SecretKeyMissingError(
      `找不到服务器密钥文件 ${options.secretKeyFile}（也未设置 CREDLINK_SECRET_KEY）。` +
        '该数据库已有数据，不能换用新密钥：请从备份恢复该密钥文件，或用 CREDLINK_SECRET_KEY_FILE 指向它。',
    );
  }
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(options.secretKeyFile), { recursive: true, mode: 0o700 });
  fs.writeFileSync(options.secretKeyFile, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}

function decodeKey(text: string): Buffer {
  const key = /^[0-9a-f]+$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length < 32) throw new Error('服务器密钥长度不足：至少需要 32 字节（64 位十六进制）。');
  return key;
}
