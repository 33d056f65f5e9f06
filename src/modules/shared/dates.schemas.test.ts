import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { adminHeaders } from '../../test/fixtures.ts';
import { probesOf, type ApiDocument } from '../../test/openapi-probes.ts';
import { DateString } from './dates.schemas.ts';
import {
  addCalendarDays,
  CalendarYearMissingError,
  dayOfWeek,
  defaultCalendarSeed,
  WorkingCalendar,
} from './working-days.ts';

describe('the shared date schema', () => {
  test('accepts the domain range from 1949-10-01 to 2099-12-31 and nothing outside it', () => {
    for (const ok of ['1949-10-01', '2026-06-01', '2099-12-31', '2024-02-29'])
      assert.ok(DateString.safeParse(ok).success, ok);
    for (const bad of ['1949-09-30', '0037-06-08', '2100-01-01', '9999-12-31']) {
      assert.equal(DateString.safeParse(bad).error?.issues[0]?.message, '日期应在 1949-10-01 至 2099-12-31 之间', bad);
    }
    for (const bad of ['2026-02-29', '2026-13-01', '2026/06/01', '20260601', '']) {
      assert.deepEqual(
        DateString.safeParse(bad).error?.issues.map((i) => i.message),
        ['日期应为 YYYY-MM-DD 格式的有效日期'],
        bad,
      );
    }
  });
});

describe('working-day arithmetic on early years', () => {
  test('dates before the year 100 are computed, not read as the 1900s', () => {
    assert.equal(addCalendarDays('0037-06-08', 1), '0037-06-09');
    assert.equal(addCalendarDays('0099-12-31', 1), '0100-01-01');
    assert.equal(dayOfWeek('0037-06-08'), 1, 'a Monday in the proleptic Gregorian calendar (1937-06-08 was a Tuesday)');
  });

  test('a year without a calendar answers the calendar-missing refusal, never a RangeError', () => {
    const calendar = new WorkingCalendar(defaultCalendarSeed);
    assert.throws(() => calendar.addWorkingDays('0037-06-08', 5), CalendarYearMissingError);
  });
});

describe('every route that takes a date', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let doc: ApiDocument;
  before(async () => {
    t = await createTestApp();
    admin = await adminHeaders(t);
    doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  after(async () => {
    await t.close();
  });

  for (const value of ['0037-06-08', '2100-01-01']) {
    test(`refuses ${value} with 400 naming the field, wherever a date is taken`, async () => {
      const probes = probesOf(doc, value, (schema) => schema.format === 'date');
      assert.ok(probes.length >= 15, `the dates of the API document are probed (${probes.length})`);
      const wrong: string[] = [];
      for (const probe of probes) {
        const res = await t.app.inject({
          method: probe.method.toUpperCase() as 'GET',
          url: probe.url,
          headers: admin,
          ...(probe.payload === undefined ? {} : { payload: probe.payload as object }),
        });
        const issues = (res.json().error?.details?.issues ?? []) as { field: string; message: string }[];
        if (res.statusCode !== 400 || !issues.some((i) => i.field === probe.field && i.message.includes('1949-10-01')))
          wrong.push(`${probe.label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      assert.deepEqual(wrong, []);
    });
  }

  test('the reported early dates answer 400 instead of 500', async () => {
    for (const url of [
      '/api/v1/feedback/stats?from=0037-06-08&to=2026-12-18',
      '/api/v1/calendar/working-days?from=0037-06-08&days=5',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: admin });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.equal(res.json().error.details.issues[0].field, 'from');
    }
  });

  test('the first date of the range is taken, and a year without a calendar answers 422', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/working-days?from=1949-10-01&days=5',
      headers: admin,
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, 'calendar.year_missing');
  });
});
