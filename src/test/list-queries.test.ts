import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publishEntries, TEST_CONFIG } from '../modules/dispatch/dispatch.test-support.ts';
import { createRecord } from '../modules/records/records.test-support.ts';
import { insertDueItem } from '../modules/reminders/reminders.test-support.ts';
import { chinaDate } from '../modules/shared/working-days.ts';
import { makeUscc, post } from './entry-fixtures.ts';
import { adminHeaders, createApiKey, createUser, type Headers } from './fixtures.ts';
import { createTestApp, type TestApp } from './harness.ts';

// Issue 9 item 5: every list endpoint runs a constant number of queries whatever its page size (presenters never
// query; repositories load each related table once for the whole page). Each row of LISTS is one endpoint: the
// test asks it at limit=1 and limit=200 over the same data (several items, each with related rows) and compares
// the queries counted. A list added elsewhere is one more row (its data added to `setUp`).

interface World {
  t: TestApp;
  admin: Headers;
  office: Headers;
  amr: Headers;
  finance: Headers;
  webhookId: string;
  uscc: string;
}

interface ListRow {
  name: string;
  url: (w: World) => string;
  headers: (w: World) => Headers;
  /** Whether the list pages at all (lists small by nature answer everything; their limit is ignored). */
  paged: boolean;
}

const LISTS: ListRow[] = [
  { name: 'entries', url: () => '/api/v1/entries', headers: (w) => w.admin, paged: true },
  { name: 'records', url: () => '/api/v1/records', headers: (w) => w.admin, paged: true },
  { name: 'dispatches', url: () => '/api/v1/dispatches', headers: (w) => w.admin, paged: true },
  { name: 'changes', url: () => '/api/v1/changes?since=0', headers: (w) => w.finance, paged: true },
  { name: 'commitments', url: () => '/api/v1/commitments', headers: (w) => w.admin, paged: true },
  { name: 'subjects', url: () => '/api/v1/subjects', headers: (w) => w.admin, paged: true },
  { name: 'audit log', url: () => '/api/v1/audit-log', headers: (w) => w.admin, paged: true },
  { name: 'inbox', url: () => '/api/v1/inbox', headers: (w) => w.amr, paged: true },
  { name: 'overdue', url: () => '/api/v1/overdue', headers: (w) => w.office, paged: true },
  { name: 'webhooks', url: () => '/api/v1/webhooks', headers: (w) => w.admin, paged: false },
  {
    name: 'webhook deliveries',
    url: (w) => `/api/v1/webhooks/${w.webhookId}/deliveries`,
    headers: (w) => w.admin,
    paged: true,
  },
  { name: 'users', url: () => '/api/v1/users', headers: (w) => w.admin, paged: false },
  { name: 'API keys', url: () => '/api/v1/api-keys', headers: (w) => w.admin, paged: false },
  {
    name: 'public disclosures',
    url: (w) => `/api/v1/public/disclosures?uscc=${w.uscc}`,
    headers: () => ({}),
    paged: false,
  },
];

let w: World;

/** Several items of every list, each with related rows: entries with measures and a named person, their dispatch
 * items and webhook deliveries, records, commitments, open items past their deadlines, users and API keys. */
async function setUp(): Promise<World> {
  const t = await createTestApp(TEST_CONFIG);
  const admin = await adminHeaders(t);
  const operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  const reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  const office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  const finance = await createUser(t, { roles: ['operator'], departmentCode: 'finance' });
  await createApiKey(t, 'amr');
  await createApiKey(t, 'finance');
  await post(t, '/api/v1/egress-allowlist', admin, { pattern: '127.0.0.0/8', note: '测试接收端' });
  const hook = await post(t, '/api/v1/webhooks', finance.headers, { url: 'http://127.0.0.1:9/hook' });
  assert.equal(hook.statusCode, 201, hook.body);
  const second = await post(t, '/api/v1/webhooks', finance.headers, { url: 'http://127.0.0.1:9/other' });
  assert.equal(second.statusCode, 201, second.body);
  const entries = await publishEntries(t, {
    operator,
    reviewer,
    measureCodes: ['san_key_supervision', 'san_fiscal_funds', 'san_public_trading'],
    count: 3,
  });
  await t.ctx.jobs.run('dispatch');
  for (let i = 0; i < 3; i++) await createRecord(t, operator.headers);
  for (let i = 0; i < 3; i++) {
    const c = await post(t, '/api/v1/commitments', operator.headers, {
      subject: { uscc: makeUscc(), name: `示例区列表测试承诺${i}有限公司` },
      type: 'approval_substitute',
      content: '本单位承诺所填报的经营场所信息真实有效。',
      liability: '如有不实，愿意承担相应责任。',
      term: { start: '2026-03-02', end: '2026-09-01' },
    });
    assert.equal(c.statusCode, 201, c.body);
  }
  const longAgo = '2026-01-05';
  // Not dispatches: their inbox items need a real change (the ones the entries above made are there).
  for (const table of ['objections', 'repairs', 'commitments', 'tipoffs'] as const)
    for (let i = 0; i < 2; i++) await insertDueItem(t, table, { departmentCode: 'amr', from: longAgo });
  assert.ok(chinaDate(t.clock.now()) > longAgo);
  return {
    t,
    admin,
    office: office.headers,
    amr: operator.headers,
    finance: finance.headers,
    webhookId: hook.json().webhook.id,
    uscc: entries[0].subject.uscc,
  };
}

async function countedGet(url: string, headers: Headers) {
  const { result, queries } = await w.t.countQueries(() => w.t.app.inject({ method: 'GET', url, headers }));
  assert.equal(result.statusCode, 200, `${url}: ${result.body}`);
  return { body: result.json() as { items: unknown[] }, queries };
}

const withLimit = (url: string, limit: number) => `${url}${url.includes('?') ? '&' : '?'}limit=${limit}`;

// One data set for every row: each test only reads it.
before(async () => {
  w = await setUp();
});
after(async () => {
  await w.t.close();
});

describe('every list endpoint runs as many queries for a page of 1 as for a page of 200', () => {
  for (const list of LISTS) {
    test(`the ${list.name} list answers a page of 1 and a page of 200 with the same number of queries`, async () => {
      const url = list.url(w);
      // A session's first request of a while also records its use: ask once before counting.
      await countedGet(url, list.headers(w));
      const one = await countedGet(list.paged ? withLimit(url, 1) : url, list.headers(w));
      const all = await countedGet(list.paged ? withLimit(url, 200) : url, list.headers(w));
      const items = (b: { items: unknown[] }) =>
        b.items.flatMap((i) => (typeof i === 'object' && i && 'records' in i ? [i, i] : [i])).length;
      assert.ok(items(all.body) >= 2, `${list.name}: the data set gives it several items`);
      if (list.paged) assert.equal(one.body.items.length, 1);
      assert.equal(one.queries, all.queries, `${list.name}: ${one.queries} queries at 1, ${all.queries} at 200`);
    });
  }
});

describe('following nextCursor walks the whole list once', () => {
  for (const path of ['/api/v1/entries', '/api/v1/records', '/api/v1/dispatches', '/api/v1/commitments']) {
    test(`the pages of ${path} at limit=1 hold every item of the list exactly once, in the list's order`, async () => {
      const whole = (await countedGet(withLimit(path, 200), w.admin)).body as { items: { id: string }[] };
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = withLimit(path, 1) + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
        const page = (await countedGet(url, w.admin)).body as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        whole.items.map((i) => i.id),
      );
      assert.equal(new Set(seen).size, seen.length, 'no item twice');
    });
  }

  test('a cursor the list did not make is refused with 400 page.invalid_cursor', async () => {
    for (const path of ['/api/v1/entries', '/api/v1/dispatches', '/api/v1/subjects', '/api/v1/inbox']) {
      const res = await w.t.app.inject({ method: 'GET', url: `${path}?cursor=bm90LWEtY3Vyc29y`, headers: w.admin });
      assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
      assert.equal(res.json().error.code, 'page.invalid_cursor');
    }
  });
});
