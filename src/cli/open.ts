import { compose, type Composed } from '../app/compose.ts';
import { loadConfig } from '../app/config.ts';
import { openDatabase, type Database } from '../app/database.ts';
import { createLogger } from '../app/logger.ts';
import { systemClock, type Clock } from '../modules/shared/clock.ts';
import { loadSecretKey } from '../modules/shared/secrets.ts';
import { loadTipoffKeys } from '../modules/tipoffs/tipoff-keys.ts';

/** The CLI works on the same database and key as the server, through the same composition root. */
export async function openForCli(options: { background?: boolean; clock?: Clock } = {}): Promise<Composed & { database: Database; close(): Promise<void> }> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // Refuse before the database is opened (and the data directory created) when no tip-off key is configured.
  const tipoffKeys = loadTipoffKeys(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { key } = loadSecretKey(config);
    const composed = await compose({ config, database, clock: options.clock ?? systemClock, log, secretKey: key, tipoffKeys, background: options.background ?? false });
    return { ...composed, database, async close() { await composed.stop(); await database.close(); } };
  } catch (error) {
    await database.close();
    throw error;
  }
}
