import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BillingRunView } from '../../domain/billing/billing-run-store';
import type { Context } from '../context';
import { BillingRunResultType, BillingRunType } from './billing-run.types';

@Resolver()
export class BillingRunResolver {
  @Mutation(() => BillingRunResultType, {
    description:
      'Closes every period boundary due at or before `at` (not later than now: simulated time is for test clocks): invoices them and moves the subscriptions on. Safe to repeat.',
  })
  runBilling(@Arg('at') at: Date, @Ctx() ctx: Context): Promise<BillingRunResultType> {
    return ctx.services.billing.run(at);
  }

  @Mutation(() => BillingRunType, {
    description:
      'Starts the billing run of runBilling in the background and returns it at once, RUNNING (ADMIN). `at` defaults to now and may not be later. ' +
      'While a run for the same instant is RUNNING, returns that run instead of starting another.',
  })
  startBillingRun(@Arg('at', () => Date, { nullable: true }) at: Date | null, @Ctx() ctx: Context): Promise<BillingRunView> {
    return ctx.services.billing.start(at ?? null);
  }

  @Query(() => BillingRunType, { nullable: true, description: 'A run started by startBillingRun, with its progress (ADMIN)' })
  billingRun(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<BillingRunView | null> {
    return ctx.services.billing.get(id);
  }
}
