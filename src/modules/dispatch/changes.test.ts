import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { get, getOk, publishEntries, TEST_CONFIG } from './dispatch.test-support.ts';

let t: TestApp;
let amrOperator: TestUser, amrReviewer: TestUser;
let finance: { headers: Headers; departmentId: string };
const MEASURES = ['san_fiscal_funds', 'san_public_trading'];

before(async () => {
  t = await createTestApp(TEST_CONFIG);
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  finance = await createApiKey(t, 'finance');
});
after(async () => {
  await t.close();
});

interface Page {
  items: {
    dataVersion: string;
    type: string;
    streamId: string;
    dispatchId: string;
    change: { measures: { code: string }[] };
  }[];
  nextSince: string;
  hasMore: boolean;
  dispatchedThrough: string;
}

const page = async (since: string, limit: number): Promise<Page> =>
  getOk(t, `/api/v1/changes?since=${since}&limit=${limit}`, finance.headers);

test('the change feed pages through every change in order, without skipping one created between pages', async () => {
  await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES, count: 3 });
  await t.ctx.jobs.run('dispatch');

  const seen: Page['items'] = [];
  let since = '0';
  let pages = 0;
  for (;;) {
    const p = await page(since, 2);
    pages += 1;
    seen.push(...p.items);
    if (pages === 1) {
      // Changes made and dispatched while the department is part-way through.
      await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES, count: 2 });
      await t.ctx.jobs.run('dispatch');
    }
    assert.ok(BigInt(p.nextSince) >= BigInt(since), 'nextSince never goes back');
    since = p.nextSince;
    if (!p.hasMore) {
      assert.equal(p.nextSince, p.dispatchedThrough, 'at the end, the poller is told how far dispatch has gone');
      break;
    }
    assert.equal(p.items.length, 2);
  }
  assert.ok(pages >= 3);
  const expected = await t.ctx.db
    .selectFrom('dispatches')
    .select(['id', 'event_version'])
    .where('department_id', '=', finance.departmentId)
    .orderBy('event_version')
    .execute();
  assert.equal(expected.length, 5);
  assert.deepEqual(
    seen.map((i) => i.dispatchId),
    expected.map((r) => r.id),
    'every item, once, in event order',
  );
  const versions = seen.map((i) => BigInt(i.dataVersion));
  assert.ok(
    versions.every((v, i) => i === 0 || v > versions[i - 1]!),
    'strictly increasing data versions',
  );
  assert.ok(
    seen.every(
      (i) => i.type === 'entry.published' && i.change.measures.map((m) => m.code).join() === 'san_fiscal_funds',
    ),
  );

  const empty = await page(since, 100);
  assert.deepEqual(empty.items, []);
  assert.equal(empty.hasMore, false);
  assert.equal(empty.nextSince, since);
});

test('a poll before the dispatcher has run sees nothing yet, then everything once it has', async () => {
  const start = (await page('0', 1000)).nextSince;
  const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
  const before = await page(start, 100);
  assert.equal(before.items.length, 0);
  assert.ok(BigInt(before.nextSince) < BigInt(entry.dataVersion), 'nextSince stays below the undispatched change');
  await t.ctx.jobs.run('dispatch');
  const afterRun = await page(before.nextSince, 100);
  assert.deepEqual(
    afterRun.items.map((i) => i.streamId),
    [entry.id],
  );
});

test('a malformed since is refused with a Chinese message, and a limit out of range too', async () => {
  for (const since of ['abc', '-1', '1.5', '99999999999999999999']) {
    const res = await get(t, `/api/v1/changes?since=${since}`, finance.headers);
    assert.equal(res.statusCode, 400, since);
    assert.equal(res.json().error.code, 'changes.invalid_since');
    assert.match(res.json().error.message, /since 应为数据版本号/);
  }
  const tooMany = await get(t, '/api/v1/changes?since=0&limit=1001', finance.headers);
  assert.equal(tooMany.statusCode, 400);
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/changes?since=0' });
  assert.equal(anonymous.statusCode, 401);
});
