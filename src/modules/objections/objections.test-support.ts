// Helpers for the tests of objections, repairs and public filing: staff of two departments, a black-list entry and
// a penalty record, and small request wrappers.
import { createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { makeCitizenId, makeUscc, post, publishBlackEntry } from '../../test/entry-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord } from '../records/records.test-support.ts';

export interface Staff {
  amrOperator: TestUser;
  amrReviewer: TestUser;
  taxOperator: TestUser;
  taxReviewer: TestUser;
  creditOffice: TestUser;
  auditor: TestUser;
  checker: { headers: Headers };
}

export async function createStaff(t: TestApp): Promise<Staff> {
  return {
    amrOperator: await createUser(t, { roles: ['operator'], departmentCode: 'amr' }),
    amrReviewer: await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' }),
    taxOperator: await createUser(t, { roles: ['operator'], departmentCode: 'tax' }),
    taxReviewer: await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' }),
    creditOffice: await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' }),
    auditor: await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' }),
    checker: await createApiKey(t, 'housing'),
  };
}

/** A server on 2 March 2026 with the staff above, sessions that do not expire while the tests run. */
export async function staffedApp(): Promise<{ t: TestApp; s: Staff }> {
  const t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  return { t, s: await createStaff(t) };
}

/** A market-regulation black-list entry in effect (the clock moves past the statement period). */
export async function amrEntry(
  t: TestApp,
  s: Staff,
  options: { basisDate?: string; listTypeCode?: string; operator?: TestUser; reviewer?: TestUser } = {},
) {
  const uscc = makeUscc();
  const name = `示例区异议测试${uscc.slice(-4)}有限公司`;
  const legalRepresentative = makeCitizenId();
  const entry = await publishBlackEntry(t, {
    operator: options.operator ?? s.amrOperator,
    reviewer: options.reviewer ?? s.amrReviewer,
    listTypeCode: options.listTypeCode ?? 'black_amr',
    subject: { uscc, name },
    basisDate: options.basisDate ?? '2026-02-20',
    relatedPersons: [{ citizenId: legalRepresentative, name: '王法人', role: 'legalRepresentative' }],
  });
  return { entry, uscc, name, legalRepresentative };
}

/** A penalty record of the market regulator (general by default: a fine). */
export async function amrRecord(t: TestApp, s: Staff, overrides: Parameters<typeof createRecord>[2] = {}) {
  const uscc = makeUscc();
  const name = `示例区处罚异议${uscc.slice(-4)}有限公司`;
  const record = await createRecord(t, s.amrOperator.headers, { subject: { uscc, name }, ...overrides });
  return { record, uscc, name };
}

export const party = (uscc: string, name: string) => ({ uscc, name, contact: '0531-12345678' });

export async function get(t: TestApp, url: string, headers: Headers) {
  return t.app.inject({ method: 'GET', url, headers });
}

export async function check(t: TestApp, headers: Headers, uscc: string, name?: string) {
  await t.sync();
  const res = await post(t, '/api/v1/checks', headers, { subjects: [{ uscc, ...(name ? { name } : {}) }] });
  if (res.statusCode !== 200) throw new Error(`check: ${res.statusCode} ${res.body}`);
  return res.json().results[0];
}

export async function eventsOf(t: TestApp, stream: string, id: string) {
  return t.ctx.db
    .selectFrom('events')
    .select(['type', 'payload', 'department_id'])
    .where('stream', '=', stream)
    .where('stream_id', '=', id)
    .orderBy('version')
    .execute();
}

export const pdf = (name = '证明.pdf') => ({
  fileName: name,
  contentType: 'application/pdf',
  content: Buffer.from('%PDF-1.4\n% test\n').toString('base64'),
});
