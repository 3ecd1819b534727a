import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Location } from '../../domain/customers/location.entity';
import type { Context } from '../context';
import { CustomerType, ExternalIdType } from './customer.types';
import { CreateLocationInput, LocationType, UpdateLocationInput } from './location.types';

@Resolver(() => LocationType)
export class LocationResolver {
  @Mutation(() => LocationType, { description: 'ADMIN: a ship-to location of a customer' })
  createLocation(@Arg('input', () => CreateLocationInput) input: CreateLocationInput, @Ctx() ctx: Context) {
    return ctx.services.locations.create(input);
  }

  @Mutation(() => LocationType, { description: 'ADMIN' })
  updateLocation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateLocationInput) input: UpdateLocationInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.locations.update(id, input);
  }

  @Mutation(() => LocationType, {
    description: 'ADMIN: deletes the location with its external ids; CONFLICT (reason LOCATION_IN_USE) while anything refers to it',
  })
  removeLocation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.locations.remove(id);
  }

  // Reached only through a customer the caller may read, or a mutation that authorized it.
  @FieldResolver(() => CustomerType)
  async customer(@Root() location: Location, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(location.customer.id))!;
  }

  @FieldResolver(() => [ExternalIdType])
  externalIds(@Root() location: Location, @Ctx() ctx: Context) {
    if (!location.externalIds.isInitialized()) return ctx.loaders.externalIdsByLocation.load(location.id);
    // As the loader orders them: a mutation's in-memory set is in the order it was given.
    return [...location.externalIds.getItems()].sort(
      (a, b) => a.system.localeCompare(b.system) || a.externalId.localeCompare(b.externalId),
    );
  }
}

/** Customer.locations and Customer.contacts: the parent customer is already authorized for the caller. */
@Resolver(() => CustomerType)
export class CustomerLocationsResolver {
  @FieldResolver(() => [LocationType], { description: 'Ship-to locations, oldest first' })
  locations(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.locationsByCustomer.load(customer.id);
  }
}
