import { Field, InputType, ObjectType } from 'type-graphql';
import type { Address } from '../../domain/customers/address';
import { AddressInput, AddressType } from '../customers/address.types';

@ObjectType('SellerSettings', { description: 'Who the seller is (printed on invoices) and what its customers may do for themselves' })
export class SellerSettingsType {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'Printed on invoices, one line each' })
  addressLines!: string[];

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'VAT or other tax registration number, printed on invoices' })
  taxId!: string | null;

  @Field(() => String, { nullable: true, description: 'The registered name, printed on invoices instead of name when set' })
  legalName!: string | null;

  @Field(() => AddressType, { nullable: true, description: 'The registered address, printed on invoices' })
  address!: Address | null;

  @Field(() => String, { nullable: true, description: "Normalized, format-checked for the address's country (no VIES lookup)" })
  vatId!: string | null;

  @Field(() => String, { nullable: true, description: 'Commercial register number, e.g. "HRB 12345"' })
  registrationNumber!: string | null;

  @Field({ description: 'A CUSTOMER key may pause and resume its own subscriptions' })
  allowSelfServicePause!: boolean;

  @Field({ description: 'A CUSTOMER key may cancel its own subscriptions at the period end (never at once)' })
  allowSelfServiceCancel!: boolean;

  @Field({ description: 'A CUSTOMER key may change the quantities of its own subscriptions (always prorated)' })
  allowSelfServiceQuantityChange!: boolean;

  @Field(() => [String], { description: 'The prices a CUSTOMER key may switch its plan to (and from); empty: none' })
  selfServicePriceCodes!: string[];

  @Field(() => Date, { nullable: true, description: 'Null until the settings are first saved: the defaults apply' })
  updatedAt!: Date | null;
}

@InputType('UpdateSellerSettingsInput', { description: 'Only the fields given change' })
export class UpdateSellerSettingsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 6 lines' })
  addressLines?: string[] | null;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  taxId?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it' })
  legalName?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'null clears it' })
  address?: AddressInput | null;

  @Field(() => String, {
    nullable: true,
    description: "With its country's prefix (Greece: EL), format-checked for the address's country (no VIES lookup); null clears it",
  })
  vatId?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 50 characters; null clears it' })
  registrationNumber?: string | null;

  @Field(() => Boolean, { nullable: true })
  allowSelfServicePause?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowSelfServiceCancel?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowSelfServiceQuantityChange?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Current, recurring prices; at most 50' })
  selfServicePriceCodes?: string[] | null;
}
