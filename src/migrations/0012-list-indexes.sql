-- Keyset paging of the lists (issue 9 item 5): a page is "the next rows after the cursor in the list's order", so
-- each list needs an index in that order, alone and behind the filters a department user always has (its own
-- department) or most often sets. The database then starts each page at the cursor instead of reading and
-- dropping every row before it.

-- Entries and records: newest first, (created_at, id).
create index entries_by_created on entries (created_at, id);
create index entries_department_by_created on entries (department_id, created_at, id);
create index entries_list_type_by_created on entries (list_type_id, created_at, id);
create index entries_state_by_created on entries (state, created_at, id);
create index records_by_created on records (created_at, id);
create index records_department_by_created on records (department_id, created_at, id);
create index records_domain_by_created on records (domain, created_at, id);
create index records_state_by_created on records (state, created_at, id);

-- The dispatch inbox: newest event first, (event_version, department_id); a department's inbox uses the unique
-- (department_id, event_version) index. Open items are a small share of all: a partial index of their own.
create index dispatches_by_version on dispatches (event_version, department_id);
create index dispatches_open_by_version on dispatches (event_version, department_id) where closed_at is null;

-- Commitments: newest first, (created_at, id).
create index commitments_by_created on commitments (created_at, id);
create index commitments_department_by_created on commitments (department_id, created_at, id);

-- Subjects: in name order, (name_key, id).
create index subjects_by_name on subjects (name_key, id);

-- A webhook's deliveries: newest event first, (event_version, id).
create index webhook_deliveries_by_version on webhook_deliveries (webhook_id, event_version, id);
