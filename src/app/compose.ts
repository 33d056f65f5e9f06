import path from 'node:path';
import type { Logger } from 'pino';
import { ApiKeyCache, authenticateRequest, ensureAdmin } from '../modules/auth/index.ts';
import { CalendarService, ensureCatalogSeed } from '../modules/catalog/index.ts';
import { SiteName } from '../modules/settings/index.ts';
import { CheckIndex, CheckJournal, CheckRecorder, JournalReplayer, journalScope } from '../modules/checks/index.ts';
import { type App, type Clock, createSecrets, type KeyRing, type RoutePlugin } from '../modules/shared/index.ts';
import { AuditCheckpointer } from '../modules/audit/index.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { routes } from './routes.ts';
import { buildServer } from './server.ts';
import { webRoutes } from './web.ts';
import { EventSync } from './sync.ts';
import { jobs as jobList } from './job-list.ts';
import { JobRunner } from './jobs.ts';

export interface ComposeOptions {
  config: Config;
  database: Database;
  clock: Clock;
  log: Logger;
  secretKey: Buffer;
  /** Keys that seal tip-off reporters (configuration only; the server does not start without them). */
  tipoffKeys: KeyRing;
  /** Background loops (sync polling, record flushing, checkpoints). Tests may drive them by hand. */
  background?: boolean;
  /** Routes registered after the application's own (the benchmark's baseline route). */
  extraRoutes?: RoutePlugin<AppContext>[];
  /** Where the built web app is (default web/dist); tests point it elsewhere. */
  webDistDir?: string;
}

export interface Composed {
  ctx: AppContext;
  app: App;
  stop(): Promise<void>;
}

/** The composition root: migrate, bootstrap, load the in-memory views, build the HTTP server. */
export async function compose(options: ComposeOptions): Promise<Composed> {
  const { config, database, clock, log } = options;
  await migrate(database);
  const secrets = createSecrets(options.secretKey);
  const base = {
    config,
    database,
    db: database.db,
    clock,
    log,
    secrets,
    serverKey: options.secretKey,
    tipoffKeys: options.tipoffKeys,
  };
  // First start: the seed catalog (departments, list types, measures, calendar), then the admin account.
  await ensureCatalogSeed(base);
  await ensureAdmin(base);

  const calendar = new CalendarService(base);
  const keys = new ApiKeyCache(base);
  const index = new CheckIndex({ ...base, parallelLoad: database.kind === 'postgres' });
  const journalDir = path.join(
    config.checkJournalDir,
    journalScope({ url: config.databaseUrl, dataDir: config.dataDir }),
  );
  const journal = await CheckJournal.open(journalDir, log);
  const recorder = new CheckRecorder({ ...base, limit: config.checkRecordBufferLimit, journal });
  // Checks acknowledged by a process that died are recorded before this one answers any (a failure here is
  // retried every minute, as is a neighbour's death).
  const replayer = new JournalReplayer({ dir: journalDir, owner: journal.owner, recorder, log });
  await replayer
    .sweep()
    .catch((error) =>
      log.error({ err: { type: error?.name, message: error?.message } }, 'check journal replay failed; retried later'),
    );
  const sync = new EventSync({ ...base, intervalMs: config.syncIntervalMs, staleAfterMs: config.staleAfterMs });
  const site = new SiteName(base);
  const ctx = { ...base, calendar, keys, index, recorder, sync, site } as unknown as AppContext;
  ctx.jobs = new JobRunner(ctx, jobList);

  sync.subscribe((events) => calendar.apply(events));
  sync.subscribe((events) => keys.apply(events));
  sync.subscribe((events) => index.apply(events));
  sync.subscribe((events) => site.apply(events));
  await sync.initialize(async () => {
    await calendar.load();
    await keys.load();
    await index.load();
    await site.load();
  });

  await ctx.jobs.register();
  const checkpointer = new AuditCheckpointer(base);
  if (options.background !== false) {
    sync.start();
    recorder.start();
    replayer.start();
    checkpointer.start();
    ctx.jobs.start();
  }

  const app = await buildServer(ctx, {
    routes: [...routes, webRoutes({ distDir: options.webDistDir }), ...(options.extraRoutes ?? [])],
    authenticate: (request) => authenticateRequest(ctx, request.headers.authorization),
  });
  await app.ready();

  return {
    ctx,
    app,
    async stop() {
      await app.close();
      await ctx.jobs.stop();
      sync.stop();
      // The last batch of check records first, so the final checkpoint covers it; what cannot be written stays
      // in the journal for the next start.
      await replayer.stop();
      await recorder.stop();
      await journal.close();
      await checkpointer.stop();
    },
  };
}
