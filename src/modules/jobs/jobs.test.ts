import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { JobRunner, type Job } from '../../app/jobs.ts';
import { adminHeaders, createUser } from '../../test/fixtures.ts';
import { makeCitizenId } from '../../test/entry-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { maskCitizenId } from '../shared/index.ts';
import { claimJob } from './jobs.repository.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const row = (name: string) =>
  t.ctx.db.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

describe('scheduled jobs', () => {
  test('two processes running the same job never run it at the same time, and every run is counted once', async () => {
    let active = 0,
      most = 0,
      runs = 0;
    const job: Job = {
      name: 'test-overlap',
      intervalMs: 20,
      async run() {
        active++;
        most = Math.max(most, active);
        runs++;
        await sleep(30);
        active--;
        return { runs };
      },
    };
    const first = new JobRunner(t.ctx, [job]);
    const second = new JobRunner(t.ctx, [job]);
    assert.notEqual(first.owner, second.owner);
    first.start();
    second.start();
    await sleep(2500);
    await Promise.all([first.stop(), second.stop()]);
    assert.ok(runs >= 3, `the job ran (${runs} times)`);
    assert.equal(most, 1, 'never two runs at once');
    const r = await row('test-overlap');
    assert.equal(r.runs, BigInt(runs));
    assert.equal(r.failures, 0n);
    assert.equal(r.lease_owner, null);
    assert.deepEqual(r.last_result, { runs });
    assert.ok(r.last_duration_ms !== null && r.last_duration_ms >= 25);
  });

  test('a failing run is recorded with its error, ID numbers masked, and the job runs again at its next time', async () => {
    const id = makeCitizenId();
    let calls = 0;
    const job: Job = {
      name: 'test-failing',
      intervalMs: 20,
      async run() {
        calls++;
        if (calls === 1) throw new Error(`bad subject ${id}`);
        return 'ok';
      },
    };
    const runner = new JobRunner(t.ctx, [job]);
    runner.start();
    for (
      let i = 0;
      i < 500 &&
      (await t.ctx.db.selectFrom('jobs').select('runs').where('name', '=', 'test-failing').executeTakeFirst())?.runs !==
        1n;
      i++
    )
      await sleep(20);
    const failed = await row('test-failing');
    await runner.stop();
    assert.equal(failed.failures, 1n);
    assert.match(failed.last_error!, new RegExp(`bad subject ${maskCitizenId(id).replace(/\*/g, '\\*')}`));
    assert.ok(!failed.last_error!.includes(id));
    runner.start();
    for (let i = 0; i < 500 && calls < 2; i++) await sleep(20);
    await runner.stop();
    const later = await row('test-failing');
    assert.equal(later.last_error, null, 'the next run succeeded');
    assert.equal(later.failures, 1n);
  });

  test('a job held by a process that died is taken over once the lease has run out, not before', async () => {
    const job: Job = { name: 'test-lease', intervalMs: 1000, run: async () => null };
    const runner = new JobRunner(t.ctx, [job]);
    await runner.register();
    await t.ctx.db
      .updateTable('jobs')
      .set({ lease_owner: 'gone:1:x', lease_until: sql<Date>`now() + interval '1 minute'` })
      .where('name', '=', 'test-lease')
      .execute();
    assert.equal(await claimJob(t.ctx.db, 'test-lease', runner.owner, 60_000), undefined, 'the lease still holds');
    await t.ctx.db
      .updateTable('jobs')
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where('name', '=', 'test-lease')
      .execute();
    assert.ok(await claimJob(t.ctx.db, 'test-lease', runner.owner, 60_000), 'taken over');
    assert.equal((await row('test-lease')).lease_owner, runner.owner);
  });
});

describe('GET /api/v1/jobs', () => {
  test('administrators and auditors see every job with its next run; an operator is refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: await adminHeaders(t) });
    assert.equal(res.statusCode, 200, res.body);
    const names = res.json().items.map((j: { name: string }) => j.name);
    for (const name of ['expiry', 'lifting-expiry', 'dispatch', 'webhook-delivery'])
      assert.ok(names.includes(name), name);
    const expiry = res.json().items.find((j: { name: string }) => j.name === 'expiry');
    assert.equal(expiry.intervalMs, 300_000);
    assert.match(expiry.label, /到期/);
    assert.equal(typeof expiry.runs, 'string');
    const auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: auditor.headers })).statusCode,
      200,
    );
    const operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: operator.headers });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'jobs.forbidden');
  });
});
