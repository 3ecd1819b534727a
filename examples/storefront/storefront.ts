/**
 * A storefront back end on Tariff, with a STOREFRONT API key: it lists the prices it sells,
 * signs a customer up, shows that customer the checkout total and subscribes it. Everything it
 * sends and reads is typed by the documents generated from operations.graphql (docs/clients.md).
 *
 *   TARIFF_URL=http://localhost:4000 TARIFF_STOREFRONT_KEY=trf_… \
 *     node -r @swc-node/register examples/storefront/storefront.ts pro-monthly 3
 */
import {
  FirstInvoiceDocument,
  PreviewCheckoutDocument,
  StorefrontPricesDocument,
  StorefrontPricesQuery,
  SignUpCustomerDocument,
  SubscribeDocument,
} from './generated/graphql';
import { Request, tariffClient } from './tariff-client';

export type CatalogPrice = StorefrontPricesQuery['prices']['edges'][number]['node'];

export interface Checkout {
  /** Who signs up: a new customer of the storefront. */
  customer: { name: string; email: string; taxRate: string };
  currency: string;
  /** What the customer picked from the catalog: a price code and a quantity (a decimal string). */
  cart: { priceCode: string; quantity: string }[];
}

export interface CheckoutResult {
  prices: CatalogPrice[];
  customerId: string;
  /** The total shown before the customer confirms: exactly what the first invoice will say. */
  quotedTotal: string;
  subscription: { id: string; status: string; currentPeriodEnd: string };
  firstInvoice: { number: string | null; status: string; total: string } | null;
}

/** Every current price in the currency, page by page. */
export async function listPrices(request: Request, currency: string): Promise<CatalogPrice[]> {
  const prices: CatalogPrice[] = [];
  for (let after: string | null = null; ;) {
    const page: StorefrontPricesQuery = await request(StorefrontPricesDocument, { currency, after });
    prices.push(...page.prices.edges.map((e) => e.node));
    if (!page.prices.pageInfo.hasNextPage) return prices;
    after = page.prices.pageInfo.endCursor;
  }
}

export async function checkout(request: Request, order: Checkout): Promise<CheckoutResult> {
  const prices = await listPrices(request, order.currency);
  const unknown = order.cart.find((line) => !prices.some((p) => p.code === line.priceCode));
  if (unknown) throw new Error(`not for sale in ${order.currency}: ${unknown.priceCode}`);

  const { createCustomer } = await request(SignUpCustomerDocument, {
    input: { ...order.customer, currency: order.currency, taxStatus: 'TAXABLE' },
  });
  const { previewQuote } = await request(PreviewCheckoutDocument, {
    input: { customerId: createCustomer.id, currency: order.currency, lines: order.cart },
  });
  const { createSubscription } = await request(SubscribeDocument, {
    input: { customerId: createCustomer.id, items: order.cart, collection: 'SEND_INVOICE' },
  });
  // A subscription that starts now is invoiced for its first period at once.
  const { invoices } = await request(FirstInvoiceDocument, { customerId: createCustomer.id });
  const invoice = invoices.edges[0]?.node ?? null;
  return {
    prices,
    customerId: createCustomer.id,
    quotedTotal: previewQuote.total,
    subscription: { id: createSubscription.id, status: createSubscription.status, currentPeriodEnd: createSubscription.currentPeriodEnd },
    firstInvoice: invoice && { number: invoice.number, status: invoice.status, total: invoice.total },
  };
}

/** The example's entry point: one checkout against the server at `url`. */
export async function main(options: { url: string; apiKey: string; order: Checkout }): Promise<CheckoutResult> {
  return checkout(tariffClient({ url: options.url, apiKey: options.apiKey }), options.order);
}

if (require.main === module) {
  const url = process.env.TARIFF_URL ?? 'http://localhost:4000';
  const apiKey = process.env.TARIFF_STOREFRONT_KEY;
  const [priceCode = 'pro-monthly', quantity = '1'] = process.argv.slice(2);
  if (!apiKey) throw new Error('set TARIFF_STOREFRONT_KEY to a STOREFRONT key (createApiKey(input: { role: STOREFRONT, name: "shop" }))');
  main({
    url,
    apiKey,
    order: {
      customer: { name: 'Example Shopper GmbH', email: 'shopper@example.com', taxRate: '19' },
      currency: 'EUR',
      cart: [{ priceCode, quantity }],
    },
  }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
