import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../errors';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/service-context';
import { MANUAL_PROVIDER, ManualProvider } from './manual-provider';
import type { PaymentProvider } from './provider';
import { SandboxProvider } from './sandbox-provider';

/** The providers a deployment offers, by name: `sandbox` and `manual` ship; a real gateway is one more entry. */
export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

export function defaultPaymentProviders(fork: () => EntityManager, clock: Clock): PaymentProviders {
  return new Map<string, PaymentProvider>([
    ['sandbox', new SandboxProvider(fork, clock)],
    [MANUAL_PROVIDER, new ManualProvider()],
  ]);
}

/** The context's providers, or those that ship (sandbox, manual) when the caller gave none. */
export function providersOf(ctx: ServiceContext): PaymentProviders {
  return ctx.providers ?? defaultPaymentProviders(() => ctx.em.fork(), ctx.clock);
}

export function providerNamed(providers: PaymentProviders, name: string, field: string): PaymentProvider {
  const provider = providers.get(name);
  if (!provider) throw new InvalidInputError(field, `unknown payment provider; this server offers ${[...providers.keys()].join(', ')}`);
  return provider;
}
