import { presentParty } from '../objections/party.ts';
import { listAttachments } from '../shared/attachments.ts';
import type { Executor } from '../shared/ledger.ts';
import type { RepairRow } from './repairs.repository.ts';
import { REPAIR_STATE_LABELS } from './repairs.states.ts';

/** The government view of a repair application: the party's ID number only masked. */
export async function presentRepair(db: Executor, r: RepairRow) {
  const [department, attachments, commitment] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where('id', '=', r.department_id)
      .executeTakeFirstOrThrow(),
    listAttachments(db, { stream: 'repair', id: r.id }),
    r.commitment_id
      ? db.selectFrom('commitments').select(['id', 'code']).where('id', '=', r.commitment_id).executeTakeFirst()
      : undefined,
  ]);
  const d = r.decision as Record<string, unknown> | null;
  return {
    id: r.id,
    applicationNo: r.application_no,
    kind: r.kind,
    target: r.target_stream && r.target_id ? { stream: r.target_stream, id: r.target_id } : null,
    namedTarget: (r.party as { namedTarget?: Record<string, string> }).namedTarget ?? null,
    department,
    origin: r.origin,
    originRef: r.origin_ref,
    party: presentParty(r.party),
    proof: r.proof,
    commitment: { id: commitment?.id ?? null, code: commitment?.code ?? null, content: r.commitment_text },
    courtDocumentNo: r.court_document_no,
    state: r.state,
    stateLabel: REPAIR_STATE_LABELS[r.state],
    earliestDate: r.earliest_date,
    decision: d
      ? {
          outcome: d.outcome as 'approved' | 'rejected' | 'refused',
          reason: d.reason as string,
          code: (d.code ?? null) as string | null,
          lifting: (d.lifting ?? null) as { from: string; until: string | null; endedAt: string | null } | null,
          decidedAt: d.decidedAt as string,
        }
      : null,
    dueDate: r.due_date,
    dueDays: r.due_days,
    acceptedAt: r.accepted_at?.toISOString() ?? null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    attachments,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
