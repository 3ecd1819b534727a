import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, found, must } from '../support/catalog';
import { graphql } from '../support/generated';

// docs/bank-statements.md over HTTP: the public names of CONTRACT.md, ADMIN only, bad content
// answered at input.content, an unknown credit placed by hand on a customer's credit balance.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '100.00' } });
}, 120_000);
afterAll(() => t.close());

const importDoc = graphql(`
  mutation BankStatementsImport($input: ImportBankStatementInput!) {
    importBankStatement(input: $input) {
      id
      statementId
      entries
      matched
      unmatched {
        id
        amount
        currency
        credit
        bookingDate
        debtorName
        debtorIban
        remittanceInformation
        reference
        status
        customerId
      }
    }
  }
`);
const assignDoc = graphql(`
  mutation BankStatementsAssign($id: ID!, $invoiceId: ID, $customerId: ID) {
    assignBankEntry(id: $id, invoiceId: $invoiceId, customerId: $customerId) {
      id
      status
      customerId
    }
  }
`);
const customerDoc = graphql(`
  query BankStatementsCustomer($id: ID!) {
    customer(id: $id) {
      id
      creditBalance
    }
  }
`);
const invoicesDoc = graphql(`
  query BankStatementsInvoices($customerId: ID!) {
    invoices(customerId: $customerId, first: 10) {
      edges {
        node {
          id
          number
          status
          paymentReference
          amountRemaining
        }
      }
    }
  }
`);
const keyDoc = graphql(`
  mutation BankStatementsKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
    }
  }
`);

const camt = (amount: string, text: string) => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-01-02T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S-${amount}</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-01-02</Dt></BookgDt><AcctSvcrRef>E1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Somebody</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`;

async function newCustomer(): Promise<string> {
  const data = await must(
    t,
    'mutation { createCustomer(input: { name: "Acme", email: "a@example.com", currency: "EUR", taxStatus: EXEMPT }) { id } }',
  );
  return data.createCustomer.id as string;
}

describe('bank statements over GraphQL', () => {
  it('imports an unknown credit, lists it, and places it on a customer credit balance, which pays its next invoice', async () => {
    const customerId = await newCustomer();
    const imported = found(
      (await must(t, importDoc, { input: { format: 'CAMT053', content: camt('150.00', 'advance payment') } })).importBankStatement,
      'import',
    );
    expect(imported).toMatchObject({ statementId: 'DE89370400440532013000:S-150.00', entries: 1, matched: 0 });
    expect(imported.unmatched).toEqual([
      {
        id: expect.any(String),
        amount: '150.00',
        currency: 'EUR',
        credit: true,
        bookingDate: '2026-01-02T00:00:00.000Z',
        debtorName: 'Somebody',
        debtorIban: 'DE02120300000000202051',
        remittanceInformation: 'advance payment',
        reference: null,
        status: 'UNMATCHED',
        customerId: null,
      },
    ]);
    const entryId = imported.unmatched[0].id;
    expect((await must(t, assignDoc, { id: entryId, customerId })).assignBankEntry).toEqual({
      id: entryId,
      status: 'ASSIGNED',
      customerId,
    });
    expect((await must(t, customerDoc, { id: customerId })).customer?.creditBalance).toBe('150.00');
    const again = await t.gql(assignDoc, { id: entryId, customerId });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'ASSIGNED' });

    // An invoice of 100.00 takes 100.00 of it as it is finalized; the reference is an RF creditor reference on its number.
    await must(
      t,
      'mutation($c: ID!) { createSubscription(input: { customerId: $c, items: [{ priceCode: "seat", quantity: "1" }], collection: SEND_INVOICE }) { id } }',
      {
        c: customerId,
      },
    );
    const [invoice] = (await must(t, invoicesDoc, { customerId })).invoices.edges.map((e) => e.node);
    expect(invoice).toMatchObject({ status: 'PAID', amountRemaining: '0.00' });
    expect(invoice.paymentReference).toBe(invoice.paymentReference.replace(/\s/g, ''));
    expect(invoice.paymentReference).toMatch(new RegExp(`^RF\\d{2}${found(invoice.number, 'number').replace(/-/g, '')}$`));
    expect((await must(t, customerDoc, { id: customerId })).customer?.creditBalance).toBe('50.00');
  });

  it('answers content no parser takes with BAD_USER_INPUT at input.content and the reason', async () => {
    for (const [format, content, reason] of [
      ['CAMT053', '<Document><BkToCstmrStmt>', 'not well-formed XML'],
      ['CAMT053', camt('12,50', 'x'), 'not an amount'],
      ['MT940', ':20:X\n:25:Y', ''],
    ]) {
      const res = await t.gql(importDoc, { input: { format: format as 'CAMT053', content } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
      expect(res.errors?.[0].message).toContain(reason);
    }
  });

  it('lets only ADMIN import and assign; a customer reads its own credit balance only', async () => {
    const customerId = await newCustomer();
    const otherId = await newCustomer();
    const sales = (await must(t, keyDoc, { input: { role: 'SALES', name: 'sales' } })).createApiKey.secret;
    const own = (await must(t, keyDoc, { input: { role: 'CUSTOMER', name: 'own', customerId } })).createApiKey.secret;
    for (const key of [sales, own]) {
      const res = await t.gql(importDoc, { input: { format: 'CAMT053', content: camt('1.00', 'x') } }, key);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const assign = await t.gql(assignDoc, { id: '00000000-0000-4000-8000-000000000000', customerId }, key);
      expect(assign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(customerDoc, { id: customerId }, own)).data?.customer?.creditBalance).toBe('0.00');
    expect((await t.gql(customerDoc, { id: otherId }, own)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
