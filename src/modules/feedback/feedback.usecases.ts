import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type Actor,
  chinaDate,
  type Clock,
  type DB,
  hasRole,
  notFound,
  seesAllDepartments,
  uuidv7,
  write,
  type Write,
} from '../shared/index.ts';
import { isUniqueViolation } from '../catalog/index.ts';
import { closeDispatch, dispatchNotFound, findDispatchForUpdate, TYPE_LABELS } from '../dispatch/index.ts';
import {
  checkNotFound,
  duplicateFeedback,
  feedbackNotRequired,
  handledInFuture,
  measureNotConcerned,
  notImplementer,
  reasonRequired,
  targetRequired,
} from './feedback.errors.ts';
import * as repo from './feedback.repository.ts';
import type { FeedbackBody } from './feedback.schemas.ts';

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  actor: Actor;
}
type Input = z.infer<typeof FeedbackBody>;

interface Target {
  dispatchId: string | null;
  checkId: string | null;
  entryId: string | null;
  onTime: boolean | null;
}

/**
 * The implementing department reports what it did with one measure of a dispatch item or of a check it made. The
 * first feedback closes the item; it is on time when the matter was handled and reported by the item's due date.
 */
export async function recordFeedback(deps: Deps, input: Input) {
  const { actor } = deps;
  if (!hasRole(actor, 'operator', 'reviewer', 'system')) throw notImplementer();
  if ((input.dispatchId === undefined) === (input.checkId === undefined)) throw targetRequired();
  if (!input.applied && !input.notAppliedReason) throw reasonRequired();
  const today = chinaDate(deps.clock.now());
  if (input.handledDate > today) throw handledInFuture(today);

  const id = uuidv7(deps.clock.now().getTime());
  // Two reports of the same measure at once: the unique index refuses the second, reported as the duplicate it is.
  await write(deps, actor.ref, async (w) => {
    const target = input.dispatchId ? await dispatchTarget(w, actor, input, today) : await checkTarget(w, actor, input);
    if (
      await repo.hasFeedback(
        w.tx,
        { dispatchId: input.dispatchId, checkId: input.checkId },
        input.measureId,
        actor.departmentId,
      )
    ) {
      throw duplicateFeedback();
    }
    await repo.insertFeedback(w.tx, {
      id,
      department_id: actor.departmentId,
      dispatch_id: target.dispatchId,
      check_id: target.checkId,
      entry_id: target.entryId,
      measure_id: input.measureId,
      applied: input.applied,
      not_applied_reason: input.applied ? null : (input.notAppliedReason ?? null),
      matter_name: input.matter.name,
      matter_no: input.matter.number,
      handled_date: input.handledDate,
      result: input.result,
      on_time: target.onTime,
      created_by: actor.ref,
      created_at: w.now,
    });
    const payload = {
      dispatchId: target.dispatchId,
      checkId: target.checkId,
      entryId: target.entryId,
      measureId: input.measureId,
      applied: input.applied,
      handledDate: input.handledDate,
      onTime: target.onTime,
    };
    w.event({ stream: 'feedback', streamId: id, type: 'feedback.recorded', departmentId: actor.departmentId, payload });
    w.audit({ action: 'feedback.recorded', target: `feedback:${id}`, details: payload });
  }).catch((error) => {
    throw isUniqueViolation(error) ? duplicateFeedback() : error;
  });
  return { feedback: await repo.findFeedbackView(deps.db, id) };
}

async function dispatchTarget(w: Write, actor: Actor, input: Input, today: string): Promise<Target> {
  const dispatch = await findDispatchForUpdate(w.tx, input.dispatchId!);
  if (!dispatch || dispatch.department_id !== actor.departmentId) throw dispatchNotFound();
  if (!dispatch.feedback_required)
    throw feedbackNotRequired(dispatch.event_type, TYPE_LABELS[dispatch.event_type] ?? dispatch.event_type);
  const measures = ((dispatch.change as { measures?: { id: string }[] }).measures ?? []).map((m) => m.id);
  if (!measures.includes(input.measureId)) throw measureNotConcerned();
  const due = dispatch.due_date;
  const onTime = due === null ? null : input.handledDate <= due && today <= due;
  if (dispatch.closed_at === null) {
    await closeDispatch(w.tx, dispatch.id, w.now);
    const payload = { departmentId: dispatch.department_id, dueDate: due, onTime };
    w.event({
      stream: 'dispatch',
      streamId: dispatch.id,
      type: 'dispatch.fed_back',
      departmentId: dispatch.department_id,
      payload,
    });
    w.audit({ action: 'dispatch.fed_back', target: `dispatch:${dispatch.id}`, details: payload });
  }
  return {
    dispatchId: dispatch.id,
    checkId: null,
    entryId: dispatch.stream === 'entry' ? dispatch.stream_id : null,
    onTime,
  };
}

async function checkTarget(w: Write, actor: Actor, input: Input): Promise<Target> {
  const check = await repo.checkOfDepartment(w.tx, input.checkId!, actor.departmentId);
  if (!check) throw checkNotFound();
  const measure = (await repo.implementedMeasures(w.tx, check.entryIds, actor.departmentId)).find(
    (m) => m.id === input.measureId,
  );
  if (!measure) throw measureNotConcerned();
  // A check has no feedback deadline: on time does not apply.
  return { dispatchId: null, checkId: check.checkId, entryId: measure.entry_id, onTime: null };
}

/** The initiating department (and the credit office, administrators, auditors) sees the feedback on its entries. */
export async function feedbackOfEntry(deps: { db: Kysely<DB>; actor: Actor }, entryId: string) {
  const entry = await repo.entryOwner(deps.db, entryId);
  if (!entry || !(seesAllDepartments(deps.actor) || entry.department_id === deps.actor.departmentId)) {
    throw notFound('名单记录', 'entry.not_found');
  }
  return { feedback: await repo.feedbackOfEntry(deps.db, entryId) };
}
