import { conflict } from '../shared/errors.ts';

export const TIPOFF_STATES = ['received', 'accepted', 'transferred', 'verified', 'closed'] as const;
export type TipoffState = (typeof TIPOFF_STATES)[number];

export const STATE_LABELS: Record<TipoffState, string> = {
  received: '待受理',
  accepted: '已受理',
  transferred: '已转办待受理',
  verified: '已核查',
  closed: '已办结',
};

export type TipoffStep = 'acceptance' | 'transfer' | 'verification' | 'closing';

const STEP_LABELS: Record<TipoffStep, string> = {
  acceptance: '受理',
  transfer: '转办',
  verification: '核查',
  closing: '办结',
};

/** received → accepted → verified → closed; a transfer (before verification) hands it to another department to accept. */
const FROM: Record<TipoffStep, TipoffState[]> = {
  acceptance: ['received', 'transferred'],
  transfer: ['received', 'transferred', 'accepted'],
  verification: ['accepted'],
  closing: ['verified'],
};

export function assertStep(state: TipoffState, step: TipoffStep) {
  if (!FROM[step].includes(state)) {
    throw conflict(
      'tipoff.invalid_state',
      `举报当前状态为「${STATE_LABELS[state]}」，不能办理「${STEP_LABELS[step]}」。`,
      { state },
    );
  }
}
