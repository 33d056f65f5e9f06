// The front of the shared module: what other modules may use. Everything else in this folder is its own.
// Zod's messages in Chinese for every schema, wherever the kernel is loaded (validation-messages.ts).
import './validation-messages.ts';
export { hasRole, requireRole, seesAllDepartments, systemActor, USER_ROLES } from './actor.ts';
export type { Actor, Role } from './actor.ts';
export { derivedRing, open, seal, sealedKeyId, SealError } from './aead.ts';
export type { KeyRing } from './aead.ts';
export { insertAttachments, sealedAttachmentsUnderOtherKeys, updateAttachmentSeal } from './attachments.repository.ts';
export {
  Attachment,
  ATTACHMENT_BODY_LIMIT,
  attachmentDisposition,
  AttachmentsInput,
  decodeAttachments,
  readAttachment,
  storeAttachments,
} from './attachments.ts';
export type { AttachmentInput, DecodedAttachment } from './attachments.ts';
export { checkBatchHash, CheckBatchHasher, checkBatchJson, checkRecordForHash } from './check-batch-hash.ts';
export type { CheckRecordRow } from './check-batch-hash.ts';
export { clockFrom, ManualClock, systemClock } from './clock.ts';
export type { Clock } from './clock.ts';
export type { Config } from './config.ts';
export type { Job, ModuleContext, SyncStatus } from './context.ts';
export { DateString } from './dates.schemas.ts';
export type {
  DB,
  DepartmentsTable,
  EntriesTable,
  EventsTable,
  ListTypesTable,
  MeasuresTable,
  ScenariosTable,
  SubjectNamesTable,
  SubjectsTable,
} from './db.types.ts';
export type {
  CommitmentsTable,
  CommitmentType,
  DeadlineSettingsTable,
  DispatchesTable,
  EgressAllowlistTable,
  EligibilityRulesTable,
  FeedbackTable,
  JobsTable,
  ObjectionsTable,
  Origin,
  PenaltyClassesTable,
  RecordDomainDepartmentsTable,
  RecordDomainsTable,
  RecordPublication,
  RecordRule,
  RecordsTable,
  RepairsTable,
  Severity,
  SeverityRulesTable,
  TipoffsTable,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from './db.workflows.types.ts';
export {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  unauthorized,
  unavailable,
  unprocessable,
} from './errors.ts';
export { freeText, isFreeText } from './free-text.ts';
export { actorOf, withActor } from './http.ts';
export type { App, RoutePlugin } from './http.ts';
export {
  citizenIdCheckCharacter,
  inspectIdentifier,
  maskCitizenId,
  maskIdentifier,
  normalizeIdentifierInput,
  redactIdentifiersInText,
  usccCheckCharacter,
  usccKind,
  validateCitizenId,
  validateUscc,
} from './identifiers.ts';
export type { IdentifierValidation } from './identifiers.ts';
export { uuidv7 } from './ids.ts';
export { json, stableStringify } from './json.ts';
export { byCreation, decodeCursor, pageOf, pageParams, toPage } from './keyset.ts';
export { appendToLedger, auditHash, EVENTS_CHANNEL, write } from './ledger.ts';
export { currentDataVersion, eventsAfter, sendNotification } from './ledger.repository.ts';
export type { EventRow, Executor, Write } from './ledger.ts';
export { addMonthsCivil, partyDeadlineEnd } from './periods.ts';
export { createSecrets, loadSecretKey, SecretKeyMissingError } from './secrets.ts';
export type { Secrets } from './secrets.ts';
export { nextSerial } from './serials.repository.ts';
export { kindOfApplicationNo, newApplicationNo, newTrackingSecret, trackingSecretMatches } from './tracking.ts';
export type { FilingKind } from './tracking.ts';
export {
  addCalendarDays,
  CalendarYearMissingError,
  chinaDate,
  defaultCalendarSeed,
  WorkingCalendar,
} from './working-days.ts';
export type { CalendarSeed } from './working-days.ts';
export { escapeHtml } from './html-escape.ts';
