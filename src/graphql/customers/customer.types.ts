import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TaxStatus } from '../../domain/customers/customer.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar, JSONObjectScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';
import { AddressInput, AddressType } from './address.types';
import type { Address } from '../../domain/customers/address';

registerEnumType(TaxStatus, { name: 'TaxStatus', description: 'TAXABLE with a rate, EXEMPT, or REVERSE_CHARGE (B2B intra-EU)' });

@ObjectType('ExternalId', { description: "A record's id in another system (SAP, Salesforce, STRIPE)" })
export class ExternalIdType {
  @Field()
  system!: string;

  @Field({ name: 'id' })
  externalId!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => TaxStatus)
  taxStatus!: TaxStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, e.g. "20.00"; set when TAXABLE' })
  taxRate!: Decimal | null;

  @Field(() => AddressType, { nullable: true, description: 'Printed on invoices; its country decides which VAT ids are accepted' })
  billingAddress!: Address | null;

  @Field(() => String, {
    nullable: true,
    description: 'Normalized (upper case, no separators), e.g. "DE136695976"; format-checked only, not looked up in VIES',
  })
  vatId!: string | null;

  @Field({ description: 'Invoices wait as DRAFT for review instead of being finalized at once' })
  invoiceDrafts!: boolean;

  @Field(() => Int, {
    description: 'Payment terms of sent invoices (SEND_INVOICE, bank transfer): due this many days after finalization ("net 30")',
  })
  paymentTermsDays!: number;

  @Field(() => [String], { description: 'Segment labels, e.g. "enterprise", "region:eu"' })
  tags!: string[];

  @Field(() => JSONObjectScalar, { description: 'Flat key/value pairs for CRM and marketing tools' })
  metadata!: Record<string, unknown>;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const CustomerConnection = Connection('Customer', CustomerType);

@InputType('ExternalIdInput')
export class ExternalIdInput {
  @Field({ description: 'The other system, e.g. SAP, SALESFORCE, STRIPE' })
  system!: string;

  @Field()
  id!: string;
}

@InputType('CreateCustomerInput')
export class CreateCustomerInput {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => TaxStatus)
  taxStatus!: TaxStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, required when TAXABLE' })
  taxRate?: Decimal | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: 'At most 20; each unique per system' })
  externalIds?: ExternalIdInput[] | null;

  @Field(() => Boolean, { nullable: true })
  invoiceDrafts?: boolean | null;

  @Field(() => AddressInput, { nullable: true })
  billingAddress?: AddressInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      "With its country's prefix (Greece: EL); format-checked for the billing address's country (no VIES lookup). Required when REVERSE_CHARGE",
  })
  vatId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 30; 0 to 365' })
  paymentTermsDays?: number | null;

  @Field(() => ID, { nullable: true, description: 'The customer lives on this test clock (simulated time), for good' })
  testClockId?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 20, each 1 to 64 letters, digits, spaces or _ . : / + # & -' })
  tags?: string[] | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'At most 50 keys of at most 40 characters; values are strings (at most 500 characters), numbers, booleans or null',
  })
  metadata?: Record<string, unknown> | null;
}

@InputType('UpdateCustomerInput', { description: 'Omitted fields are kept; the currency cannot change' })
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => TaxStatus, { nullable: true })
  taxStatus?: TaxStatus | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'null clears it; leaving TAXABLE clears it too' })
  taxRate?: Decimal | null;

  @Field(() => Boolean, { nullable: true })
  invoiceDrafts?: boolean | null;

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the address; null clears it' })
  billingAddress?: AddressInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'null clears it (refused while REVERSE_CHARGE); checked against the billing country',
  })
  vatId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Applies to invoices finalized from now on' })
  paymentTermsDays?: number | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: 'Replaces the whole set when given' })
  externalIds?: ExternalIdInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the whole set when given ([] clears it)' })
  tags?: string[] | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Replaces the whole object when given ({} clears it)' })
  metadata?: Record<string, unknown> | null;
}
