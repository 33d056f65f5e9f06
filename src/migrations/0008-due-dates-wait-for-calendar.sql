-- A deadline that falls in a year whose working-day calendar is not loaded yet is never guessed (rules.md §10): the
-- item keeps day 0 and the number of days, with no due date, until an administrator loads that year, which
-- recomputes it. A party's filing is therefore accepted in the last weeks of a year before the next year's calendar
-- is published; dispatches and commitments already allowed this.
alter table objections alter column due_date drop not null;
alter table repairs alter column due_date drop not null;
alter table tipoffs alter column due_date drop not null;
