import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PortalAction } from '../../domain/portal/portal-action';
import type { Context } from '../context';
import { PortalSessionInfoType, PortalSessionLinkType } from './portal.types';

@Resolver()
export class PortalResolver {
  @Mutation(() => PortalSessionLinkType, { description: 'ADMIN or SALES: a short-lived hosted-portal link for one customer' })
  createPortalSession(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('returnUrl') returnUrl: string,
    @Ctx() ctx: Context,
    @Arg('contactId', () => ID, {
      nullable: true,
      description: "A contact of this customer: the portal then acts with the contact's role (ContactRole)",
    })
    contactId?: string | null,
  ) {
    return ctx.services.portalSessions.create(customerId, returnUrl, ctx.portal, contactId);
  }

  @Query(() => PortalSessionInfoType, { nullable: true, description: "The calling key's portal session; null for any other key" })
  portalSession(@Ctx() ctx: Context) {
    return ctx.services.portalSessions.current();
  }
}

@Resolver(() => PortalSessionInfoType)
export class PortalSessionInfoResolver {
  @FieldResolver(() => [PortalAction], {
    description:
      "What this session may do, from the checks that refuse the rest: a page shows only these controls. The seller's settings narrow them further",
  })
  allowedActions(@Ctx() ctx: Context): PortalAction[] {
    return ctx.services.portalSessions.allowedActions();
  }
}
