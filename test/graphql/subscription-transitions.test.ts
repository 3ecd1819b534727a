import { Subscription, SubscriptionStatus } from '../../src/domain/subscriptions/subscription.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-05-10T00:00:00Z'));
let t: TestApp;
let customer: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  customer = await createCustomer(t);
});
afterAll(async () => {
  await t.close();
});

/** A subscription brought into `status` the way a user would (PAST_DUE, set by dunning, directly). */
async function inStatus(status: string): Promise<string> {
  const input: Record<string, unknown> = { customerId: customer, items: [{ priceCode: 'seat', quantity: '1' }] };
  if (status === 'INCOMPLETE') input.startsAt = '2026-06-01T00:00:00Z';
  if (status === 'TRIALING') input.trialDays = 14;
  const id = (await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', { input }))
    .createSubscription.id;
  if (status === 'PAUSED') await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id });
  if (status === 'CANCELED') await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { id } }', { id });
  if (status === 'PAST_DUE') await t.app.db.orm.em.fork().nativeUpdate(Subscription, { id }, { status: SubscriptionStatus.PAST_DUE });
  return id;
}

const actions: Record<string, string> = {
  change:
    'mutation($id: ID!) { r: changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "2" }] }) { status cancelAtPeriodEnd } }',
  pause: 'mutation($id: ID!) { r: pauseSubscription(id: $id) { status cancelAtPeriodEnd } }',
  resume: 'mutation($id: ID!) { r: resumeSubscription(id: $id) { status cancelAtPeriodEnd } }',
  cancelNow: 'mutation($id: ID!) { r: cancelSubscription(id: $id, atPeriodEnd: false) { status cancelAtPeriodEnd } }',
  cancelAtPeriodEnd: 'mutation($id: ID!) { r: cancelSubscription(id: $id, atPeriodEnd: true) { status cancelAtPeriodEnd } }',
};

// Status after the action, `+end` when it sets cancelAtPeriodEnd, or CONFLICT.
const table: [string, Record<string, string>][] = [
  ['INCOMPLETE', { change: 'INCOMPLETE', pause: 'CONFLICT', resume: 'CONFLICT', cancelNow: 'CANCELED', cancelAtPeriodEnd: 'CONFLICT' }],
  ['TRIALING', { change: 'TRIALING', pause: 'CONFLICT', resume: 'CONFLICT', cancelNow: 'CANCELED', cancelAtPeriodEnd: 'TRIALING+end' }],
  ['ACTIVE', { change: 'ACTIVE', pause: 'PAUSED', resume: 'CONFLICT', cancelNow: 'CANCELED', cancelAtPeriodEnd: 'ACTIVE+end' }],
  ['PAST_DUE', { change: 'PAST_DUE', pause: 'CONFLICT', resume: 'CONFLICT', cancelNow: 'CANCELED', cancelAtPeriodEnd: 'PAST_DUE+end' }],
  ['PAUSED', { change: 'CONFLICT', pause: 'CONFLICT', resume: 'ACTIVE', cancelNow: 'CANCELED', cancelAtPeriodEnd: 'PAUSED+end' }],
  ['CANCELED', { change: 'CONFLICT', pause: 'CONFLICT', resume: 'CONFLICT', cancelNow: 'CONFLICT', cancelAtPeriodEnd: 'CONFLICT' }],
];

const cases = table.flatMap(([from, outcomes]) => Object.entries(outcomes).map(([action, expected]) => [from, action, expected] as const));

describe('subscription transitions (status × action)', () => {
  it.each(cases)('%s + %s → %s', async (from, action, expected) => {
    const id = await inStatus(from);
    const res = await t.gql<Untyped>(actions[action], { id });
    if (expected === 'CONFLICT') {
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(new RegExp(`cannot .* a ${from} subscription: .+`));
      const after = await must(t, 'query($id: ID!) { subscription(id: $id) { status version } }', { id });
      expect(after.subscription.status).toBe(from); // refused changes leave nothing behind
      return;
    }
    expect(res.errors).toBeUndefined();
    const [status, end] = expected.split('+');
    expect(res.data?.r).toEqual({ status, cancelAtPeriodEnd: end === 'end' });
  });
});
