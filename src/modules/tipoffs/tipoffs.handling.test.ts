import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { createUser, type TestUser } from '../../test/fixtures.ts';
import { makeUscc } from '../../test/entry-fixtures.ts';
import { call, fileTipoff, tipoffBody } from './tipoffs.test-support.ts';

let t: TestApp;
let handler: TestUser, reviewer: TestUser, taxOperator: TestUser, taxReviewer: TestUser, creditOffice: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  handler = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  taxOperator = await createUser(t, { roles: ['operator'], departmentCode: 'tax' });
  taxReviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'tax' });
  creditOffice = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
});
after(async () => {
  await t.close();
});

const stepOf = (id: string, step: string, who: TestUser, payload: unknown = {}) =>
  call(t, 'POST', `/api/v1/tipoffs/${id}/${step}`, who.headers, payload);

test('a tip-off is accepted, verified by its handler and closed with a result, in that order only', async () => {
  const { id } = await fileTipoff(t);
  const early = await stepOf(id, 'closing', reviewer, { result: '查实', substantiated: true });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'tipoff.invalid_state');
  assert.equal(early.json().error.details.state, 'received');
  assert.match(early.json().error.message, /待受理/);
  assert.equal(
    (await stepOf(id, 'verification', reviewer, { findings: '现场核查' })).json().error.details.state,
    'received',
  );

  const byOperator = await stepOf(id, 'acceptance', handler);
  assert.equal(byOperator.statusCode, 403);
  const byOtherDepartment = await stepOf(id, 'acceptance', taxReviewer);
  assert.equal(byOtherDepartment.statusCode, 404);
  const accepted = await stepOf(id, 'acceptance', reviewer, { note: '属于本部门职责，予以受理' });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().state, 'accepted');

  const noHandler = await stepOf(id, 'verification', reviewer, { findings: '现场核查' });
  assert.equal(noHandler.statusCode, 422);
  assert.equal(noHandler.json().error.code, 'tipoff.handler_required');
  await stepOf(id, 'assignment', reviewer, { handlerId: handler.id });
  t.clock.set('2026-03-10T02:00:00Z');
  const verified = await stepOf(id, 'verification', handler, { findings: '抽检三批钢材，两批屈服强度不合格' });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json().state, 'verified');
  assert.equal(verified.json().result.verification.findings, '抽检三批钢材，两批屈服强度不合格');

  assert.equal(
    (await stepOf(id, 'closing', handler, { result: '查实', substantiated: true })).statusCode,
    403,
    "closing is the reviewer's",
  );
  const closed = await stepOf(id, 'closing', reviewer, { result: '举报属实，已立案查处', substantiated: true });
  assert.equal(closed.statusCode, 200, closed.body);
  assert.equal(closed.json().state, 'closed');
  assert.equal(closed.json().result.closing.substantiated, true);
  assert.ok(closed.json().closedAt);
  const again = await stepOf(id, 'acceptance', reviewer);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.details.state, 'closed');
  assert.equal((await stepOf(id, 'assignment', reviewer, { handlerId: handler.id })).statusCode, 409);

  const events = await t.ctx.db
    .selectFrom('events')
    .select('type')
    .where('stream', '=', 'tipoff')
    .where('stream_id', '=', id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    events.map((e) => e.type),
    ['tipoff.received', 'tipoff.accepted', 'tipoff.assigned', 'tipoff.verified', 'tipoff.closed'],
  );
  t.clock.set('2026-03-02T02:00:00Z');
});

test('a transfer hands the tip-off to another department with a new deadline, clears the handler and is audited', async () => {
  const { id } = await fileTipoff(t);
  await stepOf(id, 'assignment', reviewer, { handlerId: handler.id });
  assert.equal((await call(t, 'POST', `/api/v1/tipoffs/${id}/reporter-access`, handler.headers)).statusCode, 200);
  const same = await stepOf(id, 'transfer', reviewer, { departmentCode: 'amr', reason: '本部门' });
  assert.equal(same.json().error.code, 'tipoff.same_department');
  assert.equal((await stepOf(id, 'transfer', handler, { departmentCode: 'tax', reason: '涉税' })).statusCode, 403);

  t.clock.set('2026-03-04T02:00:00Z');
  const moved = await stepOf(id, 'transfer', reviewer, {
    departmentCode: 'tax',
    reason: '举报事项涉及偷逃税款，属税务部门职责',
  });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().state, 'transferred');
  assert.equal(moved.json().department.code, 'tax');
  assert.equal(moved.json().handler, null);
  assert.deepEqual(moved.json().due, { from: '2026-03-04', days: 20, date: '2026-04-01' });

  assert.equal(
    (await call(t, 'POST', `/api/v1/tipoffs/${id}/reporter-access`, handler.headers)).statusCode,
    403,
    'the former handler loses access',
  );
  assert.equal(
    (await call(t, 'GET', `/api/v1/tipoffs/${id}`, reviewer.headers)).statusCode,
    404,
    'the former department no longer sees it',
  );
  assert.equal((await call(t, 'GET', `/api/v1/tipoffs/${id}`, taxOperator.headers)).statusCode, 200);
  const audit = await t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target', '=', `tipoff:${id}`)
    .where('action', '=', 'tipoff.transferred')
    .executeTakeFirstOrThrow();
  assert.equal(audit.details.reason, '举报事项涉及偷逃税款，属税务部门职责');
  assert.equal(audit.details.previousHandlerId, handler.id);
  assert.equal(audit.details.toDepartmentId, taxOperator.departmentId);

  const accepted = await stepOf(id, 'acceptance', taxReviewer);
  assert.equal(accepted.json().state, 'accepted');
  await stepOf(id, 'assignment', taxReviewer, { handlerId: taxOperator.id });
  await stepOf(id, 'verification', taxOperator, { findings: '核实存在少报收入' });
  const late = await stepOf(id, 'transfer', creditOffice, { departmentCode: 'amr', reason: '退回' });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.details.state, 'verified');
  t.clock.set('2026-03-02T02:00:00Z');
});

test('tip-offs never reach checks, dispatch or the change feed', async () => {
  const uscc = makeUscc();
  const { id } = await fileTipoff(t, tipoffBody({ subject: { name: '示例区从未登记有限公司', uscc } }));
  await t.sync();
  for (const name of t.ctx.jobs.names) await t.ctx.jobs.run(name);
  const checked = await call(t, 'POST', '/api/v1/checks', taxOperator.headers, {
    subjects: [{ uscc, name: '示例区从未登记有限公司' }],
  });
  assert.equal(checked.statusCode, 200, checked.body);
  assert.equal(checked.json().results[0].matched, false);
  assert.ok(!checked.body.includes(id));
  const dispatched = await t.ctx.db.selectFrom('dispatches').select('id').where('stream_id', '=', id).execute();
  assert.equal(dispatched.length, 0);
  const feed = await call(t, 'GET', '/api/v1/changes?since=0', reviewer.headers);
  if (feed.statusCode !== 404) {
    assert.equal(feed.statusCode, 200, feed.body);
    assert.ok(!feed.body.includes(id) && !feed.body.includes('tipoff'));
  }
  assert.equal((await t.ctx.db.selectFrom('subjects').select('id').where('uscc', '=', uscc).execute()).length, 0);
});
