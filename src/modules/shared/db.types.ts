import type { ColumnType } from 'kysely';
import type { WorkflowTables } from './db.workflows.types.ts';

/** jsonb: parsed on read; written as a JSON string (see `json()` in shared/json.ts). */
export type Json<T> = ColumnType<T, string, string>;
export type JsonNullable<T> = ColumnType<T | null, string | null, string | null>;
/** date: always 'YYYY-MM-DD'. */
export type DateString = string;
export type Instant = Date;

export interface DepartmentsTable {
  id: string;
  code: string;
  name: string;
  kind: 'credit_office' | 'department';
  created_at: Instant;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  department_id: string;
  roles: Json<string[]>;
  password_hash: string;
  must_change_password: boolean;
  disabled_at: Instant | null;
  created_at: Instant;
  password_changed_at: Instant;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
  revoked_reason: string | null;
}

export interface ApiKeysTable {
  id: string;
  prefix: string;
  secret_hash: string;
  name: string;
  department_id: string;
  created_by: string | null;
  created_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
}

export interface LoginAttemptsTable {
  username: string;
  address: string;
  attempted_at: Instant;
}

export interface ScenariosTable {
  code: string;
  name: string;
}

export interface ListTypesTable {
  id: string;
  code: string;
  kind: 'red' | 'black';
  name: string;
  version: number;
  legal_basis: string;
  basis_level: string;
  identifying_department_id: string;
  criteria: string;
  period_months: number;
  early_removal_months: number | null;
  removal_conditions: string;
  removal_procedure: string;
  remedies: string;
  statement_period_working_days: number;
  disclosure: Json<{ public: boolean; fields: string[]; personIdentifiers: 'masked' | 'hidden' }>;
  sharing: Json<{ departments: 'all' | string[] }>;
  source_note: string;
  /** Serious cases of this list type are shown on the public exposure page (曝光台); migration 0015. */
  exposed: ColumnType<boolean, boolean | undefined, boolean | undefined>;
  updated_at: Instant;
}

export interface CatalogVersionsTable {
  version: number;
  snapshot: Json<Record<string, unknown>>;
  changed_by: string;
  changed_at: Instant;
}
export type ListTypeVersionsTable = CatalogVersionsTable & { list_type_id: string };
export type MeasureVersionsTable = CatalogVersionsTable & { measure_id: string };

export interface MeasuresTable {
  id: string;
  code: string;
  kind: 'incentive' | 'sanction';
  version: number;
  title: string;
  content: string;
  legal_basis: string;
  implementing_department_id: string;
  list_type_ids: Json<string[]>;
  subject_roles: Json<string[]>;
  scenarios: Json<string[]>;
  seed_item: string | null;
  active: boolean;
  updated_at: Instant;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  updated_at: Instant;
}
export interface CalendarDaysTable {
  day: DateString;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface SubjectsTable {
  id: string;
  kind: 'organization' | 'individual_business' | 'person';
  name: string;
  name_key: string;
  uscc: string | null;
  citizen_id_digest: string | null;
  citizen_id_masked: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** 存续 'active' or 注销 'deregistered' (defaults to active), with the day it took effect. */
  status: ColumnType<'active' | 'deregistered', 'active' | 'deregistered' | undefined>;
  status_date: ColumnType<DateString | null, DateString | null | undefined>;
}
/** Every name a subject has borne; the current one has valid_to null. */
export interface SubjectNamesTable {
  id: string;
  subject_id: string;
  name: string;
  search_key: string;
  valid_from: DateString | null;
  valid_to: DateString | null;
  created_at: Instant;
}
/** Bigram postings of the name search (derived from subject_names). */
export interface SubjectNameGramsTable {
  gram: string;
  name_length: number;
  name_id: string;
  subject_id: string;
  search_key: string;
  person: boolean;
}
export interface SubjectIdentitiesTable {
  subject_id: string;
  citizen_id: string;
}
export interface RelatedPersonsTable {
  organization_id: string;
  person_id: string;
  role: string;
  created_at: Instant;
}

export interface EntriesTable {
  id: string;
  kind: 'red' | 'black';
  list_type_id: string;
  list_type_version: number;
  subject_id: string;
  department_id: string;
  state: string;
  reason: string;
  notice: JsonNullable<Record<string, unknown>>;
  statement: JsonNullable<Record<string, unknown>>;
  decision: JsonNullable<Record<string, unknown>>;
  review: JsonNullable<Record<string, unknown>>;
  decision_date: DateString | null;
  document_no: string | null;
  basis_document_no: string | null;
  basis_document_date: DateString | null;
  start_date: DateString | null;
  end_date: DateString | null;
  period_rule: JsonNullable<Record<string, unknown>>;
  ended_reason: string | null;
  ended_note: string | null;
  ended_at: Instant | null;
  objection_pending: boolean;
  /** Temporary lifting under a reorganization plan or settlement: { from, until, repairId, reason }. */
  measures_lifted: JsonNullable<Record<string, unknown>>;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  last_version: ColumnType<bigint, bigint | string, bigint | string>;
}
export interface EntryPersonsTable {
  entry_id: string;
  person_id: string;
  role: string;
}
export interface EntryMeasuresTable {
  entry_id: string;
  measure_id: string;
  measure_version: number;
}

export interface LedgerHeadTable {
  id: number;
  data_version: ColumnType<bigint, never, bigint | string>;
  audit_seq: ColumnType<bigint, never, bigint | string>;
  audit_hash: string;
}

export interface EventsTable {
  version: ColumnType<bigint, bigint | string, never>;
  stream: string;
  stream_id: string;
  type: string;
  department_id: string | null;
  actor: string;
  payload: Json<Record<string, unknown>>;
  occurred_at: Instant;
  effective_at: Instant;
}

export interface AuditLogTable {
  seq: ColumnType<bigint, bigint | string, never>;
  at: Instant;
  actor: string;
  action: string;
  target: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}
export interface AuditCheckpointsTable {
  seq: ColumnType<bigint, bigint | string, never>;
  hash: string;
  signed_at: Instant;
  key_id: string;
  signature: string;
}

export interface CheckRecordsTable {
  check_id: string;
  checked_at: Instant;
  department_id: string;
  actor: string;
  scenario: string | null;
  data_version: ColumnType<bigint, bigint | string, never>;
  stale: boolean;
  subjects: Json<unknown[]>;
  audit_seq: ColumnType<bigint, bigint | string, never>;
}

/** Fingerprints of the server and tip-off keys this database was set up with (purpose 'server' or 'tipoff:<id>'). */
export interface InstallationKeysTable {
  purpose: string;
  fingerprint: string;
  adopted_at: Instant;
}

export interface DB extends WorkflowTables {
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  scenarios: ScenariosTable;
  list_types: ListTypesTable;
  list_type_versions: ListTypeVersionsTable;
  measures: MeasuresTable;
  measure_versions: MeasureVersionsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  subjects: SubjectsTable;
  subject_identities: SubjectIdentitiesTable;
  subject_names: SubjectNamesTable;
  subject_name_grams: SubjectNameGramsTable;
  related_persons: RelatedPersonsTable;
  entries: EntriesTable;
  entry_persons: EntryPersonsTable;
  entry_measures: EntryMeasuresTable;
  ledger_head: LedgerHeadTable;
  events: EventsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  check_records: CheckRecordsTable;
  installation_keys: InstallationKeysTable;
}
