import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Contact } from '../../domain/customers/contact.entity';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Context } from '../context';
import { ContactType, CreateContactInput, UpdateContactInput } from './contact.types';
import { CustomerType } from './customer.types';

@Resolver(() => ContactType)
export class ContactResolver {
  @Mutation(() => ContactType, { description: 'ADMIN: a person at a customer, with a role' })
  createContact(@Arg('input', () => CreateContactInput) input: CreateContactInput, @Ctx() ctx: Context) {
    return ctx.services.contacts.create(input);
  }

  @Mutation(() => ContactType, { description: "ADMIN; a new role applies to the contact's open portal sessions at once" })
  updateContact(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateContactInput) input: UpdateContactInput, @Ctx() ctx: Context) {
    return ctx.services.contacts.update(id, input);
  }

  @Mutation(() => ContactType, { description: 'ADMIN: archives the contact; its portal sessions stop working' })
  removeContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contacts.remove(id);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() contact: Contact, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(contact.customer.id))!;
  }
}

@Resolver(() => CustomerType)
export class CustomerContactsResolver {
  @FieldResolver(() => [ContactType], { description: 'Contacts not removed, oldest first' })
  contacts(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.contactsByCustomer.load(customer.id);
  }
}
