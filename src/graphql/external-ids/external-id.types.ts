import { AddressInput } from '../customers/address.types';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExternalIdKind } from '../../domain/external-ids/external-id-tables';
import { UpsertOutcome } from '../../domain/external-ids/upsert';
import { Customer, InvoiceRecipient, TaxStatus } from '../../domain/customers/customer.entity';
import type { Product } from '../../domain/catalog/product.entity';
import type { Decimal } from '../../pricing/decimal';
import { ProductType } from '../catalog/catalog.types';
import { ProductKind, StockPolicy } from '../../domain/catalog/product-kind';
import { CustomerType, ExternalIdInput } from '../customers/customer.types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar, JSONObjectScalar } from '../scalars/standard';

registerEnumType(ExternalIdKind, { name: 'ExternalIdKind', description: 'The kind of record an external id names' });
registerEnumType(UpsertOutcome, { name: 'UpsertOutcome', description: 'UNCHANGED: a replay; nothing was written' });

@ObjectType('ExternalIdLink', { description: "One record's id in another system" })
export class ExternalIdLinkType {
  @Field(() => ExternalIdKind)
  kind!: ExternalIdKind;

  @Field(() => ID, { description: "The record's id; for a PRICE, its code (every version shares the external id)" })
  recordId!: string;

  @Field()
  system!: string;

  @Field()
  id!: string;
}

@InputType('UpsertCustomerInput', { description: "The customer's whole state in the syncing system, found by its id there" })
export class UpsertCustomerInput {
  @Field(() => ExternalIdInput, { description: 'Finds the customer; a new one is created with it' })
  externalId!: ExternalIdInput;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => CurrencyScalar, { description: 'Can change only while the customer has no subscriptions, invoices, contracts or quotes' })
  currency!: string;

  @Field(() => TaxStatus)
  taxStatus!: TaxStatus;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, required when TAXABLE' })
  taxRate?: Decimal | null;

  @Field(() => Boolean, { nullable: true, description: 'Omitted: kept (false for a new customer)' })
  invoiceDrafts?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Omitted or null: kept (false for a new customer)' })
  purchaseOrderRequired?: boolean | null;
  @Field(() => Int, { nullable: true, description: "0 to 365; omitted: kept (the seller's default terms for a new customer)" })
  paymentTermsDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Omitted: kept (the seller's default for a new customer)" })
  paymentTermsEndOfMonth?: boolean | null;

  @Field(() => AddressInput, { nullable: true, description: 'Omitted or null: kept (none for a new customer)' })
  billingAddress?: AddressInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Omitted or null: kept (none for a new customer); format-checked for the billing country. Required when REVERSE_CHARGE',
  })
  vatId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The parent in a company group; omitted or null: kept (none for a new customer)' })
  parentId?: string | null;

  @Field(() => InvoiceRecipient, { nullable: true, description: 'Omitted: kept (SELF for a new customer); PARENT needs a parent' })
  invoiceTo?: InvoiceRecipient | null;

  @Field(() => [String], { nullable: true, description: 'Omitted: kept (none for a new customer); given: the whole set' })
  tags?: string[] | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Omitted or null: kept (no limit for a new customer); updateCustomer with null lifts a limit',
  })
  creditLimit?: Decimal | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Omitted: kept (none for a new customer); given: the whole object' })
  metadata?: Record<string, unknown> | null;
}

@ObjectType('UpsertCustomerResult')
export class UpsertCustomerResultType {
  @Field(() => CustomerType)
  customer!: Customer;

  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;
}

@InputType('UpsertProductInput', { description: "The product's state in the syncing system, found by its id there" })
export class UpsertProductInput {
  @Field(() => ExternalIdInput, { description: 'Finds the product; a new one is created with it' })
  externalId!: ExternalIdInput;

  @Field({ description: 'Set at creation; a different code for a known product is CONFLICT' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ProductKind, { nullable: true, description: 'Omitted or null: kept (SERVICE for a new product)' })
  kind?: ProductKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Omitted or null: kept. Required for PHYSICAL (refused for SERVICE): 1 to 64 letters, digits, ".", "_", "-" or "/"; unique',
  })
  sku?: string | null;

  @Field(() => StockPolicy, { nullable: true, description: 'PHYSICAL only; omitted or null: kept (BACKORDER for a new PHYSICAL product)' })
  stockPolicy?: StockPolicy | null;
}

@ObjectType('UpsertProductResult')
export class UpsertProductResultType {
  @Field(() => ProductType)
  product!: Product;

  @Field(() => UpsertOutcome)
  outcome!: UpsertOutcome;
}
