// Test helpers of the dispatch loop: entries published with chosen measures, inbox and feed reads.
import type { Headers, TestUser } from '../../test/fixtures.ts';
import { listTypeId, makeCitizenId, makeUscc, post } from '../../test/entry-fixtures.ts';
import type { TestApp } from '../../test/harness.ts';
import { chinaDate } from '../shared/index.ts';

let counter = 0;

export const TEST_CONFIG = {
  config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
  now: '2026-03-02T02:00:00Z',
};

function ok(res: { statusCode: number; body: string }, what: string, status = 200) {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

export async function measureIds(t: TestApp, codes: string[]): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('measures').select(['id', 'code']).where('code', 'in', codes).execute();
  return codes.map((c) => rows.find((r) => r.code === c)!.id);
}

export async function get(t: TestApp, url: string, headers: Headers) {
  return t.app.inject({ method: 'GET', url, headers });
}

export async function getOk(t: TestApp, url: string, headers: Headers) {
  return ok(await get(t, url, headers), `GET ${url}`);
}

/**
 * Publishes `count` black-list entries of the market-regulation list with the given measures: all drafts and
 * notices first, one move of the clock past the statement period, then the decisions and publications.
 */
export async function publishEntries(
  t: TestApp,
  o: { operator: TestUser; reviewer: TestUser; measureCodes: string[]; count?: number },
) {
  const ids: string[] = [];
  const measures = await measureIds(t, o.measureCodes);
  const listType = await listTypeId(t, 'black_amr');
  let due = '';
  for (let i = 0; i < (o.count ?? 1); i++) {
    const n = ++counter;
    const draft = ok(
      await post(t, '/api/v1/entries', o.operator.headers, {
        listTypeId: listType,
        subject: { uscc: makeUscc(), name: `示例区推送测试${n}有限公司` },
        reason: '提供虚假材料取得许可',
      }),
      'draft',
      201,
    );
    const noticed = ok(
      await post(t, `/api/v1/entries/${draft.id}/notice`, o.operator.headers, {
        documentNo: `示市监告〔2026〕${n}号`,
        servedDate: chinaDate(t.clock.now()),
        content: '拟列入的事由、依据和陈述申辩权利',
      }),
      'notice',
    );
    due = noticed.notice.statementDue;
    ids.push(draft.id);
  }
  while (chinaDate(t.clock.now()) <= due) t.clock.advanceDays(1);
  const published = [];
  for (const id of ids) {
    const n = ++counter;
    ok(
      await post(t, `/api/v1/entries/${id}/decision`, o.reviewer.headers, {
        documentNo: `示市监认〔2026〕${n}号`,
        date: chinaDate(t.clock.now()),
        reason: '提供虚假材料取得许可',
        basis: '《市场监督管理严重违法失信名单管理办法》第九条',
        measureIds: measures,
        removalConditions: '期满或信用修复',
        removalProcedure: '依申请移出',
        remedies: '行政复议或行政诉讼',
        basisDocument: { kind: 'penalty_decision', documentNo: `示市监罚〔2026〕${n}号`, date: '2026-02-20' },
        relatedPersons: [{ citizenId: makeCitizenId(), name: '李法人', role: 'legalRepresentative' }],
      }),
      'decision',
    );
    published.push(ok(await post(t, `/api/v1/entries/${id}/publication`, o.reviewer.headers, {}), 'publication'));
  }
  return published;
}

export const inbox = async (t: TestApp, headers: Headers, query = '') =>
  (await getOk(t, `/api/v1/dispatches${query}`, headers)).items;
