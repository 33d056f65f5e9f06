import { addMonthsCivil, chinaDate, conflict, unprocessable, type Write } from '../shared/index.ts';
import { STATE_LABELS } from './records.states.ts';
import { findRecordForUpdate, updateRecord, type RecordRow } from './records.repository.ts';
import { recordChange } from './records.usecases.ts';

// Changes objections and repairs make to dishonesty records, inside their own write: the row and its event on the
// record stream together (followers reload the row when they see the event), plus an audit row (recordChange).

export type { RecordRow };

export const lockRecord = (w: Write, id: string) => findRecordForUpdate(w.tx, id);

function stateConflict(record: RecordRow, action: string): never {
  throw conflict('record.invalid_transition', `失信信息当前状态为「${STATE_LABELS[record.state]}」，不能${action}。`, {
    state: record.state,
  });
}

export async function openRecordObjection(w: Write, record: RecordRow, objectionId: string) {
  await updateRecord(w.tx, record.id, { objection_pending: true, updated_at: w.now });
  recordChange(w, record, 'record.objection_opened', { objectionId });
}

export async function closeRecordObjection(
  w: Write,
  record: RecordRow,
  input: { objectionId: string; outcome: string; stillPending: boolean },
) {
  await updateRecord(w.tx, record.id, { objection_pending: input.stillPending, updated_at: w.now });
  recordChange(w, record, 'record.objection_closed', {
    objectionId: input.objectionId,
    outcome: input.outcome,
    objectionPending: input.stillPending,
  });
}

export interface RecordCorrection {
  facts?: string;
  basis?: string;
  amount?: number | null;
  endDate?: string;
}

/** Corrects a record in effect as a new version; the disclosure end may only move within the maximum period. */
export async function correctRecord(
  w: Write,
  record: RecordRow,
  input: { changes: RecordCorrection; note: string; objectionId?: string },
) {
  if (record.state !== 'in_effect') stateConflict(record, '更正');
  const { changes } = input;
  const row: Record<string, unknown> = { updated_at: w.now };
  const payload: Record<string, unknown> = {};
  if (changes.facts !== undefined) {
    row.facts = changes.facts;
    payload.facts = changes.facts;
  }
  if (changes.basis !== undefined) {
    row.basis = changes.basis;
    payload.basis = changes.basis;
  }
  if (changes.amount !== undefined) {
    row.amount = changes.amount === null ? null : changes.amount.toFixed(2);
    payload.amount = row.amount;
  }
  if (changes.endDate !== undefined) {
    const latest = addMonthsCivil(record.decision_date, record.rule.maxMonths);
    if (changes.endDate < chinaDate(w.now) || changes.endDate > latest) {
      throw unprocessable('record.invalid_end_date', `更正后的公示截止日须在今天至 ${latest}（最长公示期限）之间。`, {
        field: 'correction.endDate',
      });
    }
    row.disclosure_end = changes.endDate;
    payload.disclosureEnd = changes.endDate;
  }
  if (Object.keys(payload).length === 0) {
    throw unprocessable('record.correction_empty', '更正须至少改变认定事实、依据、金额或公示截止日之一。', {
      field: 'correction',
    });
  }
  await updateRecord(w.tx, record.id, row);
  recordChange(w, record, 'record.corrected', {
    changes: payload,
    note: input.note,
    ...(input.objectionId ? { objectionId: input.objectionId } : {}),
  });
}

/** Ends a record (revocation or repair): disclosure and sharing stop at once. */
export async function endRecord(
  w: Write,
  record: RecordRow,
  input: { reason: 'revoked' | 'corrected' | 'repaired'; note: string; repairId?: string },
) {
  if (record.state !== 'in_effect') stateConflict(record, input.reason === 'repaired' ? '信用修复' : '撤销');
  await updateRecord(w.tx, record.id, {
    state: 'ended',
    ended_reason: input.reason,
    ended_note: input.note,
    ended_at: w.now,
    updated_at: w.now,
    ...(input.repairId ? { repair_id: input.repairId } : {}),
  });
  recordChange(w, record, 'record.ended', {
    state: 'ended',
    reason: input.reason,
    note: input.note,
    previousState: record.state,
    ...(input.repairId ? { repairId: input.repairId } : {}),
  });
}
