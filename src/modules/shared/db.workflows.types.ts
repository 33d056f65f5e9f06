import type { ColumnType } from 'kysely';
import type { DateString, Instant, Json, JsonNullable } from './db.types.ts';

// Tables of migration 0004 (workflows). Kept apart from db.types.ts so each file stays readable.

type Version = ColumnType<bigint, bigint | string, bigint | string>;
export type Severity = 'minor' | 'general' | 'serious';
export type Origin = 'department' | 'public' | 'credit_china' | 'provincial';

/**
 * Columns every item with a deadline has (docs/domain/rules.md §10: stored when created, recomputed on a
 * calendar edit).
 */
/** due_date is null while the year it falls in has no calendar (decision 0009, migration 0008). */
export interface DueColumns {
  due_from: DateString;
  due_days: number;
  due_date: DateString | null;
  closed_at: Instant | null;
}
type OptionalDue = { [K in keyof DueColumns]: DueColumns[K] | null };

export interface DeadlineSettingsTable {
  key: string;
  working_days: number;
  source: string;
  updated_by: string;
  updated_at: Instant;
}
export interface SiteSettingsTable {
  key: 'site_name';
  value: string;
  updated_by: string;
  updated_at: Instant;
}
export interface SerialsTable {
  scope: string;
  last: Version;
}

export interface SeverityRulesTable {
  severity: Severity;
  disclosed_by_default: boolean;
  min_months: number | null;
  max_months: number;
  rule_version: string;
  source: string;
  updated_at: Instant;
}
export interface RecordDomainsTable {
  code: string;
  name: string;
  sharing: Json<{ departments: 'all' | string[] }>;
  disclosure_working_days: number;
  updated_at: Instant;
}
/** Departments that may record in a domain (migration 0009), set by the credit office. */
export interface RecordDomainDepartmentsTable {
  domain: string;
  department_id: string;
}
export interface PenaltyClassesTable {
  domain: string;
  penalty_type: string;
  severity: Severity;
  updated_by: string;
  updated_at: Instant;
}

/**
 * 双公示 (docs/domain/rules.md §8): a penalty decision must be disclosed within the domain's working days of its date. Set
 * when a department records the decision; dueDate null where that year's calendar is not loaded.
 */
export interface RecordPublication {
  workingDays: number;
  dueDate: string | null;
  late: boolean | null;
}
export interface RecordRule {
  ruleVersion: string;
  minMonths: number | null;
  maxMonths: number;
  disclosedByDefault: boolean;
  /** Absent on records made before it was recorded, and on records proposed from a broken commitment. */
  publication?: RecordPublication;
}
export interface RecordsTable {
  id: string;
  subject_id: string;
  department_id: string;
  domain: string;
  decision_no: string;
  decision_date: DateString;
  facts: string;
  basis: string;
  penalty_type: string;
  amount: string | null;
  severity: Severity;
  rule: Json<RecordRule>;
  disclosed: boolean;
  earliest_repair_date: DateString | null;
  disclosure_end: DateString;
  state: 'proposed' | 'in_effect' | 'ended' | 'dismissed';
  ended_reason: 'expired' | 'repaired' | 'revoked' | 'corrected' | null;
  ended_note: string | null;
  ended_at: Instant | null;
  objection_pending: boolean;
  repair_id: string | null;
  source_commitment_id: string | null;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  last_version: Version;
}

export interface JobCursorsTable {
  name: string;
  version: Version;
  updated_at: Instant;
}

export interface DispatchesTable extends OptionalDue {
  id: string;
  department_id: string;
  stream: 'entry' | 'record';
  stream_id: string;
  event_version: Version;
  event_type: string;
  change: Json<Record<string, unknown>>;
  created_at: Instant;
  feedback_required: boolean;
}
export interface WebhooksTable {
  id: string;
  department_id: string;
  url: string;
  secret_sealed: string;
  created_by: string;
  created_at: Instant;
  disabled_at: Instant | null;
}
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  dispatch_id: string;
  event_version: Version;
  idempotency_key: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  give_up_at: Instant;
  last_status: number | null;
  last_error: string | null;
  created_at: Instant;
  delivered_at: Instant | null;
}
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: Instant;
  status: number | null;
  error: string | null;
  duration_ms: number;
  manual: boolean;
}
export interface EgressAllowlistTable {
  id: string;
  pattern: string;
  note: string;
  created_by: string;
  created_at: Instant;
}

export interface FeedbackTable {
  id: string;
  department_id: string;
  dispatch_id: string | null;
  check_id: string | null;
  entry_id: string | null;
  measure_id: string | null;
  applied: boolean;
  not_applied_reason: string | null;
  matter_name: string;
  matter_no: string;
  handled_date: DateString;
  result: string;
  on_time: boolean | null;
  created_by: string;
  created_at: Instant;
}

export interface AttachmentsTable {
  id: string;
  owner_stream: 'objection' | 'repair' | 'tipoff' | 'commitment';
  owner_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  sealed: boolean;
  key_id: string | null;
  created_at: Instant;
}

export interface ObjectionsTable extends DueColumns {
  id: string;
  application_no: string;
  target_stream: 'entry' | 'record' | null;
  target_id: string | null;
  department_id: string;
  origin: Origin;
  origin_ref: string | null;
  filed_by: string;
  filed_department_id: string | null;
  party: Json<Record<string, unknown>>;
  content: string;
  state: 'received' | 'accepted' | 'rejected' | 'withdrawn';
  decision: JsonNullable<Record<string, unknown>>;
  decided_at: Instant | null;
  tracking_hash: string | null;
  created_at: Instant;
  updated_at: Instant;
}
export interface RepairsTable extends DueColumns {
  id: string;
  application_no: string;
  kind: 'repair' | 'reorganization';
  target_stream: 'entry' | 'record' | null;
  target_id: string | null;
  department_id: string;
  origin: Origin;
  origin_ref: string | null;
  filed_by: string;
  filed_department_id: string | null;
  party: Json<Record<string, unknown>>;
  proof: string;
  commitment_text: string;
  commitment_id: string | null;
  court_document_no: string | null;
  earliest_date: DateString | null;
  state: 'received' | 'accepted' | 'approved' | 'rejected' | 'refused' | 'withdrawn';
  decision: JsonNullable<Record<string, unknown>>;
  accepted_at: Instant | null;
  decided_at: Instant | null;
  tracking_hash: string | null;
  created_at: Instant;
  updated_at: Instant;
}
export type CommitmentType =
  | 'approval_substitute'
  | 'accept_with_commitment'
  | 'certification'
  | 'repair'
  | 'self_discipline'
  | 'voluntary'
  | 'other';
export interface CommitmentsTable extends OptionalDue {
  id: string;
  code: string;
  subject_id: string;
  department_id: string;
  type: CommitmentType;
  content: string;
  liability: string;
  term_start: DateString;
  term_end: DateString | null;
  matter: JsonNullable<Record<string, unknown>>;
  state: 'open' | 'fulfilled' | 'partially_fulfilled' | 'unfulfilled' | 'lapsed';
  fulfilment: JsonNullable<Record<string, unknown>>;
  record_id: string | null;
  repair_id: string | null;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
}
export interface EligibilityRulesTable {
  id: string;
  code: string;
  name: string;
  kind: 'red_list' | 'clean_record';
  params: Json<Record<string, unknown>>;
  grants: Json<('green_channel' | 'accept_with_commitment')[]>;
  active: boolean;
  updated_by: string;
  updated_at: Instant;
}
export interface TipoffsTable extends DueColumns {
  id: string;
  application_no: string;
  subject: Json<Record<string, unknown>>;
  subject_id: string | null;
  department_id: string;
  handler_id: string | null;
  anonymous: boolean;
  reporter_sealed: string | null;
  key_id: string | null;
  content: string;
  state: 'received' | 'accepted' | 'transferred' | 'verified' | 'closed';
  result: JsonNullable<Record<string, unknown>>;
  tracking_hash: string;
  created_at: Instant;
  updated_at: Instant;
}
/** Scheduled jobs (migration 0007): the claim and lease, the next due time and how the last run ended. */
export interface JobsTable {
  name: string;
  interval_ms: number;
  next_run_at: Instant;
  lease_owner: string | null;
  lease_until: Instant | null;
  last_started_at: Instant | null;
  last_finished_at: Instant | null;
  last_duration_ms: number | null;
  last_error: string | null;
  last_result: JsonNullable<unknown>;
  runs: ColumnType<bigint, never, bigint | string>;
  failures: ColumnType<bigint, never, bigint | string>;
}
export interface TrackingAttemptsTable {
  application_no: string;
  attempted_at: Instant;
}

export interface WorkflowTables {
  deadline_settings: DeadlineSettingsTable;
  site_settings: SiteSettingsTable;
  serials: SerialsTable;
  severity_rules: SeverityRulesTable;
  record_domains: RecordDomainsTable;
  record_domain_departments: RecordDomainDepartmentsTable;
  penalty_classes: PenaltyClassesTable;
  records: RecordsTable;
  job_cursors: JobCursorsTable;
  jobs: JobsTable;
  dispatches: DispatchesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  egress_allowlist: EgressAllowlistTable;
  feedback: FeedbackTable;
  attachments: AttachmentsTable;
  objections: ObjectionsTable;
  repairs: RepairsTable;
  commitments: CommitmentsTable;
  eligibility_rules: EligibilityRulesTable;
  tipoffs: TipoffsTable;
  tracking_attempts: TrackingAttemptsTable;
}
