import { stateMachine } from '../applications/index.ts';

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

/** received → accepted → verified → closed; a transfer (before verification) hands it to another department to accept. */
export const TIPOFF = stateMachine<TipoffState, TipoffStep>({
  code: 'tipoff.invalid_state',
  noun: '举报',
  labels: STATE_LABELS,
  steps: {
    acceptance: { action: '办理「受理」', from: ['received', 'transferred'] },
    transfer: { action: '办理「转办」', from: ['received', 'transferred', 'accepted'] },
    verification: { action: '办理「核查」', from: ['accepted'] },
    closing: { action: '办理「办结」', from: ['verified'] },
  },
});

export const assertStep = (state: TipoffState, step: TipoffStep) => TIPOFF.assertStep(state, step);
