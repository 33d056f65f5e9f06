import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createApiKey, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { post } from '../../test/entry-fixtures.ts';
import { chinaDate } from '../shared/index.ts';
import { get, getOk, inbox, measureIds, publishEntries, TEST_CONFIG } from '../dispatch/dispatch.test-support.ts';

let t: TestApp;
let amrOperator: TestUser,
  amrReviewer: TestUser,
  finance: TestUser,
  prtc: TestUser,
  tax: TestUser,
  auditor: TestUser,
  creditOffice: TestUser;
let financeKey: { headers: Headers };
let fiscal: string, trading: string;
const MEASURES = ['san_fiscal_funds', 'san_public_trading'];

before(async () => {
  t = await createTestApp(TEST_CONFIG);
  amrOperator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  amrReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  finance = await createUser(t, { roles: ['operator'], departmentCode: 'finance' });
  prtc = await createUser(t, { roles: ['reviewer'], departmentCode: 'prtc' });
  tax = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  financeKey = await createApiKey(t, 'finance');
  [fiscal, trading] = (await measureIds(t, MEASURES)) as [string, string];
});
after(async () => {
  await t.close();
});

const today = () => chinaDate(t.clock.now());
const body = (extra: Record<string, unknown>) => ({
  applied: true,
  matter: { name: '政府采购项目资格审查', number: `CG-${Math.random().toString(36).slice(2, 8)}` },
  handledDate: today(),
  result: '已依法限制其参与',
  ...extra,
});

async function publishedItem(user: TestUser) {
  const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
  await t.ctx.jobs.run('dispatch');
  const item = (await inbox(t, user.headers)).find((i: { streamId: string }) => i.streamId === entry.id);
  return { entry, item };
}

describe('feedback on dispatch items', () => {
  test('feedback within the deadline closes the item on time, and the initiating department sees it', async () => {
    const { entry, item } = await publishedItem(finance);
    const res = await post(t, '/api/v1/feedback', finance.headers, body({ dispatchId: item.id, measureId: fiscal }));
    assert.equal(res.statusCode, 201, res.body);
    const feedback = res.json();
    assert.equal(feedback.onTime, true);
    assert.equal(feedback.entryId, entry.id);
    assert.equal(feedback.measure.code, 'san_fiscal_funds');
    assert.equal(feedback.department.code, 'finance');

    const closed = await getOk(t, `/api/v1/dispatches/${item.id}`, finance.headers);
    assert.equal(closed.open, false);
    assert.notEqual(closed.closedAt, null);
    assert.equal(closed.feedbackCount, 1);

    const seen = await getOk(t, `/api/v1/entries/${entry.id}/feedback`, amrOperator.headers);
    assert.deepEqual(
      seen.items.map((f: { id: string }) => f.id),
      [feedback.id],
    );
    assert.equal(seen.items[0].matter.name, '政府采购项目资格审查');
    assert.equal((await get(t, `/api/v1/entries/${entry.id}/feedback`, auditor.headers)).statusCode, 200);
    assert.equal(
      (await get(t, `/api/v1/entries/${entry.id}/feedback`, tax.headers)).statusCode,
      404,
      'other departments do not see it',
    );
    assert.equal(
      (await get(t, `/api/v1/entries/${entry.id}/feedback`, finance.headers)).statusCode,
      404,
      'nor does the implementing department',
    );

    const twice = await post(t, '/api/v1/feedback', finance.headers, body({ dispatchId: item.id, measureId: fiscal }));
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'feedback.duplicate');
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', 'in', [item.id, feedback.id])
      .execute();
    assert.deepEqual(events.map((e) => e.type).sort(), ['dispatch.fed_back', 'feedback.recorded']);
  });

  test('an item left open past its deadline is flagged overdue, and late feedback is recorded as not on time', async () => {
    const { item } = await publishedItem(prtc);
    t.clock.set(`${t.ctx.calendar.get().addWorkingDays(item.due.date, 1)}T02:00:00Z`);
    const flagged = (await inbox(t, prtc.headers, '?overdue=true')).find((i: { id: string }) => i.id === item.id);
    assert.equal(flagged.overdue, true);

    const noReason = await post(
      t,
      '/api/v1/feedback',
      prtc.headers,
      body({ dispatchId: item.id, measureId: trading, applied: false }),
    );
    assert.equal(noReason.statusCode, 422);
    assert.equal(noReason.json().error.code, 'feedback.reason_required');
    const late = await post(
      t,
      '/api/v1/feedback',
      prtc.headers,
      body({ dispatchId: item.id, measureId: trading, applied: false, notAppliedReason: '该主体本期未申请交易' }),
    );
    assert.equal(late.statusCode, 201, late.body);
    assert.equal(late.json().onTime, false);
    assert.equal(late.json().notAppliedReason, '该主体本期未申请交易');
    const now = await getOk(t, `/api/v1/dispatches/${item.id}`, prtc.headers);
    assert.equal(now.overdue, false);
    assert.equal(now.open, false);
  });

  test("feedback is refused for another department's item, a measure not concerned, a read-only role and an informational item", async () => {
    const { entry, item } = await publishedItem(finance);
    const wrongMeasure = await post(
      t,
      '/api/v1/feedback',
      finance.headers,
      body({ dispatchId: item.id, measureId: trading }),
    );
    assert.equal(wrongMeasure.statusCode, 422);
    assert.equal(wrongMeasure.json().error.code, 'feedback.measure_not_concerned');
    assert.equal(
      (await post(t, '/api/v1/feedback', tax.headers, body({ dispatchId: item.id, measureId: fiscal }))).statusCode,
      404,
    );
    const readOnly = await post(
      t,
      '/api/v1/feedback',
      auditor.headers,
      body({ dispatchId: item.id, measureId: fiscal }),
    );
    assert.equal(readOnly.statusCode, 403);
    assert.equal(
      (await post(t, '/api/v1/feedback', creditOffice.headers, body({ dispatchId: item.id, measureId: fiscal })))
        .statusCode,
      403,
    );
    const both = await post(
      t,
      '/api/v1/feedback',
      finance.headers,
      body({ dispatchId: item.id, checkId: item.id, measureId: fiscal }),
    );
    assert.equal(both.json().error.code, 'feedback.target_required');
    const future = await post(
      t,
      '/api/v1/feedback',
      finance.headers,
      body({ dispatchId: item.id, measureId: fiscal, handledDate: '2026-12-31' }),
    );
    assert.equal(future.json().error.code, 'feedback.handled_in_future');
    const malformed = await post(t, '/api/v1/feedback', finance.headers, { dispatchId: item.id, measureId: fiscal });
    assert.equal(malformed.statusCode, 400);

    await post(t, `/api/v1/entries/${entry.id}/ending`, amrReviewer.headers, { reason: 'revoked', note: '依据被撤销' });
    await t.ctx.jobs.run('dispatch');
    const ending = (await inbox(t, finance.headers)).find(
      (i: { streamId: string; type: string }) => i.streamId === entry.id && i.type === 'entry.ended',
    );
    const informational = await post(
      t,
      '/api/v1/feedback',
      finance.headers,
      body({ dispatchId: ending.id, measureId: fiscal }),
    );
    assert.equal(informational.statusCode, 409);
    assert.equal(informational.json().error.code, 'feedback.not_required');
    assert.equal(informational.json().error.details.state, 'entry.ended');
    const stillOpen = await getOk(t, `/api/v1/dispatches/${item.id}`, finance.headers);
    assert.equal(stillOpen.feedbackCount, 0, 'refused feedback changed nothing');
  });
});

describe('feedback on checks', () => {
  test("a department's business system reports what it did after a check, for its own measures only", async () => {
    const [entry] = await publishEntries(t, { operator: amrOperator, reviewer: amrReviewer, measureCodes: MEASURES });
    await t.ctx.jobs.run('dispatch');
    await t.sync();
    const check = await post(t, '/api/v1/checks', financeKey.headers, {
      subjects: [{ uscc: entry.subject.uscc, name: entry.subject.name }],
    });
    assert.equal(check.statusCode, 200, check.body);
    const { checkId } = check.json();
    await t.ctx.recorder.flush();

    const res = await post(t, '/api/v1/feedback', financeKey.headers, body({ checkId, measureId: fiscal }));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().checkId, checkId);
    assert.equal(res.json().entryId, entry.id);
    assert.equal(res.json().onTime, null, 'a check has no deadline');
    const other = await post(t, '/api/v1/feedback', financeKey.headers, body({ checkId, measureId: trading }));
    assert.equal(
      other.json().error.code,
      'feedback.measure_not_concerned',
      "public trading is not the finance bureau's measure",
    );
    const notTheirs = await post(t, '/api/v1/feedback', prtc.headers, body({ checkId, measureId: trading }));
    assert.equal(notTheirs.statusCode, 404, 'a check another department made');
    const seen = await getOk(t, `/api/v1/entries/${entry.id}/feedback`, amrReviewer.headers);
    assert.ok(seen.items.some((f: { checkId: string }) => f.checkId === checkId));
  });
});

describe('statistics', () => {
  test('per department: items dispatched, fed back, on time, late, overdue, and measures applied or not', async () => {
    t.clock.set('2026-09-01T02:00:00Z');
    const entries = await publishEntries(t, {
      operator: amrOperator,
      reviewer: amrReviewer,
      measureCodes: MEASURES,
      count: 3,
    });
    await t.ctx.jobs.run('dispatch');
    const dispatchDay = today();
    const items = async (user: TestUser) => {
      const all = await inbox(t, user.headers, '?limit=500');
      return entries.map((e) => all.find((i: { streamId: string }) => i.streamId === e.id));
    };
    const [f1, f2] = await items(finance);
    const [p1] = await items(prtc);
    assert.equal(
      (await post(t, '/api/v1/feedback', finance.headers, body({ dispatchId: f1.id, measureId: fiscal }))).statusCode,
      201,
    );
    assert.equal(
      (
        await post(
          t,
          '/api/v1/feedback',
          finance.headers,
          body({ dispatchId: f2.id, measureId: fiscal, applied: false, notAppliedReason: '未涉及财政资金' }),
        )
      ).statusCode,
      201,
    );
    t.clock.set(`${t.ctx.calendar.get().addWorkingDays(p1.due.date, 1)}T02:00:00Z`);
    assert.equal(
      (await post(t, '/api/v1/feedback', prtc.headers, body({ dispatchId: p1.id, measureId: trading }))).statusCode,
      201,
    );

    const query = `?from=${dispatchDay}&to=${today()}`;
    const all = await getOk(t, `/api/v1/feedback/stats${query}`, creditOffice.headers);
    const row = (code: string) => all.items.find((r: { department: { code: string } }) => r.department.code === code);
    const { department: _f, ...fin } = row('finance');
    assert.deepEqual(fin, {
      dispatched: 3,
      feedbackRequired: 3,
      fedBack: 2,
      onTime: 2,
      late: 0,
      overdue: 1,
      measures: [
        { measureId: fiscal, code: 'san_fiscal_funds', title: '严格限制申请财政性资金项目', applied: 1, notApplied: 1 },
      ],
    });
    const { department: _p, measures, ...trade } = row('prtc');
    assert.deepEqual(trade, { dispatched: 3, feedbackRequired: 3, fedBack: 1, onTime: 0, late: 1, overdue: 2 });
    assert.deepEqual(
      measures.map((m: { code: string; applied: number }) => [m.code, m.applied]),
      [['san_public_trading', 1]],
    );
    assert.equal(row('tax'), undefined, 'departments with nothing in the period are left out');

    const own = await getOk(t, `/api/v1/feedback/stats${query}`, finance.headers);
    assert.deepEqual(
      own.items.map((r: { department: { code: string } }) => r.department.code),
      ['finance'],
      'a department sees its own',
    );
    const other = await get(t, `/api/v1/feedback/stats${query}&departmentId=${prtc.departmentId}`, finance.headers);
    assert.equal(other.statusCode, 403);
    const one = await getOk(
      t,
      `/api/v1/feedback/stats${query}&departmentId=${prtc.departmentId}`,
      creditOffice.headers,
    );
    assert.deepEqual(
      one.items.map((r: { department: { code: string } }) => r.department.code),
      ['prtc'],
    );
    assert.equal(
      (await get(t, `/api/v1/feedback/stats?from=${today()}&to=${dispatchDay}`, creditOffice.headers)).statusCode,
      400,
    );
    assert.equal(
      (await get(t, '/api/v1/feedback/stats?from=2026-13-01&to=2026-12-01', creditOffice.headers)).statusCode,
      400,
    );
  });
});
