import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The per-database secret document links are signed with when TARIFF_DOCUMENT_LINK_SECRET is not
 * set (docs/documents.md): one row, made on first use, never shown. Deleting the row (or setting
 * the variable) rotates it: every link signed before stops opening.
 */
@Entity({ tableName: 'document_link_secret' })
export class DocumentLinkSecret {
  @PrimaryKey({ type: 'text' })
  id: string = 'default';

  @Property({ type: 'text', hidden: true })
  secret!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
