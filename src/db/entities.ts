import { ApiKey } from '../domain/auth/api-key.entity';
import { Price } from '../domain/catalog/price.entity';
import { Product } from '../domain/catalog/product.entity';
import { ContractItem } from '../domain/contracts/contract-item.entity';
import { Contract } from '../domain/contracts/contract.entity';
import { IdempotencyKey } from '../domain/idempotency/idempotency-key.entity';
import { QuoteLine } from '../domain/quotes/quote-line.entity';
import { Quote } from '../domain/quotes/quote.entity';
import { QuotePolicy } from '../domain/quotes/quote-policy.entity';
import { ScheduledChange } from '../domain/subscriptions/scheduled-change.entity';
import { InvoiceLine } from '../domain/invoices/invoice-line.entity';
import { InvoiceNumber } from '../domain/invoices/invoice-number.entity';
import { Invoice } from '../domain/invoices/invoice.entity';
import { UsageEvent } from '../domain/usage/usage-event.entity';
import { PendingProration } from '../domain/subscriptions/pending-proration.entity';
import { SubscriptionEvent } from '../domain/subscriptions/subscription-event.entity';
import { SubscriptionItem } from '../domain/subscriptions/subscription-item.entity';
import { Subscription } from '../domain/subscriptions/subscription.entity';
import { CustomerExternalId } from '../domain/customers/customer-external-id.entity';
import { Customer } from '../domain/customers/customer.entity';
import { CreditNote } from '../domain/credit-notes/credit-note.entity';
import { CreditNoteLine } from '../domain/credit-notes/credit-note-line.entity';
import { TestClock } from '../domain/test-clocks/test-clock.entity';
import { DomainEvent } from '../domain/events/domain-event.entity';
import { UsageWatermark } from '../domain/usage/usage-watermark.entity';
import { WebhookEndpoint } from '../domain/webhooks/webhook-endpoint.entity';
import { WebhookDelivery } from '../domain/webhooks/webhook-delivery.entity';
import { WebhookAttempt } from '../domain/webhooks/webhook-attempt.entity';
import { ProductExternalId } from '../domain/catalog/product-external-id.entity';
import { PriceExternalId } from '../domain/catalog/price-external-id.entity';
import { InvoiceExternalId } from '../domain/invoices/invoice-external-id.entity';
import { SubscriptionExternalId } from '../domain/subscriptions/subscription-external-id.entity';
import { PaymentMethod } from '../domain/payments/payment-method.entity';
import { PaymentAttempt } from '../domain/payments/payment-attempt.entity';
import { CreditBalanceEntry } from '../domain/payments/credit-balance.entity';
import { BankStatement } from '../domain/bank-statements/bank-statement.entity';
import { BankEntry } from '../domain/bank-statements/bank-entry.entity';
import { SandboxCharge } from '../domain/payments/sandbox-charge.entity';
import { SepaMandate } from '../domain/payments/sepa-mandate.entity';
import { DirectDebitBatch } from '../domain/payments/direct-debit-batch.entity';
import { DirectDebitItem } from '../domain/payments/direct-debit-item.entity';
import { Refund } from '../domain/refunds/refund.entity';
import { DunningPolicy } from '../domain/payments/dunning-policy.entity';
import { SellerSettings } from '../domain/settings/seller-settings.entity';
import { PortalSession } from '../domain/portal/portal-session.entity';
import { MrrDiscountState } from '../domain/analytics/mrr-discount-state.entity';
import { MrrMovement } from '../domain/analytics/mrr-movement.entity';
import { Coupon } from '../domain/coupons/coupon.entity';
import { PromotionCode } from '../domain/coupons/promotion-code.entity';
import { CouponRedemption } from '../domain/coupons/coupon-redemption.entity';
import { MrrSubscriptionState } from '../domain/analytics/mrr-state.entity';
import { UsageThreshold } from '../domain/lifecycle/usage-threshold.entity';
import { LifecycleSignal } from '../domain/lifecycle/lifecycle-signal.entity';
import { ExchangeRate } from '../domain/analytics/exchange-rate.entity';
import { BillingRun } from '../domain/billing/billing-run.entity';
import { Location } from '../domain/customers/location.entity';
import { LocationExternalId } from '../domain/customers/location-external-id.entity';
import { Contact } from '../domain/customers/contact.entity';
import { AuditEntry } from '../domain/audit/audit-entry.entity';
import { InventoryLevel } from '../domain/inventory/inventory-level.entity';
import { CacheVersion } from './cache-version.entity';
import { Connection, ConnectionInbound, ConnectionRecord } from '../domain/connectors/connection.entity';
import { ConnectionInboundCursor, ConnectionInboundShipment } from '../domain/connectors/inbound-goods.entity';
import { DocumentLinkSecret } from '../domain/documents/document-link-secret.entity';
import { DeliverySchedule } from '../domain/orders/delivery-schedule.entity';
import { DeliveryItem } from '../domain/orders/delivery-item.entity';
import { Order } from '../domain/orders/order.entity';
import { OrderLine } from '../domain/orders/order-line.entity';
import { Shipment } from '../domain/orders/shipment.entity';
import { EmailCursor, EmailDelivery } from '../domain/email/email-delivery.entity';

/** Every entity, listed explicitly: no folder scanning, so what the ORM knows is what this file says. */
export const entities = [
  Connection,
  ConnectionRecord,
  ConnectionInbound,
  ConnectionInboundCursor,
  ConnectionInboundShipment,
  ApiKey,
  Customer,
  CustomerExternalId,
  Product,
  InventoryLevel,
  Price,
  Contract,
  ContractItem,
  IdempotencyKey,
  Subscription,
  SubscriptionItem,
  DeliverySchedule,
  DeliveryItem,
  Order,
  OrderLine,
  Shipment,
  SubscriptionEvent,
  PendingProration,
  ScheduledChange,
  Quote,
  QuoteLine,
  QuotePolicy,
  UsageEvent,
  UsageWatermark,
  Invoice,
  InvoiceLine,
  InvoiceNumber,
  CreditNote,
  CreditNoteLine,
  TestClock,
  DomainEvent,
  ProductExternalId,
  PriceExternalId,
  InvoiceExternalId,
  SubscriptionExternalId,
  WebhookEndpoint,
  EmailDelivery,
  EmailCursor,
  WebhookDelivery,
  WebhookAttempt,
  PaymentMethod,
  PaymentAttempt,
  CreditBalanceEntry,
  BankStatement,
  BankEntry,
  SandboxCharge,
  SepaMandate,
  DirectDebitBatch,
  DirectDebitItem,
  Refund,
  DunningPolicy,
  SellerSettings,
  PortalSession,
  MrrMovement,
  MrrSubscriptionState,
  MrrDiscountState,
  Coupon,
  PromotionCode,
  CouponRedemption,
  UsageThreshold,
  LifecycleSignal,
  ExchangeRate,
  BillingRun,
  Location,
  LocationExternalId,
  Contact,
  AuditEntry,
  DocumentLinkSecret,
  CacheVersion,
];
