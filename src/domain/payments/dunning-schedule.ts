import { DunningFinalAction } from './dunning-policy.entity';

export interface DunningRules {
  retryAfterDays: readonly number[];
  graceDays: number;
  finalAction: DunningFinalAction;
}

/** Nothing irreversible happens unless the seller chooses it: retries as Stripe's Smart Retries space them, then the invoice stays open. */
export const DEFAULT_DUNNING: DunningRules = { retryAfterDays: [1, 3, 5, 7], graceDays: 0, finalAction: DunningFinalAction.LEAVE_PAST_DUE };

const DAY_MS = 86_400_000;

export type DunningStep = { kind: 'retry'; step: number; at: Date } | { kind: 'final'; step: number; at: Date };

/**
 * What follows a failed step (0 the first attempt, n the n-th retry), counted from the first
 * failure (CONTRACT.md: `[1, 3, 5]` retries one, three and five days after it): the next retry,
 * or, after the last, the final action `graceDays` after it.
 */
export function stepAfter(rules: DunningRules, failedStep: number, firstFailedAt: Date): DunningStep {
  const next = failedStep + 1;
  const days = rules.retryAfterDays;
  if (next <= days.length) return { kind: 'retry', step: next, at: new Date(firstFailedAt.getTime() + days[next - 1] * DAY_MS) };
  const last = days.length === 0 ? 0 : days[days.length - 1];
  return { kind: 'final', step: days.length + 1, at: new Date(firstFailedAt.getTime() + (last + rules.graceDays) * DAY_MS) };
}

/** Whether `step` is the final action rather than an attempt. */
export function isFinalStep(rules: DunningRules, step: number): boolean {
  return step > rules.retryAfterDays.length;
}
