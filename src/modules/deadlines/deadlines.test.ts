import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { adminHeaders, createUser, departmentId, type Headers, type TestUser } from '../../test/fixtures.ts';
import { listTypeId, makeUscc, post } from '../../test/entry-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { insertDueItem } from '../reminders/reminders.test-support.ts';

// Every open deadline follows a calendar edit (docs/domain/rules.md §10): statement periods and every
// table in DUE_TABLES.
let t: TestApp;
let admin: Headers;
let operator: TestUser;
const lines: { msg?: string; [k: string]: unknown }[] = [];

before(async () => {
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  t = await createTestApp({
    config: { sessionIdleMinutes: 1e7, sessionAbsoluteMinutes: 1e7 },
    now: '2026-06-01T02:00:00Z',
    log: { destination },
  });
  admin = await adminHeaders(t);
  operator = await createUser(t, { roles: ['operator'], departmentCode: 'amr' });
});
after(() => t.close());

type Year = { source: string; holidays: { date: string; name: string }[]; workdays: { date: string; name: string }[] };
const year2026 = async (): Promise<Year> =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: admin })).json();
const putYear = (year: Year) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/v1/calendar/2026',
    headers: admin,
    payload: { source: year.source, holidays: year.holidays, workdays: year.workdays },
  });
const dueDate = async (table: 'objections' | 'dispatches' | 'repairs' | 'commitments' | 'tipoffs', id: string) =>
  (
    await t.ctx.db
      .selectFrom(table as 'objections')
      .select('due_date')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).due_date;
const recomputeLines = () => lines.filter((l) => l.msg === 'calendar edit recomputed open deadlines');

describe('a calendar edit recomputes every open deadline', () => {
  test('adding a holiday moves each open due date by a day, with an event on the item and one log line of counts', async () => {
    const objection = await insertDueItem(t, 'objections', { departmentCode: 'amr', from: '2026-06-01' });
    const dispatch = await insertDueItem(t, 'dispatches', { departmentCode: 'tax', from: '2026-06-01' });
    const repair = await insertDueItem(t, 'repairs', { departmentCode: 'eco', from: '2026-06-01' });
    const commitment = await insertDueItem(t, 'commitments', {
      departmentCode: 'approval',
      from: '2026-06-01',
      days: 5,
    });
    const closed = await insertDueItem(t, 'tipoffs', { departmentCode: 'amr', from: '2026-06-01', closed: true });
    assert.deepEqual(
      [objection.due_date, dispatch.due_date, repair.due_date, commitment.due_date],
      ['2026-06-23', '2026-06-15', '2026-06-04', '2026-06-08'],
    );
    const draft = await post(t, '/api/v1/entries', operator.headers, {
      listTypeId: await listTypeId(t, 'black_amr'),
      subject: { uscc: makeUscc(), name: '示例区期限测试有限公司' },
      reason: '测试',
    });
    const noticed = await post(t, `/api/v1/entries/${draft.json().id}/notice`, operator.headers, {
      documentNo: '告知〔2026〕88号',
      servedDate: '2026-06-01',
      content: '告知',
    });
    assert.equal(noticed.json().notice.statementDue, '2026-06-08');

    const original = await year2026();
    const before = recomputeLines().length;
    const edited = await putYear({
      ...original,
      source: '测试：临时增加休息日',
      holidays: [...original.holidays, { date: '2026-06-03', name: '临时休息日' }],
    });
    assert.equal(edited.statusCode, 200, edited.body);

    assert.equal(await dueDate('objections', objection.id), '2026-06-24');
    assert.equal(await dueDate('dispatches', dispatch.id), '2026-06-16');
    assert.equal(await dueDate('repairs', repair.id), '2026-06-05');
    assert.equal(await dueDate('commitments', commitment.id), '2026-06-09');
    assert.equal(await dueDate('tipoffs', closed.id), closed.due_date, 'a closed item keeps its due date');

    const events = await t.ctx.db
      .selectFrom('events')
      .select(['stream', 'stream_id', 'type', 'payload', 'department_id', 'actor'])
      .where('type', 'like', '%.deadline_recomputed')
      .orderBy('version')
      .execute();
    const objectionEvent = events.find((e) => e.stream_id === objection.id);
    assert.deepEqual(objectionEvent?.payload, { from: '2026-06-23', to: '2026-06-24', cause: 'calendar' });
    assert.equal(objectionEvent?.type, 'objection.deadline_recomputed');
    assert.equal(objectionEvent?.stream, 'objection');
    assert.equal(objectionEvent?.department_id, await departmentId(t, 'amr'));
    assert.equal(events.find((e) => e.stream_id === dispatch.id)?.type, 'dispatch.deadline_recomputed');
    assert.equal(events.find((e) => e.stream_id === commitment.id)?.type, 'commitment.deadline_recomputed');
    assert.equal(
      events.find((e) => e.stream_id === closed.id),
      undefined,
    );
    assert.equal(
      events.find((e) => e.stream_id === draft.json().id)?.type,
      'entry.deadline_recomputed',
      'statement periods keep moving too',
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', `repair:${repair.id}`)
      .execute();
    assert.deepEqual(audit, [
      { action: 'repair.deadline_recomputed', details: { from: '2026-06-04', to: '2026-06-05', cause: 'calendar' } },
    ]);

    const logged = recomputeLines().slice(before);
    assert.equal(logged.length, 1, 'one log line per edit');
    assert.deepEqual(logged[0]!.recomputed, {
      entries: 1,
      dispatches: 1,
      objections: 1,
      repairs: 1,
      commitments: 1,
      tipoffs: 0,
    });
    assert.doesNotMatch(JSON.stringify(logged[0]), /示例区期限测试|9137/, 'no subject data in the log line');

    assert.equal((await putYear(original)).statusCode, 200);
    assert.equal(await dueDate('objections', objection.id), '2026-06-23', 'restoring the calendar moves it back');
    assert.deepEqual(recomputeLines().at(-1)!.recomputed, {
      entries: 1,
      dispatches: 1,
      objections: 1,
      repairs: 1,
      commitments: 1,
      tipoffs: 0,
    });
    await t.sync();
  });

  test('an edit that pushes an open deadline into a year with no calendar is refused with the year, and changes nothing', async () => {
    const item = await insertDueItem(t, 'objections', { departmentCode: 'amr', from: '2026-12-24', days: 4 });
    assert.equal(item.due_date, '2026-12-30');
    const original = await year2026();
    const yearEnd = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'].map((date) => ({
      date,
      name: '测试休息日',
    }));
    const edited = await putYear({
      ...original,
      source: '测试：年末休息',
      holidays: [...original.holidays, ...yearEnd],
    });
    assert.equal(edited.statusCode, 422, edited.body);
    const error = edited.json().error;
    assert.equal(error.code, 'calendar.year_missing');
    assert.equal(error.details.year, 2027);
    assert.equal(error.details.stream, 'objection');
    assert.equal(error.details.itemId, item.id);
    assert.match(error.message, /2027 年的工作日历尚未录入/);
    assert.equal(await dueDate('objections', item.id), '2026-12-30');
    assert.deepEqual((await year2026()).holidays, original.holidays, 'the calendar edit itself was rolled back');
    await t.ctx.db.updateTable('objections').set({ closed_at: t.clock.now() }).where('id', '=', item.id).execute();
  });
});
