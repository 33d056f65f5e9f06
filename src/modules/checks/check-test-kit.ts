// A check index on its own test database, followed by an EventSync and driven by hand: for tests of the index
// and the check rules without the HTTP server.
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../app/logger.ts';
import { EventSync } from '../../app/sync.ts';
import { openTestDatabase } from '../../test/database.ts';
import { type Actor, createSecrets, ManualClock } from '../shared/index.ts';
import { CheckData } from './check-fixtures.ts';
import { CheckIndex } from './check-index.ts';
import { CheckRecorder } from './check-recorder.ts';
import { presentCheck } from './checks.presenters.ts';
import type { CheckBodyInput } from './checks.schemas.ts';
import { runCheck } from './checks.usecases.ts';

export async function createCheckKit(options: { now?: string; pageSize?: number } = {}) {
  const database = await openTestDatabase();
  const { db } = database;
  const clock = new ManualClock(options.now ?? '2026-06-01T02:00:00.000Z');
  const secrets = createSecrets(randomBytes(32));
  const log = createLogger('silent');
  // As compose() does: two connections for a load on PostgreSQL.
  const index = new CheckIndex({
    db,
    clock,
    log,
    secrets,
    pageSize: options.pageSize,
    parallelLoad: database.kind === 'postgres',
  });
  const sync = new EventSync({ database, db, clock, log, intervalMs: 50, staleAfterMs: 5000 });
  sync.subscribe((events) => index.apply(events));
  const recorder = new CheckRecorder({ db, clock, log, limit: 100_000 });
  const data = new CheckData({ db, clock, secrets });
  return {
    database,
    db,
    clock,
    secrets,
    index,
    sync,
    recorder,
    data,
    /** Loads the index (first call) or applies what was written since (later calls). */
    async refresh() {
      if (!sync.status().loaded) await sync.initialize(() => index.load());
      else await sync.pollOnce();
    },
    check(departmentId: string, body: CheckBodyInput) {
      const actor: Actor = { kind: 'api_key', id: 'k1', ref: 'api_key:k1', departmentId, roles: ['system'] };
      return presentCheck(runCheck({ index, recorder, sync, clock, secrets }, actor, body).outcome);
    },
    async close() {
      sync.stop();
      await database.close();
    },
  };
}

export type CheckKit = Awaited<ReturnType<typeof createCheckKit>>;
