import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditNoteService } from '../credit-notes/credit-note.service';
import { Customer } from '../customers/customer.entity';
import { NotFoundError } from '../errors';
import { Invoice } from '../invoices/invoice.entity';
import { invoiceFacts, invoiceLineFacts } from '../invoices/invoice-writer';
import { InvoiceService } from '../invoices/invoice.service';
import { readSellerSettings } from '../settings/seller-settings.service';
import type { ServiceContext } from '../shared/service-context';
import { EInvoiceSpecification, EInvoiceSyntax, type EInvoice } from './e-invoice';
import { renderCii } from './e-invoice-cii';
import { creditNoteToEInvoice, invoiceToEInvoice, type CustomerForEInvoice } from './e-invoice-facts';
import { renderUbl } from './e-invoice-ubl';

export function renderEInvoice(doc: EInvoice, syntax: EInvoiceSyntax): string {
  return syntax === EInvoiceSyntax.CII ? renderCii(doc) : renderUbl(doc);
}

async function customers(em: EntityManager, ids: Iterable<string>): Promise<Map<string, CustomerForEInvoice>> {
  const rows = await em.find(Customer, { id: { $in: [...new Set(ids)] } });
  return new Map(rows.map((c) => [c.id, c]));
}

/** Invoices and credit notes as EN 16931 XML: views of what is stored, authorized as reading the document. */
export class EInvoiceService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * NOT_FOUND for an invoice never stored (an upcoming one). CONFLICT for a DRAFT, or naming the
   * seller's or buyer's detail the document lacks (`settings.iban`, `customer.billingAddress`, …).
   */
  async forInvoice(id: string, syntax: EInvoiceSyntax, specification = EInvoiceSpecification.EN16931): Promise<string> {
    const invoice = await new InvoiceService(this.ctx).get(id);
    if (!invoice) throw new NotFoundError('Invoice', id);
    const lines = invoice.lines.getItems().map(invoiceLineFacts);
    const consumers = await customers(this.ctx.em, [invoice.customer.id, ...lines.map((l) => l.customerId ?? invoice.customer.id)]);
    const doc = invoiceToEInvoice({
      invoice: invoiceFacts(invoice),
      lines,
      buyer: consumers.get(invoice.customer.id)!,
      consumers,
      seller: await readSellerSettings(this.ctx.em),
      specification,
    });
    return renderEInvoice(doc, syntax);
  }

  async forCreditNote(id: string, syntax: EInvoiceSyntax, specification = EInvoiceSpecification.EN16931): Promise<string> {
    const note = await new CreditNoteService(this.ctx).get(id);
    if (!note) throw new NotFoundError('CreditNote', id);
    const invoice = await this.ctx.em.findOneOrFail(Invoice, { id: note.invoice.id });
    const lines = note.lines.getItems();
    await this.ctx.em.populate(lines, ['invoiceLine']);
    const consumers = await customers(this.ctx.em, [note.customer.id, ...lines.map((l) => l.invoiceLine.customer.id)]);
    const doc = creditNoteToEInvoice({
      note,
      invoice: invoiceFacts(invoice),
      lines: lines.map((l) => ({
        description: l.description,
        amount: l.amount,
        tax: l.tax,
        priceCode: l.invoiceLine.priceCode,
        customerId: l.invoiceLine.customer.id,
        periodStart: l.invoiceLine.periodStart,
        periodEnd: l.invoiceLine.periodEnd,
        // A note older than the stored categories reads its invoice line's (both backfilled alike).
        ...(l.taxCategory
          ? { taxCategory: l.taxCategory, taxRate: l.taxRate }
          : { taxCategory: l.invoiceLine.taxCategory, taxRate: l.invoiceLine.taxRate }),
        purchaseOrderNumber: l.invoiceLine.purchaseOrderNumber,
      })),
      buyer: consumers.get(note.customer.id)!,
      consumers,
      seller: await readSellerSettings(this.ctx.em),
      specification,
    });
    return renderEInvoice(doc, syntax);
  }
}
