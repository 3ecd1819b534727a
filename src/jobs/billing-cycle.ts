import type { PaymentProviders } from '../domain/payments/providers';
import { BillingRunOptions, BillingRunResult, runBilling } from './billing-run.job';
import { CollectionRunResult, runCollection } from './collection-run.job';

export interface BillingCycleOptions extends BillingRunOptions {
  providers: PaymentProviders;
}

export type BillingCycleResult = BillingRunResult & CollectionRunResult;

/**
 * What a billing run is (runBilling, `npm run billing`, a test clock's step): the boundaries due
 * are invoiced, each in its own transaction, then the invoices' collection steps due are taken
 * (the first charge of what was just finalized, and dunning's retries and reminders), each
 * charge after the commit of what it charges.
 */
export async function runBillingCycle(options: BillingCycleOptions): Promise<BillingCycleResult> {
  const billing = await runBilling(options);
  const collection = await runCollection({ ...options, onProgress: undefined });
  return { ...billing, ...collection };
}
