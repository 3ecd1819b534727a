import { Migration20261125084813 } from './Migration20261125084813';
import { Migration20261125093454 } from './Migration20261125093454';
import { Migration20261125093609 } from './Migration20261125093609';
import { Migration20261125094706 } from './Migration20261125094706';
import { Migration20261125095229 } from './Migration20261125095229';
import { Migration20261125095428 } from './Migration20261125095428';
import { Migration20261125114021 } from './Migration20261125114021';
import { Migration20261125124741 } from './Migration20261125124741';
import { Migration20261125130000 } from './Migration20261125130000';
import { Migration20261125130500 } from './Migration20261125130500';
import { Migration20261125131330 } from './Migration20261125131330';
import { Migration20261125133914 } from './Migration20261125133914';
import { Migration20261125142527 } from './Migration20261125142527';
import { Migration20261125155900 } from './Migration20261125155900';
import { Migration20261125160000 } from './Migration20261125160000';
import { Migration20261125160100 } from './Migration20261125160100';
import { Migration20261125160300 } from './Migration20261125160300';
import { Migration20261205155000 } from './Migration20261205155000';
import { Migration20261205170000 } from './Migration20261205170000';
import { Migration20261207010000 } from './Migration20261207010000';
import { Migration20261207012000 } from './Migration20261207012000';
import { Migration20261207020000 } from './Migration20261207020000';
import { Migration20261207020500 } from './Migration20261207020500';
import { Migration20261207023300 } from './Migration20261207023300';
import { Migration20261207024500 } from './Migration20261207024500';
import { Migration20261207100000 } from './Migration20261207100000';
import { Migration20261207110000 } from './Migration20261207110000';
import { Migration20261207111000 } from './Migration20261207111000';
import { Migration20261207112000 } from './Migration20261207112000';
import { Migration20261207114000 } from './Migration20261207114000';
import { Migration20261207115000 } from './Migration20261207115000';
import { Migration20261207150000 } from './Migration20261207150000';
import { Migration20261207150500 } from './Migration20261207150500';
import { Migration20261207151000 } from './Migration20261207151000';
import { Migration20261207152000 } from './Migration20261207152000';
import { Migration20261207153000 } from './Migration20261207153000';
import { Migration20261207154000 } from './Migration20261207154000';
import { Migration20261207155000 } from './Migration20261207155000';
import { Migration20261207156000 } from './Migration20261207156000';
import { Migration20261207157000 } from './Migration20261207157000';
import { Migration20261207160000 } from './Migration20261207160000';
import { Migration20261207161000 } from './Migration20261207161000';
import { Migration20261207161500 } from './Migration20261207161500';
import { Migration20261208001000 } from './Migration20261208001000';
import { Migration20261208002000 } from './Migration20261208002000';
import { Migration20261208003000 } from './Migration20261208003000';
import { Migration20261208004000 } from './Migration20261208004000';

/**
 * In order. `npm run migration:create` writes the next file from the entities; add it here.
 * Applied migrations never change.
 */
export const migrationsList = [
  { name: 'Migration20261125084813', class: Migration20261125084813 }, // api keys, customers, catalog, contracts
  { name: 'Migration20261125093454', class: Migration20261125093454 }, // idempotency keys
  { name: 'Migration20261125093609', class: Migration20261125093609 }, // subscriptions
  { name: 'Migration20261125094706', class: Migration20261125094706 }, // quotes, scheduled changes
  { name: 'Migration20261125095229', class: Migration20261125095229 }, // usage events
  { name: 'Migration20261125095428', class: Migration20261125095428 }, // invoices
  { name: 'Migration20261125114021', class: Migration20261125114021 }, // credit notes, test clocks, late usage
  { name: 'Migration20261125124741', class: Migration20261125124741 }, // domain events (outbox)
  { name: 'Migration20261125130000', class: Migration20261125130000 }, // webhook endpoints, deliveries, attempts
  { name: 'Migration20261125130500', class: Migration20261125130500 }, // external ids of products, prices and invoices
  { name: 'Migration20261125131330', class: Migration20261125131330 }, // domain events: the readers' (tx_id, position) index
  { name: 'Migration20261125133914', class: Migration20261125133914 }, // domain events: no separate unique index on position
  { name: 'Migration20261125142527', class: Migration20261125142527 }, // payments, dunning, seller settings, portal sessions
  { name: 'Migration20261125155900', class: Migration20261125155900 }, // revenue ledger (MRR movements)
  { name: 'Migration20261125160000', class: Migration20261125160000 }, // coupons, promotion codes, redemptions; a quote's coupon
  { name: 'Migration20261125160100', class: Migration20261125160100 }, // customer tags and metadata, payment-method expiry, usage thresholds, lifecycle signals
  { name: 'Migration20261125160300', class: Migration20261125160300 }, // subscriptions' external ids (the Stripe import)
  { name: 'Migration20261205155000', class: Migration20261205155000 }, // the revenue projection's view of discounts
  { name: 'Migration20261205170000', class: Migration20261205170000 }, // exchange rates (convertedRevenueMetrics)
  { name: 'Migration20261207010000', class: Migration20261207010000 }, // the STOREFRONT role; customer.created_by_key_id
  { name: 'Migration20261207012000', class: Migration20261207012000 }, // asynchronous billing runs (startBillingRun)
  { name: 'Migration20261207020000', class: Migration20261207020000 }, // customers' locations and contacts; portal sessions for a contact
  { name: 'Migration20261207020500', class: Migration20261207020500 }, // the audit log
  { name: 'Migration20261207023300', class: Migration20261207023300 }, // quote numbers, the quote policy and approvals; the SALES_MANAGER role
  { name: 'Migration20261207024500', class: Migration20261207024500 }, // legal identity: billing address and VAT id, the seller's
  { name: 'Migration20261207100000', class: Migration20261207100000 }, // company groups: parent, invoiceTo; subscription location; consolidated lines
  { name: 'Migration20261207110000', class: Migration20261207110000 }, // purchase orders: customer.purchase_order_required; the number on subscriptions, quotes, invoices and their lines
  { name: 'Migration20261207111000', class: Migration20261207111000 }, // credit limits: customer.credit_limit, the unsettled-invoice index
  { name: 'Migration20261207112000', class: Migration20261207112000 }, // payment terms: end of month, the seller's defaults, invoice.due_soon
  { name: 'Migration20261207114000', class: Migration20261207114000 }, // goods: product kind, SKU, stock policy; inventory levels
  { name: 'Migration20261207115000', class: Migration20261207115000 }, // the seller's IBAN and BIC (e-invoices)
  { name: 'Migration20261207150000', class: Migration20261207150000 }, // recurring orders: delivery schedules and items, orders and lines
  { name: 'Migration20261207150500', class: Migration20261207150500 }, // seller_settings.order_lead_days
  { name: 'Migration20261207151000', class: Migration20261207151000 }, // the per-database secret of signed document links
  { name: 'Migration20261207152000', class: Migration20261207152000 }, // e-mail: deliveries per event and address, the fan-out cursor
  { name: 'Migration20261207153000', class: Migration20261207153000 }, // bank statements and entries, credit balances
  { name: 'Migration20261207154000', class: Migration20261207154000 }, // SEPA direct debit (mandates, batches), refunds, the seller's SEPA creditor id
  { name: 'Migration20261207155000', class: Migration20261207155000 }, // cache versions: counters and triggers for the in-process caches (issue 22)
  { name: 'Migration20261207156000', class: Migration20261207156000 }, // per-line VAT category and rate; the seller's e_invoicing switch
  { name: 'Migration20261207157000', class: Migration20261207157000 }, // shipments of orders
  { name: 'Migration20261207160000', class: Migration20261207160000 }, // the seller's chart of accounts (general ledger)
  { name: 'Migration20261207161000', class: Migration20261207161000 }, // connectors: connections (encrypted credentials, outbox cursor) and their sync log
  { name: 'Migration20261207161500', class: Migration20261207161500 }, // connectors, inbound: the inbound cursor and log of closed-won deals
  { name: 'Migration20261208001000', class: Migration20261208001000 }, // delivery schedules re-anchored by customer controls
  { name: 'Migration20261208002000', class: Migration20261208002000 }, // orders' finance: canceled quantities, the order's VAT treatment; tax by ship-to
  { name: 'Migration20261208003000', class: Migration20261208003000 }, // goods in MRR: a movement's product kind, the projection's delivery state
  { name: 'Migration20261208004000', class: Migration20261208004000 }, // connectors, inbound goods: cursors per kind, the log of shipments read
];
