import { Field, ID, ObjectType } from 'type-graphql';
import { ContactType } from '../customers/contact.types';
import { CustomerType } from '../customers/customer.types';

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
