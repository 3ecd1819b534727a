import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { EmailDelivery } from '../../domain/email/email-delivery.entity';
import type { Context } from '../context';
import { ConnectionShape, toConnection } from '../shared/connection';
import { EmailDeliveriesArgs, EmailDeliveryConnection, EmailDeliveryType } from './email.types';

function toDelivery(d: EmailDelivery): EmailDeliveryType {
  return {
    id: d.id,
    to: d.toAddress,
    subject: d.subject,
    eventType: d.eventType,
    eventId: d.event.id,
    customerId: d.customer.id,
    status: d.status,
    attempts: d.attemptCount,
    sentAt: d.sentAt,
    createdAt: d.createdAt,
  };
}

@Resolver(() => EmailDeliveryType)
export class EmailResolver {
  @Query(() => EmailDeliveryConnection, {
    description: 'The e-mail log, oldest first (ADMIN, SALES; a CUSTOMER key sees its own customer’s only)',
  })
  async emailDeliveries(
    @Args(() => EmailDeliveriesArgs) args: EmailDeliveriesArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<EmailDeliveryType>> {
    const connection = toConnection(await ctx.services.emailDeliveries.list(args));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toDelivery(e.node) })) };
  }
}
