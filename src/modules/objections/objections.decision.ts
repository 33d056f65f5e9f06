import type { z } from 'zod';
import {
  assignApplication,
  decideApplication,
  lockTargetOf,
  openOnTarget,
  withdrawApplication,
  withdrawByNumber,
  type Target,
  type TargetRef,
} from '../applications/index.ts';
import { closeObjection, correctEntry, endEntryBy, openObjection } from '../entries/index.ts';
import { closeRecordObjection, correctRecord, endRecord, openRecordObjection } from '../records/index.ts';
import { deadlineDays, dueOrPending } from '../deadlines/index.ts';
import { chinaDate, unprocessable, type Write } from '../shared/index.ts';
import { OBJECTABLE } from './objections.filing.ts';
import type { ObjectionRow } from './objections.repository.ts';
import type { ObjectionDecisionBody } from './objections.schemas.ts';
import { OBJECTION } from './objections.states.ts';
import { getObjection, type ObjectionDeps, type PublicDeps } from './objections.usecases.ts';
import { remediesFor } from './remedies.ts';

const FIELDS = { entry: ['reason', 'endDate'], record: ['facts', 'basis', 'amount', 'endDate'] } as const;

/** Clears the target's pending flag, unless another objection on it is still open. */
async function closeOnTarget(w: Write, o: ObjectionRow, target: Target | null, outcome: string) {
  if (!target) return;
  const other = await openOnTarget(
    w.tx,
    'objections',
    { stream: target.stream, id: target.row.id },
    ['received'],
    o.id,
  );
  const input = { objectionId: o.id, outcome, stillPending: other !== undefined };
  if (target.stream === 'entry') await closeObjection(w, target.row, input);
  else await closeRecordObjection(w, target.row, input);
}

/** What a withdrawal releases: the target is no longer held as objected to by this objection. */
const release = async (w: Write, o: ObjectionRow) => closeOnTarget(w, o, await lockTargetOf(w, o), 'withdrawn');

/**
 * The deciding department's reviewer decides. Accepted: the entry or record is corrected as a new version or
 * revoked, and withdrawn from disclosure at once (the withdrawal deadline is recorded beside the actual time).
 * Rejected: the reason and the remedies. Either way the objection no longer holds the target as pending.
 */
export async function decideObjection(deps: ObjectionDeps, id: string, input: ObjectionDecisionBody) {
  await decideApplication(deps, OBJECTION, id, async (w, o) => {
    OBJECTION.states.assertIn(o.state, ['received'], '作出处理决定');
    const target = await lockTargetOf(w, o);
    const decidedAt = w.now.toISOString();
    const decision =
      input.outcome === 'accepted'
        ? await accept(w, deps, o, target, input)
        : {
            outcome: 'rejected',
            reason: input.reason,
            action: null,
            correction: null,
            remedies: await remediesFor(w.tx, target),
            withdrawal: null,
            decidedAt,
          };
    await closeOnTarget(w, o, target, input.outcome);
    return {
      state: input.outcome,
      decision,
      payload: {
        outcome: input.outcome,
        action: decision.action,
        target: target ? { stream: target.stream, id: target.row.id } : null,
      },
      details: { reason: input.reason },
    };
  });
  return getObjection(deps, id);
}

/** Accepted: the target is corrected (a correction given) or revoked, and withdrawn from disclosure at once. */
async function accept(
  w: Write,
  deps: ObjectionDeps,
  o: ObjectionRow,
  target: Target | null,
  input: ObjectionDecisionBody,
) {
  if (!target)
    throw unprocessable('objection.no_target', '该异议尚未确定针对的信息，须先由信用办分办，才能认定异议成立。', {
      field: 'outcome',
    });
  const note = `异议成立（申请编号 ${o.application_no}）：${input.reason}`;
  if (input.correction) {
    const changes = correctionFor(target.stream, input.correction);
    if (target.stream === 'entry') await correctEntry(w, target.row, { changes, note, objectionId: o.id });
    else await correctRecord(w, target.row, { changes, note, objectionId: o.id });
  } else if (target.stream === 'entry') {
    await endEntryBy(w, target.row, { reason: 'revoked', note });
  } else {
    await endRecord(w, target.row, { reason: 'revoked', note });
  }
  const days = await deadlineDays(w.tx, 'withdrawal');
  const decidedAt = w.now.toISOString();
  return {
    outcome: 'accepted',
    reason: input.reason,
    action: input.correction ? 'corrected' : 'revoked',
    correction: input.correction ?? null,
    remedies: null,
    withdrawal: { dueDate: dueOrPending(deps.calendar.get(), chinaDate(w.now), days).due_date, withdrawnAt: decidedAt },
    decidedAt,
  };
}

/** Only the fields that exist on the target's kind: a wrong one is named, not ignored. */
function correctionFor(
  stream: Target['stream'],
  correction: z.infer<typeof ObjectionDecisionBody>['correction'] & object,
) {
  const allowed = FIELDS[stream] as readonly string[];
  for (const [key, value] of Object.entries(correction)) {
    if (value !== undefined && !allowed.includes(key)) {
      throw unprocessable(
        'objection.correction_field',
        `${stream === 'entry' ? '名单记录' : '失信信息'}不能更正字段「${key}」，可更正：${allowed.join('、')}。`,
        { field: `correction.${key}` },
      );
    }
  }
  return correction;
}

/** The party withdraws through the department that took the objection in, or the deciding department. */
export async function withdrawObjection(deps: ObjectionDeps, id: string) {
  await withdrawApplication(deps, OBJECTION, id, release);
  return getObjection(deps, id);
}

/** Withdrawal with the tracking secret already verified by the caller (public tracking). */
export const withdrawObjectionByParty = (deps: PublicDeps, applicationNo: string) =>
  withdrawByNumber(deps, OBJECTION, applicationNo, release);

/** The credit office routes a public filing that matched nothing visible to the department that decided. */
export async function assignObjection(deps: ObjectionDeps, id: string, input: { target: TargetRef }) {
  await assignApplication(deps, OBJECTION, id, input.target, {
    targetStates: OBJECTABLE,
    action: '提出异议',
    assigned: async (w, _o, target) => {
      if (target.stream === 'entry') await openObjection(w, target.row, id);
      else await openRecordObjection(w, target.row, id);
    },
  });
  return getObjection(deps, id);
}
