import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { party, pdf } from '../modules/objections/objections.test-support.ts';
import { fileTipoff, tipoffBody } from '../modules/tipoffs/tipoffs.test-support.ts';
import { makeUscc, post } from './entry-fixtures.ts';
import { createUser, type Headers } from './fixtures.ts';
import { createTestApp, type TestApp } from './harness.ts';

// The lists of the party applications and tip-offs read their page and what its items show (departments, files,
// commitments, handlers) in a fixed number of queries: a page of 200 costs what a page of 1 does. They page by keyset.

let t: TestApp;
let office: Headers;
const FILINGS = 5;

before(async () => {
  t = await createTestApp({ config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 } });
  office = (await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' })).headers;
  // Public filings that match nothing go to the credit office: real filings, with a file each, and no entry needed.
  for (let i = 0; i < FILINGS; i++) {
    const uscc = makeUscc();
    const named = { documentNo: `鲁无此文〔2026〕${i + 1}号` };
    const objection = await post(
      t,
      '/api/v1/public/objections',
      {},
      {
        party: party(uscc, `列表查询测试${i}有限公司`),
        target: named,
        content: '该信息有误。',
        attachments: [pdf()],
      },
    );
    assert.equal(objection.statusCode, 201, objection.body);
    const repair = await post(
      t,
      '/api/v1/public/repairs',
      {},
      {
        party: party(uscc, `列表查询测试${i}有限公司`),
        target: named,
        proof: { text: '已履行全部义务', attachments: [pdf('履行证明.pdf')] },
        commitment: { content: '本单位承诺守法经营。' },
      },
    );
    assert.equal(repair.statusCode, 201, repair.body);
    await fileTipoff(t, tipoffBody({ departmentCode: 'credit_office' }));
    t.clock.advance(60_000);
  }
});
after(() => t.close());

const list = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: office });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: { id: string }[]; nextCursor: string | null };
};

for (const path of ['/api/v1/objections', '/api/v1/repairs', '/api/v1/tipoffs']) {
  describe(`GET ${path}`, () => {
    test('a page of 200 items runs as many queries as a page of 1', async () => {
      await list(`${path}?limit=1`); // the session's first use in a while is touched: not what is counted here
      const one = await t.countQueries(() => list(`${path}?limit=1`));
      const all = await t.countQueries(() => list(`${path}?limit=200`));
      assert.equal(one.result.items.length, 1);
      assert.equal(all.result.items.length, FILINGS);
      assert.equal(all.queries, one.queries, `limit=1: ${one.queries} queries, limit=200: ${all.queries}`);
    });

    test('following nextCursor walks the whole list once, newest first, and ends with null', async () => {
      const whole = (await list(`${path}?limit=200`)).items.map((i) => i.id);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`${path}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.ok(page.items.length <= 2);
        walked.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(walked, whole);
      assert.equal(new Set(walked).size, FILINGS);
    });

    test('a cursor the list did not make answers 400', async () => {
      const res = await t.app.inject({ method: 'GET', url: `${path}?cursor=bm90LWEtY3Vyc29y`, headers: office });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'page.invalid_cursor');
    });
  });
}
