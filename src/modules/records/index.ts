// The front of records: what other modules may use. Kept to what they use today; extend it as they need more.
export {
  closeRecordObjection,
  correctRecord,
  endRecord,
  lockRecord,
  openRecordObjection,
  type RecordCorrection,
  type RecordRow,
} from './record-workflow.ts';
// One label table per state set: records.states.ts holds it (the terms docs/records.md uses).
export { PENALTY_TYPE_NAMES, SEVERITY_LABELS, STATE_LABELS as RECORD_STATE_LABELS } from './records.states.ts';
export { recordCatalogRoutes } from './record-catalog.routes.ts';
export { recordsRoutes } from './records.routes.ts';
export { penaltyTypeName } from './records.states.ts';
export { createRecord, insertNewRecord, recordChange } from './records.usecases.ts';
