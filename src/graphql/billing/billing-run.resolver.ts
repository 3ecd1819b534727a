import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BillingRunResultType } from './billing-run.types';

@Resolver()
export class BillingRunResolver {
  @Mutation(() => BillingRunResultType, { description: 'Closes every period boundary due at or before `at`: invoices them and moves the subscriptions on. Safe to repeat.' })
  runBilling(@Arg('at') at: Date, @Ctx() ctx: Context): Promise<BillingRunResultType> {
    return ctx.services.billing.run(at);
  }
}
