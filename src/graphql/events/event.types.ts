import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { JSONObjectScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';

@ObjectType('Event', { description: 'A state change of note, written in the transaction of the change (the outbox; README, Events)' })
export class EventType {
  @Field(() => ID, { description: 'Unique: deduplicate on it' })
  id!: string;

  @Field({ description: '<aggregate>.<verb> in lower case: customer.created, invoice.finalized, …' })
  type!: string;

  @Field({ description: 'customer, contract, quote, subscription, invoice, credit_note, …' })
  aggregateType!: string;

  @Field(() => ID)
  aggregateId!: string;

  @Field(() => Int, { description: "The aggregate's events are numbered 1, 2, 3… in the order they happened" })
  sequence!: number;

  @Field(() => ID, { nullable: true, description: 'The customer it concerns; a CUSTOMER key reads its own only' })
  customerId!: string | null;

  @Field({ description: 'When the change happened, on the clock it ran on (a test clock’s, for its customers)' })
  occurredAt!: Date;

  @Field(() => JSONObjectScalar, { description: 'A snapshot of the aggregate after the change' })
  data!: Record<string, unknown>;
}

export const EventConnection = Connection('Event', EventType);

@ArgsType()
export class EventsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true, description: 'An endCursor: the events after it' })
  after?: string;

  @Field(() => [String], { nullable: true, description: 'Exact types (invoice.finalized), every type of an aggregate (invoice.*), or *' })
  types?: string[];
}
