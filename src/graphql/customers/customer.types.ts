import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InvoiceRecipient, TaxStatus } from '../../domain/customers/customer.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar, JSONObjectScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';
import { AddressInput, AddressType } from './address.types';
import type { Address } from '../../domain/customers/address';

registerEnumType(InvoiceRecipient, {
  name: 'InvoiceRecipient',
  description: "Who pays a customer's invoices: SELF, or PARENT (its lines go on the paying ancestor's consolidated invoices)",
});
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

  @Field(() => InvoiceRecipient, { description: 'PARENT: billed on the invoices of its payer (the first ancestor that pays for itself)' })
  invoiceTo!: InvoiceRecipient;

  @Field(() => Int, {
    description:
      'Payment terms: every invoice is due this many days after its finalization ("net 30"); sent invoices (SEND_INVOICE, bank transfer) are chased from then',
  })
  paymentTermsDays!: number;

  @Field({ description: 'Every subscription, change and quote needs a purchaseOrderNumber (BAD_USER_INPUT without one)' })
  purchaseOrderRequired!: boolean;

  @Field({
    description: '"Net 30 end of month": due at the end (23:59:59.999 UTC) of the month in which finalization + paymentTermsDays falls',
  })
  paymentTermsEndOfMonth!: boolean;

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

  @Field(() => Int, {
    nullable: true,
    description: "0 to 365; omitted: the seller's defaultPaymentTermsDays (30 unless set). Not for STOREFRONT keys",
  })
  paymentTermsDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Default false: subscriptions, changes and quotes then need a purchase order number',
  })
  purchaseOrderRequired?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Due at the end of the month in which finalization + paymentTermsDays falls; omitted: the seller's default (false unless set)",
  })
  paymentTermsEndOfMonth?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'What creditExposure may reach, in the customer currency (at least 0, at most its minor unit decimals); omitted or null: no limit. Setting one needs an ADMIN key',
  })
  creditLimit?: Decimal | null;

  @Field(() => ID, { nullable: true, description: 'The customer lives on this test clock (simulated time), for good' })
  testClockId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The parent in a company group (same currency, no cycles); null removes it on update, absent keeps it',
  })
  parentId?: string | null;

  @Field(() => InvoiceRecipient, { nullable: true, description: 'Default SELF; PARENT needs a parent' })
  invoiceTo?: InvoiceRecipient | null;

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

  @Field(() => Boolean, {
    nullable: true,
    description: 'From now on; subscriptions without a number get one with their next change (changeSubscription refuses without)',
  })
  purchaseOrderRequired?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Applies to invoices finalized from now on' })
  paymentTermsEndOfMonth?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The parent in a company group (same currency, no cycles); null removes it on update, absent keeps it',
  })
  parentId?: string | null;

  @Field(() => InvoiceRecipient, { nullable: true, description: 'Default SELF; PARENT needs a parent' })
  invoiceTo?: InvoiceRecipient | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Omitted: kept; null: no limit. May be set below the current exposure (the customer is then over its limit)',
  })
  creditLimit?: Decimal | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: 'Replaces the whole set when given' })
  externalIds?: ExternalIdInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the whole set when given ([] clears it)' })
  tags?: string[] | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Replaces the whole object when given ({} clears it)' })
  metadata?: Record<string, unknown> | null;
}
