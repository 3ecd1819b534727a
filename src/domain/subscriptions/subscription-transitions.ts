import { ConflictError } from '../errors';
import { SubscriptionStatus as S } from './subscription.entity';

export type SubscriptionAction = 'change' | 'pause' | 'resume' | 'cancel_now' | 'cancel_at_period_end';

/**
 * Which action each status allows: `true`, or why not. The one table services consult and the
 * transition tests walk; a status missing from an action's row is refused with a generic reason.
 */
export const transitions: Readonly<Record<SubscriptionAction, Readonly<Record<S, true | string>>>> = {
  change: {
    [S.INCOMPLETE]: true,
    [S.TRIALING]: true,
    [S.ACTIVE]: true,
    [S.PAST_DUE]: true,
    [S.PAUSED]: 'a paused subscription cannot change; resume it first',
    [S.CANCELED]: 'a canceled subscription cannot change',
  },
  pause: {
    [S.INCOMPLETE]: 'a subscription that has not started cannot be paused',
    [S.TRIALING]: 'a trial cannot be paused; cancel it or let it convert',
    [S.ACTIVE]: true,
    [S.PAST_DUE]: 'a past-due subscription cannot be paused; settle its open invoice first',
    [S.PAUSED]: 'the subscription is already paused',
    [S.CANCELED]: 'a canceled subscription cannot be paused',
  },
  resume: {
    [S.INCOMPLETE]: 'only a paused subscription can be resumed',
    [S.TRIALING]: 'only a paused subscription can be resumed',
    [S.ACTIVE]: 'only a paused subscription can be resumed',
    [S.PAST_DUE]: 'only a paused subscription can be resumed',
    [S.PAUSED]: true,
    [S.CANCELED]: 'a canceled subscription cannot be resumed',
  },
  cancel_now: {
    [S.INCOMPLETE]: true,
    [S.TRIALING]: true,
    [S.ACTIVE]: true,
    [S.PAST_DUE]: true,
    [S.PAUSED]: true,
    [S.CANCELED]: 'the subscription is already canceled',
  },
  cancel_at_period_end: {
    [S.INCOMPLETE]: 'a subscription that has not started has no period to end; cancel it now',
    [S.TRIALING]: true,
    [S.ACTIVE]: true,
    [S.PAST_DUE]: true,
    [S.PAUSED]: true,
    [S.CANCELED]: 'the subscription is already canceled',
  },
};

export function assertAllowed(action: SubscriptionAction, status: S): void {
  const verdict = transitions[action][status];
  if (verdict !== true) throw new ConflictError(`cannot ${action.replace(/_/g, ' ')} a ${status} subscription: ${verdict}`);
}
