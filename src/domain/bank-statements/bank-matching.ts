import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { amountRemaining } from '../payments/invoice-settlement';
import { findCreditorReferences, invoiceNumberOfReferenceBody, parseCreditorReference } from '../payments/payment-reference';
import type { ParsedBankEntry } from './bank-statement-format';

/** Whose money an entry is, and the invoices it names (oldest first), or nothing known. */
export interface EntryMatch {
  customerId: string;
  invoiceIds: string[];
  by: 'reference' | 'invoice_number' | 'amount_and_name';
}

const INVOICE_NUMBER = /\b([A-Z]{2,10})[-\s]?(\d{4})[-\s]?(\d{6,})\b/gi;
const PAYABLE = [InvoiceStatus.OPEN, InvoiceStatus.UNCOLLECTIBLE, InvoiceStatus.PAID];

/**
 * Matching, in the order of certainty: the structured RF references (the entry's own, then any
 * quoted in the text), then invoice numbers written in the remittance text, then an open invoice
 * of exactly the amount at the one customer whose name is the debtor's. Invoices named but
 * already paid still say whose money it is (it goes to their credit balance). Named invoices of
 * several customers: the first named customer's only, the rest is not guessed at.
 */
export async function matchEntry(em: EntityManager, entry: ParsedBankEntry): Promise<EntryMatch | null> {
  const references = [
    ...(entry.reference ? [parseCreditorReference(entry.reference)?.body].filter((b): b is string => !!b) : []),
    ...findCreditorReferences(entry.remittance),
  ];
  const byReference = await invoicesNamed(em, references.map(invoiceNumberOfReferenceBody), entry.currency);
  if (byReference.length) return matchOf(byReference, 'reference');
  const text = `${entry.reference ?? ''} ${entry.remittance}`;
  const numbers = [...text.matchAll(INVOICE_NUMBER)].map((m) => `${m[1].toUpperCase()}-${m[2]}-${m[3]}`);
  const byNumber = await invoicesNamed(em, numbers, entry.currency);
  if (byNumber.length) return matchOf(byNumber, 'invoice_number');
  return matchByAmountAndName(em, entry);
}

/**
 * Oldest first: by finalization, then by number (gapless and zero-padded, so issue order within a
 * year) for invoices finalized in the same millisecond, as a billing run or a test clock issues
 * them; the id alone would order those at random.
 */
const OLDEST_FIRST = { finalizedAt: 'asc', number: 'asc', id: 'asc' } as const;

async function invoicesNamed(em: EntityManager, numbers: (string | null)[], currency: string): Promise<Invoice[]> {
  const wanted = [...new Set(numbers.filter((n): n is string => n !== null))];
  if (!wanted.length) return [];
  return em.find(Invoice, { number: { $in: wanted }, currency, status: { $in: PAYABLE } }, { orderBy: OLDEST_FIRST });
}

function matchOf(invoices: Invoice[], by: EntryMatch['by']): EntryMatch {
  const customerId = invoices[0].customer.id;
  return { customerId, invoiceIds: invoices.filter((i) => i.customer.id === customerId).map((i) => i.id), by };
}

async function matchByAmountAndName(em: EntityManager, entry: ParsedBankEntry): Promise<EntryMatch | null> {
  const name = normalizeName(entry.debtorName ?? '');
  if (!name) return null;
  // Names are compared without case, punctuation or spacing: banks abbreviate and upper-case them.
  const candidates = await boundRows<{ id: string }>(
    em,
    `select id from customer where currency = ? and regexp_replace(upper(name), '[^A-Z0-9]', '', 'g') = ? limit 2`,
    [entry.currency, name],
  );
  if (candidates.length !== 1) return null;
  const open = await em.find(
    Invoice,
    { customer: candidates[0].id, currency: entry.currency, status: { $in: [InvoiceStatus.OPEN, InvoiceStatus.UNCOLLECTIBLE] } },
    { orderBy: OLDEST_FIRST },
  );
  const exact = open.find((i) => amountRemaining(i).eq(entry.amount));
  return exact ? { customerId: candidates[0].id, invoiceIds: [exact.id], by: 'amount_and_name' } : null;
}

function normalizeName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
