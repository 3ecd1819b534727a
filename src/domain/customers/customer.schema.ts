import { z } from 'zod';
import type { Decimal } from '../../pricing/decimal';
import { externalIdSchema, type ExternalIdInput } from '../external-ids/external-id-input';
import { atMost, currency, email, hasNul, parseInput, percentage, text, unique, wholeNumber } from '../shared/input-schema';
import { InvalidInputError } from '../errors';
import { MAX_PAYMENT_TERMS_DAYS } from '../payments/payment-terms';
import { TaxStatus } from './customer.entity';

const MAX_EXTERNAL_IDS = 20;
const MAX_SEARCH_LENGTH = 200;

/** The key two external ids collide on. */
export function externalKey(system: string, id: string): string {
  return JSON.stringify([system, id]);
}

/** At most 20, each (system, id) once. */
export const externalIdList = atMost(externalIdSchema, MAX_EXTERNAL_IDS).check(
  unique<ExternalIdInput>(
    (x) => externalKey(x.system, x.id),
    (x) => `${x.system} id '${x.id}' is listed twice`,
  ),
);

/** A switch that absent or null leaves as it is. */
const keptFlag = z
  .boolean()
  .nullish()
  .transform((v) => v ?? undefined);

/** A customer's, or the seller's default (seller-settings.schema.ts). */
export const paymentTermsDays = wholeNumber(0, MAX_PAYMENT_TERMS_DAYS, `a whole number of days from 0 to ${MAX_PAYMENT_TERMS_DAYS}`);

/**
 * The fields of createCustomer and updateCustomer that can be checked without the database.
 * Tags, metadata and the tax rule are checked by the service (segments, checkTax).
 */
export const createCustomerSchema = z.object({
  name: text(),
  email,
  currency,
  externalIds: externalIdList.nullish().transform((v) => v ?? []),
  /** Absent: the seller's default (seller settings), resolved by the service. */
  paymentTermsDays: paymentTermsDays.nullish().transform((v) => v ?? undefined),
  purchaseOrderRequired: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

/** upsertCustomer's fields that can be checked without the database; `purchaseOrderRequired` absent or null: kept. */
export const upsertCustomerSchema = z.object({
  externalId: externalIdSchema,
  name: text(),
  email,
  currency,
  purchaseOrderRequired: keptFlag,
  paymentTermsDays: paymentTermsDays.nullish().transform((v) => v ?? undefined),
});

/** Absent or null: kept. */
export const updateCustomerSchema = z.object({
  name: text()
    .nullish()
    .transform((v) => v ?? undefined),
  email: email.nullish().transform((v) => v ?? undefined),
  externalIds: externalIdList.nullish().transform((v) => v ?? undefined),
  paymentTermsDays: paymentTermsDays.nullish().transform((v) => v ?? undefined),
  purchaseOrderRequired: keptFlag,
});

const SEARCH_MESSAGE = `search is at most ${MAX_SEARCH_LENGTH} characters, without NUL`;

/** The trimmed search text, or null for none. */
export const customerSearch = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null)
  .pipe(
    z
      .string()
      .max(MAX_SEARCH_LENGTH, { error: SEARCH_MESSAGE })
      .refine((v) => !hasNul(v), { error: SEARCH_MESSAGE })
      .nullable(),
  );

/** An e-mail address, trimmed, or InvalidInputError at `field`. */
export function requireEmail(value: string, field: string): string {
  return parseInput(email, value, field);
}

const taxRate = percentage(4, 'the tax rate is a percentage above 0 and at most 100, with at most 4 decimals');

/** PRICING.md, Taxes: a TAXABLE customer has a rate in (0, 100] percent, the others none. */
export function checkTax(status: TaxStatus, rate: Decimal | null): Decimal | null {
  if (status !== TaxStatus.TAXABLE) {
    if (rate !== null) throw new InvalidInputError('input.taxRate', `a ${status} customer has no tax rate`);
    return null;
  }
  if (rate === null) throw new InvalidInputError('input.taxRate', 'a TAXABLE customer needs a tax rate');
  return parseInput(taxRate, rate, 'input.taxRate');
}
