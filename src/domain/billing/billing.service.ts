import { randomUUID } from 'node:crypto';
import { withoutAudit } from '../audit/audit-context';
import { recordAuditSummary } from '../audit/audit-summary';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { BillingCycleResult, runBillingCycle } from './billing-cycle';
import { launchBillingRun } from './billing-run-launcher';
import { BillingRunView, claimBillingRun, findBillingRun } from './billing-run-store';

/**
 * The billing cycle as an API operation (ADMIN: 'billing:run'): it runs on this request's clock,
 * as this key, with this deployment's payment providers, each boundary in a transaction of its
 * own (never the request's).
 */
export class BillingService {
  constructor(private readonly ctx: ServiceContext) {}

  /** `runBilling(at:)`: the whole cycle at `at`, answered when it is done. */
  async run(at: Date): Promise<BillingCycleResult> {
    authorize(this.ctx.actor, 'billing:run');
    this.requireNotFuture(at);
    const { em, actor, clock, providers, logger } = this.ctx;
    // Audited as one entry with its counts, not record by record (docs/audit-log.md).
    const result = await withoutAudit(() => runBillingCycle({ fork: () => em.fork(), at, clock, actor, providers, logger }));
    await recordAuditSummary(em.fork(), { type: 'BillingRun', id: null }, { at, ...result });
    return result;
  }

  /**
   * `startBillingRun(at:)`: the same cycle in the background of this process, answered at once
   * with the RUNNING run to poll (billingRun). One run per instant: while one is RUNNING for `at`,
   * starting again returns that one (so a client that retries does not start a second).
   */
  async start(at: Date | null): Promise<BillingRunView> {
    authorize(this.ctx.actor, 'billing:run');
    const { em, actor, clock, providers, logger } = this.ctx;
    const instant = at ?? clock.now();
    this.requireNotFuture(instant);
    const { run, created } = await em.fork().transactional(async (tx) => {
      const claimed = await claimBillingRun(tx, { id: randomUUID(), at: instant, startedAt: clock.now(), startedBy: actor.keyId });
      if (claimed.created)
        await recordAuditSummary(tx, { type: 'BillingRun', id: claimed.run.id }, { at: instant, status: claimed.run.status });
      return claimed;
    });
    // The run outlives the request: its own writes are the billing run's record, not this mutation's.
    if (created) withoutAudit(() => launchBillingRun(run, { fork: () => em.fork(), clock, actor, providers, logger }));
    return run;
  }

  /** `billingRun(id:)`; null for an id that names none. */
  async get(id: string): Promise<BillingRunView | null> {
    authorize(this.ctx.actor, 'billing:run');
    return isId(id) ? findBillingRun(this.ctx.em, id) : null;
  }

  /**
   * Billing later than the real clock would invoice a period that has not happened, close usage
   * still arriving and charge for it now (issue 15). Simulated time is what test clocks are for.
   */
  private requireNotFuture(at: Date): void {
    const now = this.ctx.clock.now();
    if (at.getTime() > now.getTime()) {
      throw new InvalidInputError(
        'at',
        `at must not be later than now (${now.toISOString()}); to bill ahead in time, put the customers on a test clock and advance it`,
      );
    }
  }
}
