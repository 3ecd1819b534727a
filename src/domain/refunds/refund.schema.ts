import { z } from 'zod';
import type { Decimal } from '../../pricing/decimal';
import { decimal, text } from '../shared/input-schema';
import { bicSchema, ibanSchema } from '../settings/bank-account';

export interface RefundPaymentInput {
  paymentId: string;
  amount: Decimal;
  reason?: string | null;
  /** A bank payment's refund goes here when given (else to the customer's SEPA mandate's account). */
  iban?: string | null;
  bic?: string | null;
  accountHolder?: string | null;
}

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const refundInputSchema = z.object({
  paymentId: z.string(),
  amount: decimal.refine((d) => d.gt(0), { error: 'a refund is a positive amount' }),
  reason: optional(text(1000)),
  iban: optional(ibanSchema),
  bic: optional(bicSchema),
  accountHolder: optional(text(70)),
});

export type RefundInput = z.output<typeof refundInputSchema>;
