import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compose, type Composed } from '../app/compose.ts';
import { loadConfig, type Config } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import type { AppContext } from '../app/context.ts';
import type { RoutePlugin } from '../modules/shared/http.ts';
import { ManualClock } from '../modules/shared/clock.ts';
import { openTestDatabase } from './database.ts';

export const TEST_ADMIN_PASSWORD = 'Admin-Pass-2026';

export interface TestApp extends Composed {
  clock: ManualClock;
  /** Brings the in-memory views (check index, API keys, calendar) up to the latest committed data version. */
  sync(): Promise<void>;
  /** Runs `action` and counts the SQL statements it ran (background loops are off, so they are its own). */
  countQueries<T>(action: () => Promise<T>): Promise<{ result: T; queries: number }>;
  close(): Promise<void>;
}

/**
 * A whole server on its own database, with a clock the test moves. Background loops are off: a test calls
 * `sync()` and `ctx.recorder.flush()` at the points where it wants them to have run.
 */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    background?: boolean;
    now?: string;
    /** Captures the server's log lines (e.g. to prove what a request logs); the level then defaults to 'info'. */
    log?: { destination: NodeJS.WritableStream; level?: string };
    /** Routes added for the test only (e.g. one that fails on purpose). */
    extraRoutes?: RoutePlugin<AppContext>[];
    /** Where the built web app is read from (default web/dist). */
    webDistDir?: string;
  } = {},
): Promise<TestApp> {
  let queries = 0;
  const database = await openTestDatabase({ migrate: false, onQuery: () => void queries++ });
  // Each test app journals its checks in a directory of its own, removed on close.
  const journalDir = await mkdtemp(path.join(tmpdir(), 'credlink-journal-'));
  const clock = new ManualClock(options.now ?? '2026-06-01T02:00:00.000Z');
  const config: Config = {
    ...loadConfig({}),
    dataDir: 'memory://',
    adminPassword: TEST_ADMIN_PASSWORD,
    syncIntervalMs: 50,
    checkJournalDir: journalDir,
    ...options.config,
  };
  const log = options.log
    ? createLogger(options.log.level ?? 'info', options.log.destination)
    : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const composed = await compose({
    config,
    database,
    clock,
    log,
    secretKey: randomBytes(32),
    tipoffKeys: { currentId: 'test1', keys: new Map([['test1', randomBytes(32)]]) },
    background: options.background ?? false,
    extraRoutes: options.extraRoutes,
    webDistDir: options.webDistDir,
  });
  return {
    ...composed,
    clock,
    sync: () => composed.ctx.sync.pollOnce(),
    async countQueries(action) {
      const before = queries;
      const result = await action();
      return { result, queries: queries - before };
    },
    async close() {
      await composed.stop();
      await database.close();
      await rm(journalDir, { recursive: true, force: true });
    },
  };
}
