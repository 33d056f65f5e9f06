import { stateMachine, type ApplicationKind } from '../applications/index.ts';
import { forbidden } from '../shared/errors.ts';

export const OBJECTION_STATES = ['received', 'accepted', 'rejected', 'withdrawn'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  received: '办理中',
  accepted: '异议成立',
  rejected: '异议不成立',
  withdrawn: '已撤回',
};

/** Objections as a kind of party application: one open state, decided by the deciding department's reviewer. */
export const OBJECTION: ApplicationKind<'objections', ObjectionState> = {
  table: 'objections',
  stream: 'objection',
  noun: '异议申请',
  states: stateMachine({ code: 'objection.invalid_state', noun: '异议申请', labels: OBJECTION_STATE_LABELS }),
  open: ['received'],
  otherDepartment: () =>
    forbidden('异议由作出认定的部门办理（谁决定、谁负责），本部门不能办理该异议。', 'objection.other_department'),
  reviewerRequired: () => forbidden('只有本部门的审核人员可以作出异议处理决定。', 'objection.reviewer_required'),
  alreadyAssigned: '该异议已确定对象并由认定部门办理，不能再分办。',
};
