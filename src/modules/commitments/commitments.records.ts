import { leaveRedLists } from '../entries/index.ts';
import { insertNewRecord, recordChange } from '../records/index.ts';
import { addMonthsCivil, chinaDate, unprocessable, type Write } from '../shared/index.ts';
import * as links from './commitment-links.repository.ts';
import type { CommitmentRow } from './commitments.repository.ts';

// The dishonesty records a broken commitment makes or restores (table records, stream 'record').

export const BREACH_PENALTY_TYPE = 'commitment_breach';

/**
 * A broken commitment becomes a dishonesty record in state 'proposed', for the reviewer to confirm or dismiss:
 * the commitment code is its document number, the fulfilment date its decision date, what was not performed its
 * facts and the commitment's liability clause its basis. Severity and periods come from the catalog mapping.
 */
export async function proposeBreachRecord(
  w: Write,
  c: CommitmentRow,
  input: { domain: string; date: string; unperformed: string },
) {
  // Checked here to name the fulfilment's field; insertNewRecord checks the rest (classification, periods).
  const domain = await links.domainCode(w.tx, input.domain);
  if (!domain)
    throw unprocessable('commitment.unknown_domain', `失信信息领域「${input.domain}」不存在。`, {
      field: 'recordDomain',
    });
  return insertNewRecord(w, {
    subjectId: c.subject_id,
    departmentId: c.department_id,
    domain: input.domain,
    decisionNo: c.code,
    decisionDate: input.date,
    facts: input.unperformed,
    basis: c.liability,
    penaltyType: BREACH_PENALTY_TYPE,
    state: 'proposed',
    sourceCommitmentId: c.id,
    createdBy: w.actor,
  });
}

/**
 * Breaking a repair commitment restores the record the repair ended, for its maximum period counted from today
 * (docs/domain/rules.md §7). Null when the repair's target is not a record ended by that repair: the caller then
 * proposes a new record instead.
 */
export async function restoreRepairedRecord(w: Write, c: CommitmentRow) {
  if (!c.repair_id) return null;
  const repair = await links.repairTarget(w.tx, c.repair_id);
  if (!repair || repair.target_stream !== 'record' || !repair.target_id) return null;
  const record = await links.findRecordForUpdate(w.tx, repair.target_id);
  if (!record || record.state !== 'ended' || record.ended_reason !== 'repaired') return null;
  if (record.repair_id !== null && record.repair_id !== c.repair_id) return null;
  const today = chinaDate(w.now);
  const disclosureEnd = addMonthsCivil(today, record.rule.maxMonths);
  await links.restoreRecord(w.tx, record.id, disclosureEnd, w.now);
  recordChange(w, record, 'record.restored', {
    state: 'in_effect',
    previousState: record.state,
    previousReason: record.ended_reason,
    commitmentId: c.id,
    repairId: c.repair_id,
    restoredOn: today,
    disclosureEnd,
  });
  // In effect again: a serious record ends the subject's red-list entries, as when it was first recorded.
  if (record.severity === 'serious') await leaveRedLists(w, record.subject_id, { recordId: record.id });
  return record;
}
