import { Role } from '../../src/domain/auth/actor';
import type { Clock } from '../../src/domain/shared/clock';
import { ImportReport, importStripeDump } from '../../src/import/stripe-import';
import type { TestApp } from '../support/app';
import { must } from '../support/catalog';

export const importer = { keyId: 'import-test', name: 'Stripe import (test)', role: Role.ADMIN, customerId: null };

/** The import as the CLI runs it, in this process, on the test app's database. */
export function importDump(
  t: TestApp,
  clock: Clock,
  dir: string,
  options: { dryRun?: boolean; resume?: boolean; batchSize?: number } = {},
): Promise<ImportReport> {
  return importStripeDump({
    dir,
    dryRun: options.dryRun ?? false,
    resume: options.resume ?? false,
    batchSize: options.batchSize ?? 500,
    // The embedded database runs one transaction at a time (the CLI's default there too).
    concurrency: process.env.DATABASE_URL ? 4 : 1,
    actor: importer,
    clock,
    fork: () => t.app.db.orm.em.fork(),
  });
}

/** The refusal filed for a Stripe id, or undefined. */
export function reasonFor(report: ImportReport, id: string): string | undefined {
  return report.rejected.find((r) => r.id === id)?.reason;
}

export async function subscriptionByStripeId(t: TestApp, id: string): Promise<any> {
  const data = await must(
    t,
    `query($id: String!) { subscriptionByExternalId(system: "STRIPE", id: $id) {
        id status currentPeriodStart currentPeriodEnd trialEnd cancelAtPeriodEnd customer { id }
        items { priceCode quantity } externalIds { system id } } }`,
    { id },
  );
  return data.subscriptionByExternalId;
}

/**
 * The next invoice as a client sees it: upcomingInvoice's total, dated at the boundary it is made
 * at (a trial's end, otherwise the current period's end).
 */
export async function upcomingOf(
  t: TestApp,
  sub: { id: string; status: string; trialEnd: string | null; currentPeriodEnd: string },
): Promise<{ at: string; total: string }> {
  const data = await must(t, 'query($id: ID!) { upcomingInvoice(subscriptionId: $id) { total } }', { id: sub.id });
  return { at: sub.status === 'TRIALING' ? sub.trialEnd! : sub.currentPeriodEnd, total: data.upcomingInvoice.total };
}
