import { Entity, Index, ManyToOne, OneToOne, Property, Rel, Unique } from '@mikro-orm/core';
import { Customer } from '../customers/customer.entity';
import { PaymentMethod } from './payment-method.entity';

/** FRST for a mandate's first collection, RCUR for every one after it (SEPA Core rulebook). */
export type SepaSequence = 'FRST' | 'RCUR';

/**
 * A SEPA Direct Debit mandate: the debtor's account and the authorization the seller collects
 * under, stored beside its payment method (`provider = 'sepa_debit'`, token = the mandate id).
 * The IBAN is shown masked in every answer (sepa-mandate.ts); only the pain files carry it whole.
 */
@Entity({ tableName: 'sepa_mandate' })
@Unique({ name: 'sepa_mandate_mandate_id_unique', properties: ['mandateId'] })
@Index({ properties: ['customer'] })
export class SepaMandate {
  @OneToOne(() => PaymentMethod, { primary: true, fieldName: 'payment_method_id', owner: true })
  paymentMethod!: Rel<PaymentMethod>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  /** Unique per seller (the creditor): the reference the debtor's bank checks the collection against. */
  @Property({ type: 'text' })
  mandateId!: string;

  /** Electronic format, check digits verified (settings/bank-account.ts). */
  @Property({ type: 'text', hidden: true })
  iban!: string;

  @Property({ type: 'text', nullable: true })
  bic: string | null = null;

  @Property({ type: 'text' })
  accountHolder!: string;

  /** When the debtor signed; pain.008 prints its UTC calendar date. */
  @Property({ type: 'timestamptz' })
  signedAt!: Date;

  /** What the next collection under this mandate is: FRST until one has been presented. */
  @Property({ type: 'text' })
  sequence!: SepaSequence;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
