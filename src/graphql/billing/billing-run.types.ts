import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BillingRunStatus } from '../../domain/billing/billing-run.entity';

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

  @Field(() => Int, {
    description: 'Lifecycle signals emitted (trial ending, renewal upcoming, usage threshold crossed, payment method or quote expiring)',
  })
  signalsEmitted!: number;

  @Field(() => Int, { description: 'Lifecycle signals that failed with an error (logged); the next run retries them' })
  signalsFailed!: number;
}

registerEnumType(BillingRunStatus, { name: 'BillingRunStatus' });

@ObjectType('BillingRun', { description: 'An asynchronous billing run (startBillingRun): poll billingRun(id) for its progress' })
export class BillingRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => BillingRunStatus, {
    description: 'RUNNING, then SUCCEEDED or FAILED; a run whose process died shows FAILED once it has written nothing for 5 minutes',
  })
  status!: BillingRunStatus;

  @Field(() => Date, { description: 'Boundaries at or before this instant are closed' })
  at!: Date;

  @Field(() => Int, { description: 'Subscriptions handled so far (billed, or left after an error), written per batch' })
  processed!: number;

  @Field(() => Int, { nullable: true, description: 'Subscriptions due when the run counted them; null until it has' })
  total!: number | null;

  @Field(() => Int)
  invoicesCreated!: number;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it FAILED, or what failed item by item in a run that SUCCEEDED (each logged with the run id)',
  })
  error!: string | null;
}
