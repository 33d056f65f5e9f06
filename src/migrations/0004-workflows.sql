-- Workflows: dishonesty records, dispatch and webhooks, feedback, objections, repairs, commitments, tip-offs,
-- public filings and deadlines. Items with a deadline share four columns: due_from (day 0), due_days (working days,
-- as configured when the item was created), due_date (the computed last day) and closed_at (null while open), so
-- one query finds every open deadline and a calendar edit recomputes them all.

-- Deadlines in working days, editable by the credit office; each item stores its own copy when created.
create table deadline_settings (
  key text primary key,
  working_days integer not null check (working_days >= 0 and working_days <= 365),
  source text not null,
  updated_by text not null,
  updated_at timestamptz not null
);
insert into deadline_settings (key, working_days, source, updated_by, updated_at) values
  ('feedback', 10, 'rules.md §4：反馈期限，默认 10 个工作日（可配置）', 'system', now()),
  ('objection', 15, 'rules.md §5：异议处理期限，默认 15 个工作日（可配置）', 'system', now()),
  ('withdrawal', 3, 'rules.md §5：变更或撤销后 3 个工作日内撤下公示（行政处罚法第四十八条、第八十五条）', 'system', now()),
  ('repair_acceptance', 3, 'rules.md §6：信用修复受理期限，默认 3 个工作日（可配置）', 'system', now()),
  ('repair_decision', 10, 'rules.md §6：信用修复决定期限，默认 10 个工作日（可配置）', 'system', now()),
  ('tipoff', 20, '举报办理期限：rules.md 未规定，默认 20 个工作日（可配置）', 'system', now()),
  ('disclosure', 7, 'rules.md §8：双公示期限，作出决定之日起 7 个工作日（可配置）', 'system', now()),
  ('reminder_lead', 2, '临期提醒：到期前 2 个工作日起列入待办（可配置）', 'system', now());

-- Application numbers and commitment codes: one counter per scope (e.g. 'YY20261128', 'commitment:37010520261128').
create table serials (
  scope text primary key,
  last bigint not null
);

-- Severity classes of dishonesty records (rules.md §3): periods are catalog data, versioned by rule_version.
create table severity_rules (
  severity text primary key check (severity in ('minor', 'general', 'serious')),
  disclosed_by_default boolean not null,
  -- Months from the decision date before repair may be applied for; null: as soon as the obligation is fulfilled.
  min_months integer check (min_months >= 0),
  max_months integer not null check (max_months > 0),
  rule_version text not null,
  source text not null,
  updated_at timestamptz not null
);
insert into severity_rules values
  ('minor', false, null, 3, '2025-22', '国办发〔2025〕22号、国家发展改革委令第36号：轻微失信信息原则上不公示，最长公示期 3 个月', now()),
  ('general', true, 3, 12, '2025-22', '国办发〔2025〕22号、国家发展改革委令第36号：一般失信信息最短 3 个月、最长 1 年', now()),
  ('serious', true, 12, 36, '2025-22', '国办发〔2025〕22号、国家发展改革委令第36号：严重失信信息最短 1 年、最长 3 年', now());

-- Domains of dishonesty records, each with its sharing scope and its 双公示 disclosure deadline.
create table record_domains (
  code text primary key,
  name text not null,
  sharing jsonb not null,
  disclosure_working_days integer not null check (disclosure_working_days >= 0),
  updated_at timestamptz not null
);
-- Sharing names department codes (or ids), like list types; 'all' shares with every department. 双公示 within 7
-- working days (rules.md §8); market regulation publishes within 20 (SAMR Order No. 45).
insert into record_domains (code, name, sharing, disclosure_working_days, updated_at) values
  ('market_regulation', '市场监管', '{"departments":"all"}', 20, now()),
  ('tax', '税务', '{"departments":"all"}', 7, now()),
  ('ecology_environment', '生态环境', '{"departments":"all"}', 7, now()),
  ('work_safety', '安全生产', '{"departments":"all"}', 7, now()),
  ('transport', '交通运输', '{"departments":"all"}', 7, now()),
  ('housing_construction', '住房城乡建设', '{"departments":"all"}', 7, now()),
  ('human_resources', '人力资源社会保障', '{"departments":"all"}', 7, now()),
  ('food_drug', '食品药品', '{"departments":"all"}', 7, now());

-- The mapping the credit office maintains: (domain, penalty type) → severity class.
create table penalty_classes (
  domain text not null references record_domains(code),
  penalty_type text not null,
  severity text not null check (severity in ('minor', 'general', 'serious')),
  updated_by text not null,
  updated_at timestamptz not null,
  primary key (domain, penalty_type)
);
-- Penalty types of 行政处罚法 Art. 9 by severity class (22号): warning 警告/通报批评 → minor; fine 罚款 and
-- confiscation 没收违法所得、没收非法财物 → general; suspension 暂扣许可证件/责令停产停业, revocation 吊销许可证件 and
-- restriction 限制开展生产经营活动/限制从业 → serious. Each domain regulator may reclassify its own (catalog data).
insert into penalty_classes (domain, penalty_type, severity, updated_by, updated_at)
  select d.code, t.penalty_type, t.severity, 'system', now()
  from record_domains d
  cross join (values ('warning', 'minor'), ('fine', 'general'), ('confiscation', 'general'), ('suspension', 'serious'),
    ('revocation', 'serious'), ('restriction', 'serious')) as t (penalty_type, severity);

-- Dishonesty records (失信信息), chiefly administrative penalty decisions.
create table records (
  id uuid primary key,
  subject_id uuid not null references subjects(id),
  department_id uuid not null references departments(id),
  domain text not null references record_domains(code),
  decision_no text not null,
  decision_date date not null,
  facts text not null,
  basis text not null,
  penalty_type text not null,
  amount numeric(18, 2),
  severity text not null check (severity in ('minor', 'general', 'serious')),
  -- The severity rule as it was when decided: { ruleVersion, minMonths, maxMonths, disclosedByDefault }.
  rule jsonb not null,
  -- Public disclosure: true for general and serious records, for minor ones only when the department decides so.
  disclosed boolean not null,
  earliest_repair_date date,
  -- Last day of public disclosure and sharing (the maximum period).
  disclosure_end date not null,
  -- proposed: a broken commitment awaiting the reviewer; dismissed: the reviewer decided against it.
  state text not null check (state in ('proposed', 'in_effect', 'ended', 'dismissed')),
  ended_reason text check (ended_reason in ('expired', 'repaired', 'revoked', 'corrected')),
  ended_note text,
  ended_at timestamptz,
  objection_pending boolean not null default false,
  -- The repair whose commitment, if broken, restores the record for its maximum period.
  repair_id uuid,
  source_commitment_id uuid,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  last_version bigint not null,
  unique (department_id, decision_no)
);
create index records_subject on records (subject_id, state);
create index records_department on records (department_id, state);
create index records_in_effect on records (state, disclosure_end) where state = 'in_effect';

-- Temporary lifting of an entry's measures (reorganization plan or settlement): { from, until, repairId, reason }.
alter table entries add column measures_lifted jsonb;

-- Which events the dispatcher and other followers of the event log have handled (one row per follower).
create table job_cursors (
  name text primary key,
  version bigint not null,
  updated_at timestamptz not null
);
insert into job_cursors (name, version, updated_at) values ('dispatch', 0, now());

-- Dispatch items (推送): one per receiving department and change, in event order.
create table dispatches (
  id uuid primary key,
  department_id uuid not null references departments(id),
  stream text not null check (stream in ('entry', 'record')),
  stream_id uuid not null,
  event_version bigint not null,
  event_type text not null,
  -- The change as the receiving department sees it (presented, identifiers masked).
  change jsonb not null,
  created_at timestamptz not null,
  feedback_required boolean not null,
  due_from date,
  due_days integer,
  due_date date,
  closed_at timestamptz,
  unique (department_id, event_version)
);
create index dispatches_stream on dispatches (stream, stream_id);
create index dispatches_open on dispatches (department_id, due_date) where closed_at is null;

create table webhooks (
  id uuid primary key,
  department_id uuid not null references departments(id),
  url text not null,
  -- The signing secret sealed under the server key (shared/aead.ts): the server must read it to sign.
  secret_sealed text not null,
  created_by text not null,
  created_at timestamptz not null,
  disabled_at timestamptz
);
create index webhooks_department on webhooks (department_id) where disabled_at is null;

create table webhook_deliveries (
  id uuid primary key,
  webhook_id uuid not null references webhooks(id),
  dispatch_id uuid not null references dispatches(id),
  event_version bigint not null,
  idempotency_key text not null,
  state text not null check (state in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  give_up_at timestamptz not null,
  last_status integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  unique (webhook_id, dispatch_id)
);
create index webhook_deliveries_due on webhook_deliveries (webhook_id, event_version) where state = 'pending';

create table webhook_attempts (
  id uuid primary key,
  delivery_id uuid not null references webhook_deliveries(id),
  attempted_at timestamptz not null,
  status integer,
  error text,
  duration_ms integer not null,
  manual boolean not null default false
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at);

-- Private, loopback and link-local targets an administrator allows (a host name or a CIDR block).
create table egress_allowlist (
  id uuid primary key,
  pattern text not null unique,
  note text not null,
  created_by text not null,
  created_at timestamptz not null
);

-- Feedback (反馈): what an implementing department did with a dispatch item or a check.
create table feedback (
  id uuid primary key,
  department_id uuid not null references departments(id),
  dispatch_id uuid references dispatches(id),
  check_id uuid,
  entry_id uuid references entries(id),
  measure_id uuid references measures(id),
  applied boolean not null,
  not_applied_reason text,
  matter_name text not null,
  matter_no text not null,
  handled_date date not null,
  result text not null,
  on_time boolean,
  created_by text not null,
  created_at timestamptz not null,
  check ((dispatch_id is null) <> (check_id is null))
);
create index feedback_department on feedback (department_id, created_at);
create index feedback_entry on feedback (entry_id);
-- One feedback per measure of an item or check; inbox counts and statistics join on the item.
create unique index feedback_dispatch on feedback (dispatch_id, measure_id) where dispatch_id is not null;
create unique index feedback_check on feedback (check_id, measure_id) where check_id is not null;

-- Files sent with public filings; a tip-off's are sealed (shared/aead.ts) and readable only by its handler.
create table attachments (
  id uuid primary key,
  owner_stream text not null check (owner_stream in ('objection', 'repair', 'tipoff', 'commitment')),
  owner_id uuid not null,
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  sealed boolean not null,
  key_id text,
  created_at timestamptz not null
);
create index attachments_owner on attachments (owner_stream, owner_id);

-- Objections (异议) against an entry or a record.
create table objections (
  id uuid primary key,
  application_no text not null unique,
  target_stream text check (target_stream in ('entry', 'record')),
  target_id uuid,
  -- The department that decided (谁决定、谁负责); the credit office when a public filing matches nothing.
  department_id uuid not null references departments(id),
  origin text not null check (origin in ('department', 'public', 'credit_china', 'provincial')),
  origin_ref text,
  filed_by text not null,
  -- The department through which it was filed (it may follow the application too); null for public filings.
  filed_department_id uuid references departments(id),
  party jsonb not null,
  content text not null,
  state text not null check (state in ('received', 'accepted', 'rejected', 'withdrawn')),
  decision jsonb,
  decided_at timestamptz,
  tracking_hash text,
  due_from date not null,
  due_days integer not null,
  due_date date not null,
  closed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index objections_target on objections (target_stream, target_id);
create index objections_open on objections (department_id, due_date) where closed_at is null;
create index objections_upward on objections (origin, decided_at) where origin in ('credit_china', 'provincial');

-- Credit repairs (信用修复), including temporary lifting under a reorganization plan or settlement.
create table repairs (
  id uuid primary key,
  application_no text not null unique,
  kind text not null check (kind in ('repair', 'reorganization')),
  target_stream text check (target_stream in ('entry', 'record')),
  target_id uuid,
  department_id uuid not null references departments(id),
  origin text not null check (origin in ('department', 'public', 'credit_china', 'provincial')),
  origin_ref text,
  filed_by text not null,
  filed_department_id uuid references departments(id),
  party jsonb not null,
  proof text not null,
  -- The commitment as written by the applicant; the commitments row is made once the target is known and accepted.
  commitment_text text not null,
  commitment_id uuid,
  -- Reorganization: the court's document approving the plan or settlement.
  court_document_no text,
  -- Refused as too early: the first day on which it may be filed.
  earliest_date date,
  -- received → accepted → approved | rejected; refused: filed before the minimum period (with the date).
  state text not null check (state in ('received', 'accepted', 'approved', 'rejected', 'refused', 'withdrawn')),
  decision jsonb,
  accepted_at timestamptz,
  decided_at timestamptz,
  tracking_hash text,
  due_from date not null,
  due_days integer not null,
  due_date date not null,
  closed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index repairs_target on repairs (target_stream, target_id);
create index repairs_open on repairs (department_id, due_date) where closed_at is null;
create index repairs_upward on repairs (origin, decided_at) where origin in ('credit_china', 'provincial');

-- Credit commitments (信用承诺), rules.md §7.
create table commitments (
  id uuid primary key,
  code text not null unique check (length(code) = 20),
  subject_id uuid not null references subjects(id),
  department_id uuid not null references departments(id),
  type text not null check (type in ('approval_substitute', 'accept_with_commitment', 'certification', 'repair', 'self_discipline', 'voluntary', 'other')),
  content text not null,
  liability text not null,
  term_start date not null,
  term_end date,
  matter jsonb,
  state text not null check (state in ('open', 'fulfilled', 'partially_fulfilled', 'unfulfilled')),
  fulfilment jsonb,
  record_id uuid references records(id),
  repair_id uuid references repairs(id),
  due_from date,
  due_days integer,
  due_date date,
  closed_at timestamptz,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index commitments_subject on commitments (subject_id);
create index commitments_open on commitments (department_id, due_date) where closed_at is null;

-- Eligibility rules for green-channel handling and 容缺受理, configured by the credit office.
create table eligibility_rules (
  id uuid primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('red_list', 'clean_record')),
  params jsonb not null,
  grants jsonb not null,
  active boolean not null,
  updated_by text not null,
  updated_at timestamptz not null
);

-- Tip-offs (举报). The reporter's identity and contact are sealed under the tip-off key (never in this database).
create table tipoffs (
  id uuid primary key,
  application_no text not null unique,
  subject jsonb not null,
  subject_id uuid references subjects(id),
  department_id uuid not null references departments(id),
  handler_id uuid references users(id),
  anonymous boolean not null,
  reporter_sealed text,
  key_id text,
  content text not null,
  state text not null check (state in ('received', 'accepted', 'transferred', 'verified', 'closed')),
  result jsonb,
  tracking_hash text not null,
  due_from date not null,
  due_days integer not null,
  due_date date not null,
  closed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index tipoffs_open on tipoffs (department_id, due_date) where closed_at is null;

-- Failed tracking attempts per application number, counted across processes.
create table tracking_attempts (
  application_no text not null,
  attempted_at timestamptz not null
);
create index tracking_attempts_recent on tracking_attempts (application_no, attempted_at);

-- Commitments (rules.md §7): a broken credit commitment becomes a dishonesty record of penalty type
-- 'commitment_breach', classed 一般 (general) in every domain seeded above. The credit office may change the class
-- per domain; a domain added later needs its own row before a broken commitment can be recorded in it.
insert into penalty_classes (domain, penalty_type, severity, updated_by, updated_at)
  select code, 'commitment_breach', 'general', 'system', now() from record_domains
  on conflict (domain, penalty_type) do nothing;
