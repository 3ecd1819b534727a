import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../errors';
import type { Clock } from '../shared/clock';
import { MANUAL_PROVIDER, ManualProvider } from './manual-provider';
import type { PaymentProvider } from './provider';
import { SandboxProvider } from './sandbox-provider';
import { SEPA_DEBIT_PROVIDER, SepaDebitProvider } from './sepa-debit-provider';

/** The providers a deployment offers, by name: `sandbox`, `manual` and `sepa_debit` ship; a real gateway is one more entry. */
export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

export function defaultPaymentProviders(fork: () => EntityManager, clock: Clock): PaymentProviders {
  return new Map<string, PaymentProvider>([
    ['sandbox', new SandboxProvider(fork, clock)],
    [MANUAL_PROVIDER, new ManualProvider()],
    [SEPA_DEBIT_PROVIDER, new SepaDebitProvider()],
  ]);
}

export function providerNamed(providers: PaymentProviders, name: string, field: string): PaymentProvider {
  const provider = providers.get(name);
  if (!provider) throw new InvalidInputError(field, `unknown payment provider; this server offers ${[...providers.keys()].join(', ')}`);
  return provider;
}

/**
 * For paths that take no payment (rendering a document, importing a catalog, seeding demo data):
 * any attempt to charge through them is refused as an unknown provider instead of reaching a
 * sandbox nobody chose.
 */
export const NO_PAYMENT_PROVIDERS: PaymentProviders = new Map();
