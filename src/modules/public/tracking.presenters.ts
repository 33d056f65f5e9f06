import { OBJECTION_STATE_LABELS } from '../objections/index.ts';
import { REPAIR_KIND_LABELS, REPAIR_STATE_LABELS } from '../repairs/index.ts';
import { chinaDate, type FilingKind } from '../shared/index.ts';
import { TIPOFF_STATE_LABELS } from '../tipoffs/index.ts';
import type { TrackedFiling } from './tracking.repository.ts';

const KIND_LABELS: Record<FilingKind, string> = { objection: '异议', repair: '信用修复', tipoff: '举报' };

/**
 * What the filer may see: status and results only. No party, no target, no handler, no internal notes; for a
 * tip-off only its state and the closing result.
 */
export function presentTracking({ kind, applicationNo, ...filing }: TrackedFiling) {
  const base = {
    kind,
    kindLabel: KIND_LABELS[kind],
    applicationNo,
    dueDate: null as string | null,
    outcome: null as string | null,
    reason: null as string | null,
    remedies: null as string | null,
    earliestDate: null as string | null,
    result: null as string | null,
    decisionDate: null as string | null,
    withdrawable: false,
  };
  if (filing.objection) {
    const o = filing.objection;
    const d = o.decision as { outcome?: string; reason?: string; remedies?: string | null } | null;
    return {
      ...base,
      state: o.state,
      stateLabel: OBJECTION_STATE_LABELS[o.state],
      filedDate: chinaDate(o.created_at),
      dueDate: o.state === 'received' ? o.due_date : null,
      outcome: o.state === 'withdrawn' ? 'withdrawn' : (d?.outcome ?? null),
      reason: d?.reason ?? null,
      remedies: d?.remedies ?? null,
      decisionDate: o.decided_at ? chinaDate(o.decided_at) : null,
      withdrawable: o.state === 'received',
    };
  }
  if (filing.repair) {
    const r = filing.repair;
    const d = r.decision as { outcome?: string; reason?: string } | null;
    const open = r.state === 'received' || r.state === 'accepted';
    return {
      ...base,
      kindLabel: REPAIR_KIND_LABELS[r.kind],
      state: r.state,
      stateLabel: REPAIR_STATE_LABELS[r.state],
      filedDate: chinaDate(r.created_at),
      dueDate: open ? r.due_date : null,
      outcome: r.state === 'withdrawn' ? 'withdrawn' : (d?.outcome ?? null),
      reason: d?.reason ?? null,
      earliestDate: r.earliest_date,
      decisionDate: r.decided_at ? chinaDate(r.decided_at) : null,
      withdrawable: open,
    };
  }
  const t = filing.tipoff!;
  const closing = (t.result as { closing?: { result?: string } } | null)?.closing;
  return {
    ...base,
    state: t.state,
    stateLabel: TIPOFF_STATE_LABELS[t.state],
    filedDate: chinaDate(t.created_at),
    result: closing?.result ?? null,
  };
}
