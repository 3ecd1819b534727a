import { Actor, can, Permission, Role } from '../../../src/domain/auth/actor';
import { ContactRole } from '../../../src/domain/customers/contact-role';
import { contactMayRequest } from '../../../src/domain/auth/contact-permissions';

const customer = (contactRole: ContactRole | null): Actor => ({
  keyId: 'k',
  name: 'portal',
  role: Role.CUSTOMER,
  customerId: 'c',
  contactRole,
});

// The portal's writes by contact role (issue 16); reads are every contact's.
const WRITES: Permission[] = ['subscriptions:selfServe', 'paymentMethods:write', 'invoices:download'];
const table: [ContactRole | null, Permission[]][] = [
  [null, WRITES],
  [ContactRole.ADMIN, WRITES],
  [ContactRole.BUYER, ['subscriptions:selfServe']],
  [ContactRole.ACCOUNTS_PAYABLE, ['paymentMethods:write', 'invoices:download']],
  [ContactRole.APPROVER, []],
  [ContactRole.VIEWER, []],
];

describe('contact roles narrow a CUSTOMER key', () => {
  it.each(table)('%s may %j of the portal writes, and reads what its customer may', (role, allowed) => {
    const actor = customer(role);
    expect(WRITES.filter((p) => can(actor, p))).toEqual(allowed);
    for (const p of ['customers:read', 'invoices:read', 'subscriptions:read', 'payments:read'] as Permission[])
      expect(can(actor, p)).toBe(true);
  });

  it('never widens it: a contact role grants nothing the CUSTOMER role lacks', () => {
    for (const role of Object.values(ContactRole)) {
      expect(can(customer(role), 'customers:write')).toBe(false);
      expect(can(customer(role), 'contacts:write')).toBe(false);
      expect(can(customer(role), 'subscriptions:write')).toBe(false);
    }
  });

  it.each([
    [null, ['change', 'pause', 'resume', 'cancel']],
    [ContactRole.ADMIN, ['change', 'pause', 'resume', 'cancel']],
    [ContactRole.BUYER, ['change']],
    [ContactRole.VIEWER, []],
  ] as const)('%s may self-serve %j', (role, actions) => {
    expect((['change', 'pause', 'resume', 'cancel'] as const).filter((a) => contactMayRequest(role, a))).toEqual(actions);
  });
});
