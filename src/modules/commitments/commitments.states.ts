import type { CommitmentType } from '../shared/index.ts';

export const TYPE_LABELS: Record<CommitmentType, string> = {
  approval_substitute: '审批替代型',
  accept_with_commitment: '容缺受理型',
  certification: '证明事项型',
  repair: '信用修复型',
  self_discipline: '行业自律型',
  voluntary: '主动型',
  other: '其他',
};

export const STATE_LABELS = {
  open: '履行中',
  fulfilled: '全部履行',
  partially_fulfilled: '部分履行',
  unfulfilled: '全部未履行',
  lapsed: '已失效（所属信用修复申请未获准予）',
} as const;
