import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../app/config.ts';
import { acquireDataDirLock, DataDirLockedError } from '../app/data-dir-lock.ts';
import { installationExists, installationKeyFiles } from '../app/installation.ts';
import { noInstallationMessage } from '../app/startup.ts';

type Out = (line: string) => void;

/** Refused: a PostgreSQL database, a server holding the data directory, an existing target. Exit code 1. */
export class BackupRefusedError extends Error {}

const PG_DUMP_HINT =
  'PostgreSQL 数据库请用 PostgreSQL 自带的工具备份和恢复：pg_dump --format=custom --file=credlink.dump "$DATABASE_URL"，' +
  '恢复用 pg_restore --dbname=<新数据库> credlink.dump（服务运行时也可执行，得到一致的快照）。';

/**
 * `credlink backup <file>`: a copy of the embedded database as one gzip-compressed tar file. The embedded
 * database has one user at a time, so a running server is refused (with how to stop it) rather than copied
 * half-written; the copy is taken through PGlite itself, so it is consistent. Keys are not in the backup: they are
 * backed up apart from the data, and the message says where they are.
 */
export async function backupCli(config: Config, file: string | undefined, out: Out): Promise<number> {
  if (config.databaseUrl) throw new BackupRefusedError(PG_DUMP_HINT);
  if (!file) throw new BackupRefusedError('请指定备份文件，例如：credlink backup credlink-backup.tar.gz');
  if (!(await installationExists(config)))
    throw new BackupRefusedError(`${noInstallationMessage(config)}未写入任何备份。`);
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupRefusedError(`备份文件 ${target} 已存在：不会覆盖，请换一个文件名。`);
  if (isInside(target, config.dataDir)) throw new BackupRefusedError('备份文件不得放在数据目录中。');

  const lock = lockOrExplain(config.dataDir, '备份');
  try {
    const pglite = await PGlite.create(path.join(config.dataDir, 'pgdata'));
    let archive: Blob;
    try {
      archive = await pglite.dumpDataDir('gzip');
    } finally {
      await pglite.close();
    }
    const bytes = Buffer.from(await archive.arrayBuffer());
    // Written aside and renamed: a backup file that exists is a whole one. It holds personal data: owner only.
    const aside = `${target}.partial-${process.pid}`;
    fs.writeFileSync(aside, bytes, { mode: 0o600, flag: 'wx' });
    fs.renameSync(aside, target);
    const { config: keys } = installationKeyFiles(config, true);
    out(`已备份数据目录 ${config.dataDir} 到 ${target}（${bytes.length} 字节）。`);
    out(
      `备份中不含密钥：请另行妥善备份服务器密钥 ${keys.secretKey ? '（CREDLINK_SECRET_KEY）' : keys.secretKeyFile}` +
        ` 和举报人信息密钥 ${keys.tipoffKeys ? '（CREDLINK_TIPOFF_KEYS）' : keys.tipoffKeyFile}，恢复时需要它们。`,
    );
    return 0;
  } finally {
    lock.release();
  }
}

/**
 * `credlink restore <file>`: the backup into the data directory CREDLINK_DATA_DIR, which must not hold a database
 * (a restore never overwrites one). The server migrates it at its next start; the keys of the installation the
 * backup came from must be put in place first, or the server refuses to start (their fingerprints are in the data).
 */
export async function restoreCli(config: Config, file: string | undefined, out: Out): Promise<number> {
  if (config.databaseUrl) throw new BackupRefusedError(PG_DUMP_HINT);
  if (!file)
    throw new BackupRefusedError(
      '请指定备份文件，例如：CREDLINK_DATA_DIR=./data-restored credlink restore credlink-backup.tar.gz',
    );
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupRefusedError(`备份文件 ${source} 不存在。`);
  if (await installationExists(config)) {
    throw new BackupRefusedError(
      `数据目录 ${config.dataDir} 中已有数据库：恢复不会覆盖已有数据。请设置 CREDLINK_DATA_DIR 指向一个新目录，或先移走现有目录。`,
    );
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const lock = lockOrExplain(config.dataDir, '恢复');
  try {
    const pglite = await PGlite.create(path.join(config.dataDir, 'pgdata'), {
      loadDataDir: new Blob([fs.readFileSync(source)]),
    });
    try {
      const { rows } = await pglite.query<{ audit_seq: string }>(
        'select audit_seq::text from ledger_head where id = 1',
      );
      out(`已将 ${source} 恢复到数据目录 ${config.dataDir}（审计记录至序号 ${rows[0]?.audit_seq ?? '0'}）。`);
    } finally {
      await pglite.close();
    }
  } catch (error) {
    // A half-restored directory would pass for a database: remove what this command created.
    lock.release();
    fs.rmSync(path.join(config.dataDir, 'pgdata'), { recursive: true, force: true });
    throw new BackupRefusedError(
      `无法恢复 ${source}：它不是 credlink backup 生成的备份文件，或已损坏（${(error as Error).message}）。`,
    );
  }
  lock.release();
  const { config: keys } = installationKeyFiles(config, false);
  out(
    `启动前请把原安装的服务器密钥复制为 ${keys.secretKeyFile}、举报人信息密钥复制为 ${keys.tipoffKeyFile}` +
      '（或用 CREDLINK_SECRET_KEY_FILE / CREDLINK_TIPOFF_KEY_FILE 指向它们）；用其他密钥启动会被拒绝。',
  );
  out('然后可运行 credlink audit verify 核验恢复后的审计链。');
  return 0;
}

function lockOrExplain(dataDir: string, what: string) {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupRefusedError(
      `数据目录 ${dataDir} 正被进程 ${error.pid}（服务器或其他 credlink 命令）使用，嵌入式数据库无法在运行中得到一致的${what}。` +
        `请先停止该进程（在其终端按 Ctrl+C，或 kill -TERM ${error.pid}；等它退出后数据目录中的 credlink.lock 会消失），${what}完成后再启动服务器。`,
    );
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
