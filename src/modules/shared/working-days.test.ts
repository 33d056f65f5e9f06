import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CalendarYearMissingError,
  WorkingCalendar,
  addCalendarDays,
  chinaDate,
  dayOfWeek,
  defaultCalendarSeed,
} from './working-days.ts';

const calendar = new WorkingCalendar(defaultCalendarSeed);

describe('working calendar', () => {
  it('the default seed is the complete 2026 calendar', () => {
    assert.deepEqual(calendar.years, [2026]);
    assert.equal(calendar.holidayName('2026-10-01'), '国庆节');
    assert.equal(calendar.holidayName('2026-03-10'), null);
  });

  it('ordinary weekdays are working days and ordinary weekends are not', () => {
    assert.equal(calendar.isWorkingDay('2026-03-10'), true);
    assert.equal(calendar.isWorkingDay('2026-03-07'), false);
    assert.equal(calendar.isWorkingDay('2026-03-08'), false);
  });

  it('the Spring Festival adjusted Saturdays 2026-02-14 and 2026-02-28 are working days', () => {
    assert.equal(dayOfWeek('2026-02-14'), 6);
    assert.equal(dayOfWeek('2026-02-28'), 6);
    assert.equal(calendar.isWorkingDay('2026-02-14'), true);
    assert.equal(calendar.isWorkingDay('2026-02-28'), true);
  });

  it('every day of the Spring Festival and National Day holidays is a day off, weekdays included', () => {
    for (let date = '2026-02-15'; date <= '2026-02-23'; date = addCalendarDays(date, 1)) {
      assert.equal(calendar.isWorkingDay(date), false, date);
    }
    for (let date = '2026-10-01'; date <= '2026-10-07'; date = addCalendarDays(date, 1)) {
      assert.equal(calendar.isWorkingDay(date), false, date);
    }
  });

  it('the National Day adjusted Sunday 2026-09-20 and Saturday 2026-10-10 are working days', () => {
    assert.equal(calendar.isWorkingDay('2026-09-20'), true);
    assert.equal(calendar.isWorkingDay('2026-10-10'), true);
    assert.equal(calendar.isWorkingDay('2026-10-11'), false);
  });

  it('the event day is day 0 and counting starts the day after', () => {
    assert.equal(calendar.addWorkingDays('2026-03-10', 0), '2026-03-10');
    assert.equal(calendar.addWorkingDays('2026-03-10', 1), '2026-03-11');
    assert.equal(calendar.addWorkingDays('2026-03-06', 1), '2026-03-09');
    assert.equal(calendar.addWorkingDays('2026-03-07', 1), '2026-03-09');
  });

  it('five working days across the Spring Festival count the working Saturday and skip the holiday', () => {
    // 11, 12, 13, 14 (Saturday, adjusted), then 24 after the holiday
    assert.equal(calendar.addWorkingDays('2026-02-10', 5), '2026-02-24');
    assert.equal(calendar.addWorkingDays('2026-02-13', 1), '2026-02-14');
    assert.equal(calendar.addWorkingDays('2026-02-13', 2), '2026-02-24');
  });

  it('working days across National Day resume on 2026-10-08 and include Saturday 2026-10-10', () => {
    assert.equal(calendar.addWorkingDays('2026-09-30', 1), '2026-10-08');
    assert.equal(calendar.addWorkingDays('2026-09-30', 3), '2026-10-10');
    assert.equal(calendar.addWorkingDays('2026-09-30', 4), '2026-10-12');
    assert.equal(calendar.addWorkingDays('2026-09-18', 1), '2026-09-20');
  });

  it('the next working day on or after a date skips holidays and weekends only', () => {
    assert.equal(calendar.nextWorkingDayOnOrAfter('2026-03-10'), '2026-03-10');
    assert.equal(calendar.nextWorkingDayOnOrAfter('2026-05-01'), '2026-05-06');
    assert.equal(calendar.nextWorkingDayOnOrAfter('2026-02-14'), '2026-02-14');
  });

  it('a deadline that runs into a year with no calendar is an error, never a guess', () => {
    assert.equal(calendar.addWorkingDays('2026-12-30', 1), '2026-12-31');
    assert.throws(
      () => calendar.addWorkingDays('2026-12-30', 2),
      (error: unknown) => {
        assert.ok(error instanceof CalendarYearMissingError);
        assert.equal(error.year, 2027);
        assert.equal(error.code, 'calendar.year_missing');
        assert.equal(error.status, 422);
        assert.equal(error.message, '2027 年的工作日历尚未录入，请系统管理员录入该年工作日历');
        return true;
      },
    );
    assert.throws(() => calendar.isWorkingDay('2025-12-31'), CalendarYearMissingError);
    assert.throws(() => calendar.nextWorkingDayOnOrAfter('2027-01-04'), CalendarYearMissingError);
  });

  it('a year added by an administrator is used without a release', () => {
    const extended = new WorkingCalendar({
      years: [2026, 2027],
      holidays: [...defaultCalendarSeed.holidays, { date: '2027-01-01', name: '元旦' }],
      workdays: defaultCalendarSeed.workdays,
    });
    assert.equal(extended.addWorkingDays('2026-12-30', 2), '2027-01-04');
  });

  it('inconsistent seeds and malformed dates are rejected', () => {
    assert.throws(
      () => new WorkingCalendar({ years: [2026], holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }),
    );
    const clash = { date: '2026-02-14', name: '冲突' };
    assert.throws(() => new WorkingCalendar({ years: [2026], holidays: [clash], workdays: [clash] }));
    assert.throws(() => calendar.isWorkingDay('2026-02-30'), RangeError);
    assert.throws(() => calendar.isWorkingDay('2026/03/10'), RangeError);
    assert.throws(() => calendar.addWorkingDays('2026-03-10', -1), RangeError);
  });
});

describe('China date of an instant', () => {
  it('midnight in Beijing is 16:00 UTC the day before', () => {
    assert.equal(chinaDate(new Date('2026-01-31T15:59:59.999Z')), '2026-01-31');
    assert.equal(chinaDate(new Date('2026-01-31T16:00:00.000Z')), '2026-02-01');
    assert.equal(chinaDate(new Date('2026-12-31T16:30:00Z')), '2027-01-01');
  });

  it('an instant written with a +08:00 offset keeps its China date', () => {
    assert.equal(chinaDate(new Date('2026-10-01T00:00:00+08:00')), '2026-10-01');
    assert.equal(chinaDate(new Date('2026-09-30T23:59:59+08:00')), '2026-09-30');
  });

  it('an invalid instant is rejected', () => {
    assert.throws(() => chinaDate(new Date('not a date')), RangeError);
  });
});
