import { z } from 'zod';
import type { Decimal } from '../../pricing/decimal';
import { atMost, code, decimal, hasNul, storableDate, unique } from '../shared/input-schema';

const MAX_ITEMS = 100;

const item = z.object({
  // No price code holds NUL, and PostgreSQL would refuse the query rather than find nothing.
  priceCode: z.string().refine((v) => !hasNul(v), { error: 'unknown price' }),
  // Both are the named price's rule to judge (contract.service.ts, validateItems): passed through.
  override: z.custom<Record<string, unknown> | null>(() => true).optional(),
  discountPercent: z.custom<Decimal | null>(() => true).optional(),
});

/** createContract's fields that can be checked without the database. */
export const createContractSchema = z
  .object({
    code,
    startsAt: storableDate,
    endsAt: storableDate.nullish().transform((v) => v ?? null),
    minimumCommitment: decimal
      .refine((d) => d.gte(0), { error: 'minimumCommitment must be zero or more' })
      .nullish()
      .transform((v) => v ?? null),
    items: atMost(item, MAX_ITEMS)
      .refine((items) => items.length > 0, { error: 'a contract has at least one item', abort: true })
      .check(
        unique<z.output<typeof item>>(
          (x) => x.priceCode,
          (x) => `price '${x.priceCode}' appears twice; a contract has one item per price`,
          ['priceCode'],
        ),
      ),
  })
  .check((ctx) => {
    const { startsAt, endsAt } = ctx.value;
    if (endsAt !== null && endsAt.getTime() <= startsAt.getTime()) {
      ctx.issues.push({ code: 'custom', input: endsAt, path: ['endsAt'], message: 'endsAt must be after startsAt' });
    }
  });
