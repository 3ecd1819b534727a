import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ParsedMail } from 'mailparser';
import { boundRows } from '../../src/db/bound-query';
import { composeEmail, EMAIL_WORKER } from '../../src/domain/email/email-compose';
import { deploymentLinks } from '../../src/domain/email/email-links';
import { emailSubject, type EmailEvent } from '../../src/domain/email/email-templates';
import { parseStoredEvent } from '../../src/domain/events/event-types';
import { createMailer, redactSmtpUrl } from '../../src/domain/email/smtp';
import { invoiceEvent } from '../../src/domain/events/event-payloads';
import { Invoice } from '../../src/domain/invoices/invoice.entity';
import { invoiceFacts } from '../../src/domain/invoices/invoice-writer';
import { defaultPaymentProviders } from '../../src/domain/payments/providers';
import { ManualClock } from '../../src/domain/shared/clock';
import { ConfigError, loadConfig } from '../../src/config';
import { deliverEmails, type EmailDeliveryResult } from '../../src/jobs/email-delivery.job';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { eventually } from '../support/eventually';
import { graphql } from '../support/generated';
import { bill } from './billing-support';
import { addressesOf, MailServer } from './email-support';

// E-mail from the outbox (issue 18, docs/e-mail.md): a real SMTP server in this process, passes
// of the worker driven by the test on a manual clock; waits only for what the outbox makes readable.
const HOUR = 3600;
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
const mail = new MailServer();
const logLines: string[] = [];
const logger = createLogger(
  'debug',
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  }),
);
let t: TestApp;

const SELLER = {
  name: 'Tariff Demo',
  legalName: 'Tariff Demo GmbH',
  address: { line1: 'Musterstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  vatId: 'DE136695976',
  registrationNumber: 'HRB 12345',
  email: 'billing@tariff.example',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};

const DELIVERIES = graphql(`
  query EmailDeliveries($customerId: ID, $first: Int, $after: String) {
    emailDeliveries(customerId: $customerId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          to
          subject
          eventType
          status
          attempts
          sentAt
          customerId
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** One pass with what the worker needs; the password in the URL is there to be kept out of logs. */
function pass(smtpUrl = mail.url): Promise<EmailDeliveryResult> {
  const fork = () => t.app.db.orm.em.fork();
  const mailer = createMailer({ url: smtpUrl, from: 'invoices@tariff.example' }, { timeoutMs: 5000 });
  return deliverEmails({
    fork,
    clock,
    mailer,
    retryBaseMs: 10_000,
    providers: defaultPaymentProviders(fork, clock),
    logger,
    random: () => 0.5,
  }).finally(() => mailer.close());
}

function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return boundRows<T>(t.app.db.orm.em.fork(), text, params);
}

async function customer(name: string, email: string, contacts: [role: string, email: string][] = []): Promise<string> {
  const data = await must(t, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: {
      name,
      email,
      currency: 'EUR',
      paymentTermsDays: 14,
      taxStatus: 'TAXABLE',
      taxRate: '19',
      billingAddress: { line1: '1 Main Street', city: 'München', postalCode: '80331', country: 'DE' },
    },
  });
  const id: string = data.createCustomer.id;
  for (const [role, address] of contacts) {
    await must(t, 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
      input: { customerId: id, name: `${role} ${address}`, email: address, role },
    });
  }
  return id;
}

async function subscribe(customerId: string): Promise<void> {
  await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items: [{ priceCode: 'seat', quantity: '3' }], collection: 'SEND_INVOICE' },
  });
}

async function deliveriesOf(
  customerIds: string[],
): Promise<{ to_address: string; status: string; attempt_count: number; event_type: string }[]> {
  return sql(
    `select to_address, status, attempt_count, event_type from email_delivery where customer_id = any(?::uuid[]) order by to_address`,
    [customerIds],
  );
}

/** Passes until the outbox has handed over `count` e-mails for these customers (a shared server's horizon may lag). */
async function queued(customerIds: string[], count: number): Promise<void> {
  await eventually(
    async () => {
      await pass();
      return (await deliveriesOf(customerIds)).length;
    },
    { until: (n) => n >= count, what: `${count} e-mails queued` },
  );
  expect(await deliveriesOf(customerIds)).toHaveLength(count);
}

function attachmentNames(m: ParsedMail): string[] {
  return m.attachments.map((a) => a.filename ?? '').sort();
}

beforeAll(async () => {
  await mail.start();
  // As `npm start` runs it, but without TARIFF_SMTP_URL and TARIFF_MAIL_FROM: no worker starts.
  t = await startTestApp({ clock, emailWorker: true });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.35' } });
  await must(t, 'mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { legalName } }', { input: SELLER });
});
afterAll(async () => {
  await t?.close();
  await mail.stop();
});

describe('without configuration', () => {
  it('the app runs no e-mail worker: an issued invoice queues nothing and sends nothing', async () => {
    const id = await customer('Nil AG', 'office@nil.example', [['ACCOUNTS_PAYABLE', 'ap@nil.example']]);
    await subscribe(id);
    expect(await sql(`select 1 from invoice where customer_id = ? and status = 'OPEN'`, [id])).toHaveLength(1);
    // A worker's first statement makes the cursor row: none was ever made.
    expect(await sql('select 1 from email_cursor')).toHaveLength(0);
    expect(await sql('select 1 from email_delivery')).toHaveLength(0);
    expect(mail.received).toHaveLength(0);
  });
});

describe('e-mail from the outbox', () => {
  // The first pass sets the cursor: what happens from here on is mailed.
  beforeAll(() => pass());

  it('a billing run issuing 3 invoices sends 3 e-mails to the accounts-payable contacts, with the PDF, the e-invoice and the HTML attached', async () => {
    const a = await customer('Alpha AG', 'office@alpha.example', [
      ['ACCOUNTS_PAYABLE', 'AP@alpha.example'],
      ['BUYER', 'buyer@alpha.example'],
    ]);
    const b = await customer('Beta AG', 'office@beta.example', [['ACCOUNTS_PAYABLE', 'ap@beta.example']]);
    const c = await customer('Gamma AG', 'office@gamma.example', [['ACCOUNTS_PAYABLE', 'ap@gamma.example']]);
    for (const id of [a, b, c]) await subscribe(id);
    // The subscriptions' first invoices, sent at once.
    await queued([a, b, c], 3);
    expect(mail.to('ap@alpha.example', 'ap@beta.example', 'ap@gamma.example')).toHaveLength(3);

    clock.set(new Date('2026-04-01T00:00:00Z'));
    const run = await bill(t, clock, undefined, { customerIds: [a, b, c] });
    expect(run.invoicesCreated).toBe(3);
    const numbers = (
      await sql<{ number: string; customer_id: string }>(
        `select number, customer_id from invoice where customer_id = any(?::uuid[]) and period_start = '2026-04-01T00:00:00Z'`,
        [[a, b, c]],
      )
    ).map((r) => r.number);
    expect(numbers).toHaveLength(3);
    await queued([a, b, c], 6);
    const sent = mail.received.filter((m) => numbers.some((n) => m.subject === `Invoice ${n} from Tariff Demo GmbH`));
    expect(sent.map((m) => addressesOf(m)[0]).sort()).toEqual(['ap@alpha.example', 'ap@beta.example', 'ap@gamma.example']);
    for (const m of sent) {
      const number = numbers.find((n) => m.subject!.includes(n))!;
      expect(m.from?.value[0]).toEqual({ name: 'Tariff Demo GmbH', address: 'invoices@tariff.example' });
      expect(attachmentNames(m)).toEqual([`${number}.html`, `${number}.pdf`, `${number}.xml`]);
      expect(
        m.attachments
          .find((x) => x.filename!.endsWith('.pdf'))!
          .content.subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      const xml = m.attachments.find((x) => x.filename!.endsWith('.xml'))!;
      expect(xml.contentType).toBe('application/xml');
      expect(xml.content.toString('utf8')).toContain(`<cbc:ID>${number}</cbc:ID>`);
      expect(m.attachments.find((x) => x.filename!.endsWith('.html'))!.content.toString('utf8')).toContain(number);
      expect(m.text).toContain(`Please find attached invoice ${number}`);
      expect(m.html).toContain(`Please find attached invoice ${number}`);
    }
    // The buyer is not accounts payable, and the customer's own address is not used while a contact of the role exists.
    expect(mail.to('buyer@alpha.example', 'office@alpha.example')).toHaveLength(0);
    // A pass later, nothing goes twice.
    const before = mail.received.length;
    clock.advanceSeconds(24 * HOUR);
    expect(await pass()).toMatchObject({ queued: 0, attempts: 0 });
    expect(mail.received).toHaveLength(before);
    expect(new Set(mail.received.map((m) => m.messageId)).size).toBe(mail.received.length);

    const log = (await must(t, DELIVERIES, { customerId: a })).emailDeliveries.edges.map((e) => e.node);
    expect(log).toHaveLength(2);
    for (const d of log) {
      expect(d).toMatchObject({ to: 'ap@alpha.example', eventType: 'invoice.finalized', status: 'SENT', attempts: 1, customerId: a });
      expect(d.sentAt).not.toBeNull();
    }
  });

  it('the SMTP server down, then refusing, then up: every e-mail arrives once', async () => {
    const ids = [
      await customer('Delta AG', 'office@delta.example', [['ACCOUNTS_PAYABLE', 'ap@delta.example']]),
      await customer('Epsilon AG', 'office@epsilon.example', [['ACCOUNTS_PAYABLE', 'ap@epsilon.example']]),
      await customer('Zeta AG', 'office@zeta.example', [['ACCOUNTS_PAYABLE', 'ap@zeta.example']]),
    ];
    const addresses = ['ap@delta.example', 'ap@epsilon.example', 'ap@zeta.example'];
    await mail.stop();
    for (const id of ids) await subscribe(id);
    // Nothing listens: every attempt fails, and each waits for its retry.
    await queued(ids, 3);
    let rows = await deliveriesOf(ids);
    expect(rows.map((r) => [r.status, r.attempt_count])).toEqual([
      ['PENDING', 1],
      ['PENDING', 1],
      ['PENDING', 1],
    ]);
    const [{ last_error }] = await sql<{ last_error: string }>(`select last_error from email_delivery where customer_id = ?`, [ids[0]]);
    expect(last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    // Not due before the backoff: a pass at the same instant tries nothing.
    expect(await pass()).toMatchObject({ attempts: 0 });

    // Up, but refusing every connection (421): still retried, nothing arrives.
    mail.refuse = true;
    await mail.start();
    clock.advanceSeconds(HOUR);
    const refused = await pass();
    expect(refused).toMatchObject({ attempts: 3, sent: 0, retrying: 3, failed: 0 });
    expect(mail.connections).toBeGreaterThanOrEqual(3);
    expect(mail.to(...addresses)).toHaveLength(0);
    rows = await deliveriesOf(ids);
    expect(rows.map((r) => [r.status, r.attempt_count])).toEqual([
      ['PENDING', 2],
      ['PENDING', 2],
      ['PENDING', 2],
    ]);

    // Accepting: all three go, once.
    mail.refuse = false;
    clock.advanceSeconds(HOUR);
    expect(await pass()).toMatchObject({ attempts: 3, sent: 3 });
    clock.advanceSeconds(24 * HOUR);
    expect(await pass()).toMatchObject({ attempts: 0, sent: 0 });
    const arrived = mail.to(...addresses);
    expect(arrived.map((m) => addressesOf(m)[0]).sort()).toEqual(addresses);
    expect((await deliveriesOf(ids)).map((r) => [r.status, r.attempt_count])).toEqual([
      ['SENT', 3],
      ['SENT', 3],
      ['SENT', 3],
    ]);
  });

  it('a customer without contacts of the role gets it at its own e-mail; a 550 for one address fails it alone, at once', async () => {
    const lone = await customer('Eta AG', 'Office@Eta.example', [['VIEWER', 'viewer@eta.example']]);
    const bouncing = await customer('Theta AG', 'office@theta.example', [
      ['ACCOUNTS_PAYABLE', 'bounce@theta.example'],
      ['ACCOUNTS_PAYABLE', 'ap@theta.example'],
    ]);
    // Simulated time mails nobody: a customer on a test clock, subscribed first, so the later e-mails show its event was read.
    const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2026-03-01T00:00:00Z") { id } }')).createTestClock.id;
    const simulated = await must(t, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: { name: 'Sim AG', email: 'sim@sim.example', currency: 'EUR', taxStatus: 'EXEMPT', testClockId: clockId },
    });
    await subscribe(simulated.createCustomer.id);
    await subscribe(lone);
    await subscribe(bouncing);
    await queued([lone, bouncing], 3);
    expect(await deliveriesOf([simulated.createCustomer.id])).toHaveLength(0);
    expect(mail.to('office@eta.example')).toHaveLength(1);
    expect(mail.to('viewer@eta.example')).toHaveLength(0);
    expect((await deliveriesOf([bouncing])).map((r) => [r.to_address, r.status, r.attempt_count])).toEqual([
      ['ap@theta.example', 'SENT', 1],
      ['bounce@theta.example', 'FAILED', 1],
    ]);
    const [m] = mail.to('office@eta.example');
    expect(m.text).toContain('Dear Eta AG,');
    expect(m.html).toContain('<p>Dear Eta AG,</p>');
    expect(m.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('a failed payment links to a portal session of the customer when the server knows its address', async () => {
    const id = await customer('Lambda AG', 'office@lambda.example');
    await subscribe(id);
    const fork = () => t.app.db.orm.em.fork();
    const invoice = await fork().findOneOrFail(Invoice, { customer: id }, { populate: ['lines'] });
    const event = invoiceEvent('payment_failed', invoiceFacts(invoice), clock.now(), {
      attemptId: randomUUID(),
      step: 0,
      error: 'declined',
    });
    const claim = {
      id: randomUUID(),
      to: 'office@lambda.example',
      subject: emailSubject(event, 'Tariff Demo GmbH'),
      customerId: id,
      attemptCount: 0,
      event: { ...event, id: randomUUID() },
    };
    const ctx = {
      em: fork(),
      actor: EMAIL_WORKER,
      clock,
      providers: defaultPaymentProviders(fork, clock),
    };
    const withLink = await composeEmail(ctx, claim, deploymentLinks({ sessionMinutes: 60, publicUrl: () => t.url }));
    expect(withLink.subject).toBe(`Payment failed for invoice ${invoice.number}`);
    const url = withLink.text.match(/Update your payment method: (\S+)/)?.[1] ?? '';
    expect(url.startsWith(`${t.url}/portal#session=`)).toBe(true);
    expect(withLink.html).toContain(`<a href="${url}">Update your payment method</a>`);
    // The link signs in as this customer.
    const viewer = await t.gql('{ viewer { role customerId } }', {}, url.slice(url.indexOf('=') + 1));
    expect(viewer.data).toEqual({ viewer: { role: 'CUSTOMER', customerId: id } });
    // Without a public address, the e-mail says how to pay instead of linking.
    const without = await composeEmail(ctx, claim, deploymentLinks({ sessionMinutes: 60, publicUrl: () => '' }));
    expect(without.text).toContain('Please update your payment method or pay by bank transfer.');
    expect(without.text).not.toContain('/portal');
  });

  it("a sent quote's e-mail links to its acceptance page as the key that sent it, and to nothing once that key is revoked", async () => {
    const id = await customer('Mu AG', 'office@mu.example');
    const sales = (await must(t, 'mutation { createApiKey(input: { name: "Rep", role: SALES }) { apiKey { id } secret } }')).createApiKey;
    const quoteId = (
      await must(
        t,
        'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }',
        { input: { customerId: id, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }] } },
        sales.secret,
      )
    ).createQuote.id;
    await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { id } }', { id: quoteId }, sales.secret);
    const fork = () => t.app.db.orm.em.fork();
    const [row] = await boundRows<any>(
      fork(),
      `select id, type, aggregate_id, customer_id, payload, occurred_at from domain_event where aggregate_id = ? and type = 'quote.sent'`,
      [quoteId],
    );
    const event = { ...(parseStoredEvent(row) as EmailEvent), id: row.id };
    const claim = {
      id: randomUUID(),
      to: 'office@mu.example',
      subject: emailSubject(event, 'Tariff Demo GmbH'),
      customerId: id,
      attemptCount: 0,
      event,
    };
    const ctx = { em: fork(), actor: EMAIL_WORKER, clock, providers: defaultPaymentProviders(fork, clock) };
    const links = deploymentLinks({ sessionMinutes: 60, publicUrl: () => t.url });
    const composed = await composeEmail(ctx, claim, links);
    const url = composed.text.match(/Read and accept the quote: (\S+)/)?.[1] ?? '';
    expect(url.startsWith(`${t.url}/quotes/${quoteId}/respond?`)).toBe(true);
    expect(new URL(url).searchParams.get('key')).toBe(sales.apiKey.id);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('>Accept</button>');
    await must(t, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: sales.apiKey.id });
    expect((await fetch(url)).status).toBe(410);
    const after = await composeEmail({ ...ctx, em: fork() }, claim, links);
    expect(after.text).not.toContain('/respond');
  });

  it('the log is read by staff, and by a CUSTOMER key for its own customer only', async () => {
    const own = await customer('Iota AG', 'office@iota.example');
    await subscribe(own);
    await queued([own], 1);
    const key = async (role: string, customerId?: string) =>
      (
        await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
          input: { role, name: role, customerId },
        })
      ).createApiKey.secret as string;
    const customerKey = await key('CUSTOMER', own);
    const mine = await t.gql(DELIVERIES, {}, customerKey);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.emailDeliveries.edges.map((e) => e.node.to)).toEqual(['office@iota.example']);
    const other = (await sql<{ customer_id: string }>(`select customer_id from email_delivery where customer_id <> ? limit 1`, [own]))[0];
    const others = await t.gql(DELIVERIES, { customerId: other.customer_id }, customerKey);
    expect(others.data!.emailDeliveries.edges).toEqual([]);
    const sales = await t.gql(DELIVERIES, { first: 100 }, await key('SALES'));
    expect(sales.data!.emailDeliveries.edges.length).toBeGreaterThan(1);
    const storefront = await t.gql(DELIVERIES, {}, await key('STOREFRONT'));
    expect(storefront.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Pages follow (createdAt, id).
    const first = await must(t, DELIVERIES, { first: 2 });
    const next = await must(t, DELIVERIES, { first: 2, after: first.emailDeliveries.edges[1].cursor });
    expect(next.emailDeliveries.edges[0].node.id).not.toBe(first.emailDeliveries.edges[1].node.id);
    const bad = await t.gql(DELIVERIES, { first: 0 });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('logs neither bodies nor SMTP credentials', async () => {
    const lamb = await customer('Kappa AG', 'office@kappa.example');
    await mail.stop();
    await subscribe(lamb);
    const secretUrl = `smtp://mailer:s3cr3t-pass@127.0.0.1:${mail.port}`;
    await eventually(
      async () => {
        await pass(secretUrl);
        return (await deliveriesOf([lamb])).length;
      },
      { until: (n) => n === 1, what: 'the e-mail queued' },
    );
    await mail.start();
    const all = logLines.join('');
    expect(all).toContain('e-mail attempt failed; will retry');
    expect(all).not.toContain('s3cr3t-pass');
    expect(all).not.toContain('Please find attached');
    expect(all).not.toContain('Dear ');
    expect(redactSmtpUrl(secretUrl)).toBe(`smtp://***:***@127.0.0.1:${mail.port}`);
  });
});

describe('configuration', () => {
  it('without TARIFF_SMTP_URL and TARIFF_MAIL_FROM nothing is configured; one without the other stops the start', () => {
    const none = loadConfig({});
    expect([none.TARIFF_SMTP_URL, none.TARIFF_MAIL_FROM]).toEqual([undefined, undefined]);
    expect(loadConfig({ TARIFF_SMTP_URL: 'smtp://mail.example:25', TARIFF_MAIL_FROM: 'a@b.example' }).TARIFF_SMTP_URL).toBe(
      'smtp://mail.example:25',
    );
    expect(() => loadConfig({ TARIFF_SMTP_URL: 'smtp://u:hunter2@mail.example:587' })).toThrow(ConfigError);
    let message = '';
    try {
      loadConfig({ TARIFF_SMTP_URL: 'http://u:hunter2@mail.example', TARIFF_MAIL_FROM: 'a@b.example' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('TARIFF_SMTP_URL');
    expect(message).not.toContain('hunter2');
  });

  it('npm start runs the worker when configured: an issued invoice arrives', async () => {
    const server = await new MailServer().start();
    const on = await startTestApp({
      clock,
      emailWorker: true,
      env: { TARIFF_SMTP_URL: server.url, TARIFF_MAIL_FROM: 'invoices@tariff.example' },
    });
    try {
      await createProduct(on, 'plan');
      await createPrice(on, 'seat', { kind: 'per_unit', config: { unitAmount: '1.00' } });
      // The running worker's first pass sets its cursor; then the app issues an invoice.
      await eventually(async () => (await boundRows(on.app.db.orm.em.fork(), 'select 1 from email_cursor')).length, {
        until: (n) => n === 1,
        what: 'the worker started',
      });
      const id = (
        await must(on, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
          input: { name: 'On AG', email: 'on@example.com', currency: 'EUR', taxStatus: 'EXEMPT' },
        })
      ).createCustomer.id;
      await must(on, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: { customerId: id, items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' },
      });
      await eventually(() => server.to('on@example.com').length, { until: (n) => n === 1, what: 'the e-mail of the configured app' });
    } finally {
      await on.close();
      await server.stop();
    }
  }, 120_000);
});
