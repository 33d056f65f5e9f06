// Helpers for tests of records, public disclosure and checks: records and red-list entries through the HTTP API.
import { listTypeId, makeUscc, post } from '../../test/entry-fixtures.ts';
import type { Headers, TestUser } from '../../test/fixtures.ts';
import type { TestApp } from '../../test/harness.ts';
import { write } from '../shared/index.ts';
import { insertNewRecord } from './records.usecases.ts';

let counter = 0;

export interface RecordBody {
  subject: { uscc?: string; citizenId?: string; name: string };
  domain: string;
  decisionNo: string;
  decisionDate: string;
  facts: string;
  basis: string;
  penaltyType: string;
  amount?: string;
  discloseMinor?: boolean;
}

export function recordBody(overrides: Partial<RecordBody> = {}): RecordBody {
  counter += 1;
  return {
    subject: { uscc: makeUscc(), name: `示例区处罚测试${counter}有限公司` },
    domain: 'market_regulation',
    decisionNo: `示市监罚〔2026〕${counter}号`,
    decisionDate: '2026-03-02',
    facts: '未按规定公示年度报告',
    basis: '《企业信息公示暂行条例》第十八条',
    penaltyType: 'fine',
    amount: '5000',
    ...overrides,
  };
}

export async function createRecord(t: TestApp, headers: Headers, overrides: Partial<RecordBody> = {}) {
  const res = await post(t, '/api/v1/records', headers, recordBody(overrides));
  if (res.statusCode !== 201) throw new Error(`record: expected 201, got ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A record proposed from a broken commitment (another part's procedure), written as that part would. */
export async function proposeRecord(
  t: TestApp,
  departmentCode: string,
  overrides: Partial<RecordBody> & { subjectId: string },
) {
  const body = recordBody(overrides);
  const dept = await t.ctx.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', departmentCode)
    .executeTakeFirstOrThrow();
  const { result } = await write(t.ctx, 'test:commitments', (w) =>
    insertNewRecord(w, {
      ...body,
      subjectId: overrides.subjectId,
      departmentId: dept.id,
      penaltyType: overrides.penaltyType ?? 'commitment_breach',
      state: 'proposed',
      createdBy: 'test:commitments',
    }),
  );
  return result;
}

/** A red-list entry taken from nomination to in effect by its identifying department. */
export async function publishRedEntry(
  t: TestApp,
  o: {
    operator: TestUser;
    reviewer: TestUser;
    listTypeCode: string;
    subject: { uscc?: string; citizenId?: string; name: string };
    validFrom: string;
  },
) {
  const ok = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  const nominated = ok(
    await post(t, '/api/v1/entries', o.operator.headers, {
      listTypeId: await listTypeId(t, o.listTypeCode),
      subject: o.subject,
      reason: '纳税信用评价为A级',
    }),
    'nomination',
  );
  ok(
    await post(t, `/api/v1/entries/${nominated.id}/review`, o.reviewer.headers, {
      approved: true,
      opinion: '同意',
      documentNo: `审〔2026〕${++counter}号`,
      validFrom: o.validFrom,
    }),
    'review',
  );
  return ok(await post(t, `/api/v1/entries/${nominated.id}/publication`, o.reviewer.headers, {}), 'publication');
}
