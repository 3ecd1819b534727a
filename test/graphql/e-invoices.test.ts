import { invoicePaymentReference } from '../../src/domain/payments/payment-reference';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { payableAmount, validateEInvoice } from '../support/e-invoice-validation';
import { readableEvents } from '../support/events';
import { graphql } from '../support/generated';
import type { EInvoiceSyntax } from '../support/generated/graphql';

// EN 16931 e-invoices (issue 18): every kind of document Tariff issues, in UBL and CII, checked
// by the official validation artefacts (test/support/einvoicing) with 0 fatal findings.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;

const SELLER = {
  name: 'Tariff Demo',
  legalName: 'Tariff Demo GmbH',
  address: { line1: 'Musterstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  vatId: 'DE136695976',
  registrationNumber: 'HRB 12345',
  email: 'billing@tariff.example',
  iban: 'de89 3704 0044 0532 0130 00',
  bic: 'cobadeffxxx',
};

const SETTINGS = graphql(`
  mutation EInvoicesSettings($input: UpdateSellerSettingsInput!) {
    updateSellerSettings(input: $input) {
      iban
      bic
    }
  }
`);

const INVOICE = graphql(`
  query EInvoicesInvoice($id: ID!, $syntax: EInvoiceSyntax!) {
    invoice(id: $id) {
      id
      number
      status
      total
      amountDue
      lines {
        id
        kind
        amount
      }
      eInvoice(syntax: $syntax)
    }
  }
`);

const CREDIT_NOTE = graphql(`
  query EInvoicesCreditNote($id: ID!, $syntax: EInvoiceSyntax!) {
    creditNote(id: $id) {
      total
      eInvoice(syntax: $syntax)
    }
  }
`);

const INVOICE_IDS = graphql(`
  query EInvoicesInvoiceIds($customerId: ID!) {
    invoices(customerId: $customerId, first: 20) {
      edges {
        node {
          id
          status
          lines {
            proration
          }
        }
      }
    }
  }
`);

const address = (country: string, city: string) => ({ line1: '1 Main Street', city, postalCode: '1000', country });

async function customer(name: string, input: Record<string, unknown>): Promise<string> {
  const data = await must(t, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { name, email: 'ap@buyer.example', currency: 'EUR', paymentTermsDays: 14, ...input },
  });
  return data.createCustomer.id;
}

async function subscribe(customerId: string, items: unknown[], extra: Record<string, unknown> = {}): Promise<string> {
  const data = await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items, collection: 'SEND_INVOICE', ...extra },
  });
  return data.createSubscription.id;
}

async function invoiceIds(customerId: string) {
  return (await must(t, INVOICE_IDS, { customerId })).invoices.edges.map((e) => e.node);
}

/** Both syntaxes validate with 0 fatal findings and state the invoice's amount due as payable. */
async function expectValidInvoice(id: string): Promise<string[]> {
  const docs: string[] = [];
  for (const syntax of ['UBL', 'CII'] as EInvoiceSyntax[]) {
    const invoice = (await must(t, INVOICE, { id, syntax })).invoice!;
    const result = validateEInvoice(invoice.eInvoice);
    expect({ syntax, fatal: result.fatal }).toEqual({ syntax, fatal: [] });
    expect(result.syntax).toBe(syntax);
    expect(payableAmount(invoice.eInvoice)).toBe(invoice.amountDue);
    expect(invoice.eInvoice).toContain(invoice.number!);
    docs.push(invoice.eInvoice);
  }
  return docs;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.35' } });
  await createPrice(t, 'site', { kind: 'flat', config: { amount: '99.99' } });
  const settings = await must(t, SETTINGS, { input: SELLER });
  expect(settings.updateSellerSettings).toEqual({ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
  // The embedded database migrates from scratch for each file: beyond 30 s on a loaded machine.
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('seller bank details', () => {
  it.each([
    ['iban', 'DE89370400440532013001', /check digits/],
    ['iban', 'XX89370400440532013000', /country/],
    ['iban', 'DE8937040044053201300', /length/],
    ['bic', 'COBADEF', /8 or 11/],
    ['bic', 'COBAQQFFXXX', /country/],
  ])('refuses %s %s with BAD_USER_INPUT naming the field', async (field, value, message) => {
    const res = await t.gql(String(SETTINGS), { input: { [field]: value } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(res.errors?.[0]?.message).toMatch(message);
  });
});

/** The standard invoice of the first case, which later cases reuse. */
const standard = { id: '', lineId: '' };

describe('EN 16931 e-invoices', () => {
  it('standard VAT: S at 19 %, seller and buyer parties, due date, payment means with IBAN and the RF creditor reference', async () => {
    const buyer = await customer('Käufer AG', {
      taxStatus: 'TAXABLE',
      taxRate: '19',
      billingAddress: address('DE', 'München'),
      vatId: 'DE136695976',
    });
    await subscribe(
      buyer,
      [
        { priceCode: 'seat', quantity: '3' },
        { priceCode: 'site', quantity: '1' },
      ],
      { purchaseOrderNumber: '4500012345' },
    );
    const [{ id }] = await invoiceIds(buyer);
    const [ubl, cii] = await expectValidInvoice(id);
    // BT-13, the buyer's purchase order (docs/purchase-orders.md).
    expect(ubl).toMatch(/<cac:OrderReference>\s*<cbc:ID>4500012345<\/cbc:ID>/);
    expect(cii).toMatch(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>4500012345<\/ram:IssuerAssignedID>/);
    const invoice = (await must(t, INVOICE, { id, syntax: 'UBL' })).invoice!;
    Object.assign(standard, { id, lineId: invoice.lines[0].id });
    expect(ubl).toContain('<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>');
    // BT-83: the ISO 11649 creditor reference the bank statement import matches on (docs/bank-statements.md).
    expect(ubl).toContain(`<cbc:PaymentID>${invoicePaymentReference({ id, number: invoice.number ?? null })}</cbc:PaymentID>`);
    expect(ubl).toContain('<cbc:ID>DE89370400440532013000</cbc:ID>');
    expect(ubl).toContain('<cbc:DueDate>2026-03-15</cbc:DueDate>');
    expect(ubl).toContain('<cbc:RegistrationName>Tariff Demo GmbH</cbc:RegistrationName>');
    expect(ubl).toContain('<cbc:CompanyID>HRB 12345</cbc:CompanyID>');
    expect(cii).toContain('<ram:IBANID>DE89370400440532013000</ram:IBANID>');
    expect(cii).toContain('<ram:RateApplicablePercent>19</ram:RateApplicablePercent>');
  });

  it('a consolidated group invoice with two VAT rates: one S group per rate', async () => {
    const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2025-12-31T00:00:00Z") { id } }')).createTestClock.id;
    const holding = await customer('Holding SA', {
      taxStatus: 'TAXABLE',
      taxRate: '20',
      billingAddress: address('FR', 'Paris'),
      vatId: 'FR40303265045',
      testClockId: clockId,
    });
    const plant = await customer('Plant Lyon', {
      taxStatus: 'TAXABLE',
      taxRate: '5.5',
      testClockId: clockId,
      parentId: holding,
      invoiceTo: 'PARENT',
    });
    await subscribe(holding, [{ priceCode: 'site', quantity: '1' }], { startsAt: '2026-01-01T00:00:00Z' });
    await subscribe(plant, [{ priceCode: 'seat', quantity: '7' }], { startsAt: '2026-01-01T00:00:00Z' });
    await must(t, 'mutation($id: ID!) { advanceTestClock(id: $id, to: "2026-01-01T00:00:00Z") { status } }', { id: clockId });
    const invoices = await invoiceIds(holding);
    expect(invoices).toHaveLength(1);
    const [ubl, cii] = await expectValidInvoice(invoices[0].id);
    expect(ubl.match(/<cac:TaxSubtotal>/g)).toHaveLength(2);
    expect(ubl).toContain('<cbc:Percent>5.5</cbc:Percent>');
    expect(cii.match(/<ram:CalculatedAmount>/g)).toHaveLength(2);
  });

  it('reverse charge: AE with the exemption reason and both VAT ids', async () => {
    const buyer = await customer('Acheteur SARL', {
      taxStatus: 'REVERSE_CHARGE',
      billingAddress: address('FR', 'Lyon'),
      vatId: 'FR40303265045',
    });
    await subscribe(buyer, [{ priceCode: 'seat', quantity: '2' }]);
    const [ubl, cii] = await expectValidInvoice((await invoiceIds(buyer))[0].id);
    expect(ubl).toContain('<cbc:TaxExemptionReason>Reverse charge</cbc:TaxExemptionReason>');
    expect(cii).toContain('<ram:CategoryCode>AE</ram:CategoryCode>');
  });

  // Z has no Tariff customer (a TAXABLE rate is above 0): test/domain/e-invoices covers it.
  it('exempt: E with an exemption reason', async () => {
    const exempt = await customer('Verein e.V.', { taxStatus: 'EXEMPT', billingAddress: address('DE', 'Köln') });
    await subscribe(exempt, [{ priceCode: 'site', quantity: '1' }]);
    const [ubl] = await expectValidInvoice((await invoiceIds(exempt))[0].id);
    expect(ubl).toContain('<cbc:TaxExemptionReason>Exempt from VAT</cbc:TaxExemptionReason>');
  });

  it('a coupon: the DISCOUNT line is a negative line, and the sums still match the invoice', async () => {
    await must(t, 'mutation { createCoupon(input: { code: "WELCOME5", amountOff: "5", currency: "EUR", duration: ONCE }) { code } }');
    const buyer = await customer('Coupon GmbH', { taxStatus: 'TAXABLE', taxRate: '19', billingAddress: address('DE', 'Hamburg') });
    await subscribe(buyer, [{ priceCode: 'seat', quantity: '4' }], { couponCode: 'WELCOME5' });
    const [{ id }] = await invoiceIds(buyer);
    const invoice = (await must(t, INVOICE, { id, syntax: 'UBL' })).invoice!;
    expect(invoice.lines.map((l) => l.kind)).toContain('DISCOUNT');
    const [ubl] = await expectValidInvoice(id);
    expect(ubl).toContain('<cbc:InvoicedQuantity unitCode="C62">-1</cbc:InvoicedQuantity>');
  });

  it('a proration: the credit for the unused part is a negative line', async () => {
    const buyer = await customer('Growing BV', { taxStatus: 'TAXABLE', taxRate: '21', billingAddress: address('NL', 'Utrecht') });
    const sub = await subscribe(buyer, [{ priceCode: 'seat', quantity: '12' }]);
    clock.set(new Date('2026-03-07T00:00:00Z'));
    try {
      await must(
        t,
        'mutation($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: "seat", quantity: "20" }] }) { id } }',
        {
          id: sub,
        },
      );
    } finally {
      clock.set(new Date('2026-03-01T00:00:00Z'));
    }
    const prorated = (await invoiceIds(buyer)).find((i) => i.lines.length > 0 && i.lines.every((l) => l.proration))!;
    expect(prorated).toBeDefined();
    await expectValidInvoice(prorated.id);
  });

  it('a credit note: 381 naming the invoice it corrects (BG-3)', async () => {
    const note = (
      await must(t, 'mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id number } }', {
        input: { invoiceId: standard.id, lines: [{ invoiceLineId: standard.lineId, amount: '10.01' }], reason: 'Seat not used' },
      })
    ).createCreditNote;
    const invoiceNumber = (await must(t, INVOICE, { id: standard.id, syntax: 'UBL' })).invoice!.number!;
    for (const syntax of ['UBL', 'CII'] as EInvoiceSyntax[]) {
      const { creditNote } = await must(t, CREDIT_NOTE, { id: note.id, syntax });
      const result = validateEInvoice(creditNote!.eInvoice);
      expect({ syntax, fatal: result.fatal }).toEqual({ syntax, fatal: [] });
      expect(payableAmount(creditNote!.eInvoice)).toBe(creditNote!.total);
      expect(creditNote!.eInvoice).toContain(invoiceNumber);
      expect(creditNote!.eInvoice).toMatch(syntax === 'UBL' ? /<CreditNote / : /<ram:TypeCode>381</);
    }
  });

  it('a deliberately broken total is caught by the validation', async () => {
    const xml = (await must(t, INVOICE, { id: standard.id, syntax: 'UBL' })).invoice!.eInvoice;
    const broken = xml.replace(
      /(<cbc:TaxInclusiveAmount currencyID="EUR">)([^<]*)</,
      (_, open, v) => `${open}${(Number(v) + 1).toFixed(2)}<`,
    );
    expect(broken).not.toBe(xml);
    expect(validateEInvoice(broken).fatal.map((f) => f.id)).toContain('BR-CO-15');
  });
});

describe('refusals', () => {
  const refusal = async (id: string) => {
    const res = await t.gql(String(INVOICE), { id, syntax: 'UBL' });
    return res.errors?.[0]?.extensions;
  };

  it('CONFLICT for a DRAFT, and naming the missing seller setting or buyer detail', async () => {
    const drafts = await customer('Drafts Inc', { taxStatus: 'EXEMPT', billingAddress: address('DE', 'Kiel'), invoiceDrafts: true });
    await subscribe(drafts, [{ priceCode: 'site', quantity: '1' }]);
    const [draft] = await invoiceIds(drafts);
    expect(draft.status).toBe('DRAFT');
    expect(await refusal(draft.id)).toMatchObject({ code: 'CONFLICT', field: 'invoice.status' });

    const noAddress = await customer('Nowhere Ltd', { taxStatus: 'EXEMPT' });
    await subscribe(noAddress, [{ priceCode: 'site', quantity: '1' }]);
    const [open] = await invoiceIds(noAddress);
    expect(await refusal(open.id)).toMatchObject({ code: 'CONFLICT', field: 'customer.billingAddress' });

    await must(t, SETTINGS, { input: { iban: null } });
    try {
      expect(await refusal(standard.id)).toMatchObject({ code: 'CONFLICT', field: 'settings.iban' });
    } finally {
      await must(t, SETTINGS, { input: { iban: SELLER.iban } });
    }
  });

  it("a CUSTOMER key reads its own invoice's e-invoice only", async () => {
    const mine = await customer('Mine GmbH', { taxStatus: 'EXEMPT', billingAddress: address('DE', 'Ulm') });
    await subscribe(mine, [{ priceCode: 'site', quantity: '1' }]);
    const [own] = await invoiceIds(mine);
    const key = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'CUSTOMER', name: 'mine', customerId: mine },
      })
    ).createApiKey.secret;
    const ownDoc = await t.gql(String(INVOICE), { id: own.id, syntax: 'CII' }, key);
    expect(ownDoc.errors).toBeUndefined();
    const other = await t.gql(String(INVOICE), { id: standard.id, syntax: 'CII' }, key);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('stored line rates and order references', () => {
  it("a change of the customer's tax settings after issue leaves the e-invoice as it was", async () => {
    const buyer = await customer('Steady GmbH', {
      taxStatus: 'TAXABLE',
      taxRate: '19',
      billingAddress: address('DE', 'Bonn'),
      vatId: 'DE136695976',
    });
    await subscribe(buyer, [{ priceCode: 'seat', quantity: '3' }]);
    const [{ id }] = await invoiceIds(buyer);
    const before = await Promise.all(
      (['UBL', 'CII'] as EInvoiceSyntax[]).map(async (syntax) => (await must(t, INVOICE, { id, syntax })).invoice!),
    );
    expect(before[0].eInvoice).toContain('<cbc:Percent>19</cbc:Percent>');
    await must(t, 'mutation($id: ID!) { updateCustomer(id: $id, input: { taxRate: "21" }) { id } }', { id: buyer });
    await must(t, 'mutation($id: ID!) { updateCustomer(id: $id, input: { taxStatus: REVERSE_CHARGE }) { id } }', {
      id: buyer,
    });
    for (const [i, syntax] of (['UBL', 'CII'] as EInvoiceSyntax[]).entries()) {
      expect((await must(t, INVOICE, { id, syntax })).invoice!.eInvoice).toBe(before[i].eInvoice);
    }
  });

  it('a consolidated invoice under several purchase orders: no BT-13, each line its own order, valid in UBL and CII', async () => {
    const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2025-12-31T00:00:00Z") { id } }')).createTestClock.id;
    const holding = await customer('Orders Holding AG', {
      taxStatus: 'TAXABLE',
      taxRate: '19',
      billingAddress: address('DE', 'Essen'),
      vatId: 'DE136695976',
      testClockId: clockId,
    });
    const member = await customer('Orders Plant GmbH', {
      taxStatus: 'TAXABLE',
      taxRate: '19',
      testClockId: clockId,
      parentId: holding,
      invoiceTo: 'PARENT',
    });
    const startsAt = '2026-01-01T00:00:00Z';
    await subscribe(holding, [{ priceCode: 'site', quantity: '1' }], { startsAt, purchaseOrderNumber: 'PO-HOLDING-1' });
    await subscribe(member, [{ priceCode: 'seat', quantity: '2' }], { startsAt, purchaseOrderNumber: 'PO-PLANT-7' });
    await must(t, 'mutation($id: ID!) { advanceTestClock(id: $id, to: "2026-01-01T00:00:00Z") { status } }', { id: clockId });
    const invoices = await invoiceIds(holding);
    expect(invoices).toHaveLength(1);
    const [ubl, cii] = await expectValidInvoice(invoices[0].id);
    // BT-13 is a header element (before the lines in UBL, in the header agreement in CII): absent here.
    expect(ubl.slice(0, ubl.indexOf('<cac:InvoiceLine>'))).not.toContain('<cac:OrderReference>');
    expect([...ubl.matchAll(/<cac:OrderLineReference>\s*<cbc:LineID>([^<]*)</g)].map((m) => m[1]).sort()).toEqual([
      'PO-HOLDING-1',
      'PO-PLANT-7',
    ]);
    expect(cii.match(/<ram:ApplicableHeaderTradeAgreement>[\s\S]*<\/ram:ApplicableHeaderTradeAgreement>/)![0]).not.toContain(
      'BuyerOrderReferencedDocument',
    );
    expect([...cii.matchAll(/<ram:BuyerOrderReferencedDocument>\s*<ram:IssuerAssignedID>([^<]*)</g)].map((m) => m[1]).sort()).toEqual([
      'PO-HOLDING-1',
      'PO-PLANT-7',
    ]);
  });
});

describe('finalization as an e-invoice (seller setting eInvoicing)', () => {
  const setEInvoicing = (on: boolean) =>
    must(t, 'mutation($on: Boolean) { updateSellerSettings(input: { eInvoicing: $on }) { eInvoicing } }', { on });
  const finalize = async (id: string) =>
    (await t.gql('mutation($id: ID!) { finalizeInvoice(id: $id) { status number } }', { id })).errors?.[0]?.extensions;
  const draftOf = async (name: string, input: Record<string, unknown>) => {
    const id = await customer(name, { invoiceDrafts: true, ...input });
    await subscribe(id, [{ priceCode: 'site', quantity: '1' }]);
    const [draft] = await invoiceIds(id);
    expect(draft.status).toBe('DRAFT');
    return { customerId: id, invoiceId: draft.id };
  };

  beforeAll(async () => {
    expect((await setEInvoicing(true)).updateSellerSettings.eInvoicing).toBe(true);
  });
  afterAll(async () => {
    await setEInvoicing(false);
  });

  it.each([
    ['legalName', { legalName: null }, { legalName: SELLER.legalName }],
    ['vatId', { vatId: null }, { vatId: SELLER.vatId }],
    ['iban', { iban: null }, { iban: SELLER.iban }],
  ])(
    'finalizeInvoice is a CONFLICT naming the missing seller setting %s, and goes through once it is set',
    async (setting, clear, restore) => {
      const { invoiceId } = await draftOf(`Seller ${setting} KG`, { taxStatus: 'EXEMPT', billingAddress: address('DE', 'Trier') });
      await must(t, SETTINGS, { input: clear });
      try {
        expect(await finalize(invoiceId)).toMatchObject({
          code: 'CONFLICT',
          reason: 'SELLER_IDENTITY_INCOMPLETE',
          setting,
          field: `settings.${setting}`,
        });
      } finally {
        await must(t, SETTINGS, { input: restore });
      }
      expect(await finalize(invoiceId)).toBeUndefined();
    },
  );

  // createCustomer already refuses REVERSE_CHARGE without a VAT id (input.vatId); what remains is a
  // reverse-charge group member billed to a payer without one (BT-48 is the payer's).
  it('a reverse-charge member billed to a payer without a VAT id: left a DRAFT naming customer.vatId; with it, finalized and valid', async () => {
    const payer = await customer('Sans TVA Holding', { taxStatus: 'EXEMPT', billingAddress: address('FR', 'Nantes') });
    const member = await customer('Filiale SARL', {
      taxStatus: 'REVERSE_CHARGE',
      vatId: 'FR40303265045',
      parentId: payer,
      invoiceTo: 'PARENT',
    });
    await subscribe(member, [{ priceCode: 'seat', quantity: '1' }]);
    const [invoice] = await invoiceIds(payer);
    expect(invoice.status).toBe('DRAFT');
    expect(await finalize(invoice.id)).toMatchObject({ code: 'CONFLICT', reason: 'BUYER_DATA_INCOMPLETE', field: 'customer.vatId' });
    await must(t, 'mutation($id: ID!) { updateCustomer(id: $id, input: { vatId: "FR40303265045" }) { id } }', { id: payer });
    expect(await finalize(invoice.id)).toBeUndefined();
    await expectValidInvoice(invoice.id);
  });

  it('a billing run does not crash: the invoice of a buyer without an address stays a DRAFT with invoice.finalization_blocked', async () => {
    const buyer = await customer('Addressless Ltd', { taxStatus: 'EXEMPT' });
    await subscribe(buyer, [{ priceCode: 'site', quantity: '1' }]);
    const [invoice] = await invoiceIds(buyer);
    expect(invoice.status).toBe('DRAFT');
    const blocked = (await readableEvents(t, ['invoice.finalization_blocked'])).filter((e) => e.customerId === buyer);
    expect(blocked).toHaveLength(1);
    expect(blocked[0].data).toMatchObject({ id: invoice.id, reason: 'BUYER_DATA_INCOMPLETE', field: 'customer.billingAddress' });
    expect(await finalize(invoice.id)).toMatchObject({ code: 'CONFLICT', field: 'customer.billingAddress' });
    await must(t, 'mutation($id: ID!, $a: AddressInput!) { updateCustomer(id: $id, input: { billingAddress: $a }) { id } }', {
      id: buyer,
      a: address('GB', 'London'),
    });
    expect(await finalize(invoice.id)).toBeUndefined();
  });
});
