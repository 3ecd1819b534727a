import type { PaymentProviders } from '../payments/providers';
import { BillingRunOptions, BillingRunResult, runBilling } from './billing-run';
import { CollectionRunProgress, CollectionRunResult, runCollection } from './collection-run';
import { LifecycleSignalsResult, runLifecycleSignals } from './lifecycle-signals-run';
import { OrderRunResult, runOrderPlacement } from './order-run';

export interface BillingCycleOptions extends BillingRunOptions {
  providers: PaymentProviders;
  onCollectionProgress?: (progress: CollectionRunProgress) => void;
  /**
   * The billing step, runBilling in this process by default; `npm run billing --workers N` passes
   * one that shares it between processes. Collection and signals always run here, once, after it.
   */
  bill?: (options: BillingRunOptions) => Promise<BillingRunResult>;
}

export type BillingCycleResult = BillingRunResult & OrderRunResult & CollectionRunResult & LifecycleSignalsResult;

/**
 * What a billing run is (runBilling, startBillingRun, `npm run billing`, a test clock's step): the
 * boundaries due are invoiced, each in its own transaction, the orders due are placed (issue 17), then the invoices' collection steps
 * due are taken (the first charge of what was just finalized, and dunning's retries and
 * reminders), each charge after the commit of what it charges; last, the lifecycle signals due
 * by then (trial ending, renewal upcoming, usage thresholds, expiring payment methods and quotes).
 */
export async function runBillingCycle(options: BillingCycleOptions): Promise<BillingCycleResult> {
  const { bill = runBilling, onCollectionProgress, ...rest } = options;
  const billing = await bill(rest);
  const orders = await runOrderPlacement(rest);
  const collection = await runCollection({ ...rest, onProgress: onCollectionProgress });
  const signals = await runLifecycleSignals(rest);
  return { ...billing, ...orders, ...collection, ...signals };
}
