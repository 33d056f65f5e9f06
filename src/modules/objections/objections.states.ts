import { conflict, forbidden } from '../shared/errors.ts';

export const OBJECTION_STATES = ['received', 'accepted', 'rejected', 'withdrawn'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  received: '办理中',
  accepted: '异议成立',
  rejected: '异议不成立',
  withdrawn: '已撤回',
};

/** 409 naming the state when the objection is no longer open. */
export function assertReceived(state: ObjectionState, action: string): void {
  if (state === 'received') return;
  throw conflict('objection.invalid_state', `异议申请当前状态为「${OBJECTION_STATE_LABELS[state]}」，不能${action}。`, {
    state,
  });
}

export const otherDepartment = () =>
  forbidden('异议由作出认定的部门办理（谁决定、谁负责），本部门不能办理该异议。', 'objection.other_department');
export const reviewerRequired = () =>
  forbidden('只有本部门的审核人员可以作出异议处理决定。', 'objection.reviewer_required');
