import { Field, ID, InputType, Int } from 'type-graphql';
import { DeliveryUnit } from '../../domain/orders/delivery';

@InputType('UpdateSubscriptionDeliveryInput', { description: 'At least one field; what is left out stays as it is' })
export class UpdateSubscriptionDeliveryInput {
  @Field(() => ID, { nullable: true, description: "The new ship-to location: one of the customer's" })
  locationId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Deliver every N units (1 to 365)' })
  every?: number | null;

  @Field(() => DeliveryUnit, { nullable: true })
  unit?: DeliveryUnit | null;
}
