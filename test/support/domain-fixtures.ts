import { BillingInterval } from '../../src/domain/catalog/price.entity';
import type { Customer } from '../../src/domain/customers/customer.entity';
import { TaxStatus } from '../../src/domain/customers/customer.entity';
import type { CreateCustomerInput } from '../../src/domain/customers/customer.service';
import { Decimal } from '../../src/pricing/decimal';
import type { DomainHarness } from './domain';

let seq = 0;

/** A customer made through CustomerService (ADMIN): EUR and exempt unless told otherwise. */
export function makeCustomer(h: DomainHarness, over: Partial<CreateCustomerInput> = {}): Promise<Customer> {
  seq += 1;
  return h.as().customers.create({ name: `Customer ${seq}`, email: `c${seq}@example.test`, currency: 'EUR', taxStatus: TaxStatus.EXEMPT, ...over });
}

/** A product and one monthly price on it (EUR unless told otherwise), through the catalog services. */
export async function makePrice(
  h: DomainHarness,
  code: string,
  rule: { kind: string; config: Record<string, unknown> },
  over: { currency?: string; interval?: BillingInterval; intervalCount?: number } = {},
): Promise<void> {
  const admin = h.as();
  if (!(await admin.products.get('product'))) await admin.products.create({ code: 'product', name: 'Product' });
  await admin.prices.create({ code, productCode: 'product', currency: over.currency ?? 'EUR', interval: over.interval ?? BillingInterval.MONTH, intervalCount: over.intervalCount, rule });
}

export const dec = (value: string) => new Decimal(value);
