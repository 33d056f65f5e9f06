import { presentApplication } from '../applications/index.ts';
import { REPAIR_STATE_LABELS } from './repairs.states.ts';
import type { RepairView } from './repairs.usecases.ts';

/** The government view of a repair application: the common part, proof, commitment, state and decision. */
export function presentRepair(view: RepairView) {
  const r = view.row;
  const d = r.decision as Record<string, unknown> | null;
  return {
    ...presentApplication(view),
    kind: r.kind,
    proof: r.proof,
    commitment: { id: view.commitment?.id ?? null, code: view.commitment?.code ?? null, content: r.commitment_text },
    courtDocumentNo: r.court_document_no,
    state: r.state,
    stateLabel: REPAIR_STATE_LABELS[r.state],
    earliestDate: r.earliest_date,
    acceptedAt: r.accepted_at?.toISOString() ?? null,
    decision: d
      ? {
          outcome: d.outcome as 'approved' | 'rejected' | 'refused',
          reason: d.reason as string,
          code: (d.code ?? null) as string | null,
          lifting: (d.lifting ?? null) as { from: string; until: string | null; endedAt: string | null } | null,
          decidedAt: d.decidedAt as string,
        }
      : null,
  };
}
