import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { PortalSessionInfoType, PortalSessionLinkType } from './portal.types';

@Resolver()
export class PortalResolver {
  @Mutation(() => PortalSessionLinkType, { description: 'ADMIN or SALES: a short-lived hosted-portal link for one customer' })
  createPortalSession(@Arg('customerId', () => ID) customerId: string, @Arg('returnUrl') returnUrl: string, @Ctx() ctx: Context) {
    return ctx.services.portalSessions.create(customerId, returnUrl, ctx.portal);
  }

  @Query(() => PortalSessionInfoType, { nullable: true, description: "The calling key's portal session; null for any other key" })
  portalSession(@Ctx() ctx: Context) {
    return ctx.services.portalSessions.current();
  }
}
