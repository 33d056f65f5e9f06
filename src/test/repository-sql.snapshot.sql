-- check index: entries in effect by id

    select e.id, e.list_type_id, e.reason, e.start_date, e.end_date, e.objection_pending, e.document_no, e.measures_lifted, s.id as subject_id, s.kind, s.name, nullif(s.name_key, s.name) as name_key, s.uscc, s.citizen_id_digest, s.citizen_id_masked
    from entries e
    join subjects s on s.id = e.subject_id
    where e.state = 'in_effect' and e.id = any($1::uuid[]);

-- check index: measures of entries

    select entry_id, measure_id from entry_measures where entry_id = any($1::uuid[]) order by entry_id, measure_id;

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

-- entries: find for update
select * from "entries" where "id" = $1 for update;

-- entries: of a subject in given states
select * from "entries" where "subject_id" = $1 and "kind" = $2 and "state" in ($3);

-- records: find for update
select * from "records" where "id" = $1 for update;

-- dispatch: lock the cursor
select "version" from "job_cursors" where "name" = $1 for update;
insert into "job_cursors" ("name", "version", "updated_at") values ($1, $2, $3) on conflict do nothing;
select "version" from "job_cursors" where "name" = $1 for update;

-- dispatch: events after the cursor
select "version", "stream", "stream_id", "type", "department_id", "payload", "occurred_at", "effective_at" from "events" where "version" > $1 order by "version" limit $2;

-- dispatch: earlier receivers
select distinct "department_id" from "dispatches" where "stream" = $1 and "stream_id" = $2;

-- dispatch: change feed page
select * from "dispatches" where "department_id" = $1 and "event_version" > $2 order by "event_version" limit $3;

-- webhooks: claim due deliveries
select "d"."id" from "webhook_deliveries" as "d" inner join "webhooks" as "w" on "w"."id" = "d"."webhook_id" where "d"."state" = $1 and "w"."disabled_at" is null and "d"."next_attempt_at" <= $2 and ("d"."lease_until" is null or "d"."lease_until" < $3) and not exists (select 1 as "one" from "webhook_deliveries" as "e" where "e"."webhook_id" = "d"."webhook_id" and "e"."state" = $4 and "e"."event_version" < "d"."event_version") order by "d"."next_attempt_at", "d"."event_version" limit $5 for update of "d" skip locked;

-- expiry: claim expired entries
select "id", "kind", "department_id", "state", "end_date" from "entries" where "state" = $1 and "end_date" < $2 order by "end_date", "id" limit $3 for update skip locked;

-- expiry: claim expired records
select "id", "department_id", "state", "disclosure_end" from "records" where "state" = $1 and "disclosure_end" < $2 order by "disclosure_end", "id" limit $3 for update skip locked;

-- objections: another open objection on the target
select "id" from "objections" where "target_stream" = $1 and "target_id" = $2 and "state" = $3 and "id" != $4;

-- reminders: due rows of a department
select "id", "department_id", "due_date", "event_type"::text as "ref", null as "state" from "dispatches" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", "application_no"::text as "ref", null as "state" from "objections" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", "application_no"::text as "ref", "state"::text as "state" from "repairs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", "code"::text as "ref", null as "state" from "commitments" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "id", "department_id", "due_date", null as "ref", null as "state" from "tipoffs" where "closed_at" is null and "due_date" is not null and "due_date" < $1 and "department_id" = $2 order by "due_date", "id" limit $3;
select "entries"."id", "entries"."department_id", "list_types"."name", entries.notice->>'statementDue' as "due", entries.notice->>'documentNo' as "document_no" from "entries" inner join "list_types" on "list_types"."id" = "entries"."list_type_id" where "notice" is not null and (("state" = $1 and entries.notice->>'statementDue' < $2) or ("state" = $3 and entries.notice->>'statementDue' < $4)) and "entries"."department_id" = $5 order by entries.notice->>'statementDue', "entries"."id" limit $6;
