-- A repair commitment lapses (失效) when the repair it was made for is not approved: rejected, not accepted or
-- withdrawn. It was never relied on, so it can be neither kept nor broken.
alter table commitments drop constraint commitments_state_check;
alter table commitments add constraint commitments_state_check
  check (state in ('open', 'fulfilled', 'partially_fulfilled', 'unfulfilled', 'lapsed'));
