import { Field, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars/decimal.scalar';

@InputType('InventoryLevelInput')
export class InventoryLevelInput {
  @Field({ description: "A PHYSICAL product's SKU" })
  sku!: string;

  @Field(() => DecimalScalar, { description: 'What the warehouse has: 0 or more, at most 6 decimals' })
  available!: unknown;
}

@ObjectType('InventoryLevel', { description: 'What the ERP or WMS last reported for a SKU' })
export class InventoryLevelType {
  @Field()
  sku!: string;

  @Field(() => DecimalScalar)
  available!: string;

  @Field({ description: 'When the warehouse counted it; an older report changes nothing' })
  asOf!: Date;

  @Field()
  updatedAt!: Date;
}
