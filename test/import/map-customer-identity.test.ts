import { rejectionReason } from '../../src/import/import-rejection';
import { emptyFacts, mapCustomer } from '../../src/import/map/map-customer';
import { stripeCustomerSchema } from '../../src/import/stripe/stripe-objects';
import { customer } from './stripe-builders';

// Stripe's `address` and `tax_ids` (issue 16), mapped as createCustomer checks them.

const map = (extra: Record<string, unknown>) => mapCustomer(stripeCustomerSchema.parse(customer('cus_id', extra)), emptyFacts());
const address = { line1: 'Hauptstr. 1', line2: null, city: 'Berlin', postal_code: '10115', state: null, country: 'DE' };
const taxIds = (...ids: [string, string][]) => ({
  object: 'list',
  data: ids.map(([type, value]) => ({ id: `txi_${value}`, object: 'tax_id', type, value })),
});

function reasonOf(extra: Record<string, unknown>): string | null {
  try {
    map(extra);
    return null;
  } catch (err) {
    return rejectionReason(err);
  }
}

describe('the Stripe importer: address and VAT id', () => {
  it('maps the address and the first eu_vat tax id', () => {
    const c = map({ address, tax_ids: taxIds(['us_ein', '12-3456789'], ['eu_vat', 'DE136695976'], ['eu_vat', 'DE811907980']) });
    expect(c.billingAddress).toEqual({
      line1: 'Hauptstr. 1',
      line2: null,
      city: 'Berlin',
      postalCode: '10115',
      region: null,
      country: 'DE',
    });
    expect(c.vatId).toBe('DE136695976');
  });

  it('leaves out an address without a first line or city, but checks the VAT id against its country', () => {
    const c = map({ address: { ...address, line1: null, city: null, country: 'GR' }, tax_ids: taxIds(['eu_vat', 'EL094259216']) });
    expect(c).toMatchObject({ billingAddress: null, vatId: 'EL094259216' });
    expect(
      reasonOf({ address: { ...address, line1: null, city: null, country: 'FR' }, tax_ids: taxIds(['eu_vat', 'DE136695976']) }),
    ).toMatch(/^tax_ids: .*VAT id of DE, not of the billing country FR/);
  });

  it('imports none when Stripe has none, and a reverse-charge customer without one as it is', () => {
    expect(map({ tax_exempt: 'reverse' })).toMatchObject({ billingAddress: null, vatId: null, taxStatus: 'REVERSE_CHARGE' });
  });

  it.each([
    ['a malformed VAT id', { address, tax_ids: taxIds(['eu_vat', 'DE12']) }, /^tax_ids: 'DE12': it is not a well-formed VAT id of DE/],
    ['an unknown country', { address: { ...address, country: 'XX' } }, /^address\.country: unknown country 'XX'/],
  ])('rejects %s with its reason', (_, extra, reason) => {
    expect(reasonOf(extra)).toMatch(reason);
  });
});
