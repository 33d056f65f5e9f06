import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminHeaders, createApiKey, createUser, type Headers } from '../../test/fixtures.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Headers;
let office: Headers;

before(async () => {
  t = await createTestApp();
  admin = await adminHeaders(t);
  office = (await createUser(t, { roles: ['credit_office'], departmentCode: 'credit_office' })).headers;
});
after(() => t.close());

const calendar2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-02-09', name: '春节' },
    { date: '2027-02-10', name: '春节' },
    { date: '2027-02-11', name: '春节' },
  ],
  workdays: [{ date: '2027-02-13', name: '春节调休上班' }],
};

const put = (year: number, payload: unknown, headers = admin) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/calendar/${year}`,
    headers,
    payload: payload as Record<string, unknown>,
  });
const due = (from: string, days: number, headers = office) =>
  t.app.inject({ method: 'GET', url: `/api/v1/calendar/working-days?from=${from}&days=${days}`, headers });

describe('the working-day calendar', () => {
  it('holds 2026 from the official notice, readable by any caller', async () => {
    const key = await createApiKey(t, 'amr');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: key.headers });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.known, true);
    assert.ok(
      body.holidays.some((d: { date: string; name: string }) => d.date === '2026-10-01' && d.name === '国庆节'),
    );
    assert.ok(body.workdays.length > 0);
  });

  it('says so when a year is not loaded', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/2030', headers: office });
    assert.deepEqual(response.json(), { year: 2030, known: false, source: null, holidays: [], workdays: [] });
  });

  it('counts working days across the National Day holiday (day 0 is the start)', async () => {
    const response = await due('2026-09-30', 3);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { from: '2026-09-30', days: 3, due: '2026-10-10' });
  });

  it('a deadline in a year without a calendar is a 422 until an administrator loads that year', async () => {
    const before = await due('2026-12-30', 5);
    assert.equal(before.statusCode, 422);
    assert.equal(before.json().error.code, 'calendar.year_missing');
    assert.equal(before.json().error.details.year, 2027);

    const saved = await put(2027, calendar2027);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().known, true);
    assert.equal(saved.json().holidays.length, 8);
    await t.sync();

    const after = await due('2026-12-30', 5);
    assert.equal(after.statusCode, 200, after.body);
    // 31 Dec, (1 Jan holiday, 2–3 weekend), 4, 5, 6, 7 Jan.
    assert.equal(after.json().due, '2027-01-07');
    const adjusted = await due('2027-02-12', 1);
    assert.equal(adjusted.json().due, '2027-02-13');
  });

  it('a replacement is an event on stream calendar and an audit row listing what changed', async () => {
    const first = await put(2028, { source: '测试 1', holidays: [{ date: '2028-01-03', name: '元旦' }], workdays: [] });
    assert.equal(first.statusCode, 200);
    const second = await put(2028, {
      source: '测试 2',
      holidays: [{ date: '2028-01-01', name: '元旦' }],
      workdays: [],
    });
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json().holidays, [{ date: '2028-01-01', name: '元旦' }]);

    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('stream', '=', 'calendar')
      .orderBy('version')
      .execute();
    assert.deepEqual(
      events.slice(-2).map((e) => [e.type, e.payload]),
      [
        ['calendar.year_set', { year: 2028 }],
        ['calendar.year_set', { year: 2028 }],
      ],
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target', '=', 'calendar:2028')
      .orderBy('seq')
      .execute();
    assert.equal(audit.length, 2);
    assert.deepEqual(audit[1]!.details, {
      year: 2028,
      source: '测试 2',
      previousSource: '测试 1',
      added: [{ date: '2028-01-01', name: '元旦', kind: 'holiday' }],
      removed: [{ date: '2028-01-03', name: '元旦', kind: 'holiday' }],
    });
  });
});

describe('refusals', () => {
  it('the credit office may not edit the calendar (403)', async () => {
    const response = await put(2029, { source: '测试', holidays: [], workdays: [] }, office);
    assert.equal(response.statusCode, 403);
  });

  it('a date outside the year is refused with 422 naming the field', async () => {
    const response = await put(2029, {
      source: '测试',
      holidays: [
        { date: '2029-01-01', name: '元旦' },
        { date: '2030-01-01', name: '元旦' },
      ],
      workdays: [],
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'calendar.date_outside_year');
    assert.equal(response.json().error.details.field, 'holidays.1.date');
  });

  it('a date that is both a holiday and a working day is refused with 422', async () => {
    const response = await put(2029, {
      source: '测试',
      holidays: [{ date: '2029-02-10', name: '春节' }],
      workdays: [{ date: '2029-02-10', name: '调休' }],
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'calendar.date_conflict');
    assert.equal(response.json().error.details.field, 'workdays.0.date');
    const unchanged = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/2029', headers: office });
    assert.equal(unchanged.json().known, false);
  });

  it('an impossible date is refused with 400', async () => {
    const response = await put(2029, {
      source: '测试',
      holidays: [{ date: '2029-02-30', name: '错误' }],
      workdays: [],
    });
    assert.equal(response.statusCode, 400);
  });

  it('a working-day count needs a valid start date', async () => {
    const response = await due('2026-13-01', 3);
    assert.equal(response.statusCode, 400);
  });
});
