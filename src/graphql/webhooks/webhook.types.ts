import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookDeliveryStatus } from '../../domain/webhooks/webhook-delivery.entity';
import { Connection } from '../shared/connection';

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING (waiting for an attempt, or behind an earlier event of its aggregate), SUCCEEDED (a 2xx came back), FAILED (given up after 3 days)',
});

@ObjectType('WebhookEndpoint', { description: 'Where events are posted, signed with the secret shown once at creation' })
export class WebhookEndpointType {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: '`*`, `<aggregate>.*` or `<aggregate>.<verb>`' })
  eventTypes!: string[];

  @Field({ description: 'ENABLED, or DISABLED (by disableWebhookEndpoint, or after failing for 3 days)' })
  status!: string;

  @Field(() => Date, { nullable: true, description: 'The first failed attempt since the last success' })
  failingSince!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;
}

@ObjectType('WebhookEndpointWithSecret')
export class WebhookEndpointWithSecretType {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;

  @Field({ description: 'Shown once: the HMAC-SHA256 key of the Tariff-Signature header' })
  secret!: string;
}

export const WebhookEndpointConnection = Connection('WebhookEndpoint', WebhookEndpointType);

@ObjectType('WebhookAttempt', { description: 'One POST of a delivery' })
export class WebhookAttemptType {
  @Field()
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's answer; null when there was none" })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null on a 2xx' })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint, and every attempt to post it' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => ID, { description: 'The `id` of the posted body: the same on every attempt' })
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => ID)
  aggregateId!: string;

  @Field(() => Int, { description: "The event's number among its aggregate's events; deliveries of an aggregate go in this order" })
  aggregateSequence!: number;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount!: number;

  @Field(() => Date, { nullable: true, description: 'Null once SUCCEEDED or FAILED' })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => [WebhookAttemptType], { description: 'Oldest first' })
  attempts!: WebhookAttemptType[];
}

export const WebhookDeliveryConnection = Connection('WebhookDelivery', WebhookDeliveryType);

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field({ description: 'An absolute http(s) URL' })
  url!: string;

  @Field(() => [String], { description: '`["*"]` for every event' })
  eventTypes!: string[];
}

@ArgsType()
export class WebhookEndpointsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID)
  endpointId!: string;

  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus;
}
