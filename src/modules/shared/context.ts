import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { KeyRing } from './aead.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db.types.ts';
import type { Secrets } from './secrets.ts';
import type { WorkingCalendar } from './working-days.ts';

/** The working-day calendar as modules read it: the current one, reloaded when an administrator edits it. */
export interface CalendarSource {
  get(): WorkingCalendar;
}

/** Where the in-memory views stand against the event log (the event sync of the composition root). */
export interface SyncStatus {
  dataVersion: bigint;
  loaded: boolean;
  stale: boolean;
  db: 'up' | 'down';
  lastSuccessAt: Date | null;
}

/**
 * What the composition root (src/app) hands every module: plain named services. A module that needs one of another
 * module's services (the check index, the API key cache) names it in its own context type, e.g.
 * `RoutePlugin<ModuleContext & { keys: ApiKeyCache }>`; the composition root's context has them all.
 */
export interface ModuleContext {
  config: Config;
  db: Kysely<DB>;
  clock: Clock;
  log: FastifyBaseLogger;
  secrets: Secrets;
  /** The server key itself, for keys derived from it (e.g. sealing webhook secrets). Never logged or stored. */
  serverKey: Buffer;
  /** Keys sealing tip-off reporters, from configuration only. */
  tipoffKeys: KeyRing;
  /** Working-day calendar, reloaded in every process when an administrator edits it. */
  calendar: CalendarSource;
}

/**
 * A scheduled job. Each run must be idempotent and safe with several server processes running (row locks,
 * SKIP LOCKED or a cursor row), and must catch up on everything due since the last run, however long ago.
 */
export interface Job<C = ModuleContext> {
  name: string;
  intervalMs: number;
  run(ctx: C): Promise<unknown>;
}
