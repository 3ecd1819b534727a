import { Role } from '../../../src/domain/auth/actor';
import type { Actor } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import { PricingInputError } from '../../../src/pricing/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
let sales: Actor;
let acme: Customer; // TAXABLE 20 %, contract ACME-2026 on seats and graduated
let globex: Customer; // REVERSE_CHARGE
const tiers = [
  { upTo: 10, unitAmount: '5.00' },
  { upTo: 50, unitAmount: '4.00' },
  { upTo: null, unitAmount: '3.00' },
];

beforeAll(async () => {
  h = await startDomain({ now: '2026-06-01T00:00:00Z' });
  sales = await h.actor(Role.SALES);
  await makePrice(h, 'graduated', { kind: 'graduated', config: { tiers } });
  await makePrice(h, 'volume', { kind: 'volume', config: { tiers } });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await makePrice(h, 'half', { kind: 'per_unit', config: { unitAmount: '0.125' } });
  acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('20') });
  globex = await makeCustomer(h, { taxStatus: TaxStatus.REVERSE_CHARGE, vatId: 'DE136695976' });
  await h.as().contracts.create({
    customerId: acme.id,
    code: 'ACME-2026',
    startsAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: new Date('2027-01-01T00:00:00Z'),
    items: [
      { priceCode: 'seats', discountPercent: dec('10') },
      {
        priceCode: 'graduated',
        override: {
          tiers: [
            { upTo: 100, unitAmount: '2.00' },
            { upTo: null, unitAmount: '1.00' },
          ],
        },
      },
    ],
  });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const lines = [
  { priceCode: 'seats', quantity: dec('3') },
  { priceCode: 'graduated', quantity: dec('60') },
];

describe('QuotePreviewService.preview', () => {
  it('prices graduated and volume tiers without a customer, tax-free', async () => {
    const doc = await h.as(sales).quotePreviews.preview({
      currency: 'EUR',
      lines: [
        { priceCode: 'graduated', quantity: dec('60') },
        { priceCode: 'volume', quantity: dec('60') },
      ],
    });
    expect(doc.lines.map((l) => l.amount.toFixed(2))).toEqual(['240.00', '180.00']);
    expect([doc.subtotal, doc.tax, doc.total].map((d) => d.toFixed(2))).toEqual(['420.00', '0.00', '420.00']);
  });

  it('applies the contract in force and the customer’s 20 % tax, line by line', async () => {
    const doc = await h.as(sales).quotePreviews.preview({ customerId: acme.id, currency: 'EUR', lines });
    expect(doc.lines.map((l) => [l.amount.toFixed(2), l.tax.toFixed(2), l.contractCode])).toEqual([
      ['27.00', '5.40', 'ACME-2026'], // 3 × 10.00 − 10 %
      ['120.00', '24.00', 'ACME-2026'], // overridden tiers: 60 × 2.00
    ]);
    expect([doc.subtotal, doc.tax, doc.total].map((d) => d.toFixed(2))).toEqual(['147.00', '29.40', '176.40']);
  });

  it('uses the clock for "now": once the contract has ended, catalog prices apply', async () => {
    h.clock.set(new Date('2027-01-01T00:00:00Z'));
    try {
      const doc = await h.as(sales).quotePreviews.preview({ customerId: acme.id, currency: 'EUR', lines });
      expect(doc.lines.map((l) => [l.amount.toFixed(2), l.contractCode ?? null])).toEqual([
        ['30.00', null],
        ['240.00', null],
      ]);
      expect(doc.total.toFixed(2)).toBe('324.00');
    } finally {
      h.clock.set(new Date('2026-06-01T00:00:00Z'));
    }
  });

  it('rounds each line half-up once, and reverse charge adds its note with zero tax', async () => {
    const doc = await h
      .as(sales)
      .quotePreviews.preview({ customerId: globex.id, currency: 'EUR', lines: [{ priceCode: 'half', quantity: dec('1') }] });
    expect(doc.lines[0].amount.toFixed()).toBe('0.13');
    expect(doc.tax.toFixed(2)).toBe('0.00');
    expect(doc.notes.join(' ')).toMatch(/reverse charge/i);
  });

  it.each([
    [
      'an unknown price',
      { currency: 'EUR', lines: [{ priceCode: 'ghost', quantity: dec('1') }] },
      'input.lines[0].priceCode',
      InvalidInputError,
    ],
    [
      'a price in another currency',
      { currency: 'USD', lines: [{ priceCode: 'seats', quantity: dec('1') }] },
      'input.lines[0].priceCode',
      PricingInputError,
    ],
    [
      'a negative quantity',
      { currency: 'EUR', lines: [{ priceCode: 'seats', quantity: dec('-1') }] },
      'input.lines[0].quantity',
      PricingInputError,
    ],
    ['no lines', { currency: 'EUR', lines: [] }, 'input.lines', InvalidInputError],
    [
      'an unknown customer',
      { customerId: '00000000-0000-4000-8000-000000000000', currency: 'EUR', lines },
      'input.customerId',
      NotFoundError,
    ],
  ])('refuses %s with the field path', async (_what, input, field, kind) => {
    const { error, wrote } = await failure(h, () => h.as(sales).quotePreviews.preview(input));
    expect(error).toBeInstanceOf(kind);
    expect((error as { field: string }).field).toBe(field);
    expect(wrote).toEqual([]);
  });

  it('is not for CUSTOMER keys', async () => {
    const own = await h.actor(Role.CUSTOMER, acme.id);
    const { error } = await failure(h, () => h.as(own).quotePreviews.preview({ customerId: acme.id, currency: 'EUR', lines }));
    expect(error).toBeInstanceOf(ForbiddenError);
  });
});
