import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import { shipToTax } from '../../../src/domain/orders/order-tax';
import { Decimal } from '../../../src/pricing/decimal';

// The tax-by-ship-to rules (docs/legal-identity.md, "Tax by ship-to"), case by case.
const address = (country: string) => ({ line1: 'x', line2: null, city: 'x', postalCode: null, region: null, country });
const germanSeller = { taxByShipTo: true, domesticTaxRate: new Decimal('19'), address: address('DE') };
const rc = (vatId: string | null) => ({ taxStatus: TaxStatus.REVERSE_CHARGE, taxRate: null, vatId });
const taxable = (rate: string, vatId: string | null = null) => ({ taxStatus: TaxStatus.TAXABLE, taxRate: new Decimal(rate), vatId });
const exempt = { taxStatus: TaxStatus.EXEMPT, taxRate: null, vatId: 'FR40303265045' };

describe('shipToTax', () => {
  it.each([
    ['a French VAT-registered buyer, goods to France', rc('FR40303265045'), 'FR', germanSeller, 'REVERSE_CHARGE', null],
    ['the same buyer, goods to Germany (domestic)', rc('FR40303265045'), 'DE', germanSeller, 'TAXABLE', '19'],
    [
      'a buyer taxed at 20 % with a French VAT id, goods to Italy',
      taxable('20', 'FR40303265045'),
      'IT',
      germanSeller,
      'REVERSE_CHARGE',
      null,
    ],
    ['a Greek VAT id (EL) counts as Greece, goods to Greece', taxable('24', 'EL094259216'), 'GR', germanSeller, 'REVERSE_CHARGE', null],
    [
      'a German VAT id is not foreign to a German seller: its own treatment abroad',
      taxable('19', 'DE136695976'),
      'FR',
      germanSeller,
      'TAXABLE',
      '19',
    ],
    ['no VAT id: its own treatment abroad', taxable('20'), 'FR', germanSeller, 'TAXABLE', '20'],
    ['no VAT id: the domestic rate at home', taxable('20'), 'DE', germanSeller, 'TAXABLE', '19'],
    ['goods out of the EU: its own treatment', rc('FR40303265045'), 'CH', germanSeller, 'REVERSE_CHARGE', null],
    ['an exempt buyer stays exempt at home', exempt, 'DE', germanSeller, 'EXEMPT', null],
    [
      'the setting off: its own treatment at home',
      rc('FR40303265045'),
      'DE',
      { ...germanSeller, taxByShipTo: false },
      'REVERSE_CHARGE',
      null,
    ],
    [
      'a seller outside the EU: no reverse charge between EU countries',
      taxable('20', 'FR40303265045'),
      'IT',
      { ...germanSeller, address: address('CH') },
      'TAXABLE',
      '20',
    ],
    ['no seller address: its own treatment', rc('FR40303265045'), 'DE', { ...germanSeller, address: null }, 'REVERSE_CHARGE', null],
  ] as const)('%s', (_, buyer, shipTo, seller, status, rate) => {
    const tax = shipToTax(buyer, shipTo, seller);
    expect([tax.taxStatus, tax.taxRate?.toFixed() ?? null]).toEqual([status, rate]);
  });
});
