import { ContactRole } from '../customers/contact-role';
import type { Permission } from './actor';

/**
 * What a portal session made for a contact may do, on top of the CUSTOMER role it narrows: every
 * contact reads what its customer may read; the writes go by role (issue 16). Listed, not derived
 * from names, so that a permission added to CUSTOMER later stays closed to contacts until it is
 * placed here.
 */
const reads: readonly Permission[] = [
  'catalog:read',
  'customers:read',
  'contracts:read',
  'quotes:read',
  'subscriptions:read',
  'usage:read',
  'invoices:read',
  'creditNotes:read',
  'events:read',
  'payments:read',
  'settings:read',
  'orders:read',
];

const writes: Record<ContactRole, readonly Permission[]> = {
  // Everything the portal allows.
  [ContactRole.ADMIN]: ['subscriptions:selfServe', 'paymentMethods:write', 'invoices:download', 'orders:write'],
  // Changes quantities (and, once orders land, orders); money is accounts payable's.
  [ContactRole.BUYER]: ['subscriptions:selfServe', 'orders:write'],
  // Pays and keeps the documents; does not change what is bought.
  [ContactRole.ACCOUNTS_PAYABLE]: ['paymentMethods:write', 'invoices:download'],
  // Approves quotes and orders when those reach the portal; until then it reads.
  [ContactRole.APPROVER]: [],
  [ContactRole.VIEWER]: [],
};

export function contactMay(role: ContactRole, permission: Permission): boolean {
  return reads.includes(permission) || writes[role].includes(permission);
}

/**
 * A BUYER changes what is bought (quantities, plans) but neither pauses nor cancels: ending a
 * subscription is the customer's administrator's decision.
 */
export function contactMayRequest(role: ContactRole | null | undefined, action: 'change' | 'pause' | 'resume' | 'cancel'): boolean {
  if (role == null || role === ContactRole.ADMIN) return true;
  return role === ContactRole.BUYER && action === 'change';
}
