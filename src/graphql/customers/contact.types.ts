import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ContactRole } from '../../domain/customers/contact-role';

registerEnumType(ContactRole, {
  name: 'ContactRole',
  description: 'What a contact does for its customer; a portal session for the contact acts with it',
  valuesConfig: {
    ADMIN: { description: 'Everything the portal allows' },
    BUYER: { description: 'Changes quantities and plans (self-service); neither pays nor cancels' },
    APPROVER: { description: 'Approves quotes and orders; reads in the portal' },
    ACCOUNTS_PAYABLE: { description: 'Pays (payment methods) and downloads invoices; changes no subscription' },
    VIEWER: { description: 'Reads; changes and downloads nothing' },
  },
});

@ObjectType('Contact', { description: 'A person at a customer, with the role they play for it' })
export class ContactType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => ContactRole)
  role!: ContactRole;

  @Field(() => Date, { nullable: true, description: 'Set once removed (removeContact); a removed contact is no longer listed' })
  archivedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@InputType('CreateContactInput')
export class CreateContactInput {
  @Field(() => ID)
  customerId!: string;

  @Field()
  name!: string;

  @Field({ description: "Unique among the customer's contacts, case-insensitive" })
  email!: string;

  @Field(() => ContactRole)
  role!: ContactRole;
}

@InputType('UpdateContactInput', { description: 'Absent fields are kept' })
export class UpdateContactInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => ContactRole, { nullable: true })
  role?: ContactRole | null;
}
