import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { DunningFinalAction, DunningPolicy } from './dunning-policy.entity';
import { DEFAULT_DUNNING, DunningRules } from './dunning-schedule';

export interface SetDunningPolicyInput {
  retryAfterDays: readonly number[];
  finalAction: DunningFinalAction;
  graceDays?: number | null;
}

const MAX_RETRIES = 10;
const MAX_DAYS = 365;

/** The policy in force: the stored one, or the default until a seller sets one. */
export async function dunningRules(em: EntityManager): Promise<DunningRules> {
  const row = await em.findOne(DunningPolicy, { id: 'default' });
  return row ? { retryAfterDays: row.retryAfterDays, graceDays: row.graceDays, finalAction: row.finalAction } : DEFAULT_DUNNING;
}

export class DunningPolicyService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(): Promise<DunningRules> {
    authorize(this.ctx.actor, 'dunning:read');
    return dunningRules(this.ctx.em);
  }

  /** Replaces the policy; invoices already in dunning follow it from their next step. */
  async set(input: SetDunningPolicyInput): Promise<DunningRules> {
    authorize(this.ctx.actor, 'dunning:write');
    const rules = validate(input);
    await this.ctx.em.transactional(async (em) => {
      await em.upsert(DunningPolicy, {
        id: 'default',
        ...rules,
        retryAfterDays: [...rules.retryAfterDays],
        updatedAt: this.ctx.clock.now(),
      });
    });
    return rules;
  }
}

function validate(input: SetDunningPolicyInput): DunningRules {
  const days = input.retryAfterDays;
  if (days.length > MAX_RETRIES) throw new InvalidInputError('input.retryAfterDays', `at most ${MAX_RETRIES} retries`);
  days.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > MAX_DAYS)
      throw new InvalidInputError(`input.retryAfterDays[${i}]`, `a whole number of days from 1 to ${MAX_DAYS}`);
    if (i > 0 && d <= days[i - 1])
      throw new InvalidInputError(
        `input.retryAfterDays[${i}]`,
        'days count from the first failure, so each retry comes later than the one before',
      );
  });
  const graceDays = input.graceDays ?? 0;
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > MAX_DAYS)
    throw new InvalidInputError('input.graceDays', `a whole number of days from 0 to ${MAX_DAYS}`);
  return { retryAfterDays: [...days], graceDays, finalAction: input.finalAction };
}
