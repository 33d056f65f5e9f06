import { addMonthsCivil, chinaDate, conflict, json, unprocessable, type Write } from '../shared/index.ts';
import { lockSubject } from '../subjects/index.ts';
import * as repo from './entries.repository.ts';
import { STATE_LABELS, type EntryState } from './entries.states.ts';
import { recordChange } from './entries.usecases.ts';

// Entry-level operations that other workflows (objections, repairs) perform inside their own write. The caller
// has already authorized the change (the deciding department's reviewer); these functions check the entry's state,
// change the row and emit the event on the entry stream in the same transaction, so followers see both together.

export type WorkflowEndReason = 'revoked' | 'corrected' | 'repaired';

function stateConflict(entry: repo.EntryRow, action: string): never {
  const label = STATE_LABELS[entry.state as EntryState] ?? entry.state;
  throw conflict('entry.invalid_transition', `名单记录当前状态为「${label}」，不能${action}。`, { state: entry.state });
}

/** Locks the entry for the rest of the write; undefined when there is none. */
export const lockEntry = (w: Write, id: string) => repo.findEntryForUpdate(w.tx, id);

/** Marks an objection as pending on the entry. Measures keep applying (docs/domain/rules.md §5). */
export async function openObjection(w: Write, entry: repo.EntryRow, objectionId: string) {
  await repo.updateEntry(w.tx, entry.id, { objection_pending: true, updated_at: w.now });
  recordChange(w, entry, 'entry.objection_opened', { objectionId });
}

/** Closes one objection; the flag stays while another objection on the entry is still open. */
export async function closeObjection(
  w: Write,
  entry: repo.EntryRow,
  input: { objectionId: string; outcome: string; stillPending: boolean },
) {
  await repo.updateEntry(w.tx, entry.id, { objection_pending: input.stillPending, updated_at: w.now });
  recordChange(w, entry, 'entry.objection_closed', {
    objectionId: input.objectionId,
    outcome: input.outcome,
    objectionPending: input.stillPending,
  });
}

export interface EntryCorrection {
  reason?: string;
  endDate?: string;
}

/**
 * Corrects an entry in effect as a new version (the event is the version): it stays in effect. The end date may
 * only move within the list type's period from the basis document, and not into the past.
 */
export async function correctEntry(
  w: Write,
  entry: repo.EntryRow,
  input: { changes: EntryCorrection; note: string; objectionId?: string },
) {
  if (entry.state !== 'in_effect') stateConflict(entry, '更正');
  const { changes } = input;
  const row: Record<string, unknown> = { updated_at: w.now };
  const payload: Record<string, unknown> = {};
  if (changes.reason !== undefined) {
    row.reason = changes.reason;
    if (entry.decision) row.decision = json({ ...entry.decision, reason: changes.reason });
    payload.reason = changes.reason;
  }
  if (changes.endDate !== undefined) {
    const rule = entry.period_rule as { periodMonths?: number } | null;
    const latest =
      entry.start_date && rule?.periodMonths !== undefined
        ? addMonthsCivil(entry.start_date, rule.periodMonths)
        : entry.end_date;
    if (
      changes.endDate < chinaDate(w.now) ||
      (entry.start_date && changes.endDate < entry.start_date) ||
      (latest && changes.endDate > latest)
    ) {
      throw unprocessable('entry.invalid_end_date', `更正后的期限届满日须在今天至 ${latest ?? '原期限'} 之间。`, {
        field: 'correction.endDate',
      });
    }
    row.end_date = changes.endDate;
    payload.endDate = changes.endDate;
  }
  if (Object.keys(payload).length === 0)
    throw unprocessable('entry.correction_empty', '更正须至少改变事由或期限届满日之一。', { field: 'correction' });
  await repo.updateEntry(w.tx, entry.id, row);
  recordChange(w, entry, 'entry.corrected', {
    changes: payload,
    note: input.note,
    ...(input.objectionId ? { objectionId: input.objectionId } : {}),
  });
}

/** Ends an entry by revocation, correction or repair: it leaves checks and public disclosure at once. */
export async function endEntryBy(w: Write, entry: repo.EntryRow, input: { reason: WorkflowEndReason; note: string }) {
  const endable = input.reason === 'revoked' ? ['decided', 'reviewed', 'in_effect'] : ['in_effect'];
  if (!endable.includes(entry.state))
    stateConflict(entry, input.reason === 'repaired' ? '因信用修复移出' : '撤销或更正移出');
  await repo.updateEntry(w.tx, entry.id, {
    state: 'ended',
    ended_reason: input.reason,
    ended_note: input.note,
    ended_at: w.now,
    measures_lifted: null,
    updated_at: w.now,
  });
  recordChange(w, entry, 'entry.ended', {
    state: 'ended',
    reason: input.reason,
    note: input.note,
    previousState: entry.state,
  });
}

/** Ends an entry whose period is over (the expiry job), as of the end of its last day. */
export async function expireEntry(
  w: Write,
  entry: Pick<repo.EntryRow, 'id' | 'department_id' | 'state'>,
  endedAt: Date,
) {
  await repo.updateEntry(w.tx, entry.id, {
    state: 'ended',
    ended_reason: 'expired',
    ended_note: null,
    ended_at: endedAt,
    updated_at: w.now,
  });
  recordChange(
    w,
    entry,
    'entry.ended',
    { state: 'ended', reason: 'expired', note: null, previousState: entry.state },
    endedAt,
  );
}

/**
 * docs/domain/rules.md §2: a subject that receives a serious dishonesty record, or is put on a black list, leaves
 * every red list at once, with the reason recorded. Runs in the write that puts the record or the black-list entry in
 * effect, under the subject lock.
 */
export async function leaveRedLists(
  w: Write,
  subjectId: string,
  because: { recordId: string } | { blackEntryId: string },
): Promise<string[]> {
  await lockSubject(w.tx, subjectId);
  const reds = await repo.entriesOfSubject(w.tx, subjectId, 'red', ['nominated', 'reviewed', 'in_effect']);
  const note =
    'recordId' in because
      ? `主体产生严重失信信息（失信信息 ${because.recordId}），依规退出红名单。`
      : `主体被列入严重失信主体名单（名单记录 ${because.blackEntryId}），依规退出红名单。`;
  for (const red of reds) {
    await repo.updateEntry(w.tx, red.id, {
      state: 'ended',
      ended_reason: 'superseded_by_black',
      ended_note: note,
      ended_at: w.now,
      updated_at: w.now,
    });
    recordChange(w, red, 'entry.ended', {
      state: 'ended',
      reason: 'superseded_by_black',
      note,
      previousState: red.state,
      ...because,
    });
  }
  return reds.map((r) => r.id);
}

export interface Lifting {
  from: string;
  until: string | null;
  repairId: string;
  reason: string;
}

/** Lifts an entry's measures for a while (reorganization plan or settlement); the entry itself stays in effect. */
export async function liftMeasures(w: Write, entry: repo.EntryRow, lifting: Lifting) {
  if (entry.state !== 'in_effect') stateConflict(entry, '暂停实施惩戒措施');
  if (entry.measures_lifted)
    throw conflict('entry.measures_already_lifted', '该名单记录的惩戒措施已暂停实施。', { state: 'measures_lifted' });
  await repo.updateEntry(w.tx, entry.id, { measures_lifted: json(lifting), updated_at: w.now });
  recordChange(w, entry, 'entry.measures_lifted', { ...lifting });
}

/** Ends a lifting: the measures apply again (effectiveAt: when a lifting ran out at its end date). */
export async function restoreMeasures(
  w: Write,
  entry: repo.EntryRow,
  input: { repairId: string; note: string; effectiveAt?: Date },
) {
  const lifting = entry.measures_lifted as Lifting | null;
  if (!lifting || lifting.repairId !== input.repairId) {
    throw conflict('entry.measures_not_lifted', '该名单记录的惩戒措施没有因本申请暂停实施。', { state: entry.state });
  }
  await repo.updateEntry(w.tx, entry.id, { measures_lifted: null, updated_at: w.now });
  recordChange(
    w,
    entry,
    'entry.measures_restored',
    { repairId: input.repairId, note: input.note, liftedFrom: lifting.from },
    input.effectiveAt,
  );
}
