import { authorize, authorizeCustomer, customerCondition, withCreator } from '../auth/actor';
import type { Customer } from '../customers/customer.entity';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { BatchLoader } from '../shared/batch-loader';
import type { ServiceContext } from '../shared/service-context';
import { ConsumedLine, consumedLines } from './invoice-consumption';
import { Invoice, InvoiceStatus } from './invoice.entity';

export interface InvoiceFilter extends PageArgs {
  customerId?: string | null;
  status?: InvoiceStatus | null;
}

const empty: Page<Invoice> = { nodes: [], hasNextPage: false, cursorOf: () => '' };

export class InvoiceService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Null when unknown; FORBIDDEN for a CUSTOMER key and another customer's invoice. Lines included. */
  async get(id: string): Promise<Invoice | null> {
    authorize(this.ctx.actor, 'invoices:read');
    const invoice = isId(id) ? await this.ctx.em.findOne(Invoice, { id }, { populate: ['lines'], strategy: 'select-in' }) : null;
    if (invoice) authorizeCustomer(this.ctx.actor, 'invoices:read', await withCreator(this.ctx.actor, invoice.customer));
    return invoice;
  }

  /** As get(), read through the caller's loader (which must populate the lines). */
  async getBatched(id: string, loader: BatchLoader<Invoice>): Promise<Invoice | null> {
    authorize(this.ctx.actor, 'invoices:read');
    const invoice = isId(id) ? await loader.load(id) : null;
    if (invoice) authorizeCustomer(this.ctx.actor, 'invoices:read', await withCreator(this.ctx.actor, invoice.customer));
    return invoice;
  }

  /** Keyset pages by (createdAt, id); a CUSTOMER key sees its own customer's invoices only. */
  async list(filter: InvoiceFilter): Promise<Page<Invoice>> {
    authorize(this.ctx.actor, 'invoices:read');
    const size = pageSize(filter.first);
    const customer = customerCondition(this.ctx.actor, filter.customerId);
    if (customer === false) return empty;
    const where = {
      ...(customer ? { customer } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(filter.after),
    };
    // The lines of the whole page come in one more query, not one per invoice.
    const rows = await this.ctx.em.find(Invoice, where, {
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: size + 1,
      populate: ['lines'],
      strategy: 'select-in',
    });
    return toPage(rows, size);
  }

  /**
   * What the customer consumed on its payer's invoices (docs/company-groups.md, The portal): its
   * own lines only, read like its invoices (a CUSTOMER key or portal session for itself). The
   * payer's invoice stays the payer's: invoice(id) is still FORBIDDEN to the member's key.
   */
  async consumption(customer: Customer, page: PageArgs): Promise<Page<ConsumedLine>> {
    authorizeCustomer(this.ctx.actor, 'invoices:read', await withCreator(this.ctx.actor, customer));
    return consumedLines(this.ctx.em, customer.id, page);
  }
}
