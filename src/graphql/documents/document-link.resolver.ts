import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { DocumentFormat, DocumentType } from '../../domain/documents/document-format';
import type { Context } from '../context';
import { CreditNoteType } from '../credit-notes/credit-note.types';
import { InvoiceType } from '../invoices/invoice.types';
import { QuoteType } from '../quotes/quote.types';

registerEnumType(DocumentFormat, {
  name: 'DocumentFormat',
  description: 'What a document link opens as (docs/documents.md)',
  valuesConfig: {
    PDF: { description: 'application/pdf' },
    UBL: { description: 'EN 16931 e-invoice, OASIS UBL 2.1 (invoices only)' },
    CII: { description: 'EN 16931 e-invoice, UN/CEFACT CII D16B (invoices only)' },
    HTML: { description: 'A printable page' },
  },
});

const DESCRIPTION =
  'A signed link to the document that opens without an Authorization header, until TARIFF_DOCUMENT_LINK_MINUTES pass, the key that asked for it is revoked, or the link secret is rotated. FORBIDDEN for a key that cannot read the document';

/** `documentUrl` on invoices, credit notes and quotes: lives with documents so that those aggregates do not depend on them. */
@Resolver(() => InvoiceType)
export class InvoiceDocumentUrlResolver {
  @FieldResolver(() => String, { description: `${DESCRIPTION}. PDF, UBL, CII or HTML` })
  documentUrl(
    @Root() invoice: InvoiceType,
    @Arg('format', () => DocumentFormat) format: DocumentFormat,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.documentLinks.url(DocumentType.INVOICE, invoice.id, format, ctx.documents);
  }
}

@Resolver(() => CreditNoteType)
export class CreditNoteDocumentUrlResolver {
  @FieldResolver(() => String, { description: `${DESCRIPTION}. PDF or HTML (BAD_USER_INPUT for another format)` })
  documentUrl(
    @Root() note: CreditNoteType,
    @Arg('format', () => DocumentFormat) format: DocumentFormat,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.documentLinks.url(DocumentType.CREDIT_NOTE, note.id, format, ctx.documents);
  }
}

@Resolver(() => QuoteType)
export class QuoteDocumentUrlResolver {
  @FieldResolver(() => String, { description: `${DESCRIPTION}. PDF or HTML (BAD_USER_INPUT for another format)` })
  documentUrl(@Root() quote: QuoteType, @Arg('format', () => DocumentFormat) format: DocumentFormat, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.documentLinks.url(DocumentType.QUOTE, quote.id, format, ctx.documents);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A signed link to a page where the customer reads the quote, opens its PDF and accepts it (with a purchase order number where required) or declines it, without an API key; acting as the key that asked for it. Null for a key that cannot accept quotes (quotes:write and subscriptions:write). It ends as documentUrl does',
  })
  acceptanceUrl(@Root() quote: QuoteType, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.services.quoteAcceptance.urlIfAllowed(quote.id, ctx.documents);
  }
}
