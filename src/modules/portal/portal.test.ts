import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeCitizenId, makeUscc, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord } from '../records/records.test-support.ts';

// The reading pages as a browser (or curl) gets them: one app, a few published entries and a record.

let t: TestApp;
let office: TestUser;
const bodies: string[] = [];
const ids: string[] = [];
const company = { uscc: makeUscc(), name: '示例区鑫源偷税有限公司' };
const wageCompany = { uscc: makeUscc(), name: '示例区欠薪建筑有限公司' };
const penalized = { uscc: makeUscc(), name: '示例区受罚商贸有限公司' };
const person = { citizenId: makeCitizenId(), name: '钱欠薪' };

/** The page holds this text (the message names it when it does not). */
const has = (body: string, text: string) => assert.ok(body.includes(text), `missing: ${text}`);

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  bodies.push(res.body);
  return res;
}

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7, siteName: '信用示例区' },
    now: '2026-06-01T02:00:00Z',
  });
  office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  const tax = {
    operator: await createUser(t, { roles: ['operator'], departmentCode: 'tax' }),
    reviewer: await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' }),
  };
  const hrss = {
    operator: await createUser(t, { roles: ['operator'], departmentCode: 'hrss' }),
    reviewer: await createUser(t, { roles: ['reviewer'], departmentCode: 'hrss' }),
  };
  const lr = makeCitizenId();
  ids.push(lr, person.citizenId);
  await publishBlackEntry(t, {
    ...tax,
    listTypeCode: 'black_tax',
    subject: company,
    relatedPersons: [{ citizenId: lr, name: '吴法人', role: 'legalRepresentative' }],
  });
  await publishBlackEntry(t, { ...hrss, listTypeCode: 'black_wage', subject: wageCompany });
  await publishBlackEntry(t, { ...hrss, listTypeCode: 'black_wage', subject: person });
  const amr = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  await createRecord(t, amr.headers, { subject: penalized, penaltyType: 'suspension', decisionDate: '2026-06-01' });
  // The credit office marks the tax list for the exposure page.
  const taxList = await t.ctx.db
    .selectFrom('list_types')
    .select('id')
    .where('code', '=', 'black_tax')
    .executeTakeFirstOrThrow();
  const marked = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/list-types/${taxList.id}`,
    headers: office.headers,
    payload: { exposed: true },
  });
  assert.equal(marked.statusCode, 200, marked.body);
  await t.sync();
});
after(() => t.close());

describe('subject credit pages', () => {
  test('the first HTML of a company page holds its name, its code and its black-list entry with the repair notice', async () => {
    const res = await get(`/subjects/${company.uscc}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    has(res.body, '<html lang="zh-CN">');
    assert.match(res.body, new RegExp(`<h1>\\s*${company.name}\\s*</h1>`));
    has(res.body, company.uscc);
    has(res.body, '重大税收违法失信主体');
    has(res.body, '经查实的严重失信行为');
    has(res.body, '罚〔2026〕'); // the basis document the scope discloses
    has(res.body, '吴法人');
    has(res.body, '/api/v1/public/repair-notices/entry/');
    has(res.body, '可以申请信用修复（提前移出）'); // black_tax allows early removal from the basis date
    has(res.body, '数据截至 ');
    assert.ok(res.body.includes('信用示例区'), 'the configured site name is in the header');
    assert.ok(!/<script(?![^>]*\bsrc=)/.test(res.body), 'no inline script');
  });

  test('a penalized company page lists its disclosed record with severity and disclosure window', async () => {
    const res = await get(`/subjects/${penalized.uscc}`);
    assert.equal(res.statusCode, 200, res.body);
    has(res.body, '失信程度：严重');
    has(res.body, '/api/v1/public/repair-notices/record/');
  });

  test('a person is reached by id from a list, masked, and an unknown code answers an HTML 404', async () => {
    const list = await get('/api/v1/public/lists/black?listType=black_wage');
    const item = list.json().items.find((i: { subject: { kind: string } }) => i.subject.kind === 'person');
    assert.ok(item.subject.path.startsWith('/subjects/'));
    assert.match(item.subject.citizenIdMasked, /\*/);
    const page = await get(item.subject.path);
    assert.equal(page.statusCode, 200, page.body);
    has(page.body, person.name);
    const missing = await get(`/subjects/${makeUscc()}`);
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /页面不存在/);
    const api = await get('/api/v1/no-such-thing');
    assert.equal(api.json().error.code, 'route.not_found');
  });
});

describe('publicity lists, CSV and Atom', () => {
  test('the black list page filters by list type and links CSV and Atom with the same filters', async () => {
    const all = await get('/lists/black');
    assert.equal(all.statusCode, 200);
    has(all.body, company.name);
    has(all.body, wageCompany.name);
    const tax = await get('/lists/black?listType=black_tax&department=&from=&to=');
    assert.equal(tax.statusCode, 200, tax.body);
    has(tax.body, company.name);
    assert.ok(!tax.body.includes(wageCompany.name));
    has(tax.body, '/api/v1/public/lists/black/csv?listType=black_tax');
    has(tax.body, '/api/v1/public/lists/black/atom?listType=black_tax');
    const red = await get('/lists/red');
    assert.ok(!red.body.includes(company.name), 'a black-list entry is not on the red list');
  });

  test('the list pages through keyset cursors without repeating a row', async () => {
    const first = (await get('/api/v1/public/lists/black?limit=2')).json();
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = (await get(`/api/v1/public/lists/black?limit=2&cursor=${first.nextCursor}`)).json();
    assert.ok(second.items.length >= 1);
    const seen = new Set(first.items.map((i: { id: string }) => i.id));
    for (const i of second.items) assert.ok(!seen.has(i.id));
    const dated = (await get('/api/v1/public/lists/black?from=2099-01-01')).json();
    assert.deepEqual(dated.items, []);
  });

  test('CSV and Atom hold the rows of the list, with a BOM for Excel and no unmasked ID number', async () => {
    const json = (await get('/api/v1/public/lists/black?listType=black_wage')).json();
    const csv = await get('/api/v1/public/lists/black/csv?listType=black_wage');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, json.items.length + 1);
    const atom = await get('/api/v1/public/lists/black/atom?listType=black_wage');
    assert.match(atom.headers['content-type'] as string, /application\/atom\+xml/);
    for (const item of json.items) {
      has(atom.body, `urn:uuid:${item.id}`);
      has(csv.body, item.subject.name);
    }
    has(csv.body, person.name);
    for (const id of ids) assert.ok(!csv.body.includes(id) && !atom.body.includes(id));
  });
});

describe('exposure and policies', () => {
  test('the exposure page shows cases of the marked list type only', async () => {
    const res = await get('/exposure');
    assert.equal(res.statusCode, 200);
    has(res.body, company.name);
    assert.ok(!res.body.includes(wageCompany.name));
    has(res.body, '「重大税收违法失信主体」');
  });

  test('only a publicly disclosed black list can be marked for exposure, and the mark makes a new version', async () => {
    const red = await t.ctx.db
      .selectFrom('list_types')
      .select('id')
      .where('kind', '=', 'red')
      .executeTakeFirstOrThrow();
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/list-types/${red.id}`,
      headers: office.headers,
      payload: { exposed: true },
    });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.details.field, 'exposed');
    const tax = await t.ctx.db
      .selectFrom('list_types')
      .select(['id', 'version'])
      .where('code', '=', 'black_tax')
      .executeTakeFirstOrThrow();
    const version = await t.app.inject({
      method: 'GET',
      url: `/api/v1/list-types/${tax.id}/versions/${tax.version}`,
      headers: office.headers,
    });
    assert.equal(version.json().exposed, true);
  });

  test('the policies page tells the catalog and the repair deadlines in working days', async () => {
    const res = await get('/policies');
    assert.equal(res.statusCode, 200);
    has(res.body, '重大税收违法失信主体');
    has(res.body, '惩戒措施（按实施部门）');
    const json = (await get('/api/v1/public/policies')).json();
    has(res.body, `${json.repairGuide.acceptanceWorkingDays} 个工作日内决定是否受理`);
    const measure = json.listTypes.find((l: { code: string }) => l.code === 'black_tax').measures[0];
    has(res.body, measure.title);
  });

  test('the home page shows the counts and the latest publications', async () => {
    const overview = (await get('/api/v1/public/overview')).json();
    assert.ok(overview.counts.black >= 3);
    assert.ok(overview.counts.records >= 1);
    const res = await get('/');
    has(res.body, `<strong>${overview.counts.black}</strong>`);
    has(res.body, company.name);
    has(res.body, 'action="/search"');
  });
});

describe('the search page', () => {
  test('a valid code goes straight to the subject page', async () => {
    const res = await get(`/search?q=${company.uscc.toLowerCase()}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/subjects/${company.uscc}`);
  });

  test('a malformed code says what is wrong with it', async () => {
    const wrong = company.uscc.slice(0, 17) + (company.uscc[17] === '0' ? '1' : '0');
    const res = await get(`/search?q=${wrong}`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /校验/);
    const short = await get(`/search?q=${company.uscc.slice(0, 16)}`);
    assert.match(short.body, /18位/);
  });

  test('an ID number is refused without being echoed, and odd input gets a message instead of an error', async () => {
    const res = await get(`/search?q=${person.citizenId}`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /不能使用公民身份号码查询/);
    assert.ok(!res.body.includes(person.citizenId));
    const one = await get(`/search?q=${encodeURIComponent('鑫')}`);
    assert.match(one.body, /至少输入 2 个字/);
    const long = await get(`/search?q=${encodeURIComponent('鑫'.repeat(500))}`);
    assert.match(long.body, /查询内容过长/);
    const control = await get('/search?q=%E9%91%AB%00%E6%BA%90');
    assert.ok(control.statusCode < 500);
    assert.match(control.body, /控制字符/);
  });

  test('a whole name finds the subject', async () => {
    const res = await get(`/search?q=${encodeURIComponent(company.name)}`);
    assert.equal(res.statusCode, 200);
    has(res.body, `href="/subjects/${company.uscc}"`);
  });
});

describe('the server around the pages', () => {
  test('pages, the API and the API docs carry the security headers and the CSP', async () => {
    for (const url of ['/', '/api/v1/public/overview', '/docs/']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.ok(res.statusCode < 400, `${url} ${res.statusCode}`);
      assert.match(res.headers['content-security-policy'] as string, /script-src 'self'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.ok(res.headers['permissions-policy']);
    }
  });

  test('the stylesheet is hashed and cached for a year, and pages are compressed when the browser asks', async () => {
    const home = await get('/');
    const href = /href="(\/static\/portal\.[0-9a-f]{12}\.css)"/.exec(home.body)![1]!;
    const css = await t.app.inject({ method: 'GET', url: href });
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
    const br = await t.app.inject({ method: 'GET', url: '/policies', headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    const gzip = await t.app.inject({ method: 'GET', url: '/policies', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
  });

  test('no page, list, file or JSON the portal sent holds an unmasked ID number', () => {
    assert.ok(bodies.length > 10);
    for (const body of bodies) for (const id of ids) assert.ok(!body.includes(id));
  });
});

describe('rate limiting', () => {
  let limited: TestApp;
  before(async () => {
    limited = await createTestApp({ config: { publicRateLimit: 3, publicRateWindowSeconds: 60 } });
  });
  after(() => limited.close());

  test('a client over the limit gets 429 with Retry-After: JSON for the API, a Chinese page for the browser', async () => {
    const at = (url: string, ip: string) => limited.app.inject({ method: 'GET', url, remoteAddress: ip });
    for (let i = 0; i < 3; i++) assert.equal((await at('/api/v1/public/overview', '10.0.0.1')).statusCode, 200);
    const api = await at('/api/v1/public/overview', '10.0.0.1');
    assert.equal(api.statusCode, 429);
    assert.ok(Number(api.headers['retry-after']) > 0);
    assert.equal(api.json().error.code, 'request.rate_limited');
    const page = await at('/', '10.0.0.1');
    assert.equal(page.statusCode, 429);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /访问过于频繁/);
    assert.equal((await at('/', '10.0.0.2')).statusCode, 200, 'another address has its own allowance');
    assert.equal((await at('/healthz', '10.0.0.1')).statusCode, 200, 'health probes are not counted');
    limited.clock.advanceDays(1);
    assert.equal((await at('/', '10.0.0.1')).statusCode, 200, 'the window ends');
  });

  test('behind a trusted proxy each visitor is counted by the address the proxy forwards, not by the proxy', async () => {
    const proxied = await createTestApp({
      config: { publicRateLimit: 2, publicRateWindowSeconds: 60, trustProxy: ['127.0.0.1'] },
    });
    try {
      const via = (visitor: string) =>
        proxied.app.inject({
          method: 'GET',
          url: '/api/v1/public/overview',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': visitor },
        });
      for (let i = 0; i < 2; i++) assert.equal((await via('203.0.113.7')).statusCode, 200);
      assert.equal((await via('203.0.113.7')).statusCode, 429, 'one visitor over the limit');
      assert.equal((await via('203.0.113.8')).statusCode, 200, 'another visitor through the same proxy is not');
    } finally {
      await proxied.close();
    }
  });

  test('an untrusted client cannot escape the limit by sending its own X-Forwarded-For', async () => {
    const at = (forwarded: string) =>
      limited.app.inject({
        method: 'GET',
        url: '/api/v1/public/policies',
        remoteAddress: '10.0.0.9',
        headers: { 'x-forwarded-for': forwarded },
      });
    for (let i = 0; i < 3; i++) assert.equal((await at(`198.51.100.${i}`)).statusCode, 200);
    assert.equal((await at('198.51.100.99')).statusCode, 429);
  });
});
