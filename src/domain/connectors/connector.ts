import type { DomainEventInput } from '../events/event-types';
import type { ConnectedSystem } from './connection.entity';

/**
 * The record types the engine keeps a sync log of, in the order a pass sends them (a company
 * before what is associated with it). CRMs take customers to payments; ERPs customers, orders,
 * invoices and credit notes (CONTRACT.md, Integrations).
 */
export const RECORD_TYPES = ['customer', 'contact', 'subscription', 'order', 'invoice', 'credit_note', 'payment'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** One record to send: its latest event, and what the engine knows of it and of its relatives on the vendor side. */
export interface SyncItem {
  recordId: string;
  recordType: RecordType;
  tariffId: string;
  /** The vendor's id from an earlier success; null the first time. */
  externalId: string | null;
  /** The event whose payload is the record's latest state. */
  event: DomainEventInput;
  /** The customer's company on the vendor side (records other than customers wait for it). */
  customerExternalId: string | null;
  customerName: string | null;
  /** A subscription's MRR from the revenue projection, a decimal string; null for other records. */
  mrr: string | null;
  /** An invoice's subscription, a payment's or a credit note's invoice: its id on the vendor side when synced. */
  parentExternalId: string | null;
  /** An order's ship-to location (its `locationId`), as it is now; null for other records or a location gone. */
  shipTo?: { id: string; name: string; address: ShipToAddress; externalIds: { system: string; id: string }[] } | null;
}

export interface ShipToAddress {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  region: string | null;
  country: string;
}

/** What became of one item: the vendor's id, or why not and whether waiting helps. */
export type ItemOutcome =
  | { ok: true; externalId: string }
  | {
      ok: false;
      /** `rejected`: the vendor refused the record itself (4xx): retrying the same data will not help much. `unavailable`: down, throttled or unreachable. */
      kind: 'rejected' | 'unavailable';
      message: string;
      statusCode: number | null;
      /** The vendor's Retry-After, in milliseconds. */
      retryAfterMs?: number;
      /** A 429: the vendor asked to slow down; the attempt is not counted against the record. */
      throttled?: boolean;
      /**
       * The record is fine but waits for something only the vendor's users do (Business Central:
       * a payment's invoice to be posted): PENDING, not counted, tried again after `retryAfterMs`.
       */
      waiting?: boolean;
    };

/** A connection as its connector sees it: the credentials decrypted for this pass only. */
export interface ConnectorTarget {
  connectionId: string;
  baseUrl: string;
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
}

/**
 * One vendor (src/connectors/<vendor>/): how to check a connection's input, and how to send a
 * batch of records of one type. The engine (sync-engine.ts) owns the cursor, the order, the
 * retries and the log; a connector only talks to its vendor.
 */
export interface Connector {
  system: ConnectedSystem;
  defaultBaseUrl: string;
  /** Which record types it sends; events of others are not logged for its connections. */
  recordTypes: readonly RecordType[];
  /**
   * Problems with the input, `{ path, message }` (paths under `credentials` or `settings`, or
   * `baseUrl` for a vendor with no default host); empty when valid.
   */
  validate(input: { credentials: Record<string, unknown>; settings: Record<string, unknown>; baseUrl?: string | null }): {
    path: string;
    message: string;
  }[];
  /** One outcome per item, in the items' order. Never throws for a vendor's answer. */
  push(target: ConnectorTarget, recordType: RecordType, items: readonly SyncItem[]): Promise<ItemOutcome[]>;
  /**
   * Inbound (a CRM): the deals in the closed-won stage modified after `since` (the vendor's time,
   * ISO), oldest first, at most a page; throws on a vendor failure (the cursor stays).
   */
  pullClosedWon?(target: ConnectorTarget, since: string | null): Promise<InboundDeal[]>;
  /**
   * Inbound (an ERP or WMS): the warehouse's stock per SKU, changed after `since` (the cursor this
   * method returned last time, opaque to the engine; null the first time), and the cursor to keep.
   * Applied through setInventoryLevels (inbound-goods.ts). Throws on a vendor failure (the cursor stays).
   */
  pullInventory?(
    target: ConnectorTarget,
    since: string | null,
  ): Promise<{ levels: { sku: string; available: string }[]; cursor: string | null }>;
  /**
   * Inbound: the shipments (outbound deliveries) modified after `since` (the vendor's time, ISO),
   * oldest first, at most a page; applied through recordShipment, once per external id. Throws on a
   * vendor failure (the cursor stays).
   */
  pullShipments?(target: ConnectorTarget, since: string | null): Promise<InboundShipment[]>;
}

/** What left the seller's warehouse for a Tariff order, as the ERP reports it (inbound-goods.ts). */
export interface InboundShipment {
  /** The vendor's id of the shipment (SAP: the outbound delivery number): recorded once. */
  externalId: string;
  /** The vendor's last-modified time, ISO: the shipments cursor. */
  modifiedAt: string;
  /** The order on the vendor side (SAP: the sales order): the Tariff order the sync log links to it. */
  orderExternalId: string;
  shippedAt: string;
  carrier: string | null;
  trackingNumber: string | null;
  lines: { sku: string; quantity: string }[];
}

/** A deal won in the CRM, as the engine turns it into a quote (inbound.ts). */
export interface InboundDeal {
  externalId: string;
  /** The vendor's last-modified time, ISO: the inbound cursor. */
  modifiedAt: string;
  /** Its company on the vendor side: a customer the sync log links to it. */
  companyExternalId: string | null;
  contact: { externalId: string; email: string | null } | null;
  currency: string | null;
  purchaseOrderNumber: string | null;
  /** Line items: `code` is the SKU or price code they carry. */
  lines: { code: string; quantity: string }[];
}

export type ConnectorRegistry = ReadonlyMap<ConnectedSystem, Connector>;

/** The order statuses whose events are versions of an order record: placed and after, cancellations not. */
const ORDER_STATUSES_SENT = ['PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED'];

/** Which record an event is a version of, or null when no connector syncs it. */
export function recordOfEvent(event: {
  type: string;
  aggregate_id: string;
  customer_id: string | null;
  payload: Record<string, unknown>;
}): { recordType: RecordType; tariffId: string; customerId: string | null } | null {
  const [aggregate, verb] = event.type.split('.', 2);
  switch (aggregate) {
    case 'customer':
      if (['created', 'updated', 'imported'].includes(verb))
        return { recordType: 'customer', tariffId: event.aggregate_id, customerId: null };
      if (verb.startsWith('contact_')) return { recordType: 'contact', tariffId: String(event.payload.id), customerId: event.aggregate_id };
      return null;
    case 'subscription':
      return { recordType: 'subscription', tariffId: event.aggregate_id, customerId: event.customer_id };
    case 'invoice':
      return ['created', 'finalized', 'voided', 'credited', 'paid', 'marked_uncollectible', 'imported'].includes(verb)
        ? { recordType: 'invoice', tariffId: event.aggregate_id, customerId: event.customer_id }
        : null;
    case 'order':
      // An ERP gets an order once it is placed (a scheduled one may still be skipped or moved); every later
      // event is a version of it. A cancellation is not sent: canceling a sales order is the ERP's business.
      return ORDER_STATUSES_SENT.includes(String(event.payload.status))
        ? { recordType: 'order', tariffId: event.aggregate_id, customerId: event.customer_id }
        : null;
    case 'credit_note':
      return verb === 'created' ? { recordType: 'credit_note', tariffId: event.aggregate_id, customerId: event.customer_id } : null;
    case 'payment':
      return ['succeeded', 'recorded', 'refunded'].includes(verb)
        ? { recordType: 'payment', tariffId: event.aggregate_id, customerId: event.customer_id }
        : null;
    default:
      return null;
  }
}
