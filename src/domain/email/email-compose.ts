import { Role, type Actor } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { DomainError } from '../errors';
import { Invoice } from '../invoices/invoice.entity';
import { invoiceFileName } from '../invoices/invoice-document.service';
import type { ServiceContext } from '../shared/service-context';
import { INVOICE_ATTACHMENTS, type EmailAttachment, type InvoiceAttachmentMaker } from './email-attachments';
import { sellerName } from './email-fan-out';
import type { ClaimedEmail } from './email-queue';
import { renderEmail, type EmailContent, type EmailFacts } from './email-templates';

/**
 * Who the worker acts as: the seller (it reads every customer's documents to attach them). Its
 * key id is a UUID no key has, because what it makes records its maker (a portal session's
 * `created_by_key_id`).
 */
export const EMAIL_WORKER: Actor = {
  keyId: '00000000-0000-4000-8000-0000000e4a11',
  name: 'e-mail worker',
  role: Role.ADMIN,
  customerId: null,
};

/** Links a body may carry; each may answer null when this deployment cannot make one. */
export interface EmailLinks {
  /** A signed-in customer portal for this customer. */
  portal?(ctx: ServiceContext, customerId: string): Promise<string | null>;
  /** A page where this quote is read and accepted. */
  quote?(ctx: ServiceContext, quoteId: string): Promise<string | null>;
}

export interface ComposedEmail extends EmailContent {
  senderName: string;
  attachments: EmailAttachment[];
  /** Attachments left out, with the typed error that kept them out (no content). */
  leftOut: { name: string; reason: string }[];
}

/**
 * The message for a claimed e-mail, rendered now from what is stored: the body is never stored,
 * so an e-mail sent again says the same from the same records. `ctx` acts for the worker (an ADMIN actor).
 */
export async function composeEmail(
  ctx: ServiceContext,
  claim: ClaimedEmail,
  links: EmailLinks,
  makers: readonly InvoiceAttachmentMaker[] = INVOICE_ATTACHMENTS,
): Promise<ComposedEmail> {
  const { em } = ctx;
  const customer = await em.findOneOrFail(Customer, { id: claim.customerId });
  const facts: EmailFacts = { sellerName: await sellerName(em), customerName: customer.name };
  const attachments: EmailAttachment[] = [];
  const leftOut: ComposedEmail['leftOut'] = [];
  const event = claim.event;
  switch (event.type) {
    case 'invoice.finalized': {
      const base = invoiceFileName({ id: event.payload.id, number: event.payload.number }).replace(/\.html$/, '');
      for (const maker of makers) {
        try {
          const content = await maker.make(ctx, event.payload.id);
          if (content !== null) attachments.push({ filename: `${base}.${maker.extension}`, contentType: maker.contentType, content });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          leftOut.push({ name: maker.name, reason: err.message });
        }
      }
      break;
    }
    case 'invoice.payment_failed':
      facts.portalUrl = (await links.portal?.(ctx, customer.id)) ?? null;
      break;
    case 'payment.succeeded':
    case 'payment.recorded': {
      const invoice = await em.findOne(Invoice, { id: event.payload.invoiceId }, { fields: ['number'] });
      facts.invoiceNumber = invoice?.number ?? null;
      break;
    }
    case 'quote.sent':
      facts.quoteUrl = (await links.quote?.(ctx, event.payload.id)) ?? null;
      break;
    case 'subscription.renewal_upcoming':
      break;
  }
  return { ...renderEmail(event, claim.subject, facts), senderName: facts.sellerName, attachments, leftOut };
}
