import type { PaymentProviders } from '../domain/payments/providers';
import { BillingRunOptions, BillingRunResult, runBilling } from './billing-run.job';
import { CollectionRunResult, runCollection } from './collection-run.job';
import { LifecycleSignalsResult, runLifecycleSignals } from './lifecycle-signals.job';

export interface BillingCycleOptions extends BillingRunOptions {
  providers: PaymentProviders;
}

export type BillingCycleResult = BillingRunResult & CollectionRunResult & LifecycleSignalsResult;

/**
 * What a billing run is (runBilling, `npm run billing`, a test clock's step): the boundaries due
 * are invoiced, each in its own transaction, then the invoices' collection steps due are taken
 * (the first charge of what was just finalized, and dunning's retries and reminders), each
 * charge after the commit of what it charges; last, the lifecycle signals due by then (trial
 * ending, renewal upcoming, usage thresholds, expiring payment methods and quotes).
 */
export async function runBillingCycle(options: BillingCycleOptions): Promise<BillingCycleResult> {
  const billing = await runBilling(options);
  const collection = await runCollection({ ...options, onProgress: undefined });
  const signals = await runLifecycleSignals(options);
  return { ...billing, ...collection, ...signals };
}
