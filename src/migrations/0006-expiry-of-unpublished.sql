-- The expiry job also ends entries decided or reviewed but never published, and records proposed but never
-- confirmed, once their period is over. Its claim queries use these predicates literally.
create index entries_expiring on entries (end_date) where state in ('in_effect', 'decided', 'reviewed');
create index records_expiring on records (disclosure_end) where state in ('in_effect', 'proposed');
