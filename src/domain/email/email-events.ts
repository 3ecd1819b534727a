import { ContactRole } from '../customers/contact-role';
import type { EventType } from '../events/event-types';

/**
 * The events that become e-mails, and which of the customer's contacts receive them; a customer
 * with no live contact of those roles gets it at its own e-mail. Money goes to accounts payable
 * (CONTRACT.md, Documents); what is bought goes to those who buy and approve.
 */
export const EMAIL_RECIPIENT_ROLES = {
  'invoice.finalized': [ContactRole.ACCOUNTS_PAYABLE],
  'invoice.payment_failed': [ContactRole.ACCOUNTS_PAYABLE],
  'payment.succeeded': [ContactRole.ACCOUNTS_PAYABLE],
  'payment.recorded': [ContactRole.ACCOUNTS_PAYABLE],
  'subscription.renewal_upcoming': [ContactRole.ADMIN, ContactRole.ACCOUNTS_PAYABLE],
  'quote.sent': [ContactRole.BUYER, ContactRole.APPROVER],
} as const satisfies Partial<Record<EventType, readonly ContactRole[]>>;

export type EmailEventType = keyof typeof EMAIL_RECIPIENT_ROLES;

export const EMAIL_EVENT_TYPES = Object.keys(EMAIL_RECIPIENT_ROLES) as EmailEventType[];

export function isEmailEventType(type: string): type is EmailEventType {
  return Object.hasOwn(EMAIL_RECIPIENT_ROLES, type);
}
