import type { DomainEventOf } from '../events/event-types';
import { escapeHtml } from '../shared/escape-html';
import type { EmailEventType } from './email-events';

/** An event that becomes e-mail, its payload typed by its type. */
export type EmailEvent = { [T in EmailEventType]: DomainEventOf<T> }[EmailEventType];

/** What a body says beyond the event's own payload, looked up when it is sent. */
export interface EmailFacts {
  sellerName: string;
  customerName: string;
  /** The invoice a receipt is for. */
  invoiceNumber?: string | null;
  /** A signed-in link to the customer portal, when one can be made (payment failed). */
  portalUrl?: string | null;
  /** Where the quote is read and accepted, when such a page exists. */
  quoteUrl?: string | null;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '–');
const money = (amount: string | null | undefined, currency: string): string => `${currency} ${amount ?? '0'}`;

/** From the payload and the seller's name only: written at the fan-out, into the delivery log. */
export function emailSubject(event: EmailEvent, sellerName: string): string {
  switch (event.type) {
    case 'invoice.finalized':
      return `Invoice ${event.payload.number ?? ''} from ${sellerName}`;
    case 'invoice.payment_failed':
      return `Payment failed for invoice ${event.payload.number ?? ''}`;
    case 'payment.succeeded':
    case 'payment.recorded':
      return `Receipt: ${money(event.payload.amount, event.payload.currency)} received by ${sellerName}`;
    case 'subscription.renewal_upcoming':
      return `Your subscription with ${sellerName} renews on ${day(event.payload.currentPeriodEnd)}`;
    case 'quote.sent':
      return `Quote ${event.payload.number ?? ''} from ${sellerName}`;
  }
}

/** Paragraphs, each a line of text or a link; the plain and HTML parts say the same. */
type Paragraph = string | { label: string; url: string };

function paragraphs(event: EmailEvent, facts: EmailFacts): Paragraph[] {
  switch (event.type) {
    case 'invoice.finalized': {
      const p = event.payload;
      return [
        `Please find attached invoice ${p.number ?? ''} for ${money(p.total, p.currency)}.`,
        `Amount due: ${money(p.amountDue, p.currency)}, due on ${day(p.dueAt)}.`,
        ...(p.periodStart && p.periodEnd ? [`Period: ${day(p.periodStart)} – ${day(p.periodEnd)}.`] : []),
        ...(p.purchaseOrderNumber ? [`Your purchase order: ${p.purchaseOrderNumber}.`] : []),
      ];
    }
    case 'invoice.payment_failed': {
      const p = event.payload;
      return [
        `We could not collect ${money(p.amountDue, p.currency)} for invoice ${p.number ?? ''}.`,
        facts.portalUrl
          ? { label: 'Update your payment method', url: facts.portalUrl }
          : 'Please update your payment method or pay by bank transfer.',
      ];
    }
    case 'payment.succeeded':
    case 'payment.recorded': {
      const p = event.payload;
      return [
        `We received ${money(p.amount, p.currency)} on ${day(p.at)}${facts.invoiceNumber ? ` for invoice ${facts.invoiceNumber}` : ''}.`,
        'Thank you.',
      ];
    }
    case 'subscription.renewal_upcoming': {
      const p = event.payload;
      return [`Your subscription renews on ${day(p.currentPeriodEnd)} for another ${p.intervalCount} ${p.interval.toLowerCase()}(s).`];
    }
    case 'quote.sent': {
      const p = event.payload;
      return [
        `Quote ${p.number ?? ''} for ${money(p.total, p.currency)}${p.validUntil ? `, valid until ${day(p.validUntil)}` : ''}.`,
        ...(facts.quoteUrl ? [{ label: 'Read and accept the quote', url: facts.quoteUrl }] : []),
      ];
    }
  }
}

/** The whole message: a plain-text part and an HTML part, every value escaped in the latter. */
export function renderEmail(event: EmailEvent, subject: string, facts: EmailFacts): EmailContent {
  const body = paragraphs(event, facts);
  const greeting = `Dear ${facts.customerName},`;
  const closing = `Kind regards,\n${facts.sellerName}`;
  const text = [greeting, ...body.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.url}`)), closing].join('\n\n') + '\n';
  const para = (p: Paragraph) =>
    typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.url)}">${escapeHtml(p.label)}</a></p>`;
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body>',
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map(para),
    `<p>Kind regards,<br>${escapeHtml(facts.sellerName)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
