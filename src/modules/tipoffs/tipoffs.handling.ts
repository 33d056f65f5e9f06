import type { Insertable } from 'kysely';
import {
  type Actor,
  chinaDate,
  forbidden,
  hasRole,
  json,
  type TipoffsTable,
  unprocessable,
  write,
  type Write,
} from '../shared/index.ts';
import { newDue } from '../deadlines/index.ts';
import * as repo from './tipoffs.repository.ts';
import { assertStep, type TipoffStep } from './tipoffs.states.ts';
import { isReviewerOf, tipoffView, visibleTipoffForUpdate, type TipoffDeps } from './tipoffs.usecases.ts';

interface StepResult {
  changes: Partial<Insertable<TipoffsTable>>;
  /** Merged into the tip-off's result (acceptance, transfers, verification, closing). */
  result: Record<string, unknown>;
  type: string;
  /** Event payload: ids and states only. */
  payload?: Record<string, unknown>;
  /** Audit details beyond the payload (staff-written reasons). */
  audit?: Record<string, unknown>;
}

/** One handling step: lock, visibility (404), who may act (403), state order (409), then the change with its event. */
async function step(
  deps: TipoffDeps,
  id: string,
  name: TipoffStep,
  mayAct: (actor: Actor, t: repo.TipoffView) => string | null,
  apply: (w: Write, t: repo.TipoffView) => Promise<StepResult>,
) {
  const { actor } = deps;
  const { result } = await write(deps, actor.ref, async (w) => {
    const tipoff = await visibleTipoffForUpdate(w, actor, id);
    const refusal = mayAct(actor, tipoff);
    if (refusal) throw forbidden(refusal, 'tipoff.step_forbidden');
    assertStep(tipoff.state, name);
    const r = await apply(w, tipoff);
    const previous = (tipoff.result ?? {}) as Record<string, unknown>;
    await repo.updateTipoff(w.tx, id, { ...r.changes, result: json({ ...previous, ...r.result }), updated_at: w.now });
    const payload = { state: r.changes.state, previousState: tipoff.state, ...r.payload };
    w.event({ stream: 'tipoff', streamId: id, type: r.type, departmentId: tipoff.department_id, payload });
    w.audit({ action: r.type, target: `tipoff:${id}`, details: { ...payload, ...r.audit } });
    // Read back here: after a transfer the actor's department no longer sees the tip-off, yet gets the answer.
    return (await repo.findTipoff(w.tx, id))!;
  });
  return { tipoff: await tipoffView(deps.db, result) };
}

const REVIEWER_ONLY = '只有受理部门的审核人员可以办理此步骤。';
const reviewer = (actor: Actor, t: repo.TipoffView) => (isReviewerOf(actor, t) ? null : REVIEWER_ONLY);
const by = (w: Write) => ({ at: w.now.toISOString(), by: w.actor });

export const acceptTipoff = (deps: TipoffDeps, id: string, input: { note?: string }) =>
  step(deps, id, 'acceptance', reviewer, async (w) => ({
    changes: { state: 'accepted' },
    type: 'tipoff.accepted',
    result: { acceptance: { note: input.note ?? null, ...by(w) } },
  }));

/** To another department: its staff take it over with a new deadline; the handler is cleared. */
export const transferTipoff = (deps: TipoffDeps, id: string, input: { departmentCode: string; reason: string }) =>
  step(
    deps,
    id,
    'transfer',
    (actor, t) =>
      isReviewerOf(actor, t) || hasRole(actor, 'credit_office') ? null : '只有受理部门的审核人员或信用办可以转办举报。',
    async (w, t) => {
      const target = await repo.findDepartmentByCode(w.tx, input.departmentCode);
      if (!target)
        throw unprocessable('tipoff.unknown_department', `部门「${input.departmentCode}」不存在。`, {
          field: 'departmentCode',
        });
      if (target.id === t.department_id)
        throw unprocessable('tipoff.same_department', '不能转办给当前受理部门。', { field: 'departmentCode' });
      const previous = ((t.result ?? {}) as { transfers?: unknown[] }).transfers ?? [];
      const due = await newDue(w.tx, deps.calendar.get(), 'tipoff', chinaDate(w.now));
      return {
        changes: { state: 'transferred', department_id: target.id, handler_id: null, ...due },
        type: 'tipoff.transferred',
        result: {
          transfers: [
            ...previous,
            { fromDepartmentId: t.department_id, toDepartmentId: target.id, reason: input.reason, ...by(w) },
          ],
        },
        payload: {
          fromDepartmentId: t.department_id,
          toDepartmentId: target.id,
          previousHandlerId: t.handler_id,
          dueDate: due.due_date,
        },
        audit: { reason: input.reason },
      };
    },
  );

export const verifyTipoff = (deps: TipoffDeps, id: string, input: { findings: string }) =>
  step(
    deps,
    id,
    'verification',
    (actor, t) =>
      isReviewerOf(actor, t) || (actor.kind === 'user' && actor.id === t.handler_id)
        ? null
        : '只有承办人或受理部门的审核人员可以登记核查情况。',
    async (w, t) => {
      if (!t.handler_id)
        throw unprocessable('tipoff.handler_required', '请先指定承办人，再登记核查情况。', { field: 'handlerId' });
      return {
        changes: { state: 'verified' },
        type: 'tipoff.verified',
        result: { verification: { findings: input.findings, ...by(w) } },
      };
    },
  );

export const closeTipoff = (deps: TipoffDeps, id: string, input: { result: string; substantiated: boolean }) =>
  step(deps, id, 'closing', reviewer, async (w) => ({
    changes: { state: 'closed', closed_at: w.now },
    type: 'tipoff.closed',
    result: { closing: { result: input.result, substantiated: input.substantiated, ...by(w) } },
    payload: { substantiated: input.substantiated },
  }));
