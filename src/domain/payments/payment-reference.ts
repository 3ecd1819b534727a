/*
 * ISO 11649 structured creditor references ("RF" + two check digits + up to 21 letters and
 * digits), the reference a payer quotes on a bank transfer so that the statement names the
 * invoice. The check digits are ISO 7064 MOD 97-10, as an IBAN's: the body, then "RF00", letters
 * as numbers (A = 10 … Z = 35), taken mod 97; the digits are 98 − that remainder, and a valid
 * reference (body + "RF" + digits) is ≡ 1 mod 97.
 */

const BODY = /^[A-Z0-9]{1,21}$/;
const MAX_BODY = 21;

/** Letters as their ISO 7064 numbers, digits as themselves, folded mod 97 a character at a time (no big integers). */
function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}

/** `RF` + check digits + `body`; the body is upper-cased letters and digits, 1 to 21 of them. */
export function creditorReference(body: string): string {
  const normalized = body.toUpperCase();
  if (!BODY.test(normalized)) throw new Error(`a creditor reference body is 1 to ${MAX_BODY} letters or digits, not '${body}'`);
  const check = 98 - mod97(`${normalized}RF00`);
  return `RF${String(check).padStart(2, '0')}${normalized}`;
}

/**
 * The body of a valid creditor reference, or null: spaces (printed groups of four) are ignored
 * and case does not matter, but a wrong check digit, a foreign character or a body too long is
 * not a reference. Used on every remittance line the bank statement carries.
 */
export function parseCreditorReference(text: string): { reference: string; body: string } | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const match = /^RF(\d{2})([A-Z0-9]{1,21})$/.exec(compact);
  if (!match) return null;
  const [, digits, body] = match;
  if (digits === '00' || digits === '01' || digits === '99') return null; // never produced by 98 − (n mod 97)
  if (mod97(`${body}RF${digits}`) !== 1) return null;
  return { reference: compact, body };
}

/**
 * Every creditor reference inside a free text (a remittance line may carry several, one per
 * invoice paid): written as one word, or printed in groups of four (`RF18 5390 0754 7034`), where
 * every group but the last has four characters, so the words after a reference are not taken in.
 */
export function findCreditorReferences(text: string): string[] {
  const words = text
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^RF\d{2}/.test(words[i])) continue;
    const compact = parseCreditorReference(words[i]);
    if (compact || words[i].length !== 4) {
      if (compact) found.push(compact.body);
      continue;
    }
    let best: { body: string; next: number } | null = null;
    let joined = words[i];
    for (let j = i + 1; j < words.length && words[j].length <= 4 && joined.length < 25; j++) {
      joined += words[j];
      const parsed = parseCreditorReference(joined);
      if (parsed) best = { body: parsed.body, next: j + 1 };
      if (words[j].length < 4) break;
    }
    if (best) {
      found.push(best.body);
      i = best.next - 1;
    }
  }
  return found;
}

/**
 * An invoice's reference, derived from what it is and never stored: a finalized invoice's number
 * without its dashes (`INV-2027-000042` → `RF..INV2027000042`), so the reference survives every
 * export and needs no backfill. A DRAFT has no number yet: it gets a provisional `D` + its id's
 * first 20 letters and digits, which no statement matches (a draft takes no payment), and which
 * changes to the numbered one at finalization.
 */
export function invoicePaymentReference(invoice: { id: string; number: string | null }): string {
  if (invoice.number) return creditorReference(invoice.number.replace(/[^A-Za-z0-9]/g, ''));
  return creditorReference(`D${invoice.id.replace(/[^A-Za-z0-9]/g, '').slice(0, MAX_BODY - 1)}`);
}

/** The invoice number a reference body names (`INV2027000042` → `INV-2027-000042`), or null for a draft's or a foreign one. */
export function invoiceNumberOfReferenceBody(body: string): string | null {
  const match = /^([A-Z]+)(\d{4})(\d{6,})$/.exec(body);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
