-- Failed logins are throttled per (username, client address) and per client address (decision 0003).
-- Rows from before carry no address: at most their last 15 minutes would still count, so they are dropped.
delete from login_attempts;
alter table login_attempts add column address text not null;
drop index login_attempts_recent;
-- The pair's streak and, by its prefix, an account's failures in the last hour.
create index login_attempts_by_pair on login_attempts (username, address, attempted_at);
-- An address's failures in the last 15 minutes, across usernames.
create index login_attempts_by_address on login_attempts (address, attempted_at);
-- Forgetting what no limit needs any more.
create index login_attempts_by_time on login_attempts (attempted_at);
