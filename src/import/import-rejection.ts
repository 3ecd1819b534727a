import { DomainError } from '../domain/errors';
import { PricingInputError } from '../pricing/errors';

/** A record the import cannot bring over as it is: reported with its id and this reason, never written. */
export class ImportRejection extends Error {
  override readonly name = 'ImportRejection';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Why a record was refused, when the refusal is an expected one: the import's own, or the
 * domain's validation (the same errors a GraphQL client gets, field first). Null for anything
 * else, which is a bug and must stop the run rather than be filed as a bad record.
 */
export function rejectionReason(err: unknown): string | null {
  if (err instanceof ImportRejection) return err.reason;
  if (err instanceof DomainError) return err.field ? `${err.field}: ${err.message}` : err.message;
  if (err instanceof PricingInputError) return err.message;
  return null;
}
