import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminHeaders, createUser, type Headers, type TestUser } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { makeUscc, post } from '../../test/entry-fixtures.ts';
import { fileTipoff, tipoffBody } from '../tipoffs/tipoffs.test-support.ts';
import { party } from '../objections/objections.test-support.ts';

// Monday 21 December 2026, with only the 2026 calendar loaded: an objection's 15 working days and a tip-off's
// deadline both fall in 2027, whose calendar is published late in 2026 and is not loaded yet.
let t: TestApp;
let admin: Headers;
let amr: TestUser, office: TestUser;

before(async () => {
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-12-21T02:00:00Z',
  });
  admin = await adminHeaders(t);
  amr = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
  office = await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' });
});
after(() => t.close());

const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });

describe('a deadline in a year whose calendar is not loaded yet', () => {
  test('a public filing is still accepted, keeps no guessed date, is shown to the department and the credit office, and is dated once the year is loaded', async () => {
    const objection = await post(
      t,
      '/api/v1/public/objections',
      {},
      {
        party: party(makeUscc(), '示例区年末异议测试有限公司'),
        target: { documentNo: '不存在〔2026〕99号' },
        content: '该信息有误，请予更正。',
        attachments: [],
      },
    );
    assert.equal(objection.statusCode, 201, objection.body);
    const tipoff = await fileTipoff(t, tipoffBody({ departmentCode: 'amr' }));

    const objectionRow = await t.ctx.db
      .selectFrom('objections')
      .select(['id', 'due_from', 'due_days', 'due_date'])
      .where('application_no', '=', objection.json().applicationNo)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...objectionRow, id: undefined },
      { id: undefined, due_from: '2026-12-21', due_days: 15, due_date: null },
    );
    const tracked = await post(
      t,
      '/api/v1/public/tracking',
      {},
      { applicationNo: objection.json().applicationNo, trackingSecret: objection.json().trackingSecret },
    );
    assert.equal(tracked.statusCode, 200, tracked.body);
    assert.equal(tracked.json().dueDate, null);

    // The department that must act sees that its tip-off has no date yet, and why; its inbox still works.
    const inbox = await get('/api/v1/inbox', amr.headers);
    assert.equal(inbox.statusCode, 200, inbox.body);
    assert.deepEqual(inbox.json().awaitingCalendar.years, [2027]);
    assert.equal(inbox.json().awaitingCalendar.items, 1);
    assert.match(inbox.json().awaitingCalendar.message, /2027 年的工作日历尚未录入.*请系统管理员录入/);
    const handled = await get(`/api/v1/tipoffs/${tipoff.id}`, amr.headers);
    assert.equal(handled.statusCode, 200, handled.body);
    assert.equal(handled.json().due.date, null);

    // The credit office sees every waiting item (the objection was routed to it, the tip-off to the regulator).
    const overdue = await get('/api/v1/overdue', office.headers);
    assert.equal(overdue.statusCode, 200, overdue.body);
    assert.deepEqual(overdue.json().awaitingCalendar.years, [2027]);
    assert.equal(overdue.json().awaitingCalendar.items, 2);

    // An administrator loads 2027: both items get their date, each with an event, and nothing waits any more.
    const loaded = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/2027',
      headers: admin,
      payload: {
        source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
        holidays: [{ date: '2027-01-01', name: '元旦' }],
        workdays: [],
      },
    });
    assert.equal(loaded.statusCode, 200, loaded.body);
    await t.sync();
    const dated = await t.ctx.db
      .selectFrom('objections')
      .select('due_date')
      .where('id', '=', objectionRow.id)
      .executeTakeFirstOrThrow();
    // Day 0 is Monday 21 December: 8 working days to Thursday 31 December; 1 January off, 2–3 January a weekend;
    // the other 7 from Monday 4 to Tuesday 12 January.
    assert.equal(dated.due_date, '2027-01-12');
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('stream', '=', 'objection')
      .where('stream_id', '=', objectionRow.id)
      .execute();
    assert.deepEqual(
      events.filter((e) => e.type === 'objection.deadline_recomputed').map((e) => e.payload),
      [{ from: null, to: '2027-01-12', cause: 'calendar' }],
    );
    assert.equal((await get('/api/v1/overdue', office.headers)).json().awaitingCalendar.items, 0);
    assert.equal((await get('/api/v1/overdue', office.headers)).json().awaitingCalendar.message, null);
  });

  test('serving a notice, whose statement period the party must know, is refused naming the missing year, and changes nothing', async () => {
    const fresh = await createTestApp({ now: '2026-12-28T02:00:00Z' });
    try {
      const operator = await createUser(fresh, { roles: ['operator'], departmentCode: 'amr' });
      const listTypeId = (
        await fresh.ctx.db
          .selectFrom('list_types')
          .select('id')
          .where('code', '=', 'black_amr')
          .executeTakeFirstOrThrow()
      ).id;
      const draft = await post(fresh, '/api/v1/entries', operator.headers, {
        listTypeId,
        subject: { uscc: makeUscc(), name: '示例区年末告知测试有限公司' },
        reason: '测试',
      });
      assert.equal(draft.statusCode, 201, draft.body);
      const noticed = await post(fresh, `/api/v1/entries/${draft.json().id}/notice`, operator.headers, {
        documentNo: '告知〔2026〕1228号',
        servedDate: '2026-12-28',
        content: '告知',
      });
      assert.equal(noticed.statusCode, 422, noticed.body);
      assert.equal(noticed.json().error.code, 'calendar.year_missing');
      assert.equal(noticed.json().error.details.year, 2027);
      const entry = await fresh.ctx.db
        .selectFrom('entries')
        .select(['state', 'notice'])
        .where('id', '=', draft.json().id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(entry, { state: 'draft', notice: null });
    } finally {
      await fresh.close();
    }
  });
});
