import { Role } from '../domain/auth/actor';
import { PriceService } from '../domain/catalog/price.service';
import { ProductService } from '../domain/catalog/product.service';
import { Product } from '../domain/catalog/product.entity';
import { BillingInterval } from '../domain/catalog/price.entity';
import { ContractService } from '../domain/contracts/contract.service';
import { CustomerService } from '../domain/customers/customer.service';
import { TaxStatus } from '../domain/customers/customer.entity';
import { NO_PAYMENT_PROVIDERS } from '../domain/payments/providers';
import type { Clock } from '../domain/shared/clock';
import type { ServiceContext } from '../domain/shared/service-context';
import type { Logger } from '../logger';
import { Decimal } from '../pricing/decimal';
import type { Database } from './database';

const seeder = { keyId: 'seed', name: 'demo seed', role: Role.ADMIN, customerId: null };

/**
 * A small demo catalog and two customers, through the same services the API uses, so that a
 * newcomer has something to query. Idempotent: a database that has the demo product is left alone.
 */
export async function seedDemoData(db: Database, clock: Clock, logger: Logger): Promise<void> {
  const em = db.orm.em.fork();
  if (await em.count(Product, { code: 'platform' })) return;
  const ctx: ServiceContext = { em, actor: seeder, clock, providers: NO_PAYMENT_PROVIDERS };
  const products = new ProductService(ctx);
  const prices = new PriceService(ctx);
  const customers = new CustomerService(ctx);

  await products.create({ code: 'platform', name: 'Tariff Cloud platform' });
  await products.create({ code: 'api', name: 'API usage' });
  const month = BillingInterval.MONTH;
  const base = { productCode: 'platform', currency: 'EUR', interval: month };
  await prices.create({ ...base, code: 'platform-base', rule: { kind: 'flat', config: { amount: '49.00' } } });
  await prices.create({
    ...base,
    code: 'seats',
    rule: {
      kind: 'graduated',
      config: {
        tiers: [
          { upTo: 10, unitAmount: '12.00' },
          { upTo: 50, unitAmount: '10.00' },
          { upTo: null, unitAmount: '8.00' },
        ],
      },
    },
  });
  await prices.create({ ...base, code: 'storage', rule: { kind: 'package', config: { packageSize: '100', packageAmount: '5.00' } } });
  await prices.create({
    ...base,
    productCode: 'api',
    code: 'api-calls',
    rule: {
      kind: 'usage',
      config: {
        metric: 'api_calls',
        aggregation: 'sum',
        pricing: { kind: 'per_unit', config: { unitAmount: '0.000125' } },
      },
    },
  });
  await prices.create({
    ...base,
    code: 'team-bundle',
    rule: {
      kind: 'bundle',
      config: {
        components: [
          { priceCode: 'platform-base', quantity: '1' },
          { priceCode: 'seats', quantity: '5' },
        ],
        discountPercent: '10',
      },
    },
  });

  const acme = await customers.create({
    name: 'Acme GmbH',
    email: 'billing@acme.example',
    currency: 'EUR',
    taxStatus: TaxStatus.TAXABLE,
    taxRate: new Decimal('19'),
    externalIds: [{ system: 'SAP', id: '0000100001' }],
    billingAddress: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    vatId: 'DE136695976',
  });
  await customers.create({
    name: 'Globex SARL',
    email: 'ap@globex.example',
    currency: 'EUR',
    taxStatus: TaxStatus.REVERSE_CHARGE,
    billingAddress: { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' },
    vatId: 'FR40303265045',
    externalIds: [{ system: 'SALESFORCE', id: '0015g00000GLOBEX' }],
  });
  await new ContractService(ctx).create({
    customerId: acme.id,
    code: 'ACME-2026',
    startsAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: null,
    minimumCommitment: null,
    items: [{ priceCode: 'seats', discountPercent: new Decimal('15') }],
  });
  logger.info({ products: 2, prices: 5, customers: 2 }, 'seeded demo data');
}
