import { invoicePaymentReference } from '../payments/payment-reference';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../auth/actor';
import { Price } from '../catalog/price.entity';
import { CreditNoteService } from '../credit-notes/credit-note.service';
import { Customer } from '../customers/customer.entity';
import { EInvoiceSyntax } from '../e-invoices/e-invoice';
import { EInvoiceService } from '../e-invoices/e-invoice.service';
import { InvalidInputError } from '../errors';
import { Invoice } from '../invoices/invoice.entity';
import { invoiceFacts } from '../invoices/invoice-writer';
import { InvoiceService } from '../invoices/invoice.service';
import { QuoteService } from '../quotes/quote.service';
import { readSellerSettings } from '../settings/seller-settings.service';
import type { ServiceContext } from '../shared/service-context';
import { renderDocumentHtml } from './document-html';
import { CONTENT_TYPES, documentFileName, DocumentFormat, DocumentType, FORMATS } from './document-format';
import { renderDocumentPdf } from './document-pdf';
import {
  creditNotePrintable,
  invoicePrintable,
  quotePrintable,
  type CustomerForDocument,
  type LineForPrint,
  type PrintableDocument,
} from './printable-document';

/** A document ready to send: its bytes, media type and file name. */
export interface RenderedDocument {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** The products' names of the prices the lines name, in one query. */
async function productNames(em: EntityManager, priceIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(priceIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const prices = await em.find(Price, { id: { $in: ids } }, { populate: ['product'] });
  return new Map(prices.map((p) => [p.id, p.product.name]));
}

async function customersById(em: EntityManager, ids: string[]): Promise<Map<string, Customer>> {
  const rows = await em.find(Customer, { id: { $in: [...new Set(ids)] } });
  return new Map(rows.map((c) => [c.id, c]));
}

function unsupported(type: DocumentType, format: DocumentFormat): InvalidInputError {
  return new InvalidInputError('format', `a ${type.replace('-', ' ')} is available as ${FORMATS[type].join(', ')}, not ${format}`);
}

/**
 * Invoices, credit notes and quotes as files (PDF, HTML, and for invoices UBL and CII): loaded and
 * authorized exactly as reading the document, then handed to the pure renderers. Null when unknown.
 */
export class DocumentService {
  constructor(private readonly ctx: ServiceContext) {}

  /** BAD_USER_INPUT at `format` when the type has no such format (a quote as UBL). */
  checkFormat(type: DocumentType, format: DocumentFormat): void {
    if (!FORMATS[type].includes(format)) throw unsupported(type, format);
  }

  async render(type: DocumentType, id: string, format: DocumentFormat): Promise<RenderedDocument | null> {
    this.checkFormat(type, format);
    switch (type) {
      case DocumentType.INVOICE:
        return this.invoice(id, format);
      case DocumentType.CREDIT_NOTE:
        return this.creditNote(id, format);
      case DocumentType.QUOTE:
        return this.quote(id, format);
    }
  }

  /** Loads and authorizes the document only: what a link needs to be made. Null when unknown. */
  async exists(type: DocumentType, id: string): Promise<boolean> {
    switch (type) {
      case DocumentType.INVOICE:
        authorize(this.ctx.actor, 'invoices:download');
        return (await new InvoiceService(this.ctx).get(id)) !== null;
      case DocumentType.CREDIT_NOTE:
        return (await new CreditNoteService(this.ctx).get(id)) !== null;
      case DocumentType.QUOTE:
        return (await new QuoteService(this.ctx).get(id)) !== null;
    }
  }

  async invoicePrintable(id: string): Promise<PrintableDocument | null> {
    // As the printable invoice: read like invoices, except by portal contacts who do not handle them.
    authorize(this.ctx.actor, 'invoices:download');
    const invoice = await new InvoiceService(this.ctx).get(id);
    if (!invoice) return null;
    const lines = invoice.lines.getItems();
    const [names, customers, seller] = await Promise.all([
      productNames(
        this.ctx.em,
        lines.map((l) => l.price?.id ?? null),
      ),
      customersById(this.ctx.em, [invoice.customer.id, ...lines.map((l) => l.customer.id)]),
      readSellerSettings(this.ctx.em),
    ]);
    const customer = customers.get(invoice.customer.id)!;
    return invoicePrintable({
      invoice: { ...invoiceFacts(invoice), paymentReference: invoice.number ? invoicePaymentReference(invoice) : null },
      lines: lines.map((l): LineForPrint => ({
        kind: l.kind,
        description: l.description,
        priceCode: l.priceCode,
        productName: l.price ? (names.get(l.price.id) ?? null) : null,
        quantity: l.quantity,
        amount: l.amount,
        tax: l.tax,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        purchaseOrderNumber: l.purchaseOrderNumber,
        consumer: customers.get(l.customer.id),
        taxCategory: l.taxCategory,
        taxRate: l.taxRate,
      })),
      customer: customer as CustomerForDocument,
      seller,
    });
  }

  async invoice(id: string, format: DocumentFormat): Promise<RenderedDocument | null> {
    this.checkFormat(DocumentType.INVOICE, format);
    if (format === DocumentFormat.UBL || format === DocumentFormat.CII) {
      authorize(this.ctx.actor, 'invoices:download');
      const invoice = await new InvoiceService(this.ctx).get(id);
      if (!invoice) return null;
      const xml = await new EInvoiceService(this.ctx).forInvoice(
        id,
        format === DocumentFormat.UBL ? EInvoiceSyntax.UBL : EInvoiceSyntax.CII,
      );
      return {
        body: Buffer.from(xml, 'utf8'),
        contentType: CONTENT_TYPES[format],
        fileName: documentFileName(invoice.number ?? id, format),
      };
    }
    return this.file(await this.invoicePrintable(id), format);
  }

  async creditNotePrintable(id: string): Promise<PrintableDocument | null> {
    const note = await new CreditNoteService(this.ctx).get(id);
    if (!note) return null;
    const invoice = await this.ctx.em.findOneOrFail(Invoice, { id: note.invoice.id });
    const lines = note.lines.getItems();
    await this.ctx.em.populate(lines, ['invoiceLine']);
    const [names, customers, seller] = await Promise.all([
      productNames(
        this.ctx.em,
        lines.map((l) => l.invoiceLine.price?.id ?? null),
      ),
      customersById(this.ctx.em, [note.customer.id, ...lines.map((l) => l.customer.id)]),
      readSellerSettings(this.ctx.em),
    ]);
    return creditNotePrintable({
      note,
      invoice: invoiceFacts(invoice),
      lines: lines.map((l): LineForPrint => {
        const source = l.invoiceLine;
        return {
          kind: source.kind,
          // The credited line's words, so the note reads like the invoice it corrects.
          description: l.description === source.description ? source.description : l.description,
          priceCode: l.description === source.description ? source.priceCode : null,
          productName: source.price ? (names.get(source.price.id) ?? null) : null,
          quantity: source.quantity,
          amount: l.amount,
          tax: l.tax,
          periodStart: source.periodStart,
          periodEnd: source.periodEnd,
          purchaseOrderNumber: source.purchaseOrderNumber,
          consumer: customers.get(l.customer.id),
          taxCategory: l.taxCategory,
          taxRate: l.taxRate,
        };
      }),
      customer: customers.get(note.customer.id)! as CustomerForDocument,
      seller,
    });
  }

  async creditNote(id: string, format: DocumentFormat): Promise<RenderedDocument | null> {
    this.checkFormat(DocumentType.CREDIT_NOTE, format);
    return this.file(await this.creditNotePrintable(id), format);
  }

  async quotePrintable(id: string): Promise<PrintableDocument | null> {
    const quote = await new QuoteService(this.ctx).get(id);
    if (!quote) return null;
    const lines = await quote.lines.loadItems();
    const [names, customer, seller] = await Promise.all([
      productNames(
        this.ctx.em,
        lines.map((l) => l.price?.id ?? null),
      ),
      this.ctx.em.findOneOrFail(Customer, { id: quote.customer.id }),
      readSellerSettings(this.ctx.em),
    ]);
    // A DRAFT's lines name codes, not versions yet: the current price of the code names the product.
    const byCode = new Map(
      (await this.ctx.em.find(Price, { code: { $in: lines.map((l) => l.priceCode) }, isCurrent: true }, { populate: ['product'] })).map(
        (p) => [p.code, p.product.name],
      ),
    );
    return quotePrintable({
      quote,
      lines: lines.map((l): LineForPrint => ({
        kind: null,
        description: `${l.quantity.toFixed()} × ${l.priceCode}`,
        priceCode: l.priceCode,
        productName: (l.price ? names.get(l.price.id) : undefined) ?? byCode.get(l.priceCode) ?? null,
        quantity: l.quantity,
        amount: l.amount,
        tax: l.tax,
        periodStart: null,
        periodEnd: null,
        purchaseOrderNumber: null,
      })),
      customer: customer as CustomerForDocument,
      seller,
    });
  }

  async quote(id: string, format: DocumentFormat): Promise<RenderedDocument | null> {
    this.checkFormat(DocumentType.QUOTE, format);
    return this.file(await this.quotePrintable(id), format);
  }

  private async file(doc: PrintableDocument | null, format: DocumentFormat): Promise<RenderedDocument | null> {
    if (!doc) return null;
    const body = format === DocumentFormat.PDF ? await renderDocumentPdf(doc) : Buffer.from(renderDocumentHtml(doc), 'utf8');
    return { body, contentType: CONTENT_TYPES[format], fileName: documentFileName(doc.number, format) };
  }
}
