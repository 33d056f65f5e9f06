-- Audit verification walks check records in the order of the audit rows that chain them (one 'check.batch' row per
-- batch), merging two keyset scans instead of querying once per batch.
create index check_records_audit_seq on check_records (audit_seq, check_id);
