import { leaveRedLists } from '../entries/index.ts';
import { chinaDate, hasRole, notFound, type RecordRule, unprocessable, write, type Write } from '../shared/index.ts';
import { disclosureRequired, otherDepartment, reviewerRequired } from './records.errors.ts';
import * as repo from './records.repository.ts';
import { assertRecordStep, SEVERITY_LABELS, type RecordStep } from './records.states.ts';
import { canSeeRecord, getRecord, recordChange, type RecordDeps } from './records.usecases.ts';

interface StepResult {
  changes: Partial<Record<keyof repo.RecordRow, unknown>>;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * One reviewer decision on a record: lock it, check visibility (404), department and role (403) and state (409),
 * apply the change, and record it as an event and an audit row in the same transaction. `apply` returning null
 * means the decision changes nothing (no event).
 */
async function decideOnRecord(
  deps: RecordDeps,
  id: string,
  step: RecordStep,
  apply: (w: Write, record: repo.RecordRow) => Promise<StepResult | null>,
) {
  await write(deps, deps.actor.ref, async (w) => {
    const record = await repo.findRecordForUpdate(w.tx, id);
    if (!record || !canSeeRecord(deps.actor, record)) throw notFound('失信信息', 'record.not_found');
    if (record.department_id !== deps.actor.departmentId) throw otherDepartment();
    if (!hasRole(deps.actor, 'reviewer')) throw reviewerRequired(step);
    assertRecordStep(record.state, step);
    const result = await apply(w, record);
    if (result === null) return;
    await repo.updateRecord(w.tx, record.id, { ...result.changes, updated_at: w.now });
    recordChange(w, record, result.type, result.payload);
  });
  return getRecord(deps, id);
}

/** The department decides to disclose a record its class does not disclose by default (a minor one), or withdraws that. */
export function changeDisclosure(deps: RecordDeps, id: string, input: { disclosed: boolean; note: string }) {
  return decideOnRecord(deps, id, 'disclosure', async (_w, record) => {
    const rule = record.rule as RecordRule;
    if (!input.disclosed && rule.disclosedByDefault) throw disclosureRequired(SEVERITY_LABELS[record.severity]);
    if (input.disclosed === record.disclosed) return null;
    return {
      changes: { disclosed: input.disclosed },
      type: 'record.disclosure_changed',
      payload: { disclosed: input.disclosed, previous: record.disclosed, note: input.note },
    };
  });
}

/** Revocation ends the record: it leaves public disclosure, sharing and checks. */
export function revokeRecord(deps: RecordDeps, id: string, input: { note: string }) {
  return decideOnRecord(deps, id, 'revocation', async (w, record) => ({
    changes: { state: 'ended', ended_reason: 'revoked', ended_note: input.note, ended_at: w.now },
    type: 'record.ended',
    payload: { state: 'ended', reason: 'revoked', note: input.note, previousState: record.state },
  }));
}

/** A record proposed from a broken commitment takes effect; a serious one ends the subject's red-list entries. */
export function confirmRecord(deps: RecordDeps, id: string, input: { note?: string }) {
  return decideOnRecord(deps, id, 'confirmation', async (w, record) => {
    if (record.disclosure_end < chinaDate(w.now)) {
      throw unprocessable(
        'record.period_already_over',
        `该失信信息的最长公示期限已于 ${record.disclosure_end} 届满，不能再确认记录。`,
        { field: 'state' },
      );
    }
    if (record.severity === 'serious') await leaveRedLists(w, record.subject_id, { recordId: record.id });
    return {
      changes: { state: 'in_effect' },
      type: 'record.confirmed',
      payload: { state: 'in_effect', previousState: record.state, note: input.note ?? null },
    };
  });
}

export function dismissRecord(deps: RecordDeps, id: string, input: { note: string }) {
  return decideOnRecord(deps, id, 'dismissal', async (w, record) => ({
    changes: { state: 'dismissed', ended_note: input.note, ended_at: w.now },
    type: 'record.dismissed',
    payload: { state: 'dismissed', previousState: record.state, note: input.note },
  }));
}
