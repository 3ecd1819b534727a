import { Role, type Actor } from '../../../src/domain/auth/actor';
import { defaultPaymentProviders } from '../../../src/domain/payments/providers';
import { createServices, type Services } from '../../../src/domain/services';
import { ManualClock } from '../../../src/domain/shared/clock';
import { Decimal } from '../../../src/pricing/decimal';
import { startTestApp, TestApp } from '../../support/app';
import { createCustomer, createPrice, createProduct, must } from '../../support/catalog';

const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
let t: TestApp;
const admin: Actor = { keyId: 'domain-test', name: 'domain test', role: Role.ADMIN, customerId: null };

/** The services as one request sees them: a fresh EntityManager each time. */
function services(actor: Actor = admin): Services {
  const orm = t.app.db.orm;
  return createServices({ em: orm.em.fork(), actor, clock, providers: defaultPaymentProviders(() => orm.em.fork(), clock) });
}

const d = (v: string) => new Decimal(v);

async function customerWith(seatDiscount: string | null, fields?: string): Promise<string> {
  const id = await createCustomer(t, fields);
  if (seatDiscount !== null) {
    await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: {
        customerId: id,
        code: `C-${id.slice(0, 8)}`,
        startsAt: '2026-01-01T00:00:00Z',
        items: [{ priceCode: 'seat', discountPercent: seatDiscount }],
      },
    });
  }
  return id;
}

async function setPolicy(maxDiscountPercent: string | null, maxTotal: string | null) {
  await services().quoteApproval.setPolicy({
    maxDiscountPercent: maxDiscountPercent === null ? null : d(maxDiscountPercent),
    maxTotal: maxTotal === null ? null : d(maxTotal),
  });
}

function createQuote(customerId: string, lines: [string, string][], extra: { couponCode?: string } = {}) {
  return services().quotes.create({
    customerId,
    currency: 'EUR',
    lines: lines.map(([priceCode, quantity]) => ({ priceCode, quantity: d(quantity) })),
    ...extra,
  });
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'cent', { kind: 'per_unit', config: { unitAmount: '0.01' } });
  await must(t, 'mutation { createCoupon(input: { code: "HUNDRED-OFF", amountOff: "100", currency: "EUR", duration: ONCE }) { id } }');
});
afterAll(async () => {
  await t.close();
});

describe('requiresApproval, exactly at and around the limits', () => {
  // [case, policy discount %, policy max total, contract discount on seat, customer tax, lines, coupon, expected]
  it.each<[string, string | null, string | null, string | null, string | undefined, [string, string][], string | undefined, boolean]>([
    ['no discount at all', '10', null, null, undefined, [['seat', '1']], undefined, false],
    ['a line exactly at the discount limit', '10', null, '10', undefined, [['seat', '1']], undefined, false],
    ['a line 0.0001 % beyond the discount limit', '10', null, '10.0001', undefined, [['seat', '10000']], undefined, true],
    ['a line 0.0001 % within the discount limit', '10', null, '9.9999', undefined, [['seat', '10000']], undefined, false],
    [
      'one discounted line among undiscounted ones is judged alone',
      '5',
      null,
      '6',
      undefined,
      [
        ['seat', '1'],
        ['base', '10'],
      ],
      undefined,
      true,
    ],
    ['a zero limit: any discount needs approval', '0', null, '0.01', undefined, [['seat', '100']], undefined, true],
    ['a discount hidden by rounding to the cent is no discount', '10', null, '10.0001', undefined, [['seat', '1']], undefined, false],
    [
      'an amount-off coupon counts against the whole quote: exactly at',
      '10',
      null,
      null,
      undefined,
      [['seat', '100']],
      'HUNDRED-OFF',
      false,
    ],
    [
      'an amount-off coupon counts against the whole quote: beyond',
      '9.9999',
      null,
      null,
      undefined,
      [['seat', '100']],
      'HUNDRED-OFF',
      true,
    ],
    [
      'a total exactly at the limit',
      null,
      '1000',
      null,
      undefined,
      [
        ['seat', '90'],
        ['base', '1'],
      ],
      undefined,
      false,
    ],
    [
      'a total one cent beyond the limit',
      null,
      '1000',
      null,
      undefined,
      [
        ['seat', '90'],
        ['base', '1'],
        ['cent', '1'],
      ],
      undefined,
      true,
    ],
    [
      'the total includes tax: at the limit',
      null,
      '720',
      null,
      'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"',
      [
        ['seat', '50'],
        ['base', '1'],
      ],
      undefined,
      false,
    ],
    [
      'the total includes tax: a cent beyond',
      null,
      '719.99',
      null,
      'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"',
      [
        ['seat', '50'],
        ['base', '1'],
      ],
      undefined,
      true,
    ],
    ['no limits set', null, null, '50', undefined, [['seat', '1000']], undefined, false],
  ])('%s', async (_case, pct, max, contract, tax, lines, coupon, expected) => {
    await setPolicy(pct, max);
    const customer = await customerWith(contract, tax);
    const quote = await createQuote(customer, lines, coupon ? { couponCode: coupon } : {});
    expect(quote.requiresApproval).toBe(expected);
  });
});

describe('the approval lifecycle', () => {
  it('a new policy re-evaluates drafts without pricing them again; an approval given stays', async () => {
    await setPolicy('20', null);
    const customer = await customerWith('15');
    const q = await createQuote(customer, [['seat', '1']]);
    expect(q.requiresApproval).toBe(false);
    await setPolicy('10', null);
    expect((await services().quotes.get(q.id))!.requiresApproval).toBe(true);
    await services().quoteApproval.approve(q.id, 'strategic account');
    await setPolicy('5', null);
    const after = (await services().quotes.get(q.id))!;
    expect([after.requiresApproval, after.approvedByName]).toEqual([true, 'domain test']);
    expect((await services().quoteLifecycle.send(q.id)).status).toBe('SENT');
  });

  it('changing a draft withdraws its approval and evaluates it again', async () => {
    await setPolicy('10', null);
    const customer = await customerWith('15');
    const q = await createQuote(customer, [['seat', '1']]);
    const approved = await services().quoteApproval.approve(q.id, null);
    expect(approved.approvedAt).toEqual(clock.now());
    const updated = await services().quotes.update(q.id, { lines: [{ priceCode: 'seat', quantity: d('2') }] });
    expect([updated.requiresApproval, updated.approvedAt, updated.approvedByKeyId]).toEqual([true, null, null]);
    await expect(services().quoteLifecycle.send(q.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'APPROVAL_REQUIRED' },
    });
  });

  it('an approval covers the terms it was given for: a list price that moved to a larger discount needs a new one', async () => {
    await setPolicy('10', null);
    await createPrice(t, 'desk', { kind: 'per_unit', config: { unitAmount: '10.00' } });
    const customer = await createCustomer(t);
    // A contract price of 8.50 is 15 % off the list price of 10.00.
    await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: {
        customerId: customer,
        code: `DESK-${customer.slice(0, 8)}`,
        startsAt: '2026-01-01T00:00:00Z',
        items: [{ priceCode: 'desk', override: { unitAmount: '8.50' } }],
      },
    });
    const q = await createQuote(customer, [['desk', '1']]);
    expect(q.requiresApproval).toBe(true);
    await services().quoteApproval.approve(q.id, null);
    await expect(services().quoteApproval.approve(q.id, null)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ALREADY_APPROVED' },
    });
    // The list price doubles: the same contract price is now 57.5 % off, more than was approved.
    await must(
      t,
      'mutation { updatePrice(code: "desk", input: { rule: { kind: "per_unit", config: { unitAmount: "20.00" } } }) { version } }',
    );
    await expect(services().quoteLifecycle.send(q.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'APPROVAL_REQUIRED' },
    });
    // Approved again at the new terms, it is sent.
    await services().quotes.update(q.id, {});
    await services().quoteApproval.approve(q.id, 'list price rose');
    const sentQuote = await services().quoteLifecycle.send(q.id);
    expect([sentQuote.status, sentQuote.requiresApproval, sentQuote.approvalNote]).toEqual(['SENT', true, 'list price rose']);
  });

  it('a refused send writes nothing', async () => {
    await setPolicy('10', null);
    const customer = await customerWith('50');
    const q = await createQuote(customer, [['seat', '1']]);
    await expect(services().quoteLifecycle.send(q.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'APPROVAL_REQUIRED' },
    });
    const after = (await services().quotes.get(q.id))!;
    expect([after.status, after.sentAt, after.total]).toEqual(['DRAFT', null, null]);
  });
});

describe('quote numbers', () => {
  it('are Q-<year>-NNNNNN, consecutive, with no gap for a failed create, and start again each year', async () => {
    await setPolicy(null, null);
    const customer = await customerWith(null);
    const a = await createQuote(customer, [['seat', '1']]);
    await expect(createQuote(customer, [['nope', '1']])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const b = await createQuote(customer, [['seat', '1']]);
    const [year, n] = a.number.split('-').slice(1).map(Number);
    expect(a.number).toMatch(/^Q-2026-\d{6}$/);
    expect(b.number).toBe(`Q-${year}-${String(n + 1).padStart(6, '0')}`);
    clock.set(new Date('2027-01-01T00:00:00Z'));
    try {
      expect((await createQuote(customer, [['seat', '1']])).number).toBe('Q-2027-000001');
    } finally {
      clock.set(new Date('2026-03-10T12:00:00Z'));
    }
  });
});
