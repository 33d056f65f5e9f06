import { applicationKind } from '../applications/index.ts';

export const OBJECTION_STATES = ['received', 'accepted', 'rejected', 'withdrawn'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  received: '办理中',
  accepted: '异议成立',
  rejected: '异议不成立',
  withdrawn: '已撤回',
};

/** Objections as a kind of party application: one open state, decided by the deciding department's reviewer. */
export const OBJECTION = applicationKind('objections', {
  noun: '异议申请',
  labels: OBJECTION_STATE_LABELS,
  open: ['received'],
  words: {
    decision: '异议处理决定',
    short: '异议',
    otherDepartment: '异议由作出认定的部门办理（谁决定、谁负责），本部门不能办理该异议。',
  },
});
