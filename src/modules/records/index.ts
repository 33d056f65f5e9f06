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
