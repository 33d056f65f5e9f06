import { listAttachments } from '../shared/attachments.ts';
import type { Executor } from '../shared/ledger.ts';
import type { ObjectionRow } from './objections.repository.ts';
import { OBJECTION_STATE_LABELS } from './objections.states.ts';
import { presentParty } from './party.ts';

/** The government view of an objection: the party's ID number only masked, never the digest. */
export async function presentObjection(db: Executor, o: ObjectionRow) {
  const [department, attachments] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where('id', '=', o.department_id)
      .executeTakeFirstOrThrow(),
    listAttachments(db, { stream: 'objection', id: o.id }),
  ]);
  const d = o.decision as Record<string, unknown> | null;
  return {
    id: o.id,
    applicationNo: o.application_no,
    target: o.target_stream && o.target_id ? { stream: o.target_stream, id: o.target_id } : null,
    namedTarget: (o.party as { namedTarget?: Record<string, string> }).namedTarget ?? null,
    department,
    origin: o.origin,
    originRef: o.origin_ref,
    party: presentParty(o.party),
    content: o.content,
    state: o.state,
    stateLabel: OBJECTION_STATE_LABELS[o.state],
    decision: d
      ? {
          outcome: d.outcome as 'accepted' | 'rejected',
          reason: d.reason as string,
          action: (d.action ?? null) as 'corrected' | 'revoked' | null,
          correction: (d.correction ?? null) as Record<string, unknown> | null,
          remedies: (d.remedies ?? null) as string | null,
          withdrawal: (d.withdrawal ?? null) as { dueDate: string | null; withdrawnAt: string } | null,
          decidedAt: d.decidedAt as string,
        }
      : null,
    dueDate: o.due_date,
    dueDays: o.due_days,
    decidedAt: o.decided_at?.toISOString() ?? null,
    closedAt: o.closed_at?.toISOString() ?? null,
    attachments,
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
  };
}
