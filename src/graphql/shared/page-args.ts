import { ArgsType, Field, ID, Int } from 'type-graphql';

/** The page arguments of a list of one customer's records (CONTRACT.md: lists are connections). */
@ArgsType()
export class CustomerPageArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;
}
