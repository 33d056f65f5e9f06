import { compose, type Composed } from '../app/compose.ts';
import { loadConfig } from '../app/config.ts';
import type { Database } from '../app/database.ts';
import { createLogger } from '../app/logger.ts';
import { openInstallation } from '../app/startup.ts';
import { systemClock, type Clock } from '../modules/shared/index.ts';

/** The CLI works on the same database and keys as the server, through the same composition root. */
export async function openForCli(
  options: { background?: boolean; clock?: Clock } = {},
): Promise<Composed & { database: Database; close(): Promise<void> }> {
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const clock = options.clock ?? systemClock;
  const { config, database, secretKey, tipoffKeys } = await openInstallation(loadConfig(), {
    readOnly: false,
    tipoffKeys: true,
    now: clock.now(),
  });
  try {
    const composed = await compose({
      config,
      database,
      clock,
      log,
      secretKey: secretKey!,
      tipoffKeys: tipoffKeys!,
      background: options.background ?? false,
    });
    return {
      ...composed,
      database,
      async close() {
        await composed.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
