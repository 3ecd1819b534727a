import fc from 'fast-check';
import { Invoice, InvoiceStatus } from '../../src/domain/invoices/invoice.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal } from '../../src/pricing/decimal';
import { expectGaplessNumbers, invoicesOf, subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, found, must } from '../support/catalog';
import { graphql } from '../support/generated';
import type { CreditedInvoiceFieldsFragment, CreditNoteFieldsFragment, Role } from '../support/generated/graphql';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;

graphql(`
  fragment CreditNoteFields on CreditNote {
    id
    number
    currency
    reason
    subtotal
    tax
    total
    createdAt
    invoice {
      id
      amountCredited
      amountDue
    }
    customer {
      id
    }
    lines {
      invoiceLineId
      description
      amount
      tax
    }
  }
`);
graphql(`
  fragment CreditedInvoiceFields on Invoice {
    id
    number
    status
    total
    tax
    amountDue
    amountCredited
    voidedAt
    lines {
      id
      amount
      tax
      proration
    }
    creditNotes {
      id
      number
      total
      lines {
        invoiceLineId
        amount
        tax
      }
    }
  }
`);
const createQ = graphql(`
  mutation CreditNotesCreate($input: CreateCreditNoteInput!) {
    createCreditNote(input: $input) {
      ...CreditNoteFields
    }
  }
`);
const voidQ = graphql(`
  mutation CreditNotesVoidInvoice($id: ID!) {
    voidInvoice(id: $id) {
      ...CreditedInvoiceFields
    }
  }
`);
const invoiceQ = graphql(`
  query CreditNotesInvoiceById($id: ID!) {
    invoice(id: $id) {
      ...CreditedInvoiceFields
    }
  }
`);
const noteQ = graphql(`
  query CreditNotesNote($id: ID!) {
    creditNote(id: $id) {
      ...CreditNoteFields
    }
  }
`);
const listQ = graphql(`
  query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {
    creditNotes(first: $first, after: $after, customerId: $customerId, invoiceId: $invoiceId) {
      edges {
        cursor
        node {
          id
          number
          customer {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Line = { invoiceLineId: string; amount?: string };

type Note = CreditNoteFieldsFragment;
type CreditedInvoice = CreditedInvoiceFieldsFragment;

async function credit(invoiceId: string, lines?: Line[], reason?: string): Promise<Note> {
  return (await must(t, createQ, { input: { invoiceId, lines, reason } })).createCreditNote;
}
async function refusal(invoiceId: string, lines?: Line[], reason?: string, key?: string): Promise<Record<string, unknown>> {
  const res = await t.gql(createQ, { input: { invoiceId, lines, reason } }, key);
  expect(res.data?.createCreditNote ?? null).toBeNull();
  return { ...res.errors?.[0].extensions, message: res.errors?.[0].message };
}
async function invoice(id: string): Promise<CreditedInvoice> {
  return found((await must(t, invoiceQ, { id })).invoice, `invoice ${id}`);
}
/** A new customer's first invoice: a subscription that starts now invoices its first period at once. */
async function firstInvoice(
  items: { priceCode: string; quantity: string }[],
  customerFields = 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"',
): Promise<CreditedInvoice> {
  const customer = await createCustomer(t, customerFields);
  await subscribe(t, customer, { items });
  return invoice((await invoicesOf(t, customer))[0].id);
}
async function key(role: Role, customerId?: string): Promise<string> {
  return (
    await must(
      t,
      graphql(`
        mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            secret
          }
        }
      `),
      { input: { role, name: role.toLowerCase(), customerId } },
    )
  ).createApiKey.secret;
}
/** Payments come with issue 6; until then a paid or written-off invoice is set up in the database. */
async function setStatus(id: string, status: InvoiceStatus, amountDue?: string): Promise<void> {
  await t.app.db.orm.em.fork().nativeUpdate(Invoice, { id }, { status, ...(amountDue ? { amountDue: new Decimal(amountDue) } : {}) });
}
const dec = (s: string) => new Decimal(s);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  await createPrice(t, 'support', { kind: 'flat', config: { amount: '50' } });
  await createPrice(t, 'odd', { kind: 'per_unit', config: { unitAmount: '0.37' } });
  await createPrice(t, 'unit', { kind: 'per_unit', config: { unitAmount: '1' } });
  await createPrice(t, 'seat-jpy', { kind: 'per_unit', config: { unitAmount: '1333' } }, { currency: 'JPY' });
});
afterAll(async () => {
  await t.close();
});

describe('createCreditNote', () => {
  let inv: CreditedInvoice;
  let seat: CreditedInvoice['lines'][number];
  let support: CreditedInvoice['lines'][number];

  it('credits part of a line, with its tax in proportion, and lowers amountDue', async () => {
    inv = await firstInvoice([
      { priceCode: 'seat', quantity: '3' },
      { priceCode: 'support', quantity: '1' },
    ]);
    [seat, support] = inv.lines;
    expect(inv).toMatchObject({
      status: 'OPEN',
      total: '131.96',
      tax: '21.99',
      amountDue: '131.96',
      amountCredited: '0.00',
      voidedAt: null,
      creditNotes: [],
    });
    expect([seat.amount, seat.tax, support.amount, support.tax]).toEqual(['59.97', '11.99', '50.00', '10.00']);
    const note = await credit(inv.id, [{ invoiceLineId: seat.id, amount: '19.99' }], 'one seat returned');
    // 11.99 × 19.99 / 59.97 = 3.9966… → 4.00
    expect(note).toMatchObject({
      number: 'CN-2026-000001',
      currency: 'EUR',
      reason: 'one seat returned',
      subtotal: '19.99',
      tax: '4.00',
      total: '23.99',
      createdAt: '2026-03-01T00:00:00.000Z',
      invoice: { id: inv.id, amountCredited: '23.99', amountDue: '107.97' },
      customer: { id: expect.any(String) },
      lines: [{ invoiceLineId: seat.id, description: '3 × seat', amount: '19.99', tax: '4.00' }],
    });
    const after = await invoice(inv.id);
    expect(after).toMatchObject({ status: 'OPEN', total: '131.96', amountCredited: '23.99', amountDue: '107.97' });
    expect(after.lines).toEqual(inv.lines);
    expect(after.creditNotes).toEqual([
      { id: note.id, number: 'CN-2026-000001', total: '23.99', lines: [{ invoiceLineId: seat.id, amount: '19.99', tax: '4.00' }] },
    ]);
  });

  it('refuses more than is left of a line, naming the field, and changes nothing', async () => {
    const ext = await refusal(inv.id, [
      { invoiceLineId: support.id, amount: '1.00' },
      { invoiceLineId: seat.id, amount: '39.99' },
    ]);
    expect(ext).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].amount', left: '39.98' });
    expect(ext.message).toContain('39.98');
    expect(await invoice(inv.id)).toMatchObject({ amountCredited: '23.99', amountDue: '107.97' });
  });

  it('credits the whole rest of a line when no amount is given, with exactly the rest of its tax', async () => {
    const note = await credit(inv.id, [{ invoiceLineId: seat.id }]);
    // The number the refused note did not take: gapless.
    expect(note).toMatchObject({ number: 'CN-2026-000002', subtotal: '39.98', tax: '7.99', total: '47.97', reason: null });
    expect(await invoice(inv.id)).toMatchObject({ amountCredited: '71.96', amountDue: '60.00' });
  });

  it.each([
    ['a zero amount', () => [{ invoiceLineId: support.id, amount: '0' }], 'input.lines[0].amount', 'more than 0'],
    ['a negative amount', () => [{ invoiceLineId: support.id, amount: '-5.00' }], 'input.lines[0].amount', 'more than 0'],
    ['more decimals than the minor unit', () => [{ invoiceLineId: support.id, amount: '1.001' }], 'input.lines[0].amount', 'minor units'],
    [
      'a line credited in full already',
      () => [{ invoiceLineId: seat.id, amount: '1.00' }],
      'input.lines[0].invoiceLineId',
      'fully credited',
    ],
    [
      'a line of no invoice',
      () => [{ invoiceLineId: '00000000-0000-4000-8000-000000000000' }],
      'input.lines[0].invoiceLineId',
      'not a charge line',
    ],
    ['a malformed line id', () => [{ invoiceLineId: 'nope' }], 'input.lines[0].invoiceLineId', 'not a charge line'],
    [
      'a line listed twice',
      () => [
        { invoiceLineId: support.id, amount: '1.00' },
        { invoiceLineId: support.id, amount: '1.00' },
      ],
      'input.lines[1].invoiceLineId',
      'twice',
    ],
  ])('refuses %s with BAD_USER_INPUT at its path', async (_name, lines, field, words) => {
    const ext = await refusal(inv.id, lines());
    expect(ext).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(ext.message).toContain(words);
  });

  it('refuses a line of another invoice, a blank reason and an unknown invoice', async () => {
    const other = await firstInvoice([{ priceCode: 'seat', quantity: '1' }]);
    expect(await refusal(inv.id, [{ invoiceLineId: other.lines[0].id }])).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].invoiceLineId',
    });
    expect(await refusal(inv.id, undefined, '   ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(await refusal('00000000-0000-4000-8000-000000000000')).toMatchObject({ code: 'NOT_FOUND', field: 'input.invoiceId' });
    expect(await refusal('not-an-id')).toMatchObject({ code: 'NOT_FOUND', field: 'input.invoiceId' });
    expect(await invoice(inv.id)).toMatchObject({ amountCredited: '71.96', amountDue: '60.00' });
  });

  it('credits everything still creditable when no lines are given, to exactly the invoice total; then nothing is left', async () => {
    const note = await credit(inv.id, []);
    expect(note).toMatchObject({
      number: 'CN-2026-000003',
      subtotal: '50.00',
      tax: '10.00',
      total: '60.00',
      lines: [{ invoiceLineId: support.id, amount: '50.00', tax: '10.00' }],
    });
    const after = await invoice(inv.id);
    // Nothing is left to pay: PAID, as Stripe settles an invoice credited in full.
    expect(after).toMatchObject({ status: 'PAID', amountCredited: '131.96', amountDue: '0.00' });
    expect(after.creditNotes.map((n) => n.number)).toEqual(['CN-2026-000001', 'CN-2026-000002', 'CN-2026-000003']);
    const ext = await refusal(inv.id);
    expect(ext).toMatchObject({ code: 'CONFLICT' });
    expect(ext.message).toContain('nothing left to credit');
  });

  it('makes a full note of a fresh invoice equal to its total, at the currency’s scale', async () => {
    const jpy = await firstInvoice([{ priceCode: 'seat-jpy', quantity: '3' }], 'currency: "JPY", taxStatus: TAXABLE, taxRate: "10"');
    expect(jpy).toMatchObject({ total: '4399', tax: '400' });
    expect(await refusal(jpy.id, [{ invoiceLineId: jpy.lines[0].id, amount: '0.5' }])).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].amount',
    });
    const note = await credit(jpy.id);
    expect(note).toMatchObject({
      currency: 'JPY',
      subtotal: '3999',
      tax: '400',
      total: '4399',
      invoice: { amountCredited: '4399', amountDue: '0' },
    });
  });

  it('refuses a DRAFT invoice with CONFLICT saying why', async () => {
    const draft = await firstInvoice([{ priceCode: 'seat', quantity: '1' }], 'currency: "EUR", taxStatus: EXEMPT, invoiceDrafts: true');
    expect(draft).toMatchObject({ status: 'DRAFT', number: null });
    const ext = await refusal(draft.id);
    expect(ext).toMatchObject({ code: 'CONFLICT', status: 'DRAFT' });
    expect(ext.message).toContain('only an OPEN or PAID invoice can be credited');
  });

  it('credits a PAID invoice; its amountDue stays 0', async () => {
    const paid = await firstInvoice([{ priceCode: 'seat', quantity: '2' }]);
    await setStatus(paid.id, InvoiceStatus.PAID, '0');
    const note = await credit(paid.id, [{ invoiceLineId: paid.lines[0].id, amount: '10.00' }]);
    expect(note).toMatchObject({ subtotal: '10.00', tax: '2.00', total: '12.00', invoice: { amountCredited: '12.00', amountDue: '0.00' } });
    expect(await invoice(paid.id)).toMatchObject({ status: 'PAID' });
  });

  it('caps a full note at the invoice total when credit lines (prorations) lower it', async () => {
    const customer = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    clock.set(new Date('2026-03-16T00:00:00Z'));
    try {
      await must(
        t,
        graphql(`
          mutation CreditNotesChangeSubscription($id: ID!) {
            changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: "seat", quantity: "3" }] }) {
              id
            }
          }
        `),
        { id: sub },
      );
    } finally {
      clock.set(new Date('2026-03-01T00:00:00Z'));
    }
    const invoices = await Promise.all((await invoicesOf(t, customer)).map((i) => invoice(i.id)));
    const prorated = invoices.find((i) => i.lines.every((l) => l.proration))!;
    const [creditLine, charge] = prorated.lines;
    expect(dec(creditLine.amount).isNegative() && dec(charge.amount).isPositive()).toBe(true);
    expect(await refusal(prorated.id, [{ invoiceLineId: creditLine.id }])).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].invoiceLineId',
    });
    // The whole charge line with its tax is more than the invoice's total.
    const over = await refusal(prorated.id, [{ invoiceLineId: charge.id }]);
    expect(over).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines', left: prorated.total });
    const note = await credit(prorated.id);
    expect(note.total).toBe(prorated.total);
    expect(dec(note.subtotal).plus(note.tax).toFixed(2)).toBe(prorated.total);
    expect(dec(note.lines[0].amount).lt(charge.amount)).toBe(true);
    expect(note.invoice).toMatchObject({ amountCredited: prorated.total, amountDue: '0.00' });
  });

  it('lets one of two concurrent full notes on an invoice through; the other finds nothing left', async () => {
    const inv2 = await firstInvoice([{ priceCode: 'seat', quantity: '2' }]);
    const results = await Promise.all([1, 2].map(() => t.gql(createQ, { input: { invoiceId: inv2.id } })));
    const ok = results.filter((r) => !r.errors);
    expect(ok.length).toBe(1);
    expect(results.find((r) => r.errors)!.errors![0].extensions?.code).toBe('CONFLICT');
    expect(await invoice(inv2.id)).toMatchObject({ amountCredited: inv2.total, amountDue: '0.00' });
  });

  it('never gives back more tax than a line carried, however small the notes', async () => {
    const inv = await firstInvoice([{ priceCode: 'unit', quantity: '1' }], 'currency: "EUR", taxStatus: TAXABLE, taxRate: "2"');
    expect(inv.lines[0]).toMatchObject({ amount: '1.00', tax: '0.02' });
    // On its own each quarter's tax, 0.005, rounds up to 0.01: three of them would give back 0.03 of 0.02.
    const taxes = [];
    for (let i = 0; i < 4; i += 1) taxes.push((await credit(inv.id, [{ invoiceLineId: inv.lines[0].id, amount: '0.25' }])).tax);
    expect(taxes).toEqual(['0.01', '0.00', '0.01', '0.00']);
    expect(await invoice(inv.id)).toMatchObject({ amountCredited: '1.02', amountDue: '0.00' });
  });

  it('gives back exactly the invoice total after any partial notes (property)', async () => {
    const step = fc.record({ line: fc.nat(2), permille: fc.integer({ min: 1, max: 1000 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('20', '7.7', '19', '5.5', '33.3333'),
        fc.integer({ min: 1, max: 97 }),
        fc.integer({ min: 1, max: 13 }),
        fc.array(step, { maxLength: 8 }),
        async (rate, odd, seats, steps) => {
          const inv = await firstInvoice(
            [
              { priceCode: 'odd', quantity: String(odd) },
              { priceCode: 'seat', quantity: String(seats) },
              { priceCode: 'support', quantity: '1' },
            ],
            `currency: "EUR", taxStatus: TAXABLE, taxRate: "${rate}"`,
          );
          const left = inv.lines.map((l) => dec(l.amount));
          for (const s of steps) {
            const amount = left[s.line].times(s.permille).div(1000).toDecimalPlaces(2, Decimal.ROUND_DOWN);
            if (amount.isZero()) continue;
            const note = await credit(inv.id, [{ invoiceLineId: inv.lines[s.line].id, amount: amount.toFixed(2) }]);
            left[s.line] = left[s.line].minus(amount);
            expect(dec(note.tax).gte(0)).toBe(true);
            expect(dec(note.subtotal).plus(note.tax).eq(note.total)).toBe(true);
            expect(dec(note.invoice.amountDue).eq(dec(inv.total).minus(note.invoice.amountCredited))).toBe(true);
            expect(dec(note.invoice.amountCredited).lte(inv.total)).toBe(true);
          }
          const last = await credit(inv.id);
          expect(last.invoice).toMatchObject({ amountCredited: inv.total, amountDue: '0.00' });
          const notes = (await invoice(inv.id)).creditNotes;
          expect(notes.reduce((sum: Decimal, n) => sum.plus(n.total), dec('0')).toFixed(2)).toBe(inv.total);
          // Per line too: every line gives back exactly its amount and its tax, never more on the way.
          inv.lines.forEach((l) => {
            const parts = notes.flatMap((n) => n.lines).filter((p) => p.invoiceLineId === l.id);
            expect(parts.reduce((sum: Decimal, p) => sum.plus(p.amount), dec('0')).toFixed(2)).toBe(l.amount);
            expect(parts.reduce((sum: Decimal, p) => sum.plus(p.tax), dec('0')).toFixed(2)).toBe(l.tax);
            expect(parts.every((p) => dec(p.tax).gte(0))).toBe(true);
          });
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('voidInvoice', () => {
  it('voids an OPEN invoice: nothing due, voidedAt set, and the billing run does not bill the period again', async () => {
    const customer = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
    await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const [open] = await invoicesOf(t, customer);
    const voided = (await must(t, voidQ, { id: open.id })).voidInvoice;
    expect(voided).toMatchObject({
      id: open.id,
      number: open.number,
      status: 'VOID',
      total: '23.99',
      amountDue: '0.00',
      voidedAt: '2026-03-01T00:00:00.000Z',
    });
    await must(
      t,
      graphql(`
        mutation CreditNotesRunBilling($at: DateTime!) {
          runBilling(at: $at) {
            invoicesCreated
          }
        }
      `),
      { at: '2026-03-01T00:00:00Z' },
    );
    expect((await invoicesOf(t, customer)).map((i) => [i.id, i.status])).toEqual([[open.id, 'VOID']]);
    const again = await t.gql(voidQ, { id: open.id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'VOID' });
    expect(again.errors?.[0].message).toContain('already void');
    const ext = await refusal(open.id);
    expect(ext).toMatchObject({ code: 'CONFLICT', status: 'VOID' });
  });

  it('voids an UNCOLLECTIBLE invoice, and an OPEN one already partly credited', async () => {
    const written = await firstInvoice([{ priceCode: 'seat', quantity: '1' }]);
    await setStatus(written.id, InvoiceStatus.UNCOLLECTIBLE);
    expect((await must(t, voidQ, { id: written.id })).voidInvoice).toMatchObject({ status: 'VOID', amountDue: '0.00' });
    const partly = await firstInvoice([{ priceCode: 'seat', quantity: '2' }]);
    await credit(partly.id, [{ invoiceLineId: partly.lines[0].id, amount: '5.00' }]);
    expect((await must(t, voidQ, { id: partly.id })).voidInvoice).toMatchObject({
      status: 'VOID',
      amountDue: '0.00',
      amountCredited: '6.00',
      creditNotes: [{ total: '6.00' }],
    });
  });

  it('refuses PAID (a credit note corrects it) and DRAFT invoices with CONFLICT saying why, and an unknown one with NOT_FOUND', async () => {
    const paid = await firstInvoice([{ priceCode: 'seat', quantity: '1' }]);
    await setStatus(paid.id, InvoiceStatus.PAID, '0');
    const p = await t.gql(voidQ, { id: paid.id });
    expect(p.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'PAID' });
    expect(p.errors?.[0].message).toContain('corrected with a credit note');
    const draft = await firstInvoice([{ priceCode: 'seat', quantity: '1' }], 'currency: "EUR", taxStatus: EXEMPT, invoiceDrafts: true');
    const d = await t.gql(voidQ, { id: draft.id });
    expect(d.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'DRAFT' });
    expect(d.errors?.[0].message).toContain('draft');
    expect((await invoice(draft.id)).status).toBe('DRAFT');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect((await t.gql(voidQ, { id })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });
});

describe('reading credit notes', () => {
  let mine: string;
  let theirs: string;
  let mineNote: Note;
  let theirNote: Note;
  let mineKey: string;

  beforeAll(async () => {
    mine = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
    theirs = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
    await subscribe(t, mine, { items: [{ priceCode: 'seat', quantity: '2' }] });
    await subscribe(t, theirs, { items: [{ priceCode: 'seat', quantity: '2' }] });
    const mineInv = await invoice((await invoicesOf(t, mine))[0].id);
    const theirInv = await invoice((await invoicesOf(t, theirs))[0].id);
    mineNote = await credit(mineInv.id, [{ invoiceLineId: mineInv.lines[0].id, amount: '1.00' }]);
    await credit(mineInv.id, [{ invoiceLineId: mineInv.lines[0].id, amount: '2.00' }]);
    theirNote = await credit(theirInv.id, [{ invoiceLineId: theirInv.lines[0].id, amount: '3.00' }]);
    mineKey = await key('CUSTOMER', mine);
  });

  it('lets a CUSTOMER key read its own notes only', async () => {
    expect((await must(t, noteQ, { id: mineNote.id }, mineKey)).creditNote).toMatchObject({ id: mineNote.id, customer: { id: mine } });
    const res = await t.gql(noteQ, { id: theirNote.id }, mineKey);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.creditNote).toBeNull();
    const own = (await must(t, listQ, { first: 100 }, mineKey)).creditNotes.edges.map((e) => e.node);
    expect(own.length).toBe(2);
    expect(own.every((n) => n.customer.id === mine)).toBe(true);
    expect((await must(t, listQ, { customerId: theirs }, mineKey)).creditNotes.edges).toEqual([]);
    expect((await must(t, listQ, { invoiceId: theirNote.invoice.id }, mineKey)).creditNotes.edges).toEqual([]);
    const inv = await t.gql(
      graphql(`
        query CreditNotesInvoice($id: ID!) {
          invoice(id: $id) {
            creditNotes {
              id
            }
          }
        }
      `),
      { id: theirNote.invoice.id },
      mineKey,
    );
    expect(inv.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets SALES and PARTNER read, and only ADMIN credit or void', async () => {
    for (const role of ['SALES', 'PARTNER'] as const) {
      const k = await key(role);
      expect((await must(t, noteQ, { id: theirNote.id }, k)).creditNote?.number).toBe(theirNote.number);
      expect((await refusal(theirNote.invoice.id, undefined, undefined, k)).code).toBe('FORBIDDEN');
    }
    for (const k of [await key('SALES'), mineKey]) {
      expect((await t.gql(voidQ, { id: mineNote.invoice.id }, k)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await refusal(mineNote.invoice.id, undefined, undefined, mineKey)).code).toBe('FORBIDDEN');
  });

  it('pages by creation with Relay cursors and filters by customer and invoice', async () => {
    const all = (await must(t, listQ, { first: 100 })).creditNotes;
    expect(all.pageInfo.hasNextPage).toBe(false);
    const ids = all.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(5);
    const page1 = (await must(t, listQ, { first: 2 })).creditNotes;
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const page2 = (await must(t, listQ, { first: 100, after: page1.pageInfo.endCursor })).creditNotes;
    expect([...page1.edges, ...page2.edges].map((e) => e.node.id)).toEqual(ids);
    const byInvoice = (await must(t, listQ, { invoiceId: mineNote.invoice.id })).creditNotes.edges.map((e) => e.node.id);
    expect(byInvoice).toContain(mineNote.id);
    expect(byInvoice.length).toBe(2);
    expect((await must(t, listQ, { customerId: theirs })).creditNotes.edges.map((e) => e.node.id)).toEqual([theirNote.id]);
    expect((await must(t, listQ, { invoiceId: 'nope' })).creditNotes.edges).toEqual([]);
    expect((await t.gql(listQ, { after: 'garbage' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await must(t, noteQ, { id: 'nope' })).creditNote).toBeNull();
  });

  it('numbers every note CN-2026-… gaplessly, apart from the invoice series', async () => {
    const numbers = (await must(t, listQ, { first: 100 })).creditNotes.edges.map((e) => e.node.number).sort();
    expect(numbers).toEqual(numbers.map((_: string, i: number) => `CN-2026-${String(i + 1).padStart(6, '0')}`));
    const [counter] = await t.app.db.orm.em
      .fork()
      .execute<{ last: number }[]>(`select last from invoice_number where series = 'CN' and year = 2026`);
    expect(counter.last).toBe(numbers.length);
    await expectGaplessNumbers(t);
  });
});
