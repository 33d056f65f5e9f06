-- Keyset pages of the party applications and tip-offs (GET /api/v1/objections, /repairs, /tipoffs): newest first by
-- (created_at, id), for everyone who sees all and per department (a department also sees what it took in).
create index objections_page on objections (created_at desc, id desc);
create index objections_department_page on objections (department_id, created_at desc, id desc);
create index objections_filed_department_page on objections (filed_department_id, created_at desc, id desc)
  where filed_department_id is not null;
create index repairs_page on repairs (created_at desc, id desc);
create index repairs_department_page on repairs (department_id, created_at desc, id desc);
create index repairs_filed_department_page on repairs (filed_department_id, created_at desc, id desc)
  where filed_department_id is not null;
create index tipoffs_page on tipoffs (created_at desc, id desc);
create index tipoffs_department_page on tipoffs (department_id, created_at desc, id desc);
