import { forbidden, type Role } from '../shared/index.ts';
import { TRANSITIONS, type Transition } from './entries.states.ts';

/**
 * The wrong role for a step: the message names the step itself (送达事前告知, 审核红名单推荐, 发布生效 …), so that an
 * operator refused a publication is not told about "deciding".
 */
export function roleRequired(transition: Transition, roles: readonly Role[]) {
  const action = TRANSITIONS[transition].label;
  return roles.includes('operator')
    ? forbidden(`只有本部门的经办或审核人员可以${action}。`, 'entry.staff_required')
    : forbidden(`只有本部门的审核人员可以${action}。`, 'entry.reviewer_required');
}
