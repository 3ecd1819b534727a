import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PortalAction } from '../../domain/portal/portal-action';
import { ContactType } from '../customers/contact.types';
import { CustomerType } from '../customers/customer.types';

registerEnumType(PortalAction, {
  name: 'PortalAction',
  description: "What a portal session may do: its CUSTOMER role narrowed by its contact's role (ContactRole)",
  valuesConfig: {
    CHANGE_SUBSCRIPTION: {
      description: 'Change quantities or plans (within sellerSettings.allowSelfServiceQuantityChange, selfServicePriceCodes)',
    },
    PAUSE_SUBSCRIPTION: { description: 'Pause (within sellerSettings.allowSelfServicePause)' },
    RESUME_SUBSCRIPTION: { description: 'Resume (within sellerSettings.allowSelfServicePause)' },
    CANCEL_SUBSCRIPTION: { description: 'Cancel at period end (within sellerSettings.allowSelfServiceCancel)' },
    MANAGE_PAYMENT_METHODS: { description: 'Add or replace the payment method invoices are charged to' },
    DOWNLOAD_INVOICES: { description: 'Download printable invoices (GET /invoices/:id.html)' },
    MANAGE_ORDERS: {
      description: "Skip, reschedule, change and send now scheduled orders; change a delivery schedule's ship-to location and frequency",
    },
  },
});

@ObjectType('PortalSessionLink', { description: 'A hosted-portal link for one customer: send it to them; it works until expiresAt' })
export class PortalSessionLinkType {
  @Field(() => ID, { description: 'The session; changes made through it are recorded as "portal session <id>"' })
  id!: string;

  @Field({ description: 'The secret is in the fragment (#session=…), so it never reaches server logs or a Referer' })
  url!: string;

  @Field()
  expiresAt!: Date;
}

@ObjectType('PortalSessionInfo', { description: 'The portal session behind the calling key' })
export class PortalSessionInfoType {
  @Field(() => CustomerType)
  customer!: CustomerType;

  @Field(() => ContactType, {
    nullable: true,
    description: "The contact the session acts for, with that contact's role; null: the customer as a whole",
  })
  contact!: ContactType | null;

  @Field({ description: 'Where the portal\'s "Return to …" link goes' })
  returnUrl!: string;

  @Field()
  expiresAt!: Date;
}
