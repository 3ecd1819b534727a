import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/**
 * One pain.008.001.02 file handed to the seller's bank: the invoices it collects are its items
 * (direct-debit-item.entity.ts). The XML is kept as it was given, so the file can be fetched again
 * byte for byte; settlement and returns change the items' payments, never the file.
 */
@Entity({ tableName: 'direct_debit_batch' })
@Unique({ properties: ['messageId'] })
@Index({ properties: ['createdAt', 'id'] })
export class DirectDebitBatch {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The file's MsgId (at most 35 characters): banks refuse a message id they have seen. */
  @Property({ type: 'text' })
  messageId!: string;

  /** The requested collection date (ReqdColltnDt), midnight UTC of that day. */
  @Property({ type: 'timestamptz' })
  collectionDate!: Date;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: DecimalType })
  total!: Decimal;

  @Property({ type: 'text', lazy: true })
  xml!: string;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  settledAt: Date | null = null;
}
