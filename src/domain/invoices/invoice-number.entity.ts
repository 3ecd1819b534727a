import { Entity, PrimaryKeyProp, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last number given in a series and year (`INV`, 2027 → 41). Taken under a row lock inside
 * the finalizing transaction, so numbers are gapless: a rolled-back finalization gives its
 * number back with everything else.
 */
@Entity({ tableName: 'invoice_number' })
export class InvoiceNumber {
  [PrimaryKeyProp]?: ['series', 'year'];

  @PrimaryKey({ type: 'text' })
  series!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
