import { Role } from '../../../src/domain/auth/actor';
import { ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';

let h: DomainHarness;
beforeAll(async () => {
  h = await startDomain();
}, START_TIMEOUT_MS);
afterAll(() => h.close());

describe('WebhookEndpointService.create', () => {
  it('stores the normalized URL and the patterns without duplicates; the secret is shown once', async () => {
    const { endpoint, secret } = await h.as().webhookEndpoints.create({
      url: '  HTTPS://Hooks.Example.test:8443/tariff?x=1 ',
      eventTypes: ['invoice.*', 'customer.created', 'invoice.*'],
    });
    expect(endpoint).toMatchObject({
      url: 'https://hooks.example.test:8443/tariff?x=1',
      eventTypes: ['invoice.*', 'customer.created'],
      status: 'ENABLED',
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect((await h.as().webhookEndpoints.get(endpoint.id))?.secret).toBe(secret);
  });

  it.each([
    ['an empty URL', '   ', ['*'], 'input.url'],
    ['a relative URL', '/hooks', ['*'], 'input.url'],
    ['another scheme', 'ftp://example.test/hook', ['*'], 'input.url'],
    ['a javascript: URL', 'javascript:alert(1)', ['*'], 'input.url'],
    ['credentials in the URL', 'https://user:pw@example.test/hook', ['*'], 'input.url'],
    ['a fragment', 'https://example.test/hook#part', ['*'], 'input.url'],
    ['a space inside', 'https://example.test/my hook', ['*'], 'input.url'],
    ['a control character', 'https://example.test/\u0000hook', ['*'], 'input.url'],
    ['an over-long URL', `https://example.test/${'a'.repeat(2030)}`, ['*'], 'input.url'],
    ['no event types', 'https://example.test/hook', [], 'input.eventTypes'],
    ['an upper-case event type', 'https://example.test/hook', ['*', 'Invoice.created'], 'input.eventTypes[1]'],
    ['a bare aggregate', 'https://example.test/hook', ['invoice'], 'input.eventTypes[0]'],
  ])('refuses %s at its field, writing nothing', async (_what, url, eventTypes, field) => {
    const { error, wrote } = await failure(h, () => h.as().webhookEndpoints.create({ url, eventTypes }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('is ADMIN’s alone: SALES may neither create nor read endpoints (their secrets sign every event)', async () => {
    const sales = await h.actor(Role.SALES);
    const { error, wrote } = await failure(h, () =>
      h.as(sales).webhookEndpoints.create({ url: 'https://example.test/hook', eventTypes: ['*'] }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(wrote).toEqual([]);
    await expect(h.as(sales).webhookEndpoints.list({})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
