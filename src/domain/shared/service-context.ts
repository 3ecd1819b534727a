import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger';
import type { Actor } from '../auth/actor';
import type { PaymentProviders } from '../payments/providers';
import type { Clock } from './clock';

/** What every service method works with: the request's EntityManager, who is asking, and the time. */
export interface ServiceContext {
  em: EntityManager;
  actor: Actor;
  clock: Clock;
  /** The payment providers this deployment offers (defaultPaymentProviders at the wiring), never guessed here. */
  providers: PaymentProviders;
  /** The request's logger, for use cases that log as they go (billing runs, test clock advances). */
  logger?: Logger;
  /** TARIFF_SECRETS_KEY, parsed (connectors/secrets.ts); null when unset: connections cannot be created. */
  secretsKey?: Buffer | null;
}
