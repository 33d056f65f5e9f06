import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addMonthsCivil, addYearsCivil, partyDeadlineEnd } from './periods.ts';
import { CalendarYearMissingError, WorkingCalendar, defaultCalendarSeed } from './working-days.ts';

const calendar = new WorkingCalendar(defaultCalendarSeed);

describe('Civil Code periods', () => {
  it('a period in months ends on the corresponding day of the last month', () => {
    assert.equal(addMonthsCivil('2026-01-15', 1), '2026-02-15');
    assert.equal(addMonthsCivil('2026-04-01', 3), '2026-07-01');
    assert.equal(addMonthsCivil('2026-11-30', 2), '2027-01-30');
  });

  it('without a corresponding day the period ends on the last day of that month', () => {
    assert.equal(addMonthsCivil('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonthsCivil('2026-03-31', 1), '2026-04-30');
    assert.equal(addMonthsCivil('2027-11-30', 3), '2028-02-29');
  });

  it('zero and negative months count the same way', () => {
    assert.equal(addMonthsCivil('2026-03-31', 0), '2026-03-31');
    assert.equal(addMonthsCivil('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonthsCivil('2026-01-15', -2), '2025-11-15');
  });

  it('a period in years ends on the corresponding day, and 29 February falls back to the 28th', () => {
    assert.equal(addYearsCivil('2026-04-01', 3), '2029-04-01');
    assert.equal(addYearsCivil('2024-02-29', 1), '2025-02-28');
    assert.equal(addYearsCivil('2024-02-29', 4), '2028-02-29');
  });

  it('malformed dates and fractional counts are rejected', () => {
    assert.throws(() => addMonthsCivil('2026-02-30', 1), RangeError);
    assert.throws(() => addMonthsCivil('2026-02-01', 1.5), RangeError);
    assert.throws(() => addYearsCivil('2026-02-01', 0.5), RangeError);
  });
});

describe('end of a deadline a party must meet', () => {
  it('a last day on a working day stays', () => {
    assert.equal(partyDeadlineEnd('2026-03-10', calendar), '2026-03-10');
  });

  it('a last day in the National Day holiday moves to the first working day after it', () => {
    assert.equal(partyDeadlineEnd('2026-10-01', calendar), '2026-10-08');
    assert.equal(partyDeadlineEnd(addMonthsCivil('2026-09-01', 1), calendar), '2026-10-08');
  });

  it('a last day on a weekend inside the Spring Festival block moves past the whole holiday', () => {
    assert.equal(partyDeadlineEnd('2026-02-21', calendar), '2026-02-24');
  });

  it('a last day on an adjusted working Saturday stays', () => {
    assert.equal(partyDeadlineEnd('2026-02-14', calendar), '2026-02-14');
    assert.equal(partyDeadlineEnd('2026-02-28', calendar), '2026-02-28');
  });

  it('a last day on an ordinary weekend moves to Monday', () => {
    assert.equal(partyDeadlineEnd('2026-03-07', calendar), '2026-03-09');
    assert.equal(partyDeadlineEnd('2026-03-08', calendar), '2026-03-09');
  });

  it('a last day in a year with no calendar is an error', () => {
    assert.throws(() => partyDeadlineEnd('2027-01-01', calendar), CalendarYearMissingError);
  });
});
