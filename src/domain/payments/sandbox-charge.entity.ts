import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The sandbox provider's own books: what a real gateway keeps on its side. Written outside our
 * transactions, so it survives our crashes as a gateway's would, and keyed by the idempotency
 * key, so the same request answers the same way twice and never charges twice.
 */
@Entity({ tableName: 'sandbox_charge' })
export class SandboxCharge {
  @PrimaryKey({ type: 'text' })
  idempotencyKey!: string;

  /** Which invoice it was for: `pm_sandbox_fail_once` fails an invoice's first charge only. */
  @Property({ type: 'uuid', index: true })
  invoiceId!: string;

  @Property({ type: 'text' })
  token!: string;

  @Property({ type: 'text' })
  amount!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'boolean' })
  succeeded!: boolean;

  @Property({ type: 'text' })
  reference!: string;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** What was refunded of it, as a decimal string. */
  @Property({ type: 'text', default: '0' })
  refunded: string = '0';

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
