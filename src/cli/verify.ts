import { createSecrets, SecretKeyMissingError } from '../modules/shared/index.ts';
import type { Config } from '../app/config.ts';
import { databaseLocation, NoInstallationError, openInstallation } from '../app/startup.ts';
import { auditVerifyCommand, hasAuditRows } from '../modules/audit/index.ts';

/** Exit code of a verification that found nothing to verify (no data directory, no database, no audit rows). */
export const EXIT_NOTHING_TO_VERIFY = 3;

type Out = (line: string) => void;

/**
 * `credlink audit verify`: reads an existing database with the server key, and nothing else. It never creates a
 * database, a key or a fingerprint, never migrates, and needs no tip-off key. A database with nothing to verify
 * is not a clean chain: it is an error of its own (exit code 3), naming where it looked.
 */
export async function auditVerifyCli(config: Config, out: Out, err: Out): Promise<number> {
  let opened;
  try {
    opened = await openInstallation(config, { readOnly: true, tipoffKeys: false, now: new Date() });
  } catch (error) {
    if (!(error instanceof NoInstallationError)) throw error;
    err(`${error.message}未核验任何内容。`);
    return EXIT_NOTHING_TO_VERIFY;
  }
  const { database, secretKey } = opened;
  try {
    if (!(await hasAuditRows(database.db))) {
      err(
        `${databaseLocation(config)}中没有任何审计记录，无可核验；请确认 CREDLINK_DATA_DIR 或 DATABASE_URL 指向要核验的数据库。`,
      );
      return EXIT_NOTHING_TO_VERIFY;
    }
    if (secretKey === null) {
      throw new SecretKeyMissingError(
        `找不到服务器密钥文件 ${opened.config.secretKeyFile}（也未设置 CREDLINK_SECRET_KEY）：` +
          '没有它无法核验检查点。请从备份恢复该密钥文件，或用 CREDLINK_SECRET_KEY_FILE 指向它；核验不会生成新密钥。',
      );
    }
    return await auditVerifyCommand({ db: database.db, secrets: createSecrets(secretKey) }, out);
  } finally {
    await database.close();
  }
}
