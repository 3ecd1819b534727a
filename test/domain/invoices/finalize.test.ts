import { Role } from '../../../src/domain/auth/actor';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError } from '../../../src/domain/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

let h: DomainHarness;
let reviewer: Customer; // reviews its drafts (invoiceDrafts)
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '12.50' } });
  reviewer = await makeCustomer(h, { invoiceDrafts: true });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const draft = () => openInvoice(h, reviewer, [{ priceCode: 'seats', quantity: '2' }]);

describe('InvoiceFinalizeService.finalize', () => {
  it('numbers a DRAFT and makes it OPEN on the clock, amounts unchanged', async () => {
    const d = await draft();
    expect([d.status, d.number, d.total.toFixed(2)]).toEqual(['DRAFT', null, '25.00']);
    h.clock.advanceSeconds(3600);
    const open = await h.as().invoiceFinalizations.finalize(d.id);
    expect([open.status, open.total.toFixed(2), open.amountDue.toFixed(2), open.finalizedAt?.toISOString()]).toEqual([
      'OPEN',
      '25.00',
      '25.00',
      '2026-03-01T01:00:00.000Z',
    ]);
    expect(open.number).toMatch(/^INV-2026-\d{6}$/);
  });

  it('finalizes once: a second call is a CONFLICT and takes no second number', async () => {
    const d = await draft();
    const first = await h.as().invoiceFinalizations.finalize(d.id);
    const { error, wrote } = await failure(h, () => h.as().invoiceFinalizations.finalize(d.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ details: { status: 'OPEN' } });
    expect(wrote).toEqual([]);
    expect((await h.as().invoices.get(d.id))?.number).toBe(first.number);
  });

  it('is an operator’s act: SALES may not finalize, and the draft stays a draft', async () => {
    const d = await draft();
    const sales = await h.actor(Role.SALES);
    const { error, wrote } = await failure(h, () => h.as(sales).invoiceFinalizations.finalize(d.id));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(wrote).toEqual([]);
    expect((await h.as().invoices.get(d.id))?.status).toBe('DRAFT');
  });
});
