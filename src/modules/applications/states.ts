import { conflict } from '../shared/index.ts';

/**
 * One state set of a workflow: its Chinese labels (the one table for the set) and which states each step may start
 * from. A step from any other state answers 409 naming the current state in the same words everywhere.
 */
export interface StateMachine<S extends string, Step extends string> {
  labels: Record<S, string>;
  label(state: S): string;
  /** 409 unless `state` is one of `allowed`; `action` completes "不能…". */
  assertIn(state: S, allowed: readonly S[], action: string): void;
  assertStep(state: S, step: Step): void;
}

export function stateMachine<S extends string, Step extends string = never>(spec: {
  /** The error code of a refused step, e.g. repair.invalid_state. */
  code: string;
  /** What the user calls the thing, e.g. 信用修复申请. */
  noun: string;
  labels: Record<S, string>;
  steps?: Record<Step, { action: string; from: readonly S[] }>;
}): StateMachine<S, Step> {
  const label = (state: S) => spec.labels[state] ?? state;
  const assertIn = (state: S, allowed: readonly S[], action: string) => {
    if (allowed.includes(state)) return;
    throw conflict(spec.code, `${spec.noun}当前状态为「${label(state)}」，不能${action}。`, { state });
  };
  return {
    labels: spec.labels,
    label,
    assertIn,
    assertStep: (state, step) => {
      const rule = spec.steps![step];
      assertIn(state, rule.from, rule.action);
    },
  };
}
