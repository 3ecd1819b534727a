import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EmailDeliveryStatus } from '../../domain/email/email-delivery.entity';
import { Connection } from '../shared/connection';

registerEnumType(EmailDeliveryStatus, {
  name: 'EmailDeliveryStatus',
  description: 'PENDING (waiting for an attempt), SENT (the SMTP server accepted it), FAILED (refused for good, or given up after 3 days)',
});

@ObjectType('EmailDelivery', { description: 'One e-mail: one event to one address, sent at most once' })
export class EmailDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The address, lower-cased' })
  to!: string;

  @Field()
  subject!: string;

  @Field({ description: 'The event it tells of (invoice.finalized, payment.succeeded, …)' })
  eventType!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => EmailDeliveryStatus)
  status!: EmailDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far' })
  attempts!: number;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field({ description: 'When it was queued' })
  createdAt!: Date;
}

export const EmailDeliveryConnection = Connection('EmailDelivery', EmailDeliveryType);

@ArgsType()
export class EmailDeliveriesArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;
}
