import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../modules/shared/clock.ts';
import { uuidv7 } from '../modules/shared/ids.ts';
import { write } from '../modules/shared/ledger.ts';
import { openTestDatabase } from '../test/database.ts';

const WRITERS = 20;
const WRITES_EACH = 25;

test(
  '20 concurrent writers on PostgreSQL: the event log read during the writes shows neither a gap nor a reordering',
  {
    skip: process.env.DATABASE_URL
      ? false
      : 'needs PostgreSQL (set DATABASE_URL): PGlite has one connection, so its writers never overlap',
  },
  async () => {
    const database = await openTestDatabase({ poolSize: WRITERS + 2 });
    const clock = new ManualClock();
    try {
      let writing = true;
      const writers = Array.from({ length: WRITERS }, async (_, writer) => {
        for (let i = 0; i < WRITES_EACH; i++) {
          await write({ db: database.db, clock }, `test:writer-${writer}`, async (w) => {
            // Some work before the append, so transactions overlap for real; 1–3 events per transaction.
            await w.tx.selectFrom('events').select('version').orderBy('version', 'desc').limit(1).execute();
            for (let e = 0; e <= (writer + i) % 3; e++) {
              w.event({ stream: 'test', streamId: uuidv7(), type: 'test.written', payload: { writer, i, e } });
            }
          });
        }
      });
      const done = Promise.all(writers).finally(() => {
        writing = false;
      });

      let last = 0n;
      let reads = 0;
      let readsWhileWriting = 0;
      const check = async () => {
        const rows = await database.db
          .selectFrom('events')
          .select('version')
          .where('version', '>', last)
          .orderBy('version')
          .execute();
        reads += 1;
        for (const row of rows) {
          assert.equal(row.version, last + 1n, `after version ${last} the reader saw ${row.version}`);
          last = row.version;
        }
      };
      while (writing) {
        await check();
        if (writing) readsWhileWriting += 1;
      }
      await done;
      await check();

      const expected = Array.from({ length: WRITERS }, (_, writer) =>
        Array.from({ length: WRITES_EACH }, (_, i) => ((writer + i) % 3) + 1).reduce((a, b) => a + b, 0),
      ).reduce((a, b) => a + b, 0);
      assert.equal(last, BigInt(expected));
      assert.ok(readsWhileWriting > 10, `the reader polled only ${readsWhileWriting} times during the writes`);
      assert.ok(reads > readsWhileWriting);
    } finally {
      await database.close();
    }
  },
);
