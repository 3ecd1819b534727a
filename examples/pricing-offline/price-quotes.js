// @ts-check
// Another Node program that prices quotes with Tariff's engine and no server: what a sales tool
// does offline. It prints what `previewQuote` answers, line for line and step for step
// (test/graphql/pricing-package.test.ts holds the two to that). With Tariff's engine built
// (`npm run build:pricing`) and installed next to this file (`npm install /path/to/tariff`):
//
//   node price-quotes.js quotes.json > previews.json
//
// quotes.json: {
//   "at": "2026-06-15T00:00:00Z",                      which contracts are in force
//   "plugins": ["./stairstep.js"],                     pricing plugins, as TARIFF_PRICING_PLUGINS
//   "prices": [{ "code", "currency", "kind", "config" }],
//   "customers": { "<name>": { "tax": { "status", "ratePercent" }, "contracts": [{ "code", "startsAt",
//                  "endsAt", "minimumCommitment", "items": [{ "priceCode", "override", "discountPercent" }] }] } },
//   "quotes": [{ "currency", "customer", "lines": [{ "priceCode", "quantity" }] }]
// }
'use strict';

const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const pricing = require('tariff/pricing');

const { Decimal, formatMoney, parseContractItem, parseDecimalString, parseRule, priceDocument, registerPricingPlugin } = pricing;

/** @param {any} input the parsed quotes.json; plugins named there must not be loaded yet */
function priceQuotes(input) {
  for (const plugin of input.plugins ?? []) registerPricingPlugin(require(resolve(plugin)), plugin);
  const at = new Date(input.at);
  const prices = new Map(
    input.prices.map((/** @type {any} */ p) => [
      p.code,
      { code: p.code, currency: p.currency, interval: 'MONTH', intervalCount: 1, rule: parseRule(p.kind, p.config) },
    ]),
  );
  const kindOf = (/** @type {string} */ code) => prices.get(code).rule.kind;
  const customers = new Map(
    Object.entries(input.customers ?? {}).map(([name, c]) => [
      name,
      {
        tax: c.tax.ratePercent === undefined ? c.tax : { status: c.tax.status, ratePercent: new Decimal(c.tax.ratePercent) },
        contracts: c.contracts.map((/** @type {any} */ contract) => ({
          code: contract.code,
          startsAt: new Date(contract.startsAt),
          endsAt: contract.endsAt ? new Date(contract.endsAt) : null,
          minimumCommitment: contract.minimumCommitment ? new Decimal(contract.minimumCommitment) : null,
          items: contract.items.map(({ priceCode, ...item }) => ({ priceCode, ...parseContractItem(kindOf(priceCode), item) })),
        })),
      },
    ]),
  );
  return input.quotes.map((/** @type {any} */ quote) => {
    const customer = quote.customer ? customers.get(quote.customer) : null;
    const doc = priceDocument({
      currency: quote.currency,
      lines: quote.lines.map((/** @type {any} */ line) => ({
        price: prices.get(line.priceCode),
        quantity: parseDecimalString(line.quantity),
      })),
      contracts: customer?.contracts ?? [],
      at,
      tax: customer?.tax ?? { status: 'EXEMPT' },
      resolvePrice: (code) => prices.get(code),
    });
    return previewOf(doc);
  });
}

/**
 * The priced document as previewQuote shows it: amounts at the currency's scale, as strings.
 * @param {import('tariff/pricing').PricedDocument} doc
 */
function previewOf(doc) {
  const money = (/** @type {import('tariff/pricing').Decimal} */ amount) => formatMoney(amount, doc.currency);
  return {
    currency: doc.currency,
    subtotal: money(doc.subtotal),
    tax: money(doc.tax),
    total: money(doc.total),
    notes: [...doc.notes],
    lines: doc.lines.map((line) => ({
      kind: line.kind.toUpperCase(),
      priceCode: line.priceCode ?? '',
      quantity: line.quantity.toFixed(),
      amount: money(line.amount),
      tax: money(line.tax),
      steps: [...line.steps],
      contractCode: line.contractCode ?? null,
      couponCode: line.kind === 'discount' ? line.couponCode : null,
    })),
  };
}

module.exports = { priceQuotes, previewOf };

if (require.main === module) {
  process.stdout.write(JSON.stringify(priceQuotes(JSON.parse(readFileSync(process.argv[2], 'utf8'))), null, 2) + '\n');
}
