import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorizeCustomer } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { paymentMethodEvent } from '../events/payment-events';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { collectNow } from './collect-now';
import { scheduleAwaitingInvoices } from './collection-terms';
import { PaymentMethod } from './payment-method.entity';
import { providerNamed } from './providers';
import { SEPA_DEBIT_PROVIDER } from './sepa-debit-provider';
import { mandateLabel, parseMandate, SepaMandateInput, storeMandate } from './sepa-mandate';

export interface AttachPaymentMethodInput {
  customerId: string;
  provider: string;
  token: string;
  /** Charges use the default; a new method becomes it unless told otherwise. */
  makeDefault?: boolean | null;
  /** When it stops working (a card's expiry), if known: `payment_method.expiring` is signaled 30 days before. */
  expiresAt?: Date | null;
  /** sepa_debit only: the mandate (the token is its mandate id). */
  sepaMandate?: SepaMandateInput | null;
}

const MAX_TOKEN = 200;

/** A customer's payment methods: the seller's ADMIN keys, or the customer's own key (self-service). */
export class PaymentMethodService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Attached as the default, it pays the invoices that were waiting for a payment method (collectNow, after the commit). */
  async attach(input: AttachPaymentMethodInput): Promise<PaymentMethod> {
    authorizeCustomer(this.ctx.actor, 'paymentMethods:write', input.customerId);
    const provider = providerNamed(this.ctx.providers, input.provider, 'input.provider');
    const token = input.token;
    if (token.length > MAX_TOKEN) throw new InvalidInputError('input.token', `at most ${MAX_TOKEN} characters`);
    // A SEPA mandate is checked here and stored with the method; other providers name their token themselves.
    const mandate = provider.name === SEPA_DEBIT_PROVIDER ? parseMandate(token, input.sepaMandate, this.ctx.clock.now()) : null;
    const { label } = mandate ? { label: mandateLabel(mandate) } : await provider.attach(token, 'input.token');
    const method = await this.ctx.em.transactional(async (em) => {
      const customer = await lockCustomer(em, input.customerId, 'input.customerId');
      const now = (await clockForCustomer(em, customer.id, this.ctx.clock)).now();
      const makeDefault = input.makeDefault ?? true;
      const expiresAt = input.expiresAt ?? null;
      if (expiresAt && expiresAt.getTime() <= now.getTime())
        throw new InvalidInputError('input.expiresAt', 'the payment method has already expired');
      if (makeDefault) await clearDefault(em, customer.id);
      const method = em.create(PaymentMethod, {
        customer,
        provider: provider.name,
        token: mandate?.mandateId ?? token,
        label,
        isDefault: makeDefault,
        attachedByKeyId: this.ctx.actor.keyId,
        expiresAt,
        createdAt: now,
      });
      await em.flush();
      if (mandate) await storeMandate(em, method, mandate, now);
      await emitEvent(em, paymentMethodEvent('attached', method, this.ctx.actor, now));
      if (makeDefault) await scheduleAwaitingInvoices(em, customer.id, method.provider, now);
      return method;
    });
    if (method.isDefault) await collectNow(this.ctx, method.customer.id);
    return method;
  }

  async list(customerId: string): Promise<PaymentMethod[]> {
    authorizeCustomer(this.ctx.actor, 'payments:read', customerId);
    if (!isId(customerId)) return [];
    return this.ctx.em.find(PaymentMethod, { customer: customerId, detachedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async setDefault(id: string): Promise<PaymentMethod> {
    const method = await this.ctx.em.transactional(async (em) => {
      const method = await this.lockOwnMethod(em, id);
      const now = (await clockForCustomer(em, method.customer.id, this.ctx.clock)).now();
      await clearDefault(em, method.customer.id);
      method.isDefault = true;
      await em.flush();
      await emitEvent(em, paymentMethodEvent('made_default', method, this.ctx.actor, now));
      await scheduleAwaitingInvoices(em, method.customer.id, method.provider, now);
      return method;
    });
    await collectNow(this.ctx, method.customer.id);
    return method;
  }

  /** Kept for the attempts that name it; a detached default leaves the customer without one, as Stripe does. */
  async detach(id: string): Promise<PaymentMethod> {
    return this.ctx.em.transactional(async (em) => {
      const method = await this.lockOwnMethod(em, id);
      const now = (await clockForCustomer(em, method.customer.id, this.ctx.clock)).now();
      method.detachedAt = now;
      method.isDefault = false;
      await em.flush();
      await emitEvent(em, paymentMethodEvent('detached', method, this.ctx.actor, now));
      return method;
    });
  }

  /** The method, under its customer's row lock (default changes of one customer serialize on it), if the actor may change it. */
  private async lockOwnMethod(em: EntityManager, id: string): Promise<PaymentMethod> {
    const found = isId(id) ? await em.findOne(PaymentMethod, { id, detachedAt: null }) : null;
    if (!found) throw new NotFoundError('payment method', id, 'id');
    authorizeCustomer(this.ctx.actor, 'paymentMethods:write', found.customer.id);
    await lockCustomer(em, found.customer.id, 'id');
    return em.findOneOrFail(PaymentMethod, { id }, { refresh: true });
  }
}

async function lockCustomer(em: EntityManager, id: string, field: string): Promise<Customer> {
  const customer = isId(id) ? await em.findOne(Customer, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!customer) throw new NotFoundError('customer', id, field);
  return customer;
}

async function clearDefault(em: EntityManager, customerId: string): Promise<void> {
  await em.nativeUpdate(PaymentMethod, { customer: customerId, isDefault: true }, { isDefault: false });
}
