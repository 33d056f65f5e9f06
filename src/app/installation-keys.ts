import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, KeyRing } from '../modules/shared/index.ts';
import { adoptFingerprint, hasInstallationKeysTable, storedFingerprints } from './installation-keys.repository.ts';

export class InstallationKeyMismatchError extends Error {}

/** What the database stores of a key: a digest that names it without revealing it (keys are 32 random bytes). */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('credlink-key-fingerprint\0').update(key).digest('hex');
}

export interface InstallationKeys {
  serverKey: Buffer;
  /** Absent for commands that do not need the tip-off keys (verification, backup). */
  tipoffKeys?: KeyRing;
  /** Where the keys came from, for the refusal message. */
  serverKeySource: string;
  tipoffKeySource?: string;
}

/**
 * Compares the keys with the fingerprints the database stored at its first start and refuses keys made for
 * another database. A database that stored none (made before fingerprints, or new) adopts the keys it is started
 * with; a tip-off key id not yet stored is adopted too (a rotation adds one), as long as one of the ring's keys is
 * already known. With `adopt: false` (read-only commands) nothing is written.
 */
export async function checkInstallationKeys(
  db: Kysely<DB>,
  keys: InstallationKeys,
  options: { now: Date; adopt: boolean },
): Promise<{ adopted: string[] }> {
  const wanted = new Map<string, string>([['server', keyFingerprint(keys.serverKey)]]);
  for (const [id, key] of keys.tipoffKeys?.keys ?? []) wanted.set(`tipoff:${id}`, keyFingerprint(key));

  const stored = await readStored(db);
  const storedTipoff = [...stored.keys()].filter((p) => p.startsWith('tipoff:'));
  if (keys.tipoffKeys && storedTipoff.length > 0 && !storedTipoff.some((p) => wanted.has(p))) {
    throw new InstallationKeyMismatchError(
      `举报人信息密钥环与本数据库不符：数据库记录的密钥编号为 ${storedTipoff.map((p) => p.slice(7)).join('、')}，` +
        `而当前密钥环（${keys.tipoffKeySource ?? '配置'}）中没有其中任何一个。该密钥环可能是为另一个数据库生成的；请使用本安装的举报人信息密钥。`,
    );
  }
  const adopted: string[] = [];
  if (options.adopt) {
    for (const [purpose, fingerprint] of wanted) {
      if (stored.has(purpose)) continue;
      // Two processes starting at once on one database: the first insert wins, both then compare with it.
      const result = await adoptFingerprint(db, { purpose, fingerprint, adopted_at: options.now });
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) adopted.push(purpose);
    }
  }
  const now = options.adopt ? await readStored(db) : stored;
  for (const [purpose, fingerprint] of wanted) {
    const known = now.get(purpose);
    if (known === undefined || known === fingerprint) continue;
    throw new InstallationKeyMismatchError(
      purpose === 'server'
        ? `服务器密钥与本数据库不符（来自 ${keys.serverKeySource}）：该密钥是为另一个数据库生成的，用它会使检查点无法核验、按身份证号无法找到自然人。` +
            '请使用本安装的服务器密钥文件（CREDLINK_SECRET_KEY_FILE），或设置 CREDLINK_DATA_DIR 指向该密钥所属的数据目录。'
        : `举报人信息密钥 ${purpose.slice(7)} 与本数据库记录的同名密钥不符（来自 ${keys.tipoffKeySource ?? '配置'}）：该密钥是为另一个数据库生成的。请使用本安装的举报人信息密钥。`,
    );
  }
  return { adopted };
}

async function readStored(db: Kysely<DB>): Promise<Map<string, string>> {
  if (!(await hasInstallationKeysTable(db))) return new Map();
  return new Map((await storedFingerprints(db)).map((r) => [r.purpose, r.fingerprint]));
}
