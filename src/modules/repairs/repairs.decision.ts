import type { z } from 'zod';
import {
  announce,
  assertTargetState,
  assignApplication,
  decideApplication,
  lockOwn,
  lockTargetOf,
  openOnTarget,
  updateApplication,
  withdrawApplication,
  withdrawByNumber,
  type ApplicationRowOf,
} from '../applications/index.ts';
import { lapseRepairCommitments } from '../commitments/index.ts';
import { endEntryBy, liftMeasures, restoreMeasures } from '../entries/index.ts';
import { endRecord } from '../records/index.ts';
import { chinaDate, conflict, hasRole, unprocessable, write, type Write } from '../shared/index.ts';
import { newDue } from '../deadlines/index.ts';
import { repairEligibility } from './repair-eligibility.ts';
import { recordRepairCommitment, REPAIRABLE } from './repairs.filing.ts';
import type { LiftingEndBody, RepairAssignmentBody, RepairDecisionBody } from './repairs.schemas.ts';
import { assertRepairState, REPAIR, staffRequired } from './repairs.states.ts';
import { getRepair, type RepairDeps, type RepairPublicDeps } from './repairs.usecases.ts';

type RepairRow = ApplicationRowOf<'repairs'>;
const lockOwnRepair = (w: Write, deps: RepairDeps, id: string) => lockOwn(w, deps.actor, REPAIR, id);
const changed = (
  w: Write,
  r: RepairRow,
  type: string,
  payload: Record<string, unknown>,
  details?: Record<string, unknown>,
) => announce(w, REPAIR, r, type, payload, details);

/** The eligibility of the target today, as a 422 naming the date from which the party may apply. */
async function assertEligible(w: Write, target: Parameters<typeof repairEligibility>[1], kind: RepairRow['kind']) {
  const eligibility = await repairEligibility(w.tx, target, kind, chinaDate(w.now));
  if (!eligibility.ok)
    throw unprocessable(eligibility.code, eligibility.message, {
      field: eligibility.field,
      earliestDate: eligibility.earliestDate,
    });
}

/** Acceptance (受理) by the deciding department's staff: the decision deadline runs from today. */
export async function acceptRepair(deps: RepairDeps, id: string, input: { note?: string }) {
  await write(deps, deps.actor.ref, async (w) => {
    const r = await lockOwnRepair(w, deps, id);
    if (!hasRole(deps.actor, 'operator', 'reviewer')) throw staffRequired();
    assertRepairState(r.state, ['received'], '受理');
    if (!r.target_id)
      throw unprocessable('repair.no_target', '该申请尚未确定针对的信息，须先由信用办分办。', { field: 'target' });
    const due = await newDue(w.tx, deps.calendar.get(), 'repair_decision', chinaDate(w.now));
    await updateApplication(w.tx, 'repairs', r.id, {
      state: 'accepted',
      accepted_at: w.now,
      ...due,
      updated_at: w.now,
    });
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
    const r = await lockOwnRepair(w, deps, id);
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
    await updateApplication(w.tx, 'repairs', r.id, {
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
  await decideApplication(deps, REPAIR, id, async (w, r) => {
    const triage = r.target_id === null;
    const today = chinaDate(w.now);
    if (input.until && (r.kind !== 'reorganization' || input.outcome !== 'approved' || input.until < today)) {
      throw unprocessable('repair.invalid_until', '暂停截止日只用于准予的重整、和解申请，且不得早于今天。', {
        field: 'until',
      });
    }
    let lifting: Record<string, unknown> | null = null;
    if (input.outcome === 'approved') {
      assertRepairState(r.state, ['accepted'], '作出准予修复的决定');
      lifting = await approve(w, r, input);
    } else {
      assertRepairState(r.state, triage ? ['received', 'accepted'] : ['accepted'], '作出不予修复的决定');
    }
    return {
      state: input.outcome,
      decision: { outcome: input.outcome, reason: input.reason, code: null, lifting, decidedAt: w.now.toISOString() },
      payload: {
        outcome: input.outcome,
        kind: r.kind,
        target: r.target_id ? { stream: r.target_stream, id: r.target_id } : null,
      },
      details: { reason: input.reason },
      after: async () => {
        if (input.outcome === 'rejected') await lapseRepairCommitments(w, r, 'rejected');
      },
    };
  });
  return getRepair(deps, id);
}

/** Approved: a repair ends the target (reason repaired); a reorganization lifts the entry's measures for a while. */
async function approve(w: Write, r: RepairRow, input: z.infer<typeof RepairDecisionBody>) {
  const today = chinaDate(w.now);
  const target = (await lockTargetOf(w, r))!;
  assertTargetState(target, REPAIRABLE, r.kind === 'repair' ? '信用修复' : '暂停实施惩戒措施');
  await assertEligible(w, target, r.kind);
  const note = `信用修复申请 ${r.application_no} 准予：${input.reason}`;
  if (r.kind === 'reorganization') {
    if (target.stream !== 'entry')
      throw unprocessable('repair.reorganization_scope', '重整、和解只适用于名单记录。', { field: 'kind' });
    await liftMeasures(w, target.row, {
      from: today,
      until: input.until ?? null,
      repairId: r.id,
      reason: input.reason,
    });
    return { from: today, until: input.until ?? null, endedAt: null };
  }
  if (target.stream === 'entry') await endEntryBy(w, target.row, { reason: 'repaired', note });
  else await endRecord(w, target.row, { reason: 'repaired', note, repairId: r.id });
  return null;
}

/** Ends a reorganization's lifting: the measures apply again. */
export async function endLifting(deps: RepairDeps, id: string, input: z.infer<typeof LiftingEndBody>) {
  await write(deps, deps.actor.ref, async (w) => {
    const r = await lockOwnRepair(w, deps, id);
    if (!hasRole(deps.actor, 'reviewer')) throw REPAIR.reviewerRequired();
    const lifting = (r.decision as { lifting?: { endedAt: string | null } } | null)?.lifting;
    if (r.kind !== 'reorganization' || r.state !== 'approved' || !lifting || lifting.endedAt) {
      const state = r.state === 'approved' && lifting?.endedAt ? 'lifting_ended' : r.state;
      throw conflict('repair.not_lifting', '该申请没有正在暂停实施的惩戒措施。', { state });
    }
    const target = (await lockTargetOf(w, r))!;
    if (target.stream !== 'entry')
      throw conflict('repair.not_lifting', '该申请没有正在暂停实施的惩戒措施。', { state: r.state });
    await restoreMeasures(w, target.row, { repairId: r.id, note: input.note });
    await updateApplication(w.tx, 'repairs', r.id, {
      decision: { ...(r.decision as object), lifting: { ...lifting, endedAt: w.now.toISOString() } },
      updated_at: w.now,
    });
    changed(w, r, 'repair.lifting_ended', { note: input.note });
  });
  return getRepair(deps, id);
}

/** What a withdrawal releases: the applicant's repair commitment lapses. */
const release = (w: Write, r: RepairRow) => lapseRepairCommitments(w, r, 'withdrawn');

export async function withdrawRepair(deps: RepairDeps, id: string) {
  await withdrawApplication(deps, REPAIR, id, release);
  return getRepair(deps, id);
}

export const withdrawRepairByParty = (deps: RepairPublicDeps, applicationNo: string) =>
  withdrawByNumber(deps, REPAIR, applicationNo, release);

/** The credit office routes an unmatched public application to the department that decided. */
export async function assignRepair(deps: RepairDeps, id: string, input: z.infer<typeof RepairAssignmentBody>) {
  await assignApplication(deps, REPAIR, id, input.target, {
    targetStates: REPAIRABLE,
    action: '申请信用修复',
    check: async (w, r, target) => {
      await assertEligible(w, target, r.kind);
      if (await openOnTarget(w.tx, 'repairs', input.target, ['received', 'accepted']))
        throw conflict('repair.already_open', '该信息已有正在办理的信用修复申请。', { state: 'repair_pending' });
    },
    assigned: (w, r, target) =>
      recordRepairCommitment(w, deps, { id: r.id, applicationNo: r.application_no, text: r.commitment_text }, target),
  });
  return getRepair(deps, id);
}
