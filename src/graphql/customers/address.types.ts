import { Field, InputType, ObjectType } from 'type-graphql';

@InputType('AddressInput', { description: 'A postal address; country is an ISO 3166-1 alpha-2 code ("DE"), in any case' })
export class AddressInput {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city!: string;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'State, province or county, where the country uses one' })
  region?: string | null;

  @Field()
  country!: string;
}

@ObjectType('Address')
export class AddressType {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field()
  city!: string;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, upper case' })
  country!: string;
}
