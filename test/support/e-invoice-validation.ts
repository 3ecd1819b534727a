import { createRequire } from 'node:module';

export interface Finding {
  id: string;
  text: string;
  location: string;
}
export interface Validation {
  syntax: 'UBL' | 'CII';
  fatal: Finding[];
  warnings: Finding[];
}

// validate.js is the vendored official checker (einvoicing/README.md), plain CommonJS.
const load = createRequire(__filename);
const validator = load('./einvoicing/validate.js') as { validate: (xml: string) => Validation };

/** The EN 16931 rules (CEN/TC 434 release 1.3.16) over an invoice or credit note in UBL or CII. */
export function validateEInvoice(xml: string): Validation {
  return validator.validate(xml);
}

/** BT-115 as the document states it. */
export function payableAmount(xml: string): string {
  const m = xml.match(/<cbc:PayableAmount[^>]*>([^<]*)<|<ram:DuePayableAmount>([^<]*)</);
  if (!m) throw new Error('no payable amount in the document');
  return m[1] ?? m[2];
}
