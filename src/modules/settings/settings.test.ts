import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminHeaders, createApiKey, createUser, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { DEADLINE_KEYS } from '../deadlines/index.ts';
import { insertDueItem } from '../reminders/reminders.test-support.ts';

let t: TestApp;
let office: TestUser, operator: TestUser, reviewer: TestUser, auditor: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-03-02T02:00:00Z',
  });
  office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  reviewer = await createUser(t, { roles: ['reviewer'], departmentCode: 'amr' });
  auditor = await createUser(t, { roles: ['auditor'], departmentCode: 'credit_office' });
});
after(() => t.close());

const put = (key: string, payload: unknown, headers = office.headers) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/settings/deadlines/${key}`, headers, payload: payload as object });
const list = async (headers = operator.headers) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/settings/deadlines', headers })).json().items;
const setting = async (key: string) => (await list()).find((s: { key: string }) => s.key === key);

describe('deadline settings', () => {
  test('any signed-in caller reads every deadline with its working days, where the default came from and who changed it last', async () => {
    const key = await createApiKey(t, 'tax');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/settings/deadlines', headers: key.headers });
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items;
    assert.deepEqual(
      items.map((s: { key: string }) => s.key),
      [...DEADLINE_KEYS],
    );
    const feedback = items.find((s: { key: string }) => s.key === 'feedback');
    assert.equal(feedback.workingDays, 10);
    assert.equal(feedback.label, '反馈期限');
    assert.match(feedback.source, /10 个工作日/);
    assert.equal(feedback.updatedBy, 'system');
    assert.ok(!Number.isNaN(Date.parse(feedback.updatedAt)));
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/settings/deadlines' });
    assert.equal(anonymous.statusCode, 401);
  });

  test('the credit office changes a deadline: the change is an event on stream settings and an audit row', async () => {
    const response = await put('objection', {
      workingDays: 20,
      source: '信用办2026年第1号通知：异议处理期限调整为20个工作日',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().workingDays, 20);
    assert.equal(response.json().updatedBy, `user:${office.id}`);
    assert.equal(response.json().updatedAt, t.clock.now().toISOString());
    assert.equal((await setting('objection')).source, '信用办2026年第1号通知：异议处理期限调整为20个工作日');

    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'payload', 'actor'])
      .where('stream', '=', 'settings')
      .orderBy('version')
      .execute();
    assert.deepEqual(events.at(-1), {
      type: 'settings.deadline_changed',
      payload: { key: 'objection', from: 15, to: 20 },
      actor: `user:${office.id}`,
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', 'deadline_setting:objection')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'settings.deadline_changed');
    assert.equal(audit[0]!.details.previousSource, 'rules.md §5：异议处理期限，默认 15 个工作日（可配置）');

    const admin = await put('objection', { workingDays: 15 }, await adminHeaders(t));
    assert.equal(admin.statusCode, 200, 'an administrator may change it too');
    assert.equal(
      admin.json().source,
      '信用办2026年第1号通知：异议处理期限调整为20个工作日',
      'the note stays when none is given',
    );
  });

  test('each item keeps the deadline it was created with; only items created afterwards get the new value', async () => {
    const before = await insertDueItem(t, 'objections', { departmentCode: 'amr', from: '2026-03-02' });
    assert.equal(before.due_days, 15);
    assert.equal((await put('objection', { workingDays: 5 })).statusCode, 200);
    const afterwards = await insertDueItem(t, 'objections', { departmentCode: 'amr', from: '2026-03-02' });
    assert.equal(afterwards.due_days, 5);
    assert.equal(afterwards.due_date, '2026-03-09');
    const stored = await t.ctx.db
      .selectFrom('objections')
      .select(['id', 'due_days', 'due_date'])
      .where('id', 'in', [before.id, afterwards.id])
      .execute();
    assert.deepEqual(
      stored.find((r) => r.id === before.id),
      { id: before.id, due_days: 15, due_date: '2026-03-23' },
    );
    assert.equal((await put('objection', { workingDays: 15 })).statusCode, 200);
  });

  test('department staff and auditors may not change a deadline, and nothing changes', async () => {
    for (const user of [operator, reviewer, auditor]) {
      const response = await put('feedback', { workingDays: 3 }, user.headers);
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().error.code, 'settings.forbidden');
    }
    const key = await createApiKey(t, 'amr');
    assert.equal((await put('feedback', { workingDays: 3 }, key.headers)).statusCode, 403);
    assert.equal((await setting('feedback')).workingDays, 10);
  });

  test('a value outside 0–365 working days or an unknown deadline is refused', async () => {
    for (const workingDays of [-1, 366, 2.5, '10']) {
      const response = await put('feedback', { workingDays });
      assert.equal(response.statusCode, 400, `workingDays ${workingDays}`);
      assert.equal(response.json().error.details.issues[0].field, 'workingDays');
    }
    assert.equal((await put('holiday_bonus', { workingDays: 3 })).statusCode, 400);
    assert.equal((await put('feedback', { workingDays: 0 })).statusCode, 200, 'zero is allowed: due the same day');
    assert.equal((await put('feedback', { workingDays: 10 })).statusCode, 200);
  });
});
