import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery.entity';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.entity';
import type { Context } from '../context';
import { ConnectionShape, toConnection } from '../shared/connection';
import {
  CreateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookEndpointConnection,
  WebhookEndpointsArgs,
  WebhookEndpointType,
  WebhookEndpointWithSecretType,
} from './webhook.types';

function toDelivery(d: WebhookDelivery): WebhookDeliveryType {
  return {
    id: d.id,
    endpointId: d.endpoint.id,
    eventId: d.event.id,
    eventType: d.eventType,
    aggregateId: d.aggregateId,
    aggregateSequence: d.aggregateSeq,
    status: d.status,
    attemptCount: d.attemptCount,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt,
    deliveredAt: d.deliveredAt,
    attempts: d.attempts
      .getItems()
      .map((a) => ({ attemptedAt: a.attemptedAt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  };
}

@Resolver(() => WebhookEndpointType)
export class WebhookResolver {
  @Mutation(() => WebhookEndpointWithSecretType, {
    description: 'Registers a receiver of events (ADMIN); the signing secret is shown once, here',
  })
  createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: Context,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    return ctx.services.webhookEndpoints.create(input);
  }

  @Mutation(() => WebhookEndpointType, {
    description: 'Stops deliveries to it (they wait, PENDING) and writes webhook_endpoint.disabled (ADMIN)',
  })
  disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    return ctx.services.webhookEndpoints.disable(id);
  }

  @Mutation(() => WebhookEndpointType, { description: 'Resumes deliveries where they stopped, pending ones at once (ADMIN)' })
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpoint> {
    return ctx.services.webhookEndpoints.enable(id);
  }

  @Query(() => WebhookEndpointType, { nullable: true })
  webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookEndpoint | null> {
    return ctx.services.webhookEndpoints.get(id);
  }

  @Query(() => WebhookEndpointConnection, { description: 'Oldest first, by (createdAt, id)' })
  async webhookEndpoints(
    @Args(() => WebhookEndpointsArgs) args: WebhookEndpointsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<WebhookEndpoint>> {
    return toConnection(await ctx.services.webhookEndpoints.list(args));
  }

  @Query(() => WebhookDeliveryConnection, { description: "An endpoint's deliveries with their attempts, oldest fan-out first" })
  async webhookDeliveries(
    @Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<WebhookDeliveryType>> {
    const connection = toConnection(await ctx.services.webhookDeliveries.list(args));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toDelivery(e.node) })) };
  }
}
