import { loadConfig } from './config.ts';
import { compose } from './compose.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';
import { createLogger } from './logger.ts';
import { systemClock } from '../modules/shared/clock.ts';
import { loadSecretKey } from '../modules/shared/secrets.ts';
import { loadTipoffKeys, TipoffKeysMissingError } from '../modules/tipoffs/tipoff-keys.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);

async function main() {
  // Refuse before touching the data directory: no tip-off key, no server.
  const tipoffKeys = loadTipoffKeys(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { key, created } = loadSecretKey(config);
  if (created) log.warn({ file: config.secretKeyFile }, 'created a new server key file; back it up apart from the database');
  const { app, stop } = await compose({ config, database, clock: systemClock, log, secretKey: key, tipoffKeys });
  await app.listen({ port: config.port, host: config.host });
  log.info({ database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'CredLink is ready');

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
  if (error instanceof DataDirLockedError || error instanceof TipoffKeysMissingError) {
    console.error(error.message);
  } else {
    log.error({ err: { type: error?.name, message: error?.message } }, 'startup failed');
    console.error(`启动失败：${error?.message ?? error}`);
  }
  process.exit(1);
});
