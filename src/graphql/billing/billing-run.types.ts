import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('BillingRunResult')
export class BillingRunResultType {
  @Field(() => Int, { description: 'Subscriptions that had at least one period boundary closed' })
  subscriptionsProcessed!: number;

  @Field(() => Int)
  invoicesCreated!: number;

  @Field(() => Int, { description: 'Subscriptions left as they were after an error (logged with their ids); the next run retries them' })
  subscriptionsFailed!: number;

  @Field(() => Int, { description: 'Charges that succeeded in the collection pass that follows the billing' })
  paymentsSucceeded!: number;

  @Field(() => Int, { description: 'Charges that failed (declined, or no payment method): their invoices are in dunning' })
  paymentsFailed!: number;

  @Field(() => Int, { description: 'Charges the provider did not answer: asked again with the same idempotency key by the next run' })
  paymentsPending!: number;

  @Field(() => Int, { description: 'Overdue notices and reminders of SEND_INVOICE invoices' })
  remindersSent!: number;

  @Field(() => Int, { description: "Invoices whose retries were exhausted and the dunning policy's final action taken" })
  finalActions!: number;

  @Field(() => Int, { description: 'Invoices whose collection step failed with an error (logged); the next run retries them' })
  invoicesFailed!: number;

  @Field(() => Int, { description: 'Lifecycle signals emitted (trial ending, renewal upcoming, usage threshold crossed, payment method or quote expiring)' })
  signalsEmitted!: number;

  @Field(() => Int, { description: 'Lifecycle signals that failed with an error (logged); the next run retries them' })
  signalsFailed!: number;
}
