import { authorize } from '../auth/actor';
import type { ServiceContext } from '../shared/service-context';
import { BillingCycleResult, runBillingCycle } from './billing-cycle';

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
    const { em, actor, clock, providers, logger } = this.ctx;
    return runBillingCycle({ fork: () => em.fork(), at, clock, actor, providers, logger });
  }
}
