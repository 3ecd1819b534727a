import { renderDocumentHtml } from '../documents/document-html';
import { DocumentService } from '../documents/document.service';
import type { ServiceContext } from '../shared/service-context';
import type { Invoice } from './invoice.entity';

export interface InvoiceDocument {
  html: string;
  fileName: string;
}

/** A file name from the number: letters, digits, `-`, `_` and `.` only, so no header can be forged. */
export function invoiceFileName(invoice: Pick<Invoice, 'id' | 'number'>): string {
  const base = invoice.number ?? `draft-${invoice.id}`;
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_')}.html`;
}

/** The printable invoice (GET /invoices/:id.html and the e-mail's attachment). */
export class InvoiceDocumentService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Null when unknown. Authorized exactly as the invoice's signed document link (DocumentService):
   * a CUSTOMER key gets FORBIDDEN for another customer's invoice. The page is the one the link
   * serves (document-html.ts), from the same printable model as the PDF.
   */
  async html(id: string): Promise<InvoiceDocument | null> {
    const printable = await new DocumentService(this.ctx).invoicePrintable(id);
    if (!printable) return null;
    // A draft is printed as number "DRAFT" (printable-document.ts); its file is named after its id.
    const number = printable.number === 'DRAFT' ? null : printable.number;
    return { html: renderDocumentHtml(printable), fileName: invoiceFileName({ id, number }) };
  }
}
