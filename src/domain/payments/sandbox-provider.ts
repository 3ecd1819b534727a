import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../errors';
import type { Clock } from '../shared/clock';
import type { AttachedMethod, ChargeRequest, ChargeResult, PaymentProvider, RefundRequest, RefundResult } from './provider';
import { SandboxCharge } from './sandbox-charge.entity';

/** The documented test tokens (CONTRACT.md), in the spirit of Stripe's test cards. */
export const SANDBOX_TOKENS = {
  pm_sandbox_ok: 'Sandbox card (always succeeds)',
  pm_sandbox_decline: 'Sandbox card (always declined)',
  pm_sandbox_insufficient_funds: 'Sandbox card (insufficient funds)',
  pm_sandbox_fail_once: 'Sandbox card (fails once per invoice)',
} as const;

type SandboxToken = keyof typeof SANDBOX_TOKENS;

function isSandboxToken(token: string): token is SandboxToken {
  return Object.hasOwn(SANDBOX_TOKENS, token);
}

/**
 * A deterministic gateway for development and tests. It keeps its books in `sandbox_charge`,
 * each write in a transaction of its own, as a remote gateway's books are independent of ours:
 * a charge it answered survives our crash, and asking again with the same idempotency key gets
 * the same answer without a second charge.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly canCharge = true;

  constructor(
    private readonly fork: () => EntityManager,
    private readonly clock: Clock,
  ) {}

  async attach(token: string, field: string): Promise<AttachedMethod> {
    if (!isSandboxToken(token)) {
      throw new InvalidInputError(field, `unknown sandbox token; use one of ${Object.keys(SANDBOX_TOKENS).join(', ')}`);
    }
    return { label: SANDBOX_TOKENS[token] };
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const em = this.fork();
    const known = await em.findOne(SandboxCharge, { idempotencyKey: request.idempotencyKey });
    if (known) return resultOf(known);
    const earlier = await em.count(SandboxCharge, { invoiceId: request.invoiceId });
    const outcome = decide(request.token, earlier);
    const charge: SandboxCharge = {
      idempotencyKey: request.idempotencyKey,
      invoiceId: request.invoiceId,
      token: request.token,
      amount: request.amount.toFixed(),
      currency: request.currency,
      succeeded: outcome.error === null,
      reference: `sb_ch_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      error: outcome.error,
      refunded: '0',
      createdAt: this.clock.now(),
    };
    // Two callers racing on one key: the primary key keeps the first, and both answer with it.
    const inserted = await em.getConnection().execute<{ idempotency_key: string }[]>(
      `insert into sandbox_charge (idempotency_key, invoice_id, token, amount, currency, succeeded, reference, error, refunded, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, '0', ?) on conflict (idempotency_key) do nothing returning idempotency_key`,
      [
        charge.idempotencyKey,
        charge.invoiceId,
        charge.token,
        charge.amount,
        charge.currency,
        charge.succeeded,
        charge.reference,
        charge.error,
        charge.createdAt,
      ],
    );
    if (inserted.length === 1) return resultOf(charge);
    return resultOf(await this.fork().findOneOrFail(SandboxCharge, { idempotencyKey: request.idempotencyKey }));
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const rows = await this.fork()
      .getConnection()
      .execute<{ reference: string }[]>(
        `update sandbox_charge set refunded = (refunded::numeric + ?::numeric)::text
        where reference = ? and succeeded and refunded::numeric + ?::numeric <= amount::numeric returning reference`,
        [request.amount.toFixed(), request.chargeReference, request.amount.toFixed()],
      );
    if (rows.length === 0) return { status: 'failed', error: 'no such charge, or the refund exceeds what is left of it' };
    return { status: 'succeeded', reference: `sb_re_${randomUUID().replace(/-/g, '').slice(0, 24)}` };
  }
}

function decide(token: string, earlierChargesOfInvoice: number): { error: string | null } {
  switch (token) {
    case 'pm_sandbox_ok':
      return { error: null };
    case 'pm_sandbox_decline':
      return { error: 'card_declined: the card was declined' };
    case 'pm_sandbox_insufficient_funds':
      return { error: 'insufficient_funds: the card has insufficient funds' };
    case 'pm_sandbox_fail_once':
      return earlierChargesOfInvoice === 0
        ? { error: 'card_declined: the first charge of this invoice is declined (pm_sandbox_fail_once)' }
        : { error: null };
    default:
      return { error: `invalid_token: ${token} is not a sandbox token` };
  }
}

function resultOf(charge: SandboxCharge): ChargeResult {
  return charge.succeeded
    ? { status: 'succeeded', reference: charge.reference }
    : { status: 'failed', reference: charge.reference, error: charge.error ?? 'failed' };
}
