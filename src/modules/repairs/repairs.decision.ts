import type { z } from 'zod';
import { lapseRepairCommitments } from '../commitments/commitments.usecases.ts';
import { endEntryBy, liftMeasures, restoreMeasures } from '../entries/entries.workflow.ts';
import { FILERS } from '../objections/objections.filing.ts';
import { canSee } from '../objections/objections.usecases.ts';
import { endRecord } from '../objections/record-workflow.ts';
import { assertTargetState, lockTarget } from '../objections/targets.ts';
import { isCreditOfficeCaller, isUpward } from '../objections/upward.ts';
import { hasRole, requireRole } from '../shared/actor.ts';
import { newDue } from '../shared/deadlines.ts';
import { conflict, notFound, unprocessable } from '../shared/errors.ts';
import { write, type Write } from '../shared/ledger.ts';
import { chinaDate } from '../shared/working-days.ts';
import { repairEligibility } from './repair-eligibility.ts';
import { recordRepairCommitment, REPAIRABLE } from './repairs.filing.ts';
import * as repo from './repairs.repository.ts';
import type { LiftingEndBody, RepairAssignmentBody, RepairDecisionBody } from './repairs.schemas.ts';
import { assertRepairState, otherDepartment, reviewerRequired, staffRequired } from './repairs.states.ts';
import { getRepair, type RepairDeps, type RepairPublicDeps } from './repairs.usecases.ts';

async function lockOwn(w: Write, deps: RepairDeps, id: string) {
  const r = await repo.findRepairForUpdate(w.tx, id);
  if (!r || !canSee(deps.actor, r)) throw notFound('信用修复申请', 'repair.not_found');
  if (r.department_id !== deps.actor.departmentId) throw otherDepartment();
  return r;
}

const lockTargetOf = (w: Write, r: repo.RepairRow) =>
  r.target_stream && r.target_id ? lockTarget(w, { stream: r.target_stream, id: r.target_id }) : Promise.resolve(null);

function changed(
  w: Write,
  r: repo.RepairRow,
  type: string,
  payload: Record<string, unknown>,
  details: Record<string, unknown> = {},
) {
  w.event({
    stream: 'repair',
    streamId: r.id,
    type,
    departmentId: r.department_id,
    payload: { applicationNo: r.application_no, ...payload },
  });
  w.audit({
    action: type,
    target: `repair:${r.id}`,
    details: { applicationNo: r.application_no, ...payload, ...details },
  });
}

/** Acceptance (受理) by the deciding department's staff: the decision deadline runs from today. */
export async function acceptRepair(deps: RepairDeps, id: string, input: { note?: string }) {
  await write(deps, deps.actor.ref, async (w) => {
    const r = await lockOwn(w, deps, id);
    if (!hasRole(deps.actor, 'operator', 'reviewer')) throw staffRequired();
    assertRepairState(r.state, ['received'], '受理');
    if (!r.target_id)
      throw unprocessable('repair.no_target', '该申请尚未确定针对的信息，须先由信用办分办。', { field: 'target' });
    const due = await newDue(w.tx, deps.calendar.get(), 'repair_decision', chinaDate(w.now));
    await repo.updateRepair(w.tx, r.id, { state: 'accepted', accepted_at: w.now, ...due, updated_at: w.now });
    changed(w, r, 'repair.accepted', { state: 'accepted', dueDate: due.due_date }, { note: input.note ?? null });
  });
  return getRepair(deps, id);
}

/**
 * Non-acceptance (不予受理) by the deciding department's staff, with the reason the party reads in tracking: an
 * application that does not meet the conditions is closed without a decision on the merits.
 */
export async function refuseRepair(deps: RepairDeps, id: string, input: { reason: string }) {
  await write(deps, deps.actor.ref, async (w) => {
    const r = await lockOwn(w, deps, id);
    if (!hasRole(deps.actor, 'operator', 'reviewer')) throw staffRequired();
    assertRepairState(r.state, ['received'], '不予受理');
    const decision = {
      outcome: 'refused',
      reason: input.reason,
      code: 'repair.not_accepted',
      lifting: null,
      decidedAt: w.now.toISOString(),
      decidedBy: deps.actor.ref,
    };
    await repo.updateRepair(w.tx, r.id, {
      state: 'refused',
      decision,
      decided_at: w.now,
      closed_at: w.now,
      updated_at: w.now,
    });
    await lapseRepairCommitments(w, r, 'refused');
    changed(w, r, 'repair.refused', { code: 'repair.not_accepted' }, { reason: input.reason });
  });
  return getRepair(deps, id);
}

/**
 * The reviewer decides. Approving a repair ends the entry or record (reason repaired): disclosure, sharing and
 * measures stop, and the ending is dispatched. Approving a reorganization lifts the entry's measures for a while.
 */
export async function decideRepair(deps: RepairDeps, id: string, input: z.infer<typeof RepairDecisionBody>) {
  await write(deps, deps.actor.ref, async (w) => {
    const r = await lockOwn(w, deps, id);
    const triage = r.target_id === null;
    if (!hasRole(deps.actor, 'reviewer') && !(triage && hasRole(deps.actor, 'credit_office'))) throw reviewerRequired();
    const today = chinaDate(w.now);
    if (input.until && (r.kind !== 'reorganization' || input.outcome !== 'approved' || input.until < today)) {
      throw unprocessable('repair.invalid_until', '暂停截止日只用于准予的重整、和解申请，且不得早于今天。', {
        field: 'until',
      });
    }
    let lifting: Record<string, unknown> | null = null;
    if (input.outcome === 'approved') {
      assertRepairState(r.state, ['accepted'], '作出准予修复的决定');
      const target = (await lockTargetOf(w, r))!;
      assertTargetState(target, REPAIRABLE, r.kind === 'repair' ? '信用修复' : '暂停实施惩戒措施');
      const eligibility = await repairEligibility(w.tx, target, r.kind, today);
      if (!eligibility.ok)
        throw unprocessable(eligibility.code, eligibility.message, {
          field: eligibility.field,
          earliestDate: eligibility.earliestDate,
        });
      const note = `信用修复申请 ${r.application_no} 准予：${input.reason}`;
      if (r.kind === 'reorganization') {
        if (target.stream !== 'entry')
          throw unprocessable('repair.reorganization_scope', '重整、和解只适用于名单记录。', { field: 'kind' });
        lifting = { from: today, until: input.until ?? null, endedAt: null };
        await liftMeasures(w, target.row, {
          from: today,
          until: input.until ?? null,
          repairId: r.id,
          reason: input.reason,
        });
      } else if (target.stream === 'entry') {
        await endEntryBy(w, target.row, { reason: 'repaired', note });
      } else {
        await endRecord(w, target.row, { reason: 'repaired', note, repairId: r.id });
      }
    } else {
      assertRepairState(r.state, triage ? ['received', 'accepted'] : ['accepted'], '作出不予修复的决定');
    }
    const decision = {
      outcome: input.outcome,
      reason: input.reason,
      code: null,
      lifting,
      decidedAt: w.now.toISOString(),
      decidedBy: deps.actor.ref,
    };
    await repo.updateRepair(w.tx, r.id, {
      state: input.outcome,
      decision,
      decided_at: w.now,
      closed_at: w.now,
      updated_at: w.now,
    });
    if (input.outcome === 'rejected') await lapseRepairCommitments(w, r, 'rejected');
    changed(
      w,
      r,
      'repair.decided',
      {
        outcome: input.outcome,
        kind: r.kind,
        target: r.target_id ? { stream: r.target_stream, id: r.target_id } : null,
      },
      { reason: input.reason },
    );
  });
  return getRepair(deps, id);
}

/** Ends a reorganization's lifting: the measures apply again. */
export async function endLifting(deps: RepairDeps, id: string, input: z.infer<typeof LiftingEndBody>) {
  await write(deps, deps.actor.ref, async (w) => {
    const r = await lockOwn(w, deps, id);
    if (!hasRole(deps.actor, 'reviewer')) throw reviewerRequired();
    const lifting = (r.decision as { lifting?: { endedAt: string | null } } | null)?.lifting;
    if (r.kind !== 'reorganization' || r.state !== 'approved' || !lifting || lifting.endedAt) {
      const state = r.state === 'approved' && lifting?.endedAt ? 'lifting_ended' : r.state;
      throw conflict('repair.not_lifting', '该申请没有正在暂停实施的惩戒措施。', { state });
    }
    const target = (await lockTargetOf(w, r))!;
    if (target.stream !== 'entry')
      throw conflict('repair.not_lifting', '该申请没有正在暂停实施的惩戒措施。', { state: r.state });
    await restoreMeasures(w, target.row, { repairId: r.id, note: input.note });
    await repo.updateRepair(w.tx, r.id, {
      decision: { ...(r.decision as object), lifting: { ...lifting, endedAt: w.now.toISOString() } },
      updated_at: w.now,
    });
    changed(w, r, 'repair.lifting_ended', { note: input.note });
  });
  return getRepair(deps, id);
}

export async function withdrawLocked(w: Write, r: repo.RepairRow) {
  assertRepairState(r.state, ['received', 'accepted'], '撤回');
  await repo.updateRepair(w.tx, r.id, { state: 'withdrawn', decided_at: w.now, closed_at: w.now, updated_at: w.now });
  await lapseRepairCommitments(w, r, 'withdrawn');
  changed(w, r, 'repair.withdrawn', { by: w.actor === 'public' ? 'party' : 'department' });
}

export async function withdrawRepair(deps: RepairDeps, id: string) {
  requireRole(deps.actor, ...FILERS);
  await write(deps, deps.actor.ref, async (w) => {
    const r = await repo.findRepairForUpdate(w.tx, id);
    if (!r || !canSee(deps.actor, r)) throw notFound('信用修复申请', 'repair.not_found');
    const own = deps.actor.departmentId === r.department_id || deps.actor.departmentId === r.filed_department_id;
    if (!own && !(isUpward(r.origin) && (await isCreditOfficeCaller(w.tx, deps.actor)))) throw otherDepartment();
    await withdrawLocked(w, r);
  });
  return getRepair(deps, id);
}

export async function withdrawRepairByParty(deps: RepairPublicDeps, applicationNo: string) {
  await write(deps, 'public', async (w) => {
    const found = await repo.findRepairByApplicationNo(w.tx, applicationNo);
    const r = found && (await repo.findRepairForUpdate(w.tx, found.id));
    if (!r) throw notFound('申请', 'tracking.not_found');
    await withdrawLocked(w, r);
  });
}

/** The credit office routes an unmatched public application to the department that decided. */
export async function assignRepair(deps: RepairDeps, id: string, input: z.infer<typeof RepairAssignmentBody>) {
  requireRole(deps.actor, 'credit_office');
  await write(deps, deps.actor.ref, async (w) => {
    const r = await repo.findRepairForUpdate(w.tx, id);
    if (!r || !canSee(deps.actor, r)) throw notFound('信用修复申请', 'repair.not_found');
    assertRepairState(r.state, ['received'], '分办');
    if (r.target_id)
      throw conflict('repair.already_assigned', '该申请已确定对象并由认定部门办理，不能再分办。', { state: r.state });
    const target = await lockTarget(w, input.target);
    assertTargetState(target, REPAIRABLE, '申请信用修复');
    const eligibility = await repairEligibility(w.tx, target, r.kind, chinaDate(w.now));
    if (!eligibility.ok)
      throw unprocessable(eligibility.code, eligibility.message, {
        field: eligibility.field,
        earliestDate: eligibility.earliestDate,
      });
    if (await repo.openRepairOf(w.tx, input.target))
      throw conflict('repair.already_open', '该信息已有正在办理的信用修复申请。', { state: 'repair_pending' });
    await w.tx
      .updateTable('repairs')
      .set({
        target_stream: target.stream,
        target_id: target.row.id,
        department_id: target.row.department_id,
        updated_at: w.now,
      })
      .where('id', '=', r.id)
      .execute();
    await recordRepairCommitment(
      w,
      deps,
      { id: r.id, applicationNo: r.application_no, text: r.commitment_text },
      target,
    );
    changed(w, { ...r, department_id: target.row.department_id }, 'repair.assigned', {
      target: input.target,
      from: r.department_id,
      to: target.row.department_id,
    });
  });
  return getRepair(deps, id);
}
