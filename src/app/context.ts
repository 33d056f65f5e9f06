import type { ApiKeyCache } from '../modules/auth/index.ts';
import type { CalendarService } from '../modules/catalog/index.ts';
import type { SiteName } from '../modules/settings/index.ts';
import type { CheckIndex, CheckRecorder } from '../modules/checks/index.ts';
import type { ModuleContext } from '../modules/shared/index.ts';
import type { Database } from './database.ts';
import type { EventSync } from './sync.ts';
import type { JobRunner } from './jobs.ts';

/**
 * What the composition root hands to routes, use cases, the CLI and jobs: the services every module may use
 * (ModuleContext) and the ones only some modules name in their own context type. Plain named dependencies: tests
 * build their own with their own clock and database.
 */
export interface AppContext extends ModuleContext {
  database: Database;
  /** Working-day calendar, reloaded in every process when an administrator edits it. */
  calendar: CalendarService;
  /** API keys in memory: checks authenticate without a database query. */
  keys: ApiKeyCache;
  /** Entries in effect for sharing, with the catalog they need: the check path's only data source. */
  index: CheckIndex;
  /** Batches check records to the database outside the request path. */
  recorder: CheckRecorder;
  /** The public portal's name: configuration, else the stored setting, else the default. */
  site: SiteName;
  /** Follows the event log and feeds the in-memory views above. */
  sync: EventSync;
  /** Scheduled jobs (expiry, dispatch, webhook delivery, reminders). */
  jobs: JobRunner;
}
