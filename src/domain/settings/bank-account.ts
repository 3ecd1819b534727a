import { electronicFormatIBAN, validateBIC, validateIBAN, ValidationErrorsBIC, ValidationErrorsIBAN } from 'ibantools';
import { validateCreditorID } from 'sepa';
import { z } from 'zod';
import { text } from '../shared/input-schema';

const IBAN_PROBLEMS: Record<number, string> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'is empty',
  [ValidationErrorsIBAN.NoIBANCountry]: 'does not start with a known country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: "does not have its country's format",
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'has check digits that are not digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'has wrong check digits',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'has a wrong national check digit',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'is a QR-IBAN',
};

const BIC_PROBLEMS: Record<number, string> = {
  [ValidationErrorsBIC.NoBICProvided]: 'is empty',
  [ValidationErrorsBIC.NoBICCountry]: 'names no known country (letters 5 and 6)',
  [ValidationErrorsBIC.WrongBICFormat]: 'must be 8 or 11 letters and digits (bank, country, location, branch)',
};

/**
 * The IBAN in electronic format (`de89 3704 0044 0532 0130 00` → `DE89370400440532013000`),
 * checked by ibantools: the country's length and format and the ISO 7064 check digits. A well-formed
 * IBAN may still not be an open account: nothing is looked up.
 */
export function normalizeIban(value: string): { iban: string } | { problem: string } {
  const iban = electronicFormatIBAN(value) ?? '';
  const result = validateIBAN(iban);
  if (result.valid) return { iban };
  return { problem: `IBAN '${value.slice(0, 40)}' ${IBAN_PROBLEMS[result.errorCodes[0]] ?? 'is not valid'}` };
}

/** The BIC (SWIFT code) in upper case without spaces: 8 or 11 characters naming a known country. */
export function normalizeBic(value: string): { bic: string } | { problem: string } {
  const bic = value.replace(/\s+/g, '').toUpperCase();
  const result = validateBIC(bic);
  if (result.valid) return { bic };
  return { problem: `BIC '${value.slice(0, 20)}' ${BIC_PROBLEMS[result.errorCodes[0]] ?? 'is not valid'}` };
}

/**
 * A SEPA creditor identifier in upper case without spaces (`de98 zzz 09999999999` →
 * `DE98ZZZ09999999999`): a country code, check digits over the national part (ISO 7064 mod
 * 97-10, the business code excluded), a 3-character business code and the national identifier.
 */
export function normalizeSepaCreditorId(value: string): { creditorId: string } | { problem: string } {
  const creditorId = value.replace(/\s+/g, '').toUpperCase();
  if (/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(creditorId) && validateCreditorID(creditorId)) return { creditorId };
  return { problem: `SEPA creditor identifier '${value.slice(0, 40)}' is not valid (country, check digits, business code, national id)` };
}

export const sepaCreditorIdSchema = text(40).transform((value, ctx) => {
  const r = normalizeSepaCreditorId(value);
  if ('creditorId' in r) return r.creditorId;
  ctx.addIssue({ code: 'custom', message: r.problem });
  return z.NEVER;
});

export const ibanSchema = text(50).transform((value, ctx) => {
  const r = normalizeIban(value);
  if ('iban' in r) return r.iban;
  ctx.addIssue({ code: 'custom', message: r.problem });
  return z.NEVER;
});

export const bicSchema = text(20).transform((value, ctx) => {
  const r = normalizeBic(value);
  if ('bic' in r) return r.bic;
  ctx.addIssue({ code: 'custom', message: r.problem });
  return z.NEVER;
});
