import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import type { PaymentProviders } from '../payments/providers';
import type { Clock } from './clock';

/** What every service method works with: the request's EntityManager, who is asking, and the time. */
export interface ServiceContext {
  em: EntityManager;
  actor: Actor;
  clock: Clock;
  /** The payment providers this deployment offers; without it, those that ship (providersOf). */
  providers?: PaymentProviders;
}
