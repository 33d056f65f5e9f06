import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '../modules/shared/clock.ts';
import { uuidv7 } from '../modules/shared/ids.ts';
import { write, type EventRow } from '../modules/shared/ledger.ts';
import { openTestDatabase } from '../test/database.ts';
import { Outage } from '../test/outage.ts';
import type { Database } from './database.ts';
import { createLogger } from './logger.ts';
import { EventSync, type EventSyncDeps } from './sync.ts';

const log = createLogger('silent');

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('following the event log', () => {
  let database: Database;
  const clock = new ManualClock();
  const syncs: EventSync[] = [];

  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    for (const s of syncs) s.stop();
    await database.close();
  });

  function follow(options: Partial<EventSyncDeps> = {}) {
    const sync = new EventSync({
      database,
      db: database.db,
      clock,
      log,
      intervalMs: 60_000,
      staleAfterMs: 5000,
      ...options,
    });
    syncs.push(sync);
    const pages: EventRow[][] = [];
    sync.subscribe(async (events) => {
      pages.push(events);
    });
    return { sync, pages, versions: () => pages.flat().map((e) => Number(e.version)) };
  }

  async function append(count: number, perTransaction = 1) {
    for (let done = 0; done < count; done += perTransaction) {
      await write({ db: database.db, clock }, 'test:sync', async (w) => {
        for (let i = 0; i < Math.min(perTransaction, count - done); i++) {
          w.event({ stream: 'test', streamId: uuidv7(), type: 'test.appended', payload: { i: done + i } });
        }
      });
    }
  }

  const head = async () =>
    Number((await database.db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow()).data_version);

  test('events are handed to every subscriber in pages of at most 1,000, in version order', async () => {
    const { sync, pages, versions } = follow();
    const start = await head();
    await sync.initialize(async () => {});
    await append(2500, 250);
    await sync.pollOnce();
    assert.deepEqual(
      pages.map((p) => p.length),
      [1000, 1000, 500],
    );
    assert.deepEqual(
      versions(),
      Array.from({ length: 2500 }, (_, i) => start + i + 1),
    );
    assert.equal(sync.status().dataVersion, BigInt(start + 2500));
  });

  test('the sync catches up after the database was unreachable, keeping its version meanwhile', async () => {
    const outage = new Outage();
    const { sync, versions } = follow({ db: database.db.withPlugin(outage) });
    await sync.initialize(async () => {});
    const start = await head();
    outage.down = true;
    await append(3);
    await sync.pollOnce();
    assert.equal(sync.status().db, 'down');
    assert.equal(sync.status().dataVersion, BigInt(start));
    assert.deepEqual(versions(), []);
    outage.down = false;
    await sync.pollOnce();
    assert.equal(sync.status().db, 'up');
    assert.deepEqual(versions(), [start + 1, start + 2, start + 3]);
  });

  test('the index is stale before the first poll and after 5 s without a successful poll', async () => {
    const outage = new Outage();
    const { sync } = follow({ db: database.db.withPlugin(outage) });
    assert.deepEqual(
      { ...sync.status(), dataVersion: undefined },
      { dataVersion: undefined, loaded: false, stale: true, db: 'up', lastSuccessAt: null },
    );
    await sync.initialize(async () => {});
    assert.equal(sync.status().stale, false);
    outage.down = true;
    clock.advance(4_999);
    await sync.pollOnce();
    assert.deepEqual([sync.status().db, sync.status().stale], ['down', false]);
    clock.advance(1);
    assert.equal(sync.status().stale, true);
    outage.down = false;
    await sync.pollOnce();
    assert.deepEqual([sync.status().db, sync.status().stale], ['up', false]);
  });

  test('polls never overlap: requests during a poll share one follow-up poll', async () => {
    const sync = new EventSync({ database, db: database.db, clock, log, intervalMs: 60_000, staleAfterMs: 5000 });
    syncs.push(sync);
    let active = 0;
    let most = 0;
    const seen: number[] = [];
    sync.subscribe(async (events) => {
      active += 1;
      most = Math.max(most, active);
      await sleep(20);
      seen.push(...events.map((e) => Number(e.version)));
      active -= 1;
    });
    await sync.initialize(async () => {});
    await append(1);
    const first = sync.pollOnce();
    await append(1);
    await Promise.all([first, sync.pollOnce(), sync.pollOnce(), sync.pollOnce()]);
    assert.equal(most, 1);
    const top = await head();
    assert.deepEqual(seen, [top - 1, top]);
  });

  test('events committed while the load ran are applied after it', async () => {
    const { sync, versions } = follow();
    let during = 0;
    await sync.initialize(async () => {
      await append(1);
      during = await head();
    });
    assert.ok(versions().includes(during));
    assert.equal(sync.status().loaded, true);
  });

  test('a notification starts a poll at once, without waiting for the timer', async () => {
    const { sync, versions } = follow({ listenerCheckMs: 60_000 });
    await sync.initialize(async () => {});
    sync.start();
    await waitFor(() => sync.listening, 'the listener');
    await append(1);
    const top = await head();
    await waitFor(() => versions().includes(top), 'the notified event');
  });

  test('a dropped listener is noticed and replaced; the timer keeps polling meanwhile', async () => {
    const drops: (() => Promise<void>)[] = [];
    const watched: Database = {
      ...database,
      async listen(channel, onNotify) {
        const unlisten = await database.listen(channel, onNotify);
        drops.push(unlisten);
        return unlisten;
      },
    };
    const { sync, versions } = follow({ database: watched, intervalMs: 200, listenerCheckMs: 100 });
    await sync.initialize(async () => {});
    sync.start();
    await waitFor(() => drops.length === 1 && sync.listening, 'the first listener');
    await drops[0]!(); // the connection goes away without telling anyone
    await append(1);
    const polled = await head();
    await waitFor(() => versions().includes(polled), 'the timer poll');
    await waitFor(() => drops.length === 2 && sync.listening, 'a new listener');
  });
});
