import { loadConfig } from './config.ts';
import { compose } from './compose.ts';
import { createLogger } from './logger.ts';
import { isOperatorError, openInstallation } from './startup.ts';
import { systemClock } from '../modules/shared/index.ts';

const log = createLogger(loadConfig().logLevel);

async function main() {
  // Refuses before touching the data directory without a tip-off key, and with keys made for another database.
  const opened = await openInstallation(loadConfig(), { readOnly: false, tipoffKeys: true, now: systemClock.now() });
  const { config, database, secretKey, tipoffKeys } = opened;
  if (opened.createdKeyFile)
    log.warn({ file: config.secretKeyFile }, 'created a new server key file; back it up apart from the database');
  for (const file of opened.legacyKeyFiles)
    log.warn(
      { file },
      'using a key file shared by every data directory of its parent; move it into the key directory of this data directory',
    );
  if (opened.adopted.length > 0) log.info({ keys: opened.adopted }, 'key fingerprints stored in the database');
  const { app, stop } = await compose({
    config,
    database,
    clock: systemClock,
    log,
    secretKey: secretKey!,
    tipoffKeys: tipoffKeys!,
  });
  await app.listen({ port: config.port, host: config.host });
  log.info(
    {
      database: database.kind,
      dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
      host: config.host,
      port: config.port,
    },
    'CredLink is ready',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  if (isOperatorError(error)) {
    console.error(error.message);
  } else {
    log.error({ err: { type: error?.name, message: error?.message } }, 'startup failed');
    console.error(`启动失败：${error?.message ?? error}`);
  }
  process.exit(1);
});
