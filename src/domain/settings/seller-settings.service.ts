import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Decimal } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { BillingInterval, PriceStatus } from '../catalog/price.entity';
import { loadPriceClosure } from '../catalog/price-snapshot';
import type { Address } from '../customers/address';
import type { AddressFields } from '../customers/customer-legal-identity';
import { checkVatId } from '../customers/vat-id';
import { InvalidInputError } from '../errors';
import { DEFAULT_PAYMENT_TERMS, type PaymentTerms } from '../payments/payment-terms';
import type { ServiceContext } from '../shared/service-context';
import { parseInput } from '../shared/input-schema';
import { updateSellerSettingsSchema } from './seller-settings.schema';
import { SellerSettings } from './seller-settings.entity';
import {
  chartOf,
  DEFAULT_CHART_OF_ACCOUNTS,
  duplicateAccount,
  mergeChart,
  type AccountRole,
  type ChartOfAccounts,
} from '../ledger/chart-of-accounts';

const SETTINGS_ID = 'default';

/** The settings as read: the stored row, or the defaults while none was saved (`updatedAt` null). */
export interface SellerSettingsView {
  name: string;
  addressLines: string[];
  email: string | null;
  taxId: string | null;
  legalName: string | null;
  address: Address | null;
  vatId: string | null;
  registrationNumber: string | null;
  iban: string | null;
  bic: string | null;
  /** Names the seller in direct-debit files (payments/direct-debit.service.ts). */
  sepaCreditorId: string | null;
  allowSelfServicePause: boolean;
  allowSelfServiceCancel: boolean;
  allowSelfServiceQuantityChange: boolean;
  selfServicePriceCodes: string[];
  /** The terms of a customer created without any (payments/payment-terms.ts). */
  defaultPaymentTermsDays: number;
  defaultPaymentTermsEndOfMonth: boolean;
  /** Days before a sent invoice's due date that `invoice.due_soon` is emitted; 0: never. */
  invoiceDueSoonDays: number;
  /** A SCHEDULED order is frozen this many days before its date: no skip, reschedule or change any more (issue 17). */
  orderLeadDays: number;
  /** Orders are taxed by their ship-to location's country (orders/order-tax.ts, docs/legal-identity.md). */
  taxByShipTo: boolean;
  /** The seller's standard VAT rate (percent) for deliveries within its own country; required while taxByShipTo is on. */
  domesticTaxRate: Decimal | null;
  /** Every invoice is finalized as an e-invoice (e-invoice-readiness.ts). */
  eInvoicing: boolean;
  /** The general ledger's accounts: the defaults with the seller's overrides (ledger/chart-of-accounts.ts). */
  chartOfAccounts: ChartOfAccounts;
  updatedAt: Date | null;
}

/**
 * Until the seller says otherwise: a customer may change quantities and cancel at the period end
 * (what most sellers allow), but not pause (that stops revenue) nor switch plans (no plan is listed).
 */
export const DEFAULT_SELLER_SETTINGS: Readonly<SellerSettingsView> = Object.freeze({
  name: 'Tariff demo seller',
  addressLines: [],
  email: null,
  taxId: null,
  legalName: null,
  address: null,
  vatId: null,
  registrationNumber: null,
  iban: null,
  bic: null,
  sepaCreditorId: null,
  allowSelfServicePause: false,
  allowSelfServiceCancel: true,
  allowSelfServiceQuantityChange: true,
  selfServicePriceCodes: [],
  defaultPaymentTermsDays: DEFAULT_PAYMENT_TERMS.paymentTermsDays,
  defaultPaymentTermsEndOfMonth: DEFAULT_PAYMENT_TERMS.paymentTermsEndOfMonth,
  invoiceDueSoonDays: 7,
  orderLeadDays: 2,
  taxByShipTo: false,
  domesticTaxRate: null,
  eInvoicing: false,
  chartOfAccounts: DEFAULT_CHART_OF_ACCOUNTS,
  updatedAt: null,
});

/** Only the fields given change; null clears `email`, `taxId`, `legalName`, `address`, `vatId`, `registrationNumber`, `iban` and `bic`. */
export interface UpdateSellerSettingsInput {
  name?: string | null;
  addressLines?: readonly string[] | null;
  email?: string | null;
  taxId?: string | null;
  legalName?: string | null;
  address?: AddressFields | null;
  /** Checked against the address's country (the given one, else the stored one). */
  vatId?: string | null;
  registrationNumber?: string | null;
  /** Normalized to the electronic format, check digits verified (bank-account.ts); null clears it. */
  iban?: string | null;
  /** 8 or 11 characters; null clears it. */
  bic?: string | null;
  /** Check digits verified (bank-account.ts); null clears it. */
  sepaCreditorId?: string | null;
  allowSelfServicePause?: boolean | null;
  allowSelfServiceCancel?: boolean | null;
  allowSelfServiceQuantityChange?: boolean | null;
  selfServicePriceCodes?: readonly string[] | null;
  defaultPaymentTermsDays?: number | null;
  defaultPaymentTermsEndOfMonth?: boolean | null;
  invoiceDueSoonDays?: number | null;
  orderLeadDays?: number | null;
  /** On: needs the seller's address (its country) and a domesticTaxRate, given or stored. */
  taxByShipTo?: boolean | null;
  /** A percentage above 0 and at most 100 (4 decimals); null clears it (refused while taxByShipTo is on). */
  domesticTaxRate?: Decimal | null;
  eInvoicing?: boolean | null;
  /** Only the accounts given change, and in them only the fields given. */
  chartOfAccounts?: Partial<Record<AccountRole, { number?: string | null; name?: string | null } | null>> | null;
}

function viewOf(row: SellerSettings | null): SellerSettingsView {
  if (!row) return { ...DEFAULT_SELLER_SETTINGS, addressLines: [], selfServicePriceCodes: [], chartOfAccounts: chartOf(null) };
  return {
    name: row.name,
    addressLines: [...row.addressLines],
    email: row.email,
    taxId: row.taxId,
    legalName: row.legalName,
    address: row.address,
    vatId: row.vatId,
    registrationNumber: row.registrationNumber,
    iban: row.iban,
    bic: row.bic,
    sepaCreditorId: row.sepaCreditorId,
    allowSelfServicePause: row.allowSelfServicePause,
    allowSelfServiceCancel: row.allowSelfServiceCancel,
    allowSelfServiceQuantityChange: row.allowSelfServiceQuantityChange,
    selfServicePriceCodes: [...row.selfServicePriceCodes],
    defaultPaymentTermsDays: row.defaultPaymentTermsDays,
    defaultPaymentTermsEndOfMonth: row.defaultPaymentTermsEndOfMonth,
    invoiceDueSoonDays: row.invoiceDueSoonDays,
    orderLeadDays: row.orderLeadDays,
    taxByShipTo: row.taxByShipTo,
    domesticTaxRate: row.domesticTaxRate,
    eInvoicing: row.eInvoicing,
    chartOfAccounts: chartOf(row.chartOfAccounts),
    updatedAt: row.updatedAt,
  };
}

/**
 * The settings without an authorization check, for domain code that acts on them (the self-service
 * policy, the printed invoice): the caller has already been authorized for what it does.
 */
export async function readSellerSettings(em: EntityManager): Promise<SellerSettingsView> {
  return viewOf(await em.findOne(SellerSettings, { id: SETTINGS_ID }, { refresh: true }));
}

/** The terms a customer created without any gets (createCustomer, upsertCustomer, the Stripe import). */
export async function defaultPaymentTerms(em: EntityManager): Promise<PaymentTerms> {
  const settings = await readSellerSettings(em);
  return { paymentTermsDays: settings.defaultPaymentTermsDays, paymentTermsEndOfMonth: settings.defaultPaymentTermsEndOfMonth };
}

/** Listed plans must be prices a subscription can switch to: current, active, recurring. */
async function checkPriceCodes(em: EntityManager, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const prices = unique.length ? await loadPriceClosure(em, unique) : new Map();
  codes.forEach((code, i) => {
    const field = `input.selfServicePriceCodes[${i}]`;
    const price = prices.get(code);
    if (!price) throw new InvalidInputError(field, `unknown price '${code}'`);
    if (price.status === PriceStatus.ARCHIVED) throw new InvalidInputError(field, `price '${code}' is archived`);
    if (price.interval === BillingInterval.ONE_TIME)
      throw new InvalidInputError(field, `price '${code}' is ONE_TIME; a plan is a recurring price`);
  });
  return unique;
}

/** Who the seller is (printed on invoices) and what its customers may do for themselves. */
export class SellerSettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(): Promise<SellerSettingsView> {
    authorize(this.ctx.actor, 'settings:read');
    return readSellerSettings(this.ctx.em);
  }

  async update(input: UpdateSellerSettingsInput): Promise<SellerSettingsView> {
    authorize(this.ctx.actor, 'settings:write');
    const {
      name,
      addressLines,
      email,
      taxId,
      selfServicePriceCodes,
      legalName,
      address,
      registrationNumber,
      defaultPaymentTermsDays,
      invoiceDueSoonDays,
      orderLeadDays,
      domesticTaxRate,
      iban,
      bic,
      sepaCreditorId,
      chartOfAccounts,
    } = parseInput(updateSellerSettingsSchema, input, 'input');
    return this.ctx.em.transactional(async (em) => {
      const priceCodes = selfServicePriceCodes === undefined ? undefined : await checkPriceCodes(em, selfServicePriceCodes);
      const now = this.ctx.clock.now();
      // The first save inserts the defaults and every save then edits the locked row: two first
      // saves at once cannot collide on the key, and each keeps the other's fields.
      await em.execute(
        `insert into seller_settings (id, name, address_lines, email, tax_id, allow_self_service_pause, allow_self_service_cancel,
           allow_self_service_quantity_change, self_service_price_codes, updated_at)
         values (?, ?, '{}', null, null, ?, ?, ?, '{}', ?) on conflict (id) do nothing`,
        [
          SETTINGS_ID,
          DEFAULT_SELLER_SETTINGS.name,
          DEFAULT_SELLER_SETTINGS.allowSelfServicePause,
          DEFAULT_SELLER_SETTINGS.allowSelfServiceCancel,
          DEFAULT_SELLER_SETTINGS.allowSelfServiceQuantityChange,
          now,
        ],
      );
      const row = await em.findOneOrFail(SellerSettings, { id: SETTINGS_ID }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (name !== undefined) row.name = name;
      if (addressLines !== undefined) row.addressLines = addressLines;
      if (email !== undefined) row.email = email;
      if (taxId !== undefined) row.taxId = taxId;
      if (legalName !== undefined) row.legalName = legalName;
      if (registrationNumber !== undefined) row.registrationNumber = registrationNumber;
      if (address !== undefined) row.address = address;
      if (iban !== undefined) row.iban = iban;
      if (bic !== undefined) row.bic = bic;
      if (sepaCreditorId !== undefined) row.sepaCreditorId = sepaCreditorId;
      // The VAT id must stay the address's country's, whichever of the two changes.
      const vatId = input.vatId === undefined ? row.vatId : input.vatId;
      if (vatId !== null && (input.vatId !== undefined || address !== undefined)) {
        row.vatId = checkVatId(vatId, row.address?.country ?? null, input.vatId === undefined ? 'input.address.country' : 'input.vatId');
      } else row.vatId = vatId;
      if (input.allowSelfServicePause != null) row.allowSelfServicePause = input.allowSelfServicePause;
      if (input.allowSelfServiceCancel != null) row.allowSelfServiceCancel = input.allowSelfServiceCancel;
      if (input.allowSelfServiceQuantityChange != null) row.allowSelfServiceQuantityChange = input.allowSelfServiceQuantityChange;
      if (priceCodes !== undefined) row.selfServicePriceCodes = priceCodes;
      if (defaultPaymentTermsDays !== undefined) row.defaultPaymentTermsDays = defaultPaymentTermsDays;
      if (input.defaultPaymentTermsEndOfMonth != null) row.defaultPaymentTermsEndOfMonth = input.defaultPaymentTermsEndOfMonth;
      if (invoiceDueSoonDays !== undefined) row.invoiceDueSoonDays = invoiceDueSoonDays;
      if (orderLeadDays !== undefined) row.orderLeadDays = orderLeadDays;
      if (input.eInvoicing != null) row.eInvoicing = input.eInvoicing;
      if (domesticTaxRate !== undefined) row.domesticTaxRate = domesticTaxRate;
      if (input.taxByShipTo != null) row.taxByShipTo = input.taxByShipTo;
      assertShipToTaxable(row, input);
      if (chartOfAccounts !== undefined) {
        const next = mergeChart(row.chartOfAccounts, chartOfAccounts);
        const twice = duplicateAccount(chartOf(next));
        if (twice) throw new InvalidInputError(`input.chartOfAccounts.${twice}.name`, 'names an account another role already posts to');
        row.chartOfAccounts = next;
      }
      row.updatedAt = now;
      await em.flush();
      return viewOf(row);
    });
  }
}

/**
 * Tax by ship-to decides between the seller's country and the others (orders/order-tax.ts): it
 * needs the seller's country (its address) and the rate of a domestic delivery. Checked on the
 * row as it will be saved, naming the field the caller touched.
 */
function assertShipToTaxable(row: SellerSettings, input: UpdateSellerSettingsInput): void {
  if (!row.taxByShipTo) return;
  if (row.domesticTaxRate === null) {
    const field = input.domesticTaxRate === null ? 'input.domesticTaxRate' : 'input.taxByShipTo';
    throw new InvalidInputError(field, 'taxing orders by ship-to needs the domestic VAT rate (domesticTaxRate)');
  }
  if (!row.address) {
    const field = input.address === null ? 'input.address' : 'input.taxByShipTo';
    throw new InvalidInputError(field, "taxing orders by ship-to needs the seller's address: its country is the domestic one");
  }
}
