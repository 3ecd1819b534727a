import { DocumentFormat } from '../documents/document-format';
import { DocumentService } from '../documents/document.service';
import { EInvoiceSyntax } from '../e-invoices/e-invoice';
import { EInvoiceService } from '../e-invoices/e-invoice.service';
import { InvoiceDocumentService } from '../invoices/invoice-document.service';
import type { ServiceContext } from '../shared/service-context';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

/** A document made for an invoice e-mail: its content, type and the file extension it is named with. */
export interface InvoiceAttachmentMaker {
  /** For logs: which attachment was left out, and why. */
  name: string;
  extension: string;
  contentType: string;
  make(ctx: ServiceContext, invoiceId: string): Promise<string | Buffer | null>;
}

/**
 * What an issued invoice's e-mail carries, in order, each file named after the invoice's number.
 * Another document is one more entry here. A maker that throws a typed domain error
 * (an e-invoice the seller's settings cannot make valid) leaves its file out and the e-mail goes.
 */
export const INVOICE_ATTACHMENTS: readonly InvoiceAttachmentMaker[] = [
  {
    name: 'pdf',
    extension: 'pdf',
    contentType: 'application/pdf',
    make: async (ctx, id) => (await new DocumentService(ctx).invoice(id, DocumentFormat.PDF))?.body ?? null,
  },
  {
    name: 'e-invoice',
    extension: 'xml',
    contentType: 'application/xml',
    make: (ctx, id) => new EInvoiceService(ctx).forInvoice(id, EInvoiceSyntax.UBL),
  },
  {
    name: 'html',
    extension: 'html',
    contentType: 'text/html; charset=utf-8',
    make: async (ctx, id) => (await new InvoiceDocumentService(ctx).html(id))?.html ?? null,
  },
];
