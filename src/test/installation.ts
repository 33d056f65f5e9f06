// Installations on disk, as `npm start` makes them: a data directory, its key directory, the tip-off key file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compose, type Composed } from '../app/compose.ts';
import { loadConfig, type Config } from '../app/config.ts';
import { installationExists, installationKeyFiles } from '../app/installation.ts';
import { createLogger } from '../app/logger.ts';
import { openInstallation, type OpenedInstallation } from '../app/startup.ts';
import { ManualClock } from '../modules/shared/clock.ts';
import { initTipoffKeyFile } from '../modules/tipoffs/tipoff-keys.ts';

export const INSTALLATION_ADMIN_PASSWORD = 'Install-Test-2026';

/** A fresh parent directory, removed by the caller. */
export function tempParent(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-install-'));
}

/** The configuration of a data directory, from the environment variables an operator would set (no DATABASE_URL). */
export function configFor(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ CREDLINK_DATA_DIR: dataDir, CREDLINK_ADMIN_PASSWORD: INSTALLATION_ADMIN_PASSWORD, ...env });
}

/** `credlink keys init` then the server's start: the installation opened, composed, with a clock the test holds. */
export async function startInstallation(
  config: Config,
  now = '2026-06-01T02:00:00.000Z',
): Promise<OpenedInstallation & Composed & { clock: ManualClock; close(): Promise<void> }> {
  initTipoffKeyFile(installationKeyFiles(config, await installationExists(config)).config);
  const clock = new ManualClock(now);
  const opened = await openInstallation(config, { readOnly: false, tipoffKeys: true, now: clock.now() });
  try {
    const composed = await compose({
      config: opened.config,
      database: opened.database,
      clock,
      log: createLogger('silent'),
      secretKey: opened.secretKey!,
      tipoffKeys: opened.tipoffKeys!,
      background: false,
    });
    return {
      ...opened,
      ...composed,
      clock,
      async close() {
        await composed.stop();
        await opened.database.close();
      },
    };
  } catch (error) {
    await opened.database.close();
    throw error;
  }
}
