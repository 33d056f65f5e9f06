-- Core schema: departments and access, catalog, calendar, subjects, entries, the event log, audit and checks.
-- Identifiers are UUIDv7 made by the application. Nothing here is ever deleted: ending is a state.

create table departments (
  id uuid primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('credit_office', 'department')),
  created_at timestamptz not null
);

create table users (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  department_id uuid not null references departments(id),
  roles jsonb not null,
  password_hash text not null,
  must_change_password boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null,
  password_changed_at timestamptz not null
);

create table sessions (
  id uuid primary key,
  token_hash text not null unique,
  user_id uuid not null references users(id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index sessions_user on sessions (user_id) where revoked_at is null;

create table api_keys (
  id uuid primary key,
  prefix text not null unique,
  secret_hash text not null,
  name text not null,
  department_id uuid not null references departments(id),
  created_by uuid references users(id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz
);

-- Failed logins, counted across processes for rate limiting.
create table login_attempts (
  username text not null,
  attempted_at timestamptz not null
);
create index login_attempts_recent on login_attempts (username, attempted_at);

create table scenarios (
  code text primary key,
  name text not null
);

create table list_types (
  id uuid primary key,
  code text not null unique,
  kind text not null check (kind in ('red', 'black')),
  name text not null,
  version integer not null,
  legal_basis text not null,
  basis_level text not null check (basis_level in ('law', 'regulation', 'central_policy', 'ministry_rule', 'local_regulation')),
  identifying_department_id uuid not null references departments(id),
  criteria text not null,
  period_months integer not null check (period_months > 0),
  early_removal_months integer check (early_removal_months >= 0),
  removal_conditions text not null,
  removal_procedure text not null,
  remedies text not null,
  statement_period_working_days integer not null check (statement_period_working_days >= 0),
  disclosure jsonb not null,
  sharing jsonb not null,
  source_note text not null,
  updated_at timestamptz not null
);

-- Every version of a list type as it was, so an entry decided under version N can be shown with its rules.
create table list_type_versions (
  list_type_id uuid not null references list_types(id),
  version integer not null,
  snapshot jsonb not null,
  changed_by text not null,
  changed_at timestamptz not null,
  primary key (list_type_id, version)
);

create table measures (
  id uuid primary key,
  code text not null unique,
  kind text not null check (kind in ('incentive', 'sanction')),
  version integer not null,
  title text not null,
  content text not null,
  legal_basis text not null,
  implementing_department_id uuid not null references departments(id),
  list_type_ids jsonb not null,
  subject_roles jsonb not null,
  scenarios jsonb not null,
  seed_item text,
  active boolean not null default true,
  updated_at timestamptz not null
);

create table measure_versions (
  measure_id uuid not null references measures(id),
  version integer not null,
  snapshot jsonb not null,
  changed_by text not null,
  changed_at timestamptz not null,
  primary key (measure_id, version)
);

create table calendar_years (
  year integer primary key,
  source text not null,
  updated_at timestamptz not null
);

create table calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null
);

create table subjects (
  id uuid primary key,
  kind text not null check (kind in ('organization', 'individual_business', 'person')),
  name text not null,
  name_key text not null,
  uscc text unique,
  -- Persons are found by a keyed digest of the ID number; the number itself lives only in subject_identities.
  citizen_id_digest text unique,
  citizen_id_masked text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((kind = 'person') = (citizen_id_digest is not null)),
  check ((kind = 'person') = (uscc is null))
);
create index subjects_name_key on subjects (name_key);

-- Restricted: the only table holding ID numbers in clear.
create table subject_identities (
  subject_id uuid primary key references subjects(id),
  citizen_id text not null
);

create table related_persons (
  organization_id uuid not null references subjects(id),
  person_id uuid not null references subjects(id),
  role text not null check (role in ('legalRepresentative', 'principal', 'responsiblePerson')),
  created_at timestamptz not null,
  primary key (organization_id, person_id, role)
);

create table entries (
  id uuid primary key,
  kind text not null check (kind in ('red', 'black')),
  list_type_id uuid not null references list_types(id),
  list_type_version integer not null,
  subject_id uuid not null references subjects(id),
  department_id uuid not null references departments(id),
  state text not null,
  reason text not null,
  notice jsonb,
  statement jsonb,
  decision jsonb,
  review jsonb,
  decision_date date,
  basis_document_no text,
  basis_document_date date,
  start_date date,
  end_date date,
  period_rule jsonb,
  ended_reason text check (ended_reason in ('expired', 'repaired', 'revoked', 'corrected', 'rejected', 'superseded_by_black')),
  ended_note text,
  ended_at timestamptz,
  objection_pending boolean not null default false,
  created_by uuid not null references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  last_version bigint not null
);
create index entries_subject on entries (subject_id, state);
create index entries_department on entries (department_id, state);
create index entries_in_effect on entries (state, end_date) where state = 'in_effect';

-- Persons a decision names, with their role (落实到人).
create table entry_persons (
  entry_id uuid not null references entries(id),
  person_id uuid not null references subjects(id),
  role text not null check (role in ('legalRepresentative', 'principal', 'responsiblePerson')),
  primary key (entry_id, person_id, role)
);

create table entry_measures (
  entry_id uuid not null references entries(id),
  measure_id uuid not null references measures(id),
  measure_version integer not null,
  primary key (entry_id, measure_id)
);

-- One row holds the heads of the event log and of the audit chain. Writers lock it as the last step of their
-- transaction, so data versions and audit sequence numbers are assigned and committed in one order, with no gaps.
create table ledger_head (
  id integer primary key check (id = 1),
  data_version bigint not null,
  audit_seq bigint not null,
  audit_hash text not null
);
insert into ledger_head (id, data_version, audit_seq, audit_hash)
values (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table events (
  version bigint primary key,
  stream text not null,
  stream_id uuid not null,
  type text not null,
  department_id uuid,
  actor text not null,
  payload jsonb not null,
  occurred_at timestamptz not null,
  effective_at timestamptz not null
);
create index events_stream on events (stream, stream_id, version);

create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor text not null,
  action text not null,
  target text,
  details jsonb not null,
  prev_hash text not null,
  hash text not null
);

create table audit_checkpoints (
  seq bigint primary key,
  hash text not null,
  signed_at timestamptz not null,
  key_id text not null,
  signature text not null
);

create table check_records (
  check_id uuid primary key,
  checked_at timestamptz not null,
  department_id uuid not null references departments(id),
  actor text not null,
  scenario text,
  data_version bigint not null,
  stale boolean not null,
  subjects jsonb not null,
  audit_seq bigint not null
);
create index check_records_department on check_records (department_id, checked_at);
