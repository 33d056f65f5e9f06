import { chinaDate, conflict, forbidden, hasRole, json, notFound, unprocessable, write } from '../shared/index.ts';
import * as repo from './commitments.repository.ts';
import { proposeBreachRecord, restoreRepairedRecord } from './commitments.records.ts';
import type { FulfilmentInput } from './commitments.schemas.ts';
import { STATE_LABELS } from './commitments.states.ts';
import { canSee, getCommitment, recordCommitmentChange, type CommitmentDeps } from './commitments.usecases.ts';

/**
 * The accepting department's reviewer records whether a commitment was kept (docs/domain/rules.md §7). A broken one
 * (partly or not performed) becomes a proposed dishonesty record for the reviewer to decide on; a broken repair
 * commitment instead restores the repaired record for its maximum period from today.
 */
export async function recordFulfilment(deps: CommitmentDeps, id: string, input: FulfilmentInput) {
  const { actor } = deps;
  await write(deps, actor.ref, async (w) => {
    const c = await repo.findCommitmentForUpdate(w.tx, id);
    if (!c || !canSee(actor, c)) throw notFound('信用承诺', 'commitment.not_found');
    if (c.department_id !== actor.departmentId)
      throw forbidden('只有受理承诺的部门可以认定履行情况。', 'commitment.other_department');
    if (actor.kind !== 'user' || !hasRole(actor, 'reviewer'))
      throw forbidden('只有受理部门的审核人员可以认定履行情况。', 'commitment.reviewer_required');
    if (c.state !== 'open') {
      throw conflict('commitment.not_open', `该承诺已认定为「${STATE_LABELS[c.state]}」，不能再次登记履行情况。`, {
        state: c.state,
      });
    }
    validate(input, c, chinaDate(w.now));

    const broken = input.result !== 'fulfilled';
    let recordId: string | null = null;
    let restored = false;
    if (broken) {
      const restoredRecord = c.type === 'repair' ? await restoreRepairedRecord(w, c) : null;
      if (restoredRecord) {
        recordId = restoredRecord.id;
        restored = true;
      } else {
        if (!input.recordDomain) {
          throw unprocessable(
            'commitment.record_domain_required',
            '未全部履行的承诺将形成失信信息，请填写其所属领域（recordDomain）。',
            { field: 'recordDomain' },
          );
        }
        recordId = await proposeBreachRecord(w, c, {
          domain: input.recordDomain,
          date: input.date,
          unperformed: input.unperformed!,
        });
      }
    }
    const fulfilment = {
      result: input.result,
      date: input.date,
      unperformed: input.unperformed ?? null,
      liabilityPursued: input.liabilityPursued ?? null,
      note: input.note ?? null,
      recordedBy: actor.ref,
      recordedAt: w.now.toISOString(),
    };
    await repo.updateCommitment(w.tx, c.id, {
      state: input.result,
      fulfilment: json(fulfilment),
      record_id: recordId,
      closed_at: w.now,
      updated_at: w.now,
    });
    recordCommitmentChange(w, c, broken ? 'commitment.broken' : 'commitment.fulfilled', {
      state: input.result,
      previousState: c.state,
      date: input.date,
      recordId,
      restored,
    });
  });
  return getCommitment(deps, id);
}

function validate(input: FulfilmentInput, c: repo.CommitmentRow, today: string) {
  if (input.date > today)
    throw unprocessable('commitment.date_in_future', `履行情况认定日期 ${input.date} 晚于今日。`, { field: 'date' });
  if (input.date < c.term_start) {
    throw unprocessable('commitment.date_before_term', `履行情况认定日期不能早于承诺起始日 ${c.term_start}。`, {
      field: 'date',
    });
  }
  if (input.result === 'fulfilled') return;
  if (!input.unperformed)
    throw unprocessable('commitment.unperformed_required', '部分履行或全部未履行时，须写明未履行的内容。', {
      field: 'unperformed',
    });
  if (!input.liabilityPursued)
    throw unprocessable('commitment.liability_required', '部分履行或全部未履行时，须写明已追究的违诺责任。', {
      field: 'liabilityPursued',
    });
}
