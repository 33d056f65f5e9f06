import { conflict } from '../shared/index.ts';

export const ENTRY_STATES = [
  'draft',
  'notice_served',
  'statement_recorded',
  'decided',
  'nominated',
  'reviewed',
  'in_effect',
  'ended',
] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const STATE_LABELS: Record<EntryState, string> = {
  draft: '草稿',
  notice_served: '已事前告知',
  statement_recorded: '已记录陈述申辩',
  decided: '已作出认定决定',
  nominated: '已推荐',
  reviewed: '已审核',
  in_effect: '生效中',
  ended: '已终止',
};

export const END_REASONS = ['expired', 'repaired', 'revoked', 'corrected', 'rejected', 'superseded_by_black'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, string> = {
  expired: '期满移出',
  repaired: '信用修复',
  revoked: '撤销',
  corrected: '更正',
  rejected: '审核未通过',
  superseded_by_black: '列入严重失信主体名单而退出',
};

/** Which states each step may start from; anything else answers 409 naming the current state. */
export const TRANSITIONS = {
  notice: { label: '送达事前告知', from: ['draft'] },
  statement: { label: '记录陈述申辩', from: ['notice_served'] },
  decision: { label: '作出认定决定', from: ['notice_served', 'statement_recorded'] },
  review: { label: '审核红名单推荐', from: ['nominated'] },
  publication: { label: '发布生效', from: ['decided', 'reviewed'] },
  ending: {
    label: '移出名单',
    from: ['draft', 'notice_served', 'statement_recorded', 'decided', 'nominated', 'reviewed', 'in_effect'],
  },
} as const satisfies Record<string, { label: string; from: readonly EntryState[] }>;
export type Transition = keyof typeof TRANSITIONS;

export function assertTransition(state: string, transition: Transition): void {
  const rule = TRANSITIONS[transition];
  if (!(rule.from as readonly string[]).includes(state)) {
    const label = STATE_LABELS[state as EntryState] ?? state;
    throw conflict('entry.invalid_transition', `名单记录当前状态为「${label}」，不能${rule.label}。`, {
      state,
      transition,
    });
  }
}
