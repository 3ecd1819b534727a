import { wrap } from '@mikro-orm/core';
import type { ContactRole } from '../customers/contact-role';
import type { Customer } from '../customers/customer.entity';
import { ForbiddenError } from '../errors';
import { isId } from '../shared/ids';
import { contactMay } from './contact-permissions';

export enum Role {
  ADMIN = 'ADMIN',
  SALES = 'SALES',
  /** SALES, and approves quotes beyond the quote policy. */
  SALES_MANAGER = 'SALES_MANAGER',
  CUSTOMER = 'CUSTOMER',
  PARTNER = 'PARTNER',
  /** A shop's back end: reads the catalog, signs up customers and subscribes them; sees only the customers it created. */
  STOREFRONT = 'STOREFRONT',
}

/** Who is calling: resolved from the API key at the edge, passed to every service method. */
export interface Actor {
  keyId: string;
  name: string;
  role: Role;
  /** Set for CUSTOMER keys only: the one account such a key may see. */
  customerId: string | null;
  /** Set for a portal session made for one of the customer's contacts: narrows the CUSTOMER role (contact-permissions.ts). */
  contactRole?: ContactRole | null;
}

/**
 * The permission table. Services ask for a permission, never for a role, so that what each
 * role may do is readable in one place. CUSTOMER permissions are further scoped to the key's
 * own customer by `authorizeCustomer`, STOREFRONT permissions to the customers the key created.
 */
const grants = {
  'apiKeys:manage': [Role.ADMIN],
  'catalog:write': [Role.ADMIN],
  // The warehouse's counts come from the seller's ERP or WMS; staff and partners may read them.
  'inventory:write': [Role.ADMIN],
  // Recording shipments and deliveries: what the ERP/WMS reports (there is no warehouse role; an ADMIN key does it).
  'shipments:write': [Role.ADMIN],
  'inventory:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER],
  'catalog:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER, Role.STOREFRONT],
  // A storefront signs customers up but changes nothing of them afterwards (customers:write).
  'customers:create': [Role.ADMIN, Role.STOREFRONT],
  'customers:write': [Role.ADMIN],
  'customers:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER, Role.STOREFRONT],
  'contracts:write': [Role.ADMIN],
  'contracts:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  // A storefront shows prices at checkout, for a customer it created or for none.
  'quotes:preview': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.STOREFRONT],
  'quotes:write': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // A quote beyond the quote policy is sent only once a manager approved it; the policy is the seller's (ADMIN).
  'quotes:approve': [Role.ADMIN, Role.SALES_MANAGER],
  'quotePolicy:write': [Role.ADMIN],
  'quotePolicy:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  'quotes:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  // Checkout: a storefront subscribes the customers it created; changing or canceling is subscriptions:write.
  'subscriptions:create': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.STOREFRONT],
  'subscriptions:write': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  'subscriptions:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER, Role.STOREFRONT],
  // Usage becomes invoices: only the seller's backend (an ADMIN key) reports it, never the
  // customer it bills. Reading it is scoped like the customer's own subscriptions.
  'usage:write': [Role.ADMIN],
  'usage:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  // A CUSTOMER key reads its own invoices only (authorizeCustomer, customerScope).
  'invoices:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER, Role.STOREFRONT],
  'billing:run': [Role.ADMIN],
  // Orders of goods (issue 17): staff read and change them; a customer its own (skip, reschedule, quantities).
  'orders:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  'orders:write': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  // A placed order is the seller's commitment to the warehouse: its staff cancel it, not the buyer.
  'orders:cancel': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // Simulated time moves a customer's billing: only ADMIN moves it; SALES sees it (demo customers live on one).
  'testClocks:write': [Role.ADMIN],
  'testClocks:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // A finalized invoice is never edited: an ADMIN voids it or issues a credit note against it.
  'invoices:correct': [Role.ADMIN],
  // Read like invoices: a CUSTOMER key sees its own customer's credit notes only.
  'creditNotes:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER],
  // The outbox (events): every payload is a snapshot SALES can read anyway (customers, contracts,
  // quotes, subscriptions, invoices, credit notes), and sales tools sync from it; a CUSTOMER key
  // reads its own customer's events only (customerScope).
  'events:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER],
  // Linking records to ids in an ERP or CRM (setExternalId, removeExternalId) is the sync's job.
  'externalIds:write': [Role.ADMIN],
  // Webhook URLs are the operator's choice (the server posts to them) and their secrets sign every event: ADMIN only.
  'webhooks:manage': [Role.ADMIN],
  'webhooks:read': [Role.ADMIN],
  // Connections to a CRM or ERP hold the seller's credentials for them: ADMIN only (docs/connectors.md).
  'connections:manage': [Role.ADMIN],
  'connections:read': [Role.ADMIN],
  // The e-mail log: staff answer "did they get the invoice?"; a customer sees what was sent to it.
  'emails:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  // Payments: finance (ADMIN) records and refunds; a customer sees its own attempts and methods
  // and manages its own payment methods (self-service); SALES reads for account conversations.
  'payments:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  'payments:record': [Role.ADMIN],
  'paymentMethods:write': [Role.ADMIN, Role.CUSTOMER],
  'dunning:write': [Role.ADMIN],
  'dunning:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // Seller settings: who the seller is (printed on invoices) and what customers may do themselves.
  'settings:write': [Role.ADMIN],
  'settings:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.CUSTOMER],
  // A hosted-portal link for one customer, made by the seller's staff.
  'portal:create': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // What a customer may change of its own subscriptions, within what the seller's settings allow.
  'subscriptions:selfServe': [Role.CUSTOMER],
  // Usage thresholds make lifecycle signals for CRM and marketing: the seller's staff set them.
  'usageThresholds:write': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // Revenue analytics aggregate every customer: the seller's staff only.
  'analytics:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // Rebuilding the revenue ledger from the outbox rewrites it: operators only.
  'analytics:rebuild': [Role.ADMIN],
  // Exchange rates move every converted revenue figure: operators set them; staff read them (analytics:read).
  'exchangeRates:write': [Role.ADMIN],
  // Coupons are the seller's offers: ADMIN makes them; staff read them and apply them to
  // subscriptions, customers and quotes. Customers see their own discounts on what they read.
  'coupons:write': [Role.ADMIN],
  'coupons:read': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  'coupons:apply': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER],
  // A customer's ship-to locations and contacts: the seller's operators keep them; whoever reads the customer reads them.
  'locations:write': [Role.ADMIN],
  'contacts:write': [Role.ADMIN],
  // The printable invoice (GET /invoices/:id.html): read like invoices, except by portal contacts who do not handle them.
  'invoices:download': [Role.ADMIN, Role.SALES, Role.SALES_MANAGER, Role.PARTNER, Role.CUSTOMER, Role.STOREFRONT],
  // Who changed what: the log shows every record's fields, of every customer.
  'audit:read': [Role.ADMIN],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(actor: Actor, permission: Permission): boolean {
  if (!(grants[permission] as readonly Role[]).includes(actor.role)) return false;
  return actor.role !== Role.CUSTOMER || actor.contactRole == null || contactMay(actor.contactRole, permission);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new ForbiddenError(`role ${actor.role} may not ${permission.replace(':', ' ')}`);
  }
}

/** What tells whose a customer is: its id, and (for STOREFRONT keys) the key that created it. */
export interface CustomerRecord {
  id: string;
  createdByKeyId?: string | null;
}

/**
 * Whether the actor may touch this customer's data at all. A STOREFRONT key needs the record
 * (an id alone cannot tell who created it): given an id, it is refused, so that a check not
 * taught about storefronts fails closed.
 */
export function mayAccessCustomer(actor: Actor, customer: string | CustomerRecord): boolean {
  const id = typeof customer === 'string' ? customer : customer.id;
  if (actor.role === Role.CUSTOMER) return actor.customerId === id;
  if (actor.role === Role.STOREFRONT) return typeof customer !== 'string' && customer.createdByKeyId === actor.keyId;
  return true;
}

/** A permission on one customer's data: a CUSTOMER key passes only for its own customer, a STOREFRONT key for the customers it created. */
export function authorizeCustomer(actor: Actor, permission: Permission, customer: string | CustomerRecord): void {
  authorize(actor, permission);
  if (mayAccessCustomer(actor, customer)) return;
  throw new ForbiddenError(
    actor.role === Role.STOREFRONT ? 'this key may only access the customers it created' : 'this key may only access its own customer',
  );
}

/**
 * The customer a record points at, loaded when the check needs more than its id (a STOREFRONT
 * key's): other roles cost no query. Loads through the reference's own EntityManager, so inside
 * a transaction it reads on the transaction's connection.
 */
export async function withCreator(actor: Actor, customer: Customer): Promise<Customer> {
  if (actor.role === Role.STOREFRONT && !wrap(customer).isInitialized()) await wrap(customer).init();
  return customer;
}

/** The customer a list must be narrowed to, or null when the actor may see every customer. */
export function customerScope(actor: Actor): string | null {
  // A list that knows only this answer cannot narrow to a storefront's customers: refuse rather than show all.
  if (actor.role === Role.STOREFRONT) throw new ForbiddenError(`role ${actor.role} may not list these records`);
  if (actor.role !== Role.CUSTOMER) return null;
  // A CUSTOMER key always has a customer; without one it must see nothing rather than everything.
  if (!actor.customerId) throw new ForbiddenError('this key is not bound to a customer');
  return actor.customerId;
}

/**
 * The condition a list of customer data puts on its customer (MikroORM `customer: …`), given
 * the customer the caller asked for: null for none, false when nothing can match (another
 * customer than a CUSTOMER key's own, a malformed id).
 */
export function customerCondition(actor: Actor, requested?: string | null): { id?: string; createdByKeyId?: string } | null | false {
  if (requested != null && !isId(requested)) return false;
  if (actor.role === Role.STOREFRONT) return { ...(requested != null ? { id: requested } : {}), createdByKeyId: actor.keyId };
  const own = customerScope(actor);
  if (own !== null && requested != null && requested !== own) return false;
  const id = own ?? requested ?? null;
  return id === null ? null : { id };
}
