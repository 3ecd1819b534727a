import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from './auth/api-key.resolver';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { PriceResolver } from './catalog/price.resolver';
import { ProductResolver } from './catalog/product.resolver';
import { InventoryResolver } from './inventory/inventory.resolver';
import { FeedResolver } from './feeds/feed.resolver';
import { OrderResolver } from './orders/order.resolver';
import { SubscriptionDeliveryResolver } from './orders/subscription-delivery.resolver';
import { ContractResolver, CustomerContractsResolver } from './contracts/contract.resolver';
import { CustomerResolver } from './customers/customer.resolver';
import { CustomerLocationsResolver, LocationResolver } from './customers/location.resolver';
import { ContactResolver, CustomerContactsResolver } from './customers/contact.resolver';
import { QuotePreviewResolver } from './quotes/quote-preview.resolver';
import { QuoteApprovalResolver } from './quotes/quote-approval.resolver';
import { QuoteResolver } from './quotes/quote.resolver';
import { InvoiceResolver } from './invoices/invoice.resolver';
import { CustomerConsumptionResolver } from './invoices/invoice-consumption.resolver';
import { BillingRunResolver } from './billing/billing-run.resolver';
import { CreditNoteResolver, InvoiceCreditNotesResolver } from './credit-notes/credit-note.resolver';
import { CreditNoteEInvoiceResolver, InvoiceEInvoiceResolver } from './e-invoices/e-invoice.resolver';
import { CreditNoteDocumentUrlResolver, InvoiceDocumentUrlResolver, QuoteDocumentUrlResolver } from './documents/document-link.resolver';
import { EventResolver } from './events/event.resolver';
import { PriceMigrationResolver } from './subscriptions/price-migration.resolver';
import { SubscriptionItemResolver, SubscriptionResolver } from './subscriptions/subscription.resolver';
import { UsageResolver } from './usage/usage.resolver';
import { CustomerTestClockResolver, TestClockResolver } from './test-clocks/test-clock.resolver';
import {
  ExternalIdResolver,
  InvoiceExternalIdsResolver,
  PriceExternalIdsResolver,
  ProductExternalIdsResolver,
  SubscriptionExternalIdsResolver,
} from './external-ids/external-id.resolver';
import { WebhookResolver } from './webhooks/webhook.resolver';
import { ConnectionResolver } from './connectors/connection.resolver';
import { EmailResolver } from './email/email.resolver';
import { SellerSettingsResolver } from './settings/seller-settings.resolver';
import { InvoicePaymentsResolver, PaymentResolver } from './payments/payment.resolver';
import { DirectDebitResolver, PaymentMethodMandateResolver } from './payments/direct-debit.resolver';
import {
  BankStatementResolver,
  CustomerCreditBalanceResolver,
  InvoicePaymentReferenceResolver,
} from './bank-statements/bank-statement.resolver';
import { AnalyticsResolver, CustomerMrrResolver } from './analytics/analytics.resolver';
import { LedgerResolver } from './ledger/ledger.resolver';
import { CltvResolver } from './analytics/cltv.resolver';
import { ExchangeRateResolver } from './analytics/exchange-rate.resolver';
import { SubscriptionChangePreviewResolver } from './subscriptions/subscription-change-preview.resolver';
import { PortalResolver, PortalSessionInfoResolver } from './portal/portal.resolver';
import { UsageThresholdResolver } from './lifecycle/usage-threshold.resolver';
import {
  CouponResolver,
  CustomerDiscountResolver,
  DiscountResolver,
  PromotionCodeResolver,
  SubscriptionDiscountResolver,
} from './coupons/coupon.resolver';
import { QuoteCouponResolver } from './coupons/quote-coupon.resolver';
import { DateTimeScalar } from './scalars/standard';
import { subgraphSdl, toSubgraphSchema } from './federation';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes its resolver classes as Function
const resolvers: NonEmptyArray<Function> = [
  ApiKeyResolver,
  ProductResolver,
  InventoryResolver,
  FeedResolver,
  PriceResolver,
  QuotePreviewResolver,
  QuoteResolver,
  QuoteApprovalResolver,
  CustomerResolver,
  LocationResolver,
  CustomerLocationsResolver,
  ContactResolver,
  CustomerContactsResolver,
  ContractResolver,
  CustomerContractsResolver,
  SubscriptionResolver,
  SubscriptionItemResolver,
  SubscriptionDeliveryResolver,
  OrderResolver,
  PriceMigrationResolver,
  UsageResolver,
  InvoiceResolver,
  CustomerConsumptionResolver,
  BillingRunResolver,
  TestClockResolver,
  CustomerTestClockResolver,
  CreditNoteResolver,
  EventResolver,
  InvoiceCreditNotesResolver,
  InvoiceEInvoiceResolver,
  CreditNoteEInvoiceResolver,
  InvoiceDocumentUrlResolver,
  CreditNoteDocumentUrlResolver,
  QuoteDocumentUrlResolver,
  ExternalIdResolver,
  ProductExternalIdsResolver,
  PriceExternalIdsResolver,
  InvoiceExternalIdsResolver,
  SubscriptionExternalIdsResolver,
  WebhookResolver,
  ConnectionResolver,
  EmailResolver,
  SellerSettingsResolver,
  PaymentResolver,
  InvoicePaymentsResolver,
  DirectDebitResolver,
  PaymentMethodMandateResolver,
  BankStatementResolver,
  InvoicePaymentReferenceResolver,
  CustomerCreditBalanceResolver,
  AnalyticsResolver,
  CustomerMrrResolver,
  LedgerResolver,
  CltvResolver,
  ExchangeRateResolver,
  SubscriptionChangePreviewResolver,
  PortalResolver,
  PortalSessionInfoResolver,
  CouponResolver,
  PromotionCodeResolver,
  DiscountResolver,
  SubscriptionDiscountResolver,
  CustomerDiscountResolver,
  QuoteCouponResolver,
  UsageThresholdResolver,
  AuditLogResolver,
];

let cached: GraphQLSchema | undefined;

/**
 * The schema is a pure function of the code, so it is built once per process. It is also an
 * Apollo Federation 2 subgraph (federation.ts): the same server serves clients and gateways.
 */
export async function buildTariffSchema(): Promise<GraphQLSchema> {
  cached ??= toSubgraphSchema(
    await buildSchema({
      resolvers,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      validate: false,
      emitSchemaFile: false,
    }),
  );
  return cached;
}

/** The SDL checked in at schema/schema.graphql: the subgraph SDL a gateway composes, sorted so that it changes only when the schema does. */
export function printTariffSchema(schema: GraphQLSchema): string {
  return `${subgraphSdl(schema)}\n`;
}
