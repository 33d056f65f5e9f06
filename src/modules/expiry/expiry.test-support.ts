// Dishonesty records for the expiry tests: through POST /api/v1/records when that route is registered, otherwise
// through the records module's own insert inside a ledger write (same row, same record.created event).
import { randomBytes } from 'node:crypto';
import { makeUscc } from '../../test/entry-fixtures.ts';
import type { TestUser } from '../../test/fixtures.ts';
import type { TestApp } from '../../test/harness.ts';
import { write } from '../shared/index.ts';
import { insertNewRecord } from '../records/index.ts';
import { resolveSubject } from '../subjects/index.ts';

export interface RecordOptions {
  decisionDate: string;
  penaltyType: 'warning' | 'fine' | 'revocation';
  uscc?: string;
}

export async function createRecord(t: TestApp, user: TestUser, o: RecordOptions): Promise<string> {
  const body = {
    subject: { uscc: o.uscc ?? makeUscc(), name: '示例区到期测试有限公司' },
    domain: 'market_regulation',
    decisionNo: `示市监罚〔${o.decisionDate.slice(0, 4)}〕${randomBytes(4).toString('hex')}号`,
    decisionDate: o.decisionDate,
    facts: '未按规定公示年度报告',
    basis: '《企业信息公示暂行条例》',
    penaltyType: o.penaltyType,
  };
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: user.headers, payload: body });
  if (response.statusCode === 201) return response.json().id;
  if (response.json().error?.code !== 'route.not_found')
    throw new Error(`record: ${response.statusCode} ${response.body}`);
  const { result } = await write(t.ctx, `user:${user.id}`, async (w) => {
    const subject = await resolveSubject(w, t.ctx, body.subject, 'subject');
    return insertNewRecord(w, {
      ...body,
      subjectId: subject.id,
      departmentId: user.departmentId,
      state: 'in_effect',
      createdBy: `user:${user.id}`,
    });
  });
  return result;
}
