import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Address } from '../../domain/customers/address';
import { AddressInput, AddressType } from '../customers/address.types';
import { ChartOfAccountsType } from '../ledger/ledger.types';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';

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

  @Field(() => String, { nullable: true, description: 'The account invoices ask to be paid to (electronic format, check digits verified)' })
  iban!: string | null;

  @Field(() => String, { nullable: true, description: "The IBAN's bank (SWIFT code, 8 or 11 characters)" })
  bic!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA creditor identifier direct-debit files name the seller by' })
  sepaCreditorId!: string | null;

  @Field({ description: 'A CUSTOMER key may pause and resume its own subscriptions' })
  allowSelfServicePause!: boolean;

  @Field({ description: 'A CUSTOMER key may cancel its own subscriptions at the period end (never at once)' })
  allowSelfServiceCancel!: boolean;

  @Field({ description: 'A CUSTOMER key may change the quantities of its own subscriptions (always prorated)' })
  allowSelfServiceQuantityChange!: boolean;

  @Field(() => [String], { description: 'The prices a CUSTOMER key may switch its plan to (and from); empty: none' })
  selfServicePriceCodes!: string[];

  @Field(() => Int, { description: 'The payment terms of a customer created without any (default 30)' })
  defaultPaymentTermsDays!: number;

  @Field({ description: 'Whether a customer created without terms gets end-of-month terms (default false)' })
  defaultPaymentTermsEndOfMonth!: boolean;

  @Field(() => Int, {
    description: "invoice.due_soon is emitted this many days before a sent invoice's due date (default 7); 0: never",
  })
  invoiceDueSoonDays!: number;

  @Field(() => Int, {
    description: 'A SCHEDULED order is frozen this many days before its date (default 2): no skip, reschedule or line change after',
  })
  orderLeadDays!: number;

  @Field({
    description:
      "Orders are taxed by their ship-to location's country: domestic deliveries at domesticTaxRate, intra-EU ones to a VAT-registered buyer under reverse charge (docs/legal-identity.md); default false",
  })
  taxByShipTo!: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: "The seller's standard VAT rate (percent) for deliveries within its country" })
  domesticTaxRate!: Decimal | null;

  @Field({
    description:
      'Every invoice is finalized as an EN 16931 e-invoice: finalization is refused (CONFLICT, reason SELLER_IDENTITY_INCOMPLETE or BUYER_DATA_INCOMPLETE) while a detail it needs is missing; a billing run leaves such an invoice a DRAFT (docs/e-invoices.md)',
  })
  eInvoicing!: boolean;

  @Field(() => ChartOfAccountsType, {
    description: "The general ledger's accounts: the defaults with the seller's changes (docs/general-ledger.md)",
  })
  chartOfAccounts!: ChartOfAccountsType;

  @Field(() => Date, { nullable: true, description: 'Null until the settings are first saved: the defaults apply' })
  updatedAt!: Date | null;
}

@InputType('LedgerAccountInput', { description: 'Only the fields given change' })
export class LedgerAccountInput {
  @Field(() => String, { nullable: true, description: '1 to 20 letters, digits or . - _ /' })
  number?: string | null;

  @Field(() => String, { nullable: true, description: "Hierarchical with ':' ('Assets:Bank'); no tab, ';' or double space" })
  name?: string | null;
}

@InputType('ChartOfAccountsInput', { description: 'Only the accounts given change' })
export class ChartOfAccountsInput {
  @Field(() => LedgerAccountInput, { nullable: true })
  bank?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  receivables?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  customerCredit?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  refundsClearing?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  vatPayable?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  deferredRevenue?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  revenue?: LedgerAccountInput | null;

  @Field(() => LedgerAccountInput, { nullable: true })
  badDebt?: LedgerAccountInput | null;
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

  @Field(() => String, {
    nullable: true,
    description: 'Spaces and case ignored; country format and check digits verified (ibantools, no bank lookup); null clears it',
  })
  iban?: string | null;

  @Field(() => String, { nullable: true, description: '8 or 11 characters, format and country verified; null clears it' })
  bic?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The SEPA creditor identifier (e.g. DE98ZZZ09999999999), check digits verified; null clears it',
  })
  sepaCreditorId?: string | null;

  @Field(() => Boolean, { nullable: true })
  allowSelfServicePause?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowSelfServiceCancel?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowSelfServiceQuantityChange?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Current, recurring prices; at most 50' })
  selfServicePriceCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'For customers created from now on without terms; 0 to 365' })
  defaultPaymentTermsDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'For customers created from now on without terms' })
  defaultPaymentTermsEndOfMonth?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0 (no invoice.due_soon) to 90 days' })
  invoiceDueSoonDays?: number | null;

  @Field(() => Int, { nullable: true, description: '0 to 30 days' })
  orderLeadDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Tax orders by their ship-to location's country; on needs address and domesticTaxRate",
  })
  taxByShipTo?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Above 0, at most 100, 4 decimals; null clears it (refused while taxByShipTo is on)',
  })
  domesticTaxRate?: Decimal | null;

  @Field(() => Boolean, { nullable: true, description: 'Finalize every invoice as an EN 16931 e-invoice (docs/e-invoices.md)' })
  eInvoicing?: boolean | null;

  @Field(() => ChartOfAccountsInput, { nullable: true, description: "The general ledger's accounts; no two roles on one account name" })
  chartOfAccounts?: ChartOfAccountsInput | null;
}
