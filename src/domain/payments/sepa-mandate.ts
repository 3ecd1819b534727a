import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConflictError, InvalidInputError } from '../errors';
import { parseInput, storableDate, text } from '../shared/input-schema';
import { bicSchema, ibanSchema } from '../settings/bank-account';
import type { PaymentMethod } from './payment-method.entity';
import { SepaMandate, SepaSequence } from './sepa-mandate.entity';

export interface SepaMandateInput {
  iban: string;
  bic?: string | null;
  accountHolder: string;
  signatureDate: Date;
  /** FRST (the default) for a mandate never collected; RCUR for one already collected under elsewhere. */
  sequence?: SepaSequence | null;
}

export interface ParsedMandate {
  mandateId: string;
  iban: string;
  bic: string | null;
  accountHolder: string;
  signedAt: Date;
  sequence: SepaSequence;
}

/** The SEPA character set of a mandate id (EPC rulebook): letters, digits and `/ - ? : ( ) . , ' +` and space, at most 35. */
const MANDATE_ID = /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/;

const mandateSchema = z.object({
  iban: ibanSchema,
  bic: bicSchema.nullish().transform((v) => v ?? null),
  // pain.008 prints at most 70 characters of the debtor's name.
  accountHolder: text(70),
  signatureDate: storableDate,
  sequence: z
    .enum(['FRST', 'RCUR'])
    .nullish()
    .transform((v) => v ?? 'FRST'),
});

/** Checks a mandate where it enters (fields under `input.sepaMandate`); the mandate id is the method's token. */
export function parseMandate(token: string, input: SepaMandateInput | null | undefined, now: Date): ParsedMandate {
  const mandateId = token.trim();
  if (!MANDATE_ID.test(mandateId) || mandateId.startsWith(' ') || mandateId.includes('//'))
    throw invalid('input.token', "a SEPA mandate id: 1 to 35 letters, digits or / - ? : ( ) . , ' + (the method's token)");
  if (!input) throw invalid('input.sepaMandate', 'a sepa_debit method needs its mandate: iban, accountHolder and signatureDate');
  const m = parseInput(mandateSchema, input, 'input.sepaMandate');
  if (m.signatureDate.getTime() > now.getTime())
    throw invalid('input.sepaMandate.signatureDate', 'a mandate cannot be signed in the future');
  return { mandateId, iban: m.iban, bic: m.bic, accountHolder: m.accountHolder, signedAt: m.signatureDate, sequence: m.sequence };
}

function invalid(field: string, message: string): InvalidInputError {
  return new InvalidInputError(field, message);
}

/** `DE89370400440532013000` → `DE•• •••• •••• •••• ••30 00`: only the last 4 characters are shown, as a finance person needs no more. */
export function maskIban(iban: string): string {
  const shown = iban.slice(-4);
  const hidden = iban.slice(0, -4).replace(/[A-Za-z0-9]/g, '•');
  return (hidden + shown).replace(/(.{4})(?=.)/g, '$1 ');
}

export function mandateLabel(m: Pick<ParsedMandate, 'iban' | 'mandateId'>): string {
  return `SEPA Direct Debit ••••${m.iban.slice(-4)} (mandate ${m.mandateId})`;
}

/** Stores the mandate beside its method, in the attaching transaction; a mandate id is the seller's once (CONFLICT otherwise). */
export async function storeMandate(em: EntityManager, method: PaymentMethod, m: ParsedMandate, now: Date): Promise<SepaMandate> {
  const taken = () =>
    new ConflictError(`mandate id '${m.mandateId}' is already in use: a mandate id is unique per creditor`, {
      field: 'input.token',
      details: { reason: 'MANDATE_ID_TAKEN' },
    });
  if (await em.count(SepaMandate, { mandateId: m.mandateId })) throw taken();
  const mandate = em.create(SepaMandate, {
    paymentMethod: method,
    customer: method.customer,
    mandateId: m.mandateId,
    iban: m.iban,
    bic: m.bic,
    accountHolder: m.accountHolder,
    signedAt: m.signedAt,
    sequence: m.sequence,
    createdAt: now,
  });
  try {
    await em.flush();
  } catch (err) {
    // Two attachments of one mandate id at once: the unique index decides, and the loser is told so.
    if (err instanceof UniqueConstraintViolationException) throw taken();
    throw err;
  }
  return mandate;
}
