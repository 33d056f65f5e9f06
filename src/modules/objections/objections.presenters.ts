import { presentApplication, type WithRefs } from '../applications/index.ts';
import type { ObjectionRow } from './objections.repository.ts';
import { OBJECTION_STATE_LABELS } from './objections.states.ts';

/** The government view of an objection: the common part, its content, state and decision. */
export function presentObjection(o: WithRefs<ObjectionRow>) {
  const d = o.row.decision as Record<string, unknown> | null;
  return {
    ...presentApplication(o),
    content: o.row.content,
    state: o.row.state,
    stateLabel: OBJECTION_STATE_LABELS[o.row.state],
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
  };
}
