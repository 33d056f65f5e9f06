import type { z } from 'zod';
import { closeObjection, correctEntry, endEntryBy, openObjection } from '../entries/entries.workflow.ts';
import { hasRole, requireRole } from '../shared/actor.ts';
import { deadlineDays, dueOrPending } from '../shared/deadlines.ts';
import { conflict, notFound, unprocessable } from '../shared/errors.ts';
import { write, type Write } from '../shared/ledger.ts';
import { chinaDate } from '../shared/working-days.ts';
import { FILERS, OBJECTABLE } from './objections.filing.ts';
import * as repo from './objections.repository.ts';
import type { AssignmentBody, ObjectionDecisionBody } from './objections.schemas.ts';
import { assertReceived, otherDepartment, reviewerRequired } from './objections.states.ts';
import { canSee, getObjection, type ObjectionDeps, type PublicDeps } from './objections.usecases.ts';
import { closeRecordObjection, correctRecord, endRecord, openRecordObjection } from './record-workflow.ts';
import { remediesFor } from './remedies.ts';
import { assertTargetState, lockTarget, type Target } from './targets.ts';
import { isCreditOfficeCaller, isUpward } from './upward.ts';

const FIELDS = { entry: ['reason', 'endDate'], record: ['facts', 'basis', 'amount', 'endDate'] } as const;

async function lockVisible(w: Write, deps: ObjectionDeps, id: string) {
  const o = await repo.findObjectionForUpdate(w.tx, id);
  if (!o || !canSee(deps.actor, o)) throw notFound('异议申请', 'objection.not_found');
  return o;
}

/** Clears the target's pending flag, unless another objection on it is still open. */
async function closeOnTarget(w: Write, o: repo.ObjectionRow, target: Target | null, outcome: string) {
  if (!target) return;
  const stillPending = await repo.otherOpenObjection(w.tx, { stream: target.stream, id: target.row.id }, o.id);
  const input = { objectionId: o.id, outcome, stillPending };
  if (target.stream === 'entry') await closeObjection(w, target.row, input);
  else await closeRecordObjection(w, target.row, input);
}

const lockTargetOf = (w: Write, o: repo.ObjectionRow) =>
  o.target_stream && o.target_id ? lockTarget(w, { stream: o.target_stream, id: o.target_id }) : Promise.resolve(null);

/**
 * The deciding department's reviewer decides. Accepted: the entry or record is corrected as a new version or
 * revoked, and withdrawn from disclosure at once (the withdrawal deadline is recorded beside the actual time).
 * Rejected: the reason and the remedies. Either way the objection no longer holds the target as pending.
 */
export async function decideObjection(deps: ObjectionDeps, id: string, input: ObjectionDecisionBody) {
  await write(deps, deps.actor.ref, async (w) => {
    const o = await lockVisible(w, deps, id);
    if (o.department_id !== deps.actor.departmentId) throw otherDepartment();
    const triage = o.target_id === null;
    if (!hasRole(deps.actor, 'reviewer') && !(triage && hasRole(deps.actor, 'credit_office'))) throw reviewerRequired();
    assertReceived(o.state, '作出处理决定');
    const target = await lockTargetOf(w, o);
    const today = chinaDate(w.now);
    const decidedAt = w.now.toISOString();
    let decision: Record<string, unknown>;
    if (input.outcome === 'accepted') {
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
      decision = {
        outcome: 'accepted',
        reason: input.reason,
        action: input.correction ? 'corrected' : 'revoked',
        correction: input.correction ?? null,
        remedies: null,
        withdrawal: { dueDate: dueOrPending(deps.calendar.get(), today, days).due_date, withdrawnAt: decidedAt },
        decidedAt,
      };
    } else {
      decision = {
        outcome: 'rejected',
        reason: input.reason,
        action: null,
        correction: null,
        remedies: await remediesFor(w.tx, target),
        withdrawal: null,
        decidedAt,
      };
    }
    await closeOnTarget(w, o, target, input.outcome);
    const state = input.outcome;
    await repo.updateObjection(w.tx, o.id, {
      state,
      decision: { ...decision, decidedBy: deps.actor.ref },
      decided_at: w.now,
      closed_at: w.now,
      updated_at: w.now,
    });
    const payload = {
      applicationNo: o.application_no,
      outcome: input.outcome,
      action: decision.action,
      target: target ? { stream: target.stream, id: target.row.id } : null,
    };
    w.event({ stream: 'objection', streamId: o.id, type: 'objection.decided', departmentId: o.department_id, payload });
    w.audit({
      action: 'objection.decided',
      target: `objection:${o.id}`,
      details: { ...payload, reason: input.reason },
    });
  });
  return getObjection(deps, id);
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

/** Withdrawal by the party, any time before the decision (inside a write, the objection locked). */
export async function withdrawLocked(w: Write, o: repo.ObjectionRow) {
  assertReceived(o.state, '撤回');
  const target = await lockTargetOf(w, o);
  await closeOnTarget(w, o, target, 'withdrawn');
  await repo.updateObjection(w.tx, o.id, {
    state: 'withdrawn',
    decided_at: w.now,
    closed_at: w.now,
    updated_at: w.now,
  });
  const payload = { applicationNo: o.application_no, by: w.actor === 'public' ? 'party' : 'department' };
  w.event({ stream: 'objection', streamId: o.id, type: 'objection.withdrawn', departmentId: o.department_id, payload });
  w.audit({ action: 'objection.withdrawn', target: `objection:${o.id}`, details: payload });
}

/** The party withdraws through the department that took the objection in, or the deciding department. */
export async function withdrawObjection(deps: ObjectionDeps, id: string) {
  requireRole(deps.actor, ...FILERS);
  await write(deps, deps.actor.ref, async (w) => {
    const o = await lockVisible(w, deps, id);
    const own = deps.actor.departmentId === o.department_id || deps.actor.departmentId === o.filed_department_id;
    const upward = isUpward(o.origin) && (await isCreditOfficeCaller(w.tx, deps.actor));
    if (!own && !upward) throw otherDepartment();
    await withdrawLocked(w, o);
  });
  return getObjection(deps, id);
}

/** Withdrawal with the tracking secret already verified by the caller (public tracking). */
export async function withdrawObjectionByParty(deps: PublicDeps, applicationNo: string) {
  await write(deps, 'public', async (w) => {
    const found = await repo.findObjectionByApplicationNo(w.tx, applicationNo);
    const o = found && (await repo.findObjectionForUpdate(w.tx, found.id));
    if (!o) throw notFound('申请', 'tracking.not_found');
    await withdrawLocked(w, o);
  });
}

/** The credit office routes a public filing that matched nothing visible to the department that decided. */
export async function assignObjection(deps: ObjectionDeps, id: string, input: z.infer<typeof AssignmentBody>) {
  requireRole(deps.actor, 'credit_office');
  await write(deps, deps.actor.ref, async (w) => {
    const o = await lockVisible(w, deps, id);
    assertReceived(o.state, '分办');
    if (o.target_id)
      throw conflict('objection.already_assigned', '该异议已确定对象并由认定部门办理，不能再分办。', {
        state: o.state,
      });
    const target = await lockTarget(w, input.target);
    assertTargetState(target, OBJECTABLE, '提出异议');
    await w.tx
      .updateTable('objections')
      .set({
        target_stream: target.stream,
        target_id: target.row.id,
        department_id: target.row.department_id,
        updated_at: w.now,
      })
      .where('id', '=', o.id)
      .execute();
    if (target.stream === 'entry') await openObjection(w, target.row, o.id);
    else await openRecordObjection(w, target.row, o.id);
    const payload = {
      applicationNo: o.application_no,
      target: input.target,
      from: o.department_id,
      to: target.row.department_id,
    };
    w.event({
      stream: 'objection',
      streamId: o.id,
      type: 'objection.assigned',
      departmentId: target.row.department_id,
      payload,
    });
    w.audit({ action: 'objection.assigned', target: `objection:${o.id}`, details: payload });
  });
  return getObjection(deps, id);
}
