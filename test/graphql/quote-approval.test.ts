import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
let t: TestApp;
const keys: Record<string, { secret: string; id: string }> = {};
let discounted: string; // a customer whose contract gives 20 % off seats

const QUOTE = 'id number status requiresApproval sentAt total approval { approvedAt note approvedBy { apiKeyId name role } }';
const createQ = `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ${QUOTE} } }`;
const approveQ = `mutation($id: ID!, $note: String) { approveQuote(id: $id, note: $note) { ${QUOTE} } }`;
const sendQ = `mutation($id: ID!) { sendQuote(id: $id) { ${QUOTE} } }`;
const policyQ = 'mutation($input: SetQuotePolicyInput!) { setQuotePolicy(input: $input) { maxDiscountPercent maxTotal updatedAt } }';

const errorOf = (res: { errors?: { message: string; extensions?: Record<string, any> }[] }) => {
  const e = res.errors?.[0];
  return { code: e?.extensions?.code, field: e?.extensions?.field, reason: e?.extensions?.reason };
};

async function key(role: string, customerId?: string) {
  const data = await must(
    t,
    'mutation($role: Role!, $c: ID, $n: String!) { createApiKey(input: { role: $role, customerId: $c, name: $n }) { secret apiKey { id } } }',
    { role, c: customerId ?? null, n: role },
  );
  return { secret: data.createApiKey.secret, id: data.createApiKey.apiKey.id };
}

async function draft(customerId: string, quantity = '1', by = keys.SALES.secret): Promise<any> {
  return (await must(t, createQ, { input: { customerId, currency: 'EUR', lines: [{ priceCode: 'seat', quantity }] } }, by)).createQuote;
}

/**
 * The quote's events as stored, in order. Read from the outbox table: the events query serves an
 * event only once every older transaction has ended, which a refused write must not wait for.
 */
async function quoteEvents(quoteId: string): Promise<{ type: string; data: any }[]> {
  const rows = await t.app.db.orm.em
    .fork()
    .execute<{ type: string; payload: any }[]>('select type, payload from domain_event where aggregate_id = ? order by position', [
      quoteId,
    ]);
  return rows.map((r) => ({ type: r.type, data: r.payload }));
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  discounted = await createCustomer(t);
  await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId: discounted,
      code: 'BIG-DEAL',
      startsAt: '2026-01-01T00:00:00Z',
      items: [{ priceCode: 'seat', discountPercent: '20' }],
    },
  });
  for (const role of ['SALES', 'SALES_MANAGER', 'PARTNER', 'STOREFRONT']) keys[role] = await key(role);
  keys.CUSTOMER = await key('CUSTOMER', discounted);
  await must(t, policyQ, { input: { maxDiscountPercent: '15', maxTotal: '5000' } });
});
afterAll(async () => {
  await t.close();
});

describe('quote approval over the API', () => {
  it('a quote within the policy needs no approval and is sent as it is', async () => {
    const q = await draft(await createCustomer(t));
    expect([q.requiresApproval, q.approval]).toEqual([false, null]);
    expect((await must(t, sendQ, { id: q.id }, keys.SALES.secret)).sendQuote).toMatchObject({
      status: 'SENT',
      requiresApproval: false,
      approval: null,
    });
  });

  it('an unapproved quote beyond the policy cannot be sent, and the refusal writes nothing', async () => {
    const q = await draft(discounted);
    expect(q.requiresApproval).toBe(true);
    const res = await t.gql(sendQ, { id: q.id }, keys.SALES.secret);
    expect(errorOf(res)).toEqual({ code: 'CONFLICT', field: undefined, reason: 'APPROVAL_REQUIRED' });
    const after = (await must(t, `query($id: ID!) { quote(id: $id) { ${QUOTE} } }`, { id: q.id })).quote;
    expect(after).toMatchObject({ status: 'DRAFT', sentAt: null, total: null, approval: null });
    expect((await quoteEvents(q.id)).map((e) => e.type)).toEqual(['quote.created']);
  });

  it('a SALES key cannot approve; a SALES_MANAGER key can, and the approval (who, when, note) is on the quote and in its events', async () => {
    const q = await draft(discounted);
    const refused = await t.gql(approveQ, { id: q.id, note: 'please' }, keys.SALES.secret);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    expect((await quoteEvents(q.id)).map((e) => e.type)).toEqual(['quote.created']);

    clock.set(new Date('2026-03-11T09:30:00Z'));
    const approved = (await must(t, approveQ, { id: q.id, note: 'strategic account' }, keys.SALES_MANAGER.secret)).approveQuote;
    const approval = {
      approvedAt: '2026-03-11T09:30:00.000Z',
      note: 'strategic account',
      approvedBy: { apiKeyId: keys.SALES_MANAGER.id, name: 'SALES_MANAGER', role: 'SALES_MANAGER' },
    };
    expect(approved).toMatchObject({ status: 'DRAFT', requiresApproval: true, approval });

    const sent = (await must(t, sendQ, { id: q.id }, keys.SALES.secret)).sendQuote;
    expect(sent).toMatchObject({ status: 'SENT', requiresApproval: true, approval });
    const events = await quoteEvents(q.id);
    expect(events.map((e) => e.type)).toEqual(['quote.created', 'quote.approved', 'quote.sent']);
    expect(events[1].data).toMatchObject({
      number: q.number,
      requiresApproval: true,
      approval: {
        approvedAt: '2026-03-11T09:30:00.000Z',
        note: 'strategic account',
        approvedBy: { apiKeyId: keys.SALES_MANAGER.id, name: 'SALES_MANAGER', role: 'SALES_MANAGER' },
      },
    });
  });

  it('the audit log shows who approved: the approving key, the operation and the approval fields', async () => {
    const q = await draft(discounted);
    clock.set(new Date('2026-03-12T08:00:00Z'));
    await must(t, approveQ, { id: q.id, note: 'renewal' }, keys.SALES_MANAGER.secret);
    const log = (
      await must(
        t,
        'query($r: ID!) { auditLog(recordId: $r) { edges { node { operation recordType recordId actor { apiKeyId name role } changes } } } }',
        { r: q.id },
      )
    ).auditLog.edges.map((e: any) => e.node);
    const approval = log.find((e: any) => e.operation === 'approveQuote');
    expect(approval).toMatchObject({
      recordType: 'Quote',
      recordId: q.id,
      actor: { apiKeyId: keys.SALES_MANAGER.id, name: 'SALES_MANAGER', role: 'SALES_MANAGER' },
    });
    expect(approval.changes).toMatchObject({
      approvedAt: { before: null, after: '2026-03-12T08:00:00.000Z' },
      approvedByKeyId: { before: null, after: keys.SALES_MANAGER.id },
      approvalNote: { before: null, after: 'renewal' },
    });
    // The draft was created by the SALES key: the log tells the two apart.
    expect(log.find((e: any) => e.operation === 'createQuote')?.actor.apiKeyId).toBe(keys.SALES.id);
  });

  it('an ADMIN key approves too; a second approval is CONFLICT', async () => {
    const q = await draft(discounted);
    const approved = (await must(t, approveQ, { id: q.id })).approveQuote;
    expect(approved.approval).toMatchObject({ note: null, approvedBy: { role: 'ADMIN' } });
    expect(errorOf(await t.gql(approveQ, { id: q.id }, keys.SALES_MANAGER.secret))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_APPROVED',
    });
  });

  it('a total beyond maxTotal needs approval as a discount does', async () => {
    const q = await draft(await createCustomer(t), '500.001');
    expect(q.requiresApproval).toBe(true);
    expect(errorOf(await t.gql(sendQ, { id: q.id }, keys.SALES.secret)).reason).toBe('APPROVAL_REQUIRED');
  });

  it('numbers quotes Q-<year>-NNNNNN, one after the other', async () => {
    const a = await draft(discounted);
    const b = await draft(discounted);
    expect(a.number).toMatch(/^Q-2026-\d{6}$/);
    expect(Number(b.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1);
  });
});

describe('who may do what', () => {
  // [role, quotePolicy, setQuotePolicy, approveQuote]: null is allowed, else the error code.
  it.each([
    ['ADMIN', null, null, null],
    ['SALES_MANAGER', null, 'FORBIDDEN', null],
    ['SALES', null, 'FORBIDDEN', 'FORBIDDEN'],
    ['PARTNER', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['STOREFRONT', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['CUSTOMER', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  ])('%s: quotePolicy %s, setQuotePolicy %s, approveQuote %s', async (role, read, write, approve) => {
    const secret = role === 'ADMIN' ? t.adminKey : keys[role].secret;
    const q = await draft(discounted);
    const outcome = (res: { errors?: any[] }) => (res.errors ? errorOf(res).code : null);
    expect(outcome(await t.gql('{ quotePolicy { maxDiscountPercent maxTotal } }', {}, secret))).toBe(read);
    expect(outcome(await t.gql(policyQ, { input: { maxDiscountPercent: '15', maxTotal: '5000' } }, secret))).toBe(write);
    expect(outcome(await t.gql(approveQ, { id: q.id }, secret))).toBe(approve);
    const after = (await must(t, `query($id: ID!) { quote(id: $id) { ${QUOTE} } }`, { id: q.id })).quote;
    expect(after.approval === null).toBe(approve !== null);
  });

  it('reads the policy as set', async () => {
    const res = await must(t, '{ quotePolicy { maxDiscountPercent maxTotal updatedAt } }', {}, keys.SALES.secret);
    expect(res.quotePolicy).toEqual({ maxDiscountPercent: '15', maxTotal: '5000', updatedAt: clock.now().toISOString() });
  });
});

describe('bad input names its field and writes nothing', () => {
  it.each([
    [{ maxDiscountPercent: '100.0001' }, 'input.maxDiscountPercent'],
    [{ maxDiscountPercent: '-1' }, 'input.maxDiscountPercent'],
    [{ maxDiscountPercent: '10.00001' }, 'input.maxDiscountPercent'],
    [{ maxTotal: '-0.01' }, 'input.maxTotal'],
  ])('setQuotePolicy(%j)', async (input, field) => {
    const res = await t.gql(policyQ, { input });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await must(t, '{ quotePolicy { maxDiscountPercent maxTotal } }')).quotePolicy).toEqual({
      maxDiscountPercent: '15',
      maxTotal: '5000',
    });
  });

  it.each([
    ['an unknown quote', () => '00000000-0000-4000-8000-000000000000', undefined, 'NOT_FOUND', 'id'],
    ['a malformed id', () => 'nope', undefined, 'NOT_FOUND', 'id'],
    ['a note too long', null, 'x'.repeat(2001), 'BAD_USER_INPUT', 'note'],
    ['a note with NUL', null, 'a\u0000b', 'BAD_USER_INPUT', 'note'],
  ])('approveQuote with %s', async (_case, id, note, code, field) => {
    const quoteId = id ? id() : (await draft(discounted)).id;
    expect(errorOf(await t.gql(approveQ, { id: quoteId, note }, keys.SALES_MANAGER.secret))).toMatchObject({ code, field });
  });

  it('approveQuote on a sent quote is CONFLICT', async () => {
    const q = await draft(await createCustomer(t));
    await must(t, sendQ, { id: q.id }, keys.SALES.secret);
    expect(errorOf(await t.gql(approveQ, { id: q.id }, keys.SALES_MANAGER.secret)).code).toBe('CONFLICT');
  });
});
