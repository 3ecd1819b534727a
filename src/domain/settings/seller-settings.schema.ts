import { z } from 'zod';
import { storableAddressSchema } from '../customers/customer-address';
import { paymentTermsDays } from '../customers/customer.schema';
import { atMost, code, email, percentage, text, wholeNumber } from '../shared/input-schema';
import { chartOfAccountsInputSchema } from '../ledger/chart-of-accounts';
import { bicSchema, ibanSchema, sepaCreditorIdSchema } from './bank-account';

const MAX_ADDRESS_LINES = 6;
const MAX_PRICE_CODES = 50;
const MAX_DUE_SOON_DAYS = 90;

/** Absent or null: kept. */
const kept = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/**
 * updateSellerSettings' fields that can be checked without the database. `email`, `taxId`,
 * `legalName`, `address`, `registrationNumber`, `iban`, `bic` and `sepaCreditorId` are cleared by null, so null stays null there.
 */
/** How long before its date a scheduled order freezes (issue 17): up to a month. */
const MAX_ORDER_LEAD_DAYS = 30;

export const updateSellerSettingsSchema = z.object({
  name: kept(text(200)),
  addressLines: kept(atMost(text(200), MAX_ADDRESS_LINES)),
  email: email.nullable().optional(),
  taxId: text(50).nullable().optional(),
  selfServicePriceCodes: kept(atMost(code, MAX_PRICE_CODES)),
  legalName: text(200).nullable().optional(),
  address: storableAddressSchema.nullable().optional(),
  registrationNumber: text(50).nullable().optional(),
  iban: ibanSchema.nullable().optional(),
  bic: bicSchema.nullable().optional(),
  sepaCreditorId: sepaCreditorIdSchema.nullable().optional(),
  defaultPaymentTermsDays: kept(paymentTermsDays),
  invoiceDueSoonDays: kept(wholeNumber(0, MAX_DUE_SOON_DAYS, `a whole number of days from 0 (no reminder) to ${MAX_DUE_SOON_DAYS}`)),
  orderLeadDays: kept(wholeNumber(0, MAX_ORDER_LEAD_DAYS, `a whole number of days from 0 to ${MAX_ORDER_LEAD_DAYS}`)),
  chartOfAccounts: kept(chartOfAccountsInputSchema),
  domesticTaxRate: percentage(4, 'the domestic VAT rate is a percentage above 0 and at most 100, with at most 4 decimals')
    .nullable()
    .optional(),
});
