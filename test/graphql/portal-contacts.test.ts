import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// A portal session made for a contact acts with the contact's role (contact-permissions.ts):
// each role's allowed and refused portal operations, over plain GraphQL and HTTP.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let acme: string;
let other: string;

const createSession = `mutation($customerId: ID!, $contactId: ID) {
  createPortalSession(customerId: $customerId, returnUrl: "https://shop.example.com/", contactId: $contactId) { url } }`;

async function contact(
  customerId: string,
  role: string,
  email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@acme.test`,
): Promise<string> {
  const q = 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }';
  return (await must(t, q, { input: { customerId, name: role, email, role } })).createContact.id;
}

async function session(contactId: string | null, customerId = acme): Promise<string> {
  const { url } = (await must(t, createSession, { customerId, contactId })).createPortalSession;
  return new URL(url).hash.replace(/^#session=/, '');
}

async function subscribe(): Promise<string> {
  const q = 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }';
  return (await must(t, q, { input: { customerId: acme, items: [{ priceCode: 'basic', quantity: '2' }], collection: 'SEND_INVOICE' } }))
    .createSubscription.id;
}

const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0].extensions?.code ?? 'OK';

/** What a portal key may do: read its customer, change a quantity, cancel, attach a card, download an invoice. */
async function tryAll(secret: string) {
  const read = code(await t.gql('query($id: ID!) { customer(id: $id) { id contacts { id } } }', { id: acme }, secret));
  const sub = await subscribe();
  const change = code(
    await t.gql(
      'mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { id } }',
      { input: { id: sub, items: [{ priceCode: 'basic', quantity: '3' }] } },
      secret,
    ),
  );
  const cancel = code(await t.gql('mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: sub }, secret));
  const pay = code(
    await t.gql(
      'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }',
      { input: { customerId: acme, provider: 'sandbox', token: 'pm_sandbox_ok' } },
      secret,
    ),
  );
  // An invoice that does not exist: 404 for a key that may download, 403 for one that may not.
  const res = await fetch(`${t.url}/invoices/00000000-0000-4000-8000-000000000000.html`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return { read, change, cancel, pay, download: res.status };
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await must(t, 'mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { name } }', {
    input: {
      allowSelfServicePause: true,
      allowSelfServiceCancel: true,
      allowSelfServiceQuantityChange: true,
      selfServicePriceCodes: ['basic'],
    },
  });
  acme = await createCustomer(t);
  other = await createCustomer(t);
});
afterAll(async () => {
  await t.close();
});

describe('a portal session for a contact acts with the contact role', () => {
  it.each([
    ['ADMIN', { read: 'OK', change: 'OK', cancel: 'OK', pay: 'OK', download: 404 }],
    ['BUYER', { read: 'OK', change: 'OK', cancel: 'FORBIDDEN', pay: 'FORBIDDEN', download: 403 }],
    ['ACCOUNTS_PAYABLE', { read: 'OK', change: 'FORBIDDEN', cancel: 'FORBIDDEN', pay: 'OK', download: 404 }],
    ['APPROVER', { read: 'OK', change: 'FORBIDDEN', cancel: 'FORBIDDEN', pay: 'FORBIDDEN', download: 403 }],
    ['VIEWER', { read: 'OK', change: 'FORBIDDEN', cancel: 'FORBIDDEN', pay: 'FORBIDDEN', download: 403 }],
  ])('%s', async (role, expected) => {
    expect(await tryAll(await session(await contact(acme, role)))).toEqual(expected);
  });

  // The page shows only what portalSession.allowedActions lists; the server refuses the rest
  // whatever the page shows. The list and the refusals come from the same checks: they agree.
  it.each([
    [
      'ADMIN',
      [
        'CHANGE_SUBSCRIPTION',
        'PAUSE_SUBSCRIPTION',
        'RESUME_SUBSCRIPTION',
        'CANCEL_SUBSCRIPTION',
        'MANAGE_PAYMENT_METHODS',
        'DOWNLOAD_INVOICES',
        'MANAGE_ORDERS',
      ],
    ],
    ['BUYER', ['CHANGE_SUBSCRIPTION', 'MANAGE_ORDERS']],
    ['ACCOUNTS_PAYABLE', ['MANAGE_PAYMENT_METHODS', 'DOWNLOAD_INVOICES']],
    ['APPROVER', []],
    ['VIEWER', []],
    [
      null,
      [
        'CHANGE_SUBSCRIPTION',
        'PAUSE_SUBSCRIPTION',
        'RESUME_SUBSCRIPTION',
        'CANCEL_SUBSCRIPTION',
        'MANAGE_PAYMENT_METHODS',
        'DOWNLOAD_INVOICES',
        'MANAGE_ORDERS',
      ],
    ],
  ])('lists what a %s session may do in allowedActions, and the server refuses exactly the rest', async (role, actions) => {
    const secret = await session(role === null ? null : await contact(acme, role));
    const info = await must(t, '{ portalSession { contact { role } allowedActions } }', undefined, secret);
    expect(info.portalSession).toEqual({ contact: role === null ? null : { role }, allowedActions: actions });
    const tried = await tryAll(secret);
    expect({
      change: tried.change === 'OK',
      cancel: tried.cancel === 'OK',
      pay: tried.pay === 'OK',
      download: tried.download === 404,
    }).toEqual({
      change: actions.includes('CHANGE_SUBSCRIPTION'),
      cancel: actions.includes('CANCEL_SUBSCRIPTION'),
      pay: actions.includes('MANAGE_PAYMENT_METHODS'),
      download: actions.includes('DOWNLOAD_INVOICES'),
    });
  });

  it('follows a new role in allowedActions on the next request', async () => {
    const id = await contact(acme, 'VIEWER');
    const secret = await session(id);
    const actions = async () => (await must(t, '{ portalSession { allowedActions } }', undefined, secret)).portalSession.allowedActions;
    expect(await actions()).toEqual([]);
    await must(t, 'mutation($id: ID!) { updateContact(id: $id, input: { role: BUYER }) { id } }', { id });
    expect(await actions()).toEqual(['CHANGE_SUBSCRIPTION', 'MANAGE_ORDERS']);
  });

  it('a session without a contact keeps the whole CUSTOMER role', async () => {
    expect(await tryAll(await session(null))).toEqual({ read: 'OK', change: 'OK', cancel: 'OK', pay: 'OK', download: 404 });
  });

  it('names its contact in portalSession, and only a live contact of that customer can have one', async () => {
    const id = await contact(acme, 'VIEWER', 'vera@acme.test');
    const info = await must(t, '{ portalSession { customer { id } contact { id email role } } }', undefined, await session(id));
    expect(info.portalSession).toEqual({ customer: { id: acme }, contact: { id, email: 'vera@acme.test', role: 'VIEWER' } });

    const elsewhere = await contact(other, 'ADMIN');
    for (const contactId of [elsewhere, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await t.gql(createSession, { customerId: acme, contactId });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'contactId' });
    }
    await must(t, 'mutation($id: ID!) { removeContact(id: $id) { id } }', { id });
    expect((await t.gql(createSession, { customerId: acme, contactId: id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('follows the contact: a new role applies on the next request, and removing the contact ends its sessions', async () => {
    const id = await contact(acme, 'VIEWER');
    const secret = await session(id);
    const attach = () =>
      t.gql(
        'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }',
        { input: { customerId: acme, provider: 'sandbox', token: 'pm_sandbox_ok' } },
        secret,
      );
    expect(code(await attach())).toBe('FORBIDDEN');
    await must(t, 'mutation($id: ID!) { updateContact(id: $id, input: { role: ACCOUNTS_PAYABLE }) { id } }', { id });
    expect(code(await attach())).toBe('OK');
    await must(t, 'mutation($id: ID!) { removeContact(id: $id) { id } }', { id });
    const after = await t.gql('{ viewer { role } }', undefined, secret);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].message).toMatch(/contact of this portal session was removed/);
  });
});
