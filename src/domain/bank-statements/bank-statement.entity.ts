import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { BankStatementFormat } from './bank-statement-format';

/** One bank statement, once: importing it again finds this row (unique format and statement id) and adds only entries it lacks. */
@Entity({ tableName: 'bank_statement' })
@Unique({ properties: ['format', 'statementId'] })
export class BankStatement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => BankStatementFormat, nativeEnumName: 'bank_statement_format' })
  format!: BankStatementFormat;

  /** The bank's id of the statement, prefixed by its account (bank-statement-format.ts). */
  @Property({ type: 'text' })
  statementId!: string;

  @Property({ type: 'uuid', nullable: true })
  importedByKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  importedAt!: Date;
}
