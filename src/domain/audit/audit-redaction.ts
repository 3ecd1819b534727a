/**
 * Properties whose values never reach the audit log, whatever entity holds them: API key hashes
 * (ApiKey.secretHash), webhook signing secrets (WebhookEndpoint.secret), payment tokens
 * (PaymentMethod.token, SandboxCharge.token) and idempotency request hashes. A change to one is
 * still recorded, with both sides replaced by REDACTED, so that a rotation shows without its value.
 * The pattern catches properties added later under the usual names (portal session tokens, passwords).
 */
export const REDACTED_PROPERTIES: readonly string[] = ['secretHash', 'secret', 'token', 'requestHash', 'password'];
const SECRET_NAME = /secret|token|password|hash/i;

export const REDACTED = '[REDACTED]';

export function isSecretProperty(name: string): boolean {
  return REDACTED_PROPERTIES.includes(name) || SECRET_NAME.test(name);
}

/** Set on every save: alone, they are no change (an update that sets a name to its own value). */
export const BOOKKEEPING_PROPERTIES: ReadonlySet<string> = new Set(['updatedAt']);

/**
 * Entities never audited: records of record written as a consequence of a change, not the change
 * itself (the event outbox, webhook deliveries, the revenue ledger, idempotency replies, invoice
 * number counters), the hot-path usage ingest (its events are their own log), and this log.
 */
export const UNAUDITED_ENTITIES: ReadonlySet<string> = new Set([
  'AuditEntry',
  'DomainEvent',
  'IdempotencyKey',
  'WebhookDelivery',
  'WebhookAttempt',
  'MrrMovement',
  'MrrSubscriptionState',
  'MrrDiscountState',
  'UsageEvent',
  'UsageWatermark',
  'InvoiceNumber',
  'LifecycleSignal',
  'SandboxCharge',
]);
