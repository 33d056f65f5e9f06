import { conflict, type Severity } from '../shared/index.ts';

export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export const SEVERITY_LABELS: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };

export const RECORD_STATES = ['proposed', 'in_effect', 'ended', 'dismissed'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
export const STATE_LABELS: Record<RecordState, string> = {
  proposed: '待审核（违背承诺拟记录）',
  in_effect: '生效中',
  ended: '已终止',
  dismissed: '不予记录',
};

export const RECORD_END_REASONS = ['expired', 'repaired', 'revoked', 'corrected'] as const;
export type RecordEndReason = (typeof RECORD_END_REASONS)[number];
export const END_REASON_LABELS: Record<RecordEndReason, string> = {
  expired: '公示期满',
  repaired: '信用修复',
  revoked: '撤销',
  corrected: '更正',
};

/**
 * Names of the penalty types of 行政处罚法 Art. 9 (and a broken commitment) in the catalog mapping. The mapping may
 * hold other codes a domain regulator adds; those show their code.
 */
export const PENALTY_TYPE_NAMES: Record<string, string> = {
  warning: '警告、通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspension: '暂扣许可证件、降低资质等级、责令停产停业',
  revocation: '吊销许可证件、责令关闭',
  restriction: '限制开展生产经营活动、限制从业',
  commitment_breach: '违背信用承诺',
};
export const penaltyTypeName = (code: string) => PENALTY_TYPE_NAMES[code] ?? code;

/** Which states each reviewer step may start from; anything else answers 409 naming the current state. */
export const RECORD_STEPS = {
  disclosure: { label: '变更公示决定', from: ['in_effect'] },
  revocation: { label: '撤销', from: ['in_effect'] },
  confirmation: { label: '确认记录', from: ['proposed'] },
  dismissal: { label: '不予记录', from: ['proposed'] },
} as const satisfies Record<string, { label: string; from: readonly RecordState[] }>;
export type RecordStep = keyof typeof RECORD_STEPS;

export function assertRecordStep(state: string, step: RecordStep): void {
  const rule = RECORD_STEPS[step];
  if (!(rule.from as readonly string[]).includes(state)) {
    const label = STATE_LABELS[state as RecordState] ?? state;
    throw conflict('record.invalid_state', `失信信息当前状态为「${label}」，不能${rule.label}。`, { state, step });
  }
}
