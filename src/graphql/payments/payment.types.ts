import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DunningFinalAction } from '../../domain/payments/dunning-policy.entity';
import { PaymentAttemptKind } from '../../domain/payments/payment-attempt.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';
import { CustomerPageArgs } from '../shared/page-args';
import { SepaMandateInput } from './sepa.types';

registerEnumType(DunningFinalAction, { name: 'DunningFinalAction' });
registerEnumType(PaymentAttemptKind, { name: 'PaymentAttemptKind' });

@ObjectType('PaymentMethod')
export class PaymentMethodType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'sandbox, manual, sepa_debit, or a gateway this server offers' })
  provider!: string;

  @Field({ description: 'How people see it, e.g. "Sandbox card (always succeeds)" or "Bank transfer (…)"' })
  label!: string;

  @Field({ description: 'Charges use the default method' })
  isDefault!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working, if known; payment_method.expiring is signaled 30 days before' })
  expiresAt!: Date | null;
}

@ObjectType('PaymentAttempt')
export class PaymentAttemptType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  invoiceId!: string;

  @Field(() => PaymentAttemptKind, {
    description: 'CHARGE a provider was asked; REMINDER an overdue notice of a SEND_INVOICE invoice; MANUAL a payment recorded by hand',
  })
  kind!: PaymentAttemptKind;

  @Field(() => Int, { nullable: true, description: 'The dunning step: 0 the first try, n the n-th retry; null for MANUAL' })
  step!: number | null;

  @Field()
  at!: Date;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field({ description: 'pending, succeeded, failed or reminder_sent' })
  outcome!: string;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => String, { nullable: true })
  provider!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's charge id, or a MANUAL payment's bank reference" })
  providerReference!: string | null;
}

export const PaymentAttemptConnection = Connection('PaymentAttempt', PaymentAttemptType);

@ObjectType('DunningPolicy')
export class DunningPolicyType {
  @Field(() => [Int], {
    description: 'Days after the first failure of each retry (or, for SEND_INVOICE, after the due date of each reminder)',
  })
  retryAfterDays!: number[];

  @Field(() => Int, { description: 'Days after the last failed retry before the final action' })
  graceDays!: number;

  @Field(() => DunningFinalAction)
  finalAction!: DunningFinalAction;
}

@InputType()
export class AttachPaymentMethodInput {
  @Field(() => ID)
  customerId!: string;

  @Field({ description: 'sandbox or manual (or a gateway this server offers)' })
  provider!: string;

  @Field({
    description:
      "The provider's reference of the method: a sandbox test token (pm_sandbox_ok, …), or for manual the bank reference customers quote",
  })
  token!: string;

  @Field(() => Boolean, { nullable: true, description: 'Default true: charges use the new method' })
  makeDefault?: boolean | null;

  @Field(() => Date, {
    nullable: true,
    description: "When it stops working (a card's expiry), if known: after now; payment_method.expiring is signaled 30 days before",
  })
  expiresAt?: Date | null;

  @Field(() => SepaMandateInput, { nullable: true, description: 'sepa_debit only (then token is the mandate id): the mandate' })
  sepaMandate?: SepaMandateInput | null;
}

@InputType()
export class RecordPaymentInput {
  @Field(() => ID)
  invoiceId!: string;

  @Field(() => DecimalScalar, { description: 'Positive, at most what is still owed' })
  amount!: Decimal;

  @Field({ description: 'The bank reference: unique per invoice, so one transfer is never counted twice' })
  reference!: string;
}

@InputType()
export class SetDunningPolicyInput {
  @Field(() => [Int], { description: 'e.g. [1, 3, 5, 7]: ascending, 1 to 365, at most 10' })
  retryAfterDays!: number[];

  @Field(() => DunningFinalAction)
  finalAction!: DunningFinalAction;

  @Field(() => Int, { nullable: true, description: 'Default 0' })
  graceDays?: number | null;
}

@ArgsType()
export class PaymentAttemptsArgs extends CustomerPageArgs {}
