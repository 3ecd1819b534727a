import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AddressInput, AddressType } from './address.types';
import { ExternalIdInput } from './customer.types';

@ObjectType('Location', { description: "A customer's ship-to place (a plant, a receiving dock), with its own address" })
export class LocationType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => AddressType)
  address!: AddressType;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@InputType('CreateLocationInput')
export class CreateLocationInput {
  @Field(() => ID)
  customerId!: string;

  @Field()
  name!: string;

  @Field(() => AddressInput)
  address!: AddressInput;

  @Field(() => [ExternalIdInput], {
    nullable: true,
    description: "The location's ids in other systems (an ERP's ship-to party); each unique per system",
  })
  externalIds?: ExternalIdInput[] | null;
}

@InputType('UpdateLocationInput', { description: 'Absent fields are kept; externalIds replaces the whole set' })
export class UpdateLocationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;

  @Field(() => [ExternalIdInput], { nullable: true })
  externalIds?: ExternalIdInput[] | null;
}
