import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
const keys: Record<string, string> = {};

const FIELDS =
  'name addressLines email taxId allowSelfServicePause allowSelfServiceCancel allowSelfServiceQuantityChange selfServicePriceCodes updatedAt';
const READ = `{ sellerSettings { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { ${FIELDS} } }`;

async function key(role: string, customerId?: string): Promise<string> {
  const data = await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
    input: { role, name: `${role} key`, customerId },
  });
  return data.createApiKey.secret;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '20.00' } });
  await createPrice(t, 'setup', { kind: 'flat', config: { amount: '99.00' } }, { interval: 'ONE_TIME' });
  await createPrice(t, 'old', { kind: 'flat', config: { amount: '1.00' } });
  await must(t, 'mutation { archivePrice(code: "old") { code } }');
  const customer = await createCustomer(t);
  keys.SALES = await key('SALES');
  keys.PARTNER = await key('PARTNER');
  keys.CUSTOMER = await key('CUSTOMER', customer);
});
afterAll(async () => {
  await t.close();
});

describe('seller settings', () => {
  it('reads the defaults while none are saved', async () => {
    expect((await must(t, READ)).sellerSettings).toEqual({
      name: 'Tariff demo seller',
      addressLines: [],
      email: null,
      taxId: null,
      allowSelfServicePause: false,
      allowSelfServiceCancel: true,
      allowSelfServiceQuantityChange: true,
      selfServicePriceCodes: [],
      updatedAt: null,
    });
  });

  it('changes only the fields given, and null clears email and tax id', async () => {
    const first = (
      await must(t, UPDATE, {
        input: {
          name: '  Acme Billing GmbH ',
          addressLines: ['Hauptstr. 1', '10115 Berlin'],
          email: 'billing@acme.example',
          taxId: 'DE123456789',
          selfServicePriceCodes: ['basic', 'pro', 'basic'],
        },
      })
    ).updateSellerSettings;
    expect(first).toEqual({
      name: 'Acme Billing GmbH',
      addressLines: ['Hauptstr. 1', '10115 Berlin'],
      email: 'billing@acme.example',
      taxId: 'DE123456789',
      allowSelfServicePause: false,
      allowSelfServiceCancel: true,
      allowSelfServiceQuantityChange: true,
      selfServicePriceCodes: ['basic', 'pro'],
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    clock.advanceSeconds(60);
    const second = (await must(t, UPDATE, { input: { allowSelfServicePause: true, taxId: null } })).updateSellerSettings;
    expect(second).toEqual({ ...first, allowSelfServicePause: true, taxId: null, updatedAt: '2026-03-01T00:01:00.000Z' });
    expect((await must(t, READ)).sellerSettings).toEqual(second);
  });

  it.each([
    ['an unknown price', { selfServicePriceCodes: ['nope'] }, 'input.selfServicePriceCodes[0]', /unknown price 'nope'/],
    ['a ONE_TIME price', { selfServicePriceCodes: ['basic', 'setup'] }, 'input.selfServicePriceCodes[1]', /ONE_TIME/],
    ['an archived price', { selfServicePriceCodes: ['old'] }, 'input.selfServicePriceCodes[0]', /archived/],
    ['a malformed code', { selfServicePriceCodes: ["x'; drop table price; --"] }, 'input.selfServicePriceCodes[0]', /a code is/],
    ['51 codes', { selfServicePriceCodes: Array.from({ length: 51 }, () => 'basic') }, 'input.selfServicePriceCodes', /at most 50/],
    ['a malformed email', { email: 'not an email' }, 'input.email', /not an email address/],
    ['a blank name', { name: '   ' }, 'input.name', /must not be empty/],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 'input.name', /at most 200/],
    ['a NUL in the name', { name: 'a\u0000b' }, 'input.name', /NUL/],
    ['7 address lines', { addressLines: Array.from({ length: 7 }, () => 'line') }, 'input.addressLines', /at most 6/],
    ['an empty address line', { addressLines: ['ok', ''] }, 'input.addressLines[1]', /must not be empty/],
    ['a tax id of 51 characters', { taxId: 'x'.repeat(51) }, 'input.taxId', /at most 50/],
  ])('refuses %s as BAD_USER_INPUT at its field, changing nothing', async (_label, input, field, message) => {
    const before = (await must(t, READ)).sellerSettings;
    const res = await t.gql(UPDATE, { input: { allowSelfServiceCancel: false, ...input } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toMatch(message);
    expect((await must(t, READ)).sellerSettings).toEqual(before);
  });

  it('is read by ADMIN, SALES and CUSTOMER keys and written by ADMIN only', async () => {
    for (const role of ['SALES', 'CUSTOMER']) {
      expect((await t.gql<Untyped>(READ, {}, keys[role])).data?.sellerSettings.name).toBe('Acme Billing GmbH');
      const res = await t.gql(UPDATE, { input: { allowSelfServicePause: false } }, keys[role]);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(READ, {}, keys.PARTNER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await must(t, READ)).sellerSettings.allowSelfServicePause).toBe(true);
  });

  if (process.env.DATABASE_URL) {
    it('concurrent first saves make one row and keep both changes (PostgreSQL)', async () => {
      // A fresh database: the row does not exist yet, so both updates take the insert path.
      const fresh = await startTestApp({ clock });
      try {
        await Promise.all([
          must(fresh, UPDATE, { input: { name: 'One' } }),
          must(fresh, UPDATE, { input: { allowSelfServicePause: true } }),
        ]);
        const s = (await must(fresh, READ)).sellerSettings;
        expect(s).toMatchObject({ name: 'One', allowSelfServicePause: true });
      } finally {
        await fresh.close();
      }
    });
  }
});
