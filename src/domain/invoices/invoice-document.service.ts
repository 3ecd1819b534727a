import { authorize } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { readSellerSettings } from '../settings/seller-settings.service';
import type { ServiceContext } from '../shared/service-context';
import { invoiceFileName, renderInvoiceHtml } from './invoice-html';
import { invoiceFacts, invoiceLineFacts } from './invoice-writer';
import { InvoiceService } from './invoice.service';

export interface InvoiceDocument {
  html: string;
  fileName: string;
}

/** The printable invoice (GET /invoices/:id.html). */
export class InvoiceDocumentService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Null when unknown. Authorized exactly as `invoice(id)`, by the same method: a CUSTOMER key
   * gets FORBIDDEN for another customer's invoice. Whoever may read the invoice may read who
   * issued it, so the seller's details need no permission of their own.
   */
  async html(id: string): Promise<InvoiceDocument | null> {
    // Reading an invoice in the API and keeping its document differ for portal contacts only (contact-permissions.ts).
    authorize(this.ctx.actor, 'invoices:download');
    const invoice = await new InvoiceService(this.ctx).get(id);
    if (!invoice) return null;
    const customer = await this.ctx.em.findOneOrFail(Customer, { id: invoice.customer.id });
    const seller = await readSellerSettings(this.ctx.em);
    return {
      html: renderInvoiceHtml({ invoice: invoiceFacts(invoice), lines: invoice.lines.getItems().map(invoiceLineFacts), customer, seller }),
      fileName: invoiceFileName(invoice),
    };
  }
}
