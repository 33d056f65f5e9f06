-- One row per scheduled job. A process runs a job only after claiming its row (FOR UPDATE SKIP LOCKED, then a
-- lease), so with several processes each run happens once; the row also tells operators when each job last ran,
-- how long it took and how it ended. Times are the database's clock, the same for every process.
create table jobs (
  name text primary key,
  interval_ms integer not null check (interval_ms > 0),
  next_run_at timestamptz not null,
  lease_owner text,
  lease_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_duration_ms integer,
  last_error text,
  last_result jsonb,
  runs bigint not null default 0,
  failures bigint not null default 0
);
