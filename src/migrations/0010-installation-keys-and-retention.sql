-- Fingerprints of the keys this database was set up with: a server started with a key made for another database
-- (two data directories under one parent, a restored copy with the wrong key file) refuses to start instead of
-- signing checkpoints and digesting ID numbers under a key the data does not know. purpose: 'server' or
-- 'tipoff:<key id>'. A database without rows adopts the keys it is next started with.
create table installation_keys (
  purpose text primary key,
  fingerprint text not null,
  adopted_at timestamptz not null
);

-- The retention job's own audit rows ('check.records_purged'), found without scanning the whole audit log: the
-- verifier reads the latest to know up to which check batch the records were removed on purpose.
create index audit_log_check_purges on audit_log (seq) where action = 'check.records_purged';
