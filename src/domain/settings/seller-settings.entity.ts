import type { StoredChart } from '../ledger/chart-of-accounts';
import { ArrayType, Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { Address } from '../customers/address';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/**
 * The seller's one settings row (id 'default'): who the seller is, as invoices print it, and
 * what customers may do for themselves (self-service API and the hosted portal).
 */
@Entity({ tableName: 'seller_settings' })
export class SellerSettings {
  @PrimaryKey({ type: 'text' })
  id: string = 'default';

  @Property({ type: 'text' })
  name!: string;

  /** Printed on invoices, one line each. */
  @Property({ type: ArrayType<string>, columnType: 'text[]' })
  addressLines!: string[];

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  taxId: string | null = null;

  /** The registered name, when it differs from `name` ("Acme GmbH" for "Acme"). */
  @Property({ type: 'text', nullable: true })
  legalName: string | null = null;

  /** A value object kept whole, as the customer's billing address is (customer-address.ts). */
  @Property({ type: 'jsonb', nullable: true })
  address: Address | null = null;

  /** Normalized and format-checked for the address's country (vat-id.ts). */
  @Property({ type: 'text', nullable: true })
  vatId: string | null = null;

  /** The commercial register's number (e.g. "HRB 12345"); free text, as registers differ. */
  @Property({ type: 'text', nullable: true })
  registrationNumber: string | null = null;

  /** Electronic format (no spaces, upper case), check digits verified (bank-account.ts). */
  @Property({ type: 'text', nullable: true })
  iban: string | null = null;

  /** 8 or 11 characters, upper case (bank-account.ts). */
  @Property({ type: 'text', nullable: true })
  bic: string | null = null;

  /** The SEPA creditor identifier (e.g. DE98ZZZ09999999999) that direct-debit files name the seller by (bank-account.ts). */
  @Property({ type: 'text', nullable: true })
  sepaCreditorId: string | null = null;

  @Property({ type: 'boolean' })
  allowSelfServicePause!: boolean;

  @Property({ type: 'boolean' })
  allowSelfServiceCancel!: boolean;

  @Property({ type: 'boolean' })
  allowSelfServiceQuantityChange!: boolean;

  /** Prices a customer may switch its plan to; empty: no self-service plan changes. */
  @Property({ type: ArrayType<string>, columnType: 'text[]' })
  selfServicePriceCodes!: string[];

  /** The terms of a customer created without any (payments/payment-terms.ts). */
  @Property({ type: 'integer', default: 30 })
  defaultPaymentTermsDays: number & Opt = 30;

  @Property({ type: 'boolean', default: false })
  defaultPaymentTermsEndOfMonth: boolean & Opt = false;

  /** `invoice.due_soon` this many days before a sent invoice's due date; 0: none (lifecycle/invoice-signals.ts). */
  @Property({ type: 'integer', default: 7 })
  invoiceDueSoonDays: number & Opt = 7;

  /** A SCHEDULED order freezes this many days before its date (orders/order-controls.service.ts). */
  @Property({ type: 'integer', default: 2 })
  orderLeadDays: number & Opt = 2;

  /** Orders taxed by their ship-to location's country rather than the customer's tax status alone (order-tax.ts). */
  @Property({ type: 'boolean', default: false })
  taxByShipTo: boolean & Opt = false;

  /** The seller's standard VAT rate (percent), for deliveries within its own country when taxByShipTo is on. */
  @Property({ type: DecimalType, nullable: true })
  domesticTaxRate: Decimal | null = null;

  /**
   * Every invoice is finalized as an EN 16931 e-invoice: finalization is refused (a billing run
   * leaves the invoice a DRAFT) while the seller's identity or the buyer's data it needs is missing
   * (e-invoice-readiness.ts).
   */
  @Property({ type: 'boolean', default: false })
  eInvoicing: boolean & Opt = false;

  /** Overrides of the general ledger's default accounts (ledger/chart-of-accounts.ts); null: the defaults. */
  @Property({ type: 'jsonb', nullable: true })
  chartOfAccounts: StoredChart | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
