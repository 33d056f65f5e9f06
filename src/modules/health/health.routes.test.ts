import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventSync } from '../../app/sync.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { Outage } from '../../test/outage.ts';
import { acknowledgedCheck, CheckIndex } from '../checks/index.ts';
import type { Actor } from '../shared/index.ts';

describe('health probes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  test('/healthz answers while the process is up, without credentials', async () => {
    const res = await get('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('/readyz answers 200 with the database state, staleness and data version once the index is loaded', async () => {
    const res = await get('/readyz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      ready: true,
      db: 'up',
      stale: false,
      dataVersion: t.ctx.sync.status().dataVersion.toString(),
      checkRecords: { pending: 0, failingSince: null, setAside: 0, lastSetAsideAt: null },
    });
  });

  test('a database outage does not make /readyz fail: it reports db down and stale', async () => {
    const original = t.ctx.sync;
    const outage = new Outage();
    const sync = new EventSync({
      database: t.ctx.database,
      db: t.ctx.db.withPlugin(outage),
      clock: t.clock,
      log: t.ctx.log,
      intervalMs: 60_000,
      staleAfterMs: 5000,
    });
    try {
      await sync.initialize(async () => {});
      t.ctx.sync = sync;
      outage.down = true;
      t.clock.advance(5000);
      await sync.pollOnce();
      const res = await get('/readyz');
      assert.equal(res.statusCode, 200);
      const { checkRecords: _, ...rest } = res.json();
      assert.deepEqual(rest, {
        ready: true,
        db: 'down',
        stale: true,
        dataVersion: sync.status().dataVersion.toString(),
      });
    } finally {
      t.ctx.sync = original;
    }
  });

  test('/readyz answers 503 before the check index is loaded', async () => {
    const original = t.ctx.index;
    try {
      t.ctx.index = new CheckIndex(t.ctx);
      const res = await get('/readyz');
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().ready, false);
    } finally {
      t.ctx.index = original;
    }
  });

  test('a check record the database refuses is reported by /readyz, which stays ready', async () => {
    const department = await t.ctx.db
      .selectFrom('departments')
      .select('id')
      .where('code', '=', 'amr')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      kind: 'api_key',
      id: 'k1',
      ref: 'api_key:k1',
      departmentId: department.id,
      roles: ['system'],
    };
    // Straight to the use case: whatever the HTTP layer refuses, a record the database cannot store must not stop recording.
    await acknowledgedCheck(t.ctx, actor, { subjects: [{ name: '示例\u0000区' }] });
    const fine = await acknowledgedCheck(t.ctx, actor, { subjects: [{ name: '示例区' }] });
    await t.ctx.recorder.flush();
    assert.ok(
      await t.ctx.db
        .selectFrom('check_records')
        .select('check_id')
        .where('check_id', '=', fine.checkId)
        .executeTakeFirst(),
    );

    const res = await get('/readyz');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().ready, true);
    assert.deepEqual(res.json().checkRecords, {
      pending: 0,
      failingSince: null,
      setAside: 1,
      lastSetAsideAt: t.clock.now().toISOString(),
    });
  });
});
