import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser } from '../../test/fixtures.ts';
import { makeUscc, post, publishBlackEntry } from '../../test/entry-fixtures.ts';
import {
  amrEntry,
  amrRecord,
  createStaff,
  get,
  party,
  pdf,
  type Staff,
} from '../objections/objections.test-support.ts';
import { fileTipoff } from '../tipoffs/tipoffs.test-support.ts';

let t: TestApp;
let s: Staff;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  s = await createStaff(t);
});
after(async () => {
  await t.close();
});

const publicObjection = (uscc: string, name: string, target: Record<string, unknown>) =>
  post(
    t,
    '/api/v1/public/objections',
    {},
    { party: party(uscc, name), target, content: '该信息有误，请予更正。', attachments: [pdf()] },
  );
const publicRepair = (uscc: string, name: string, target: Record<string, unknown>) =>
  post(
    t,
    '/api/v1/public/repairs',
    {},
    {
      party: party(uscc, name),
      target,
      proof: { text: '已履行全部义务', attachments: [pdf('履行证明.pdf')] },
      commitment: { content: '本单位承诺守法经营。' },
    },
  );
const track = (applicationNo: string, trackingSecret: string) =>
  post(t, '/api/v1/public/tracking', {}, { applicationNo, trackingSecret });
const shape = (res: { statusCode: number; json(): Record<string, unknown> }) => ({
  status: res.statusCode,
  keys: Object.keys(res.json()).sort(),
  message: res.json().message,
  noFormat: /^YY\d{14}$/.test(String(res.json().applicationNo)),
  secretLength: String(res.json().trackingSecret).length,
});

describe('public filing', () => {
  test('a public objection gets the same answer whether it matches a published entry, a non-public one, or nothing', async () => {
    const published = await amrEntry(t, s);
    const military = {
      operator: await createUser(t, { roles: ['operator'], departmentCode: 'military' }),
      reviewer: await createUser(t, { roles: ['reviewer'], departmentCode: 'military' }),
    };
    const hiddenUscc = makeUscc();
    const hidden = await publishBlackEntry(t, {
      ...military,
      listTypeCode: 'black_defence',
      subject: { uscc: hiddenUscc, name: '示例区国防义务测试有限公司' },
      basisDate: '2026-02-20',
    });

    const matching = await publicObjection(published.uscc, published.name, {
      documentNo: published.entry.decision.documentNo,
    });
    const nonPublic = await publicObjection(hiddenUscc, '示例区国防义务测试有限公司', {
      documentNo: hidden.decision.documentNo,
    });
    const nothing = await publicObjection(makeUscc(), '示例区不存在有限公司', { documentNo: '不存在〔2026〕1号' });
    const otherParty = await publicObjection(makeUscc(), '示例区冒名有限公司', {
      stream: 'entry',
      id: published.entry.id,
    });
    assert.equal(matching.statusCode, 201, matching.body);
    for (const other of [nonPublic, nothing, otherParty]) assert.deepEqual(shape(other), shape(matching));

    const routed = async (res: typeof matching) =>
      t.ctx.db
        .selectFrom('objections')
        .innerJoin('departments', 'departments.id', 'objections.department_id')
        .select(['departments.code', 'objections.target_id'])
        .where('application_no', '=', res.json().applicationNo)
        .executeTakeFirstOrThrow();
    assert.deepEqual(await routed(matching), { code: 'amr', target_id: published.entry.id });
    assert.deepEqual(
      await routed(nonPublic),
      { code: 'credit_office', target_id: null },
      'a non-public entry is not matched: the credit office triages',
    );
    assert.deepEqual(await routed(nothing), { code: 'credit_office', target_id: null });
    assert.deepEqual(
      await routed(otherParty),
      { code: 'credit_office', target_id: null },
      "another subject's entry is not matched",
    );
    assert.equal(
      (await get(t, `/api/v1/entries/${published.entry.id}`, s.amrOperator.headers)).json().objectionPending,
      true,
    );
    assert.equal(
      (await get(t, `/api/v1/entries/${hidden.id}`, military.operator.headers)).json().objectionPending,
      false,
    );

    // The credit office routes the unmatched filing to the deciding department once it has looked into it.
    const triage = (await get(t, '/api/v1/objections?origin=public&state=received', s.creditOffice.headers))
      .json()
      .items.find((o: { applicationNo: string }) => o.applicationNo === nonPublic.json().applicationNo);
    assert.equal(triage.namedTarget.documentNo, hidden.decision.documentNo);
    const assigned = await post(t, `/api/v1/objections/${triage.id}/assignment`, s.creditOffice.headers, {
      target: { stream: 'entry', id: hidden.id },
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(assigned.json().department.code, 'military');
    assert.equal(
      (await get(t, `/api/v1/entries/${hidden.id}`, military.operator.headers)).json().objectionPending,
      true,
    );
  });

  test('a public repair filed too early gets the usual answer; tracking shows the refusal and the date from which it can be filed', async () => {
    const { record, uscc, name } = await amrRecord(t, s, { decisionDate: '2026-03-02' });
    const res = await publicRepair(uscc, name, { documentNo: record.decisionNo });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(Object.keys(res.json()).sort(), ['applicationNo', 'message', 'trackingSecret']);
    assert.equal(res.headers['cache-control'], 'no-store');
    const tracked = await track(res.json().applicationNo, res.json().trackingSecret);
    assert.equal(tracked.statusCode, 200, tracked.body);
    const v = tracked.json();
    assert.equal(v.kind, 'repair');
    assert.equal(v.state, 'refused');
    assert.equal(v.outcome, 'refused');
    assert.equal(v.earliestDate, '2026-06-02');
    assert.match(v.reason, /2026-06-02/);
    assert.equal(v.withdrawable, false);
    assert.equal(tracked.headers['cache-control'], 'no-store');
    assert.doesNotMatch(tracked.body, new RegExp(uscc), 'tracking shows status and results only');
  });

  test('a public repair that matches nothing goes to the credit office, which routes it to the deciding department with its commitment', async () => {
    const { record, uscc, name } = await amrRecord(t, s, { decisionDate: '2025-11-01' });
    const res = await publicRepair(uscc, name, { documentNo: '写错的文号〔2025〕1号' });
    assert.equal(res.statusCode, 201, res.body);
    const triage = (await get(t, '/api/v1/repairs?origin=public&state=received', s.creditOffice.headers))
      .json()
      .items.find((r: { applicationNo: string }) => r.applicationNo === res.json().applicationNo);
    assert.equal(triage.department.code, 'credit_office');
    assert.equal(triage.target, null);
    assert.equal(triage.commitment.code, null, 'the commitment waits for a target');
    assert.equal(triage.commitment.content, '本单位承诺守法经营。');
    assert.equal(
      (
        await post(t, `/api/v1/repairs/${triage.id}/assignment`, s.amrReviewer.headers, {
          target: { stream: 'record', id: record.id },
        })
      ).statusCode,
      403,
    );
    const assigned = await post(t, `/api/v1/repairs/${triage.id}/assignment`, s.creditOffice.headers, {
      target: { stream: 'record', id: record.id },
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(assigned.json().department.code, 'amr');
    assert.match(assigned.json().commitment.code, /^\d{20}$/);
    const accepted = await post(t, `/api/v1/repairs/${triage.id}/acceptance`, s.amrOperator.headers, {});
    assert.equal(accepted.statusCode, 200, accepted.body);
  });
});

describe('public tracking', () => {
  test('an unknown number and a wrong secret get the same answer; five failures lock the number for 15 minutes, across the right secret too', async () => {
    const { entry, uscc, name } = await amrEntry(t, s);
    const filed = (await publicObjection(uscc, name, { stream: 'entry', id: entry.id })).json();
    const unknown = await track('YY20260302999999', filed.trackingSecret);
    const wrong = await track(filed.applicationNo, 'wrong-secret');
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.body, unknown.body);
    for (let i = 0; i < 4; i++) assert.equal((await track(filed.applicationNo, `wrong-${i}`)).statusCode, 404);
    const attempts = await t.ctx.db
      .selectFrom('tracking_attempts')
      .select('attempted_at')
      .where('application_no', '=', filed.applicationNo)
      .execute();
    assert.equal(attempts.length, 5);
    const locked = await track(filed.applicationNo, filed.trackingSecret);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'tracking.too_many_attempts');
    assert.match(locked.json().error.message, /分钟后再试/);
    assert.equal((await track('YY20260302999999', 'x')).statusCode, 404, 'the limit is per number');

    t.clock.advance(15 * 60_000 + 1000);
    const open = await track(filed.applicationNo, filed.trackingSecret);
    assert.equal(open.statusCode, 200, open.body);
    assert.equal(open.json().state, 'received');
    assert.equal(
      open.json().dueDate,
      (
        await t.ctx.db
          .selectFrom('objections')
          .select('due_date')
          .where('application_no', '=', filed.applicationNo)
          .executeTakeFirstOrThrow()
      ).due_date,
    );
  });

  test('tracking shows a rejection with its remedies, and the party can withdraw an open objection with its secret', async () => {
    const first = await amrEntry(t, s);
    const rejectedFiling = (
      await publicObjection(first.uscc, first.name, { documentNo: first.entry.decision.documentNo })
    ).json();
    const o = (await get(t, '/api/v1/objections?origin=public', s.amrReviewer.headers))
      .json()
      .items.find((x: { applicationNo: string }) => x.applicationNo === rejectedFiling.applicationNo);
    await post(t, `/api/v1/objections/${o.id}/decision`, s.amrReviewer.headers, {
      outcome: 'rejected',
      reason: '认定事实清楚',
    });
    const v = (await track(rejectedFiling.applicationNo, rejectedFiling.trackingSecret)).json();
    assert.equal(v.outcome, 'rejected');
    assert.equal(v.reason, '认定事实清楚');
    assert.match(v.remedies, /行政复议/);

    const second = await amrEntry(t, s);
    const filing = (await publicObjection(second.uscc, second.name, { stream: 'entry', id: second.entry.id })).json();
    const secret = { applicationNo: filing.applicationNo, trackingSecret: filing.trackingSecret };
    const withdrawn = await post(t, '/api/v1/public/tracking/withdrawal', {}, secret);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().state, 'withdrawn');
    assert.equal(withdrawn.json().withdrawable, false);
    assert.equal(
      (await get(t, `/api/v1/entries/${second.entry.id}`, s.amrOperator.headers)).json().objectionPending,
      false,
    );
    const again = await post(t, '/api/v1/public/tracking/withdrawal', {}, secret);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.details.state, 'withdrawn');
    const badSecret = await post(t, '/api/v1/public/tracking/withdrawal', {}, { ...secret, trackingSecret: 'nope' });
    assert.equal(badSecret.statusCode, 404);
  });

  test('a tip-off is tracked by its state and result only', async () => {
    const tip = await fileTipoff(t);
    const received = (await track(tip.applicationNo, tip.trackingSecret)).json();
    assert.equal(received.kind, 'tipoff');
    assert.equal(received.state, 'received');
    assert.equal(received.result, null);
    await t.ctx.db
      .updateTable('tipoffs')
      .set({
        state: 'closed',
        result: JSON.stringify({
          verification: { findings: '内部核查记录' },
          closing: { result: '经查属实，已依法处理', substantiated: true },
        }),
      })
      .where('id', '=', tip.id)
      .execute();
    const closed = await track(tip.applicationNo, tip.trackingSecret);
    assert.equal(closed.json().state, 'closed');
    assert.equal(closed.json().result, '经查属实，已依法处理');
    assert.doesNotMatch(closed.body, /内部核查记录|王小明|13912345678/);
  });
});
