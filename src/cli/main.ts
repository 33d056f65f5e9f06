import { loadConfig } from '../app/config.ts';
import { openDatabase } from '../app/database.ts';
import { installationExists, installationKeyFiles } from '../app/installation.ts';
import { migrate } from '../app/migrate.ts';
import { isOperatorError } from '../app/startup.ts';
import { clockFrom } from '../modules/shared/index.ts';
import { backupCli, BackupRefusedError, restoreCli } from './backup.ts';
import { DEMO_AS_OF } from './demo.data.ts';
import { loadDemo } from './demo.ts';
import { openForCli } from './open.ts';
import { auditVerifyCli } from './verify.ts';
import { initTipoffKeyFile, rotateTipoffKeys } from '../modules/tipoffs/index.ts';

const HELP = `用法 / usage: credlink <command>

  start           启动服务（同 npm start）
  migrate         执行数据库迁移
  demo            载入演示数据（虚构的示例区部门、主体和各状态的名单记录）
  audit verify    核验审计链（篡改、尾部删除、整体重算）；只读，不需要举报人信息密钥。
                  退出码：0 完整，2 发现问题，3 数据目录或数据库不存在、没有审计记录
  backup <文件>   备份嵌入式数据库（须先停止服务器；不含密钥）；PostgreSQL 请用 pg_dump
  restore <文件>  把备份恢复到 CREDLINK_DATA_DIR（须为新目录，不会覆盖已有数据库）
  keys init       生成举报人信息加密密钥文件（已配置或已存在时不变；在以数据目录命名的密钥目录中，不在数据目录内）
  keys rotate-tipoffs
                  用当前（第一个）举报密钥重新加密旧密钥加密的举报人信息和附件（旧密钥须仍在密钥环中）
  help            显示本帮助

数据库：设置 DATABASE_URL=postgres://… 使用 PostgreSQL，否则使用 CREDLINK_DATA_DIR（默认 ./data）中的嵌入式数据库。
密钥：默认在数据目录旁以其命名的目录中（./data 对应 ./data-keys/server.key 和 tipoff.key）。`;

async function run(args: string[]): Promise<number> {
  const [command, sub] = args;
  switch (command) {
    case 'start':
    case 'serve':
      await import('../app/main.ts');
      return -1;
    case 'migrate': {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(database);
        console.log(applied.length > 0 ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新，无需迁移。');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'demo': {
      // As npm start does: a fresh machine gets its tip-off key file, so the demo works before any start.
      await initTipoffKeys(loadConfig(), console.log);
      const app = await openForCli({ clock: clockFrom(DEMO_AS_OF) });
      try {
        return await loadDemo(app.ctx, console.log);
      } finally {
        await app.close();
      }
    }
    case 'audit': {
      if (sub !== 'verify') break;
      return auditVerifyCli(loadConfig(), console.log, console.error);
    }
    case 'backup':
      return backupCli(loadConfig(), sub, console.log);
    case 'restore':
      return restoreCli(loadConfig(), sub, console.log);
    case 'keys': {
      if (sub === 'rotate-tipoffs') {
        const app = await openForCli();
        try {
          const { tipoffs, attachments } = await rotateTipoffKeys(app.ctx);
          console.log(
            `已用密钥 ${app.ctx.tipoffKeys.currentId} 重新加密 ${tipoffs} 条举报人信息、${attachments} 个附件。全部完成后可从配置中删除旧密钥。`,
          );
          return 0;
        } finally {
          await app.close();
        }
      }
      if (sub !== 'init') break;
      await initTipoffKeys(loadConfig(), console.log);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(`未知命令：${args.join(' ')}\n\n${HELP}`);
  return 64;
}

/** Creates this installation's tip-off key file unless a key is configured or an existing installation has one. */
async function initTipoffKeys(config: ReturnType<typeof loadConfig>, out: (line: string) => void): Promise<void> {
  const { config: resolved } = installationKeyFiles(config, await installationExists(config));
  const { created, file } = initTipoffKeyFile(resolved);
  if (created) out(`已生成举报人信息加密密钥文件：${file}（请与数据库分开备份；丢失后举报人信息无法解密）。`);
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(
      isOperatorError(error) || error instanceof BackupRefusedError
        ? error.message
        : `命令执行失败：${error?.message ?? error}`,
    );
    process.exit(1);
  },
);
