import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ApiKeyCache } from '../modules/auth/api-key-cache.ts';
import type { CalendarService } from '../modules/catalog/calendar.service.ts';
import type { CheckIndex } from '../modules/checks/check-index.ts';
import type { CheckRecorder } from '../modules/checks/check-recorder.ts';
import type { Clock } from '../modules/shared/clock.ts';
import type { DB } from '../modules/shared/db.types.ts';
import type { Secrets } from '../modules/shared/secrets.ts';
import type { Config } from './config.ts';
import type { Database } from './database.ts';
import type { EventSync } from './sync.ts';
import type { JobRunner } from './jobs.ts';
import type { KeyRing } from '../modules/shared/aead.ts';

/**
 * What the composition root hands to routes, use cases, the CLI and jobs. Plain named dependencies:
 * tests build their own with their own clock and database.
 */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  log: FastifyBaseLogger;
  secrets: Secrets;
  /** The server key itself, for keys derived from it (e.g. sealing webhook secrets). Never logged or stored. */
  serverKey: Buffer;
  /** Keys sealing tip-off reporters, from configuration only. */
  tipoffKeys: KeyRing;
  /** Working-day calendar, reloaded in every process when an administrator edits it. */
  calendar: CalendarService;
  /** API keys in memory: checks authenticate without a database query. */
  keys: ApiKeyCache;
  /** Entries in effect for sharing, with the catalog they need: the check path's only data source. */
  index: CheckIndex;
  /** Batches check records to the database outside the request path. */
  recorder: CheckRecorder;
  /** Follows the event log and feeds the in-memory views above. */
  sync: EventSync;
  /** Scheduled jobs (expiry, dispatch, webhook delivery, reminders). */
  jobs: JobRunner;
}
