import { QuoteAcceptanceLinkService } from './quotes/quote-response-link';
import { EmailDeliveryService } from './email/email-delivery.service';
import { ApiKeyService } from './auth/api-key.service';
import { PriceService } from './catalog/price.service';
import { ProductService } from './catalog/product.service';
import { InventoryService } from './inventory/inventory.service';
import { FeedImportService } from './feeds/feed-import.service';
import { OrderService } from './orders/order.service';
import { OrderSendNowService } from './orders/order-send-now.service';
import { DeliveryChangeService } from './orders/delivery-change.service';
import { OrderControlService } from './orders/order-controls.service';
import { OrderFulfilmentService } from './orders/order-fulfilment.service';
import { ContractService } from './contracts/contract.service';
import { CustomerService } from './customers/customer.service';
import { ContactService } from './customers/contact.service';
import { LocationService } from './customers/location.service';
import { DocumentLinkService } from './documents/document-link.service';
import { DocumentService } from './documents/document.service';
import { QuoteApprovalService } from './quotes/quote-approval.service';
import { QuoteLifecycleService } from './quotes/quote-lifecycle.service';
import { QuotePreviewService } from './quotes/quote-preview.service';
import { QuoteService } from './quotes/quote.service';
import type { ServiceContext } from './shared/service-context';
import { WebhookEndpointService } from './webhooks/webhook-endpoint.service';
import { ConnectionService } from './connectors/connection.service';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { UpcomingInvoiceService } from './invoices/upcoming-invoice.service';
import { InvoiceService } from './invoices/invoice.service';
import { InvoiceVoidService } from './invoices/invoice-void.service';
import { InvoiceFinalizeService } from './invoices/invoice-finalize.service';
import { CreditNoteService } from './credit-notes/credit-note.service';
import { EventService } from './events/event.service';
import { PriceMigrationService } from './subscriptions/price-migration.service';
import { SubscriptionChangeService } from './subscriptions/subscription-change.service';
import { SubscriptionLifecycleService } from './subscriptions/subscription-lifecycle.service';
import { SubscriptionScheduleService } from './subscriptions/subscription-schedule.service';
import { SubscriptionService } from './subscriptions/subscription.service';
import { UsageService } from './usage/usage.service';
import { TestClockService } from './test-clocks/test-clock.service';
import { ExternalIdService } from './external-ids/external-id.service';
import { CustomerUpsertService } from './customers/customer-upsert.service';
import { ProductUpsertService } from './catalog/product-upsert.service';
import { SellerSettingsService } from './settings/seller-settings.service';
import { PaymentService } from './payments/payment.service';
import { DirectDebitService } from './payments/direct-debit.service';
import { RefundService } from './refunds/refund.service';
import { BankStatementService } from './bank-statements/bank-statement.service';
import { RevenueMetricsService } from './analytics/revenue-metrics.service';
import { CohortService } from './analytics/cohorts.service';
import { CltvService } from './analytics/cltv.service';
import { ConvertedMetricsService } from './analytics/converted-metrics.service';
import { ExchangeRateService } from './analytics/exchange-rate.service';
import { LedgerService } from './ledger/ledger.service';
import { PaymentMethodService } from './payments/payment-method.service';
import { DunningPolicyService } from './payments/dunning-policy.service';
import { SubscriptionChangePreviewService } from './subscriptions/subscription-change-preview.service';
import { InvoiceDocumentService } from './invoices/invoice-document.service';
import { EInvoiceService } from './e-invoices/e-invoice.service';
import { PortalSessionService } from './portal/portal-session.service';
import { CouponService } from './coupons/coupon.service';
import { DiscountService } from './coupons/discount.service';
import { UsageThresholdService } from './lifecycle/usage-threshold.service';
import { BillingService } from './billing/billing.service';
import { AuditLogService } from './audit/audit-log.service';
import { revenueProjector } from './analytics/revenue-projection';
import { wireProjectors } from './events/projectors';

/**
 * The projectors kept exact with the outbox, run by emitEvents in each emitting transaction
 * (events/projectors.ts). Every entry point that can write events calls this once before it
 * does (src/app.ts, the CLIs); emitting without it fails.
 */
export function wireDomainProjectors(): void {
  wireProjectors([revenueProjector]);
}

/** The services of one request, all sharing its EntityManager, actor and clock. */
export function createServices(ctx: ServiceContext) {
  return {
    apiKeys: new ApiKeyService(ctx),
    auditLog: new AuditLogService(ctx),
    products: new ProductService(ctx),
    prices: new PriceService(ctx),
    quotePreviews: new QuotePreviewService(ctx),
    quotes: new QuoteService(ctx),
    quoteLifecycle: new QuoteLifecycleService(ctx),
    quoteApproval: new QuoteApprovalService(ctx),
    subscriptions: new SubscriptionService(ctx),
    orders: new OrderService(ctx),
    orderControls: new OrderControlService(ctx),
    orderSendNow: new OrderSendNowService(ctx),
    deliveryChanges: new DeliveryChangeService(ctx),
    orderFulfilment: new OrderFulfilmentService(ctx),
    subscriptionChanges: new SubscriptionChangeService(ctx),
    subscriptionLifecycle: new SubscriptionLifecycleService(ctx),
    subscriptionSchedules: new SubscriptionScheduleService(ctx),
    priceMigrations: new PriceMigrationService(ctx),
    upcomingInvoices: new UpcomingInvoiceService(ctx),
    invoices: new InvoiceService(ctx),
    invoiceVoids: new InvoiceVoidService(ctx),
    invoiceFinalizations: new InvoiceFinalizeService(ctx),
    creditNotes: new CreditNoteService(ctx),
    events: new EventService(ctx),
    customers: new CustomerService(ctx),
    locations: new LocationService(ctx),
    contacts: new ContactService(ctx),
    contracts: new ContractService(ctx),
    usage: new UsageService(ctx),
    testClocks: new TestClockService(ctx),
    externalIds: new ExternalIdService(ctx),
    customerUpserts: new CustomerUpsertService(ctx),
    productUpserts: new ProductUpsertService(ctx),
    inventory: new InventoryService(ctx),
    feeds: new FeedImportService(ctx),
    webhookEndpoints: new WebhookEndpointService(ctx),
    webhookDeliveries: new WebhookDeliveryService(ctx),
    connections: new ConnectionService(ctx),
    emailDeliveries: new EmailDeliveryService(ctx),
    sellerSettings: new SellerSettingsService(ctx),
    payments: new PaymentService(ctx),
    directDebits: new DirectDebitService(ctx),
    refunds: new RefundService(ctx),
    bankStatements: new BankStatementService(ctx),
    revenueMetrics: new RevenueMetricsService(ctx),
    cohorts: new CohortService(ctx),
    cltv: new CltvService(ctx),
    exchangeRates: new ExchangeRateService(ctx),
    convertedMetrics: new ConvertedMetricsService(ctx),
    ledger: new LedgerService(ctx),
    paymentMethods: new PaymentMethodService(ctx),
    dunningPolicy: new DunningPolicyService(ctx),
    subscriptionChangePreviews: new SubscriptionChangePreviewService(ctx),
    invoiceDocuments: new InvoiceDocumentService(ctx),
    eInvoices: new EInvoiceService(ctx),
    documents: new DocumentService(ctx),
    documentLinks: new DocumentLinkService(ctx),
    quoteAcceptance: new QuoteAcceptanceLinkService(ctx),
    portalSessions: new PortalSessionService(ctx),
    coupons: new CouponService(ctx),
    discounts: new DiscountService(ctx),
    usageThresholds: new UsageThresholdService(ctx),
    billing: new BillingService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
