-- The decision's (or red-list review's) document number in its own column: the check index reads it for every entry
-- in effect at start, and extracting it from the jsonb decision cost more than the rest of that query.
alter table entries add column document_no text;
update entries set document_no = coalesce(decision->>'documentNo', review->>'documentNo');
