// The front of the disclosure module: what other modules may use. Everything else in this folder is its own.
export type { DisclosedEntryRow, DisclosedRecordRow, PublicSubjectRow } from './disclosure.repository.ts';
export { DISCLOSED_ENTRY_COLUMNS } from './disclosure.repository.ts';
export { disclosureRoutes } from './disclosure.routes.ts';
export {
  disclosuresOf,
  entryViews,
  findPublicSubject,
  presentSubject,
  type PublicEntryView,
  type PublicRecordView,
  type PublicSubjectView,
  type SubjectDisclosure,
} from './disclosure.usecases.ts';
