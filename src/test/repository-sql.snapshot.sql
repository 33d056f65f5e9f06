-- audit: ledger head
select "audit_seq", "audit_hash" from "ledger_head" where "id" = $1;

-- audit: latest checkpoint
select * from "audit_checkpoints" order by "seq" desc limit $1;

-- audit: insert a checkpoint
insert into "audit_checkpoints" ("seq", "hash", "signed_at", "key_id", "signature") values ($1, $2, $3, $4, $5) on conflict ("seq") do nothing returning "seq";

-- audit: rows after a sequence number
select * from "audit_log" where "seq" > $1 and "seq" <= $2 order by "seq" limit $3;

-- audit: checkpoints after a sequence number
select * from "audit_checkpoints" where "seq" > $1 and "seq" <= $2 order by "seq" limit $3;

-- audit: check records after a position
select * from "check_records" where "audit_seq" <= $1 and ("audit_seq", "check_id") > ($2, $3) order by "audit_seq", "check_id" limit $4;

-- audit: first page of check records
select * from "check_records" where "audit_seq" <= $1 order by "audit_seq", "check_id" limit $2;

-- audit: page of the log
select * from "audit_log" where "seq" > $1 order by "seq" limit $2;

-- audit: check records purged through
select "details" from "audit_log" where "action" = 'check.records_purged' order by "seq" desc limit $1;

-- checks: oldest check batches
select "audit_seq", max(checked_at) as "newest", count(*)::text as "records" from "check_records" group by "audit_seq" order by "audit_seq" limit $1;

-- checks: delete check records through a batch
delete from "check_records" where "audit_seq" <= $1;

-- checks: lock the retention job
select pg_advisory_xact_lock($1);

-- auth: insert an API key
insert into "api_keys" ("id", "prefix", "secret_hash", "name", "department_id", "created_by", "created_at", "expires_at") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- auth: API key by id
select "api_keys"."id", "api_keys"."prefix", "api_keys"."secret_hash", "api_keys"."name", "api_keys"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "api_keys"."created_by", "api_keys"."created_at", "api_keys"."expires_at", "api_keys"."revoked_at" from "api_keys" inner join "departments" on "departments"."id" = "api_keys"."department_id" where "api_keys"."id" = $1;

-- auth: API keys of a department
select "api_keys"."id", "api_keys"."prefix", "api_keys"."secret_hash", "api_keys"."name", "api_keys"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "api_keys"."created_by", "api_keys"."created_at", "api_keys"."expires_at", "api_keys"."revoked_at" from "api_keys" inner join "departments" on "departments"."id" = "api_keys"."department_id" where "api_keys"."department_id" = $1 order by "api_keys"."created_at" desc, "api_keys"."id" desc;

-- auth: active API keys by id
select "api_keys"."id", "api_keys"."prefix", "api_keys"."secret_hash", "api_keys"."name", "api_keys"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "api_keys"."created_by", "api_keys"."created_at", "api_keys"."expires_at", "api_keys"."revoked_at" from "api_keys" inner join "departments" on "departments"."id" = "api_keys"."department_id" where "api_keys"."revoked_at" is null and "api_keys"."id" in ($1);

-- auth: revoke an API key
update "api_keys" set "revoked_at" = $1 where "id" = $2 and "revoked_at" is null;

-- auth: insert a session
insert into "sessions" ("id", "token_hash", "user_id", "created_at", "last_seen_at", "expires_at") values ($1, $2, $3, $4, $5, $6);

-- auth: session by token hash
select "sessions"."id" as "session_id", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."revoked_at", "users"."id", "users"."username", "users"."display_name", "users"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "users"."roles", "users"."must_change_password", "users"."disabled_at", "users"."created_at" as "user_created_at", "users"."password_changed_at" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" inner join "departments" on "departments"."id" = "users"."department_id" where "sessions"."token_hash" = $1;

-- auth: touch a session
update "sessions" set "last_seen_at" = $1 where "id" = $2 and "last_seen_at" < $3;

-- auth: revoke a session
update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "id" = $3 and "revoked_at" is null;

-- auth: revoke the sessions of a user but one
update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "user_id" = $3 and "revoked_at" is null and "id" != $4;

-- auth: serialize login attempts from an address
select pg_advisory_xact_lock(7254033, hashtext($1));

-- auth: failed logins of a username from an address
select count(*) as "failures", max("attempted_at") as "latest" from "login_attempts" where "username" = $1 and "address" = $2 and "attempted_at" > $3;

-- auth: recent failed logins from an address
select "attempted_at" from "login_attempts" where "address" = $1 and "attempted_at" > $2 order by "attempted_at" desc limit $3;

-- auth: failed logins of a username from every address
select count(*) as "n" from "login_attempts" where "username" = $1 and "attempted_at" > $2;

-- auth: record a failed login
insert into "login_attempts" ("username", "address", "attempted_at") values ($1, $2, $3);

-- auth: forget failed logins no limit needs
delete from "login_attempts" where "attempted_at" <= $1;

-- auth: a success ends the streak of its address
delete from "login_attempts" where "username" = $1 and "address" = $2;

-- auth: user by username
select "users"."id", "users"."username", "users"."display_name", "users"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "users"."roles", "users"."password_hash", "users"."must_change_password", "users"."disabled_at", "users"."created_at", "users"."password_changed_at" from "users" inner join "departments" on "departments"."id" = "users"."department_id" where "users"."username" = $1;

-- auth: user by id
select "users"."id", "users"."username", "users"."display_name", "users"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "users"."roles", "users"."password_hash", "users"."must_change_password", "users"."disabled_at", "users"."created_at", "users"."password_changed_at" from "users" inner join "departments" on "departments"."id" = "users"."department_id" where "users"."id" = $1;

-- auth: users of a department
select "users"."id", "users"."username", "users"."display_name", "users"."department_id", "departments"."code" as "department_code", "departments"."name" as "department_name", "users"."roles", "users"."password_hash", "users"."must_change_password", "users"."disabled_at", "users"."created_at", "users"."password_changed_at" from "users" inner join "departments" on "departments"."id" = "users"."department_id" where "users"."department_id" = $1 order by "users"."username";

-- auth: count users
select count(*) as "n" from "users";

-- auth: insert a user
insert into "users" ("id", "username", "display_name", "department_id", "roles", "password_hash", "must_change_password", "created_at", "password_changed_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict ("username") do nothing returning "id";

-- auth: update a user
update "users" set "display_name" = $1, "roles" = $2, "disabled_at" = $3, "password_hash" = $4, "must_change_password" = $5, "password_changed_at" = $6 where "id" = $7;

-- catalog: calendar seed
select "year" from "calendar_years" order by "year";
select * from "calendar_days" order by "day";

-- catalog: calendar of a year
select * from "calendar_years" where "year" = $1;
select * from "calendar_days" where "day" >= $1 and "day" <= $2 order by "day";

-- catalog: replace a calendar year
delete from "calendar_days" where "day" >= $1 and "day" <= $2;
insert into "calendar_days" ("day", "kind", "name") values ($1, $2, $3), ($4, $5, $6);
insert into "calendar_years" ("year", "source", "updated_at") values ($1, $2, $3) on conflict ("year") do update set "source" = $4, "updated_at" = $5;

-- catalog: first version of a list type
insert into "list_types" ("id", "code", "kind", "name", "legal_basis", "basis_level", "identifying_department_id", "criteria", "period_months", "early_removal_months", "removal_conditions", "removal_procedure", "remedies", "statement_period_working_days", "disclosure", "sharing", "source_note", "exposed", "version", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20);
insert into "list_type_versions" ("list_type_id", "version", "snapshot", "changed_by", "changed_at") values ($1, $2, $3, $4, $5);

-- catalog: later version of a list type
update "list_types" set "code" = $1, "kind" = $2, "name" = $3, "legal_basis" = $4, "basis_level" = $5, "identifying_department_id" = $6, "criteria" = $7, "period_months" = $8, "early_removal_months" = $9, "removal_conditions" = $10, "removal_procedure" = $11, "remedies" = $12, "statement_period_working_days" = $13, "disclosure" = $14, "sharing" = $15, "source_note" = $16, "exposed" = $17, "version" = $18, "updated_at" = $19 where "id" = $20;
insert into "list_type_versions" ("list_type_id", "version", "snapshot", "changed_by", "changed_at") values ($1, $2, $3, $4, $5);

-- catalog: first version of a measure
insert into "measures" ("id", "code", "kind", "title", "content", "legal_basis", "implementing_department_id", "list_type_ids", "subject_roles", "scenarios", "seed_item", "active", "version", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);
insert into "measure_versions" ("measure_id", "version", "snapshot", "changed_by", "changed_at") values ($1, $2, $3, $4, $5);

-- catalog: later version of a measure
update "measures" set "code" = $1, "kind" = $2, "title" = $3, "content" = $4, "legal_basis" = $5, "implementing_department_id" = $6, "list_type_ids" = $7, "subject_roles" = $8, "scenarios" = $9, "seed_item" = $10, "active" = $11, "version" = $12, "updated_at" = $13 where "id" = $14;
insert into "measure_versions" ("measure_id", "version", "snapshot", "changed_by", "changed_at") values ($1, $2, $3, $4, $5);

-- catalog: list type by id
select * from "list_types" where "id" = $1;

-- catalog: list type for update
select * from "list_types" where "id" = $1 for update;

-- catalog: measure for update
select * from "measures" where "id" = $1 for update;

-- catalog: measure by id
select * from "measures" where "id" = $1;

-- catalog: list types of a kind
select * from "list_types" where "kind" = $1 order by "kind", "code";

-- catalog: measures by kind, list type and scenario
select * from "measures" where "kind" = $1 and list_type_ids @> $2::jsonb and scenarios @> $3::jsonb order by "kind", "code";

-- catalog: list type by code
select "id" from "list_types" where "code" = $1;

-- catalog: measure by code
select "id" from "measures" where "code" = $1;

-- catalog: departments
select "id", "code", "name" from "departments" order by "code";

-- catalog: list type refs
select "id", "code", "name", "kind" from "list_types" order by "code";

-- catalog: scenarios
select * from "scenarios" order by "code";

-- catalog: list type version
select * from "list_type_versions" where "list_type_id" = $1 and "version" = $2;

-- catalog: measure version
select * from "measure_versions" where "measure_id" = $1 and "version" = $2;

-- catalog: refs for presenters
select "id", "code", "name" from "departments" order by "code";
select "id", "code", "name", "kind" from "list_types" order by "code";

-- check index: entries in effect by id

    select e.id, e.list_type_id, e.reason, e.start_date, e.end_date, e.objection_pending, e.document_no, e.measures_lifted, array_to_string(array(select m.measure_id from entry_measures m where m.entry_id = e.id order by m.measure_id), ',') as measure_ids, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
    from entries e
    join subjects s on s.id = e.subject_id
    where e.state = 'in_effect' and e.id = any($1::uuid[]);

-- check index: persons named by entries

    select ep.entry_id, ep.role, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
    from entry_persons ep
    join subjects s on s.id = ep.person_id
    where ep.entry_id = any($1::uuid[]);

-- check index: entries of subjects

    select id from entries where subject_id = any($1::uuid[]) and state = 'in_effect'
    union
    select entry_id from entry_persons where person_id = any($2::uuid[]);

-- check index: records shared by id

    select r.id, r.department_id, r.domain, r.decision_no, r.decision_date, r.severity, r.penalty_type, r.objection_pending, r.disclosure_end, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
    from records r
    join subjects s on s.id = r.subject_id
    where r.state = 'in_effect' and r.disclosure_end >= $1::date and r.id = any($2::uuid[]);

-- check index: records of subjects

    select id from records where subject_id = any($1::uuid[]) and state = 'in_effect';

-- check index: catalog
select "id", "code", "name" from "departments";
select "id", "code", "name", "kind", "sharing" from "list_types";
select "id", "code", "kind", "title", "content", "legal_basis", "implementing_department_id", "subject_roles", "scenarios", "active" from "measures";
select "code" from "scenarios";
select "code", "name", "sharing" from "record_domains";
select "code", "name", "kind", "params", "grants" from "eligibility_rules" where "active" = $1 order by "code";

-- check index: stream everything in effect
set local cursor_tuple_fraction = 1;
declare "check_index_entries" no scroll cursor for 
  select e.id, e.list_type_id, e.reason, e.start_date, e.end_date, e.objection_pending, e.document_no, e.measures_lifted, e.measure_ids, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
  from (select e.id, e.list_type_id, e.reason, e.start_date, e.end_date, e.objection_pending, e.document_no, e.measures_lifted, e.subject_id, array_to_string(array(select m.measure_id from entry_measures m where m.entry_id = e.id order by m.measure_id), ',') as measure_ids from entries e where e.state = 'in_effect' offset 0) e
  join subjects s on s.id = e.subject_id;
fetch forward 1000 from "check_index_entries";
close "check_index_entries";
declare "check_index_persons" no scroll cursor for 
  select ep.entry_id, ep.role, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
  from entry_persons ep
  join entries e on e.id = ep.entry_id and e.state = 'in_effect'
  join subjects s on s.id = ep.person_id;
fetch forward 1000 from "check_index_persons";
close "check_index_persons";
declare "check_index_records" no scroll cursor for 
  select r.id, r.department_id, r.domain, r.decision_no, r.decision_date, r.severity, r.penalty_type, r.objection_pending, r.disclosure_end, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
  from records r
  join subjects s on s.id = r.subject_id
  where r.state = 'in_effect' and r.disclosure_end >= $1::date;
fetch forward 1000 from "check_index_records";
close "check_index_records";

-- commitments: by id
select * from "commitments" where "id" = $1;

-- commitments: by code
select * from "commitments" where "code" = $1;

-- commitments: for update
select * from "commitments" where "id" = $1 for update;

-- commitments: open ones of a repair, for update
select * from "commitments" where "repair_id" = $1 and "state" = $2 order by "id" for update;

-- commitments: insert
insert into "commitments" ("id", "code", "subject_id", "department_id", "state", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7);

-- commitments: update
update "commitments" set "state" = $1, "updated_at" = $2 where "id" = $3;

-- commitments: page with every filter
select "commitments".* from "commitments" inner join "subjects" on "subjects"."id" = "commitments"."subject_id" where ("commitments"."created_at", "commitments"."id") < ($1, $2) and "commitments"."department_id" = $3 and "commitments"."subject_id" = $4 and "subjects"."uscc" = $5 and "commitments"."state" = $6 and "commitments"."type" = $7 order by "commitments"."created_at" desc, "commitments"."id" desc limit $8;

-- commitments: first page
select "commitments".* from "commitments" order by "commitments"."created_at" desc, "commitments"."id" desc limit $1;

-- commitments: read models of a page (subjects, departments)
select * from "subjects" where "id" in ($1, $2);
select "id", "code", "name" from "departments" where "id" in ($1);

-- deadlines: working days of a setting
select "working_days" from "deadline_settings" where "key" = $1;

-- deadlines: lock the served notices
select "id", "department_id", "notice" from "entries" where "state" = $1 for update;

-- deadlines: set an entry notice
update "entries" set "notice" = $1, "updated_at" = $2 where "id" = $3;

-- deadlines: set the last version of an entry
update "entries" set "last_version" = $1 where "id" = $2;

-- deadlines: open due rows of a table
select "id", "department_id", "due_from", "due_days", "due_date" from "repairs" where "closed_at" is null and "due_from" is not null and "due_days" is not null order by "id";

-- deadlines: move due dates

      update "repairs" as t set due_date = v.to_date
      from jsonb_to_recordset($1::jsonb)
        as v(id uuid, due_from date, due_days integer, to_date date)
      where t.id = v.id and t.closed_at is null and t.due_from = v.due_from and t.due_days = v.due_days
      returning t.id, t.department_id;

-- departments: by id
select * from "departments" where "id" = $1;

-- departments: by code
select * from "departments" where "code" = $1;

-- departments: the credit office
select * from "departments" where "kind" = $1 order by case when "code" = $2 then 0 else 1 end, "created_at";

-- departments: references of many, by id
select "id", "code", "name" from "departments" where "id" in ($1, $2);

-- departments: all
select * from "departments" order by "kind", "code";

-- departments: insert
insert into "departments" ("id", "code", "name", "kind", "created_at") values ($1, $2, $3, $4, $5);

-- disclosure: subjects by code
select "id", "kind", "name", "uscc", "citizen_id_masked", "status", "status_date" from "subjects" where "uscc" = $1;

-- disclosure: subjects by name
select "id", "kind", "name", "uscc", "citizen_id_masked", "status", "status_date" from "subjects" where "name_key" = $1 order by "id" limit $2;

-- disclosure: subject by id
select "id", "kind", "name", "uscc", "citizen_id_masked", "status", "status_date" from "subjects" where "id" = $1;

-- disclosure: records disclosed today
select "records"."id", "records"."subject_id", "records"."decision_no", "records"."decision_date", "records"."facts", "records"."basis", "records"."penalty_type", "records"."amount", "records"."severity", "records"."disclosure_end", "records"."earliest_repair_date", "records"."objection_pending", "departments"."name" as "department_name", "record_domains"."name" as "domain_name" from "records" inner join "departments" on "departments"."id" = "records"."department_id" inner join "record_domains" on "record_domains"."code" = "records"."domain" where "records"."subject_id" in ($1) and "records"."state" = $2 and "records"."disclosed" = $3 and "records"."decision_date" <= $4 and "records"."disclosure_end" >= $5 order by "records"."decision_date" desc, "records"."id";

-- disclosure: entries disclosed today
select "entries"."id", "entries"."subject_id", "entries"."reason", "entries"."decision", "entries"."review", "entries"."decision_date", "entries"."document_no", "entries"."basis_document_no", "entries"."basis_document_date", "entries"."start_date", "entries"."end_date", "entries"."period_rule", "entries"."objection_pending", "list_types"."code" as "list_type_code", "list_types"."name" as "list_type_name", "list_types"."kind" as "list_type_kind", "list_types"."legal_basis", "list_types"."disclosure", "departments"."name" as "department_name" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" inner join "departments" on "departments"."id" = "entries"."department_id" where "entries"."subject_id" in ($1) and "entries"."state" = $2 and ("entries"."end_date" is null or "entries"."end_date" >= $3) and ("entries"."start_date" is null or "entries"."start_date" <= $4) order by "entries"."start_date" desc, "entries"."id";

-- disclosure: persons of entries
select "entry_persons"."entry_id", "entry_persons"."role", "subjects"."name", "subjects"."citizen_id_masked" from "entry_persons" inner join "subjects" on "subjects"."id" = "entry_persons"."person_id" where "entry_persons"."entry_id" in ($1) order by "entry_persons"."role", "subjects"."name";

-- dispatch: lock the cursor
select "version" from "job_cursors" where "name" = $1 for update;
insert into "job_cursors" ("name", "version", "updated_at") values ($1, $2, $3) on conflict do nothing;
select "version" from "job_cursors" where "name" = $1 for update;

-- dispatch: advance the cursor
update "job_cursors" set "version" = $1, "updated_at" = $2 where "name" = $3;

-- dispatch: read the cursor
select "version" from "job_cursors" where "name" = $1;

-- dispatch: events after the cursor
select "version", "stream", "stream_id", "type", "department_id", "payload", "occurred_at", "effective_at" from "events" where "version" > $1 order by "version" limit $2;

-- dispatch: earlier receivers
select distinct "department_id" from "dispatches" where "stream" = $1 and "stream_id" = $2;

-- dispatch: insert dispatches
insert into "dispatches" ("id", "department_id", "event_version", "stream", "stream_id", "created_at") values ($1, $2, $3, $4, $5, $6) on conflict ("department_id", "event_version") do nothing returning "id", "department_id", "event_version";

-- dispatch: by id
select * from "dispatches" where "id" = $1;

-- dispatch: for update
select * from "dispatches" where "id" = $1 for update;

-- dispatch: close
update "dispatches" set "closed_at" = $1 where "id" = $2 and "closed_at" is null;

-- dispatch: inbox page, open and overdue
select * from "dispatches" where "event_version" <= $1 and ("event_version", "department_id") < ($2, $3) and "department_id" = $4 and "closed_at" is null and "feedback_required" = $5 and "closed_at" is null and "due_date" < $6 order by "event_version" desc, "department_id" desc limit $7;

-- dispatch: inbox page, closed and not overdue
select * from "dispatches" where "department_id" = $1 and "closed_at" is not null and "feedback_required" = $2 and ("closed_at" is not null or "due_date" is null or "due_date" >= $3) order by "event_version" desc, "department_id" desc limit $4;

-- dispatch: read models of a page (departments, feedback counts)
select "id", "code", "name" from "departments" where "id" in ($1);
select "dispatch_id", count(*) as "n" from "feedback" where "dispatch_id" in ($1, $2) group by "dispatch_id";

-- dispatch: change feed page
select * from "dispatches" where "department_id" = $1 and "event_version" > $2 order by "event_version" limit $3;

-- dispatch: feedback counts
select "dispatch_id", count(*) as "n" from "feedback" where "dispatch_id" in ($1) group by "dispatch_id";

-- eligibility: rules
select * from "eligibility_rules" order by "code";

-- eligibility: rule by code
select * from "eligibility_rules" where "code" = $1;

-- eligibility: rule by code for update
select * from "eligibility_rules" where "code" = $1 for update;

-- eligibility: insert a rule
insert into "eligibility_rules" ("id", "code", "name", "kind", "params", "grants", "active", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict ("code") do nothing returning *;

-- eligibility: update a rule
update "eligibility_rules" set "active" = $1, "updated_at" = $2 where "id" = $3 returning *;

-- entries: by id
select * from "entries" where "id" = $1;

-- entries: subject of an entry (locked before the entry)
select "subject_id" from "entries" where "id" = $1;

-- entries: find for update
select * from "entries" where "id" = $1 for update;

-- entries: insert
insert into "entries" ("id", "subject_id", "list_type_id", "kind", "department_id", "state", "reason", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- entries: update
update "entries" set "state" = $1, "updated_at" = $2 where "id" = $3;

-- entries: set last version
update "entries" set "last_version" = $1 where "id" = $2;

-- entries: of a subject in given states
select * from "entries" where "subject_id" = $1 and "kind" = $2 and "state" in ($3);

-- entries: page with every filter
select * from "entries" where ("created_at", "id") < ($1, $2) and "department_id" = $3 and "state" = $4 and "kind" = $5 and "list_type_id" = $6 and "subject_id" = $7 order by "created_at" desc, "id" desc limit $8;

-- entries: first page
select * from "entries" order by "created_at" desc, "id" desc limit $1;

-- entries: read models of a page (one query per related table)
select "id", "code", "name", "kind" from "list_types" where "id" in ($1);
select * from "subjects" where "id" in ($1, $2);
select "id", "code", "name" from "departments" where "id" in ($1);
select "entry_persons"."entry_id", "entry_persons"."role", "subjects"."id", "subjects"."name", "subjects"."citizen_id_masked" from "entry_persons" inner join "subjects" on "subjects"."id" = "entry_persons"."person_id" where "entry_persons"."entry_id" in ($1, $2);
select "entry_measures"."entry_id", "measures"."id", "measures"."code", "measures"."kind", "entry_measures"."measure_version", "measures"."version" as "current_version", coalesce(measure_versions.snapshot->>'title', measures.title) as "title" from "entry_measures" inner join "measures" on "measures"."id" = "entry_measures"."measure_id" left join "measure_versions" on "measure_versions"."measure_id" = "entry_measures"."measure_id" and "measure_versions"."version" = "entry_measures"."measure_version" where "entry_measures"."entry_id" in ($1, $2) order by "measures"."code";

-- entries: events of an entry
select * from "events" where "stream" = $1 and "stream_id" = $2 order by "version";

-- expiry: claim expired entries
select "id", "kind", "department_id", "state", "end_date" from "entries" where state in ('in_effect', 'decided', 'reviewed') and "end_date" < $1 order by "end_date", "id" limit $2 for update skip locked;

-- expiry: claim expired records
select "id", "department_id", "state", "disclosure_end" from "records" where state in ('in_effect', 'proposed') and "disclosure_end" < $1 order by "disclosure_end", "id" limit $2 for update skip locked;

-- expiry: end an expired record
update "records" set "state" = $1, "ended_reason" = $2, "ended_note" = $3, "ended_at" = $4, "updated_at" = $5 where "id" = $6;

-- feedback: insert
insert into "feedback" ("id", "dispatch_id", "entry_id", "measure_id", "department_id", "applied", "handled_date", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- feedback: exists for a dispatch
select "id" from "feedback" where "measure_id" = $1 and "department_id" = $2 and "dispatch_id" = $3;

-- feedback: exists for a check
select "id" from "feedback" where "measure_id" = $1 and "department_id" = $2 and "check_id" = $3;

-- feedback: with its refs
select "feedback".*, "departments"."code" as "department_code", "departments"."name" as "department_name", "measures"."code" as "measure_code", "measures"."title" as "measure_title" from "feedback" inner join "departments" on "departments"."id" = "feedback"."department_id" left join "measures" on "measures"."id" = "feedback"."measure_id";

-- feedback: of an entry
select "feedback".*, "departments"."code" as "department_code", "departments"."name" as "department_name", "measures"."code" as "measure_code", "measures"."title" as "measure_title" from "feedback" inner join "departments" on "departments"."id" = "feedback"."department_id" left join "measures" on "measures"."id" = "feedback"."measure_id" where "feedback"."entry_id" = $1 order by "feedback"."created_at", "feedback"."id";

-- feedback: view by id
select "feedback".*, "departments"."code" as "department_code", "departments"."name" as "department_name", "measures"."code" as "measure_code", "measures"."title" as "measure_title" from "feedback" inner join "departments" on "departments"."id" = "feedback"."department_id" left join "measures" on "measures"."id" = "feedback"."measure_id" where "feedback"."id" = $1;

-- feedback: check of a department
select "check_id", "subjects" from "check_records" where "check_id" = $1 and "department_id" = $2;

-- feedback: measures the department implements
select "entry_measures"."entry_id", "measures"."id" from "entry_measures" inner join "measures" on "measures"."id" = "entry_measures"."measure_id" where "entry_measures"."entry_id" in ($1) and "measures"."implementing_department_id" = $2;

-- feedback: dispatch statistics of a department

    select d.department_id,
      count(*) as dispatched,
      count(*) filter (where d.feedback_required) as required,
      count(*) filter (where d.feedback_required and f.n is not null) as fed_back,
      count(*) filter (where d.feedback_required and f.on_time is true) as on_time,
      count(*) filter (where d.feedback_required and f.on_time is false) as late,
      count(*) filter (where d.feedback_required and d.closed_at is null and d.due_date < $1::date) as overdue
    from dispatches d
    left join (
      select dispatch_id, count(*) as n, bool_or(on_time) as on_time from feedback where dispatch_id is not null group by dispatch_id
    ) f on f.dispatch_id = d.id
    where d.created_at >= $2 and d.created_at < $3 and d.department_id = $4
    group by d.department_id;

-- feedback: measure statistics of a department

    select f.department_id, f.measure_id, m.code, m.title,
      count(*) filter (where f.applied) as applied,
      count(*) filter (where not f.applied) as not_applied
    from feedback f join measures m on m.id = f.measure_id
    where f.handled_date >= $1::date and f.handled_date <= $2::date and f.department_id = $3
    group by f.department_id, f.measure_id, m.code, m.title
    order by m.code;

-- jobs: register
insert into "jobs" ("name", "interval_ms", "next_run_at") values ($1, $2, now()) on conflict ("name") do update set "interval_ms" = $3;

-- jobs: claim a due job with a free lease
update "jobs" set "lease_owner" = $1, "lease_until" = now() + interval '1 millisecond' * $2::float8, "last_started_at" = now() where "name" = (select "name" from "jobs" where "name" = $3 and "next_run_at" <= now() and ("lease_until" is null or "lease_until" < now()) for update skip locked) returning "name", "last_started_at";

-- jobs: finish a run
update "jobs" set "lease_owner" = $1, "lease_until" = $2, "next_run_at" = now() + interval '1 millisecond' * "interval_ms", "last_finished_at" = now(), "last_duration_ms" = (extract(epoch from now() - "last_started_at") * 1000)::int, "last_error" = $3, "last_result" = $4, "runs" = "runs" + 1, "failures" = "failures" + $5 where "name" = $6 and "lease_owner" = $7;

-- jobs: list
select *, now() as "db_now" from "jobs" order by "name";

-- publicity: public entries in effect by kind
select "entries"."kind", count(*) as "count" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" where ("entries"."state" = $1 and "entries"."decision_date" is not null and ("entries"."start_date" is null or "entries"."start_date" <= $2) and ("entries"."end_date" is null or "entries"."end_date" >= $3) and list_types.disclosure->>'public' = $4) group by "entries"."kind";

-- publicity: disclosed records
select count(*) as "count" from "records" where "state" = $1 and "disclosed" = $2 and "decision_date" <= $3 and "disclosure_end" >= $4;

-- publicity: first page of a list
select "entries"."id", "entries"."subject_id", "entries"."reason", "entries"."decision", "entries"."review", "entries"."decision_date", "entries"."document_no", "entries"."basis_document_no", "entries"."basis_document_date", "entries"."start_date", "entries"."end_date", "entries"."period_rule", "entries"."objection_pending", "list_types"."code" as "list_type_code", "list_types"."name" as "list_type_name", "list_types"."kind" as "list_type_kind", "list_types"."legal_basis", "list_types"."disclosure", "departments"."name" as "department_name", "entries"."updated_at", "subjects"."kind" as "subject_kind", "subjects"."name" as "subject_name", "subjects"."uscc" as "subject_uscc", "subjects"."citizen_id_masked" as "subject_citizen_id_masked", "subjects"."status" as "subject_status", "subjects"."status_date" as "subject_status_date" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" inner join "departments" on "departments"."id" = "entries"."department_id" inner join "subjects" on "subjects"."id" = "entries"."subject_id" where ("entries"."state" = $1 and "entries"."decision_date" is not null and ("entries"."start_date" is null or "entries"."start_date" <= $2) and ("entries"."end_date" is null or "entries"."end_date" >= $3) and list_types.disclosure->>'public' = $4) and "entries"."kind" = $5 order by "entries"."decision_date" desc, "entries"."id" desc limit $6;

-- publicity: filtered page after a cursor
select "entries"."id", "entries"."subject_id", "entries"."reason", "entries"."decision", "entries"."review", "entries"."decision_date", "entries"."document_no", "entries"."basis_document_no", "entries"."basis_document_date", "entries"."start_date", "entries"."end_date", "entries"."period_rule", "entries"."objection_pending", "list_types"."code" as "list_type_code", "list_types"."name" as "list_type_name", "list_types"."kind" as "list_type_kind", "list_types"."legal_basis", "list_types"."disclosure", "departments"."name" as "department_name", "entries"."updated_at", "subjects"."kind" as "subject_kind", "subjects"."name" as "subject_name", "subjects"."uscc" as "subject_uscc", "subjects"."citizen_id_masked" as "subject_citizen_id_masked", "subjects"."status" as "subject_status", "subjects"."status_date" as "subject_status_date" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" inner join "departments" on "departments"."id" = "entries"."department_id" inner join "subjects" on "subjects"."id" = "entries"."subject_id" where ("entries"."state" = $1 and "entries"."decision_date" is not null and ("entries"."start_date" is null or "entries"."start_date" <= $2) and ("entries"."end_date" is null or "entries"."end_date" >= $3) and list_types.disclosure->>'public' = $4) and "entries"."kind" = $5 and "list_types"."code" = $6 and "departments"."code" = $7 and "entries"."decision_date" >= $8 and "entries"."decision_date" <= $9 and ("entries"."decision_date" < $10 or ("entries"."decision_date" = $11 and "entries"."id" < $12)) order by "entries"."decision_date" desc, "entries"."id" desc limit $13;

-- publicity: exposure page
select "entries"."id", "entries"."subject_id", "entries"."reason", "entries"."decision", "entries"."review", "entries"."decision_date", "entries"."document_no", "entries"."basis_document_no", "entries"."basis_document_date", "entries"."start_date", "entries"."end_date", "entries"."period_rule", "entries"."objection_pending", "list_types"."code" as "list_type_code", "list_types"."name" as "list_type_name", "list_types"."kind" as "list_type_kind", "list_types"."legal_basis", "list_types"."disclosure", "departments"."name" as "department_name", "entries"."updated_at", "subjects"."kind" as "subject_kind", "subjects"."name" as "subject_name", "subjects"."uscc" as "subject_uscc", "subjects"."citizen_id_masked" as "subject_citizen_id_masked", "subjects"."status" as "subject_status", "subjects"."status_date" as "subject_status_date" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" inner join "departments" on "departments"."id" = "entries"."department_id" inner join "subjects" on "subjects"."id" = "entries"."subject_id" where ("entries"."state" = $1 and "entries"."decision_date" is not null and ("entries"."start_date" is null or "entries"."start_date" <= $2) and ("entries"."end_date" is null or "entries"."end_date" >= $3) and list_types.disclosure->>'public' = $4) and "entries"."kind" = $5 and "list_types"."exposed" = $6 and "entries"."kind" = $7 order by "entries"."decision_date" desc, "entries"."id" desc limit $8;

-- publicity: public list types
select "code", "name", "kind", "exposed" from "list_types" where disclosure->>'public' = $1 order by "kind", "code";

-- publicity: list types for the policies page
select "list_types"."id", "list_types"."code", "list_types"."kind", "list_types"."name", "list_types"."version", "list_types"."legal_basis", "list_types"."criteria", "list_types"."period_months", "list_types"."early_removal_months", "list_types"."removal_conditions", "list_types"."removal_procedure", "list_types"."remedies", "list_types"."statement_period_working_days", "departments"."name" as "department_name" from "list_types" inner join "departments" on "departments"."id" = "list_types"."identifying_department_id" order by "list_types"."kind" desc, "list_types"."code";

-- publicity: active measures
select "measures"."code", "measures"."kind", "measures"."title", "measures"."content", "measures"."legal_basis", "measures"."list_type_ids", "departments"."name" as "department_name" from "measures" inner join "departments" on "departments"."id" = "measures"."implementing_department_id" where "measures"."active" = $1 order by "departments"."name", "measures"."code";

-- records: by id
select * from "records" where "id" = $1;

-- records: find for update
select * from "records" where "id" = $1 for update;

-- records: by decision number
select "id" from "records" where "department_id" = $1 and "decision_no" = $2;

-- records: insert
insert into "records" ("id", "subject_id", "department_id", "decision_no", "state", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("department_id", "decision_no") do nothing returning "id";

-- records: update
update "records" set "state" = $1, "updated_at" = $2 where "id" = $3;

-- records: set last version
update "records" set "last_version" = $1 where "id" = $2;

-- records: page with every filter
select * from "records" where ("created_at", "id") < ($1, $2) and "department_id" = $3 and "subject_id" = $4 and "state" = $5 and "severity" = $6 and "domain" = $7 and rule->'publication'->>'late' = $8 order by "created_at" desc, "id" desc limit $9;

-- records: first page
select * from "records" order by "created_at" desc, "id" desc limit $1;

-- records: read models of a page (one query per related table)
select * from "subjects" where "id" in ($1, $2);
select "id", "code", "name" from "departments" where "id" in ($1);
select "code", "name" from "record_domains" where "code" in ($1);

-- records: events of a record
select * from "events" where "stream" = $1 and "stream_id" = $2 order by "version";

-- records: domain by code
select * from "record_domains" where "code" = $1;

-- records: recording departments of domains
select "record_domain_departments"."domain", "departments"."id", "departments"."code", "departments"."name" from "record_domain_departments" inner join "departments" on "departments"."id" = "record_domain_departments"."department_id" where "record_domain_departments"."domain" in ($1, $2) order by "departments"."code";

-- records: whether a department records in a domain
select "domain" from "record_domain_departments" where "domain" = $1 and "department_id" = $2;

-- records: clear the recording departments of a domain
delete from "record_domain_departments" where "domain" = $1;

-- records: add recording departments to a domain
insert into "record_domain_departments" ("domain", "department_id") values ($1, $2), ($3, $4);

-- reminders: due rows of a department
select "id", "department_id", "due_date", "event_type"::text as "ref", null as "state" from "dispatches" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", "application_no"::text as "ref", null as "state" from "objections" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", "application_no"::text as "ref", "state"::text as "state" from "repairs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", "code"::text as "ref", null as "state" from "commitments" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", null as "ref", null as "state" from "tipoffs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "entries"."id", "entries"."department_id", "list_types"."name", entries.notice->>'statementDue' as "due", entries.notice->>'documentNo' as "document_no" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" where "notice" is not null and (("state" = $1 and entries.notice->>'statementDue' < $2) or ("state" = $3 and entries.notice->>'statementDue' < $4)) and "entries"."department_id" = $5 order by entries.notice->>'statementDue', "entries"."id" limit $6;

-- reminders: due rows after a cursor
select "id", "department_id", "due_date", "event_type"::text as "ref", null as "state" from "dispatches" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 and due_date > $3 order by "due_date", "id" limit $4;
select "id", "department_id", "due_date", "application_no"::text as "ref", null as "state" from "objections" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 and (due_date, id) > ($3, $4::uuid) order by "due_date", "id" limit $5;
select "id", "department_id", "due_date", "application_no"::text as "ref", "state"::text as "state" from "repairs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 and due_date >= $3 order by "due_date", "id" limit $4;
select "id", "department_id", "due_date", "code"::text as "ref", null as "state" from "commitments" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 and due_date > $3 order by "due_date", "id" limit $4;
select "id", "department_id", "due_date", null as "ref", null as "state" from "tipoffs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 and due_date >= $3 order by "due_date", "id" limit $4;
select "entries"."id", "entries"."department_id", "list_types"."name", entries.notice->>'statementDue' as "due", entries.notice->>'documentNo' as "document_no" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" where "notice" is not null and (("state" = $1 and entries.notice->>'statementDue' < $2) or ("state" = $3 and entries.notice->>'statementDue' < $4)) and "entries"."department_id" = $5 and entries.notice->>'statementDue' >= $6 order by entries.notice->>'statementDue', "entries"."id" limit $7;

-- reminders: due counts of a department
select "department_id", count(*) as "n" from "dispatches" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 group by "department_id";
select "department_id", count(*) as "n" from "objections" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 group by "department_id";
select "department_id", count(*) as "n" from "repairs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 group by "department_id";
select "department_id", count(*) as "n" from "commitments" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 group by "department_id";
select "department_id", count(*) as "n" from "tipoffs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 group by "department_id";
select "w"."department_id", "w"."kind", count(*) as "n" from (select "entries"."department_id", case when entries.notice->>'statementDue' < $1 then 'decision' else 'statement' end as "kind" from "entries" where "notice" is not null and (("state" = $2 and entries.notice->>'statementDue' < $3) or ("state" = $4 and entries.notice->>'statementDue' < $5)) and "entries"."department_id" = $6) as "w" group by "w"."department_id", "w"."kind";

-- reminders: open items waiting for a year's calendar
select "due_from", "due_days", count(*) as "n" from "dispatches" where "closed_at" is null and "due_date" is null and "due_from" is not null and "due_days" is not null and "department_id" = $1 group by "due_from", "due_days";
select "due_from", "due_days", count(*) as "n" from "objections" where "closed_at" is null and "due_date" is null and "due_from" is not null and "due_days" is not null and "department_id" = $1 group by "due_from", "due_days";
select "due_from", "due_days", count(*) as "n" from "repairs" where "closed_at" is null and "due_date" is null and "due_from" is not null and "due_days" is not null and "department_id" = $1 group by "due_from", "due_days";
select "due_from", "due_days", count(*) as "n" from "commitments" where "closed_at" is null and "due_date" is null and "due_from" is not null and "due_days" is not null and "department_id" = $1 group by "due_from", "due_days";
select "due_from", "due_days", count(*) as "n" from "tipoffs" where "closed_at" is null and "due_date" is null and "due_from" is not null and "due_days" is not null and "department_id" = $1 group by "due_from", "due_days";

-- settings: deadlines
select * from "deadline_settings";

-- settings: deadline for update
select * from "deadline_settings" where "key" = $1 for update;

-- settings: update a deadline
update "deadline_settings" set "working_days" = $1, "source" = $2, "updated_by" = $3, "updated_at" = $4 where "key" = $5;

-- settings: the site name
select "value", "updated_by", "updated_at" from "site_settings" where "key" = $1;

-- settings: store the site name
insert into "site_settings" ("key", "value", "updated_by", "updated_at") values ($1, $2, $3, $4) on conflict ("key") do update set "value" = $5, "updated_by" = $6, "updated_at" = $7;

-- subjects: by id
select * from "subjects" where "id" = $1;

-- subjects: by code
select * from "subjects" where "uscc" = $1;

-- subjects: by citizen id digest
select * from "subjects" where "citizen_id_digest" = $1;

-- subjects: lock
select "id" from "subjects" where "id" = $1 for update;

-- subjects: insert
insert into "subjects" ("id", "kind", "name", "name_key", "created_at") values ($1, $2, $3, $4, $5) on conflict do nothing returning *;

-- subjects: search with every filter
select * from "subjects" where (name_key, id) > (select c.name_key, c.id from subjects c where c.id = $1) and "uscc" = $2 and "citizen_id_digest" = $3 and "name_key" like $4 order by "name_key", "id" limit $5;

-- subjects: first page
select * from "subjects" order by "name_key", "id" limit $1;

-- subjects: related persons of an organization
select "related_persons"."role", "related_persons"."created_at", "subjects"."id", "subjects"."name", "subjects"."citizen_id_masked" from "related_persons" inner join "subjects" on "subjects"."id" = "related_persons"."person_id" where "related_persons"."organization_id" = $1 order by "related_persons"."created_at";

-- subjects: link a related person
insert into "related_persons" ("organization_id", "person_id", "role", "created_at") values ($1, $2, $3, $4) on conflict do nothing returning "role";

-- webhooks: egress allow-list
select * from "egress_allowlist" order by "created_at", "id";

-- webhooks: egress allow patterns
select "pattern" from "egress_allowlist";

-- webhooks: egress entry by id
select * from "egress_allowlist" where "id" = $1;

-- webhooks: egress entry by pattern
select * from "egress_allowlist" where "pattern" = $1;

-- webhooks: insert an egress entry
insert into "egress_allowlist" ("id", "pattern", "created_by", "created_at") values ($1, $2, $3, $4);

-- webhooks: delete an egress entry
delete from "egress_allowlist" where "id" = $1;

-- webhooks: create deliveries
select "id", "department_id" from "webhooks" where "department_id" in ($1) and "disabled_at" is null;

-- webhooks: insert
insert into "webhooks" ("id", "department_id", "url", "secret", "created_at") values ($1, $2, $3, $4, $5);

-- webhooks: by id
select * from "webhooks" where "id" = $1;

-- webhooks: for update
select * from "webhooks" where "id" = $1 for update;

-- webhooks: of a department
select * from "webhooks" where "department_id" = $1 order by "created_at", "id";

-- webhooks: disable
update "webhooks" set "disabled_at" = $1 where "id" = $2;
update "webhook_deliveries" set "state" = $1, "last_error" = $2, "lease_until" = $3 where "webhook_id" = $4 and "state" = $5;

-- webhooks: deliveries in a state
select * from "webhook_deliveries" where "webhook_id" = $1 and ("event_version", "id") < ($2, $3) and "state" = $4 order by "event_version" desc, "id" desc limit $5;

-- webhooks: first page of deliveries
select * from "webhook_deliveries" where "webhook_id" = $1 order by "event_version" desc, "id" desc limit $2;

-- webhooks: delivery of a webhook
select * from "webhook_deliveries" where "id" = $1 and "webhook_id" = $2;

-- webhooks: delivery for update
select * from "webhook_deliveries" where "id" = $1 for update;

-- webhooks: attempts of deliveries
select * from "webhook_attempts" where "delivery_id" in ($1) order by "attempted_at", "id";

-- webhooks: insert an attempt
insert into "webhook_attempts" ("id", "delivery_id", "attempted_at", "status") values ($1, $2, $3, $4);

-- webhooks: update a delivery
update "webhook_deliveries" set "state" = $1, "delivered_at" = $2, "lease_until" = $3 where "id" = $4;

-- webhooks: claim due deliveries
select "d"."id" from "webhook_deliveries" as "d" inner join "webhooks" as "w" on "w"."id" = "d"."webhook_id" where "d"."state" = $1 and "w"."disabled_at" is null and "d"."next_attempt_at" <= $2 and ("d"."lease_until" is null or "d"."lease_until" < $3) and not exists (select 1 as "one" from "webhook_deliveries" as "e" where "e"."webhook_id" = "d"."webhook_id" and "e"."state" = $4 and "e"."event_version" < "d"."event_version") order by "d"."next_attempt_at", "d"."event_version" limit $5 for update of "d" skip locked;

-- subjects: insert a name with its search postings
insert into "subject_names" ("id", "subject_id", "name", "search_key", "valid_from", "valid_to", "created_at") values ($1, $2, $3, $4, $5, $6, $7);
insert into "subject_name_grams" ("gram", "name_length", "name_id", "subject_id", "search_key", "person") values ($1, $2, $3, $4, $5, $6), ($7, $8, $9, $10, $11, $12), ($13, $14, $15, $16, $17, $18), ($19, $20, $21, $22, $23, $24), ($25, $26, $27, $28, $29, $30), ($31, $32, $33, $34, $35, $36), ($37, $38, $39, $40, $41, $42), ($43, $44, $45, $46, $47, $48), ($49, $50, $51, $52, $53, $54);

-- subjects: names of a subject
select * from "subject_names" where "subject_id" = $1 order by "valid_to" desc nulls first, "created_at" desc;

-- subjects: end the current name
update "subject_names" set "valid_to" = $1 where "subject_id" = $2 and "valid_to" is null;

-- subjects: set the current name
update "subjects" set "name" = $1, "name_key" = $2, "updated_at" = $3 where "id" = $4;

-- subjects: set the status
update "subjects" set "status" = $1, "status_date" = $2, "updated_at" = $3 where "id" = $4;

-- subjects: search gram frequencies
select (select count(*) as "n" from (select 1 as "one" from "subject_name_grams" where "gram" = $1 limit $2) as "postings") as "g0", (select count(*) as "n" from (select 1 as "one" from "subject_name_grams" where "gram" = $3 limit $4) as "postings") as "g1";

-- subjects: search scan of one gram
select "h"."name_id", "h"."subject_id", "h"."search_key", "h"."name_length", "n"."name", "n"."valid_to" from (select "p"."name_id", "p"."subject_id", "p"."search_key", "p"."name_length" from (select "name_id", "subject_id", "search_key", "name_length", "person" from "subject_name_grams" where "gram" = $1 order by "name_length", "name_id" limit $2) as "p" where strpos(p.search_key, $3) > 0 and ("p"."person" = $4 or exists (
  select 1 from entries e join list_types lt on lt.id = e.list_type_id
  where e.subject_id = p.subject_id and e.state = 'in_effect'
    and (e.start_date is null or e.start_date <= $5) and (e.end_date is null or e.end_date >= $6)
    and lt.disclosure @> '{"public": true, "fields": ["subjectName"]}'::jsonb)) order by "p"."name_length", "p"."name_id" limit $7) as "h" inner join "subject_names" as "n" on "n"."id" = "h"."name_id";

-- subjects: search postings beyond the budget
select "name_id" from "subject_name_grams" where "gram" = $1 order by "name_length", "name_id" limit $2 offset $3;

-- subjects: search hits
select "id", "kind", "name", "uscc", "citizen_id_masked", "status" from "subjects" where "id" in ($1, $2);

-- subjects: search by code
select "id", "kind", "name", "uscc", "citizen_id_masked", "status" from "subjects" where "uscc" = $1;

-- subjects: search persons showing masked ids
select distinct "e"."subject_id" from "entries" as "e" inner join "list_types" as "lt" on "lt"."id" = "e"."list_type_id" where "e"."subject_id" in ($1) and "e"."state" = $2 and ("e"."start_date" is null or "e"."start_date" <= $3) and ("e"."end_date" is null or "e"."end_date" >= $4) and lt.disclosure @> '{"public": true, "fields": ["subjectName", "citizenId"]}'::jsonb and lt.disclosure ->> 'personIdentifiers' = 'masked';

-- attachments: sealed under another key, to reseal
select "id", "owner_id", "content" from "attachments" where "owner_stream" = $1 and "sealed" = $2 and "key_id" != $3 order by "id" limit $4 for update skip locked;

-- attachments: resealed
update "attachments" set "content" = $1, "key_id" = $2, "sha256" = $3 where "id" = $4;

-- catalog bootstrap: any department
select "id" from "departments" limit $1;

-- catalog bootstrap: insert a department
insert into "departments" ("id", "code", "name", "kind", "created_at") values ($1, $2, $3, $4, $5);

-- catalog bootstrap: insert scenarios
insert into "scenarios" ("code", "name") values ($1, $2);

-- catalog bootstrap: insert the recording departments of domains
insert into "record_domain_departments" ("domain", "department_id") values ($1, $2);

-- check recorder: checks already recorded
select "check_id" from "check_records" where "check_id" in ($1, $2);

-- check recorder: audit link of a check set aside
select "seq" from "audit_log" where "action" = $1 and "target" = $2;

-- check recorder: last audit sequence number
select "audit_seq" from "ledger_head" where "id" = $1;

-- check recorder: insert a batch

        insert into check_records (check_id, checked_at, department_id, actor, scenario, data_version, stale, subjects, audit_seq)
        select "checkId", "checkedAt", "departmentId", actor, scenario, "dataVersion", stale, subjects, $1::bigint
        from jsonb_to_recordset($2::jsonb) as r("checkId" uuid, "checkedAt" timestamptz, "departmentId" uuid,
          actor text, scenario text, "dataVersion" bigint, stale boolean, subjects jsonb);

-- commitment links: record domain
select "code" from "record_domains" where "code" = $1;

-- commitment links: repair of a commitment
select "id", "department_id", "target_stream", "target_id" from "repairs" where "id" = $1;

-- commitment links: target of a repair
select "target_stream", "target_id" from "repairs" where "id" = $1;

-- commitment links: subject of a record
select "subject_id" from "records" where "id" = $1;

-- commitment links: subject of an entry
select "subject_id" from "entries" where "id" = $1;

-- commitment links: record for update
select * from "records" where "id" = $1 for update;

-- commitment links: restore a record
update "records" set "state" = $1, "ended_reason" = $2, "ended_note" = $3, "ended_at" = $4, "disclosure_end" = $5, "updated_at" = $6 where "id" = $7;

-- dispatch sources: entry
select * from "entries" where "id" = $1;

-- dispatch sources: record
select * from "records" where "id" = $1;

-- dispatch sources: subject as shared
select "id", "kind", "name", "uscc", "citizen_id_masked" from "subjects" where "id" = $1;

-- dispatch sources: list type
select "id", "code", "name", "kind" from "list_types" where "id" = $1;

-- dispatch sources: department
select "id", "code", "name" from "departments" where "id" = $1;

-- dispatch sources: measures of an entry
select "measures"."id", "measures"."code", "measures"."kind", "measures"."title", "measures"."content", "measures"."legal_basis", "measures"."implementing_department_id", "entry_measures"."measure_version" from "entry_measures" inner join "measures" on "measures"."id" = "entry_measures"."measure_id" where "entry_measures"."entry_id" = $1 order by "measures"."code";

-- dispatch sources: sharing scope of a domain
select "code", "name", "sharing" from "record_domains" where "code" = $1;

-- dispatch sources: departments with their kinds
select "id", "code", "kind" from "departments";

-- eligibility: red list types among codes
select "code" from "list_types" where "kind" = $1 and "code" in ($2);

-- entry links: measures by id
select * from "measures" where "id" in ($1, $2);

-- entry links: incentive measures in force
select "id", "version", "list_type_ids", "kind", "active" from "measures" where "kind" = $1 and "active" = $2;

-- entry links: link a related person
insert into "entry_persons" ("entry_id", "person_id", "role") values ($1, $2, $3) on conflict do nothing;

-- entry links: insert the measures of an entry
insert into "entry_measures" ("entry_id", "measure_id", "measure_version") values ($1, $2, $3);

-- entry links: serious record of a subject in effect
select "id", "decision_no" from "records" where "subject_id" = $1 and "state" = $2 and "severity" = $3 and "disclosure_end" >= $4;

-- feedback: entry with its department
select "id", "department_id" from "entries" where "id" = $1;

-- feedback: departments by code
select "id", "code", "name" from "departments" order by "code";

-- records catalog: severity rules
select * from "severity_rules";

-- records catalog: severity rule
select * from "severity_rules" where "severity" = $1;

-- records catalog: severity rule that must exist
select * from "severity_rules" where "severity" = $1;

-- records catalog: severity rule for update
select * from "severity_rules" where "severity" = $1 for update;

-- records catalog: update a severity rule
update "severity_rules" set "min_months" = $1, "max_months" = $2, "disclosed_by_default" = $3, "rule_version" = $4, "source" = $5, "updated_at" = $6 where "severity" = $7;

-- records catalog: domains
select * from "record_domains" order by "code";

-- records catalog: insert a domain unless its code is taken
insert into "record_domains" ("code", "name", "sharing", "disclosure_working_days", "updated_at") values ($1, $2, $3, $4, $5) on conflict ("code") do nothing returning "code";

-- records catalog: domain for update
select * from "record_domains" where "code" = $1 for update;

-- records catalog: lock a domain
select "code" from "record_domains" where "code" = $1 for update;

-- records catalog: whether a domain exists
select "code" from "record_domains" where "code" = $1;

-- records catalog: update a domain
update "record_domains" set "name" = $1, "sharing" = $2, "disclosure_working_days" = $3, "updated_at" = $4 where "code" = $5;

-- records catalog: department codes
select "id", "code" from "departments";

-- records catalog: department references
select "id", "code", "name" from "departments";

-- records catalog: penalty classes
select "penalty_classes"."domain", "record_domains"."name" as "domain_name", "penalty_classes"."penalty_type", "penalty_classes"."severity", "penalty_classes"."updated_by", "penalty_classes"."updated_at" from "penalty_classes" inner join "record_domains" on "record_domains"."code" = "penalty_classes"."domain" order by "penalty_classes"."domain", "penalty_classes"."penalty_type";

-- records catalog: penalty classes of a domain
select "penalty_classes"."domain", "record_domains"."name" as "domain_name", "penalty_classes"."penalty_type", "penalty_classes"."severity", "penalty_classes"."updated_by", "penalty_classes"."updated_at" from "penalty_classes" inner join "record_domains" on "record_domains"."code" = "penalty_classes"."domain" where "penalty_classes"."domain" = $1 order by "penalty_classes"."domain", "penalty_classes"."penalty_type";

-- records catalog: penalty class
select "severity" from "penalty_classes" where "domain" = $1 and "penalty_type" = $2;

-- records catalog: penalty class for update
select "severity" from "penalty_classes" where "domain" = $1 and "penalty_type" = $2 for update;

-- records catalog: set a penalty class
insert into "penalty_classes" ("domain", "penalty_type", "severity", "updated_by", "updated_at") values ($1, $2, $3, $4, $5) on conflict ("domain", "penalty_type") do update set "severity" = $6, "updated_by" = $7, "updated_at" = $8;

-- webhooks: webhook of a delivery
select * from "webhooks" where "id" = $1;

-- webhooks: dispatch of a delivery
select * from "dispatches" where "id" = $1;

-- webhooks: whether a department exists
select "id" from "departments" where "id" = $1;

-- entries: liftings ended before a day
select * from "entries" where "state" = $1 and "measures_lifted" is not null and measures_lifted->>'until' < $2 order by "id" limit $3 for update skip locked;

-- tipoffs: reporters sealed under another key, to reseal
select "id", "reporter_sealed" from "tipoffs" where "reporter_sealed" is not null and "key_id" != $1 order by "id" limit $2 for update skip locked;

-- audit: whether the database has audit rows
select to_regclass('ledger_head') is not null and to_regclass('audit_log') is not null as present;

-- demo: loaded already
select "id" from "users" where "username" = $1;

-- demo: departments
select "id", "code", "name" from "departments";

-- demo: accounts skip the first password change
update "users" set "must_change_password" = $1 where "id" = $2;

-- demo: list type by code
select "id" from "list_types" where "code" = $1;

-- demo: sanctions
select "id", "list_type_ids" from "measures" where "kind" = $1;

-- installation keys: table present
select to_regclass('installation_keys') is not null as present;

-- installation keys: stored fingerprints
select "purpose", "fingerprint" from "installation_keys";

-- installation keys: adopt a fingerprint
insert into "installation_keys" ("purpose", "fingerprint", "adopted_at") values ($1, $2, $3) on conflict ("purpose") do nothing;

-- ledger: current data version
select "data_version" from "ledger_head" where "id" = $1;

-- ledger: events after a version
select "version", "stream", "stream_id", "type", "department_id", "actor", "payload", "occurred_at", "effective_at" from "events" where "version" > $1 order by "version" limit $2;

-- ledger: a notification outside a write
select pg_notify($1, $2);

-- shared: reserve event and audit numbers
update "ledger_head" set "data_version" = data_version + $1, "audit_seq" = audit_seq + $2 where "id" = $3 returning "data_version", "audit_seq", "audit_hash";

-- shared: insert events
insert into "events" ("version", "stream", "stream_id", "type", "department_id", "actor", "payload", "occurred_at", "effective_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- shared: notify listeners of events
select pg_notify($1, $2);

-- shared: insert audit rows
insert into "audit_log" ("seq", "at", "actor", "action", "target", "details", "prev_hash", "hash") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- shared: set the audit chain head
update "ledger_head" set "audit_hash" = $1 where "id" = $2;

-- shared: next serial of a scope
insert into "serials" ("scope", "last") values ($1, $2) on conflict ("scope") do update set "last" = serials.last + 1 returning "last";

-- shared: insert attachments
insert into "attachments" ("id", "owner_stream", "owner_id", "file_name", "content_type", "size", "sha256", "content", "sealed", "key_id", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- shared: attachments of an owner
select "id", "file_name", "content_type", "size", "sha256", "created_at" from "attachments" where "owner_stream" = $1 and "owner_id" = $2 order by "id";

-- shared: one attachment of an owner
select * from "attachments" where "id" = $1 and "owner_stream" = $2 and "owner_id" = $3;

-- applications: insert an objection
insert into "objections" ("id", "application_no", "target_stream", "target_id", "state", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7);

-- applications: insert a repair
insert into "repairs" ("id", "application_no", "kind") values ($1, $2, $3);

-- applications: by id
select * from "objections" where "id" = $1;

-- applications: for update
select * from "repairs" where "id" = $1 for update;

-- applications: by application number
select * from "objections" where "application_no" = $1;

-- applications: update with a decision
update "repairs" set "state" = $1, "updated_at" = $2, "decision" = $3 where "id" = $4;

-- applications: another open one on the target
select "id", "state" from "objections" where "target_stream" = $1 and "target_id" = $2 and "state" in ($3) and "id" != $4;

-- applications: open one on the target
select "id", "state" from "repairs" where "target_stream" = $1 and "target_id" = $2 and "state" in ($3, $4);

-- applications: first page
select * from "objections" order by "created_at" desc, "id" desc limit $1;

-- applications: page with every filter
select * from "repairs" where ("department_id" = $1 or "filed_department_id" = $2) and "state" = $3 and "origin" = $4 and "kind" = $5 and ("created_at", "id") < ($6, $7) order by "created_at" desc, "id" desc limit $8;

-- applications: assign the target
update "objections" set "target_stream" = $1, "target_id" = $2, "department_id" = $3, "updated_at" = $4 where "id" = $5;

-- applications: decided upward filings
select "id", "application_no", "origin", "origin_ref", "state", "decision", "decided_at" from "repairs" where "origin" in ($1) and "decided_at" >= $2 order by "decided_at", "id" limit $3;

-- applications: earliest dates of repairs
select "id", "earliest_date" from "repairs" where "id" in ($1);

-- applications: credit office department
select "id" from "departments" where "kind" = $1 order by "created_at";

-- applications: files of many applications
select "id", "owner_id", "file_name", "content_type", "size", "sha256", "created_at" from "attachments" where "owner_stream" = $1 and "owner_id" in ($2, $3) order by "id";

-- applications: subject by USCC
select "id" from "subjects" where "uscc" = $1;

-- applications: subject by citizen ID digest
select "id" from "subjects" where "citizen_id_digest" = $1;

-- applications: person named by an entry
select "person_id" from "entry_persons" where "entry_id" = $1 and "person_id" = $2;

-- applications: record by id
select * from "records" where "id" = $1;

-- applications: entries by document number
select * from "entries" where "subject_id" = $1 and ("document_no" = $2 or "basis_document_no" = $3);

-- applications: records by decision number
select * from "records" where "subject_id" = $1 and "decision_no" = $2;

-- applications: list type of an entry
select "name", "disclosure", "remedies" from "list_types" where "id" = $1;

-- objections: remedies of a list type
select "remedies" from "list_types" where "id" = $1;

-- public: lock an application number
select pg_advisory_xact_lock(hashtext($1));

-- public: recent failed lookups
select "attempted_at" from "tracking_attempts" where "application_no" = $1 and "attempted_at" > $2 order by "attempted_at";

-- public: record a failed lookup
delete from "tracking_attempts" where "attempted_at" <= $1;
insert into "tracking_attempts" ("application_no", "attempted_at") values ($1, $2);

-- public: tracking hash of an objection
select "tracking_hash" from "objections" where "application_no" = $1;

-- public: objection by number
select "application_no", "state", "decision", "due_date", "created_at", "decided_at" from "objections" where "application_no" = $1;

-- public: repair by number
select "application_no", "kind", "state", "decision", "due_date", "earliest_date", "created_at", "decided_at" from "repairs" where "application_no" = $1;

-- public: tip-off by number
select "application_no", "state", "result", "created_at" from "tipoffs" where "application_no" = $1;

-- repairs: commitment codes
select "id", "code" from "commitments" where "id" in ($1);

-- repairs: kind of a subject
select "kind" from "subjects" where "id" = $1;

-- repairs: name of a list type
select "name" from "list_types" where "id" = $1;

-- tipoffs: insert
insert into "tipoffs" ("id", "application_no", "subject", "department_id", "anonymous", "content", "state", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- tipoffs: by id
select "id", "application_no", "subject", "subject_id", "department_id", "handler_id", "anonymous", "content", "state", "result", "due_from", "due_days", "due_date", "closed_at", "created_at", "updated_at" from "tipoffs" where "id" = $1;

-- tipoffs: for update
select "id", "application_no", "subject", "subject_id", "department_id", "handler_id", "anonymous", "content", "state", "result", "due_from", "due_days", "due_date", "closed_at", "created_at", "updated_at" from "tipoffs" where "id" = $1 for update;

-- tipoffs: sealed reporter
select "anonymous", "reporter_sealed" from "tipoffs" where "id" = $1;

-- tipoffs: update
update "tipoffs" set "state" = $1, "updated_at" = $2 where "id" = $3;

-- tipoffs: first page
select "id", "application_no", "subject", "subject_id", "department_id", "handler_id", "anonymous", "content", "state", "result", "due_from", "due_days", "due_date", "closed_at", "created_at", "updated_at" from "tipoffs" order by "created_at" desc, "id" desc limit $1;

-- tipoffs: page with every filter
select "id", "application_no", "subject", "subject_id", "department_id", "handler_id", "anonymous", "content", "state", "result", "due_from", "due_days", "due_date", "closed_at", "created_at", "updated_at" from "tipoffs" where "department_id" = $1 and "state" = $2 and ("created_at", "id") < ($3, $4) order by "created_at" desc, "id" desc limit $5;

-- tipoffs: attachment counts
select "owner_id", count(*) as "n" from "attachments" where "owner_stream" = $1 and "owner_id" in ($2) group by "owner_id";

-- tipoffs: handlers by id
select "id", "display_name" from "users" where "id" in ($1);

-- tipoffs: files of a tip-off
select * from "attachments" where "owner_stream" = $1 and "owner_id" = $2 order by "file_name";

-- tipoffs: one file of a tip-off
select * from "attachments" where "id" = $1 and "owner_stream" = $2 and "owner_id" = $3;

-- tipoffs: department by code
select "id", "code", "name", "kind" from "departments" where "code" = $1;

-- tipoffs: credit office department
select "id", "code", "name", "kind" from "departments" where "kind" = $1 order by "created_at";

-- tipoffs: user by id
select "id", "display_name", "department_id", "roles", "disabled_at" from "users" where "id" = $1;
