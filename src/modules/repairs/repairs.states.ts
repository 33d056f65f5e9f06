import { applicationKind } from '../applications/index.ts';
import { forbidden, type RepairsTable } from '../shared/index.ts';

export type RepairState = RepairsTable['state'];
export type RepairKind = RepairsTable['kind'];
export const REPAIR_STATES = [
  'received',
  'accepted',
  'approved',
  'rejected',
  'refused',
  'withdrawn',
] as const satisfies readonly RepairState[];
export const REPAIR_KINDS = ['repair', 'reorganization'] as const satisfies readonly RepairKind[];

export const REPAIR_STATE_LABELS: Record<RepairState, string> = {
  received: '待受理',
  accepted: '已受理',
  approved: '准予修复',
  rejected: '不予修复',
  refused: '不予受理（未到可申请日期或不符合条件）',
  withdrawn: '已撤回',
};
export const REPAIR_KIND_LABELS: Record<RepairKind, string> = {
  repair: '信用修复',
  reorganization: '重整、和解期间暂停实施惩戒措施',
};

/** Repairs as a kind of party application: accepted (受理) before the decision, open until it (谁认定、谁修复). */
export const REPAIR = applicationKind('repairs', {
  open: ['received', 'accepted'],
  labels: REPAIR_STATE_LABELS,
  noun: '信用修复申请',
  words: {
    otherDepartment: '信用修复由作出认定的部门办理（谁认定、谁修复），本部门不能办理该申请。',
    decision: '信用修复决定',
    short: '申请',
  },
});

/** 409 naming the state unless the repair is in one of `states`. */
export const assertRepairState = (state: RepairState, states: RepairState[], action: string) =>
  REPAIR.states.assertIn(state, states, action);

export const staffRequired = () =>
  forbidden('只有本部门的经办或审核人员可以受理信用修复申请。', 'repair.staff_required');
