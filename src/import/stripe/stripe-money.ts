import { isCurrencyCode, minorUnits } from '../../pricing/currency';
import { Decimal } from '../../pricing/decimal';
import { ImportRejection } from '../import-rejection';

/**
 * Stripe writes amounts in the currency's smallest unit, by its own table (docs: "Zero-decimal
 * currencies", "Three-decimal currencies"), which is not always ISO 4217's: MGA is zero-decimal at
 * Stripe and two-decimal in ISO, ISK the other way round. An amount is read with Stripe's exponent
 * and then held to Tariff's minor unit wherever it is money owed (invoices).
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** The ISO code of a Stripe currency (`usd` → `USD`), or a rejection naming the field. */
export function tariffCurrency(stripeCurrency: string, field: string): string {
  const code = stripeCurrency.toUpperCase();
  if (!isCurrencyCode(code)) throw new ImportRejection(`${field}: unknown currency '${stripeCurrency}'`);
  return code;
}

export function stripeExponent(currency: string): number {
  const code = currency.toUpperCase();
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
}

/** An amount in Stripe's minor units (integer or `*_decimal` string) as a Decimal of the currency's major unit, exactly. */
export function fromStripeMinor(amount: number | string, currency: string): Decimal {
  const value = new Decimal(String(amount)).div(new Decimal(10).pow(stripeExponent(currency)));
  return value.isZero() ? new Decimal(0) : value;
}

/** Money owed (an invoice's amounts): it must be whole in Tariff's minor unit of the currency. */
export function moneyFromStripe(amount: number, currency: string, field: string): Decimal {
  const value = fromStripeMinor(amount, currency);
  const scale = minorUnits(currency.toUpperCase());
  if (value.decimalPlaces() > scale)
    throw new ImportRejection(`${field}: ${amount} is not a whole amount of ${currency.toUpperCase()} at ${scale} decimals`);
  return value;
}

/** The `*_decimal` field when present (it carries the exact value), else the integer one. */
export function stripeAmount(decimal: string | null | undefined, integer: number | null | undefined): string | number | null {
  if (decimal !== null && decimal !== undefined) return decimal;
  if (integer !== null && integer !== undefined) return integer;
  return null;
}
